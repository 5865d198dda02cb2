#!/usr/bin/env bash
# Web inputs, all written here (invented pages): a page with its menus,
# share bar, related links, comments and footer around the article; a page
# in windows-1252; a WARC.gz built record by record (one gzip member each,
# as Common Crawl ships them) with a truncated record in the middle; an RSS
# feed and an Atom feed.  Spans must quote the input's bytes.
# usage: cli_web.sh SITREP TESTS_DIR SHARED_DIR
set -u
bin=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAILED: $1"; }
field() { python3 -c "
import json,sys
for l in sys.stdin:
    r=json.loads(l)
    if r.get('type')=='document' and r.get('id')==sys.argv[1]: print(r.get(sys.argv[2]) if not isinstance(r.get(sys.argv[2]),list) else '|'.join(r[sys.argv[2]]))
" "$1" "$2"; }

# ---- a page: the article among boilerplate ----
cat > "$t/page.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Militants storm army post in northern Mali - Sahel Daily</title>
<meta property="og:site_name" content="Sahel Daily">
<link rel="canonical" href="https://sahel-daily.example/mali-army-post">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Africa"}]}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Militants storm army post in northern Mali","datePublished":"2025-03-04T09:30:00Z","author":{"@type":"Person","name":"Aminata Kone"}}</script>
<script>var tracking = "Militants storm the tracker";</script>
<script type="text/javascript">
/* a long script, as news pages carry: the parser reads the page without it, and every offset still points into the page */
var widgets = ["<p>Fake paragraph inside a script</p>", "<div class='article-body'>not the article</div>"];
for (var i = 0; i < widgets.length; i++) { document.write(widgets[i]); } function pad() { return "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz"; }
var more = pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad();
var evenmore = pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad() + pad();
</script>
<style>.article-body p { margin: 0 0 1em 0; line-height: 1.5; font-family: Georgia, serif; } .site-header { display: flex; } .share-bar a { padding: 4px; }</style>
<style>.x{color:red}</style>
</head><body>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<main><article class="article-body">
<h1>Militants storm army post in northern Mali</h1>
<p class="byline">By Aminata Kone</p>
<p>Militants attacked an army post near Gao in northern Mali on Monday, killing 11 soldiers and wounding 6 others, the army said in a statement.</p>
<!-- an editor's note with <script> in it is a comment, not a script -->
<p>The attackers arrived on motorcycles before dawn and set fire to two armoured vehicles, a local official said, adding that the fighting lasted about three hours.</p>
<h2>A string of attacks</h2>
<p>The assault was the third on army positions in the region since January, according to a count by a security analyst in Bamako.</p>
<figure><img src="p.jpg"><figcaption>Soldiers patrol near Gao. Photo: Sahel Daily</figcaption></figure>
<div class="photoCredit">Army handout picture of the burnt vehicles</div>
<p>Residents said the road to Ansongo<br>was closed<br>until Tuesday <a href="/roads">as troops searched the area</a> for the attackers.</p>
<div style="display: none" itemscope><div itemprop="headline">Hidden schema copy of the headline</div></div>
<div class="teaser-list"><h3>More from Sahel Daily</h3><ul><li><a href="/c">Drought worsens in Tillaberi</a> as herders move south with their cattle</li></ul></div>
</article></main>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Floods hit Niamey as river rises</a></li><li><a href="/b">Markets reopen in Mopti after curfew</a></li></ul></aside>
<section id="comments"><p>Great article, thanks for reporting this, very sad news from the region.</p></section>
<footer class="site-footer"><p>Copyright 2025 Sahel Daily. All rights reserved. Terms of use.</p></footer>
</body></html>
EOF
out=$("$bin" extract --text "$t/page.html" 2>"$t/err")
rc=$?
[ "$rc" = 0 ] && ok || bad "a page: exit status 0 (got $rc: $(cat "$t/err"))"
text=$(echo "$out" | field page text)
for want in "killing 11 soldiers" "set fire to two armoured vehicles" "A string of attacks" "third on army positions" "closed" "as troops searched the area"; do
  case $text in *"$want"*) ok ;; *) bad "a page: the article keeps '$want'" ;; esac
done
for junk in "Home" "Share on Facebook" "Related stories" "Floods hit Niamey" "Great article" "Copyright 2025" "tracker" "color:red" "Photo: Sahel Daily" "burnt vehicles" "Hidden schema" "Drought worsens" "Fake paragraph" "not the article" "editor's note"; do
  case $text in *"$junk"*) bad "a page: '$junk' is boilerplate, not article" ;; *) ok ;; esac
