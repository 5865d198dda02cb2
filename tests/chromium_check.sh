#!/usr/bin/env bash
# chromium_check.sh -- renders an HTML page in headless Chromium and checks
# what a reader would see: texts that must show, texts that must not, a
# screenshot that exists, and that no script in the page ran.
#
# usage: bash tests/chromium_check.sh PAGE.html OUT.png [--expect TEXT]... [--absent TEXT]...
#
# Exit 0 when every check passes; 1 with one line per failed check on
# standard output; 2 on a usage error; 77 (ctest's skip) when no Chromium
# is installed (`chromium`, `chromium-browser`, or $CHROMIUM).
#
# Script execution: the hostile payload callers plant in article text is
#   <script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script>
# If the page failed to escape it, Chromium runs it and the DOM it dumps
# after loading carries a data-pwned attribute and the title PWNED; an
# escaped payload shows as text and leaves neither.
#
# "Visible text" is the dumped DOM without its markup: <head>, <script>,
# <style>, <template>, <noscript> and comments are dropped, tags are
# removed (block-level ones leave a space, so cells and paragraphs do not
# run together), entities are decoded and white space runs become one
# space (in the expected texts too).  It is read from the DOM, not from
# pixels: an element hidden by CSS, or an SVG <title> tooltip, still counts.
#
# Chromium's stderr (D-Bus, GPU and sandbox warnings) goes to a file and is
# shown only when Chromium fails.  Nothing is fetched from the network:
# every host name resolves to nothing, as a self-contained page needs none.
set -u

usage() {
    echo "usage: bash $0 PAGE.html OUT.png [--expect TEXT]... [--absent TEXT]..." >&2
    exit 2
}

