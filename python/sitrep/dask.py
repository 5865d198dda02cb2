"""sitrep on a Dask cluster: articles in shards, a partial corpus per shard,
merged in a tree.

    from distributed import Client
    import sitrep.dask

    client = Client("tcp://scheduler:8786")
    result = sitrep.dask.run(["/shared/crawl/"], client, shard_size=2000,
                             output="/shared/out/records.jsonl")
    print(result)

The inputs are cut into shards of about `shard_size` articles: whole files
(a directory is listed as ``sitrep extract`` reads it, in name order), and
JSON Lines files cut between lines; a WARC archive or a feed is never cut.
Each shard is one task (the map): its articles are analysed into a partial
corpus, returned as a snapshot (``sitrep extract --snapshot``).  Snapshots
are merged `fan_in` at a time in a tree whose leaves are the shards in
order (the reduce: ``sitrep merge``), as soon as a node's shards are done,
up to the first level of at most `end_fan_in` nodes (default fan_in
squared; with fewer shards, none are merged; the last level merges only
the first shards' groups, as many as bring it within `end_fan_in`:
:func:`tree`).  With `snapshot_dir` the snapshots go between the tasks
in files there (mapped), not through Dask's connections.  The end is split over the
workers by what each part of the records needs (the records are in
sections: documents, stories, entities, claims, events, conflicts,
trends, mention records): one task links the documents into stories and
writes the documents and stories while the other workers write the
entities, which need no finishing; the other workers take the stories as
bytes instead of linking them again, and each worker corroborates its own
corpus (merges the claims and events across articles and finds the
conflicts and trends) before its first range of the claims, events,
conflicts or trends; the rest is written in ranges on every worker.
Each worker loads the top of the tree once, as it is made, while
the shards are still being mapped (`preload`), and keeps it for the end;
a worker is given the next range when it is free.  The records are
written once, as JSON Lines, into a file beside `output` (a path the
workers see: shared storage), each range at its offset (a range given
before the ones ahead of it are written is kept by its worker until they
are), then renamed to `output`.
The records are byte for byte those of one ``sitrep extract`` of all the
inputs, in the same order.

With ``db=PATH`` (a SQLite database on shared storage, created when
missing) the shards keep their articles' bytes (``sitrep extract --snapshot
OUT --articles``), and one task merges the top of the tree and ingests the
articles into the database in one batch (``sitrep merge --db``): the
database is byte for byte the one ``sitrep ingest`` of the same articles
makes, articles stored already are passed by, and ``sitrep report``,
``export``, ``events`` and ``claims`` read it.

Faults: a task whose worker dies is run again by Dask elsewhere (the
result does not change: each task is a pure function of its inputs); an
input that cannot be read is reported (``result.skipped``, a
:class:`sitrep.SkippedInput` warning) and the rest goes on; a shard whose
task fails every time (it crashes its workers) is reported with its inputs
(``result.failed``) and the others are merged without it.

Every worker needs the ``sitrep`` package and libsitrep of the same build
(a snapshot is tied to the build that wrote it).

Command line: ``sitrep-dask --scheduler ADDRESS [options] PATH...`` or
``python3 -m sitrep.dask ...`` (``--help``).
"""

import argparse
import ctypes
import mmap
import os
import shutil
import sys
import tempfile
import threading
import time
import warnings

import sitrep

try:
    import distributed
except ImportError as e:  # pragma: no cover - depends on the machine
    raise ImportError(
        "sitrep.dask needs Dask's distributed (Debian: apt-get install python3-distributed)"
    ) from e

__all__ = ["Result", "plan", "tree", "run", "local_snapshot_dir", "main", "HOUSEKEEPING", "housekeeping_env"]

# Dask's own housekeeping at its default rates (a statistical profile of the
# worker threads every 10 ms, event-loop health ticks every 20 ms, memory
# monitors every 100 ms, system monitors every 500 ms) costs an idle
# cluster of two workers about 0.1 of a core (2.9 s of CPU in 30 s, against
# 0.37 s at these rates: the scheduler, the nannies and the workers,
# measured with psutil): on a small machine, CPU taken from the tasks.
# The local cluster of `sitrep-dask` runs with these; a cluster of one's
# own takes them from its environment (housekeeping_env()) or dask config.
HOUSEKEEPING = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def housekeeping_env():
    """HOUSEKEEPING as the environment variables `dask scheduler` and
    `dask worker` read (DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False ...)."""
    return {"DASK_" + k.upper().replace(".", "__").replace("-", "_"): str(v) for k, v in HOUSEKEEPING.items()}


# ---- planning the shards ---------------------------------------------------


def _files(path, seen):
    """The files a path names, in the order the reader reads them."""
    try:
        st = os.stat(path)
    except OSError:
        yield path  # the shard reports it
        return
    if not os.path.isdir(path):
        yield path
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return  # a link back into the tree: read once
    seen.add(key)
    try:
        names = sorted(os.listdir(os.fsencode(path)))
    except OSError:
        yield path
        return
    sep = b"" if path.endswith("/") else b"/"
    for name in names:
        if name.startswith(b"."):
            continue
        yield from _files(os.fsdecode(os.fsencode(path) + sep + name), seen)


def _is_jsonl(path):
    """A plain JSON Lines file (cut between lines); a compressed one is not cut."""
    if not path.lower().endswith((".jsonl", ".ndjson")):
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(4096).lstrip()
    except OSError:
        return False
    return head[:1] == b"{"


def _line_cuts(path, size):
    """(start, end, first_line, lines) ranges of about `size` lines each,
    each as soon as it is read."""
    start, line, first, n = 0, 1, 1, 0
    pos = 0
    with open(path, "rb") as f:
        while True:
            block = f.read(1 << 22)
            if not block:
                break
            i = 0
            while True:
                j = block.find(b"\n", i)
                if j < 0:
                    break
                n += 1
                line += 1
                i = j + 1
                if n == size:
                    yield (start, pos + i, first, n)
                    start, first, n = pos + i, line, 0
            pos += len(block)
    if pos > start:
        yield (start, pos, first, n + 1)


def plan(paths, shard_size=1000):
    """The shards: lists of units, each a path or (path, start, end,
    first_line) for part of a JSON Lines file, about `shard_size` articles
    each (a file of another kind counts as one article)."""
    return list(_plan(paths, shard_size))


def _plan(paths, shard_size):
    """plan()'s shards, each as soon as it is cut (run() gives its task
    then: cutting reads every JSON Lines file through)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    shard_size = max(1, int(shard_size))
    cur, n = [], 0
    seen = set()
    for p in paths:
        for f in _files(os.fspath(p), seen):
            if _is_jsonl(f):
                for start, end, first, lines in _line_cuts(f, shard_size):
                    if n and n + lines > shard_size:
                        yield cur
                        cur, n = [], 0
                    cur.append((f, start, end, first))
                    n += lines
                    if n >= shard_size:  # full: nothing more joins it
                        yield cur
                        cur, n = [], 0
            else:
                if n >= shard_size:
                    yield cur
                    cur, n = [], 0
                cur.append(f)
                n += 1
    if cur:
        yield cur


# ---- the tasks (run on the workers) ----------------------------------------


def _options(opts):
    return dict(text=opts.get("text", False), mentions=opts.get("mentions", False),
                max_bytes=opts.get("max_bytes"), articles=opts.get("articles", False), errors="ignore")


def _read_part(corpus, path, start, end, first, tmp):
    """Lines [start, end) of a JSON Lines file, read under the file's name
    and line numbers: ids of records without one ("name:line") and the
    messages are the ones a reader of the whole file gives."""
    part = os.path.join(tmp, os.path.basename(path))
    with open(path, "rb") as src, open(part, "wb") as dst:
        dst.write(b"\n" * (first - 1))  # blank lines: skipped, but counted
        src.seek(start)
        left = end - start
        while left > 0:
            block = src.read(min(left, 1 << 22))
            if not block:
                break
            dst.write(block)
            left -= len(block)
    before = len(corpus.skipped)
    corpus.add_path(part)
    corpus.skipped[before:] = [m.replace(part, path, 1) for m in corpus.skipped[before:]]
    os.unlink(part)


def _snapshot_out(c, opts, name, level):
    """The snapshot of the corpus `c` as a task's result: its bytes, or with
    opts["snapdir"] the file it is written in there (`name`)."""
    d = opts.get("snapdir")
    if not d:
        snap = c.snapshot(level)
        return {"snapshot": snap, "bytes": len(snap)}
    path = os.path.join(d, name)  # (the run made d: a task left running after the run finds it gone)
    return {"snapshot_file": path, "bytes": c.write_snapshot(path, level)}


def _add_part(c, part):
    """A task's snapshot (`_snapshot_out`) added to the corpus `c`."""
    if "snapshot_file" in part:
        c.add_snapshot_file(part["snapshot_file"])
    else:
        c.add_snapshot(part["snapshot"])


