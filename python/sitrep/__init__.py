"""sitrep: a sourced situation picture from raw news articles, in Python.

The package calls libsitrep (the C library, as the shared library
libsitrep.so.0) through ctypes.  Records are the JSON Lines records
``sitrep extract`` writes (CONTRACT.md), as dicts::

    import sitrep
    for rec in sitrep.extract(["samples/"]):
        if rec["type"] == "event":
            print(rec["event_type"], rec["location"])

    events = sitrep.events_frame(["samples/"])      # a pandas DataFrame

An input is a path (a file of any kind ``sitrep extract`` reads, a
directory, ``"-"`` for standard input), or an article's text: a ``str``
that is not an existing path, ``bytes``, an :class:`Article`, or a dict
record like a JSON Lines input's (``text`` or ``html``, and optionally
``id``, ``url``, ``title``, ``published``, ``outlet``).

``sitrep.dask.run`` runs the same over a Dask cluster (``sitrep.dask``).
"""

import ctypes
import io
import json
import mmap
import os
import warnings

from . import _lib
from ._lib import SitrepError

__all__ = [
    "Article",
    "Corpus",
    "SitrepError",
    "SkippedInput",
    "Store",
    "claims_frame",
    "conflicts_frame",
    "documents",
    "documents_frame",
    "entities_frame",
    "events_frame",
    "extract",
    "frame",
    "merge_snapshots",
    "read_jsonl",
    "stories_frame",
    "trends_frame",
    "version",
]

__version__ = _lib.version().decode()


def version():
    """The version of the loaded libsitrep."""
    return _lib.version().decode()


class SkippedInput(UserWarning):
    """An input that could not be read ("PATH[:LINE]: problem"); the others go on."""


class Article:
    """An article given as its text (``str`` or ``bytes``) with optional metadata."""

    __slots__ = ("text", "id", "url", "title", "published", "outlet")

    def __init__(self, text, id=None, url=None, title=None, published=None, outlet=None):
        self.text = text
        self.id = id
        self.url = url
        self.title = title
        self.published = published
        self.outlet = outlet

    def __repr__(self):
        return "Article(id=%r, %d bytes)" % (self.id, len(self.text))


_PATH_ENDINGS = (".txt", ".text", ".html", ".htm", ".jsonl", ".json", ".warc", ".gz", ".xml", ".rss", ".atom")


def _as_input(x):
    """A path (str) or an Article."""
    if isinstance(x, Article):
        return x
    if isinstance(x, os.PathLike):
        return os.fspath(x)
    if isinstance(x, (bytes, bytearray)):
        return Article(bytes(x))
    if isinstance(x, dict):
        text = x.get("text", x.get("html"))
        if text is None:
            raise ValueError("sitrep: a dict input needs a 'text' or 'html' field")
        return Article(text, x.get("id"), x.get("url"), x.get("title"), x.get("published"), x.get("outlet"))
    if isinstance(x, str):
        if x == "-" or os.path.exists(x):
            return x
        if "\n" not in x and len(x) < 4096 and (os.sep in x or x.lower().endswith(_PATH_ENDINGS)):
            raise FileNotFoundError("sitrep: no such file or directory: %s" % x)
        return Article(x)
    raise TypeError("sitrep: cannot read %r as an input (a path, a text, bytes, an Article or a dict)" % type(x))


def _inputs(inputs):
    if isinstance(inputs, (str, bytes, bytearray, dict, Article, os.PathLike)):
        inputs = [inputs]
    return [_as_input(x) for x in inputs]


def _enc(s):
    return None if s is None else str(s).encode("utf-8")


class _Source:
    """Documents read from inputs, one at a time: each yielded document is
    freed when the next is asked for (or the source is closed)."""

    def __init__(self, inputs, opts, on_skip):
        self.inputs = _inputs(inputs)
        self.opts = opts
        self.on_skip = on_skip
        self.count = 0

    def __iter__(self):
        for x in self.inputs:
            if isinstance(x, Article):
                yield from self._article(x)
            else:
                yield from self._path(x)

    def _article(self, a):
        self.count += 1
        data = a.text.encode("utf-8") if isinstance(a.text, str) else bytes(a.text)
        ident = a.id if a.id is not None else "text-%d" % self.count
        hints = _lib.Hints(_enc(a.url), _enc(a.title), _enc(a.published), _enc(a.outlet))
        doc = ctypes.c_void_p()
        st = _lib.doc_from_memory(_enc(ident), data, len(data), ctypes.byref(hints), ctypes.byref(self.opts), ctypes.byref(doc))
        if st == _lib.DONE:
            return
        if st != _lib.OK:
            if st == _lib.ENOMEM:
                _lib.check(st, str(ident))
            self.on_skip("%s: %s" % (ident, _lib.strerror(st).decode()))
            return
        try:
            yield doc  # `data` stays alive: the document borrows it
        finally:
            _lib.doc_free(doc)

    def _path(self, path):
        r = ctypes.c_void_p()
        _lib.check(_lib.reader_new(ctypes.byref(self.opts), ctypes.byref(r)), "reader")
        try:
            _lib.check(_lib.reader_add(r, os.fsencode(path)), path)
            while True:
                doc = ctypes.c_void_p()
                st = _lib.reader_next(r, ctypes.byref(doc))
                if st == _lib.DONE:
                    break
                if st != _lib.OK:
                    msg = (_lib.reader_message(r) or b"").decode("utf-8", "replace")
                    if st == _lib.ENOMEM:
                        raise SitrepError(st, msg)
                    self.on_skip(msg)
                    continue
                self.count += 1
                try:
                    yield doc
                finally:
                    _lib.doc_free(doc)
        finally:
            _lib.reader_free(r)


