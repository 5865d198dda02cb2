#!/usr/bin/env python3
"""bench/web_meta.py SITREP_JSONL HTML_DIR -- the share of benchmark pages whose title, date
and author sitrep found, among the pages that state them.

Whether a page states a date or an author is decided here independently of sitrep, by
regular expressions over the raw HTML (JSON-LD datePublished/author, article: and other
date or author <meta> tags, <time datetime>, itemprop, rel="author", a byline or author
class, a /YYYY/MM/DD/ URL). It over-counts authors (an "author" class also names comment
authors), so the author share is a lower bound.
"""
import glob, gzip, json, os, re, sys

DATE = [r'datePublished"?\s*[:=]', r'article:published_time', r'<time[^>]*datetime=', r'itemprop="datePublished"',
        r'name="(pubdate|publishdate|date|dc\.date|sailthru\.date|parsely-pub-date)"']
AUTHOR = [r'"author"\s*:\s*[\[{"]', r'name="(author|byl|parsely-author|sailthru\.author)"', r'rel="author"',
          r'itemprop="author"', r'class="[^"]*(byline|author)[^"]*"']


def main(jsonl, html_dir):
    found = {}
    for line in open(jsonl, encoding="utf-8"):
        r = json.loads(line)
        if r.get("type") == "document":
            found[r["id"]] = r
    rows = {"title": [0, 0], "date": [0, 0], "author": [0, 0]}
    for path in sorted(glob.glob(os.path.join(html_dir, "*.html.gz"))):
        key = os.path.basename(path)[: -len(".html.gz")]
        page = gzip.open(path).read().decode("utf-8", "replace")
        r = found.get(key, {})
        url = r.get("url") or ""
        rows["title"][0] += 1
        rows["title"][1] += bool(r.get("title"))
        if any(re.search(p, page) for p in DATE) or re.search(r"/20\d\d/\d\d/\d\d/", url):
            rows["date"][0] += 1
            rows["date"][1] += bool(r.get("published"))
        if any(re.search(p, page, re.I) for p in AUTHOR):
            rows["author"][0] += 1
            rows["author"][1] += bool(r.get("byline"))
    total = len(found)
    for name, (stated, got) in rows.items():
        print("%-7s stated on %3d pages, found on %3d of them (%.0f%%)" % (name, stated, got, 100.0 * got / max(stated, 1)))
    print("found on all %d pages: title %d, date %d, author %d, language %d" % (
        total, sum(bool(r.get("title")) for r in found.values()), sum(bool(r.get("published")) for r in found.values()),
        sum(bool(r.get("byline")) for r in found.values()), sum(bool(r.get("language")) for r in found.values())))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
