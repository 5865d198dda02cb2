#!/usr/bin/python3
"""dask_phases.py BUILD JSONL [--shard-size S] [--fan-in F] [--parts 1,2]

The CPU seconds of each phase of sitrep.dask, measured in one process
(time.process_time around the very task functions the workers run), for a
machine too busy for wall-clock timings: the map (one task per shard), the
merges up to the top of the tree, and the end: for one worker, the task
that loads the snapshots, finishes the corpus and writes all the records;
for W workers, the tasks that write the stories and corroborate, and the ranges of the records
(sitrep.dask.ranges), each with its loading (once per worker), finishing
and writing (into the records' file at its offset, or kept and placed
there once the ranges before it have ended), laid out on W workers' clocks
as the run schedules them, then the seal of the file.
The ranges' records are checked, joined, against the one task's.  The map
and merges divide by W; the end of W workers takes the latest clock.
"""

import argparse
import hashlib
import os
import pickle
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("jsonl")
    ap.add_argument("--shard-size", type=int, default=1000)
    ap.add_argument("--fan-in", type=int, default=8)
    ap.add_argument("--parts", default="1,2", help="the workers to lay the end out for (default 1,2)")
    ap.add_argument("--split", type=int, help="ranges per section (sitrep.dask.run's write_parts; default: "
                    "one per worker)")
    ap.add_argument("--end-fan-in", type=int, help="as sitrep.dask.run's (default fan-in squared; 0: merge "
                    "up to the root's children, as before)")
    ap.add_argument("--save", metavar="FILE", help="keep the shards' snapshots in FILE (pickle)")
    ap.add_argument("--load", metavar="FILE", help="... and take them from FILE instead of mapping again")
    ap.add_argument("--only-map", action="store_true", help="stop after the map and merges")
    a = ap.parse_args()
    os.environ["SITREP_LIBRARY"] = os.path.join(os.path.abspath(a.build), "libsitrep.so.0")
    sys.path.insert(0, os.path.join(ROOT, "python"))
    import sitrep.dask as sd

    cpu = time.process_time
    if a.load:
        with open(a.load, "rb") as f:
            level = pickle.load(f)
        print("%d shards' snapshots from %s" % (len(level), a.load))
    else:
        level = shards(sd, cpu, a)
    if a.save:
        with open(a.save, "wb") as f:
            pickle.dump(level, f)
    if a.only_map:
        return
    end(sd, cpu, a, merges(sd, cpu, a, level))


def shards(sd, cpu, a):
    """The map: a snapshot per shard."""
    shards = sd.plan([a.jsonl], a.shard_size)
    t = cpu()
    level = [sd.map_shard(i, u, {}) for i, u in enumerate(shards)]
    map_cpu = cpu() - t
    docs = sum(x["documents"] for x in level)
    print("%d articles, %d shards: map %.2f s CPU (%.3f ms an article), snapshots %.2f KB an article" % (
        docs, len(shards), map_cpu, 1e3 * map_cpu / docs, sum(x["bytes"] for x in level) / docs / 1e3))
    return level


def merges(sd, cpu, a, level):
    """The merges up to the top of the tree (as sitrep.dask.run makes it,
    sitrep.dask.tree: up to the first level of at most --end-fan-in nodes;
    0: the root's children, as sitrep.dask did before)."""
    merge_cpu, nmerges = 0.0, 0
    cap = a.end_fan_in if a.end_fan_in is not None else a.fan_in * a.fan_in
    if cap:
        for groups in sd.tree(len(level), a.fan_in, cap):
            t = cpu()
            level = [sd.merge_parts(*level[lo:hi]) if hi - lo > 1 else level[lo] for lo, hi in groups]
            merge_cpu += cpu() - t
            nmerges += sum(1 for lo, hi in groups if hi - lo > 1)
    while not cap and len(level) > 1:
        groups = [level[i:i + a.fan_in] for i in range(0, len(level), a.fan_in)]
        if not cap and len(groups) <= 1:
            break  # level holds the root's children
        t = cpu()
        level = [sd.merge_parts(*g) if len(g) > 1 else g[0] for g in groups]
        merge_cpu += cpu() - t
        nmerges += sum(1 for g in groups if len(g) > 1)
    print("merges: %d, %.2f s CPU; the end tasks take %d snapshots" % (nmerges, merge_cpu, len(level)))
    return level


