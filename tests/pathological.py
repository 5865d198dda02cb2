#!/usr/bin/env python3
"""pathological.py SITREP -- inputs built to make a reader or analyser take
super-linear time or memory, each at ten times the size that was slow
before it was fixed (issue 19), run with a time limit that a linear
implementation meets on a loaded two-core machine (the model is cmark's
test/pathological_tests.py).  Prints each case's time and peak memory.

A case fails when sitrep runs over its time or memory limit, crashes, or
ends with another exit status or message than the case expects.  In a
sanitizer build (which is there to find memory errors, not to time) the
inputs are a tenth of the size and the memory limits three times higher.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

# a tenth of each input in a sanitizer build (set in main)
SCALE = 1.0


def scaled(n):
    return max(1, int(n * SCALE))


def sanitized(binary):
    with open(binary, "rb") as f:
        data = f.read()
    return b"__asan_init" in data or b"__msan_init" in data


def run(binary, args, limit, cwd):
    """Runs sitrep; returns (status, stderr, seconds, peak KB); status None
    when it was killed for running far over its limit."""
    out = open(os.path.join(cwd, ".out"), "wb")
    err = open(os.path.join(cwd, ".err"), "w+b")
    t0 = time.monotonic()
    p = subprocess.Popen([binary] + args, cwd=cwd, stdout=out, stderr=err)
    status, peak = None, 0
    while True:
        pid, st, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            status = os.waitstatus_to_exitcode(st)
            peak = usage.ru_maxrss
            break
        if time.monotonic() - t0 > limit * 3 + 10:
            p.kill()
            os.wait4(p.pid, 0)
            break
        time.sleep(0.01)
    seconds = time.monotonic() - t0
    p.returncode = status if status is not None else -9  # reaped here, not by Popen
    out.close()
    err.seek(0)
    text = err.read().decode("utf-8", "replace")
    err.close()
    return status, text, seconds, peak


# ---- the cases: each builds its input in a folder and gives sitrep's arguments ----

def attr_flood(d):
    """One HTML tag with a million attributes (12 MB): libxml2 2.9.14 checks
    each against every earlier one (100,000 took 11.6 s; a million about
    20 minutes)."""
    path = os.path.join(d, "attrs.html")
    with open(path, "w") as f:
        f.write("<html><body><p>Rebels attacked the town on Monday, the army said.</p><div ")
        f.write(" ".join("a%d=\"x\"" % i for i in range(scaled(1000000))))
        f.write(">More text after the tag.</div></body></html>\n")
    return ["extract", path]


def attr_flood_jsonl(d):
    """The same tag in a JSON Lines record's html field."""
    import json
    html = "<p>Rebels attacked the town on Monday, the army said.</p><div " + \
        " ".join("a%d=x" % i for i in range(scaled(1000000))) + ">tail</div>"
    path = os.path.join(d, "attrs.jsonl")
    with open(path, "w") as f:
        f.write(json.dumps({"id": "flood", "html": html}) + "\n")
    return ["extract", path]


def attr_flood_tags(d):
    """A hundred thousand tags with 64 attributes each (the cap): what the
    cap still lets through must cost little."""
    path = os.path.join(d, "tags.html")
    attrs = " ".join("b%d" % i for i in range(64))
    with open(path, "w") as f:
        f.write("<html><body><p>Rebels attacked the town on Monday, the army said.</p>")
        for _ in range(scaled(50000)):
            f.write("<i %s>x</i>" % attrs)
        f.write("</body></html>\n")
    return ["extract", path]


def feed(path, doctype, items):
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?>\n')
        if doctype:
            f.write("<!DOCTYPE rss [%s]>\n" % doctype)
        f.write('<rss version="2.0"><channel><title>Wire</title>\n')
        for chunk in items:
            f.write(chunk)
        f.write("</channel></rss>\n")


def item(i, text):
    return "<item><guid>g%d</guid><title>t%d</title><description>%s</description></item>\n" % (i, i, text)


def entity_flood(d, refs, max_bytes=None):
    """A 1 KB entity referenced `refs` times (2M: 6 MB of feed, 2 GB once
    expanded; it reached 4.1 GB before the size check fired)."""
    path = os.path.join(d, "flood.xml")
    body = "Rebels attacked the town on Monday, the army said. " + "&e;" * scaled(refs)
    feed(path, '<!ENTITY e "%s">' % ("x" * 1024), [item(1, body),
                                                     item(2, "Troops retook the bridge on Tuesday, officials said.")])
    return (["extract", "--max-bytes", str(max_bytes), path] if max_bytes else ["extract", path])


def laughs(d):
    """Billion laughs: ten levels of ten references (10^10 bytes)."""
    path = os.path.join(d, "laughs.xml")
    decl = '<!ENTITY l0 "lol">' + "".join(
        '<!ENTITY l%d "%s">' % (k, ("&l%d;" % (k - 1)) * 10) for k in range(1, 11))
    feed(path, decl, [item(1, "Rebels attacked the town. &l10;"), item(2, "Troops retook the bridge.")])
    return ["extract", path]


def empty_laughs(d):
    """Ten levels of a hundred references to nothing: 10^20 expansions
    that write no byte (a budget of bytes alone would not stop it)."""
    path = os.path.join(d, "empty.xml")
    decl = '<!ENTITY l0 "">' + "".join(
        '<!ENTITY l%d "%s">' % (k, ("&l%d;" % (k - 1)) * 100) for k in range(1, 11))
    feed(path, decl, [item(1, "Rebels attacked the town. &l10;"), item(2, "Troops retook the bridge.")])
    return ["extract", path]


