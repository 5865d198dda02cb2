#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/ (invented snippets, not real
articles).  Run from anywhere: python3 fuzz/make_seeds.py"""
import gzip, json, os

HERE = os.path.dirname(os.path.abspath(__file__))

ARTICLE = """Menu
Share
Sign in

WORLD NEWS

Floods cut roads across northern province

By Jane Example and Tom Sample
Posted March 3, 2021
Last updated 2 hours ago

HEAVY rain cut three main roads in the northern province on Tuesday, officials said, and about 1,200 people were moved to schools on higher ground.

The regional governor, Omar Testname, said crews would reopen the coastal road "within 48 hours" if the water fell.

Photo: A flooded street in the provincial capital. (Example Images)

Related stories
River levels at a ten-year high
2 hours ago

Check Also
Storm warning issued for the coast

Copyright 2021 Example Wire. All rights reserved.
"""

GLUED = """Security forces killed 12militants near the border on Monday, the ministrysaid.
TheU.S. embassy in the capital said it was aware of thereports.
Officials said 2,500 families had fled since January.Aid groups asked for $3.5 million.
"""

NUMBERS = """Prices rose 3.5% in May, while the army said it had spent $2.5 million and EUR 40 on fuel.
About 2,500 people, or roughly 1.2 percent of the town, left; 7 were hurt and 3 were killed.
The U.N. said on 12/05/2020 that the figure was "more than 10,000".
"""

UNICODE = """\u201cWe will not leave,\u201d said Ahmed al\u2011Rashid \u2014 a local elder in al-Hol.
Die Beh\u00f6rden best\u00e4tigten am Montag den Vorfall; \u00c9tienne L\u00e9ger \u00e9tait sur place.
\u0627\u0644\u0645\u0648\u0635\u0644 \u2013 Mosul \u2013 saw clashes \u2026 again.
Emoji in a caption \U0001F4F7 should not break anything.
"""

DATELINE = """MOSUL, Iraq (AP) \u2014 Iraqi troops pushed into two eastern districts on Friday, a military spokesman said.

The advance came a week after the army reported that 40 fighters had surrendered.

Please enter the characters you see in the image
Leave a comment
Rate this article: 1 2 3 4 5

