#!/usr/bin/python3
"""dask_bench.py BUILD [--articles N] [--shard-size S] [--fan-in F] [--workers 1,2]

sitrep.dask on this machine: N generated articles (bench/gen's JSON Lines,
each dated, from the same sources as bench/run.sh) run by one `sitrep
extract` and by sitrep.dask.run on a local scheduler with 1 and with 2
worker processes of one thread each; the wall time, the speed-up, the time
of the map, the merges and the finishing task, whether the records are
byte-identical to the single extract's, and the measured costs a projection
to more workers is made from.  `make bench-dask` runs it (about 15 minutes
for 100,000 articles on two cores); results go to BUILD/bench-dask/.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def sources(shared):
    out = sorted(os.path.join(ROOT, "samples", n) for n in os.listdir(os.path.join(ROOT, "samples"))
                 if n.endswith(".txt"))
    fx = []
    for d, _, files in os.walk(os.path.join(ROOT, "tests", "fixtures")):
        fx += [os.path.join(d, f) for f in files if f.endswith((".txt", ".spec"))]
    out += sorted(fx, key=lambda p: p.encode())
    seeds = os.path.join(shared, "seeds")
    if os.path.isdir(seeds):
        out += sorted(os.path.join(seeds, n) for n in os.listdir(seeds) if n.endswith(".txt"))
    return out


def corpus(build, n, shared):
    """BUILD/bench-dask/articles-N.jsonl: exactly n records."""
    d = os.path.join(build, "bench-dask")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "articles-%d.jsonl" % n)
    src = sources(shared)
    with open(os.path.join(HERE, "gen.c"), "rb") as f:
        stamp = "n=%d gen=%d sources=%d" % (n, hash(f.read()) & 0xFFFFFFFF, len(src))
    if os.path.exists(path) and open(path + ".stamp").read() == stamp:
        return path
    gen_dir = tempfile.mkdtemp(prefix="gen-", dir=d)
    mb = n * 6700 // 1_000_000 + 8  # about 6.4 KB a record
    print("generating %d articles (%d MB of JSON Lines)..." % (n, mb), file=sys.stderr)
    subprocess.run([os.path.join(build, "bench", "gen"), "--jsonl-mb", str(mb), gen_dir, "1", *src],
                   check=True, stdout=subprocess.DEVNULL)
    got = 0
    with open(os.path.join(gen_dir, "articles.jsonl"), "rb") as f, open(path, "wb") as out:
        for line in f:
            if got == n:
                break
            out.write(line)
            got += 1
    subprocess.run(["rm", "-rf", gen_dir], check=True)
    if got < n:
        sys.exit("dask_bench: the generator made only %d articles" % got)
    with open(path + ".stamp", "w") as f:
        f.write(stamp)
    return path


def cpu():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "?"


def cluster(workers, env, tmp):
    sched_file = os.path.join(tmp, "scheduler-%d.json" % workers)
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", "0", "--no-dashboard", "--scheduler-file", sched_file],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)]
    while not os.path.exists(sched_file):
        time.sleep(0.1)
    for _ in range(workers):
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", sched_file, "--host",
             "127.0.0.1", "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--memory-limit", "0",
             "--local-directory", tmp], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env))
    return sched_file, procs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--shard-size", type=int, default=1000)
    ap.add_argument("--fan-in", type=int, default=8)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--shared", default=os.path.join(ROOT, os.pardir, "shared"))
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(ROOT, "python")
    env["SITREP_LIBRARY"] = os.path.join(build, "libsitrep.so.0")
    os.environ.update(env)
    sys.path.insert(0, env["PYTHONPATH"])
    import distributed

    import sitrep.dask

    path = corpus(build, a.articles, a.shared)
    out_dir = os.path.join(build, "bench-dask")
    results = {"articles": a.articles, "input_bytes": os.path.getsize(path), "shard_size": a.shard_size,
               "fan_in": a.fan_in, "cpu": cpu(), "cores": os.cpu_count(), "runs": []}

    # one process: the reference records and time
    base = os.path.join(out_dir, "extract.jsonl")
    t0 = time.perf_counter()
    with open(base, "wb") as f:
        subprocess.run([os.path.join(build, "sitrep"), "extract", path], stdout=f, check=True)
    results["extract_seconds"] = time.perf_counter() - t0
    results["output_bytes"] = os.path.getsize(base)
    print("sitrep extract: %.1f s" % results["extract_seconds"], file=sys.stderr)

    for w in [int(x) for x in a.workers.split(",")]:
        tmp = tempfile.mkdtemp(prefix="dask-bench-", dir=out_dir)
        sched_file, procs = cluster(w, env, tmp)
        try:
            client = distributed.Client(scheduler_file=sched_file, timeout=60)
            client.wait_for_workers(w, timeout=120)
            out = os.path.join(out_dir, "dask-%d.jsonl" % w)
            res = sitrep.dask.run([path], client, shard_size=a.shard_size, fan_in=a.fan_in, output=out)
            same = subprocess.run(["cmp", "-s", out, base]).returncode == 0
            run = {"workers": w, "wall": res.wall, "load": os.getloadavg()[0],
                   "part_seconds": res.part_seconds, "part_bytes": res.part_bytes, "concat_seconds": res.concat_seconds, "documents": res.documents, "shards": res.shards,
                   "merges": res.merges, "identical": same, "maps_done": res.maps_done,
                   "merges_done": res.merges_done, "finish": res.finish_seconds,
                   "map_seconds": res.map_seconds, "merge_seconds": res.merge_seconds,
                   "merge_documents": res.merge_documents,
                   "snapshot_bytes": res.snapshot_bytes}
            results["runs"].append(run)
            print("%d worker(s): %.1f s, identical: %s" % (w, res.wall, same), file=sys.stderr)
            client.close()
            os.unlink(out)
        finally:
            for p in reversed(procs):
                p.terminate()
            for p in procs:
                p.wait()
            subprocess.run(["rm", "-rf", tmp])
    os.unlink(base)
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    report(results)


def report(r):
    runs = {x["workers"]: x for x in r["runs"]}
    print("%d articles (%.0f MB of JSON Lines, %.0f MB of records), shards of %d, merges of %d; %s" % (
        r["articles"], r["input_bytes"] / 1e6, r["output_bytes"] / 1e6, r["shard_size"], r["fan_in"], r["cpu"]))
    print()
    print("| run | wall | speed-up | map done at | merges done at | the end: top merged, finish, write, join | identical | load |")
    print("|---|---:|---:|---:|---:|---:|---|---:|")
    print("| `sitrep extract`, one process | %.1f s | | | | | (reference) | |" % r["extract_seconds"])
    one = runs.get(1)
    for w, x in sorted(runs.items()):
        sp = one["wall"] / x["wall"] if one else float("nan")
        print("| sitrep.dask, %d worker%s | %.1f s | %.2fx | %.1f s | %.1f s | %.1f s (%.0f%%) | %s | %.1f |" % (
            w, "s" if w > 1 else "", x["wall"], sp, x["maps_done"], x["merges_done"], x["finish"],
            100 * x["finish"] / x["wall"], "yes" if x["identical"] else "NO", x["load"]))
    if one:
        m = statistics.mean(one["map_seconds"])
        ms = one["merge_seconds"]
        print()
        print("measured (1 worker): a shard of %d articles %.2f s (mean of %d), a merge %.2f s mean (%d merges, "
              "%.1f s in all), the finishing task %.1f s for %d articles; snapshots %.2f KB per article" % (
                  r["shard_size"], m, len(one["map_seconds"]), statistics.mean(ms) if ms else 0, len(ms), sum(ms),
                  one["finish"], one["documents"], sum(one["snapshot_bytes"]) / one["documents"] / 1e3))
        md = one.get("merge_documents") or []
        if md and sum(md):
            print("merge cost per merged article: %.1f us; finishing cost per article: %.1f us" % (
                1e6 * sum(ms) / sum(md), 1e6 * one["finish"] / one["documents"]))
    for w, x in sorted(runs.items()):
        if x.get("part_seconds"):
            print("%d workers: the records written in %d parts of %s s (%s MB), joined in %.1f s" % (
                w, len(x["part_seconds"]), "/".join("%.1f" % p for p in x["part_seconds"]),
                "/".join("%.1f" % (b / 1e6) for b in x.get("part_bytes", [])), x["concat_seconds"]))


if __name__ == "__main__":
    main()
