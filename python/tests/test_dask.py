"""sitrep.dask on a real Dask cluster: a scheduler and two worker processes
on 127.0.0.1 (started here as a user would: `dask scheduler`, `dask
worker`), the seeds, the samples and the fixture corpus run through
sitrep.dask.run in shards of several sizes, compared byte for byte with
one `sitrep extract`; then a worker killed with SIGKILL in the middle of
the map, a shard with bad input, a shard that kills its worker every
time, JSON Lines files cut between lines, and the command line."""

import io
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings

import pytest

distributed = pytest.importorskip("distributed")

import sitrep  # noqa: E402
import sitrep.dask  # noqa: E402
from conftest import BUILD, ROOT, SHARED, cli, corpus_sets  # noqa: E402

PY = sys.executable


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(ROOT, "python") + os.pathsep + env.get("PYTHONPATH", "")
    env["SITREP_LIBRARY"] = os.environ["SITREP_LIBRARY"]
    return env


class Cluster:
    """A scheduler and worker processes on 127.0.0.1, each worker one
    thread under a nanny (which starts it again when it dies)."""

    def __init__(self, workers=2):
        self.dir = tempfile.mkdtemp(prefix="sitrep-dask-test-")
        self.file = os.path.join(self.dir, "scheduler.json")
        self.procs = []
        log = open(os.path.join(self.dir, "scheduler.log"), "wb")
        self.procs.append(subprocess.Popen(
            [PY, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
             "--no-dashboard", "--scheduler-file", self.file], stdout=log, stderr=log, env=_env()))
        for _ in range(100):
            if os.path.exists(self.file):
                break
            time.sleep(0.1)
        for w in range(workers):
            log = open(os.path.join(self.dir, "worker-%d.log" % w), "wb")
            self.procs.append(subprocess.Popen(
                [PY, "-m", "distributed.cli.dask_worker", "--scheduler-file", self.file, "--host", "127.0.0.1",
                 "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--local-directory", self.dir],
                stdout=log, stderr=log, env=_env()))
        self.client = distributed.Client(scheduler_file=self.file, timeout=60)
        self.client.wait_for_workers(workers, timeout=120)
        self.address = self.client.scheduler.address

    def close(self):
        try:
            self.client.close()
        finally:
            for p in reversed(self.procs):
                p.terminate()
            for p in self.procs:
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()


