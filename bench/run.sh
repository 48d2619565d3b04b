#!/usr/bin/env bash
# bench/run.sh -- export the same Zarr arrays from the same loopback S3 server with
#   (a) this project's CLI:  scripts/openorganelle export ... --workers 4 --max-bytes 8G
#   (b) the original loader's stack: zarr-python 2 + numpy (Debian), bench/zarr_python_export.py
# one after the other in one run, and print per codec: uncompressed MB, wall seconds, MB/s and
# peak RSS (/usr/bin/time -v "Maximum resident set size") of both, their speed ratio, and
# whether the two .npy files are byte-identical. Also: a local-store export against a raw
# copy of the same chunk bytes, and the peak RSS of exporting a ~2 GB array (goal < 300 MB).
# And sharded Zarr v3 (this project only): sharded arrays and the same voxels unsharded, over S3
# directly and through a 20 ms proxy, with request counts (--debug) and a region of one inner chunk.
#
# Usage: bash bench/run.sh [--quick] [--repeat N] [--no-big] [--no-python-big] [--keep-output]
#                          [--sharded | --no-sharded] [--data DIR] [--port N]
#   --quick          arrays 1/8 the size (26 MB codec arrays, 268 MB "big" array): a smoke test
#   --repeat N       timed runs per tool and codec (default 3; the table shows the median
#                    time and the largest peak RSS; a warm-up run of each tool comes first)
#   --no-big         skip the ~2 GB memory test (and do not generate its array)
#   --no-python-big  run only this project on the ~2 GB array (zarr-python needs ~2.2 GB RSS)
#   --keep-output    keep the exported .npy files (bench/work/out); by default each pair is
#                    deleted once compared
#   --sharded        only the sharded Zarr v3 part (bench/make_data_v3.py's arrays; no Zarr v2
#                    arrays, no zarr-python: zarr-python 2.13 reads no Zarr v3), about 2 minutes
#   --no-sharded     leave the sharded Zarr v3 part out of the full run
#   --data DIR       data root (default bench/work/data, or bench/work/data-quick with --quick)
#   --port N         s3proxy port (default: a free port on 127.0.0.1)
# Environment:
#   BENCH_BIG_JAVA_OPTS  OPENORGANELLE_JAVA_OPTS for the ~2 GB export only (default: none, the
#                        launcher's defaults); several sets separated by "|" run one export each,
#                        e.g. "|-Xmx256m" (defaults, then -Xmx256m); each is printed with its result
#   OPENORGANELLE_JAVA_OPTS, MALLOC_* are passed through unchanged and printed in the report
#   BENCH_CLI            the command standing for scripts/openorganelle (default: the real one;
#                        only for testing this harness)
#
# Prerequisites (checked; the script says what to install and stops, it installs nothing
# itself except s3proxy's jar, fetched from Maven Central into bench/work/lib):
#   JDK 17 + Maven; Debian packages time, curl, python3-zarr python3-numcodecs python3-numpy
#   python3-fsspec python3-requests python3-aiohttp, and python3-zstandard for the sharded part
#   (used through /usr/bin/python3).
#
# Everything it writes goes to bench/work/ (git-ignored): data/ (~1.7 GB, reused by later
# runs; with the sharded part ~1.1 GB more), lib/ (s3proxy jar), out/ (exports, deleted as it
# goes), logs/, results.md. Peak disk use about 5 GB (full mode). Runtime: about 7 minutes the
# first time (data generation ~2 min), less afterwards; --quick about 2 minutes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$here/work"
PY=/usr/bin/python3
CLI="${BENCH_CLI:-$root/scripts/openorganelle}"
BUCKET=janelia-cosem-datasets
CONTAINER=jrc_bench-1/jrc_bench-1.zarr
V3_CONTAINER=jrc_bench-v3/jrc_bench-v3.zarr
V3_REGION=64:128,64:128,64:128   # inner chunk (1,1,1) of every v3 array
S3PROXY_VERSION=4.1.0
S3PROXY_JAR="$work/lib/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"
BIG_RSS_GOAL_MB=300

quick=0; repeat=3; big=1; python_big=1; keep=0; data=""; port=""; v2=1; sharded=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --repeat) repeat="$2"; shift 2 ;;
    --no-big) big=0; shift ;;
    --no-python-big) python_big=0; shift ;;
    --keep-output) keep=1; shift ;;
    --sharded) v2=0; sharded=1; shift ;;
    --no-sharded) sharded=0; shift ;;
    --data) data="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --repeat needs a positive integer" >&2; exit 2; }
