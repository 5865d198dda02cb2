"""The Python package's API against the CLI: the same records, the same
errors, from paths and from texts."""

import json
import os
import warnings

import pytest

import sitrep
from conftest import CLI, ROOT, cli, corpus_sets


def dumps(records):
    """Records written back as the CLI writes them (compact, UTF-8)."""
    return b"".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" for r in records)


def test_version_is_the_cli_version():
    out, _, _ = cli("--version")
    assert out.decode().split()[-1] == sitrep.version()


@pytest.mark.parametrize("path", corpus_sets())
def test_extract_gives_the_cli_records(path):
    want, _, _ = cli("extract", path)
    got = list(sitrep.extract([path]))
    assert got, "no records"
    assert dumps(got) == want
    with sitrep.Corpus() as c:
        c.add(path)
        assert c.documents == sum(1 for r in got if r["type"] == "document")
        out = os.path.join(ROOT, "build", "py-corpus.jsonl")
        assert c.write_jsonl(out) == len(want)
    with open(out, "rb") as f:
        assert f.read() == want


def test_extract_options_text_and_mentions():
    path = os.path.join(ROOT, "samples")
    want, _, _ = cli("extract", "--text", "--mentions", path)
    got = list(sitrep.extract(path, text=True, mentions=True))
    assert {"time", "figure"} <= {r["type"] for r in got}
    assert all("text" in r for r in got if r["type"] == "document")
    assert dumps(got) == want


def test_texts_read_like_files(tmp_path):
    src = os.path.join(ROOT, "samples")
    names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))[:3]
    texts = []
    for n in names:
        with open(os.path.join(src, n), encoding="utf-8") as f:
            texts.append(f.read())
        (tmp_path / n).write_text(texts[-1], encoding="utf-8")
    want, _, _ = cli("extract", str(tmp_path))
    ids = [n[: -len(".txt")] for n in names]
    as_articles = [sitrep.Article(t, id=i) for t, i in zip(texts, ids)]
    as_dicts = [{"id": i, "text": t} for t, i in zip(texts, ids)]
    as_bytes_ids = list(sitrep.extract([sitrep.Article(t.encode(), id=i) for t, i in zip(texts, ids)]))
    assert dumps(sitrep.extract(as_articles)) == want
    assert dumps(sitrep.extract(as_dicts)) == want
    assert dumps(as_bytes_ids) == want
    # a bare text gets an id of its own
    recs = list(sitrep.extract(texts[0]))
    assert [r["id"] for r in recs if r["type"] == "document"] == ["text-1"]


def test_a_missing_path_is_an_error_not_a_text():
    with pytest.raises(FileNotFoundError):
        list(sitrep.extract(os.path.join(ROOT, "no-such-folder", "a.txt")))
    with pytest.raises(TypeError):
        list(sitrep.extract([3.5]))
    with pytest.raises(ValueError):
        list(sitrep.extract([{"id": "x"}]))


def test_bad_input_is_reported_and_the_rest_goes_on():
    bad = os.path.join(ROOT, "tests", "fixtures", "bad.jsonl")
    want, err, status = cli("extract", bad)
    assert status == 1
    messages = [l[len("sitrep: "):] for l in err.splitlines() if "skipped" not in l]
    assert messages
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = list(sitrep.extract(bad))
    assert [str(w.message) for w in caught if issubclass(w.category, sitrep.SkippedInput)] == messages
    assert dumps(got) == want
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = sitrep.Corpus(errors="ignore")
        c.add(bad)
        assert c.skipped == messages
        c.close()
    with pytest.raises(sitrep.SitrepError):
        list(sitrep.extract(bad, errors="raise"))


def test_documents_stream_each_article():
    path = os.path.join(ROOT, "samples")
    docs = list(sitrep.documents(path))
    recs = [r for r in sitrep.extract(path) if r["type"] == "document"]
    assert sorted(d["id"] for d in docs) == sorted(r["id"] for r in recs)
    by_id = {r["id"]: r for r in recs}
    for d in docs:
        # the corpus adds what it knows across articles; the rest is the same
        assert d["title"] == by_id[d["id"]]["title"]
        assert d["dropped"] == by_id[d["id"]]["dropped"]


