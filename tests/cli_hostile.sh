#!/usr/bin/env bash
# cli_hostile.sh SITREP TESTS_SRC_DIR SHARED_DIR
#
# Hostile and broken inputs that used to be lost without a word (issue 19):
# each case checks what is read, the message on standard error (one line
# naming the file, and the line or item) and the exit status (0: all read,
# 1: something was skipped).
#
#   JSON Lines   a malformed first line (cut short, bad escape, lone
#                surrogate) is one bad record, not the file read as text
#   feeds        an unclosed <br> in a description, nested entities, a
#                DOCTYPE longer than the first read, an entity bomb, an
#                entity loop, an external entity, a feed cut short
#   wide         UTF-16 and UTF-32 pages with a byte order mark
set -u
sitrep=${1:?usage: cli_hostile.sh PATH/TO/sitrep TESTS_SRC_DIR SHARED_DIR}
case $sitrep in /*) ;; *) sitrep=$PWD/$sitrep ;; esac

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then ok; else bad "$what"; fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-cli-hostile.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2

# run NAME ARGS...: sitrep ARGS with stdout in NAME.out, stderr in NAME.err,
# the exit status in $status
run() {
    local name=$1
    shift
    timeout 120 "$sitrep" "$@" >"$name.out" 2>"$name.err"
    status=$?
}
docs() { grep -c '"type":"document"' "$1.out"; }
# the text of document ID in NAME.out (extract --text)
text_of() {
    python3 -c '
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("type") == "document" and r.get("id") == sys.argv[2]:
        print(r.get("text", ""))
' "$1.out" "$2"
}

# ---- JSON Lines: a malformed first line ----
good='{"id": "j2", "text": "Troops retook the bridge on Tuesday, the army said."}
{"id": "j3", "text": "Talks resumed in the capital on Monday, the ministry said."}'
printf '%s\n%s\n' '{"id": "j1", "text": "The first record was cut' "$good" > cut.jsonl
printf '%s\n%s\n' '{"id": "j1", "text": "A bad \q escape"}' "$good" > escape.jsonl
printf '%s\n%s\n' '{"id": "j1", "text": "A lone \ud800 surrogate"}' "$good" > surrogate.jsonl
for f in cut escape surrogate; do
    run "$f" extract "$f.jsonl"
    check "jsonl $f: exit status 1 (got $status)" [ "$status" = 1 ]
    check "jsonl $f: the two good records read" [ "$(docs "$f")" = 2 ]
    check "jsonl $f: no document of raw JSON" [ "$(grep -c '"id":"'"$f"'"' "$f.out")" = 0 ]
    check "jsonl $f: line 1 named as a malformed record" \
        grep -q "^sitrep: $f.jsonl:1: malformed JSON record" "$f.err"
done
# an article opening with a brace is still text
printf '{Editor'"'"'s note: this report was updated.}\nRebels attacked the town of Example on Monday, the army said.\n' > note.txt
run note extract note.txt
check "text opening with a brace: one document, exit 0" [ "$status" = 0 -a "$(docs note)" = 1 ]

# ---- feeds ----
rss_items() { # rss_items DESCRIPTION2: four items, the second's description given
    cat <<EOF
<item><title>one</title><guid>i1</guid><description>Rebels attacked the town of Alpha on Monday, the army said.</description></item>
<item><title>two</title><guid>i2</guid><description>$1</description></item>
<item><title>three</title><guid>i3</guid><description>Troops retook the bridge near Gamma on Tuesday, officials said.</description></item>
<item><title>four</title><guid>i4</guid><description>Police arrested six people in Delta on Friday, a spokesman said.</description></item>
EOF
}
{
    echo '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire: latest</title>'
    rss_items 'Shelling hit the market of Beta<br>on Sunday, residents said.'
    echo '</channel></rss>'
} > br.xml
run br extract --text br.xml
check "feed with an unclosed <br>: exit 0 (got $status: $(cat br.err))" [ "$status" = 0 ]
check "feed with an unclosed <br>: all four items read" [ "$(docs br)" = 4 ]
check "feed with an unclosed <br>: the feed's title is the outlet" grep -q '"outlet":"Wire"' br.out

{
    echo '<?xml version="1.0"?>'
    echo '<!DOCTYPE rss ['
    echo '<!ENTITY a "Beta">'
    echo '<!ENTITY b "&a; &a;">'
    echo '<!ENTITY c "&b; &b;">'
    echo '<!ENTITY d "&c; &c;">'
    echo ']>'
    echo '<rss version="2.0"><channel><title>Wire</title>'
    rss_items 'Shelling hit &d; on Sunday, residents said.'
    echo '</channel></rss>'
} > nested.xml
run nested extract --text nested.xml
check "feed with nested entities: exit 0 (got $status: $(cat nested.err))" [ "$status" = 0 ]
check "feed with nested entities: all four items read" [ "$(docs nested)" = 4 ]
check "feed with nested entities: expanded in the text" \
    [ "$(text_of nested i2 | grep -o Beta | wc -l)" = 8 ]

{
    echo '<?xml version="1.0"?>'
    echo '<!DOCTYPE rss ['
    for i in $(seq 1 3000); do echo "<!ENTITY e$i \"a value of entity number $i\">"; done
    echo ']>'
    echo '<rss version="2.0"><channel><title>Wire</title>'
    rss_items 'Shelling hit the market of Beta on Sunday, &e2999; residents said.'
    echo '</channel></rss>'
} > doctype.xml
run doctype extract --text doctype.xml
check "feed whose DOCTYPE is longer than the first read: exit 0 (got $status)" [ "$status" = 0 ]
check "feed whose DOCTYPE is longer than the first read: read as a feed" [ "$(docs doctype)" = 4 ]
check "feed whose DOCTYPE is longer than the first read: its entities known" \
    grep -q 'entity number 2999' doctype.out

{
    echo '<?xml version="1.0"?>'
    printf '<!DOCTYPE rss [<!ENTITY e "%s">]>\n' "$(head -c 1024 /dev/zero | tr '\0' x)"
    echo '<rss version="2.0"><channel><title>Wire</title>'
    rss_items "Shelling hit Beta. $(for i in $(seq 1 40); do printf '&e;'; done)"
    echo '</channel></rss>'
} > bomb.xml
run bomb extract --max-bytes 20000 bomb.xml
check "entity bomb: exit 1 (got $status)" [ "$status" = 1 ]
check "entity bomb: the other three items read" [ "$(docs bomb)" = 3 ]
check "entity bomb: the item and the limit named" \
    grep -q "^sitrep: bomb.xml:5: input too large: item 2: entities expand past the feed's 20000-byte limit (&e;)" bomb.err

{
    echo '<?xml version="1.0"?>'
    echo '<!DOCTYPE rss [<!ENTITY a "x &b;"><!ENTITY b "y &a;">]>'
    echo '<rss version="2.0"><channel><title>Wire</title>'
    rss_items 'Shelling hit Beta &a; on Sunday.'
    echo '</channel></rss>'
} > loop.xml
run loop extract loop.xml
check "entity loop: exit 1 (got $status)" [ "$status" = 1 ]
check "entity loop: the other three items read" [ "$(docs loop)" = 3 ]
check "entity loop: named" grep -q "^sitrep: loop.xml:5: malformed or unrecognised input: item 2: entity &[ab]; refers to itself" loop.err

{
    echo '<?xml version="1.0"?>'
    echo "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file://$tmp/secret.txt\">]>"
    echo '<rss version="2.0"><channel><title>Wire</title>'
    rss_items 'Shelling hit Beta on Sunday. &x;'
    echo '</channel></rss>'
} > xxe.xml
echo "TOPSECRETVALUE" > secret.txt
run xxe extract --text xxe.xml
check "external entity: exit 0 (got $status)" [ "$status" = 0 ]
check "external entity: never read" [ "$(grep -c TOPSECRETVALUE xxe.out)" = 0 ]

{
    echo '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    rss_items 'Shelling hit the market of Beta on Sunday, residents said.' | head -c -130
} > cut.xml
run cutfeed extract cut.xml
check "feed cut short inside an item: exit 1 (got $status)" [ "$status" = 1 ]
check "feed cut short inside an item: the three whole items read" [ "$(docs cutfeed)" = 3 ]
check "feed cut short inside an item: named, once" \
    grep -q "^sitrep: cut.xml:5: malformed or unrecognised input: item 4: the feed ends inside it" cutfeed.err
check "feed cut short inside an item: one message" [ "$(grep -c 'cut.xml' cutfeed.err)" = 1 ]

# ---- UTF-16 and UTF-32 with a byte order mark ----
page='<html><head><title>Shelling in Beta</title></head><body><p>Shelling hit the market of Beta on Sunday, killing 4 people, residents said.</p></body></html>'
python3 - "$page" <<'PY'
import sys
page = sys.argv[1]
for name, bom, enc in (("u16le", b"\xff\xfe", "utf-16-le"), ("u16be", b"\xfe\xff", "utf-16-be"),
                       ("u32le", b"\xff\xfe\x00\x00", "utf-32-le"), ("u32be", b"\x00\x00\xfe\xff", "utf-32-be")):
    open(name + ".html", "wb").write(bom + page.encode(enc))
PY
for f in u16le u16be u32le u32be; do
    run "$f" extract --text "$f.html"
    check "$f page: exit 0 (got $status: $(cat "$f.err"))" [ "$status" = 0 ]
    check "$f page: its text read" bash -c "grep -q 'Shelling hit the market of Beta' $f.out"
    check "$f page: its title read" grep -q '"title":"Shelling in Beta"' "$f.out"
done
printf '\xff\xfe' > bomonly.txt
run bomonly extract bomonly.txt
check "a byte order mark alone: empty, exit 1" bash -c "[ $status = 1 ] && grep -q 'bomonly.txt: empty input' bomonly.err"

# ---- control characters in fields and text ----
python3 - <<'PY'
import json
esc = "\u001b[2J\u001b]0;pwned\u0007"
recs = [
    {"id": "c1\u001b[1m", "title": "Rebels " + esc + " attack Alpha", "outlet": "Wire\u0007Desk",
     "url": "https://example.org/a\u001b[0m", "published": "2024-03-04",
     "text": "Rebels attacked the town of Alpha on Monday, killing 12 people, the army said " + esc +
             " in a statement.\n\nBy Jane \u001b[31mExample\n\n" +
             "The army said the attack on the town was the worst this year. " * 20},
    {"id": "c2", "title": "Attack on Alpha \u009b31m", "outlet": "Other",
     "text": "Rebels attacked the town of Alpha on Monday, killing 12 people, officials said."},
]
with open("ctl.jsonl", "w") as f:
    for r in recs:
        f.write(json.dumps(r) + "\n")
PY
controls() { # how many control bytes (ESC, BEL, CSI) the file holds
    python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); print(sum(d.count(b) for b in (b"\x1b", b"\x07", b"\xc2\x9b")))' "$1"
}
run ctldocs docs ctl.jsonl
check "docs: no control characters (got $(controls ctldocs.out))" [ "$(controls ctldocs.out)" = 0 ]
check "docs: the title without them" grep -q 'Rebels \[2J\]0;pwned attack Alpha' ctldocs.out
run ctlx extract ctl.jsonl
check "extract: the id without them" grep -q '"id":"c1\[1m"' ctlx.out
check "extract: the outlet without them" grep -q '"outlet":"WireDesk"' ctlx.out
run ctlingest ingest ctl.db ctl.jsonl
check "ingest of fields with control characters: exit 0 (got $status)" [ "$status" = 0 ]
for q in stories claims events; do
    run "ctl$q" "$q" ctl.db
    check "$q: no control characters" [ "$(controls "ctl$q.out")" = 0 ]
done
run ctlreport report ctl.db
check "Markdown report: no control characters (got $(controls ctlreport.out))" [ "$(controls ctlreport.out)" = 0 ]
check "Markdown report: the quote is there" grep -q 'the army said' ctlreport.out
run ctlhtml report ctl.db --html ctl.html
check "HTML report: no control characters (got $(controls ctl.html))" [ "$(controls ctl.html)" = 0 ]

# ---- extract's temporary file: a run's mention rows (and its undated
# articles' input) are kept on disk under $TMPDIR, unlinked at once; a
# directory that cannot take them is one clear error, exit 2 ----
python3 - <<'PY'
with open("many.txt", "w") as f:
    f.write("Fighting near Kabul\n\n")
    for i in range(3000):  # about 9,000 mentions: rows past the write buffer
        f.write("Taliban fighters attacked a checkpoint in Kabul on Monday, the governor of Kandahar said. ")
PY
mkdir spill
TMPDIR=$tmp/spill run spillok extract many.txt
check "extract with its rows on disk: exit 0 (got $status)" [ "$status" = 0 ]
check "extract with its rows on disk: the entity's record" grep -q '"type":"entity","id":"[^"]*","name":"Kabul"' spillok.out
check "extract with its rows on disk: every mention written (got $(grep -o '"name":"Kabul".*' spillok.out | grep -o '"quote":"Kabul"' | wc -l))" \
    [ "$(grep -o '"name":"Kabul".*' spillok.out | head -1 | grep -o '"quote":"Kabul"' | wc -l)" -ge 3000 ]
check "no temporary file left behind" [ -z "$(ls -A spill)" ]
TMPDIR=$tmp/nowhere run spillgone extract many.txt
check "a TMPDIR that is not there: exit 2 (got $status)" [ "$status" = 2 ]
check "a TMPDIR that is not there: one line naming it ($(cat spillgone.err))" \
    [ "$(wc -l <spillgone.err)" = 1 ]
check "a TMPDIR that is not there: the reason" grep -q "cannot write the temporary file in $tmp/nowhere: No such file or directory" spillgone.err
# a file size limit (as a full disk): the write fails, the signal is ignored
(ulimit -f 16 && TMPDIR=$tmp/spill exec timeout 120 "$sitrep" extract many.txt >/dev/null 2>spillfull.err)
status=$?
check "a temporary file that cannot grow: exit 2 (got $status)" [ "$status" = 2 ]
check "a temporary file that cannot grow: one clear line ($(cat spillfull.err))" \
    grep -q "^sitrep: cannot write the temporary file in $tmp/spill: File too large$" spillfull.err
check "a temporary file that cannot grow: nothing left behind" [ -z "$(ls -A spill)" ]

echo "cli_hostile: $passed passed, $failed failed"
[ "$failed" = 0 ]