done
[ "$(echo "$out" | field page title)" = "Militants storm army post in northern Mali" ] && ok || bad "a page: title from og/JSON-LD/<title> without the site suffix"
[ "$(echo "$out" | field page published)" = "2025-03-04" ] && ok || bad "a page: date from JSON-LD datePublished"
[ "$(echo "$out" | field page outlet)" = "Sahel Daily" ] && ok || bad "a page: outlet from og:site_name"
[ "$(echo "$out" | field page url)" = "https://sahel-daily.example/mali-army-post" ] && ok || bad "a page: canonical URL"
case "$(echo "$out" | field page byline)" in *"Aminata Kone"*) ok ;; *) bad "a page: author" ;; esac
[ "$(echo "$out" | field page language)" = "en" ] && ok || bad "a page: language from <html lang>"
# every quoted span is the page's own bytes
echo "$out" > "$t/page.jsonl"
python3 - "$t/page.html" "$t/page.jsonl" <<'EOF2' && ok || bad "a page: spans quote the page's bytes"
import json,sys
data=open(sys.argv[1],'rb').read()
bad=0
for l in open(sys.argv[2]):
    r=json.loads(l)
    spans=[]
    for k in ('mentions','sources','dropped'):
        spans+=r.get(k) or []
    for sp in spans:
        if isinstance(sp,dict) and 'start' in sp and data[sp['start']:sp['end']].decode('utf-8','replace')!=sp['quote']: bad+=1
n=sum(1 for l in open(sys.argv[2]) for k in ("mentions","sources") for sp in (json.loads(l).get(k) or []) if isinstance(sp,dict) and "start" in sp)
sys.exit(1 if bad or n == 0 else 0)
EOF2
echo "$out" | grep -q '"type":"event"' && ok || bad "a page: the attack is an event"

# ---- a page in windows-1252 ----
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Caf\xe9 bombing</title></head><body><article><p>A bomb exploded at a caf\xe9 in Mogadishu on Sunday, killing 7 people, police said \x96 the third blast this month.</p></article></body></html>' > "$t/cp1252.html"
out=$("$bin" extract --text "$t/cp1252.html" 2>/dev/null)
case "$(echo "$out" | field cp1252 text)" in *"café in Mogadishu"*"—"*|*"café in Mogadishu"*"–"*) ok ;; *) bad "windows-1252: decoded to UTF-8" ;; esac
[ "$(echo "$out" | field cp1252 title)" = "Café bombing" ] && ok || bad "windows-1252: title decoded"

# ---- WARC.gz: one gzip member per record, record 3 truncated ----
rec() { # uri id body [declared extra bytes]
  local http n
  http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s' "$3")
  n=$(( $(printf '%s' "$http" | wc -c) + ${4:-0} ))
  printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-03-02T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n%s\r\n\r\n' "$1" "$2" "$n" "$http" | gzip -c
}
info() { printf 'WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:0000-info>\r\nContent-Length: 14\r\n\r\nsoftware: test\r\n\r\n' | gzip -c; }
{
  info
  rec https://news.example/kabul 1111-a '<html><body><article><p>A bomb exploded near a market in Kabul on Sunday, killing four people and wounding nine, police said.</p></article></body></html>'
  rec https://news.example/mosul 2222-b '<html><body><article><p>Gunmen attacked a checkpoint near Mosul on Friday.</p></article></body></html>' 400
  rec https://news.example/khartoum 3333-c '<html><body><article><p>Protesters marched through Khartoum on Saturday to demand an end to the war, witnesses said.</p></article></body></html>'
} > "$t/crawl.warc.gz"
"$bin" extract "$t/crawl.warc.gz" >"$t/out" 2>"$t/err"
rc=$?
[ "$rc" = 1 ] && ok || bad "WARC: exit status 1 says a record was skipped (got $rc)"
ids=$(grep '"type":"document"' "$t/out" | sed 's/.*"id":"\([^"]*\)".*/\1/' | tr '\n' ' ')
[ "$ids" = "1111-a 3333-c " ] && ok || bad "WARC: the good response records are read, the info record skipped (got '$ids')"
grep -q 'crawl.warc.gz: .*record.*2222-b.*truncated' "$t/err" && ok || bad "WARC: the truncated record is named ($(cat "$t/err"))"
[ "$(grep -c '^sitrep: ' "$t/err")" = 2 ] && ok || bad "WARC: one line for the bad record, one for the count"
grep -q '"url":"https://news.example/khartoum"' "$t/out" && ok || bad "WARC: the target URI is the document's url"
grep '"id":"3333-c"' "$t/out" | grep -q '"published_inferred":"2025-03-02","published_basis":"the WARC record' && ok || bad "WARC: a page without a date is dated by its record (fetched that day)"
# the pages' events are dated against the record's date: Sunday before 2 March 2025 is 2 March
grep '"type":"event"' "$t/out" | grep -q '"date":{"start":"2025-03-02"' && ok || bad "WARC: the Kabul bombing dated against the record's date"