def _skipper(errors, skipped):
    if errors not in ("warn", "raise", "ignore"):
        raise ValueError("sitrep: errors must be 'warn', 'raise' or 'ignore'")

    def on_skip(msg):
        skipped.append(msg)
        if errors == "raise":
            raise SitrepError(_lib.EFORMAT, msg)
        if errors == "warn":
            warnings.warn(SkippedInput(msg), stacklevel=4)

    return on_skip


def _options(max_bytes=None, text=False):
    o = _lib.Options()
    _lib.options_init(ctypes.byref(o))
    if max_bytes:
        o.max_input_bytes = int(max_bytes)
    if text:
        o.json_flags = _lib.JSON_TEXT
    return o


def _lines(parts):
    """Records from what the library wrote (a record or several per piece)."""
    for p in parts:
        for line in p.splitlines():
            if line:
                yield json.loads(line)


class _Handle:
    """A library handle held in ``self._ptr`` and freed by ``_free``: closed
    by ``close``, at the end of a ``with`` block, or when collected."""

    _free = None

    def close(self):
        if self._ptr:
            self._free(self._ptr)
            self._ptr = ctypes.c_void_p()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class Corpus(_Handle):
    """What many articles say together (sitrep_corpus).

    ``add`` reads inputs into it; ``records`` (or ``write_jsonl``) finishes
    it and gives its records, after which nothing more can be added.
    ``skipped`` lists the inputs that could not be read.
    """

    def __init__(self, *, text=False, mentions=False, max_bytes=None, errors="warn", articles=False):
        self.skipped = []
        self._flags = _lib.JSON_TEXT if text else 0
        self._mentions = mentions
        self._opts = _options(max_bytes, text)
        self._on_skip = _skipper(errors, self.skipped)
        self._ptr = ctypes.c_void_p()
        self.documents = 0
        self._finished = False
        _lib.check(_lib.corpus_new(ctypes.byref(self._opts), ctypes.byref(self._ptr)), "corpus")
        if articles:
            # each article kept as a store keeps it, for Store.add_corpus
            _lib.check(_lib.corpus_keep_articles(self._ptr), "keeping the articles")

    def _live(self):
        if not self._ptr:
            raise ValueError("sitrep: the corpus is closed")
        if self._finished:
            raise ValueError("sitrep: the corpus is finished: its records were written")
        return self._ptr

    def add(self, inputs):
        """Reads the inputs (paths or texts) and adds their articles."""
        c = self._live()
        for doc in _Source(inputs, self._opts, self._on_skip):
            _lib.check(_lib.corpus_add(c, doc), "adding a document")
            if self._mentions:
                _lib.check(_lib.corpus_add_mentions(c, doc), "adding a document's mentions")
            self.documents += 1
        return self

    def add_path(self, path):
        """Reads one path as ``sitrep extract`` does (a file, a directory,
        ``"-"``); one that cannot be read is a skipped input, not an error."""
        c = self._live()
        src = _Source([], self._opts, self._on_skip)
        for doc in src._path(os.fspath(path)):
            _lib.check(_lib.corpus_add(c, doc), "adding a document")
            if self._mentions:
                _lib.check(_lib.corpus_add_mentions(c, doc), "adding a document's mentions")
            self.documents += 1
        return self

    def snapshot(self, level=1):
        """The corpus as it stands, unfinished, as bytes (a shard's partial
        corpus): :meth:`add_snapshot` or ``sitrep merge`` merges it.
        `level`: zlib's compression level (1 to 9), or 0 for the bytes
        stored as they are (with a CRC-32): about 4 times larger, made and
        read several times faster, for a snapshot read once soon after."""
        sink = _lib.Collector()
        _lib.check(_lib.corpus_write_snapshot_level(self._live(), int(level), sink.fn, None),
                   "writing the snapshot")
        return b"".join(sink.take())

    def write_snapshot(self, path, level=1):
        """The snapshot of :meth:`snapshot` written into the file `path`
        (beside it first, then renamed into place), straight from the
        library; returns its bytes."""
        return _lib.write_file(
            path, lambda fn: _lib.corpus_write_snapshot_level(self._live(), int(level), fn, None),
            "writing the snapshot")

    def add_snapshot_file(self, path):
        """:meth:`add_snapshot` of the snapshot in the file `path`, mapped
        rather than read into memory (the library copies what it keeps)."""
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if not size:
                return self.add_snapshot(b"")
            # a private mapping: writable for ctypes, never written, never copied
            with mmap.mmap(f.fileno(), size, access=mmap.ACCESS_COPY) as m:
                block = (ctypes.c_char * size).from_buffer(m)
                try:
                    st = _lib.corpus_add_snapshot_at(self._live(), ctypes.addressof(block), size)
                finally:
                    del block  # the mapping closes only when no buffer of it is left
        return self._added(st)

    def add_snapshot(self, data):
        """Merges a snapshot's articles in after those already here.  Raises
        SitrepError for another build's or damaged bytes (EFORMAT) or a
        snapshot made with other options (EARG); the corpus is unchanged."""
        data = bytes(data)
        return self._added(_lib.corpus_add_snapshot(self._live(), data, len(data)))

    def _added(self, st):
        if st == _lib.EFORMAT:
            raise SitrepError(st, "not a snapshot of this libsitrep build, or damaged")
        if st == _lib.EARG:
            raise SitrepError(st, "a snapshot made with other options (text, max_bytes) than the corpus's, "
                              "or without its articles into a corpus that keeps them")
        _lib.check(st, "merging a snapshot")
        return self

    def _write(self, sink):
        c = self._live()
        self._finished = True
        _lib.check(_lib.corpus_write_json(c, self._flags, sink.fn, None), "writing the records")

    def records(self):
        """Finishes the corpus and returns its records (a list of dicts)."""
        sink = _lib.Collector()
        self._write(sink)
        return list(_lines(sink.take()))

    def write_jsonl(self, out):
        """Finishes the corpus and writes its records as JSON Lines to `out`
        (a path or a binary file); returns how many bytes were written."""
        sink = _lib.Collector()
        self._write(sink)
        parts = sink.take()
        if isinstance(out, (str, os.PathLike)):
            with open(out, "wb") as f:
                f.writelines(parts)
        else:
            out.writelines(parts)
        return sum(len(p) for p in parts)

    @staticmethod
    def _free(ptr):
        _lib.corpus_free(ptr)


