#!/usr/bin/python3
"""dask_phases.py BUILD JSONL [--shard-size S] [--fan-in F] [--parts 1,2]

The CPU seconds of each phase of sitrep.dask, measured in one process
(time.process_time around the very task functions the workers run), for a
machine too busy for wall-clock timings: the map (one task per shard), the
merges below the root's children, and the end, per part task: loading the
snapshots it is given, finishing the corpus (what that part's records need)
and writing its records.  The parts' records are checked, joined, against
one corpus of all the articles written whole (sitrep_corpus_write_json).
The end of W workers costs about max over the parts (their tasks run side
by side); the map and merges divide by W.
"""

import argparse
import hashlib
import os
import pickle
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("jsonl")
    ap.add_argument("--shard-size", type=int, default=1000)
    ap.add_argument("--fan-in", type=int, default=8)
    ap.add_argument("--parts", default="1,2")
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
    """The merges up to the top of the tree (as sitrep.dask.run makes it:
    up to the first level of at most --end-fan-in nodes; 0: the root's
    children, as sitrep.dask did before)."""
    merge_cpu, nmerges = 0.0, 0
    cap = a.end_fan_in if a.end_fan_in is not None else a.fan_in * a.fan_in
    while len(level) > (cap or 1):
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

    # the reference: one corpus written whole
    t = cpu()
    ref = sd.finish(None, *level)["jsonl"]
    whole_cpu = cpu() - t
    ref_md5 = hashlib.md5(ref).hexdigest()
    print("one task, everything: %.2f s CPU, %.1f MB of records (md5 %s)" % (whole_cpu, len(ref) / 1e6, ref_md5))
    del ref
    for n in [int(x) for x in a.parts.split(",")]:
        got = hashlib.md5()
        rows = []
        for p in range(n):
            times = {}
            out = sd.finish_part(None, p, n, *level, timer=cpu, times=times)
            got.update(out["jsonl"])
            rows.append("part %d: %s, total %.2f s CPU, %.1f MB" % (
                p, ", ".join("%s %.2f" % kv for kv in times.items()), sum(times.values()),
                len(out["jsonl"]) / 1e6))
        same = got.hexdigest() == ref_md5
        print("%d part(s), identical: %s" % (n, "yes" if same else "NO"))
        for r in rows:
            print("  " + r)
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