# ---- feeds ----
cat > "$t/feed.rss" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Monitor</title>
<item><title>Gunmen kill 12 villagers near Djibo</title><link>https://monitor.example/djibo</link><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate><guid>djibo-0304</guid>
<content:encoded><![CDATA[<p>Gunmen killed 12 villagers in an attack on a village near Djibo, Burkina Faso, on Monday, residents said.</p><p>No group claimed the attack.</p>]]></content:encoded></item>
<item><title>Talks resume in Doha</title><link>https://monitor.example/doha</link><pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate><guid>doha-0305</guid>
<description>Negotiators resumed talks in Doha on Wednesday, officials said.</description></item>
</channel></rss>
EOF
cat > "$t/feed.atom" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><title>Blast in Quetta</title><link href="https://desk.example/quetta"/><id>quetta-0302</id><published>2025-03-02T08:00:00Z</published>
<content type="html">&lt;p&gt;A bomb exploded outside a police station in Quetta on Sunday, killing 3 officers, police said.&lt;/p&gt;</content></entry>
</feed>
EOF
out=$("$bin" extract --text "$t/feed.rss" "$t/feed.atom" 2>"$t/err")
rc=$?
[ "$rc" = 0 ] && ok || bad "feeds: exit status 0 (got $rc: $(cat "$t/err"))"
[ "$(echo "$out" | grep -c '"type":"document"')" = 3 ] && ok || bad "feeds: one document per item"
[ "$(echo "$out" | field djibo-0304 title)" = "Gunmen kill 12 villagers near Djibo" ] && ok || bad "RSS: item title"
[ "$(echo "$out" | field djibo-0304 published)" = "2025-03-04" ] && ok || bad "RSS: item date"
[ "$(echo "$out" | field djibo-0304 url)" = "https://monitor.example/djibo" ] && ok || bad "RSS: item link"
case "$(echo "$out" | field djibo-0304 text)" in *"No group claimed the attack."*) ok ;; *) bad "RSS: content:encoded HTML read" ;; esac
case "$(echo "$out" | field doha-0305 text)" in "Negotiators resumed talks in Doha"*) ok ;; *) bad "RSS: description text read" ;; esac
[ "$(echo "$out" | field quetta-0302 published)" = "2025-03-02" ] && ok || bad "Atom: entry date"
[ "$(echo "$out" | field quetta-0302 url)" = "https://desk.example/quetta" ] && ok || bad "Atom: link href"
case "$(echo "$out" | field quetta-0302 text)" in *"killing 3 officers"*) ok ;; *) bad "Atom: escaped HTML content read" ;; esac
[ "$(echo "$out" | field djibo-0304 outlet)" = "Monitor" ] && ok || bad "RSS: the channel's title is the items' outlet"
[ "$(echo "$out" | field quetta-0302 outlet)" = "Desk" ] && ok || bad "Atom: the feed's title is the entries' outlet"

# ---- character references: decoded in the text, quoted as written ----
printf '<html><body><article><p>Rebels &amp; militias clashed near Goma on Friday &mdash; 5 soldiers were killed, the army&#8217;s spokesman said&#x2e;</p></article></body></html>' > "$t/refs.html"
out=$("$bin" extract --text "$t/refs.html" 2>/dev/null)
[ "$(echo "$out" | field refs text)" = "Rebels & militias clashed near Goma on Friday — 5 soldiers were killed, the army’s spokesman said." ] && ok || bad "references decoded in the text (got $(echo "$out" | field refs text))"
echo "$out" | grep -q '"quote":"Rebels &amp; militias' && ok || bad "spans quote the page's bytes, references as written"
# the analysis reads the references decoded: "army&#8217;s" is one word, its
# spokesman the source; every span still quotes the page's own bytes
printf '<html><body><article><p>The army&#8217;s spokesman said 5 soldiers were killed near Goma on Friday &#8211; the third attack this month.</p></article></body></html>' > "$t/apos.html"
"$bin" extract "$t/apos.html" > "$t/apos.jsonl" 2>/dev/null
grep '"type":"claim"' "$t/apos.jsonl" | grep -q '"attributed_to":"army’s spokesman"' && ok || bad "references: the source is the army's spokesman ($(grep -o '"attributed_to":"[^"]*"' "$t/apos.jsonl"))"
python3 - "$t/apos.html" "$t/apos.jsonl" <<'EOF2' && ok || bad "references: every span quotes the page's bytes"
import json, sys
data = open(sys.argv[1], "rb").read()
n = bad = 0
for l in open(sys.argv[2]):
    r = json.loads(l)
    for k in ("mentions", "sources", "dropped"):
        for sp in r.get(k) or []:
            n += 1
            bad += data[sp["start"]:sp["end"]].decode() != sp["quote"]
sys.exit(0 if n and not bad else 1)
EOF2

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
