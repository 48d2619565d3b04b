#!/usr/bin/python3
"""The machine's limit for exporting one array: plain concurrent GETs of its chunks + native decoding.

    /usr/bin/python3 bench/machine_limit.py --endpoint http://127.0.0.1:PORT --bucket B \\
        --key-prefix CONTAINER/ARRAY/s0 --local-dir DATA/B/CONTAINER/ARRAY/s0 [--concurrency 16]

Lists the chunk files under --local-dir (the server's own files), GETs every one from the server
with --concurrency threads on kept-alive connections (http.client, nothing else done with the
bytes), then decodes every chunk once with numcodecs (native libzstd / c-blosc / zlib) on one
thread. Prints one JSON line: get_s (wall), decode_cpu_s (CPU seconds on one core), cores, and
limit_s = max(get_s, decode_cpu_s / cores): the time an export of the array cannot beat here
(fetching and decoding overlapped perfectly, no output written).
"""
import argparse
import http.client
import json
import os
import threading
import time
import urllib.parse

import numcodecs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--bucket", required=True)
    ap.add_argument("--key-prefix", required=True)
    ap.add_argument("--local-dir", required=True)
    ap.add_argument("--concurrency", type=int, default=16)
    a = ap.parse_args()
    meta = json.load(open(os.path.join(a.local_dir, ".zarray")))
    keys = []
    for root, _, files in os.walk(a.local_dir):
        for name in files:
            if not name.startswith("."):
                keys.append(os.path.relpath(os.path.join(root, name), a.local_dir))
    url = urllib.parse.urlparse(a.endpoint)
    todo = list(keys)
    lock = threading.Lock()
    bodies = {}

    def fetch():
        connection = http.client.HTTPConnection(url.hostname, url.port)
        while True:
            with lock:
                if not todo:
                    break
                key = todo.pop()
            connection.request("GET", "/%s/%s/%s" % (a.bucket, a.key_prefix, key))
            response = connection.getresponse()
            body = response.read()
            if response.status != 200:
                raise SystemExit("machine_limit.py: GET %s -> HTTP %d" % (key, response.status))
            bodies[key] = body
        connection.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=fetch) for _ in range(a.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    get_s = time.perf_counter() - start
    codec = numcodecs.get_codec(meta["compressor"]) if meta["compressor"] else None
    cpu = time.process_time()
    for body in bodies.values():
        if codec is not None:
            codec.decode(body)
    decode_cpu_s = time.process_time() - cpu
    cores = os.cpu_count() or 1
    print(json.dumps({"chunks": len(bodies), "stored_bytes": sum(map(len, bodies.values())), "get_s": get_s,
                      "decode_cpu_s": decode_cpu_s, "cores": cores,
                      "limit_s": max(get_s, decode_cpu_s / cores)}))


if __name__ == "__main__":
    main()