class Store(_Handle):
    """A sitrep database (sitrep_store), opened to add articles to it (it is
    created when missing).  ``sitrep report``/``export``/``events``/``claims``
    read it."""

    def __init__(self, path):
        self.path = os.fspath(path)
        self._ptr = ctypes.c_void_p()
        st = _lib.store_open(_enc(self.path), None, ctypes.byref(self._ptr))
        if st != _lib.OK:
            msg = self._message()
            self.close()
            raise SitrepError(st, "%s: %s" % (self.path, msg))

    def _message(self):
        m = _lib.store_message(self._ptr) if self._ptr else None
        return m.decode("utf-8", "replace") if m else ""

    def add_corpus(self, corpus):
        """Adds the articles of an unfinished corpus that carries them
        (``Corpus(articles=True)``, or merged from snapshots made so) to the
        open batch, as ``sitrep ingest`` of the same articles would: those
        stored already are passed by.  Returns ``{"added": n, "known": n,
        "taken": [ids]}`` (taken: another article holds the id; not added)."""
        if not self._ptr:
            raise ValueError("sitrep: the store is closed")
        out = {"added": 0, "known": 0, "taken": []}

        def told(id, outcome, ctx):
            if outcome == _lib.STORE_ADDED:
                out["added"] += 1
            elif outcome == _lib.STORE_KNOWN:
                out["known"] += 1
            else:
                out["taken"].append(id.decode("utf-8", "replace"))

        fn = _lib.ARTICLE_FN(told)
        st = _lib.store_add_corpus(self._ptr, corpus._live(), fn, None)
        if st != _lib.OK:
            raise SitrepError(st, "%s: %s" % (self.path, self._message()))
        return out

    def commit(self):
        """Ends the open batch: everything is made again and committed."""
        st = _lib.store_commit(self._ptr)
        if st != _lib.OK:
            raise SitrepError(st, "%s: %s" % (self.path, self._message()))

    def count(self, type=None):
        """How many articles (or records of `type`) the store holds."""
        return _lib.store_count(self._ptr, _enc(type) if type else None)

    @staticmethod
    def _free(ptr):
        _lib.store_close(ptr)  # a batch not committed is not kept


