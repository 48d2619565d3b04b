#!/usr/bin/python3
"""Write the benchmark's Zarr v2 arrays: a miniature COSEM/OpenOrganelle bucket on disk.

Run with Debian's Python (zarr 2.13, numcodecs 0.11, numpy 1.24):

    /usr/bin/python3 bench/make_data.py --root bench/work/data [--quick] [--no-big] [--force]

Layout (ROOT/BUCKET is the bucket directory that s3proxy's filesystem backend serves):

    ROOT/janelia-cosem-datasets/jrc_bench-1/jrc_bench-1.zarr/.zgroup
        recon-1/.zgroup
        recon-1/em/.zgroup
        recon-1/em/<name>/.zgroup + .zattrs   (OME-NGFF 0.4 "multiscales", the form of the real
                                               jrc_mus-nacc-2 recon-2/em/fibsem-int16 group)
        recon-1/em/<name>/s0/.zarray + chunks (nested "/" keys, no .zattrs, like the real stores)

Arrays (full size; --quick divides each axis so the data is about 1/8 or less):

    fibsem-int16-zstd1    (256, 640, 640) int16  ~210 MB, chunks 64^3, Zstd(level=1)
    fibsem-int16-blosc    (256, 640, 640) int16  ~210 MB, chunks 64^3, Blosc() defaults
                          (cname lz4, clevel 5, shuffle 1 = byte shuffle, blocksize 0)
    fibsem-int16-gzip1    (256, 640, 640) int16  ~210 MB, chunks 64^3, GZip(level=1)
    fibsem-uint8-big      (512, 2048, 2048) uint8 ~2.1 GB, chunks 64^3, Zstd(level=1)
                          (the memory test; --no-big skips it)

Voxel values look like FIB-SEM EM: a smooth random field (trilinearly interpolated from a
coarse random grid: "cells" and "organelles" 10-40 voxels across), saturated into plateaus
with soft edges, plus voxel noise, so every codec compresses by roughly 1.5-1.7x, as real
noisy FIB-SEM data does, rather than trivially.  Everything is deterministic (fixed seeds;
numcodecs' GZip header MTIME is pinned).

Idempotent: a finished array gets a marker file ROOT/.done-<name>.json holding the
parameters it was written with; an array whose marker matches is skipped (--force rewrites).
The arrays are written slab by slab (64 z-planes at a time) by two worker processes.
Prints one line per array and, at the end, a JSON summary line (prefixed "SUMMARY ").
"""
import argparse
import gzip
import json
import os
import shutil
import sys
import time
from multiprocessing import Pool

import numpy as np

try:
    import numcodecs
    import zarr
except ImportError as e:  # pragma: no cover
    sys.exit("make_data.py: %s; install Debian's python3-zarr python3-numcodecs python3-numpy "
             "and run with /usr/bin/python3" % e)

BUCKET = "janelia-cosem-datasets"
DATASET = "jrc_bench-1"
CHUNK = 64
VOXEL_NM = [2.96, 4.0, 4.0]  # z, y, x; the jrc_mus-nacc-2 s0 spacing


def compressor(kind):
    if kind == "zstd1":
        return numcodecs.Zstd(level=1)
    if kind == "blosc":
        return numcodecs.Blosc()  # lz4, clevel 5, SHUFFLE, blocksize 0: what real COSEM stores carry
    if kind == "gzip1":
        return numcodecs.GZip(level=1)
    raise ValueError(kind)


def specs(quick, big):
    if quick:
        small, large = (128, 320, 320), (256, 1024, 1024)
    else:
        small, large = (256, 640, 640), (512, 2048, 2048)
    out = [
        {"name": "fibsem-int16-zstd1", "codec": "zstd1", "dtype": "int16", "shape": small, "seed": 11},
        {"name": "fibsem-int16-blosc", "codec": "blosc", "dtype": "int16", "shape": small, "seed": 12},
        {"name": "fibsem-int16-gzip1", "codec": "gzip1", "dtype": "int16", "shape": small, "seed": 13},
    ]
    if big:
        out.append({"name": "fibsem-uint8-big", "codec": "zstd1", "dtype": "uint8", "shape": large, "seed": 14})
    for s in out:
        s["shape"] = list(s["shape"])
        s["chunks"] = [CHUNK] * 3
        s["nbytes"] = int(np.prod(s["shape"])) * np.dtype(s["dtype"]).itemsize
        s["version"] = 3  # bump when the generator changes
    return out