Disclaimer: The views expressed here are the author's own.
"""

SEEDS_TEXT = {
    "article.txt": ARTICLE,
    "glued.txt": GLUED,
    "numbers.txt": NUMBERS,
    "unicode.txt": UNICODE,
    "dateline.txt": DATELINE,
    "crlf.txt": DATELINE.replace("\n", "\r\n"),
    "bom.txt": "\ufeff" + GLUED,
    "one_word.txt": "Ceasefire",
    "headline_only.txt": "Talks resume in Geneva\n",
    "tabs_ff.txt": "Line one\twith tab\n\fPage two begins here.\n\n\n\nEnd.",
    "kicker.txt": "SECURITY\n\nBREAKING\n\nAttack on convoy kills four\n\nBy Staff Reporter\nUpdated: 14:05 GMT\n\nFour soldiers were killed when a roadside bomb hit their convoy, a spokesman said.\n",
    "long_glued.txt": "Thearmyandthepolicesaidthattheattackhadbeenrepelledbylocalforces" * 20 + "\n",
    "abbrev.txt": "Gen. Smith met Lt. Col. Jones at 3 p.m. on Jan. 5. They spoke for an hour. Mr. Doe left.\n",
}
SEEDS_TEXT_BYTES = {
    "invalid_utf8.bin": b"Good start\nthen a bad byte \xc3\x28 here\n",
    "overlong.bin": b"Overlong slash \xc0\xaf and more\n",
    "surrogate.bin": b"Surrogate \xed\xa0\x80 inside\n",
    "truncated_seq.bin": b"Ends in the middle of a sequence \xe2\x80",
    "nul.bin": b"Text with a NUL\x00 byte\n",
    "blank.bin": b" \n\t\r\n   \n",
    "empty.bin": b"",
    "controls.bin": b"\x01\x02\x03\x04text\x05\x06\x07\x08\n",
    "bom_only.bin": b"\xef\xbb\xbf",
    "nbsp_lines.bin": "\u00a0\u2003\n\u3000Text after wide spaces\u00a0\n".encode(),
}

def rec(**kw):
    return json.dumps(kw, ensure_ascii=False)

GOOD = [
    rec(id="a1", title="Floods cut roads", published="2021-03-03", url="https://news.example/a1",
        outlet="Example Wire", text=ARTICLE),
    rec(id="a2", title="Convoy attacked", date="March 4, 2021", text=DATELINE),
    rec(id=77, text=GLUED),
]
SEEDS_JSONL = {
    "good.jsonl": "\n".join(GOOD) + "\n",
    "truncated.jsonl": GOOD[0] + "\n" + GOOD[1][: len(GOOD[1]) // 2] + "\n" + GOOD[2] + "\n",
    "no_text.jsonl": rec(id="x", title="No body") + "\n" + rec(id="y", text="Body here.") + "\n",
    "html.jsonl": rec(id="h", html="<html><head><title>T</title><script>var x=1;</script></head>"
                      "<body><nav>Home | World</nav><h1>Head line</h1><p>First para.</p>"
                      "<p>Second &amp; last para.</p><footer>(c) 2021</footer></body></html>") + "\n",
    "mixed.jsonl": "\n\n" + rec(id="m1", text="Short one.") + "\r\n[1,2,3]\n\"just a string\"\n"
                   + '{"id":"dup","id":"dup2","text":"dup keys"}\n' + '{"text": 5}\n'
                   + '{"id": null, "text": "Id from line."}\n' + '{"id": 1.5, "text": "float id"}\n',
    "escapes.jsonl": '{"id":"e1","text":"caf\\u00e9 \\ud83d\\ude00 \\"quoted\\" tab\\there\\nnew line"}\n'
                     '{"id":"e2","text":"has a NUL \\u0000 inside"}\n'
                     '{"id":"e3","text":"lone surrogate \\ud800 here"}\n'
                     '{"id":"e4","text":"   "}\n'
                     '{"id":"e5","text":""}\n',
    "bom.jsonl": "\ufeff" + rec(id="b", text="After a BOM.") + "\n",
    "no_newline.jsonl": rec(id="last", text="No newline at the end."),
    "invalid_utf8_line.jsonl": None,  # bytes below
    "long_line.jsonl": rec(id="long", pad="x" * 700, text="short text") + "\n" + rec(id="after", text="Still read.") + "\n",
    "deep.jsonl": "[" * 200 + "]" * 200 + "\n" + '{"a":' * 50 + "1" + "}" * 50 + "\n",
    "hints.jsonl": rec(id="hh", title="  Spaced title  ", published="yesterday", outlet="", url="", text=NUMBERS) + "\n",
}
JSONL_BYTES = {
    "invalid_utf8_line.jsonl": b'{"id":"ok","text":"fine"}\n{"id":"bad","text":"\xff\xfe"}\n{"id":"ok2","text":"fine too"}\n',
}

def write(d, name, data):
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def main():
    t = os.path.join(HERE, "corpus", "fuzz_text")
    j = os.path.join(HERE, "corpus", "fuzz_jsonl")
    r = os.path.join(HERE, "corpus", "fuzz_reader")
    for n, s in SEEDS_TEXT.items():
        write(t, n, s)
        write(r, n, s)
    for n, b in SEEDS_TEXT_BYTES.items():
        write(t, n, b)
        write(r, n, b)
    for n, s in SEEDS_JSONL.items():
        if s is not None:
            write(j, n, s)
            write(r, n, s)
    for n, b in JSONL_BYTES.items():
        write(j, n, b)
        write(r, n, b)
    # already-compressed inputs: the reader decodes them itself in mode 0
    write(r, "article_gz.bin", gzip.compress(ARTICLE.encode(), mtime=0))
    write(r, "records_gz.bin", gzip.compress(SEEDS_JSONL["good.jsonl"].encode(), mtime=0))
    write(r, "gz_truncated.bin", gzip.compress(ARTICLE.encode(), mtime=0)[:40])

if __name__ == "__main__":
    main()