def map_shard(index, units, opts):
    """Task: a shard's articles -> its partial corpus (a snapshot; with
    opts["snapdir"], in a file there)."""
    c0 = time.thread_time()
    t0 = time.perf_counter()
    with sitrep.Corpus(**_options(opts)) as c, tempfile.TemporaryDirectory(prefix="sitrep-shard-") as tmp:
        for u in units:
            if isinstance(u, str):
                c.add_path(u)
            else:
                _read_part(c, *u, tmp)
        out = _snapshot_out(c, opts, "map-%d" % index, opts.get("snapshot_level", 0))
        return dict(out, index=index, documents=c.documents, skipped=list(c.skipped),
                    seconds=time.perf_counter() - t0, cpu=time.thread_time() - c0)


def merge_parts(*parts, level=0, snapdir=None, name=None):
    """Task: partial corpora, in order -> one partial corpus (its snapshot
    compressed at zlib's `level`, 0: stored; with `snapdir`, in the file
    `name` there)."""
    c0 = time.thread_time()
    t0 = time.perf_counter()
    with sitrep.Corpus() as c:
        for p in parts:
            _add_part(c, p)
        out = _snapshot_out(c, {"snapdir": snapdir}, name or "merge", level)
    return dict(out, documents=sum(p["documents"] for p in parts),
                seconds=time.perf_counter() - t0, cpu=time.thread_time() - c0)


def summary(part):
    """Task: what the client is told of a partial corpus (not its bytes)."""
    return {k: v for k, v in part.items() if k != "snapshot"}


_WRITEBACK_EVERY = 32 << 20


def _sync_file_range():
    """libc's sync_file_range (Linux), or None."""
    try:
        f = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (OSError, AttributeError):
        return None
    f.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    f.restype = ctypes.c_int
    return f


_SFR = _sync_file_range()


class _Writeback:
    """Starts the disk writes of what was written to `fd`, every 32 MB
    (sync_file_range(SYNC_FILE_RANGE_WRITE): it does not wait for them),
    so that the records reach the disk while the rest is made rather than
    all in the fsync at the end (2.4 GB of records at 100,000 articles:
    1.2 to 1.5 s of the run's end waiting for the disk, 0.1 s after), and
    no gigabytes of dirty pages pile up.  Where there is no such call (or
    the file cannot take it) it does nothing."""

    def __init__(self, fd, start):
        self.fd, self.done, self.end = fd, start, start

    def wrote(self, end):
        self.end = max(self.end, end)
        if self.end - self.done >= _WRITEBACK_EVERY:
            self.flush()

    def flush(self):
        global _SFR
        if _SFR is not None and self.fd >= 0 and self.end > self.done:
            if _SFR(self.fd, self.done, self.end - self.done, 2) != 0:  # SYNC_FILE_RANGE_WRITE
                _SFR = None  # not on this file system: left to the kernel and the fsync
        self.done = self.end


def _write_records(c, part, nparts, output, durable, call=None, at=None):
    """Part `part` of `nparts` of the records of the corpus `c`
    (sitrep_corpus_write_json_part, or what `call(write_fn)` writes:
    blocks of whole records, about 1 MB): streamed to the file `output`,
    written beside it and renamed into place (fsync'ed first when
    `durable`); with `at`, written into the file `output` (created when
    missing, other tasks write the rest of it) from byte `at` on (a task
    run again writes the same bytes at the same place); without `output`,
    kept in memory.  Returns (bytes written, the blocks kept or None)."""
    lib = sitrep._lib
    got = []
    tmp = None
    if output and at is not None:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT, 0o644)
    elif output:
        fd, tmp = tempfile.mkstemp(prefix=".sitrep-", dir=os.path.dirname(os.path.abspath(output)))
    else:
        fd = -1
    base = at or 0
    wb = _Writeback(fd, base)

    def write(data, length, ctx):
        try:
            block = (ctypes.c_char * length).from_address(data)
            if fd < 0:
                got.append(bytes(block))
            else:
                view = memoryview(block).cast("B")
                while view:
                    k = os.pwrite(fd, view, base + n[0])
                    view = view[k:]
                    n[0] += k
                wb.wrote(base + n[0])
                return 0
            n[0] += length
            return 0
        except Exception as e:  # an exception cannot cross the C library
            err.append(e)
            return -1

    n, err = [0], []
    fn = lib.WRITE_FN(write)
    try:
        st = call(fn) if call else lib.corpus_write_json_part(c._ptr, 0, part, nparts, fn, None)
        c._finished = True
        if err:
            raise err[0]
        lib.check(st, "writing the records")
        if fd >= 0:
            wb.flush()
            if durable:
                os.fsync(fd)
            os.close(fd)
            fd = -1
            if tmp:
                os.replace(tmp, output)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    return n[0], (None if output else got)


# ---- the end on several workers: the records in ranges ---------------------
#
# The records fall into sections (documents, stories, entities, claims,
# events, conflicts, trends, mention records: sitrep_corpus_write_json_range),
# each cut into ranges that are written by tasks of their own.  A range
# finishes only what its records need: the entities nothing, the documents
# and stories the stories stage, the claims, events, conflicts and trends
# the corroboration.  One task links the stories while the others write
# the entities; the stories travel as bytes (stories:
# sitrep_corpus_write_stories), which the other workers take
# (sitrep_corpus_add_stories: the documents are not linked into stories
# again); each worker makes the part of the corroboration its ranges need
# (sitrep_corpus_finish_range: the claims' part for the claims, conflicts
# and trends, corroborate_here; the events' part, about a ninth of it, for
# the events, in write_range).  (The corroboration can travel as bytes
# too, whole or its rest after the stories: corroborate, write_range's
# `corr`.)
# Each worker loads the top of the tree once: the corpus stays in the worker
# (_HELD) for the run's next task there, and is dropped at the end of the run.

_HELD = {}                  # run tag -> _Held, in this worker process
_KEPT = {}                  # (run tag, range index) -> the range's records (blocks), until placed
_ENDED = set()              # run tags dropped here: a late preload starts no corpus for them
_PENDING = {}               # run tag -> {index: snapshot} preloaded before the ones ahead of it
_HELD_LOCK = threading.Lock()


class _Held:
    """A corpus of the top of the tree kept in a worker between the tasks
    of one run; one task at a time uses it (`busy`).  It holds the first
    `loaded` snapshots of the top of the tree, in order (:func:`preload`
    adds them as they are made, the end's tasks the rest)."""

    def __init__(self, corpus):
        self.corpus = corpus
        self.busy = threading.Lock()
        self.corroborated = False
        self.storied = False  # its stories stage ran (or its stories were taken)
        self.kept = False
        self.loaded = 0
        self.taken = False  # an end task has used it: nothing is added after


def _gather(parts, secede=False):
    """The snapshots `parts` (the results of the top of the tree's tasks),
    those given by key (str) taken from this worker's memory or fetched
    from the cluster: the end's tasks are given the keys, not the
    snapshots, so that Dask does not move the top of the tree to a worker
    that has loaded it already (preload).  `secede`: the task leaves its
    worker's thread while it waits (loading everything, a worker that
    came late), so that the worker can run others meanwhile; else it keeps
    it (a few snapshots the preloads had not added yet: another task on the
    worker would only load a corpus of its own)."""
    keys = [p for p in parts if isinstance(p, str)]
    if not keys:
        return list(parts)
    got = {}
    try:
        data = distributed.get_worker().data
        for k in keys:
            if k in data:
                got[k] = data[k]
    except Exception:  # not on a worker, or its memory changed meanwhile: fetched below
        pass
    rest = [k for k in keys if k not in got]
    if rest:
        with distributed.worker_client(separate_thread=secede) as client:
            got.update(zip(rest, client.gather([distributed.Future(k, client=client) for k in rest])))
    return [got[p] if isinstance(p, str) else p for p in parts]