@pytest.fixture(scope="module")
def cluster():
    c = Cluster(2)
    yield c
    c.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Articles made by bench/gen from the samples (written for sitrep):
    enough work per shard that a worker can be killed in the middle."""
    gen = os.path.join(BUILD, "bench", "gen")
    if not os.path.exists(gen):
        pytest.skip("bench/gen is not built")
    out = tmp_path_factory.mktemp("gen")
    src = [os.path.join(ROOT, "samples", n) for n in sorted(os.listdir(os.path.join(ROOT, "samples")))
           if n.endswith(".txt")]
    subprocess.run([gen, "--jsonl-mb", "1", str(out), "2", *src], check=True, stdout=subprocess.DEVNULL)
    return str(out)


def test_cluster_has_two_worker_processes(cluster):
    pids = cluster.client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()


@pytest.mark.parametrize("shard_size", [1, 2, 5, 1000])
def test_run_gives_the_records_of_one_extract(cluster, shard_size):
    sets = corpus_sets()
    want, _, _ = cli("extract", *sets)
    res = sitrep.dask.run(sets, cluster.client, shard_size=shard_size, fan_in=3)
    assert res.ok, (res.skipped, res.failed)
    assert res.jsonl == want
    ndocs = sum(1 for l in want.splitlines() if l.startswith(b'{"type":"document"'))
    assert res.documents == ndocs
    assert len(res.map_seconds) == res.shards and len(res.merge_seconds) == res.merges
    if shard_size == 1:
        # a shard per file and per line of a JSON Lines file (a feed or
        # archive holds several articles)
        assert res.shards == len(sitrep.dask.plan(sets, 1)) >= ndocs - 2
        assert res.merges > 1


@pytest.mark.parametrize("n,fan_in,end_fan_in", [(1, 8, None), (64, 8, None), (65, 8, None), (100, 8, None),
                                                 (1000, 8, None), (30, 3, None), (12, 3, None), (7, 2, 1), (5, 3, 2)])
def test_the_tree_merges_only_what_brings_the_top_within_end_fan_in(n, fan_in, end_fan_in):
    levels = sitrep.dask.tree(n, fan_in, end_fan_in)
    cap = end_fan_in or fan_in * fan_in
    below = n
    for k, groups in enumerate(levels):
        # each level covers the one below, in order, in groups of at most fan_in
        assert groups[0][0] == 0 and groups[-1][1] == below
        assert all(a[1] == b[0] for a, b in zip(groups, groups[1:]))
        assert all(1 <= hi - lo <= fan_in for lo, hi in groups)
        if k < len(levels) - 1:
            assert len(groups) > cap
        below = len(groups)
    assert below <= cap
    if levels and any(hi - lo == 1 for lo, hi in levels[-1]):
        # the last level: the first shards' groups merged, full, no more of
        # them than bring it within end_fan_in; the rest as they are
        last = levels[-1]
        merged = [g for g in last if g[1] - g[0] > 1]
        assert last[:len(merged)] == merged and all(hi - lo == fan_in for lo, hi in merged)
        n_below = len(levels[-2]) if len(levels) > 1 else n
        assert len(last) <= cap < len(last) + fan_in - 1
        assert len(merged) == -(-(n_below - cap) // (fan_in - 1))


def test_run_writes_the_output_file_with_options(cluster, tmp_path):
    sets = corpus_sets()
    want, _, _ = cli("extract", "--text", "--mentions", *sets)
    out = tmp_path / "records.jsonl"
    res = sitrep.dask.run(sets, cluster.client, shard_size=4, output=str(out), text=True, mentions=True)
    assert res.output == str(out) and res.jsonl is None
    assert out.read_bytes() == want


def test_json_lines_are_cut_between_lines(cluster, generated):
    jsonl = os.path.join(generated, "articles.jsonl")
    want, _, _ = cli("extract", jsonl)
    shards = sitrep.dask.plan([jsonl], 40)
    assert len(shards) > 3
    assert all(isinstance(u, tuple) for s in shards for u in s)
    res = sitrep.dask.run([jsonl], cluster.client, shard_size=40)
    assert res.jsonl == want


def _run_killing_a_worker(cluster, prefixes, inputs, delay=0.0, **kw):
    """sitrep.dask.run(inputs, **kw) on the cluster, a worker killed
    (SIGKILL) `delay` seconds after it is seen running a task whose key
    starts with one of `prefixes`; checks that the run went through and
    that the nanny started the killed worker again; returns the result."""
    pids = cluster.client.run(os.getpid)
    box = {}

    def go():
        try:
            box["res"] = sitrep.dask.run(inputs, cluster.client, **kw)
        except BaseException as e:  # reported below
            box["err"] = e

    th = threading.Thread(target=go)
    th.start()
    killed = None
    deadline = time.time() + 120
    while killed is None and time.time() < deadline and th.is_alive():
        for addr, keys in cluster.client.processing().items():
            if any(str(k).startswith(prefixes) for k in keys) and addr in pids:
                time.sleep(delay)  # well into the task
                os.kill(pids[addr], signal.SIGKILL)
                killed = addr
                break
        time.sleep(0.002)
    th.join(300)
    assert killed, "no task %s was seen running" % (prefixes,)
    assert "err" not in box, box.get("err")
    # two workers again, one of them new
    cluster.client.wait_for_workers(2, timeout=120)
    assert set(cluster.client.run(os.getpid).values()) != set(pids.values())
    return box["res"]


def test_a_worker_killed_during_the_map_changes_nothing(cluster, generated):
    inputs = corpus_sets() + [os.path.join(generated, "text")]
    want, _, _ = cli("extract", *inputs)
    res = _run_killing_a_worker(cluster, ("sitrep-map-",), inputs, delay=0.05, shard_size=60)
    assert res.ok and res.jsonl == want, (res.failed, res.skipped)


def test_a_worker_killed_while_the_records_are_written_changes_nothing(cluster, generated, tmp_path):
    """The end: one task links the stories while the other worker writes
    the entities, each worker corroborates its corpus, and the ranges are
    given to the workers as they come free; a
    worker killed in the middle of one of those tasks (its corpus, kept
    for its next range, and the ranges it kept until their offsets were
    known, die with it) is replaced, and the records are still those of
    one extract."""
    inputs = corpus_sets() + [os.path.join(generated, "articles.jsonl")]
    want, _, _ = cli("extract", *inputs)
    out = tmp_path / "records.jsonl"
    res = _run_killing_a_worker(cluster, ("sitrep-range-", "sitrep-stories-", "sitrep-corr-", "sitrep-place-"),
                                inputs, shard_size=100, output=str(out))
    assert res.ok and out.read_bytes() == want
    assert {"stories", "corroborate", "range", "seal"} <= {t["task"] for t in res.end_tasks} <= {
        "stories", "corroborate", "range", "place", "seal"}
    assert not [n for n in os.listdir(tmp_path) if n != "records.jsonl"]  # no joining file left


@pytest.mark.parametrize("shard_size", [3, 1000])
def test_snapshots_handed_on_in_files_give_the_same_records(cluster, tmp_path, shard_size):
    """With snapshot_dir the shards' and merges' snapshots go between the
    tasks in files of a directory of the run's own (the tasks map them),
    not through Dask: the same records, and the directory is gone after."""
    sets = corpus_sets()
    want, _, _ = cli("extract", *sets)
    snaps = tmp_path / "snaps"
    snaps.mkdir()
    out = tmp_path / "records.jsonl"
    res = sitrep.dask.run(sets, cluster.client, shard_size=shard_size, fan_in=3, output=str(out),
                          snapshot_dir=str(snaps))
    assert res.ok and out.read_bytes() == want
    assert shard_size > 100 or res.merges > 1
    assert os.listdir(snaps) == []
    res = sitrep.dask.run(sets, cluster.client, shard_size=shard_size, fan_in=3, snapshot_dir=str(snaps))
    assert res.jsonl == want and os.listdir(snaps) == []


def test_a_worker_killed_with_snapshots_in_files_changes_nothing(cluster, generated, tmp_path):
    """A worker killed during the map, then one killed during the end, the
    snapshots handed on in files: the files of the dead worker's tasks are
    written again (the same bytes) or read by the others."""
    inputs = corpus_sets() + [os.path.join(generated, "articles.jsonl")]
    want, _, _ = cli("extract", *inputs)
    snaps = tmp_path / "snaps"
    snaps.mkdir()
    for k, prefixes in enumerate([("sitrep-map-",), ("sitrep-range-", "sitrep-corr-")]):
        out = tmp_path / ("records-%d.jsonl" % k)
        res = _run_killing_a_worker(cluster, prefixes, inputs, delay=0.05 if k == 0 else 0.0, shard_size=60,
                                    output=str(out), snapshot_dir=str(snaps))
        assert res.ok and out.read_bytes() == want, (res.failed, res.skipped)
        assert os.listdir(snaps) == [], [(d, os.listdir(snaps / d)) for d in os.listdir(snaps)]


def test_a_snapshot_file_merges_as_its_bytes(tmp_path):
    sets = corpus_sets()
    want, _, _ = cli("extract", *sets)
    half = len(sets) // 2
    paths = []
    for k, part in enumerate([sets[:half], sets[half:]]):
        with sitrep.Corpus() as c:
            for p in part:
                c.add_path(p)
            path = str(tmp_path / ("part-%d.snap" % k))
            assert c.write_snapshot(path, 0) == os.path.getsize(path) == len(c.snapshot(0))
            paths.append(path)
    assert sorted(os.listdir(tmp_path)) == ["part-0.snap", "part-1.snap"]  # nothing beside them left
    with sitrep.Corpus() as c:
        for path in paths:
            c.add_snapshot_file(path)
        buf = io.BytesIO()
        c.write_jsonl(buf)
    assert buf.getvalue() == want
    bad = tmp_path / "bad.snap"
    bad.write_bytes(open(paths[0], "rb").read()[:-1])
    with sitrep.Corpus() as c, pytest.raises(sitrep.SitrepError):
        c.add_snapshot_file(str(bad))


def test_a_worker_takes_the_stories_then_the_rest_of_the_corroboration(tmp_path):
    """A worker's corpus (run "t3") takes the stories another made (run
    "t2": stories, then corroborate) and writes the mention and document
    records with them alone, before the rest of the corroboration exists;
    it takes the rest (handed on in a file, mapped) for the claims to the
    trends: the ranges of both join to the records of one extract.  The
    rest without the stories is refused, and so is a file of other size."""
    sets = corpus_sets()
    want, _, _ = cli("extract", "--mentions", *sets)
    parts = [sitrep.dask.map_shard(i, u, {"mentions": True}) for i, u in enumerate(sitrep.dask.plan(sets, 5))]
    rs = sitrep.dask.ranges(2, mentions=True)
    try:
        first = sitrep.dask.write_range(None, *rs[0], "t2", None, *parts)
        st = sitrep.dask.stories("t2", *parts)
        assert st["bytes"] > 0 and "stories" in st
        got = {}
        for i, (lo, hi) in enumerate(rs):
            if lo < 3 or lo >= 7:  # documents and stories, entities, mention records
                got[i] = sitrep.dask.write_range(None, lo, hi, "t3", [st], *parts)["jsonl"]
        assert got[0] == first["jsonl"]
        h = sitrep.dask._HELD["t3"]
        assert h.storied and not h.corroborated  # the stories alone
        assert any(got[i] for i in got if rs[i][0] >= 7)  # mention records written with them
        path = str(tmp_path / "rest.corr")
        corr = sitrep.dask.corroborate("t2", *parts, path=path)
        assert "rest" not in corr and corr["rest_path"] == path and os.path.getsize(path) == corr["bytes"] > 0
        with pytest.raises(RuntimeError):
            sitrep.dask.write_range(None, 3, 4, "t4", [corr], *parts)  # no stories: refused
        with pytest.raises(sitrep.SitrepError):
            sitrep.dask.write_range(None, 3, 4, "t5", [st, dict(corr, rest_bytes=corr["bytes"] + 1)], *parts)
        for i, (lo, hi) in enumerate(rs):
            if i not in got:
                got[i] = sitrep.dask.write_range(None, lo, hi, "t3", [st, corr], *parts)["jsonl"]
        assert h.corroborated
    finally:
        for t in ("t2", "t3", "t4", "t5"):
            sitrep.dask.drop(t)
    assert b"".join(got[i] for i in range(len(rs))) == want


def test_ranges_kept_and_written_at_their_offsets_are_the_records_in_order(tmp_path):
    """Each range written once into the joining file: at its offset when
    that is known as it is given (write_range with `at`), else kept by its
    worker and written there once it is (place); a place run where the
    range is not kept (its worker died) reports it missing, and the range
    is written again at its offset; seal cuts, syncs and renames the file."""
    sets = corpus_sets()
    want, _, _ = cli("extract", *sets)
    parts = [sitrep.dask.map_shard(i, u, {}) for i, u in enumerate(sitrep.dask.plan(sets, 5))]
    out = str(tmp_path / "records.jsonl")
    joining = sitrep.dask._joining(out, "t1")
    rs = sitrep.dask.ranges(2)
    st = sitrep.dask.stories("t1", *parts)
    corr = sitrep.dask.corroborate("t1", *parts)
    kept, at = [], 0
    try:
        for i, (lo, hi) in enumerate(rs):
            dep = None
            if sitrep.dask._range_needs_stories(lo, hi):
                dep = [st, corr] if sitrep.dask._range_needs_corroboration(lo, hi) else [st]
            if i % 2:  # offset "not known yet": kept
                r = sitrep.dask.write_range(joining, lo, hi, "t1", dep, *parts, index=i)
                assert r.get("kept")
                kept.append((i, at, dep))
            else:
                r = sitrep.dask.write_range(joining, lo, hi, "t1", dep, *parts, at=at, index=i)
                assert not r.get("kept")
            at += r["bytes_written"]
        assert len(kept) > 2
        for n, (i, pos, dep) in enumerate(reversed(kept)):
            if n == 1:  # its worker died
                sitrep.dask._KEPT.pop(("t1", i))
            r = sitrep.dask.place(joining, pos, i, *rs[i], "t1")
            assert bool(r.get("missing")) == (n == 1)
            if r.get("missing"):
                sitrep.dask.write_range(joining, *rs[i], "t1", dep, *parts, at=pos)
        assert not [k for k in sitrep.dask._KEPT if k[0] == "t1"]
    finally:
        sitrep.dask.drop("t1")
    with open(joining, "ab") as f:
        f.write(b"left by a task run twice")  # cut off by seal
    assert sitrep.dask.seal(out, "t1", at)["bytes_written"] == at
    with open(out, "rb") as f:
        assert f.read() == want
    assert os.listdir(tmp_path) == ["records.jsonl"]


def test_a_free_worker_is_given_a_range_of_a_section_it_has_sorted():
    """pick_range: a range of a section the worker has written already
    (its sort and indexes are made), else the first of the last section no
    other worker has started, the conflicts and trends last (of the first,
    for the worker that linked the stories), else the first left."""
    rs = sitrep.dask.ranges(2)
    claims2, events1, events2 = rs.index((3.5, 4.0)), rs.index((4.0, 4.5)), rs.index((4.5, 5.0))
    touched = {"a": {0, 3}, "b": {2}}
    assert sitrep.dask.pick_range([claims2, events1, events2], "a", touched, rs) == claims2
    assert sitrep.dask.pick_range([claims2, events1, events2], "b", touched, rs) == events1
    touched["b"].add(4)
    assert sitrep.dask.pick_range([claims2, events2], "a", touched, rs) == claims2
    assert sitrep.dask.pick_range([claims2], "b", touched, rs) == claims2
    # a worker starting a section takes the last one nobody has started,
    # the one that corroborated (front) the first: they come from the two
    # ends; its first range
    later = [i for i, r in enumerate(rs) if r[0] >= 3]
    conflicts, mentions = rs.index((5.0, 7.0)), rs.index((7.0, 8.0))
    touched = {"a": {0}, "b": {2}}
    assert sitrep.dask.pick_range(later, "b", touched, rs) == mentions
    touched["b"].add(7)
    assert sitrep.dask.pick_range([i for i in later if i != mentions], "a", touched, rs,
                                  front=True) == rs.index((3.0, 3.5))
    touched["a"].add(3)
    # from the end back, the conflicts and trends (small) left to the worker free first
    assert sitrep.dask.pick_range([i for i in later if i not in (mentions, rs.index((3.0, 3.5)))], "b", touched,
                                  rs) == events1
    touched["b"].add(4)
    assert sitrep.dask.pick_range([claims2, events2, conflicts], "b", touched, rs) == events2
    assert sitrep.dask.pick_range([claims2, conflicts], "b", touched, rs) == conflicts
    assert sitrep.dask.pick_range([claims2, conflicts], "a", touched, rs) == claims2


def test_the_end_splits_over_the_workers(cluster):
    """With two workers the records are written in ranges (documents and
    stories; entities, claims and events each in two; conflicts and trends;
    mention records) by tasks on both workers; the corpus each worker loads
    (as the snapshots of the top of the tree are made) is kept for its next
    range and dropped at the end of the run."""
    sets = corpus_sets()
    want, _, _ = cli("extract", *sets)
    res = sitrep.dask.run(sets, cluster.client, shard_size=3)
    assert res.jsonl == want
    ranges = [t for t in res.end_tasks if t["task"] == "range"]
    assert [tuple(t["range"]) for t in ranges] == sitrep.dask.ranges(2)
    assert len({t["worker"] for t in res.end_tasks}) == 2
    # each worker loaded the snapshots once, in order, while the shards were
    # mapped (preload), its first task of the end adding any it lacked then;
    # its later tasks took its corpus
    workers = {t["worker"] for t in res.end_tasks}
    assert {p["worker"] for p in res.preload_tasks} == workers
    for w in workers:
        pre = [p for p in res.preload_tasks if p["worker"] == w]
        assert sorted(p["index"] for p in pre) == list(range(len(pre)))
        assert sum(p["added"] for p in pre) <= len(pre)
    assert sum(p["added"] for p in res.preload_tasks) > 0
    loads = [t for t in res.end_tasks if t["times"].get("load", 0) > 0]
    assert len(loads) <= 2 < len(res.end_tasks)
    assert all(v is False for v in cluster.client.run(sitrep.dask.drop, "no such run").values())


def test_a_shard_with_bad_input_is_reported_and_the_rest_completes(cluster):
    bad = os.path.join(ROOT, "tests", "fixtures", "bad.jsonl")
    inputs = [os.path.join(ROOT, "samples"), bad, os.path.join(ROOT, "tests", "fixtures", "corpus")]
    want, err, status = cli("extract", *inputs)
    assert status == 1
    messages = [l[len("sitrep: "):] for l in err.splitlines() if "skipped" not in l]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = sitrep.dask.run(inputs, cluster.client, shard_size=2)
    assert not res.ok and not res.failed
    assert sorted(res.skipped) == sorted(messages)
    assert sorted(str(w.message) for w in caught if issubclass(w.category, sitrep.SkippedInput)) == sorted(messages)
    assert res.jsonl == want


def test_a_shard_that_kills_its_worker_every_time_is_given_up(cluster, monkeypatch, tmp_path):
    """A shard whose task crashes every worker that runs it (a bug in the
    analysis) is reported with its inputs once Dask gives up on it, and the
    other shards are merged without it."""
    samples = os.path.join(ROOT, "samples")
    files = sorted(os.path.join(samples, n) for n in os.listdir(samples) if n.endswith(".txt"))
    poison = str(tmp_path / "poison.txt")
    with open(files[0], "rb") as f:
        (tmp_path / "poison.txt").write_bytes(f.read())
    real = sitrep.dask.map_shard

    def maybe_crash(index, units, opts):
        if any((u if isinstance(u, str) else u[0]).endswith("poison.txt") for u in units):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(index, units, opts)

    monkeypatch.setattr(sitrep.dask, "map_shard", maybe_crash)
    # the workers cannot import this file: the function goes by value
    cloudpickle = pytest.importorskip("cloudpickle")
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            res = sitrep.dask.run([*files[:3], poison, *files[3:]], cluster.client, shard_size=2, fan_in=2)
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert len(res.failed) == 1
    idx, units, error = res.failed[0]
    assert any((u if isinstance(u, str) else u[0]) == poison for u in units)
    # what the failed shard held besides the poison is lost with it
    lost = [u for u in units if isinstance(u, str)]
    kept = [f for f in files if f not in lost]
    want, _, _ = cli("extract", *kept)
    assert res.jsonl == want
    cluster.client.wait_for_workers(2, timeout=120)


def test_the_command_line_on_the_cluster(cluster, tmp_path):
    sets = corpus_sets()
    want, _, _ = cli("extract", *sets)
    out = tmp_path / "out.jsonl"
    p = subprocess.run([PY, "-m", "sitrep.dask", "--scheduler", cluster.address, "--shard-size", "3",
                        "-o", str(out), *sets], env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    assert out.read_bytes() == want
    assert "documents" in p.stderr.decode()
    bad = os.path.join(ROOT, "tests", "fixtures", "bad.jsonl")
    p = subprocess.run([PY, "-m", "sitrep.dask", "--scheduler", cluster.address, "--quiet", bad],
                       env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 1
    assert "bad.jsonl:" in p.stderr.decode()
    want, _, _ = cli("extract", bad)
    assert p.stdout == want


def _store_dump(db):
    """What a database says, as a user reads it: every record, the ACLED
    columns, the report, the events and claims tables."""
    out = b""
    for args in (["export", db, "--format", "jsonl"], ["export", db, "--format", "csv"], ["report", db],
                 ["events", db], ["claims", db], ["claims", db, "--json"]):
        got, err, status = cli(*args)
        assert status == 0, err
        out += b"== %s\n" % " ".join(args[:1] + args[2:]).encode() + got
    return out


@pytest.mark.parametrize("shard_size", [2, 7, 1000])
def test_run_ingests_into_a_database_as_ingest_does(cluster, tmp_path, shard_size):
    sets = corpus_sets()
    want_db = str(tmp_path / "want.db")
    cli("ingest", want_db, *sets)
    want = _store_dump(want_db)
    db = str(tmp_path / "got.db")
    res = sitrep.dask.run(sets, cluster.client, shard_size=shard_size, fan_in=3, db=db)
    assert res.ok, (res.skipped, res.failed)
    assert res.db == db and res.jsonl is None and res.output is None
    assert res.added == res.documents > 20 and res.known == 0 and res.taken == []
    assert _store_dump(db) == want
    # the same articles again: none stored twice, nothing changes
    again = sitrep.dask.run(sets, cluster.client, shard_size=shard_size, fan_in=3, db=db)
    assert again.ok and again.added == 0 and again.known == res.added
    assert _store_dump(db) == want


def test_run_ingests_into_a_database_that_holds_articles(cluster, tmp_path):
    """The samples stored first: the shards of everything add the rest, as
    `sitrep ingest` of everything would after them."""
    sets = corpus_sets()
    samples = os.path.join(ROOT, "samples")
    want_db, db = str(tmp_path / "want.db"), str(tmp_path / "got.db")
    cli("ingest", want_db, samples)
    cli("ingest", want_db, *sets)
    cli("ingest", db, samples)
    with sitrep.Store(db) as s:
        nsamples = s.count()
    out = tmp_path / "records.jsonl"
    res = sitrep.dask.run(sets, cluster.client, shard_size=3, db=db, output=str(out))
    assert res.ok and res.known == nsamples and res.added == res.documents - nsamples
    assert _store_dump(db) == _store_dump(want_db)
    # with an output path, the records are written too
    assert out.read_bytes() == cli("extract", *sets)[0]


def test_a_bad_shard_is_reported_and_the_rest_is_ingested(cluster, tmp_path):
    bad = os.path.join(ROOT, "tests", "fixtures", "bad.jsonl")
    inputs = [os.path.join(ROOT, "samples"), bad, os.path.join(ROOT, "tests", "fixtures", "corpus")]
    want_db, db = str(tmp_path / "want.db"), str(tmp_path / "got.db")
    _, err, status = cli("ingest", want_db, *inputs)
    assert status == 1
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        res = sitrep.dask.run(inputs, cluster.client, shard_size=2, db=db)
    assert not res.ok and not res.failed
    assert res.skipped and all("bad.jsonl" in m for m in res.skipped)
    assert _store_dump(db) == _store_dump(want_db)


def test_the_command_line_ingests_into_a_database(cluster, tmp_path):
    sets = corpus_sets()
    want_db, db = str(tmp_path / "want.db"), str(tmp_path / "got.db")
    cli("ingest", want_db, *sets)
    p = subprocess.run([PY, "-m", "sitrep.dask", "--scheduler", cluster.address, "--shard-size", "4",
                        "--db", db, *sets], env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout == b"" and "added" in p.stderr.decode()
    assert _store_dump(db) == _store_dump(want_db)