def _interp_axis(a, axis, n, cell):
    """Linear interpolation of a coarse grid along one axis up to n samples (sample i at i / cell)."""
    pos = np.arange(n, dtype=np.float32) / cell
    i0 = np.floor(pos).astype(np.intp)
    w = (pos - i0).astype(np.float32)
    shape = [1] * a.ndim
    shape[axis] = n
    w = w.reshape(shape)
    lo = np.take(a, i0, axis=axis)
    hi = np.take(a, i0 + 1, axis=axis)
    lo *= (1 - w)
    hi *= w
    lo += hi
    return lo


def coarse_grid(spec, cell):
    """The coarse random grids of the whole array (two scales: cells and organelles)."""
    rng = np.random.default_rng(spec["seed"])
    z, y, x = spec["shape"]
    grids = []
    for c, amp in ((cell, 1.0), (cell // 3, 0.45)):
        g = rng.standard_normal((z // c + 3, y // c + 3, x // c + 3), dtype=np.float32) * amp
        grids.append((c, g))
    return grids


def field_slab(spec, z0, z1, grids):
    """Smooth field for planes z0..z1 (float32, roughly unit variance)."""
    _, y, x = spec["shape"]
    total = None
    for c, g in grids:
        zc0 = z0 // c
        zc1 = (z1 - 1) // c + 2
        sub = g[zc0:zc1 + 1]
        sub = _interp_axis(sub, 2, x, c)
        sub = _interp_axis(sub, 1, y, c)
        # z: sample positions z0..z1-1 relative to zc0*c
        pos = (np.arange(z0, z1, dtype=np.float32) / c) - zc0
        i0 = np.floor(pos).astype(np.intp)
        w = (pos - i0).astype(np.float32)[:, None, None]
        f = sub[i0] * (1 - w)
        f += sub[i0 + 1] * w
        if total is None:
            total = f
        else:
            total += f
    return total


def make_slab(spec, z0, z1, grids):
    f = field_slab(spec, z0, z1, grids)
    rng = np.random.default_rng([spec["seed"], z0])
    if spec["dtype"] == "int16":
        # FIB-SEM int16 (e.g. jrc_mus-nacc-2): values around a few thousand; the field is
        # saturated into plateaus ("compartments") with soft edges ("membranes"), plus noise
        f *= 6.0
        np.clip(f, -1.0, 1.0, out=f)
        f *= 1500.0
        f += 3000.0
        f += rng.standard_normal(f.shape, dtype=np.float32) * 8.0
        return np.clip(np.rint(f), -32768, 32767).astype(np.int16)
    # uint8 (e.g. jrc_hela-2 fibsem-uint8): mid-grey plateaus, contrast +-60, uniform noise of 6 levels
    f *= 6.0
    np.clip(f, -1.0, 1.0, out=f)
    f *= 60.0
    f += 116.0
    out = np.clip(f, 0, 249).astype(np.uint8)
    out += rng.integers(0, 6, size=out.shape, dtype=np.uint8)
    return out


def array_path(root, name):
    return os.path.join(root, BUCKET, DATASET, DATASET + ".zarr", "recon-1", "em", name, "s0")


def _worker(args):
    root, spec, z0, z1 = args
    grids = coarse_grid(spec, 24)
    store = zarr.storage.DirectoryStore(array_path(root, spec["name"]), dimension_separator="/")
    arr = zarr.open_array(store=store, mode="r+")
    arr[z0:z1] = make_slab(spec, z0, z1, grids)
    return z1 - z0


def write_json(path, obj, sort=True):
    with open(path, "w") as f:
        json.dump(obj, f, indent=4, sort_keys=sort)
        f.write("\n")


def write_group_metadata(root, name):
    container = os.path.join(root, BUCKET, DATASET, DATASET + ".zarr")
    for rel in ("", "recon-1", "recon-1/em", "recon-1/em/" + name):
        d = os.path.join(container, rel)
        os.makedirs(d, exist_ok=True)
        write_json(os.path.join(d, ".zgroup"), {"zarr_format": 2})
    # The real OME-NGFF 0.4 form (cosem-data.md section 2.3): keys sorted, "metadata": null,
    # "name": "", "type": null, identity top-level scale; one level (s0) here.
    zattrs = {"multiscales": [{
        "axes": [{"name": a, "type": "space", "unit": "nanometer"} for a in ("z", "y", "x")],
        "coordinateTransformations": [{"scale": [1.0, 1.0, 1.0], "type": "scale"}],
        "datasets": [{"coordinateTransformations": [{"scale": VOXEL_NM, "type": "scale"},
                                                    {"translation": [0.0, 0.0, 0.0], "type": "translation"}],
                      "path": "s0"}],
        "metadata": None,
        "name": "",
        "type": None,
        "version": "0.4"}]}
    write_json(os.path.join(container, "recon-1/em", name, ".zattrs"), zattrs)


def generate(root, spec, procs):
    path = array_path(root, spec["name"])
    if os.path.exists(path):
        shutil.rmtree(path)
    write_group_metadata(root, spec["name"])
    store = zarr.storage.DirectoryStore(path, dimension_separator="/")
    zarr.open_array(store=store, mode="w", shape=spec["shape"], chunks=spec["chunks"], dtype=spec["dtype"],
                    compressor=compressor(spec["codec"]), fill_value=0, order="C")
    slab = CHUNK if spec["nbytes"] > 400e6 else 2 * CHUNK
    jobs = [(root, spec, z0, min(z0 + slab, spec["shape"][0])) for z0 in range(0, spec["shape"][0], slab)]
    if procs > 1 and len(jobs) > 1:
        with Pool(procs) as pool:
            for _ in pool.imap_unordered(_worker, jobs):
                pass
    else:
        for j in jobs:
            _worker(j)


def du(path):
    n = 0
    files = 0
    for d, _, fs in os.walk(path):
        for f in fs:
            n += os.path.getsize(os.path.join(d, f))
            files += 1
    return n, files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True, help="data root (s3proxy filesystem basedir)")
    ap.add_argument("--quick", action="store_true", help="small arrays (smoke test of the harness)")
    ap.add_argument("--no-big", action="store_true", help="skip the ~2 GB memory-test array")
    ap.add_argument("--force", action="store_true", help="rewrite arrays even when up to date")
    ap.add_argument("--procs", type=int, default=min(2, os.cpu_count() or 1))
    a = ap.parse_args()
    # Deterministic gzip headers (numcodecs' GZip writes the current time otherwise).
    _orig = gzip.GzipFile.__init__

    def _init(self, *args, **kw):
        kw.setdefault("mtime", 1700000000)
        _orig(self, *args, **kw)
    gzip.GzipFile.__init__ = _init

    root = os.path.abspath(a.root)
    os.makedirs(os.path.join(root, BUCKET), exist_ok=True)
    summary = []
    for spec in specs(a.quick, not a.no_big):
        marker = os.path.join(root, ".done-%s.json" % spec["name"])
        path = array_path(root, spec["name"])
        done = None
        if os.path.exists(marker) and os.path.isdir(path):
            with open(marker) as f:
                done = json.load(f)
        t = time.time()
        if a.force or done is None or done.get("spec") != spec:
            if os.path.exists(marker):
                os.remove(marker)
            generate(root, spec, a.procs)
            stored, files = du(path)
            done = {"spec": spec, "stored_bytes": stored, "files": files}
            write_json(marker, done)
            state = "written in %.1f s" % (time.time() - t)
        else:
            state = "up to date"
        stored = done["stored_bytes"]
        print("make_data: %-20s %-6s %-17s %7.1f MB raw, %7.1f MB stored (%.2fx), %s" % (
            spec["name"], spec["dtype"], "x".join(map(str, spec["shape"])), spec["nbytes"] / 1e6,
            stored / 1e6, spec["nbytes"] / max(stored, 1), state), flush=True)
        summary.append({"name": spec["name"], "codec": spec["codec"], "dtype": spec["dtype"],
                        "shape": spec["shape"], "nbytes": spec["nbytes"], "stored_bytes": stored,
                        "path": path})
    print("SUMMARY " + json.dumps({"root": root, "bucket": BUCKET, "dataset": DATASET,
                                   "container": "%s/%s.zarr" % (DATASET, DATASET), "arrays": summary}))


if __name__ == "__main__":
    main()