def _take(tag, parts, times, clock):
    """The corpus of the snapshots `parts` for a task of run `tag`: the one
    an earlier task of the run (or the preloads) left in this worker, the
    snapshots it lacks added, else loaded (and left for the next, unless
    another task holds one)."""
    with _HELD_LOCK:
        h = _HELD.get(tag)
        if h is not None and not h.busy.acquire(blocking=False):
            h = None
    if h is not None:
        t = clock()
        times["load"] = 0.0
        try:
            if h.loaded < len(parts):
                if h.taken:
                    raise RuntimeError("sitrep.dask: a finished corpus lacks snapshots")
                for p in _gather(parts[h.loaded:]):
                    _add_part(h.corpus, p)
                    h.loaded += 1
                times["load"] = clock() - t
        except BaseException:
            # not the run's corpus any more: the next task loads its own
            with _HELD_LOCK:
                if _HELD.get(tag) is h:
                    del _HELD[tag]
            h.kept = False
            _give_back(h)
            raise
        h.taken = True
        with _HELD_LOCK:
            _PENDING.pop(tag, None)  # nothing more is added
        return h
    t = clock()
    c = sitrep.Corpus()
    try:
        for p in _gather(parts, secede=True):
            _add_part(c, p)
    except BaseException:
        c.close()
        raise
    times["load"] = clock() - t
    h = _Held(c)
    h.loaded = len(parts)
    h.taken = True
    h.busy.acquire()
    with _HELD_LOCK:
        if tag not in _HELD:
            _HELD[tag] = h
            h.kept = True
    return h


def _give_back(h):
    h.busy.release()
    if not h.kept:
        h.corpus.close()


def preload(tag, index, part):
    """Task: snapshot `index` of the top of the tree (`part`) added to the
    corpus this worker keeps for the end of run `tag`, as soon as it is
    made (the map still going): each worker loads the top of the tree while
    the shards are mapped, and Dask moves each snapshot to it then, so the
    end starts at once, with no worker waiting for the snapshots' bytes or
    loading them.  The snapshots are added in order: one that comes before
    those ahead of it waits here (in memory, _PENDING) for them.  A corpus
    an end task has taken (or busy) takes nothing more: the end's tasks add
    what is missing."""
    t0, c0 = time.perf_counter(), time.thread_time()
    out = {"index": index, "worker": _worker_address(), "added": 0}
    with _HELD_LOCK:
        if tag in _ENDED:
            h = None
        else:
            _PENDING.setdefault(tag, {})[index] = part
            h = _HELD.get(tag)
            if h is None and index == 0:
                h = _HELD[tag] = _Held(sitrep.Corpus())
                h.kept = True
            if h is not None and not h.busy.acquire(blocking=False):
                h = None
    if h is not None:
        try:
            while not h.taken:
                with _HELD_LOCK:
                    p = _PENDING.get(tag, {}).pop(h.loaded, None)
                if p is None:
                    break
                _add_part(h.corpus, p)
                h.loaded += 1
                out["added"] += 1
        except Exception as e:  # the corpus is not the run's any more: the end's tasks load their own
            with _HELD_LOCK:
                if _HELD.get(tag) is h:
                    del _HELD[tag]
                _PENDING.pop(tag, None)
            h.kept = False
            out["error"] = repr(e)
        finally:
            _give_back(h)
    out["seconds"] = time.perf_counter() - t0
    out["cpu"] = time.thread_time() - c0
    return out


def drop(tag):
    """Frees the corpus the run `tag` left in this worker (run on every
    worker at the end of the run: client.run)."""
    with _HELD_LOCK:
        h = _HELD.pop(tag, None)
        _PENDING.pop(tag, None)
        _ENDED.add(tag)
        if len(_ENDED) > 1000:
            _ENDED.clear()
            _ENDED.add(tag)
        for k in [k for k in _KEPT if k[0] == tag]:
            del _KEPT[k]
    if h is not None:
        with h.busy:
            h.corpus.close()
    return h is not None


def pick_range(left, w, touched, rs, front=False):
    """The range (an index into `rs`, the run's ranges) of those
    `left` (in order) to give the worker `w` next: one of a section it has
    written already, else the first of the last section no other worker
    has started, the conflicts and trends last (with `front`, of the
    first), else the first.  A worker sorts and indexes a section's
    records once for all its ranges of it (the claims' sort is about 1 s
    at 100,000 articles), so each section kept on one worker is sorted
    once.  The worker that linked the stories (and corroborated first)
    starts from the front (`front`: the claims, written at their offset),
    the others from the end back (the mention records, then the events),
    so that they end together; the conflicts and trends (a tenth of the
    records, 1.8 s of writing at 100,000 articles) go to the worker free
    first, not to one that starts on them before the events (at 100,000
    articles the claims are 14 s of writing, the events 12 s: taking the
    conflicts and trends before the events, the other worker would end 2
    s after the first)."""
    def sec(i):
        return int(rs[i][0])

    mine = touched.get(w, set())
    theirs = set().union(*[t for x, t in touched.items() if x != w])
    for i in left:
        if sec(i) in mine:
            return i
    free = [i for i in left if sec(i) not in theirs]
    if free:
        secs = {sec(i) for i in free}
        # from the end back, but the conflicts and trends (small: 0.1 of
        # the records) left to the worker free first
        want = min(secs) if front else max(secs, key=lambda x: (x != 5, x))
        return next(i for i in free if sec(i) == want)
    return left[0]


def _range_needs_corroboration(lo, hi):
    """Does the range [lo, hi) of places take claims, events, conflicts or trends?"""
    return lo < 7 and hi > 3


def _range_needs_stories(lo, hi):
    """Does the range [lo, hi) of places take anything but entities (the
    documents, stories and mention records need the stories stage, the
    rest the corroboration too)?"""
    return not (lo >= 2 and hi <= 3)


def stories(tag, *parts, after=None, timer=None, times=None):
    """Task: the stories of the corpus of `parts` (the snapshots at the top
    of the tree, or their keys) as bytes (sitrep_corpus_write_stories: the
    stories stage run, when no task ran it here before), for the ranges that
    need them (the documents, stories and mention records; the others take
    them before the rest of the corroboration): a worker takes them and
    runs only the cheap rest of the stories stage, while the corroboration
    is still being made.  (`after`: a task run before it, on the same
    worker: the documents and stories written, which ran the stories
    stage.)"""
    t0, c0 = time.perf_counter(), time.thread_time()
    clock = timer or time.perf_counter
    times = {} if times is None else times
    h = _take(tag, parts, times, clock)
    try:
        t = clock()
        sink = sitrep._lib.Collector()
        sitrep._lib.check(sitrep._lib.corpus_write_stories(h.corpus._ptr, sink.fn, None), "linking the stories")
        h.corpus._finished = True
        h.storied = True
        times["finish"] = clock() - t
        blob = b"".join(sink.take())
    finally:
        _give_back(h)
    return {"stories": blob, "bytes": len(blob), "seconds": time.perf_counter() - t0,
            "cpu": time.thread_time() - c0, "times": dict(times), "worker": _worker_address()}


def corroborate(tag, *parts, after=None, path=None, timer=None, times=None):
    """Task: the corroboration of the corpus of `parts` (the snapshots at
    the top of the tree, or their keys), as bytes for the ranges that need
    it, without the stories (sitrep_corpus_write_corroboration_rest: the
    ranges take them first, from :func:`stories`); the corpus, finished,
    stays in this worker for the run's next task.  (`after`: a task run
    before it, on the same worker: the stories written.)  With `path` (a
    file beside the records, which the workers see) the bytes are written
    there, straight from the library, and the result names it: the other
    workers map the file instead of taking the bytes through Dask (216 MB
    at 100,000 articles: pickled, sent and received while both workers
    compute); a task run again writes the same bytes (into a new file,
    renamed over the old)."""
    t0, c0 = time.perf_counter(), time.thread_time()
    clock = timer or time.perf_counter
    times = {} if times is None else times
    lib = sitrep._lib
    h = _take(tag, parts, times, clock)
    out = {}
    try:
        t = clock()
        if path is None:
            sink = lib.Collector()
            lib.check(lib.corpus_write_corroboration_rest(h.corpus._ptr, sink.fn, None), "corroborating the corpus")
            out["rest"] = b"".join(sink.take())
            out["bytes"] = len(out["rest"])
        else:
            out["rest_path"] = path
            out["bytes"] = out["rest_bytes"] = _write_rest_file(h.corpus, path)
        h.corpus._finished = True
        h.corroborated = h.storied = True
        times["finish"] = clock() - t
    finally:
        _give_back(h)
    return dict(out, seconds=time.perf_counter() - t0, cpu=time.thread_time() - c0, times=dict(times),
                worker=_worker_address())