[ $# -ge 2 ] || usage
page=$1
out=$2
shift 2
expects=()
absents=()
while [ $# -gt 0 ]; do
    case $1 in
    --expect) [ $# -ge 2 ] || usage; expects+=("$2"); shift 2 ;;
    --absent) [ $# -ge 2 ] || usage; absents+=("$2"); shift 2 ;;
    *) usage ;;
    esac
done
if [ ! -f "$page" ]; then
    echo "FAIL: page $page not found"
    exit 1
fi

browser=
for b in "${CHROMIUM:-}" chromium chromium-browser; do
    if [ -n "$b" ] && command -v "$b" >/dev/null 2>&1; then
        browser=$(command -v "$b")
        break
    fi
done
if [ -z "$browser" ]; then
    echo "chromium_check: no chromium found (chromium, chromium-browser): skipped" >&2
    exit 77
fi
command -v perl >/dev/null 2>&1 || { echo "FAIL: perl is needed to read the DOM"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/chromium_check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
# Chromium resolves a relative --screenshot path against its own working
# folder; give it absolute paths.
case $page in /*) abs_page=$page ;; *) abs_page=$PWD/$page ;; esac
case $out in /*) abs_out=$out ;; *) abs_out=$PWD/$out ;; esac
url="file://$abs_page"
rm -f "$abs_out" # a stale screenshot must not pass for a new one

# Each run gets its own throw-away profile and config folders, so nothing
# of the user's browser (or of an earlier run) takes part.
run_chromium() { # NAME ARGS...: stdout to $tmp/NAME.out, stderr to $tmp/NAME.err
    local name=$1
    shift
    mkdir -p "$tmp/$name.profile" "$tmp/$name.home"
    HOME="$tmp/$name.home" XDG_CONFIG_HOME="$tmp/$name.home" XDG_CACHE_HOME="$tmp/$name.home" \
        timeout -k 5 60 "$browser" --headless --no-sandbox --disable-gpu \
        --user-data-dir="$tmp/$name.profile" --no-first-run --no-default-browser-check \
        --disable-extensions --disable-sync --disable-background-networking \
        --disable-dev-shm-usage --mute-audio --hide-scrollbars \
        --host-resolver-rules="MAP * ~NOTFOUND" \
        "$@" "$url" >"$tmp/$name.out" 2>"$tmp/$name.err" </dev/null
}

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
# the last lines of a run's stderr, on one line, for a failure message
err_tail() {
    grep -v -e 'dbus' -e 'unexpected operator' "$tmp/$1.err" | tail -n 3 | tr '\n' ' ' | cut -c1-300
}

# ---- the DOM after loading (scripts, if any, have run) ----
run_chromium dom --dump-dom
rc=$?
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    fail "chromium --dump-dom timed out after 60 s"
elif [ $rc -ne 0 ]; then
    fail "chromium --dump-dom exited with $rc: $(err_tail dom)"
fi
dom=$tmp/dom.out
if [ ! -s "$dom" ] || ! grep -qi '<html' "$dom"; then
    fail "chromium dumped no DOM for $page"
else
    # markers of the hostile payload, looked for in markup only: script,
    # style and textarea bodies and comments are removed first, since the
    # escaped payload's own text names data-pwned
    perl -CSD -0777 -ne '
        s/<!--.*?-->//gs;
        s/<(script|style|textarea|template)\b[^>]*>.*?<\/\1\s*>//gsi;
        # every start tag, then its attribute names (a value that merely
        # says data-pwned is not one)
        my $val = qr/(?:"[^"]*"|\x27[^\x27]*\x27|[^\s"\x27>]+)/;
        my $attr = qr/\s+[^\s"\x27>\/=]+(?:\s*=\s*$val)?/;
        my $hit = 0;
        while (/<[a-zA-Z][^\s\/>]*((?:$attr)*)\s*\/?>/g) {
            my $attrs = $1;
            while ($attrs =~ /\s+([^\s"\x27>\/=]+)(?:\s*=\s*$val)?/g) {
                $hit = 1 if lc($1) eq "data-pwned";
            }
        }
        print "attr\n" if $hit;
        if (/<head\b.*?<title\b[^>]*>(.*?)<\/title\s*>.*?<\/head\s*>/si) {
            my $t = $1;
            $t =~ s/^\s+|\s+$//g;
            print "title\n" if $t eq "PWNED";
        }' "$dom" >"$tmp/pwned"
    grep -qx attr "$tmp/pwned" && fail "a script ran: the DOM has a data-pwned attribute"
    grep -qx title "$tmp/pwned" && fail "a script ran: the document title is PWNED"

    # the visible text, one line
    perl -CSD -0777 -ne '
        s/<!--.*?-->//gs;
        s/<head\b.*?<\/head\s*>//gsi;
        s/<(script|style|template|noscript|textarea)\b[^>]*>.*?<\/\1\s*>/ /gsi;
        my $block = qr/(?:address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|
            figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|option|p|pre|section|
            summary|table|tbody|td|tfoot|th|thead|tr|ul|svg|g|text|tspan|title|desc)/x;
        s/<\/?$block\b[^>]*>/ /gsi;
        s/<[^>]*>//gs;
        s/&nbsp;|&#160;|&#xa0;/ /gi;
        s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;|&#x27;|&apos;/\x27/gi;
        s/&#(\d+);/chr($1)/ge; s/&#x([0-9a-f]+);/chr(hex($1))/gie;
        s/&amp;/&/g;
        s/\s+/ /g; s/^ //; s/ $//;
        print;' "$dom" >"$tmp/text"
    # the texts to look for, normalised the same way, one per file, so
    # any byte (quotes, newlines) survives the trip
    i=0
    for t in "${expects[@]+"${expects[@]}"}"; do
        printf '%s' "$t" >"$tmp/want.$i"
        if ! perl -CSD -0777 -e '
            open my $f, "<", $ARGV[0] or exit 2; local $/; my $h = <$f>;
            open my $g, "<", $ARGV[1] or exit 2; my $n = <$g> // "";
            $n =~ s/\s+/ /g; $n =~ s/^ //; $n =~ s/ $//;
            exit(index($h, $n) >= 0 ? 0 : 1);' "$tmp/text" "$tmp/want.$i"; then
            fail "expected text not shown: $t"
        fi
        i=$((i + 1))
    done
    for t in "${absents[@]+"${absents[@]}"}"; do
        printf '%s' "$t" >"$tmp/want.$i"
        if perl -CSD -0777 -e '
            open my $f, "<", $ARGV[0] or exit 2; local $/; my $h = <$f>;
            open my $g, "<", $ARGV[1] or exit 2; my $n = <$g> // "";
            $n =~ s/\s+/ /g; $n =~ s/^ //; $n =~ s/ $//;
            exit(index($h, $n) >= 0 ? 0 : 1);' "$tmp/text" "$tmp/want.$i"; then
            fail "text shown that must not be: $t"
        fi
        i=$((i + 1))
    done
fi

# ---- the screenshot ----
run_chromium shot --screenshot="$abs_out" --window-size=1280,2400
rc=$?
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    fail "chromium --screenshot timed out after 60 s"
elif [ $rc -ne 0 ]; then
    fail "chromium --screenshot exited with $rc: $(err_tail shot)"
fi
if [ ! -s "$abs_out" ]; then
    fail "no screenshot written to $out"
elif [ "$(head -c 8 "$abs_out" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
    fail "the screenshot $out is not a PNG"
fi

if [ $failures -gt 0 ]; then
    exit 1
fi
echo "chromium_check: $page: ${#expects[@]} expected and ${#absents[@]} absent texts," \
    "no script ran, screenshot $out" >&2
exit 0