if [[ -z "$data" ]]; then
  if (( quick )); then data="$work/data-quick"; else data="$work/data"; fi
fi
mkdir -p "$work/lib" "$work/logs" "$work/out" "$data"
data="$(cd "$data" && pwd)"
log="$work/logs"
runs="$work/runs.jsonl"
: > "$runs"
rm -f "$log"/*
say() { printf '%s\n' "run.sh: $*" >&2; }
die() { printf '%s\n' "run.sh: $*" >&2; exit 1; }

# ---------------------------------------------------------------- prerequisites
missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# module:Debian package; zarr-python's stack only for the Zarr v2 part
pairs=(zarr:python3-zarr numcodecs:python3-numcodecs numpy:python3-numpy)
(( v2 )) && pairs+=(fsspec:python3-fsspec requests:python3-requests aiohttp:python3-aiohttp)
(( sharded )) && pairs+=(zstandard:python3-zstandard)
if [[ ! -x $PY ]]; then
  missing+=(python3 "${pairs[@]#*:}")
else
  for pair in "${pairs[@]}"; do
    $PY -c "import ${pair%%:*}" 2>/dev/null || missing+=("${pair#*:}")
  done
fi
if (( ${#missing[@]} )); then
  die "missing prerequisites; install them with:  apt-get install -y ${missing[*]}"
fi
command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1 \
  || die "needs a JDK (17) and Maven:  apt-get install -y openjdk-17-jdk-headless maven"
if [[ ! -f "$S3PROXY_JAR" ]]; then
  say "fetching s3proxy $S3PROXY_VERSION (jar-with-dependencies) from Maven Central into $work/lib"
  (cd "$work" && mvn -B -q dependency:copy \
     -Dartifact=org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies -DoutputDirectory="$work/lib") \
     || die "could not fetch org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies"
fi

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
jar_id() { # the built jar's checksum, to tell whether it changed during the run
  local j; j=$(ls "$root"/target/OpenOrganelle_Fiji-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc\|-tests' | head -n 1 || true)
  if [[ -n "$j" ]]; then printf '%s %s' "$(basename "$j")" "$(sha256sum "$j" | cut -c1-12)"; else printf 'none'; fi
}

# ---------------------------------------------------------------- data
gen_args=(--root "$data")
(( quick )) && gen_args+=(--quick)
if (( v2 )); then
  v2_args=("${gen_args[@]}")
  (( big )) || v2_args+=(--no-big)
  say "data: $PY bench/make_data.py ${v2_args[*]}"
  $PY "$here/make_data.py" "${v2_args[@]}" > "$log/make_data.out"
  grep -v '^SUMMARY ' "$log/make_data.out" >&2
  summary="$(sed -n 's/^SUMMARY //p' "$log/make_data.out")"
else
  summary="{\"root\": \"$data\", \"bucket\": \"$BUCKET\", \"container\": \"$CONTAINER\", \"arrays\": []}"
fi
v3_summary='{"arrays": []}'
if (( sharded )); then
  say "data: $PY bench/make_data_v3.py ${gen_args[*]}"
  $PY "$here/make_data_v3.py" "${gen_args[@]}" > "$log/make_data_v3.out"
  grep -v '^SUMMARY ' "$log/make_data_v3.out" >&2
  v3_summary="$(sed -n 's/^SUMMARY //p' "$log/make_data_v3.out")"
fi
container_dir="$data/$BUCKET/$CONTAINER"
# name codec nbytes stored_bytes, one array a line
mapfile -t arrays < <($PY -c 'import json,sys
for a in json.loads(sys.argv[1])["arrays"]: print(a["name"], a["codec"], a["nbytes"], a["stored_bytes"])' "$summary")

# ---------------------------------------------------------------- the CLI (build outside timing)
say "checking $CLI export (builds the jar when the sources are newer)"
# OPENORGANELLE_CDS=0: the launcher's start-up cache, recorded by the first export after a build, is
# then recorded by the (untimed) warm-up export, not by this --help (whose few classes it would keep)
if ! OPENORGANELLE_CDS=0 "$CLI" export --help > "$log/cli-export-help.txt" 2>&1; then
  cat "$log/cli-export-help.txt" >&2
  die "'$CLI export --help' failed: the export subcommand is missing or the build failed"
fi
jar_start="$(jar_id)"

# ---------------------------------------------------------------- s3proxy
server_pid=""
cleanup() {
  local rc=$?
  if [[ -n "${proxy_pid:-}" ]]; then kill "$proxy_pid" 2>/dev/null || true; proxy_pid=""; fi
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    say "s3proxy (pid $server_pid) stopped"
  fi
  server_pid=""
  return $rc
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

if [[ -z "$port" ]]; then
  port="$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
fi
endpoint="http://127.0.0.1:$port"
cat > "$work/s3proxy.conf" <<EOF
s3proxy.endpoint=$endpoint
s3proxy.authorization=none
jclouds.provider=filesystem
jclouds.filesystem.basedir=$data
jclouds.identity=local-identity
jclouds.credential=local-credential
EOF
java -jar "$S3PROXY_JAR" --properties "$work/s3proxy.conf" > "$log/s3proxy.log" 2>&1 &
server_pid=$!
say "s3proxy $S3PROXY_VERSION (pid $server_pid) serving $data as $endpoint/$BUCKET (filesystem backend, anonymous)"
if (( v2 )); then ready="$CONTAINER/.zgroup"; else ready="$V3_CONTAINER/zarr.json"; fi
for i in $(seq 300); do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/$BUCKET/$ready" || true)"
  [[ "$code" == 200 ]] && break
  kill -0 "$server_pid" 2>/dev/null || { tail -20 "$log/s3proxy.log" >&2; die "s3proxy exited"; }
  (( i == 300 )) && { tail -20 "$log/s3proxy.log" >&2; die "s3proxy did not answer within 30 s"; }
  sleep 0.1
done
server_errors() { grep -c 'handleException' "$log/s3proxy.log" || true; }

# ---------------------------------------------------------------- measuring
# measure TAG TOOL ARRAY BYTES OUTDIR [ENV=VALUE ...] -- COMMAND...: runs COMMAND under
# /usr/bin/time -v (wall time measured here too, in ns), appends one JSON line to runs.jsonl;
# last_run is then its log prefix (last_run.out, .err, .time).
measure() {
  local phase="$1" tool="$2" array="$3" bytes="$4" outdir="$5"; shift 5
  local envs=()
  while [[ "$1" != "--" ]]; do envs+=("$1"); shift; done; shift
  local id before after rc errs_before errs_after attempt
  for attempt in 1 2; do
    id="$phase-$tool-$array-$(date +%s%N)"
    rc=0
    rm -rf "$outdir"
    errs_before="$(server_errors)"
    before="$(date +%s%N)"
    env ${envs[@]+"${envs[@]}"} timeout 600 /usr/bin/time -v -o "$log/$id.time" "$@" \
      > "$log/$id.out" 2> "$log/$id.err" || rc=$?
    after="$(date +%s%N)"
    errs_after="$(server_errors)"
    # the launcher rebuilds the jar when someone changed the sources meanwhile: never time a build
    grep -q '^openorganelle: building' "$log/$id.err" || break
    (( attempt == 1 )) && say "  (the launcher rebuilt the jar during this run: measuring it again)"
  done
  if (( rc != 0 )); then
    say "FAILED ($rc): ${envs[*]} $*"
    tail -n 30 "$log/$id.err" >&2
    exit 1
  fi
  local rss inner cpu
  rss="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$log/$id.time")"
  cpu="$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$log/$id.time")"
  inner="$(inner_seconds "$outdir")"
  printf '{"phase":"%s","tool":"%s","array":"%s","bytes":%s,"wall_ns":%s,"rss_kb":%s,"cpu_s":%s,"inner_s":%s,"server_errors":%s,"env":"%s","log":"%s"}\n' \
    "$phase" "$tool" "$array" "$bytes" "$((after - before))" "${rss:-0}" "$cpu" "$inner" "$((errs_after - errs_before))" \
    "${envs[*]}" "$id" >> "$runs"
  last_run="$log/$id"
  printf 'run.sh:   %-6s %-12s %-27s %7.2f s  %6d MB RSS\n' "$phase" "$tool" "$array" \
    "$(awk -v n=$((after - before)) 'BEGIN{print n/1e9}')" "$(( ${rss:-0} / 1024 ))" >&2
}
# inner_seconds DIR: the exporter's own timing from its metadata_*.json (this project:
# "processing_time_seconds"; zarr_python_export.py: "seconds"."total"), or null
inner_seconds() {
  $PY - "$1" <<'PYEOF'
import glob, json, sys
def find(o):
    if isinstance(o, dict):
        if isinstance(o.get("processing_time_seconds"), (int, float)):
            return o["processing_time_seconds"]
        if isinstance(o.get("seconds"), dict) and "total" in o["seconds"]:
            return o["seconds"]["total"]
        for v in o.values():
            r = find(v)
            if r is not None:
                return r
    return None
r = None
for f in glob.glob(sys.argv[1] + "/metadata_*.json"):
    try:
        r = find(json.load(open(f)))
    except Exception:
        pass
print("null" if r is None else r)
PYEOF
}
note() { printf '{"phase":"%s","tool":"check","array":"%s","what":"%s","value":"%s"}\n' "$1" "$2" "$3" "$4" >> "$runs"; }
npy_in() { local f; f=$(ls "$1"/*.npy 2>/dev/null | head -n 1); [[ -n "$f" ]] || die "no .npy in $1"; printf '%s' "$f"; }

# ours PHASE OUTDIR ARRAY BYTES [ENV=VALUE ...]: this project's export over S3, exactly as documented
ours() {
  local phase="$1" dir="$2" name="$3" bytes="$4"; shift 4
  measure "$phase" ours "$name" "$bytes" "$dir" "$@" -- \
    "$CLI" export --s3-uri "s3://$BUCKET/$CONTAINER" --endpoint "${via:-$endpoint}" --array "recon-1/em/$name" \
      --level s0 --output "$dir" --max-bytes 8G
}
# zarrpy PHASE OUTDIR ARRAY BYTES: the zarr-python baseline over the same server
zarrpy() {
  local phase="$1" dir="$2" name="$3" bytes="$4"
  measure "$phase" zarr-python "$name" "$bytes" "$dir" -- \
    $PY "$here/zarr_python_export.py" --endpoint "${via:-$endpoint}" --bucket "$BUCKET" --container "$CONTAINER" \
      --array "recon-1/em/$name" --level s0 --output "$dir"
}

out="$work/out"
rm -rf "${out:?}"/*

# Warm-up (not timed): JITs s3proxy, fills the page cache, proves both exporters work.
if (( v2 )); then
  read -r wname _ wbytes _ <<< "${arrays[0]}"
  say "warm-up: one untimed export of $wname by each tool"
  find "$container_dir" -type f -exec cat {} + > /dev/null
  ours warmup "$out/warm-ours" "$wname" "$wbytes"
  zarrpy warmup "$out/warm-py" "$wname" "$wbytes"
  rm -rf "$out/warm-ours" "$out/warm-py"
fi

# each_codec_array COMMAND...: runs COMMAND... NAME CODEC BYTES STORED for every codec array
# (all but the ~2 GB one)
each_codec_array() {
  local line name codec bytes stored
  for line in "${arrays[@]}"; do
    read -r name codec bytes stored <<< "$line"
    [[ "$name" == *-big ]] && continue
    "$@" "$name" "$codec" "$bytes" "$stored"
  done
}
# compare PHASE NAME OURS_DIR PY_DIR: notes whether the two .npy files are byte-identical (cmp),
# then deletes both directories unless --keep-output
compare() {
  local phase="$1" name="$2" d_ours="$3" d_py="$4" same
  if cmp -s "$(npy_in "$d_ours")" "$(npy_in "$d_py")"; then same=yes; else same=no; fi
  note "$phase" "$name" identical "$same"
  [[ "$same" == yes ]] || say "  $phase $name: the two .npy files DIFFER ($(npy_in "$d_ours") vs $(npy_in "$d_py"))"
  (( keep )) || rm -rf "$d_ours" "$d_py"
}
# both_tools PHASE WHAT NAME CODEC BYTES STORED: both tools export the array over S3
# ("${via:-$endpoint}"), --repeat times, alternating which goes first
both_tools() {
  local phase="$1" what="$2" name="$3" codec="$4" bytes="$5" r d_ours d_py
  say "$what export of recon-1/em/$name/s0 ($codec, $((bytes / 1000000)) MB), $repeat run(s) per tool"
  for r in $(seq "$repeat"); do
    d_ours="$out/$phase-$name-$r-ours"; d_py="$out/$phase-$name-$r-py"
    if (( r % 2 )); then ours "$phase" "$d_ours" "$name" "$bytes"; zarrpy "$phase" "$d_py" "$name" "$bytes"
    else zarrpy "$phase" "$d_py" "$name" "$bytes"; ours "$phase" "$d_ours" "$name" "$bytes"; fi
    compare "$phase" "$name" "$d_ours" "$d_py"
  done
}

# ---- 1. S3: both tools, per codec array
each_codec_array both_tools s3 S3

# ---- 2. local store: this project vs a raw copy of the chunk bytes (and zarr-python)
timed() { # phase tool array bytes -- command (a shell string)
  local phase="$1" tool="$2" array="$3" bytes="$4"; shift 5
  measure "$phase" "$tool" "$array" "$bytes" "$out/none" -- bash -c "$1"
}
local_row() { # NAME CODEC BYTES STORED
  local name="$1" codec="$2" bytes="$3" stored="$4" src="$container_dir/recon-1/em/$1/s0" r d_ours d_py
  say "local export of $src ($codec): raw copies vs exports, $repeat run(s)"
  find "$src" -type f -exec cat {} + > /dev/null   # page cache warm for every reader
  for r in $(seq "$repeat"); do
    timed local cat-devnull "$name" "$stored" -- "find '$src' -type f -print0 | xargs -0 cat > /dev/null"
    timed local cat-file "$name" "$stored" -- "find '$src' -type f -print0 | xargs -0 cat > '$out/chunks.bin'"
    rm -f "$out/chunks.bin"
    timed local cp-r "$name" "$stored" -- "cp -r '$src' '$out/copy'"
    rm -rf "$out/copy"
    d_ours="$out/local-$name-$r-ours"; d_py="$out/local-$name-$r-py"
    measure local ours "$name" "$bytes" "$d_ours" -- \
      "$CLI" export --s3-uri "$container_dir" --array "recon-1/em/$name" --level s0 --output "$d_ours" \
        --max-bytes 8G
    measure local zarr-python "$name" "$bytes" "$d_py" -- \
      $PY "$here/zarr_python_export.py" --local "$container_dir" --array "recon-1/em/$name" --level s0 --output "$d_py"
    compare local "$name" "$d_ours" "$d_py"
  done
}
each_codec_array local_row

# ---- 3. remote reality: both tools through a loopback proxy adding 20 ms to every request
# (bench/latency_proxy.py), each with its default settings.
latency_on() { # starts the proxy; exports then go through it ("${via:-$endpoint}")
  local lat_port_file="$work/latency-proxy.port" i
  rm -f "$lat_port_file"
  $PY "$here/latency_proxy.py" --upstream "127.0.0.1:$port" --latency-ms 20 --port-file "$lat_port_file" \
    >> "$log/latency-proxy.log" 2>&1 &
  proxy_pid=$!
  for i in $(seq 100); do [[ -s "$lat_port_file" ]] && break; sleep 0.1; done
  [[ -s "$lat_port_file" ]] || die "the latency proxy did not start (see $log/latency-proxy.log)"
  via="http://127.0.0.1:$(cat "$lat_port_file")"
  say "latency proxy (pid $proxy_pid) at $via: 20 ms per request"
}
latency_off() {
  kill "$proxy_pid" 2>/dev/null || true
  wait "$proxy_pid" 2>/dev/null || true
  proxy_pid=""; via=""
}
if (( v2 )); then
  latency_on
  each_codec_array both_tools latency "20 ms latency:"
  latency_off
fi

# ---- 4. inside a running JVM, as Fiji runs it: ImageJ 1 exports the array twice in one JVM
# (bench/export_twice.ijm through scripts/imagej -batch); the second export's own time is the
# row's figure, next to zarr-python's cold export (one Python process per export).
in_jvm_row() { # NAME CODEC BYTES STORED
  local name="$1" codec="$2" bytes="$3" r d_ours d_py
  say "in one JVM: recon-1/em/$name/s0 ($codec) exported twice, $repeat run(s)"
  for r in $(seq "$repeat"); do
    d_ours="$out/jvm-$name-$r-ours"; d_py="$out/jvm-$name-$r-py"
    rm -rf "$d_ours"
    measure injvm ours "$name" "$bytes" "$d_ours/second" -- "$root/scripts/imagej" --headless -batch \
      "$here/export_twice.ijm" "address=[s3://$BUCKET/$CONTAINER] endpoint=[$endpoint] array=[recon-1/em/$name] level=s0 limit=8G|$d_ours"
    zarrpy injvm "$d_py" "$name" "$bytes"
    compare injvm "$name" "$d_ours/second" "$d_py"
    (( keep )) || rm -rf "$d_ours"
  done
}
each_codec_array in_jvm_row

# ---- 4b. the machine's limit: 16 plain concurrent GETs of the same chunks + native decoding
# (bench/machine_limit.py), best of the runs.
limit_row() { # NAME CODEC BYTES STORED
  local name="$1" codec="$2" r limit_json
  say "machine limit for recon-1/em/$name/s0 ($codec)"
  for r in $(seq "$repeat"); do
    limit_json="$($PY "$here/machine_limit.py" --endpoint "$endpoint" --bucket "$BUCKET" \
      --key-prefix "$CONTAINER/recon-1/em/$name/s0" --local-dir "$container_dir/recon-1/em/$name/s0")"
    printf '{"phase":"limit","tool":"limit","array":"%s","limit":%s}\n' "$name" "$limit_json" >> "$runs"
  done
}
each_codec_array limit_row

# ---- 5. the ~2 GB array: peak RSS of this project (goal < 300 MB), zarr-python for reference.
# BENCH_BIG_JAVA_OPTS may list several option sets separated by "|" (an empty set = the launcher's
# defaults), e.g. "|-Xmx256m": one export per set. Outputs are compared by SHA-256 (sha256sum,
# computed here) so that only one 2 GB file is on disk at a time.
IFS='|' read -r -a big_opt_sets <<< "${BENCH_BIG_JAVA_OPTS:-}"
(( ${#big_opt_sets[@]} )) || big_opt_sets=("")
[[ "${BENCH_BIG_JAVA_OPTS:-}" == *'|' ]] && big_opt_sets+=("")
for line in "${arrays[@]}"; do
  read -r name codec bytes stored <<< "$line"
  [[ "$name" == *-big ]] || continue
  sums=()
  for opts in "${big_opt_sets[@]}"; do
    opts="$(echo "$opts" | xargs)"   # trim
    say "big: S3 export of recon-1/em/$name/s0 ($codec, $((bytes / 1000000)) MB), OPENORGANELLE_JAVA_OPTS=${opts:-${OPENORGANELLE_JAVA_OPTS:-(none)}}"
    d_ours="$out/big-ours"
    if [[ -n "$opts" ]]; then ours big "$d_ours" "$name" "$bytes" OPENORGANELLE_JAVA_OPTS="$opts"
    else ours big "$d_ours" "$name" "$bytes"; fi
    sums+=("$(sha256sum "$(npy_in "$d_ours")" | cut -d' ' -f1)")
    if (( keep )); then mv "$d_ours" "$d_ours-$(date +%s%N)"; else rm -rf "$d_ours"; fi
  done
  if (( python_big )); then
    d_py="$out/big-py"
    zarrpy big "$d_py" "$name" "$bytes"
    sum_py="$(sha256sum "$(npy_in "$d_py")" | cut -d' ' -f1)"
    for sum in "${sums[@]}"; do
      if [[ "$sum" == "$sum_py" ]]; then same=yes; else same=no; fi
      note big "$name" identical "$same"
    done
    (( keep )) || rm -rf "$d_py"
  fi
done

# ---- 6. sharded Zarr v3, this project only (zarr-python 2.13 reads no Zarr v3): each array of
# bench/make_data_v3.py (sharded, and the same voxels unsharded) over S3 directly, then through the
# 20 ms proxy, --repeat rounds of every array in turn, each round also exporting the region
# $V3_REGION (one inner chunk) of every array. Every run has --debug: its closing
# "debug: N requests, R retries" line gives the request count. Every .npy is compared (cmp) with
# the voxels the data was made from (make_data_v3.py's expected .npy, or its slice for the region).
# v3_row PHASE NAME BYTES EXPECTED [EXPORT ARGS...]
v3_row() {
  local phase="$1" name="$2" bytes="$3" expected="$4" dir="$out/$1-$2-${r:-0}" n same; shift 4
  measure "$phase" ours "$name" "$bytes" "$dir" -- "$CLI" export --s3-uri "s3://$BUCKET/$V3_CONTAINER" \
    --endpoint "${via:-$endpoint}" --array "recon-1/em/$name" --level s0 --output "$dir" --max-bytes 8G --debug "$@"
  n="$(sed -n 's/^debug: \([0-9]*\) requests\{0,1\}, .*/\1/p' "$last_run.err")"
  note "$phase" "$name" requests "${n:-?}"
  if cmp -s "$(npy_in "$dir")" "$expected"; then same=yes; else same=no; fi
  [[ "$same" == yes ]] || say "  $phase $name: $(npy_in "$dir") DIFFERS from $expected"
  note "$phase" "$name" identical "$same"
  (( keep )) || rm -rf "$dir"
}
v3_rounds() { # PHASE WHAT
  local phase="$1" line name bytes expected r
  say "$2: $repeat round(s) of ${#v3_arrays[@]} exports of s0 and of the region $V3_REGION"
  for r in $(seq "$repeat"); do
    for line in "${v3_arrays[@]}"; do
      read -r name bytes expected <<< "$line"
      v3_row "$phase" "$name" "$bytes" "$expected"
    done
    for line in "${v3_arrays[@]}"; do
      read -r name bytes expected <<< "$line"
      v3_row "$phase-region" "$name" "$region_bytes" "$out/region-$(basename "$expected")" \
        --region "$V3_REGION"
    done
  done
}
if (( sharded )); then
  # name nbytes expected-npy, one array a line
  mapfile -t v3_arrays < <($PY -c 'import json,sys
for a in json.loads(sys.argv[1])["arrays"]: print(a["name"], a["nbytes"], a["expected"])' "$v3_summary")
  for expected in $(printf '%s\n' "${v3_arrays[@]}" | cut -d' ' -f3 | sort -u); do
    region_bytes="$($PY -c 'import numpy as np, sys
a = np.load(sys.argv[1], mmap_mode="r")[tuple(slice(*map(int, b.split(":"))) for b in sys.argv[3].split(","))]
np.save(sys.argv[2], a); print(a.nbytes)' "$expected" "$out/region-$(basename "$expected")" "$V3_REGION")"
  done
  find "$data/$BUCKET/$V3_CONTAINER" -type f -exec cat {} + > /dev/null
  read -r wname wbytes wexpected <<< "${v3_arrays[0]}"
  say "sharded v3 warm-up: one untimed export of $wname"
  v3_row v3warmup "$wname" "$wbytes" "$wexpected"
  v3_rounds v3 "sharded v3 over S3"
  latency_on
  v3_rounds v3-latency "sharded v3, 20 ms latency"
  latency_off
fi

cleanup
# ---------------------------------------------------------------- report
{
  echo "cli=$CLI"
  echo "repeat=$repeat"
  parts=(); (( v2 )) && parts+=("Zarr v2 vs zarr-python"); (( sharded )) && parts+=("sharded Zarr v3")
  echo "parts=$(IFS=,; echo "${parts[*]}")"
  echo "quick=$quick"
  echo "endpoint=$endpoint (s3proxy $S3PROXY_VERSION, filesystem backend, pid stopped)"
  echo "java=$(java -version 2>&1 | head -n 1)"
  echo "python=$($PY -c 'import importlib, sys
v = [sys.version.split()[0]]
for m in "zarr numcodecs numpy fsspec aiohttp zstandard".split():
    try:
        v.append("%s %s" % (m, importlib.import_module(m).__version__))
    except ImportError:
        pass
print(" ".join(v))')"
  echo "malloc_env=$(env | grep '^MALLOC_' | tr '\n' ' ' || true)"
  echo "openorganelle_java_opts=${OPENORGANELLE_JAVA_OPTS:-}"
  echo "commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (+ uncommitted changes in src/pom.xml)')"
  echo "machine=$(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
  echo "server_errors_total=$(server_errors)"
  jar_end="$(jar_id)"
  if [[ "$jar_start" == "$jar_end" ]]; then echo "jar=$jar_start"
  else echo "jar=$jar_start at the start, $jar_end at the end: REBUILT during the run (mixed versions)"; fi
  echo "load_average=$load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end (1/5/15 min; other work on the machine skews timings)"
} > "$work/run-info.txt"
$PY "$here/report.py" --runs "$runs" --info "$work/run-info.txt" --data-summary "$summary" --v3-summary "$v3_summary" \
  --rss-goal-mb "$BIG_RSS_GOAL_MB" --out "$work/results.md"