def corroborate_here(tag, *parts, after=None, sections=((0, 8),), timer=None, times=None):
    """Task: the corpus of `parts` this worker keeps for run `tag`
    finished for the ranges `sections` ((lo, hi) of places:
    sitrep_corpus_finish_range; the claims, conflicts and trends take the
    claims' part of the corroboration, the events the events'), nothing
    written or handed on: its next ranges take it.  Run as a task of its
    own, not in the first range that needs it, so that the range is given
    once the ranges before it have ended (the entities, on the other
    workers) and is written at its offset rather than kept and placed.
    (`after`: a task run before it, on the same worker: the stories
    written.)"""
    t0, c0 = time.perf_counter(), time.thread_time()
    clock = timer or time.perf_counter
    times = {} if times is None else times
    lib = sitrep._lib
    h = _take(tag, parts, times, clock)
    try:
        t = clock()
        for lo, hi in sections:
            if lib.corpus_finish_range is not None:
                lib.check(lib.corpus_finish_range(h.corpus._ptr, lo, hi), "corroborating the corpus")
            else:
                lib.check(lib.corpus_finish(h.corpus._ptr), "corroborating the corpus")
            h.corpus._finished = True
            h.corroborated = h.storied = True
        times["finish"] = clock() - t
    finally:
        _give_back(h)
    return {"seconds": time.perf_counter() - t0, "cpu": time.thread_time() - c0, "times": dict(times),
            "worker": _worker_address()}


def _write_rest_file(c, path):
    """The rest of the corroboration of the corpus `c` written into the file
    `path` (beside it first, then renamed into place); returns its bytes."""
    lib = sitrep._lib
    return lib.write_file(path, lambda fn: lib.corpus_write_corroboration_rest(c._ptr, fn, None),
                          "corroborating the corpus")


def _add_rest_file(c, path, nbytes):
    """The rest of the corroboration taken from the file `path` (mapped, not
    read into memory: the library copies what it keeps)."""
    lib = sitrep._lib
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size != nbytes:
            raise sitrep.SitrepError(lib.EIO, "sitrep.dask: %s holds %d bytes, not the %d written" % (path, size, nbytes))
        if not size:
            return lib.check(lib.corpus_add_corroboration_rest(c._ptr, b"", 0), "taking the corroboration")
        # a private mapping: writable for ctypes, never written, never copied
        with mmap.mmap(f.fileno(), size, access=mmap.ACCESS_COPY) as m:
            block = (ctypes.c_char * size).from_buffer(m)
            try:
                st = lib.corpus_add_corroboration_rest_at(c._ptr, ctypes.addressof(block), size)
            finally:
                del block  # the mapping closes only when no buffer of it is left
    lib.check(st, "taking the corroboration")


def _take_finishing(h, corr, lo, hi):
    """What the range [lo, hi) needs of `corr` (the results of
    :func:`stories` and :func:`corroborate`, one or a list; or a whole
    corroboration, ``{"corroboration": bytes}``) taken into the worker's
    corpus `h` when it has it not yet."""
    lib = sitrep._lib
    c = h.corpus
    got = {}
    for r in [corr] if isinstance(corr, dict) else list(corr or ()):
        got.update({k: r[k] for k in ("stories", "rest", "rest_path", "rest_bytes", "corroboration") if k in r})
    if _range_needs_stories(lo, hi) and not h.storied and not h.corroborated:
        if "stories" in got:
            blob = got["stories"]
            lib.check(lib.corpus_add_stories(c._ptr, blob, len(blob)), "taking the stories")
            c._finished = True
            h.storied = True
    if _range_needs_stories(lo, hi) and not h.corroborated:
        if "corroboration" in got:
            blob = got["corroboration"]
            lib.check(lib.corpus_add_corroboration(c._ptr, blob, len(blob)), "taking the corroboration")
            c._finished = True
            h.corroborated = h.storied = True
        elif ("rest" in got or "rest_path" in got) and _range_needs_corroboration(lo, hi):
            if not h.storied:
                raise RuntimeError("sitrep.dask: the corroboration's rest given without its stories")
            if "rest" in got:
                blob = got["rest"]
                lib.check(lib.corpus_add_corroboration_rest(c._ptr, blob, len(blob)), "taking the corroboration")
            else:
                _add_rest_file(c, got["rest_path"], got["rest_bytes"])
            h.corroborated = True


def write_range(output, lo, hi, tag, corr, *parts, at=None, index=None, timer=None, times=None):
    """Task: the records whose places are in [lo, hi) of the corpus of
    `parts` (sitrep_corpus_write_json_range); `corr` (the results of
    :func:`stories` and :func:`corroborate`, a list of one or both, or
    None) gives the stories and the corroboration when the range needs
    them (the stories any range but the entities; the corroboration the
    claims, events, conflicts and trends) and this worker's corpus has them
    not yet.  With `output` (the run's joining file)
    and `at` (the range's first byte in it, known when the ranges before
    it are written), written there; with `output` and no `at`, kept in
    this worker as range `index` of the run until :func:`place` writes it
    (its offset known); without `output`, returned."""
    t0, c0 = time.perf_counter(), time.thread_time()
    clock = timer or time.perf_counter
    times = {} if times is None else times
    lib = sitrep._lib
    h = _take(tag, parts, times, clock)
    try:
        c = h.corpus
        t = clock()
        if corr is not None:
            _take_finishing(h, corr, lo, hi)
        times["finish"] = clock() - t
        if _range_needs_corroboration(lo, hi) and lib.corpus_finish_range is not None:
            # no corroboration given: this worker's corpus makes the part of
            # it the range needs (the claims', or the events': about a
            # ninth of it), what the writer would do, timed apart
            t = clock()
            lib.check(lib.corpus_finish_range(c._ptr, lo, hi), "corroborating the corpus")
            c._finished = True
            h.corroborated = h.storied = True  # (a part made: no bytes are taken after)
            took = clock() - t
            if took >= 0.005:
                times["corroborate"] = took
        t = clock()
        nbytes, blocks = _write_records(c, None, None, output if at is not None else None, durable=False,
                                        call=lambda fn: lib.corpus_write_json_range(c._ptr, 0, lo, hi, fn, None),
                                        at=at)
        if _range_needs_stories(lo, hi):
            h.storied = True  # the stories stage run by the writer when no stories were given
        if _range_needs_corroboration(lo, hi):
            h.corroborated = True  # finished by the writer when no corroboration was given
        times["write"] = clock() - t
    finally:
        _give_back(h)
    out = {"range": (lo, hi), "bytes_written": nbytes, "times": dict(times), "worker": _worker_address()}
    if not output:
        out["jsonl"] = b"".join(blocks)
    elif at is None:
        with _HELD_LOCK:
            _KEPT[(tag, index)] = blocks
        out["kept"] = True
    out["seconds"] = time.perf_counter() - t0
    out["cpu"] = time.thread_time() - c0
    return out


