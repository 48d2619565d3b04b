#!/usr/bin/python3
"""The original loader's stack, as a benchmark baseline: zarr-python 2 + numpy.

Run with Debian's Python (zarr 2.13, numcodecs 0.11, numpy 1.24, fsspec + aiohttp for HTTP):

    /usr/bin/python3 bench/zarr_python_export.py --endpoint http://127.0.0.1:PORT \\
        --bucket janelia-cosem-datasets --container jrc_bench-1/jrc_bench-1.zarr \\
        --array recon-1/em/fibsem-int16-zstd1 --level s0 --output DIR [--store http|s3fs]

    /usr/bin/python3 bench/zarr_python_export.py --local /path/to/jrc_bench-1.zarr \\
        --array recon-1/em/fibsem-int16-zstd1 --level s0 --output DIR

What it does is what the original Python loader did for one array, step by step:

    arr  = zarr.open(store, mode="r")[array/level]
    data = arr[:]                      # every chunk fetched (fsspec, concurrently) and decoded
    np.save(DIR/<name>_<level>_<timestamp>.npy, data)
    sha256 of the written file (hashlib, 8 MiB reads)
    data.mean()
    DIR/metadata_<name>_<level>_<timestamp>.json

Stores:
  --store http (default): zarr.storage.FSStore("http://HOST:PORT/BUCKET/CONTAINER") -- fsspec's
      HTTP file system (aiohttp), plain GETs on the path-style S3 URLs of an anonymous
      S3-compatible server.  Debian packages no s3fs, so this is the closest stack that
      installs from Debian alone; the requests are the same anonymous GETs s3fs would send.
  --store s3fs: FSStore("s3://BUCKET/CONTAINER", anon=True, client_kwargs={"endpoint_url": ...})
      -- the original loader's exact stack; needs the s3fs package (not in Debian 12; untested here).
  --local PATH: zarr's DirectoryStore on a local container.

The last line on stdout is "RESULT " + JSON with the timings (open, read, save, sha256,
mean, total seconds), the file, its size, sha256 and the mean.
"""
import argparse
import datetime
import hashlib
import json
import os
import sys
import time

try:
    import numpy as np
    import zarr
except ImportError as e:  # pragma: no cover
    sys.exit("zarr_python_export.py: %s; install Debian's python3-zarr python3-numcodecs python3-numpy "
             "python3-fsspec python3-aiohttp python3-requests and run with /usr/bin/python3" % e)


def sha256_file(path, block=8 << 20):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            b = f.read(block)
            if not b:
                break
            h.update(b)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description="Export one Zarr array level to .npy with zarr-python + numpy.")
    ap.add_argument("--endpoint", help="S3-compatible endpoint, e.g. http://127.0.0.1:9000 (path-style)")
    ap.add_argument("--bucket", default="janelia-cosem-datasets")
    ap.add_argument("--container", help="container key prefix in the bucket, e.g. jrc_bench-1/jrc_bench-1.zarr")
    ap.add_argument("--local", help="local container directory instead of --endpoint/--bucket/--container")
    ap.add_argument("--store", choices=("http", "s3fs"), default="http")
    ap.add_argument("--array", required=True, help="multiscale group in the container, e.g. recon-1/em/fibsem-uint8")
    ap.add_argument("--level", default="s0")
    ap.add_argument("--output", required=True, help="output directory")
    a = ap.parse_args()

    t0 = time.perf_counter()
    if a.local:
        store = zarr.storage.DirectoryStore(a.local)
        source = os.path.abspath(a.local)
    elif a.endpoint and a.container:
        if a.store == "s3fs":
            source = "s3://%s/%s" % (a.bucket, a.container.strip("/"))
            store = zarr.storage.FSStore(source, mode="r", anon=True,
                                         client_kwargs={"endpoint_url": a.endpoint})
        else:
            source = "%s/%s/%s" % (a.endpoint.rstrip("/"), a.bucket, a.container.strip("/"))
            store = zarr.storage.FSStore(source, mode="r")
    else:
        ap.error("give --local PATH, or --endpoint and --container")
    root = zarr.open(store, mode="r")
    arr = root["%s/%s" % (a.array.strip("/"), a.level)]
    t_open = time.perf_counter()

    data = arr[:]
    t_read = time.perf_counter()

    os.makedirs(a.output, exist_ok=True)
    name = a.array.strip("/").split("/")[-1]
    stamp = datetime.datetime.now().strftime("%Y%m%d_%H%M%S")
    npy = os.path.join(a.output, "%s_%s_%s.npy" % (name, a.level, stamp))
    np.save(npy, data)
    t_save = time.perf_counter()

    digest = sha256_file(npy)
    t_sha = time.perf_counter()

    mean = float(data.mean())
    t_mean = time.perf_counter()

    result = {
        "source": source, "array": a.array, "level": a.level, "shape": list(data.shape), "dtype": str(data.dtype),
        "compressor": arr.compressor.get_config() if arr.compressor is not None else None,
        "npy": os.path.abspath(npy), "npy_bytes": os.path.getsize(npy), "data_bytes": int(data.nbytes),
        "sha256": digest, "mean": mean,
        "seconds": {"open": t_open - t0, "read": t_read - t_open, "save": t_save - t_read,
                    "sha256": t_sha - t_save, "mean": t_mean - t_sha, "total": t_mean - t0},
        "versions": {"zarr": zarr.__version__, "numpy": np.__version__},
    }
    with open(os.path.join(a.output, "metadata_%s_%s_%s.json" % (name, a.level, stamp)), "w") as f:
        json.dump(result, f, indent=2)
    print("zarr-python: %s/%s %s %s read %.2f s, save %.2f s, sha256 %.2f s, mean %.2f s, total %.2f s" % (
        a.array, a.level, "x".join(map(str, data.shape)), data.dtype, result["seconds"]["read"],
        result["seconds"]["save"], result["seconds"]["sha256"], result["seconds"]["mean"],
        result["seconds"]["total"]), file=sys.stderr)
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
