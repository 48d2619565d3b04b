#!/usr/bin/python3
"""Turn bench/run.sh's measurements (bench/work/runs.jsonl) into the results tables.

    /usr/bin/python3 bench/report.py --runs bench/work/runs.jsonl --info bench/work/run-info.txt \\
        --data-summary '<make_data.py SUMMARY json>' [--v3-summary '<make_data_v3.py SUMMARY json>'] \\
        --out bench/work/results.md

Prints the tables (Markdown) and writes them to --out.  Conventions: MB = 10^6 bytes of
uncompressed array data (the .npy payload); times are wall seconds of the whole process
(JVM or Python start-up included), the median over the repeated runs; peak RSS is
/usr/bin/time's "Maximum resident set size" in MiB, the largest over the repeated runs.
"""
import argparse
import json
import statistics
from collections import defaultdict


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", required=True)
    ap.add_argument("--info", required=True)
    ap.add_argument("--data-summary", required=True)
    ap.add_argument("--v3-summary", default='{"arrays": []}')
    ap.add_argument("--rss-goal-mb", type=float, default=300)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    runs = [json.loads(l) for l in open(a.runs) if l.strip()]
    summary = json.loads(a.data_summary)
    v3 = json.loads(a.v3_summary)
    arrays = {x["name"]: x for x in summary["arrays"]}
    info = dict(l.rstrip("\n").split("=", 1) for l in open(a.info) if "=" in l)

    times = defaultdict(list)   # (phase, tool, array) -> [s]
    rss = defaultdict(list)     # (phase, tool, array) -> [MiB]
    cpu = defaultdict(list)     # (phase, tool, array) -> [user + system s]
    inner = defaultdict(list)   # (phase, tool, array) -> [s] as the exporter itself reports (no start-up)
    errs = defaultdict(int)     # (phase, array) -> server errors during its runs
    checks = defaultdict(list)  # (phase, array, what) -> [value]
    limits = defaultdict(list)  # array -> [machine_limit.py results]
    for r in runs:
        if r["tool"] == "limit":
            limits[r["array"]].append(r["limit"])
            continue
        if r["tool"] == "check":
            checks[(r["phase"], r["array"], r["what"])].append(r["value"])
            continue
        k = (r["phase"], r["tool"], r["array"])
        times[k].append(r["wall_ns"] / 1e9)
        rss[k].append(r["rss_kb"] / 1024.0)
        if r.get("cpu_s") is not None:
            cpu[k].append(r["cpu_s"])
        if r.get("inner_s") is not None:
            inner[k].append(r["inner_s"])
        errs[(r["phase"], r["array"])] += r.get("server_errors", 0)

    def t(phase, tool, name):
        v = times.get((phase, tool, name))
        return statistics.median(v) if v else None

    def m(phase, tool, name):
        v = rss.get((phase, tool, name))
        return max(v) if v else None

    def ti(phase, tool, name):
        v = inner.get((phase, tool, name))
        return statistics.median(v) if v else None

    def same(phase, name):
        v = checks.get((phase, name, "identical"), [])
        if not v:
            return "-"
        n = sum(1 for x in v if x == "yes")
        return "yes" if n == len(v) else "NO (%d/%d)" % (n, len(v))

    def f(x, fmt="%.2f"):
        return "-" if x is None else fmt % x

    codec_label = {"zstd1": "zstd-1", "blosc": "blosc-lz4-5-shuffle", "gzip1": "gzip-1"}

    def label(name):
        codec = arrays[name]["codec"]
        return codec_label.get(codec, codec)
    small = [n for n in arrays if not n.endswith("-big")]
    nrep = info.get("repeat", "?")
    out = []
    out.append("# OpenOrganelle_Fiji export benchmark\n")
    out.append("MB = 10^6 bytes of uncompressed data; s = wall seconds of the whole process (start-up included), "
               "median of %s run(s); RSS = peak resident set size (MiB, /usr/bin/time -v), largest of the runs.\n"
               % nrep)
    v2_start = len(out)
    out.append("## 1. Export from the loopback S3 server (s3proxy, filesystem backend), this project vs zarr-python\n")
    out.append("| codec | dtype, shape | size MB | stored MB | ours s | ours MB/s | ours RSS MiB | zarr-python s "
               "| zarr-python MB/s | zarr-python RSS MiB | speed ratio (ours/zarr-python) | identical .npy "
               "| in-process s, ours / zarr-python | server errors |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for n in small:
        ar = arrays[n]
        mb = ar["nbytes"] / 1e6
        to, tp = t("s3", "ours", n), t("s3", "zarr-python", n)
        out.append("| %s | %s %s | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %d |" % (
            label(n), ar["dtype"], "x".join(map(str, ar["shape"])), mb,
            ar["stored_bytes"] / 1e6, f(to), f(mb / to if to else None, "%.0f"), f(m("s3", "ours", n), "%.0f"),
            f(tp), f(mb / tp if tp else None, "%.0f"), f(m("s3", "zarr-python", n), "%.0f"),
            f(tp / to if to and tp else None, "%.2fx"), same("s3", n), f(ti("s3", "ours", n)),
            f(ti("s3", "zarr-python", n)), errs[("s3", n)]))
    out.append("")
    out.append("Speed ratio = ours MB/s / zarr-python MB/s (above 1: this project is faster). In-process s: the time "
               "each exporter reports itself in its metadata JSON, i.e. without JVM or Python start-up and imports. "
               "Server errors: requests s3proxy answered with an error (500) during these runs.\n")

    out.append("## 2. Local store: this project's export vs a raw copy of the same chunk bytes\n")
    out.append("Raw copies move the stored (compressed) bytes; exports decode them and write the uncompressed .npy "
               "(plus SHA-256 and mean). Ratio = ours export s / cp -r s.\n")
    out.append("| codec | stored MB | cat chunks >/dev/null s | cat chunks >file s | cp -r s | ours export s | ours MB/s "
               "| ours RSS MiB | zarr-python local s | zarr-python MB/s | ours / cp -r | identical .npy |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    local_line = []
    for n in small:
        ar = arrays[n]
        mb = ar["nbytes"] / 1e6
        cp, to, tp = t("local", "cp-r", n), t("local", "ours", n), t("local", "zarr-python", n)
        if cp is None and to is None:
            continue
        out.append("| %s | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            label(n), ar["stored_bytes"] / 1e6, f(t("local", "cat-devnull", n)),
            f(t("local", "cat-file", n)), f(cp), f(to), f(mb / to if to else None, "%.0f"),
            f(m("local", "ours", n), "%.0f"), f(tp), f(mb / tp if tp else None, "%.0f"),
            f(to / cp if to and cp else None, "%.2fx"), same("local", n)))
        local_line.append("%s: export %s s vs cp -r %s s (%s)" % (
            label(n), f(to), f(cp), f(to / cp if to and cp else None, "%.2fx")))
    out.append("")

    def best_limit(name):
        v = limits.get(name)
        return min(v, key=lambda x: x["limit_s"]) if v else None

    def verdict(value, goal, higher_is_better=True):
        if value is None:
            return "-"
        met = value >= goal if higher_is_better else value <= goal
        return "met" if met else "missed (%.2f vs %.2f)" % (value, goal)

    out.append("## 3. Remote reality: every request delayed by 20 ms (bench/latency_proxy.py), default settings\n")
    out.append("| codec | ours s | zarr-python s | ratio (goal >= 1.5x) | identical .npy |")
    out.append("|---|---:|---:|---|---|")
    for n in small:
        to, tp = t("latency", "ours", n), t("latency", "zarr-python", n)
        if to is None:
            continue
        ratio = tp / to if to and tp else None
        out.append("| %s | %s | %s | %s, %s | %s |" % (label(n), f(to),
                   f(tp), f(ratio, "%.2fx"), verdict(ratio, 1.5), same("latency", n)))
    out.append("")
    out.append("## 4. Inside a running JVM (how Fiji runs it) and the machine's limit\n")
    out.append("Second export: the in-process time of the second of two exports in one ImageJ JVM "
               "(bench/export_twice.ijm). Limit: 16 plain concurrent GETs of the same chunks from the same server "
               "and native decoding (numcodecs) spread over the cores, whichever is longer (bench/machine_limit.py, "
               "best of the runs); no exporter can beat it here.\n")
    out.append("| codec | ours second export s | zarr-python cold, in-process s | zarr-python cold, wall s "
               "| ratio vs zarr-python wall (goal >= 2x) | limit s (GET s, decode CPU s) | ours / limit (goal <= 1.5x) "
               "| identical .npy |")
    out.append("|---|---:|---:|---:|---|---:|---|---|")
    for n in small:
        second = ti("injvm", "ours", n)
        if second is None:
            continue
        py_inner, py_wall = ti("injvm", "zarr-python", n), t("injvm", "zarr-python", n)
        lim = best_limit(n)
        ratio = py_wall / second if py_wall and second else None
        over = second / lim["limit_s"] if lim and second else None
        out.append("| %s | %s | %s | %s | %s, %s | %s (%s, %s) | %s, %s | %s |" % (
            label(n), f(second), f(py_inner), f(py_wall),
            f(ratio, "%.2fx"), verdict(ratio, 2.0), f(lim and lim["limit_s"]), f(lim and lim["get_s"]),
            f(lim and lim["decode_cpu_s"]), f(over, "%.2fx"), verdict(over, 1.5, False), same("injvm", n)))
    out.append("")
    out.append("## Goals\n")
    for n in small:
        to, tp = t("s3", "ours", n), t("s3", "zarr-python", n)
        ratio = tp / to if to and tp else None
        out.append("- %s: CLI wall %s s vs zarr-python %s s = %s (goal >= 1.5x: %s); peak RSS %s MiB (goal < %.0f: %s)"
                   % (label(n), f(to), f(tp), f(ratio, "%.2fx"),
                      verdict(ratio, 1.5), f(m("s3", "ours", n), "%.0f"), a.rss_goal_mb,
                      verdict(m("s3", "ours", n), a.rss_goal_mb, False)))
    out.append("")
    if not small:  # bench/run.sh --sharded: no Zarr v2 array was measured
        del out[v2_start:]

    big = [n for n in arrays if n.endswith("-big")]
    big_line = []
    if big:
        out.append("## 5. Memory: exporting the large array over S3 (goal: peak RSS < %.0f MiB)\n" % a.rss_goal_mb)
        for n in big:
            ar = arrays[n]
            mb = ar["nbytes"] / 1e6
            desc = "%s (%s %s, %s, %.0f MB)" % (n, ar["dtype"], "x".join(map(str, ar["shape"])),
                                              label(n), mb)
            for r in runs:
                if r["phase"] != "big" or r["array"] != n or r["tool"] == "check":
                    continue
                s_ = r["wall_ns"] / 1e9
                mib = r["rss_kb"] / 1024.0
                if r["tool"] == "ours":
                    env = r.get("env") or ""
                    opts = env.split("=", 1)[1] if env.startswith("OPENORGANELLE_JAVA_OPTS=") else (
                        info.get("openorganelle_java_opts", "").strip() or "none (launcher defaults)")
                    line = "%s: ours %.2f s (%.0f MB/s), peak RSS %.0f MiB: %s; OPENORGANELLE_JAVA_OPTS: %s" % (
                        desc, s_, mb / s_, mib, "PASS" if mib < a.rss_goal_mb else "FAIL", opts)
                else:
                    line = "%s: zarr-python %.2f s (%.0f MB/s), peak RSS %.0f MiB (holds the whole array)" % (
                        desc, s_, mb / s_, mib)
                big_line.append(line)
                out.append("- " + line)
            if checks.get(("big", n, "identical")):
                line = "%s: outputs identical (SHA-256) to zarr-python's: %s" % (n, same("big", n))
                big_line.append(line)
                out.append("- " + line)
        out.append("")

    def c(phase, tool, name):
        v = cpu.get((phase, tool, name))
        return statistics.median(v) if v else None

    v3_tables(out, v3["arrays"], t, m, c, checks, same, f)

    out.append("## Setup\n")
    for k in ("parts", "cli", "endpoint", "java", "python", "malloc_env", "openorganelle_java_opts", "commit", "machine",
              "jar", "quick", "server_errors_total", "load_average"):
        if k in info:
            out.append("- %s: %s" % (k, info[k].strip() or "(none)"))
    containers = ([summary["container"]] if arrays else []) + ([v3["container"]] if v3["arrays"] else [])
    out.append("- data root: %s (bucket %s, containers %s)" % (summary["root"], summary["bucket"],
                                                              ", ".join(containers)))
    out.append("")
    text = "\n".join(out)
    with open(a.out, "w") as fh:
        fh.write(text)
    print(text)
    print("Summary lines:")
    for l in local_line:
        print("  local  " + l)
    for l in big_line:
        print("  big    " + l)
    print("(written to %s)" % a.out)


def v3_tables(out, v3, t, m, c, checks, same, f):
    """Section 6: the sharded Zarr v3 arrays and their unsharded twins (bench/make_data_v3.py)."""
    if not v3 or t("v3", "ours", v3[0]["name"]) is None:
        return

    def requests(phase, name):
        return "/".join(sorted(set(checks.get((phase, name, "requests"), [])), key=str)) or "-"

    def twin(ar):  # the unsharded array of the same voxels
        return next((b["name"] for b in v3 if b["data"] == ar["data"] and not b["shard"]), None)
    out.append("## 6. Sharded Zarr v3 (this project only; zarr-python 2.13 reads no Zarr v3)\n")
    out.append("Each array exported whole (s0) over S3 directly and through the 20 ms proxy, with --debug; requests = "
               "every GET and LIST of the export (metadata included), from its closing `debug: N requests` line. "
               "vs unsharded = s / s of the unsharded array of the same voxels. Identical = the .npy is "
               "byte-identical (cmp) to the numpy array the data was made from. CPU s = user + system time of the "
               "export's process (median).\n")
    out.append("| array | shape | shards (inner chunks) | size MB | stored MB (objects) | s | MB/s | CPU s | RSS MiB "
               "| requests | vs unsharded | 20 ms: s | MB/s | CPU s | RSS MiB | requests | vs unsharded | identical .npy |")
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for ar in v3:
        n, mb = ar["name"], ar["nbytes"] / 1e6
        cells = []
        for phase in ("v3", "v3-latency"):
            s_, other = t(phase, "ours", n), twin(ar)
            ratio = s_ / t(phase, "ours", other) if ar["shard"] and other and s_ and t(phase, "ours", other) else None
            cells += [f(s_), f(mb / s_ if s_ else None, "%.0f"), f(c(phase, "ours", n)), f(m(phase, "ours", n), "%.0f"),
                      requests(phase, n), f(ratio, "%.2fx")]
        idents = {same(phase, n) for phase in ("v3", "v3-latency")}
        out.append("| %s | %s | %s | %.1f | %.1f (%d) | %s | %s |" % (
            n, "x".join(map(str, ar["shape"])),
            "x".join(map(str, ar["shard"])) + " (64^3)" if ar["shard"] else "- (64^3 chunks)", mb,
            ar["stored_bytes"] / 1e6, ar["objects"], " | ".join(cells),
            " / ".join(sorted(idents))))
    out.append("")
    region = v3[0]["name"]
    if t("v3-region", "ours", region) is not None:
        out.append("Region inside one inner chunk (`--region 64:128,64:128,64:128` of s0, 262 kB):\n")
        out.append("| array | requests | s | RSS MiB | 20 ms: requests | s | identical .npy |")
        out.append("|---|---:|---:|---:|---:|---:|---|")
        for ar in v3:
            n = ar["name"]
            idents = {same(p, n) for p in ("v3-region", "v3-latency-region")}
            out.append("| %s | %s | %s | %s | %s | %s | %s |" % (
                n, requests("v3-region", n), f(t("v3-region", "ours", n)), f(m("v3-region", "ours", n), "%.0f"),
                requests("v3-latency-region", n), f(t("v3-latency-region", "ours", n)),
                " / ".join(sorted(idents))))
        out.append("")


if __name__ == "__main__":
    main()