def place(output, at, index, lo, hi, tag, timer=None, times=None):
    """Task: range `index` of the run `tag`, kept by the worker that wrote
    it (:func:`write_range` without `at`), written into the joining file
    `output` at byte `at`.  Run on a worker that does not hold it (Dask
    moved the task, or the worker that wrote it died), it reports the range
    missing (the driver sends it back, or has the range written again)."""
    t0, c0 = time.perf_counter(), time.thread_time()
    out = {"range": (lo, hi), "worker": _worker_address()}
    with _HELD_LOCK:
        blocks = _KEPT.pop((tag, index), None)
    if blocks is None:
        return dict(out, missing=True, bytes_written=0, times={}, seconds=time.perf_counter() - t0,
                    cpu=time.thread_time() - c0)
    clock = timer or time.perf_counter
    times = {} if times is None else times
    t = clock()
    n = 0
    fd = os.open(output, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        wb = _Writeback(fd, at)
        for block in blocks:
            view = memoryview(block)
            while view:
                k = os.pwrite(fd, view, at + n)
                view = view[k:]
                n += k
            wb.wrote(at + n)
        wb.flush()
    finally:
        os.close(fd)
    times["write"] = clock() - t
    return dict(out, bytes_written=n, times=dict(times), seconds=time.perf_counter() - t0,
                cpu=time.thread_time() - c0)


def _report(result):
    """Task: what a task of the end reported, without the bytes it made."""
    return {k: v for k, v in result.items() if k not in ("corroboration", "stories", "rest")}


def _worker_address():
    try:
        return distributed.get_worker().address
    except Exception:  # run outside a worker (bench/dask_phases.py)
        return None


def ranges(nsplit, mentions=False):
    """The ranges of places the records are written in: the documents and
    stories together, the entities, claims and events each cut in `nsplit`
    (by their estimated bytes), the conflicts and trends together, the
    mention records (in `nsplit` when kept)."""
    cuts = [0.0, 2.0]
    for sec in (2, 3, 4):
        cuts += [sec + k / nsplit for k in range(1, nsplit)] + [sec + 1.0]
    cuts.append(7.0)
    if mentions:
        cuts += [7 + k / nsplit for k in range(1, nsplit)]
    cuts.append(8.0)
    return list(zip(cuts, cuts[1:]))


def tree(n, fan_in=8, end_fan_in=None):
    """The merges of a run of `n` shards: for each level above the shards,
    its nodes as ranges [lo, hi) of the level below (a range of one is that
    node itself, not merged), up to the first level of at most `end_fan_in`
    nodes (default fan_in squared), which the end tasks take.  The last
    level merges only as many groups of `fan_in` as bring it within
    `end_fan_in`, those of the first shards (mapped first, merged while the
    others are mapped); the others go to the end as they are: with several
    workers each adds every snapshot of the top to its corpus as it comes
    (`preload`), so a merge there only writes and reads its articles once
    more, and the merge of the last shards, done after the map, delayed the
    end (at 100,000 articles in shards of 1,000: 6 merges, not 13).  A level
    that cannot come within `end_fan_in` merges all of its nodes, `fan_in`
    at a time."""
    fan_in = max(2, int(fan_in))
    end_fan_in = max(1, int(end_fan_in)) if end_fan_in else fan_in * fan_in
    levels = []
    while n > end_fan_in:
        m = -(-(n - end_fan_in) // (fan_in - 1))  # merges that bring n within end_fan_in
        if m * fan_in <= n:
            gs = [(k * fan_in, (k + 1) * fan_in) for k in range(m)] + [(k, k + 1) for k in range(m * fan_in, n)]
        else:
            gs = [(k, min(k + fan_in, n)) for k in range(0, n, fan_in)]
        levels.append(gs)
        n = len(gs)
    return levels


def ingest(db, *parts):
    """Task: the partial corpora at the top of the tree, in order, merged
    and their articles added to the database `db` in one batch (the
    articles it holds already are passed by)."""
    t0 = time.perf_counter()
    with sitrep.Corpus() as c:
        for p in parts:
            _add_part(c, p)
        with sitrep.Store(db) as s:
            out = s.add_corpus(c)
            s.commit()
            out["stored"] = s.count()
    out["db"] = db
    out["seconds"] = time.perf_counter() - t0
    return out


def _joining(output, tag):
    """The file the ranges are written into before it is renamed to `output`."""
    d, name = os.path.split(os.path.abspath(output))
    return os.path.join(d, ".%s.sitrep-%s" % (name, tag))


def _rest_file(output, tag):
    """The file the rest of the corroboration is handed on in (corroborate's `path`)."""
    return _joining(output, tag) + ".corr"


def _remove_rest_files(output, tag):
    """The file of _rest_file removed, and any a task killed while writing it left."""
    path = _rest_file(output, tag)
    d, name = os.path.split(path)
    try:
        names = [n for n in os.listdir(d) if n == name or n.startswith(name + ".")]
    except OSError:
        names = []
    for n in names:
        try:
            os.unlink(os.path.join(d, n))
        except OSError:
            pass


def seal(output, tag, nbytes):
    """Task: the run's joining file, all its ranges written, cut at
    `nbytes`, made durable and renamed to `output`; the file the
    corroboration was handed on in removed."""
    t0, c0 = time.perf_counter(), time.thread_time()
    _remove_rest_files(output, tag)
    tmp = _joining(output, tag)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            os.ftruncate(fd, nbytes)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, output)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return {"seconds": time.perf_counter() - t0, "cpu": time.thread_time() - c0, "bytes_written": nbytes}


def finish(output, *parts):
    """Task: the snapshots at the top of the tree, in order -> the records
    of all their articles, written to `output` (JSON Lines, durable; None:
    returned).  (The root is not merged into a snapshot first: that would
    write and read the whole corpus once more.)"""
    t0, c0 = time.perf_counter(), time.thread_time()
    out = {"documents": sum(p["documents"] for p in parts)}
    with sitrep.Corpus() as c:
        for p in parts:
            _add_part(c, p)
        nbytes, blocks = _write_records(c, 0, 1, output, durable=True)
    if output:
        out["output"] = output
    else:
        out["jsonl"] = b"".join(blocks)
    out["bytes_written"] = nbytes
    out["seconds"] = time.perf_counter() - t0
    out["cpu"] = time.thread_time() - c0
    return out


# ---- the driver (on the client) --------------------------------------------


class Result:
    """What a run did: counts, what was skipped or failed, and times."""

    def __init__(self):
        self.shards = 0
        self.documents = 0
        self.skipped = []   # "PATH[:LINE]: problem" of inputs that could not be read
        self.failed = []    # (shard index, its inputs, the error) of shards given up on
        self.merges = 0
        self.output = None
        self.jsonl = None   # the records, when no output path (and no db) was given
        self.db = None      # the database the articles went to (db=)
        self.added = 0      # ... articles added to it
        self.known = 0      # ... articles it held already (the same bytes)
        self.taken = []     # ... ids another article holds there (not added; in skipped too)
        self.ingest_seconds = 0.0
        self.wall = 0.0
        self.map_seconds = []     # per shard, on its worker
        self.map_cpu = []         # ... its thread's CPU seconds
        self.merge_seconds = []   # per merge task
        self.merge_cpu = []       # ... its thread's CPU seconds
        self.merge_documents = [] # the documents each merge task merged
        self.finish_seconds = 0.0     # the end: merging the top of the tree, finishing, writing
        self.part_seconds = []        # per task writing a part of the records
        self.part_bytes = []          # ... and the bytes each wrote
        self.seal_seconds = 0.0       # making the records' file durable and renaming it into place
        self.corroborate_seconds = 0.0  # the task corroborating (several workers)
        self.preload_tasks = []       # each worker adding the top of the tree to its corpus during the map
                                      # (several workers): its index, worker, seconds, "cpu", whether added
        self.end_tasks = []           # what each task of the end reported: times ("cpu": its thread's
                                      # CPU seconds), its worker
        self.maps_done = 0.0      # seconds from the start until the last shard was done
        self.merges_done = 0.0    # ... until the last merge was done
        self.snapshot_bytes = []  # per shard

    @property
    def ok(self):
        return not self.skipped and not self.failed

    def __repr__(self):
        return ("Result(%d documents in %d shards, %d merges, %d skipped, %d failed shards, %.2f s)"
                % (self.documents, self.shards, self.merges, len(self.skipped), len(self.failed), self.wall))


def run(paths, client, shard_size=1000, output=None, fan_in=8, text=False, mentions=False,
        max_bytes=None, errors="warn", retries=1, progress=None, write_parts=None, db=None,
        end_fan_in=None, compress=False, snapshot_dir=None):
    """Runs sitrep over `paths` on the Dask `client` (distributed.Client);
    see the module's documentation.  Returns a :class:`Result`; the records
    go to `output` (a path the workers can write), or without it (and
    without `db`) to ``result.jsonl`` (bytes).  With one worker (or one
    shard) one task writes them all; with more, in ranges (:func:`ranges`:
    the entities, claims and events each cut in `write_parts`, default one
    per worker) by tasks given to the workers as they come free, each
    written at its place in the file.
    With `db` (a database path the workers can write) the articles are
    ingested into it; the records are written too when `output` is given.
    The snapshots handed between the tasks are stored uncompressed (about
    13 KB an article in the workers' memory until merged and read: zlib,
    even at level 1, cost a tenth of each shard's task, two thirds of each
    merge and half of loading the top of the tree); `compress=True`
    deflates them (about 3.4 KB an article) for a cluster short of memory.
    With `snapshot_dir` (a directory every worker reads and writes: tmpfs
    or a local disk for a cluster on one machine, shared storage for
    several) and several workers, the snapshots are handed between the
    tasks in files there (a directory of the run's own, removed at its
    end), mapped by the tasks that read them, instead of through Dask's
    connections (each worker loads the whole top of the tree: at 100,000
    articles about 1.6 GB moved between two workers, 1 to 2.5 s of the
    receiver's CPU a GB).  With one worker nothing moves: it is not used."""
    state = {}
    try:
        return _run(state, paths, client, shard_size=shard_size, output=output, fan_in=fan_in, text=text,
                    mentions=mentions, max_bytes=max_bytes, errors=errors, retries=retries, progress=progress,
                    write_parts=write_parts, db=db, end_fan_in=end_fan_in, compress=compress,
                    snapshot_dir=snapshot_dir)
    finally:
        if state.get("snapdir"):
            try:
                client.run(_remove_snapdir, state["snapdir"])
            except Exception:
                pass
            _remove_snapdir(state["snapdir"])
        if state.get("preloads"):
            # the corpora the preloads made (used or not) and anything they
            # left; a preload still waiting (its worker gone) is let go
            client.cancel([f for f in state["preloads"] if f.status == "pending"])
            try:
                client.run(drop, state["tag"])
            except Exception:
                pass


def _make_snapdir(path):
    """The run's directory of snapshot files made (run on every worker: it
    is made once, before any task writes there, and not again: a task of
    the run left running after its end, a lost shard made again that
    nobody waits for, finds it removed rather than leaving files in it)."""
    os.makedirs(path, exist_ok=True)


def _remove_snapdir(path):
    """The run's directory of snapshot files removed (run on the workers and
    the client: whichever sees it)."""
    shutil.rmtree(path, ignore_errors=True)


def _run(state, paths, client, shard_size, output, fan_in, text, mentions, max_bytes, errors, retries, progress,
         write_parts, db, end_fan_in, compress, snapshot_dir):
    if errors not in ("warn", "raise", "ignore"):
        raise ValueError("sitrep.dask: errors must be 'warn', 'raise' or 'ignore'")
    if db is not None and text:
        raise ValueError("sitrep.dask: a database keeps records without the text (text=True with db)")
    fan_in = max(2, int(fan_in))
    t0 = time.perf_counter()
    snap_level = 1 if compress else 0
    opts = {"text": text, "mentions": mentions, "max_bytes": max_bytes, "articles": db is not None,
            "snapshot_level": snap_level}
    res = Result()
    tag = "%x" % (time.time_ns() & 0xFFFFFFFFFF)
    pending = {}                              # future key -> (level, index)
    # with several workers each loads the top of the tree for the end: it
    # does so while the shards are mapped (preload), each snapshot as soon
    # as it is made, so that the end starts with every worker's corpus
    # loaded and no snapshot left to move
    if db is None or output:
        pre_workers = sorted(client.scheduler_info()["workers"])
    else:
        pre_workers = []
    if len(pre_workers) < 2:
        pre_workers = []
    snapdir = None
    if snapshot_dir and len(client.scheduler_info()["workers"]) >= 2:
        snapdir = state["snapdir"] = os.path.join(os.path.abspath(snapshot_dir), "sitrep-%s" % tag)
        opts["snapdir"] = snapdir
        client.run(_make_snapdir, snapdir)
    preloads = state["preloads"] = []
    state["tag"] = tag
    pre_at = [0, 0]                            # the next node of the top to preload, its index among the kids
    ac = distributed.as_completed()
    # each shard's task is given as soon as the shard is cut: cutting reads
    # the JSON Lines files through (633 MB at 100,000 articles, about a
    # second of the client's CPU that every worker waited for)
    shards = []
    for i, units in enumerate(_plan(paths, shard_size)):
        shards.append(units)
        f = client.submit(map_shard, i, units, opts, key="sitrep-map-%s-%d" % (tag, i), retries=retries)
        pending[f.key] = (0, i)
        ac.add(f)
    res.shards = len(shards)

    # the tree (`tree`): level 0 is the shards; node i of level l merges
    # the nodes groups[l - 1][i] of level l - 1, up to the lowest level of
    # at most end_fan_in nodes (`top`), which the end tasks take
    end_fan_in = max(1, int(end_fan_in)) if end_fan_in else fan_in * fan_in
    groups = tree(len(shards), fan_in, end_fan_in)
    sizes = [len(shards)] + [len(g) for g in groups]
    parent_of = [[0] * n for n in sizes[:-1]]
    for level, gs in enumerate(groups):
        for p, (lo, hi) in enumerate(gs):
            for k in range(lo, hi):
                parent_of[level][k] = p
    top = len(sizes) - 1
    value = [[None] * n for n in sizes]      # a future, or None (nothing there)
    resolved = [[False] * n for n in sizes]
    summaries = []

    def preload_ready():
        # the nodes of the top made so far, in order, to every worker
        while pre_at[0] < sizes[top] and resolved[top][pre_at[0]]:
            fut = value[top][pre_at[0]]
            if fut is not None:
                for n, w in enumerate(pre_workers):
                    preloads.append(client.submit(preload, tag, pre_at[1], fut,
                                                  key="sitrep-pre-%s-%d-%d" % (tag, n, pre_at[1]), workers=[w],
                                                  allow_other_workers=False, priority=150))
                pre_at[1] += 1
            pre_at[0] += 1

    def resolve(level, i, fut):
        value[level][i] = fut
        resolved[level][i] = True
        if level >= top:
            if pre_workers:
                preload_ready()
            return  # the top: its nodes go to the end tasks
        parent = parent_of[level][i]
        lo, hi = groups[level][parent]
        if not all(resolved[level][lo:hi]):
            return
        kids = [value[level][k] for k in range(lo, hi) if value[level][k] is not None]
        if len(kids) <= 1:
            resolve(level + 1, parent, kids[0] if kids else None)
            return
        f = client.submit(merge_parts, *kids, level=snap_level, snapdir=snapdir,
                          name="merge-%d-%d" % (level + 1, parent),
                          key="sitrep-merge-%s-%d-%d" % (tag, level + 1, parent), retries=retries,
                          priority=10 + level)
        res.merges += 1
        pending[f.key] = (level + 1, parent)
        ac.add(f)

    if not shards:
        resolved[0] = []
    done = 0
    maps_left = len(shards)
    for f in ac:
        if f.status in ("pending", "lost"):
            # done, then its worker died holding the result before it was
            # seen here: Dask makes it again (the future is still wanted),
            # so it is waited for again, not taken for a failed shard
            ac.add(f)
            continue
        level, i = pending.pop(f.key)
        if level == 0:
            maps_left -= 1
            if not maps_left:
                res.maps_done = time.perf_counter() - t0
        if f.status != "finished":
            err = f.exception()
            if level > 0:
                raise sitrep.SitrepError(sitrep._lib.EIO, "sitrep.dask: merging failed: %r" % (err,))
            res.failed.append((i, shards[i], repr(err)))
            msg = "shard %d (%d inputs, from %s) failed: %r" % (i, len(shards[i]), _unit_name(shards[i][0]), err)
            if errors == "raise":
                raise sitrep.SitrepError(sitrep._lib.EIO, msg)
            if errors == "warn":
                warnings.warn(sitrep.SkippedInput(msg), stacklevel=2)
            resolve(0, i, None)
        else:
            if level == 0:
                summaries.append(client.submit(summary, f, key="sitrep-sum-%s-%d" % (tag, i)))
            else:
                summaries.append(client.submit(summary, f, key="sitrep-msum-%s-%d-%d" % (tag, level, i)))
            resolve(level, i, f)
        done += 1
        if progress:
            progress(done, len(shards) + res.merges)
    res.merges_done = time.perf_counter() - t0
    kids = [k for k in value[top] if k is not None]
    # the end's tasks are given the snapshots' keys: each takes its worker's
    # corpus (preloaded) and fetches only the snapshots it lacks (_take)
    kid_keys = [k.key for k in kids]
    info = client.scheduler_info()["workers"]
    workers = sorted(info)
    # a slot per thread of each worker: the end gives each a range at a time
    slots = [w for w in workers for _ in range(max(1, int(info[w].get("nthreads", 1) or 1)))]
    nparts = max(1, min(len(workers), len(shards) or 1))  # 1: one task writes everything
    nsplit = max(1, min(int(write_parts) if write_parts else len(workers), 64))
    ing = None
    if db is not None:
        db = os.fspath(db)
        ing = client.submit(ingest, db, *kids, key="sitrep-ingest-%s" % tag, retries=retries, priority=100)
    out = {}
    if db is not None and not output:
        pass  # the database only
    elif nparts == 1:
        fin = client.submit(finish, output, *kids, key="sitrep-finish-%s" % tag, retries=retries,
                            priority=100)
        out = fin.result()
        res.finish_seconds = out["seconds"]
        res.end_tasks = [dict({k: v for k, v in out.items() if k != "jsonl"}, task="finish")]
    else:
        # the records in ranges (`ranges`): one task links the stories while
        # the others write the ranges that need neither them nor the
        # corroboration (the entities); a worker is given the next range
        # when it is free (the ranges that need the stories last), so the workers
        # end together; each worker loads the top of the tree once and
        # keeps it for the run's next range there.  The records are
        # written once, into one joining file renamed into place at the
        # end (seal): a range whose offset is known when it is given (the
        # ranges before it are written) is written there by its task; one
        # given sooner is kept by its worker and written there (place) as
        # soon as its offset is known.
        rs = ranges(nsplit, mentions)
        free = [i for i, (lo, hi) in enumerate(rs) if not _range_needs_stories(lo, hi)]
        later = [i for i, (lo, hi) in enumerate(rs) if _range_needs_stories(lo, hi)]
        joining = _joining(output, tag) if output else None
        # the first worker writes the documents and stories (range 0: their
        # offset is known, 0), which need only the stories stage, the first
        # part of finishing: the offsets of the entities the others write
        # meanwhile are known then, so that they are placed early
        first = client.submit(write_range, joining, rs[0][0], rs[0][1], tag, None, *kid_keys,
                              at=0 if output else None, index=0, key="sitrep-range-%s-0" % tag, retries=retries,
                              priority=100, workers=[workers[0]], allow_other_workers=True)
        later.remove(0)
        # then it writes the stories as bytes (linked by the documents'
        # range): the other workers take them and write what needs only
        # them (the mention records).  Each worker writing a range of the
        # claims, events, conflicts or trends makes the part of the
        # corroboration it needs (write_range): the first the claims' part
        # (about 8 s at 100,000 articles), the others, writing the events,
        # the events' part (about 1 s), instead of one worker corroborating
        # and writing the corroboration's bytes (9.8 s, 216 MB), which the
        # others waited for (5.3 s idle) and took (1.8 s)
        st = client.submit(stories, tag, *kid_keys, after=first, key="sitrep-stories-%s" % tag, retries=retries,
                           priority=100, workers=[workers[0]], allow_other_workers=True)
        # (the first worker's corroboration a task of its own, the claims'
        # part: its claims are given after it, when the entities before
        # them have ended, and are written at their offset)
        corr = client.submit(corroborate_here, tag, *kid_keys, after=st, sections=((3, 4), (5, 7)),
                             key="sitrep-corr-%s" % tag, retries=retries, priority=100, workers=[workers[0]],
                             allow_other_workers=True)
        # None: its worker is given nothing after it (the next task is there already)
        busy = {corr.key: workers[0], st.key: None, first.key: None}
        ends = distributed.as_completed([first, st, corr])
        index = {first.key: 0}    # range future key -> its range
        done = [None] * len(rs)   # what each range reported
        deps = [None] * len(rs)   # the corroboration, for the ranges that take it
        placed = [False] * len(rs)
        placing = {}              # place (or rewrite) future key -> (range, its offset, the attempt)
        placed_out = []

        def offset(i):
            if any(d is None for d in done[:i]):
                return None
            return sum(d["bytes_written"] for d in done[:i])

        bound = {}                # place future -> the worker it is bound to

        def send_place(i, at, attempt):
            lo, hi = rs[i]
            owner = done[i]["worker"]
            if attempt < 3 and owner in client.scheduler_info()["workers"]:
                # bound to the worker that keeps the range: Dask's work
                # stealing moved a place allowed elsewhere to the idle
                # worker, which does not keep it (missing, sent again, at
                # last written again: 5 s of the end at 20,000 articles);
                # bound, it waits for the owner (watch() has it written
                # again if the owner dies)
                f = client.submit(place, joining, at, i, lo, hi, tag, key="sitrep-place-%s-%d-%d" % (tag, i, attempt),
                                  retries=retries, priority=200, workers=[owner], allow_other_workers=False)
                bound[f] = owner
            else:
                # its worker is gone (or keeps the range no longer): written again
                f = client.submit(write_range, joining, lo, hi, tag, deps[i], *kid_keys, at=at,
                                  key="sitrep-rewrite-%s-%d-%d" % (tag, i, attempt), retries=retries, priority=200)
            placing[f.key] = (i, at, attempt)
            ends.add(f)

        watching = threading.Event()

        def watch():
            # a place bound to a worker that left would wait for it forever:
            # cancelled, and the range written again (the loop below)
            while not watching.wait(1.0):
                try:
                    alive = client.scheduler_info()["workers"]
                    for f, owner in list(bound.items()):
                        if owner not in alive and f.status == "pending":
                            bound.pop(f, None)
                            f.cancel()
                except Exception:  # the client closing: the loop below reports it
                    pass

        def place_known():
            at = 0
            for i, d in enumerate(done):
                if d is None:
                    return
                if d.get("kept") and not placed[i]:
                    placed[i] = True
                    send_place(i, at, 0)
                at += d["bytes_written"]

        touched = {}              # worker -> the sections it has written ranges of

        claims_ready = set()      # workers whose corpus has the claims' part of the corroboration

        def give(w):
            if free:
                i = free.pop(0)
            elif later:
                i = pick_range(later, w, touched, rs, front=w == workers[0])
                if (int(rs[i][0]) == 5 and w not in claims_ready
                        and any(b in claims_ready for b in busy.values())):
                    # the conflicts and trends (small) wait for a worker
                    # that has the claims' part of the corroboration
                    # (busy: given them when free) rather than this one
                    # making it (8 s at 100,000 articles) for 2 s of writing
                    return
                later.remove(i)
                deps[i] = [st]
            else:
                return
            lo, hi = rs[i]
            touched.setdefault(w, set()).add(int(lo))
            f = client.submit(write_range, joining, lo, hi, tag, deps[i], *kid_keys, at=offset(i) if output else None,
                              index=i, key="sitrep-range-%s-%d" % (tag, i), retries=retries, priority=100,
                              workers=[w], allow_other_workers=True)
            index[f.key] = i
            busy[f.key] = w
            ends.add(f)

        watcher = threading.Thread(target=watch, name="sitrep-dask-watch", daemon=True)
        try:
            watcher.start()
            for w in slots[1:]:
                give(w)
            for f in ends:
                if f.key in placing:
                    i, at, attempt = placing.pop(f.key)
                    bound.pop(f, None)
                    if f.status == "cancelled":  # its worker left (watch)
                        send_place(i, at, 3)
                        continue
                    got = f.result()
                    if got.get("missing"):
                        send_place(i, at, attempt + 1)
                    else:
                        placed_out.append(dict(got, rewritten=f.key.startswith("sitrep-rewrite-")))
                    continue
                w = busy.pop(f.key)
                if f.key in index:
                    done[index[f.key]] = f.result()  # raises what the task raised, after its retries
                    f.release()  # what it kept is placed from the worker (or written again)
                    if int(rs[index[f.key]][0]) in (3, 5):
                        claims_ready.add(done[index[f.key]]["worker"])
                    if output:
                        place_known()
                elif f.status != "finished":
                    f.result()  # raises (the stories' bytes are not brought here)
                elif f.key == corr.key:
                    claims_ready.add(f.result()["worker"])
                if w is not None:
                    give(w)
            # the stories' bytes stay on the workers: the client takes what it reported
            st_out = client.submit(_report, st, key="sitrep-stories-report-%s" % tag).result()
            corr_out = corr.result()
            if output:
                fin = client.submit(seal, output, tag, sum(d["bytes_written"] for d in done),
                                    key="sitrep-seal-%s" % tag, retries=retries, priority=100)
                out = fin.result()
                out["output"] = output
        except BaseException:
            if output:
                try:
                    os.unlink(joining)
                except OSError:
                    pass
                _remove_rest_files(output, tag)
            raise
        finally:
            watching.set()
            watcher.join()
            try:
                client.run(drop, tag)
            except Exception:
                pass
        res.corroborate_seconds = corr_out["seconds"]
        res.end_tasks = [dict(st_out, task="stories"), dict(corr_out, task="corroborate")] + [
            {k: v for k, v in dict(p, task="range").items() if k != "jsonl"} for p in done]
        res.end_tasks += [dict(p, task="place") for p in placed_out]
        if output:
            res.seal_seconds = out["seconds"]
            res.end_tasks.append(dict(out, task="seal"))
        else:
            out = {"jsonl": b"".join(p["jsonl"] for p in done)}
        res.part_seconds = [p["seconds"] for p in done]
        res.part_bytes = [p["bytes_written"] for p in done]
        res.finish_seconds = time.perf_counter() - t0 - res.merges_done
    if ing is not None:
        got = ing.result()
        res.db, res.added, res.known, res.taken = got["db"], got["added"], got["known"], got["taken"]
        res.ingest_seconds = got["seconds"]
        for i in got["taken"]:
            res.skipped.append("%s: another article is stored under this id in %s; skipped" % (i, db))
        if errors == "warn" and got["taken"]:
            warnings.warn(sitrep.SkippedInput("%d article(s) not stored: their ids are taken in %s"
                                              % (len(got["taken"]), db)), stacklevel=2)
    for s in client.gather(summaries):
        if "index" in s:
            res.documents += s["documents"]
            res.map_seconds.append(s["seconds"])
            res.map_cpu.append(s.get("cpu", 0.0))
            res.snapshot_bytes.append(s["bytes"])
            for m in s["skipped"]:
                res.skipped.append(m)
                if errors == "warn":
                    warnings.warn(sitrep.SkippedInput(m), stacklevel=2)
        else:
            res.merge_seconds.append(s["seconds"])
            res.merge_cpu.append(s.get("cpu", 0.0))
            res.merge_documents.append(s["documents"])
    if errors == "raise" and res.skipped:
        raise sitrep.SitrepError(sitrep._lib.EFORMAT, res.skipped[0])
    res.output = out.get("output")
    res.jsonl = out.get("jsonl")
    done_pre = [f for f in preloads if f.status == "finished"]
    res.preload_tasks = [dict(p, task="preload") for p in client.gather(done_pre)] if done_pre else []
    res.wall = time.perf_counter() - t0
    return res


def _unit_name(u):
    return u if isinstance(u, str) else "%s line %d" % (u[0], u[3])


# ---- the command line ------------------------------------------------------


def local_snapshot_dir():
    """A new temporary directory for the snapshot files of a cluster on this
    machine (run's `snapshot_dir`): in /dev/shm where there is one (memory:
    the files live a run's minutes, no disk writes them back), else in the
    temporary directory.  The caller removes it."""
    shm = "/dev/shm"
    base = shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None
    return tempfile.mkdtemp(prefix="sitrep-dask-", dir=base)


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="sitrep-dask",
        description="Run sitrep over articles on a Dask cluster: one task per shard of articles, "
        "their partial corpora merged in a tree; the records are those of one `sitrep extract`.")
    ap.add_argument("paths", nargs="+", metavar="PATH", help="files or directories the workers can read")
    ap.add_argument("--scheduler", metavar="ADDRESS",
                    help="the Dask scheduler (tcp://host:8786); without it, a local cluster of --workers")
    ap.add_argument("--workers", type=int, default=2, help="local cluster: worker processes (default 2)")
    ap.add_argument("--threads", type=int, default=1, help="local cluster: threads per worker (default 1)")
    ap.add_argument("--shard-size", type=int, default=1000, help="articles per shard (default 1000)")
    ap.add_argument("--fan-in", type=int, default=8, help="snapshots per merge (default 8)")
    ap.add_argument("--end-fan-in", type=int, help="snapshots each task writing the records takes "
                    "(merged up to as few; default: fan-in squared)")
    ap.add_argument("-o", "--output", metavar="FILE", help="write the records here (a path the workers can write); "
                    "default: standard output")
    ap.add_argument("--db", metavar="DB", help="ingest the articles into this SQLite database (a path the "
                    "workers can write; created when missing), as `sitrep ingest` would; records are written "
                    "too only with --output")
    ap.add_argument("--text", action="store_true", help="include each document's cleaned text")
    ap.add_argument("--mentions", action="store_true", help="also write time and figure records")
    ap.add_argument("--max-bytes", type=int, help="largest article or JSON Lines record accepted")
    ap.add_argument("--compress", action="store_true", help="deflate the snapshots handed between tasks "
                    "(a quarter of the workers' memory for them, slower)")
    ap.add_argument("--snapshot-dir", metavar="DIR", help="hand the snapshots between the tasks in files in DIR "
                    "(a directory every worker reads and writes) rather than through Dask's connections; "
                    "default: a local cluster uses a temporary directory (in /dev/shm where there is one)")
    ap.add_argument("--quiet", action="store_true", help="no summary on standard error")
    a = ap.parse_args(argv)
    if a.output and os.path.abspath(a.output) and a.output != "-":
        output = os.path.abspath(a.output)
    else:
        output = None
    paths = [os.path.abspath(p) if p != "-" else p for p in a.paths]
    db = os.path.abspath(a.db) if a.db else None
    if db and a.text:
        ap.error("--text with --db: a database keeps records without the text")
    cluster = None
    snapshot_dir = os.path.abspath(a.snapshot_dir) if a.snapshot_dir else None
    own_dir = None
    if a.scheduler:
        client = distributed.Client(a.scheduler)
    else:
        if not snapshot_dir:
            own_dir = snapshot_dir = local_snapshot_dir()
        import dask

        dask.config.set(HOUSEKEEPING)
        cluster = distributed.LocalCluster(n_workers=a.workers, threads_per_worker=a.threads, processes=True,
                                           dashboard_address=None)
        client = distributed.Client(cluster)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sitrep.SkippedInput)
            res = run(paths, client, shard_size=a.shard_size, output=output, fan_in=a.fan_in, end_fan_in=a.end_fan_in,
                      text=a.text, mentions=a.mentions, max_bytes=a.max_bytes, errors="ignore", db=db,
                      compress=a.compress, snapshot_dir=snapshot_dir)
    finally:
        client.close()
        if cluster:
            cluster.close()
        if own_dir:
            shutil.rmtree(own_dir, ignore_errors=True)
    if res.jsonl is not None:
        sys.stdout.buffer.write(res.jsonl)
        sys.stdout.flush()
    for m in res.skipped:
        print("sitrep: %s" % m, file=sys.stderr)
    for i, units, err in res.failed:
        print("sitrep: shard %d failed (%s): %s" % (i, ", ".join(_unit_name(u) for u in units[:3]) +
                                                 (", ..." if len(units) > 3 else ""), err), file=sys.stderr)
    if not a.quiet:
        print("sitrep-dask: %d documents, %d shards, %d merges, %d skipped, %d shards failed; %.2f s"
              % (res.documents, res.shards, res.merges, len(res.skipped), len(res.failed), res.wall), file=sys.stderr)
        if res.db:
            print("sitrep-dask: %s: %d added, %d stored already, %d skipped (id taken)"
                  % (res.db, res.added, res.known, len(res.taken)), file=sys.stderr)
    return 0 if res.ok else 1


if __name__ == "__main__":
    # the tasks are this module's functions, which the workers import as
    # sitrep.dask (not __main__'s, which would be pickled by value)
    from sitrep import dask as _module

    sys.exit(_module.main())