def test_frames_hold_every_record_flat():
    path = os.path.join(ROOT, "samples")
    recs = list(sitrep.extract(path))
    counts = {}
    for r in recs:
        counts[r["type"]] = counts.get(r["type"], 0) + 1
    pd = pytest.importorskip("pandas")
    for fn, kind in [(sitrep.events_frame, "event"), (sitrep.claims_frame, "claim"),
                     (sitrep.stories_frame, "story"), (sitrep.entities_frame, "entity"),
                     (sitrep.documents_frame, "document"), (sitrep.conflicts_frame, "conflict"),
                     (sitrep.trends_frame, "trend")]:
        df = fn(recs)
        assert isinstance(df, pd.DataFrame)
        assert len(df) == counts.get(kind, 0)
        if len(df):
            assert list(df["id"]) == [r["id"] for r in recs if r["type"] == kind]
    ev = sitrep.events_frame(path)
    assert "location_name" in ev.columns and "location" not in ev.columns
    assert "fatalities_low" in ev.columns and "fatalities" not in ev.columns
    events = [r for r in recs if r["type"] == "event"]
    for row, r in zip(ev.itertuples(), events):
        assert row.event_type == r["event_type"]
        assert row.location_name == (r["location"] or {}).get("name")
        assert row.actors == r["actors"]
    c = sitrep.Corpus()
    c.add(path)
    assert len(sitrep.claims_frame(c)) == counts["claim"]


def test_read_jsonl_reads_the_cli_output(tmp_path):
    path = os.path.join(ROOT, "samples")
    out, _, _ = cli("extract", path)
    (tmp_path / "r.jsonl").write_bytes(out)
    assert dumps(sitrep.read_jsonl(tmp_path / "r.jsonl")) == out


def test_a_finished_corpus_takes_nothing_more():
    c = sitrep.Corpus()
    c.add(os.path.join(ROOT, "samples"))
    c.records()
    with pytest.raises(ValueError):
        c.add(os.path.join(ROOT, "samples"))
    c.close()
    with pytest.raises(ValueError):
        c.records()


@pytest.mark.parametrize("nparts", [1, 2, 3, 7, 500])
def test_records_in_parts_join_to_the_records(nparts):
    """sitrep_corpus_write_json_part: parts written one after the other are
    the records; each part writes about as many bytes (the parts are cut by
    the records' estimated bytes: the documents and entities, first, are
    the longest)."""
    from sitrep import _lib
    sets = corpus_sets()
    want, _, _ = cli("extract", *sets)
    with sitrep.Corpus() as c:
        c.add(sets)
        snap = c.snapshot()
    got, counts = [], []
    for p in range(nparts):
        with sitrep.Corpus() as c:  # each part from its own corpus, as on its own worker
            c.add_snapshot(snap)
            sink = _lib.Collector()
            _lib.check(_lib.corpus_write_json_part(c._ptr, 0, p, nparts, sink.fn, None))
            part = b"".join(sink.take())
        got.append(part)
        counts.append(part.count(b"\n"))
    assert b"".join(got) == want
    assert sum(counts) == want.count(b"\n")
    if nparts <= 7:
        sizes = [len(p) for p in got]
        biggest = max(len(line) + 1 for line in want.splitlines())
        # the estimate is a few constants per kind of record: on this small
        # corpus it is within about a third of a part (26% at 7 parts after
        # the claims, events and memory changes of 9973093); on the 100,000
        # articles of bench/dask_bench.py two parts were 1,214 and 1,233 MB
        assert max(sizes) - min(sizes) <= max(0.35 * len(want) / nparts, 2 * biggest), sizes
    with sitrep.Corpus() as c:
        c.add_snapshot(snap)
        assert _lib.corpus_write_json_part(c._ptr, 0, nparts, nparts, _lib.Collector().fn, None) == _lib.EARG


def test_a_store_takes_a_corpus_with_its_articles(tmp_path):
    """Store.add_corpus: the articles of a corpus that keeps them, stored as
    `sitrep ingest` stores them; again, nothing is added; a corpus without
    its articles is refused and the store is unchanged."""
    inputs = [os.path.join(ROOT, "samples"), os.path.join(ROOT, "tests", "fixtures", "corpus")]
    want_db, db = str(tmp_path / "want.db"), str(tmp_path / "got.db")
    cli("ingest", want_db, *inputs)
    parts = []
    for p in inputs:
        with sitrep.Corpus(articles=True) as c:
            c.add(p)
            parts.append(c.snapshot())
    with sitrep.Corpus() as c, sitrep.Store(db) as s:
        for p in parts:
            c.add_snapshot(p)
        got = s.add_corpus(c)
        s.commit()
        assert got["added"] == s.count() > 10 and got["known"] == 0 and got["taken"] == []
        again = s.add_corpus(c)
        s.commit()
        assert again == {"added": 0, "known": got["added"], "taken": []}
    dump = lambda d: [cli(*a)[0] for a in (["export", d, "--format", "jsonl"], ["report", d], ["events", d])]
    assert dump(db) == dump(want_db)
    with sitrep.Corpus() as c, sitrep.Store(db) as s:
        c.add(os.path.join(ROOT, "samples"))
        with pytest.raises(sitrep.SitrepError, match="does not carry its articles"):
            s.add_corpus(c)
    assert dump(db) == dump(want_db)
    # a corpus that keeps its articles refuses a snapshot without them
    with sitrep.Corpus() as c:
        c.add(os.path.join(ROOT, "samples"))
        plain = c.snapshot()
    with sitrep.Corpus(articles=True) as c:
        with pytest.raises(sitrep.SitrepError):
            c.add_snapshot(plain)