def extract(inputs, *, text=False, mentions=False, max_bytes=None, errors="warn"):
    """Yields the records ``sitrep extract`` writes for the inputs, as dicts:
    documents, then stories, entities, claims, events, conflicts, trends
    (and time and figure records with ``mentions=True``).

    An input that cannot be read is reported (``errors="warn"``: a
    :class:`SkippedInput` warning; ``"raise"``: :class:`SitrepError`;
    ``"ignore"``) and the others go on.
    """
    with Corpus(text=text, mentions=mentions, max_bytes=max_bytes, errors=errors) as c:
        c.add(inputs)
        records = c.records()
    yield from records


def merge_snapshots(snapshots):
    """One snapshot of the articles of all `snapshots` (bytes), in order."""
    with Corpus() as c:
        for s in snapshots:
            c.add_snapshot(s)
        return c.snapshot()


def documents(inputs, *, text=False, max_bytes=None, errors="warn"):
    """Yields each article's own ``document`` record as it is read, without
    what articles say together (no stories): streaming, in bounded memory."""
    skipped = []
    opts = _options(max_bytes, text)
    flags = _lib.JSON_TEXT if text else 0
    for doc in _Source(inputs, opts, _skipper(errors, skipped)):
        sink = _lib.Collector()
        _lib.check(_lib.doc_write_json(doc, flags, sink.fn, None), "writing a document")
        yield from _lines(sink.take())


def read_jsonl(path):
    """Yields the records of a JSON Lines file (``sitrep extract``'s output)."""
    opener = open
    if str(path).endswith(".gz"):
        import gzip

        opener = gzip.open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


# ---- pandas ----------------------------------------------------------------


def _flatten(rec, prefix="", out=None):
    """A record as one row: nested objects joined by "_" ("date_start",
    "location_name"); lists (actors, sources, documents) kept as lists."""
    if out is None:
        out = {}
    for k, v in rec.items():
        if not prefix and k == "type":
            continue
        key = prefix + k
        if isinstance(v, dict):
            _flatten(v, key + "_", out)
        else:
            out[key] = v
    return out


def _records_of(source, **kw):
    if isinstance(source, Corpus):
        return source.records()
    if isinstance(source, (list, tuple)) and source and all(
        isinstance(r, dict) and "type" in r and "text" not in r and "html" not in r for r in source
    ):
        return source
    return extract(source, **kw)


def frame(source, type, **kw):
    """The records of one type ("event", "claim", "story", "entity",
    "document", "conflict", "trend") as a pandas DataFrame, one row per
    record.  `source` is inputs (as for :func:`extract`, which gets the
    keyword arguments), a list of records, or a :class:`Corpus`."""
    import pandas as pd

    records = [r for r in _records_of(source, **kw) if r.get("type") == type]
    rows = [_flatten(r) for r in records]
    # an object that is null in some records ("injured": null) is its
    # flattened columns there too, empty, not a column of its own
    nested = {k for r in records for k, v in r.items() if isinstance(v, dict)}
    for row in rows:
        for k in [k for k, v in row.items() if v is None and k in nested]:
            del row[k]
    return pd.DataFrame(rows)


def events_frame(source, **kw):
    """Events (ACLED-style) as a DataFrame: event_type, sub_event_type,
    date_start, date_end, date_precision, actors, location_name,
    location_country, location_admin1, location_lat, location_lon,
    fatalities_low/high/qualifier, injured_*, sources, documents."""
    return frame(source, "event", **kw)


def claims_frame(source, **kw):
    """Claims merged across articles as a DataFrame: measure, value_low,
    value_high, qualifier, actor, places, period_start, period_end,
    attributed_to, sources, documents, outlets, status."""
    return frame(source, "claim", **kw)


def stories_frame(source, **kw):
    """Stories as a DataFrame: id, title, documents, first_seen, last_seen."""
    return frame(source, "story", **kw)


def entities_frame(source, **kw):
    """Entities as a DataFrame (one row per entity across the articles)."""
    return frame(source, "entity", **kw)


def documents_frame(source, **kw):
    """Documents as a DataFrame: id, title, outlet, byline, published, story, ..."""
    return frame(source, "document", **kw)


def conflicts_frame(source, **kw):
    """Conflicts (sources that disagree) as a DataFrame."""
    return frame(source, "conflict", **kw)


def trends_frame(source, **kw):
    """Trends as a DataFrame."""
    return frame(source, "trend", **kw)
