#!/usr/bin/python3
"""dask_bench.py BUILD [--articles N] [--shard-size S] [--fan-in F] [--workers 1,2]

sitrep.dask on this machine: N generated articles (bench/gen's JSON Lines,
each dated, from the same sources as bench/run.sh) run by one `sitrep
extract` and by sitrep.dask.run on a local scheduler with 1 and with 2
worker processes of one thread each; the wall time, the speed-up, the time
of the map, the merges and the end, the merges' share of the time, each
task of the end (its worker, wall and CPU seconds, what it loaded, finished
and wrote), whether the records are byte-identical to the single extract's,
and the projection to 100 workers from the measured per-shard, per-merge
and end costs.  `make bench-dask` runs it (about 15 minutes
for 100,000 articles on two cores); results go to BUILD/bench-dask/.
"""

import argparse
import hashlib
import json
import os
import resource
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
        # not hash(): Python salts the hash of bytes in each process, so the
        # stamp never matched and every run generated the articles again
        stamp = "n=%d gen=%s sources=%d" % (n, hashlib.sha256(f.read()).hexdigest()[:16], len(src))
    if os.path.exists(path + ".stamp") and os.path.exists(path) and open(path + ".stamp").read() == stamp:
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


def cpu_seconds(procs):
    """The CPU seconds (user + system) so far of the scheduler, each
    worker's nanny and worker process, and this process (the client)."""
    import psutil

    def t(p):
        try:
            c = p.cpu_times()
            return c.user + c.system
        except psutil.Error:
            return 0.0

    out = {"scheduler": t(psutil.Process(procs[0].pid))}
    for i, pr in enumerate(procs[1:]):
        nanny = psutil.Process(pr.pid)
        out["nanny %d" % i] = t(nanny)
        for k, ch in enumerate(nanny.children(recursive=True)):
            out["worker %d%s" % (i, "" if not k else ".%d" % k)] = t(ch)
    ru = resource.getrusage(resource.RUSAGE_SELF)
    out["client"] = ru.ru_utime + ru.ru_stime
    return out


def timeline(stream, t_start):
    """The tasks as Dask's scheduler saw them (its task stream): each
    task's key, worker and what it did when (transfer of its inputs,
    compute), in seconds from the run's start."""
    out = []
    for t in stream:
        for ss in t.get("startstops", []):
            out.append({"key": t["key"] if isinstance(t["key"], str) else str(t["key"]), "worker": t.get("worker"),
                        "action": ss["action"], "start": ss["start"] - t_start, "stop": ss["stop"] - t_start,
                        "nbytes": ss.get("nbytes") if ss["action"] == "transfer" else None})
    out.sort(key=lambda x: x["start"])
    return out