def test_a_snapshot_with_a_forged_article_is_refused():
    """The articles a snapshot carries are checked before anything reads
    them: a record claiming more bytes than its compressed bytes can hold,
    or a string running past its record, is damage (EFORMAT), even when the
    checksum was made to match."""
    import struct
    import zlib
    with sitrep.Corpus(articles=True) as c:
        c.add(os.path.join(ROOT, "samples"))
        snap = bytearray(c.snapshot())
    magic, _, _, _, raw_len, z_len, art_len, narticles, crc = struct.unpack_from("<8sQIIQQQQQ", snap, 0)
    head = 64
    assert magic == b"SRPART\x02\x00" and narticles > 0 and art_len == len(snap) - head - z_len
    art = head + z_len
    assert zlib.crc32(bytes(snap[art:])) == crc

    def refused(data):
        with sitrep.Corpus() as m:
            with pytest.raises(sitrep.SitrepError) as e:
                m.add_snapshot(bytes(data))
            return e.value.status == sitrep._lib.EFORMAT

    def forged(edit):
        s = bytearray(snap)
        edit(s)
        struct.pack_into("<Q", s, 56, zlib.crc32(bytes(s[art:])))
        return s

    # the first record: its size, five strings, then the article's length
    size = struct.unpack_from("<Q", snap, art)[0]
    p = art + 8
    for _ in range(5):
        n = struct.unpack_from("<I", snap, p)[0]
        p += 4 + n
    assert refused(forged(lambda s: struct.pack_into("<Q", s, p, 2 ** 64 - 1)))
    assert refused(forged(lambda s: struct.pack_into("<I", s, art + 8, size)))      # the id runs past
    assert refused(forged(lambda s: struct.pack_into("<Q", s, art, 2 ** 40)))        # the record runs past
    s = bytearray(snap)
    s[-1] ^= 0x55
    assert refused(s)                                                                # the checksum
    with sitrep.Corpus() as m:
        m.add_snapshot(bytes(snap))                                                  # the real one merges



def test_snapshot_levels_merge_alike():
    """A snapshot stored uncompressed (level 0, as sitrep.dask hands them
    between its tasks) or deflated at any level merges into the same
    records; the stored bytes are checked (CRC-32) before they are read,
    and a level outside 0 to 9 is refused."""
    import struct
    paths = [os.path.join(ROOT, "samples")]
    with sitrep.Corpus() as c:
        c.add(paths)
        snaps = {level: c.snapshot(level) for level in (0, 1, 9)}
        with pytest.raises(sitrep.SitrepError) as e:
            c.snapshot(10)
        assert e.value.status == sitrep._lib.EARG
    raw_len, z_len = struct.unpack_from("<QQ", snaps[0], 24)
    assert snaps[0][:8] == b"SRPART\x02\x01" and z_len == raw_len + 8
    assert len(snaps[0]) > 2 * len(snaps[1]) and len(snaps[9]) <= len(snaps[1])

    def records(*parts):
        with sitrep.Corpus() as m:
            for p in parts:
                m.add_snapshot(p)
            return [json.dumps(r, sort_keys=True) for r in m.records()]

    want = records(snaps[1])
    assert want and records(snaps[0]) == want and records(snaps[9]) == want
    # halves of the samples, one stored and one deflated, merge as one
    files = sorted(os.path.join(ROOT, "samples", f) for f in os.listdir(os.path.join(ROOT, "samples")))
    halves = []
    for level, part in ((0, files[: len(files) // 2]), (1, files[len(files) // 2:])):
        with sitrep.Corpus() as c:
            c.add(part)
            halves.append(c.snapshot(level))
    assert records(*halves) == want
    for at in (64 + raw_len // 2, 64 + raw_len + 3):    # a byte of the corpus, of its checksum
        s = bytearray(snaps[0])
        s[at] ^= 0x20
        with sitrep.Corpus() as m:
            with pytest.raises(sitrep.SitrepError) as e:
                m.add_snapshot(bytes(s))
            assert e.value.status == sitrep._lib.EFORMAT
