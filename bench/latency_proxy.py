#!/usr/bin/python3
"""A loopback TCP proxy that delays every HTTP request by a fixed latency, as a remote bucket would.

    /usr/bin/python3 bench/latency_proxy.py --upstream 127.0.0.1:PORT [--latency-ms 20] [--port-file F]

Listens on 127.0.0.1 only (a free port, printed and written to --port-file), relays each client
connection to the upstream server, and holds every request's bytes back by the latency before
forwarding them: a request starts when the client sends after having received an answer (GETs
carry no body), so one delay per request, also on kept-alive connections. Delays are asyncio
sleeps, so requests on other connections are never held up: the proxy adds latency, not a
limit (at most --max-connections at once). Answers are relayed at once, in 256 KiB reads.
"""
import argparse
import asyncio
import sys

READ = 256 * 1024


async def relay_requests(client, server, latency, state):
    while True:
        data = await client.read(READ)
        if not data:
            break
        if state["answered"]:
            state["answered"] = False
            await asyncio.sleep(latency)
        server.write(data)
        await server.drain()


async def relay_answers(server, client, state):
    while True:
        data = await server.read(READ)
        if not data:
            break
        state["answered"] = True
        client.write(data)
        await client.drain()


async def handle(reader, writer, upstream, latency, slots):
    async with slots:
        try:
            server_reader, server_writer = await asyncio.open_connection(*upstream)
        except OSError:
            writer.close()
            return
        state = {"answered": True}
        tasks = [asyncio.ensure_future(relay_requests(reader, server_writer, latency, state)),
                 asyncio.ensure_future(relay_answers(server_reader, writer, state))]
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for t in tasks:
                t.cancel()
            for w in (writer, server_writer):
                w.close()


async def serve(a):
    host, port = a.upstream.rsplit(":", 1)
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("latency_proxy.py: the upstream must be on loopback, not " + host)
    slots = asyncio.Semaphore(a.max_connections)
    server = await asyncio.start_server(
        lambda r, w: handle(r, w, (host, int(port)), a.latency_ms / 1000.0, slots), "127.0.0.1", 0)
    bound = server.sockets[0].getsockname()[1]
    print(bound, flush=True)
    if a.port_file:
        with open(a.port_file, "w") as f:
            f.write("%d\n" % bound)
    async with server:
        await server.serve_forever()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--upstream", required=True, help="HOST:PORT of the server, on loopback")
    ap.add_argument("--latency-ms", type=float, default=20)
    ap.add_argument("--max-connections", type=int, default=256)
    ap.add_argument("--port-file")
    asyncio.run(serve(ap.parse_args()))


if __name__ == "__main__":
    main()