def feed_attrs(d):
    """An item with a million attributes (12 MB): libxml2 2.9.14's XML
    parser compares each with every earlier one (50,000 took 14 s)."""
    path = os.path.join(d, "attrs.xml")
    attrs = " ".join('a%d="x"' % i for i in range(scaled(1000000)))
    feed(path, None, ["<item %s>" % attrs + item(1, "Rebels attacked the town on Monday, the army said.")[6:]])
    return ["extract", path]


def feed_items(d):
    """30,000 small items in one feed, read one at a time."""
    path = os.path.join(d, "items.xml")
    feed(path, None, (item(i, "Rebels attacked town %d on Monday." % i) for i in range(scaled(30000))))
    return ["extract", path]


def feed_end_tags(d):
    """Four million end tags that close nothing, and a thousand open
    elements each searched for (16 MB)."""
    path = os.path.join(d, "ends.xml")
    feed(path, None, [item(1, "<b>" * 1000 + "Rebels attacked the town on Monday." + "</i>" * scaled(4000000))])
    return ["extract", path]


def warc_junk(d):
    """A truncated WARC record and 320 MB of junk after it (gzip, 320 KB):
    each read searched the whole buffer again for the next record (32 MB
    took 30 s) and the buffer held all of it."""
    import gzip
    path = os.path.join(d, "junk.warc.gz")
    rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
           b"WARC-Target-URI: http://example.org/\r\nContent-Length: 99999\r\n\r\n"
           b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Rebels attacked.</p>")
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(rec)
        chunk = b"x" * (1 << 20)
        for _ in range(scaled(320)):
            f.write(chunk)
    return ["extract", path]


def warc_records(d):
    """100,000 small response records."""
    path = os.path.join(d, "many.warc")
    with open(path, "wb") as f:
        for i in range(scaled(100000)):
            page = b"<html><body><p>Rebels attacked town %d on Monday.</p></body></html>" % i
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
            f.write(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%d>\r\n"
                    b"WARC-Target-URI: http://example.org/%d\r\nContent-Length: %d\r\n\r\n" % (i, i, len(http)))
            f.write(http + b"\r\n\r\n")
    return ["docs", path]


# (name, build, seconds, peak MB (0: no limit), exit status, stderr pattern)
CASES = [
    ("HTML tag with 1M attributes", attr_flood, 10, 400, 0, None),
    ("JSONL html field, tag with 1M attributes", attr_flood_jsonl, 10, 400, 0, None),
    ("HTML, 50k tags of 64 attributes", attr_flood_tags, 10, 400, 0, None),
    ("feed, 1 KB entity x 2M (6 MB)", lambda d: entity_flood(d, 2000000), 10, 200, 1,
     r"flood.xml:4: input too large: item 1: entities expand past the feed's 16777216-byte limit"),
    ("feed, 1 KB entity x 20M, --max-bytes 64M", lambda d: entity_flood(d, 20000000, 64 << 20), 30, 600, 1,
     r"entities expand past the feed's 67108864-byte limit"),
    ("feed, billion laughs", laughs, 10, 200, 1, r"item 1: entities expand past"),
    ("feed, 10^20 empty expansions", empty_laughs, 10, 200, 1, r"item 1: entities expand past"),
    ("feed, item with 1M attributes", feed_attrs, 10, 400, 0, None),
    ("feed, 30k items", feed_items, 30, 400, 0, None),
    ("feed, 4M end tags closing nothing", feed_end_tags, 10, 400, 0, None),
    ("WARC, 320 MB of junk after a record", warc_junk, 20, 100, 1, r"record 1 <urn:uuid:1>: truncated"),
    ("WARC, 100k records", warc_records, 60, 200, 0, None),
]


def main():
    if len(sys.argv) < 2:
        print("usage: pathological.py SITREP", file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    global SCALE
    mem_factor = 1
    if sanitized(binary):
        SCALE, mem_factor = 0.1, 3
        print("sanitizer build: inputs at a tenth of their size")
    only = sys.argv[2] if len(sys.argv) > 2 else None
    failed = 0
    with tempfile.TemporaryDirectory(prefix="sitrep-patho.") as d:
        for name, build, limit, mem_mb, want_status, want_err in CASES:
            if only and only not in name:
                continue
            # the input is built in a child: sitrep's peak memory is measured
            # from its fork, which would count this process's own
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(r)
                try:
                    os.write(w, json.dumps(build(d)).encode())
                finally:
                    os._exit(0)
            os.close(w)
            with os.fdopen(r) as f:
                args = json.loads(f.read() or "null")
            os.waitpid(pid, 0)
            if args is None:
                print("%-48s could not build its input" % name)
                failed += 1
                continue
            status, err, seconds, peak = run(binary, args, limit, d)
            problems = []
            if status is None:
                problems.append("killed after %.0f s" % seconds)
            elif status != want_status:
                problems.append("exit status %s, expected %s" % (status, want_status))
            if seconds > limit:
                problems.append("%.2f s, over the %d s limit" % (seconds, limit))
            if want_err and not re.search(want_err, err):
                problems.append("stderr lacks /%s/" % want_err)
            if status is not None and status < 0:
                problems.append("killed by signal %d" % -status)
            mem_mb *= mem_factor
            if mem_mb and peak > mem_mb * 1024:
                problems.append("peak %d MB, over the %d MB limit" % (peak // 1024, mem_mb))
            print("%-48s %7.2f s %6d MB  %s" % (name, seconds, peak // 1024,
                                                  "ok" if not problems else "FAIL: " + "; ".join(problems)))
            if problems:
                failed += 1
                if err.strip():
                    print("    stderr: " + err.strip().splitlines()[-1][:200])
            for f in os.listdir(d):
                f = os.path.join(d, f)
                if os.path.isdir(f):
                    import shutil
                    shutil.rmtree(f)
                else:
                    os.unlink(f)
    print("%d case(s) failed" % failed if failed else "all cases within their limits")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