def end(sd, cpu, a, level):
    """The end as sitrep.dask.run makes it for W workers, its tasks run here
    one after the other and each timed in CPU seconds, the workers' clocks
    kept as the run's scheduler keeps them: the corroborating task on one
    worker, the ranges given in order to the worker free first (a range
    that needs the corroboration not before it is made), each worker
    loading the top of the tree once.  The end of W workers takes about
    the latest worker's clock (the critical path)."""
    # the reference: one corpus written whole (the end of one worker)
    fd, path = tempfile.mkstemp(prefix="dask-phases-")
    os.close(fd)
    t = cpu()
    nbytes = sd.finish(path, *level)["bytes_written"]
    whole_cpu = cpu() - t
    md5 = hashlib.md5()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 24), b""):
            md5.update(block)
    os.unlink(path)
    ref_md5 = md5.hexdigest()
    print("1 worker: one task, everything: %.2f s CPU, %.1f MB of records (md5 %s)" % (
        whole_cpu, nbytes / 1e6, ref_md5))
    for w in [int(x) for x in a.parts.split(",") if int(x) > 1]:
        rs = sd.ranges(a.split or w)
        clock = [0.0] * w
        rows = []
        tmp = tempfile.mkdtemp(prefix="dask-phases-")
        out = os.path.join(tmp, "records.jsonl")
        joining = sd._joining(out, "t")
        ended = {}  # range -> (its clock at the end, bytes, worker, kept)
        touched = {0: {0}}
        # worker 0 writes the documents and stories (range 0, at offset 0:
        # the stories stage), then corroborates (the run's order); each
        # worker's load is the run's preload, made while the shards are
        # mapped, counted here on its clock
        times = {}
        got = sd.write_range(joining, *rs[0], "w0", None, *level, at=0, index=0, timer=cpu, times=times)
        clock[0] = sum(times.values())
        ended[0] = (clock[0], got["bytes_written"], 0, False)
        rows.append("worker 0: range [%g, %g): %s = %.2f s CPU, %.1f MB at 0, ends at %.2f" % (
            rs[0][0], rs[0][1], ", ".join("%s %.2f" % kv for kv in times.items()), clock[0],
            got["bytes_written"] / 1e6, clock[0]))
        times = {}
        st = sd.stories("w0", *level, timer=cpu, times=times)
        clock[0] += sum(times.values())
        st_end = clock[0]
        rows.append("worker 0: stories: %s = %.2f s CPU (%.1f MB of stories), ends at %.2f" % (
            ", ".join("%s %.2f" % kv for kv in times.items()), sum(times.values()), st["bytes"] / 1e6, clock[0]))
        times = {}
        sd.corroborate_here("w0", *level, timer=cpu, times=times)
        clock[0] += sum(times.values())
        rows.append("worker 0: corroborate: %s = %.2f s CPU, ends at %.2f" % (
            ", ".join("%s %.2f" % kv for kv in times.items()), sum(times.values()), clock[0]))
        free = [i for i, r in enumerate(rs) if not sd._range_needs_stories(*r)]
        later = [i for i, r in enumerate(rs) if sd._range_needs_stories(*r) and i != 0]
        for k in range(len(rs) - 1):
            # the run gives the first ranges to the other workers, then each
            # to the worker free first (sd.pick_range); a range is written
            # at its offset when the ranges before it have ended by then,
            # else kept
            k_w = k + 1 if k + 1 < w else min(range(w), key=lambda x: clock[x])
            if free:
                i = free.pop(0)
            else:
                i = sd.pick_range(later, k_w, touched, rs, front=k_w == 0)
                later.remove(i)
            touched.setdefault(k_w, set()).add(int(rs[i][0]))
            needs = sd._range_needs_stories(*rs[i])
            # (a range that needs the corroboration on a worker without
            # it corroborates there: write_range's "corroborate")
            start = max(clock[k_w], st_end) if needs else clock[k_w]
            known = all(j in ended and ended[j][0] <= start for j in range(i))
            at = sum(ended[j][1] for j in range(i)) if known else None
            times = {}
            dep = [st] if needs else None
            got = sd.write_range(joining, *rs[i], "w%d" % k_w, dep, *level, at=at, index=i,
                                 timer=cpu, times=times)
            took = sum(times.values())
            clock[k_w] = start + took
            ended[i] = (clock[k_w], got["bytes_written"], k_w, bool(got.get("kept")))
            rows.append("worker %d: range [%g, %g): %s = %.2f s CPU, %.1f MB %s, ends at %.2f" % (
                k_w, rs[i][0], rs[i][1], ", ".join("%s %.2f" % kv for kv in times.items()), took,
                got["bytes_written"] / 1e6, "kept" if got.get("kept") else "at %d" % at, clock[k_w]))
        # the kept ranges written at their offsets by their workers, once
        # the ranges before them have ended (here after the worker's ranges:
        # the same CPU on its clock; the run fits them between)
        at = 0
        for i in range(len(rs)):
            end_t, nbytes, k_w, kept = ended[i]
            if kept:
                known_t = max(ended[j][0] for j in range(i + 1))
                times = {}
                sd.place(joining, at, i, *rs[i], "w%d" % k_w, timer=cpu, times=times)
                took = sum(times.values())
                clock[k_w] = max(clock[k_w], known_t) + took
                rows.append("worker %d: place [%g, %g): %.2f s CPU, ends at %.2f" % (
                    k_w, rs[i][0], rs[i][1], took, clock[k_w]))
            at += nbytes
        t = cpu()
        sd.seal(out, "t", at)
        seal = cpu() - t
        rows.append("seal (the last task): %.2f s CPU" % seal)
        for x in range(w):
            sd.drop("w%d" % x)
        md5 = hashlib.md5()
        with open(out, "rb") as f:
            for block in iter(lambda: f.read(1 << 24), b""):
                md5.update(block)
        os.unlink(out)
        os.rmdir(tmp)
        clock = [c + (seal if c == max(clock) else 0) for c in clock]
        got = md5.hexdigest()
        same = got == ref_md5
        print("%d workers, %d ranges, identical: %s; the end's critical path %.2f s CPU (workers %s; "
              "one worker's end %.2f: %.2fx)" % (w, len(rs), "yes" if same else "NO", max(clock),
                                                 " / ".join("%.2f" % x for x in clock), whole_cpu,
                                                 whole_cpu / max(clock)))
        for r in rows:
            print("  " + r)
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