def print_timeline(x):
    """The end's part of the timeline (from the last merge on): who did
    what when, and each worker's idle time in it."""
    tl = x.get("timeline") or []
    if not tl:
        return
    t0 = x["merges_done"]
    print("%d workers: the end's timeline (s from the merges' end; Dask's task stream):" % x["workers"])
    busy = {}
    for e in tl:
        if e["stop"] < t0 - 0.5:
            continue
        w = (e["worker"] or "").replace("tcp://", "")
        name = e["key"].replace("sitrep-", "")
        print("  %-22s %-9s %-30s %7.2f %7.2f %6.2f%s" % (
            w, e["action"], name[:30], e["start"] - t0, e["stop"] - t0, e["stop"] - e["start"],
            "  %.1f MB" % (e["nbytes"] / 1e6) if e.get("nbytes") else ""))
        if e["action"] == "compute":
            busy[w] = busy.get(w, 0.0) + e["stop"] - max(e["start"], t0)
    pre = {}
    for p in x.get("preload_tasks") or []:
        w = (p.get("worker") or "").replace("tcp://", "")
        n, c = pre.get(w, (0, 0.0))
        pre[w] = (n + int(p.get("added") or 0), c + p.get("cpu", 0.0))
    if pre:
        print("  preloads (during the map): %s" % ", ".join("%s %d snapshots %.2f s CPU" % (w, n, c)
                                                         for w, (n, c) in sorted(pre.items())))
    whole = {}
    for e in tl:
        if e["action"] == "compute":
            w = (e["worker"] or "").replace("tcp://", "")
            whole[w] = whole.get(w, 0.0) + e["stop"] - e["start"]
    if whole:
        # under load the wall seconds stretch, but alike for the tasks and
        # the run: the share of the run each worker computed is comparable
        print("  the whole run: each worker computing %s of the run's %.1f s (idle %.1f%% of the two threads' time)"
              % (" / ".join("%.1f s" % v for _, v in sorted(whole.items())), x["wall"],
                 100 * (1 - sum(whole.values()) / (len(whole) * x["wall"]))))
    end = x["wall"] - t0
    print("  the end %.2f s; computing: %s" % (end, ", ".join("%s %.2f (idle %.2f)" % (w, b, end - b)
                                                                  for w, b in sorted(busy.items()))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--shard-size", type=int, default=1000)
    ap.add_argument("--fan-in", type=int, default=8)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--shared", default=os.path.join(ROOT, os.pardir, "shared"))
    ap.add_argument("--dask-transfers", action="store_true", help="hand the snapshots between the tasks through "
                    "Dask's connections (default: in files in a directory of /dev/shm, sitrep.dask.run's snapshot_dir)")
    ap.add_argument("--dask-defaults", action="store_true", help="run the scheduler and workers with Dask's "
                    "default housekeeping rates (default: sitrep.dask.HOUSEKEEPING, as sitrep-dask's local cluster)")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(ROOT, "python")
    env["SITREP_LIBRARY"] = os.path.join(build, "libsitrep.so.0")
    os.environ.update(env)
    sys.path.insert(0, env["PYTHONPATH"])
    import distributed

    import sitrep.dask

    if not a.dask_defaults:
        import dask

        env.update(sitrep.dask.housekeeping_env())
        dask.config.set(sitrep.dask.HOUSEKEEPING)  # the client's own
    path = corpus(build, a.articles, a.shared)
    out_dir = os.path.join(build, "bench-dask")
    results = {"articles": a.articles, "input_bytes": os.path.getsize(path), "shard_size": a.shard_size,
               "fan_in": a.fan_in, "cpu": cpu(), "cores": os.cpu_count(), "runs": [],
               "dask_config": "defaults" if a.dask_defaults else sitrep.dask.HOUSEKEEPING,
               "snapshots": ("through Dask's connections" if a.dask_transfers
                             else "in files (sitrep.dask.local_snapshot_dir: /dev/shm)")}

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
            before = cpu_seconds(procs)
            t_start = time.time()
            with distributed.get_task_stream(client) as ts:
                # the workers are on this machine: the snapshots go between
                # them in files (sitrep-dask's local cluster does the same)
                snapdir = None if a.dask_transfers else sitrep.dask.local_snapshot_dir()
                try:
                    res = sitrep.dask.run([path], client, shard_size=a.shard_size, fan_in=a.fan_in, output=out,
                                          snapshot_dir=snapdir)
                finally:
                    if snapdir:
                        subprocess.run(["rm", "-rf", snapdir])
            after = cpu_seconds(procs)
            same = subprocess.run(["cmp", "-s", out, base]).returncode == 0
            run = {"workers": w, "wall": res.wall, "load": os.getloadavg()[0],
                   "part_seconds": res.part_seconds, "part_bytes": res.part_bytes, "seal_seconds": res.seal_seconds, "documents": res.documents, "shards": res.shards,
                   "merges": res.merges, "identical": same, "maps_done": res.maps_done,
                   "merges_done": res.merges_done, "finish": res.finish_seconds,
                   "map_seconds": res.map_seconds, "merge_seconds": res.merge_seconds,
                   "merge_documents": res.merge_documents,
                   "snapshot_bytes": res.snapshot_bytes, "corroborate_seconds": res.corroborate_seconds,
                   "end_tasks": res.end_tasks, "map_cpu": res.map_cpu, "merge_cpu": res.merge_cpu,
                   "preload_tasks": getattr(res, "preload_tasks", []),
                   "process_cpu": {k: v - before.get(k, 0.0) for k, v in after.items()},
                   "timeline": timeline(ts.data, t_start)}
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
    print("Dask's housekeeping: %s" % (r.get("dask_config") or "defaults"))
    print("the snapshots between the tasks (several workers): %s" % r.get("snapshots", "through Dask's connections"))
    print()
    print("| run | wall | speed-up | map done at | merges done at | the end: load, finish, write, seal | identical | load |")
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
        tasks = sum(x["map_seconds"]) + sum(x["merge_seconds"])
        print("%d worker%s: the merges %.1f s of %.1f s of map and merge task time (%.0f%%); the end %.1f s of "
              "%.1f s wall (%.0f%%)" % (w, "s" if w > 1 else "", sum(x["merge_seconds"]), tasks,
                                         100 * sum(x["merge_seconds"]) / tasks if tasks else 0, x["finish"],
                                         x["wall"], 100 * x["finish"] / x["wall"]))
        if x.get("end_tasks"):
            print("%d workers: the end's tasks (wall s / CPU s of the task's thread; load, finish, write):" % w)
            for t in x["end_tasks"]:
                tm = t.get("times", {})
                print("  %-11s %-12s %-22s %6.1f / %6.1f  %s  %s" % (
                    t["task"], "[%g, %g)" % tuple(t["range"]) if "range" in t else "",
                    (t.get("worker") or "").replace("tcp://", ""), t["seconds"], t.get("cpu", 0),
                    " ".join("%s %.1f" % kv for kv in tm.items()),
                    "%.1f MB" % (t["bytes_written"] / 1e6) if "bytes_written" in t else ""))
    # the CPU critical path: what a machine shared with other work can
    # still compare (wall seconds cannot): the map and merges' CPU spread
    # over the workers, then the busiest worker's end tasks, then the seal
    cp = {}
    for w, x in sorted(runs.items()):
        if not x.get("map_cpu"):
            continue
        pre = sum(t.get("cpu", 0.0) for t in x.get("preload_tasks") or [])
        mm = (sum(x["map_cpu"]) + sum(x["merge_cpu"]) + pre) / w
        per = {}
        for t in x.get("end_tasks") or []:
            if t["task"] != "seal":
                per[t.get("worker")] = per.get(t.get("worker"), 0.0) + t.get("cpu", 0.0)
        end = max(per.values()) if per else x["finish"]
        tail = sum(t.get("cpu", 0.0) for t in x.get("end_tasks") or [] if t["task"] == "seal")
        cp[w] = mm + end + tail
        print("%d worker%s: CPU critical path %.1f s = map and merges %.1f s%s / %d + the end's busiest worker %.1f s "
              "(workers %s) + the seal %.1f s%s" % (
                  w, "s" if w > 1 else "", cp[w], mm * w - pre,
                  " + the workers' preloads of the top of the tree %.1f s" % pre if pre else "", w, end,
                  " / ".join("%.1f" % v for v in per.values()) or "-",
                  tail, "; speed-up in CPU %.2fx" % (cp[1] / cp[w]) if 1 in cp and w > 1 else ""))
    # the processes' CPU during the run against the tasks' own: what the
    # workers spend besides their tasks (moving snapshots, the event loop),
    # and the scheduler and client, which share the two cores with them
    for w, x in sorted(runs.items()):
        pc = x.get("process_cpu")
        if not pc:
            continue
        tasks = sum(x["map_cpu"]) + sum(x["merge_cpu"]) + sum(t.get("cpu", 0.0) for t in x.get("end_tasks") or [])
        tasks += sum(t.get("cpu", 0.0) for t in x.get("preload_tasks") or [])
        print("%d worker%s: CPU of the processes during the run %.1f s (%s) against %.1f s in the tasks: "
              "%.1f s besides them" % (w, "s" if w > 1 else "", sum(pc.values()),
                                        ", ".join("%s %.1f" % kv for kv in sorted(pc.items())), tasks,
                                        sum(pc.values()) - tasks))
    for w, x in sorted(runs.items()):
        if w > 1:
            print_timeline(x)
    if one:
        project(r, one, runs.get(2))


def project(r, one, two):
    """The projection to 100 workers from the measured costs: the map in
    rounds of W shards, the merges of each level (sitrep.dask.tree; one task
    each, side by side), and the end: every worker loads the top of the tree once, one
    task links the stories while the others write the entities, every
    worker makes the corroboration its ranges need (the others take the
    stories as bytes first; counted whole for each: the events' part alone
    is about an eighth of it), the rest is writing shared by the workers,
    each range written once at its place in the records' file (no join)."""
    n, s_, f = r["articles"], r["shard_size"], r["fan_in"]
    c_map = statistics.mean(one["map_seconds"]) / s_
    md, ms = one.get("merge_documents") or [], one["merge_seconds"]
    c_merge = sum(ms) / sum(md) if md and sum(md) else 0.0
    if not two or not two.get("end_tasks"):
        return
    ends = two["end_tasks"]
    load = max(t.get("times", {}).get("load", 0) for t in ends)
    corr = [t for t in ends if t["task"] == "corroborate"][0]
    c_corr = corr.get("times", {}).get("finish", corr["seconds"])
    ranges = [t for t in ends if t["task"] == "range"]
    ent = [t for t in ranges if 2 <= t["range"][0] and t["range"][1] <= 3]
    w_free = sum(t.get("times", {}).get("write", 0) for t in ent)
    w_corr = sum(t.get("times", {}).get("write", 0) for t in ranges if t not in ent)
    take = max([t.get("times", {}).get("finish", 0) for t in ranges] or [0])
    print()
    print("measured per article: map %.3f ms, merge %.3f ms per article merged; the end at %d articles: "
          "loading the top of the tree %.1f s (each worker), the corroboration %.1f s (each worker), "
          "taking the stories as bytes %.1f s (each other worker), writing %.1f s (entities) + %.1f s (the rest, "
          "the stories stage in it)" % (
              1e3 * c_map, 1e3 * c_merge, n, load, c_corr, take, w_free, w_corr))
    print("| N | W | map | merges | end | total |")
    print("|---:|---:|---:|---:|---:|---:|")
    for big in (n, 10 * n):
        k = big / n
        for w in (1, 2, 100):
            rounds = -(-big // (s_ * w))
            t_map = rounds * s_ * c_map
            # the merges of each level of sitrep.dask.tree (end_fan_in =
            # fan_in squared), side by side on W workers
            import sitrep.dask
            sizes = [s_] * -(-big // s_)
            merges = 0.0
            for groups in sitrep.dask.tree(len(sizes), f):
                sizes = [sum(sizes[lo:hi]) for lo, hi in groups]
                costs = [c_merge * z for z, (lo, hi) in zip(sizes, groups) if hi - lo > 1]
                merges += max(max(costs or [0.0]), sum(costs) / w)
            if w == 1:
                end = one["finish"] * k
            else:
                # the end: load, then the stories on one worker while the
                # others write the entities; each worker corroborates (the
                # others taking the stories as bytes first); then the rest
                # shared
                end = load * k + max(c_corr * k + w_corr * k / w,
                                     (w * c_corr + w_free + w_corr + (w - 1) * take) * k / w)
            print("| %d | %d | %.0f s | %.0f s | %.0f s | %.0f s |" % (
                big, w, t_map, merges, end, t_map + merges + end))


if __name__ == "__main__":
    main()
