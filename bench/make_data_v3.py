#!/usr/bin/python3
"""Write the benchmark's Zarr v3 arrays, sharded and unsharded, from the same voxels.

    /usr/bin/python3 bench/make_data_v3.py --root bench/work/data [--quick] [--force]

Layout (ROOT/BUCKET is the bucket directory that s3proxy's filesystem backend serves):

    ROOT/janelia-cosem-datasets/jrc_bench-v3/jrc_bench-v3.zarr/zarr.json   (group; also recon-1, recon-1/em)
        recon-1/em/<name>/zarr.json       group, OME-Zarr 0.5 attributes.ome.multiscales (one level, s0)
        recon-1/em/<name>/s0/zarr.json    array, uint8, default chunk keys "c/z/y/x"
    ROOT/expected-v3/<data>.npy           the voxels the arrays were made from (np.save), for cmp

Arrays (--quick: smaller shapes, same chunk and shard sizes where they fit):

    fibsem-uint8-sharded         512x640x640 (210 MB), sharding_indexed: 256^3 shards of 64^3 inner chunks
                                 (bytes, zstd level 1 without checksum; index bytes(little) + crc32c at the end),
                                 2x3x3 shards, the last in y and x half outside the array
    fibsem-uint8-unsharded       the same voxels, 64^3 chunks, bytes + zstd level 1
    fibsem-uint8-sharded-wide    256x1024x1024 (268 MB) in one 256x1024x1024 shard of 4x16x16 = 1024 inner
                                 64^3 chunks: the inner-chunk count and plane size of a jrc_mosquito-stylet-6
                                 1024^3 shard's top quarter
    fibsem-uint8-unsharded-wide  the same voxels, 64^3 chunks

The voxels are make_data.py's uint8 FIB-SEM-like field (plateaus, soft edges, noise); the shards and
chunks are encoded by the fixture writers of scripts/fixtures (make_zarr3_sharded_fixtures.write_sharded,
make_zarr3_fixtures.write_array), given a zstd level 1 codec without checksum (what the real stores use)
as codec kind "zstd1". Idempotent like make_data.py (a marker ROOT/.done-<name>.json per array).
Prints one line per array and, at the end, a JSON summary line (prefixed "SUMMARY ").
"""
import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import zstandard

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts" / "fixtures"))
import make_data  # noqa: E402  (bench/make_data.py: the EM-like voxels)
import make_zarr3_fixtures as v3  # noqa: E402
import make_zarr3_sharded_fixtures as sharded  # noqa: E402

BUCKET = make_data.BUCKET
DATASET = "jrc_bench-v3"
CHUNK = (64, 64, 64)
VOXEL_NM = [3.24, 4.0, 4.0]  # z, y, x; the jrc_mosquito-stylet-6 s0 spacing
ZSTD1 = [{"name": "zstd", "configuration": {"level": 1, "checksum": False}}]


def _codecs(original):
    """The fixture writers' bytes_codecs, plus the kind "zstd1"."""
    def codecs(kind, dtype):
        if kind == "zstd1":
            return ZSTD1, zstandard.ZstdCompressor(level=1, write_checksum=False).compress
        return original(kind, dtype)
    return codecs


v3.bytes_codecs = sharded.bytes_codecs = _codecs(v3.bytes_codecs)
v3.CHUNKS = CHUNK  # write_array's chunk shape


def specs(quick):
    main, wide = ((256, 320, 320), (128, 512, 512)) if quick else ((512, 640, 640), (256, 1024, 1024))
    out = []
    for data, shape, seed, shard in (("main", main, 21, (256, 256, 256)), ("wide", wide, 22, wide)):
        suffix = "" if data == "main" else "-wide"
        for name, s in (("fibsem-uint8-sharded" + suffix, list(shard)), ("fibsem-uint8-unsharded" + suffix, None)):
            out.append({"name": name, "data": data, "codec": "zstd1", "dtype": "uint8", "shape": list(shape),
                        "chunks": list(CHUNK), "shard": s, "seed": seed, "nbytes": int(np.prod(shape)),
                        "version": 1})
    return out


def voxels(spec):
    grids = make_data.coarse_grid(spec, 24)
    z = spec["shape"][0]
    return np.concatenate([make_data.make_slab(spec, z0, min(z, z0 + 64), grids) for z0 in range(0, z, 64)])


def group_dir(root, name):
    return Path(root) / BUCKET / DATASET / (DATASET + ".zarr") / "recon-1" / "em" / name


def generate(root, spec, data):
    group = group_dir(root, spec["name"])
    if group.exists():
        shutil.rmtree(group)
    container = group.parents[2]
    for g in (container, container / "recon-1", container / "recon-1" / "em"):
        v3.write_group(g, {})
    v3.write_group(group, {"ome": {"version": "0.5", "multiscales": [{
        "name": spec["name"],
        "axes": [{"name": n, "type": "space", "unit": "nanometer"} for n in "zyx"],
        "datasets": [{"path": "s0", "coordinateTransformations": [
            {"type": "scale", "scale": VOXEL_NM}, {"type": "translation", "translation": [0.0, 0.0, 0.0]}]}]}]}})
    if spec["shard"]:
        sharded.write_sharded(group / "s0", "uint8", data, tuple(spec["shard"]), CHUNK, "zstd1", "little", None,
                              sharded.INDEX_CODECS[0], "end", "default", "/", 0, False, 0)
    else:
        v3.write_array("s0", "uint8", data, "zstd1", "little", None, "default", "/", 0, False, out=group)
        (group / "s0.npy").unlink()  # write_array's copy of the voxels: the expected .npy is kept elsewhere


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True, help="data root (s3proxy filesystem basedir)")
    ap.add_argument("--quick", action="store_true", help="small arrays (smoke test of the harness)")
    ap.add_argument("--force", action="store_true", help="rewrite arrays even when up to date")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    os.makedirs(os.path.join(root, "expected-v3"), exist_ok=True)
    summary, cache = [], {}
    for spec in specs(a.quick):
        marker = os.path.join(root, ".done-%s.json" % spec["name"])
        path = group_dir(root, spec["name"]) / "s0"
        expected = os.path.join(root, "expected-v3", "%s.npy" % spec["data"])
        done = json.load(open(marker)) if os.path.exists(marker) and path.is_dir() else None
        t = time.time()
        if a.force or done is None or done.get("spec") != spec or not os.path.exists(expected):
            if os.path.exists(marker):
                os.remove(marker)
            if spec["data"] not in cache:
                cache.clear()
                cache[spec["data"]] = voxels(spec)
                np.save(expected, cache[spec["data"]])
            generate(root, spec, cache[spec["data"]])
            stored, files = make_data.du(str(path))
            done = {"spec": spec, "stored_bytes": stored, "files": files}
            make_data.write_json(marker, done)
            state = "written in %.1f s" % (time.time() - t)
        else:
            state = "up to date"
        print("make_data_v3: %-27s %-13s %-20s %6.1f MB raw, %6.1f MB stored in %d objects, %s" % (
            spec["name"], "x".join(map(str, spec["shape"])),
            "shards " + "x".join(map(str, spec["shard"])) if spec["shard"] else "unsharded",
            spec["nbytes"] / 1e6, done["stored_bytes"] / 1e6, done["files"] - 1, state), flush=True)
        summary.append(dict(spec, stored_bytes=done["stored_bytes"], objects=done["files"] - 1,
                            expected=expected))
    print("SUMMARY " + json.dumps({"root": root, "bucket": BUCKET, "container": "%s/%s.zarr" % (DATASET, DATASET),
                                   "arrays": summary}))


if __name__ == "__main__":
    main()
