"""A slow mobile link between the browser and nginx, shaping the real TCP connections (TLS and
HTTP/2 pass through it as bytes): each direction waits half the round trip, every connection's
bytes share one downlink and one uplink at their rates, and a new connection first pays one round
trip for TCP's handshake.

Why not `tc netem` on a veth pair in a network namespace: the kernels Tirkeu's CI and our machines
run have no netem qdisc ("Specified qdisc kind is unknown"), while this works wherever Python does.
What it leaves out is packet-level: TCP's slow start and losses. Slow start would only add to
what it measures, so the figure is a floor on the real link, not a ceiling.

    with ShapedLink(("127.0.0.1", nginx_tls_port)) as link:   # then browse https://127.0.0.1:{link.port}
"""
from __future__ import annotations

import asyncio
import contextlib
import threading
import time

from deploy.stack import free_port

CHUNK = 16 * 1024


class Direction:
    """One way of the link, shared by every connection: bytes leave it one after another at
    `bytes_per_s`, and arrive `delay_s` after they left."""

    def __init__(self, bytes_per_s: float, delay_s: float):
        self.bytes_per_s, self.delay_s, self.free_at, self.sent = bytes_per_s, delay_s, 0.0, 0

    def arrival(self, size: int, not_before: float = 0.0) -> float:
        start = max(time.monotonic(), self.free_at, not_before)
        self.free_at = start + size / self.bytes_per_s
        self.sent += size
        return self.free_at + self.delay_s


class ShapedLink:
    def __init__(self, upstream: tuple[str, int], round_trip_s: float = 0.400, down_bits_s: float = 400_000,
                 up_bits_s: float = 400_000):
        self.upstream, self.round_trip_s = upstream, round_trip_s
        self.down = Direction(down_bits_s / 8, round_trip_s / 2)
        self.up = Direction(up_bits_s / 8, round_trip_s / 2)
        self.port = free_port()
        self.connections = 0

    async def _pipe(self, reader, writer, direction: Direction, not_before: float) -> None:
        """Read as the bytes come, deliver each chunk when the link would have (in order)."""
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver():
            while (item := await queue.get()) is not None:
                at, data = item
                await asyncio.sleep(max(0.0, at - time.monotonic()))
                writer.write(data)
                await writer.drain()
            with contextlib.suppress(OSError):
                writer.write_eof()

        sender = asyncio.ensure_future(deliver())
        try:
            while data := await reader.read(CHUNK):
                queue.put_nowait((direction.arrival(len(data), not_before), data))
        except OSError:
            pass
        queue.put_nowait(None)
        with contextlib.suppress(OSError):
            await sender

    async def _serve(self, client_reader, client_writer) -> None:
        self.connections += 1
        # The first bytes may leave once TCP's handshake is done: one round trip after connecting.
        handshake_done = time.monotonic() + self.round_trip_s
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            client_writer.close()
            return
        try:
            await asyncio.gather(self._pipe(client_reader, server_writer, self.up, handshake_done),
                                 self._pipe(server_reader, client_writer, self.down, handshake_done))
        except asyncio.CancelledError:
            pass  # the link is closing (__exit__): a connection still open ends here, quietly
        finally:
            for writer in (client_writer, server_writer):
                writer.close()

    def __enter__(self) -> ShapedLink:
        self.loop = asyncio.new_event_loop()
        started = threading.Event()

        def run():
            asyncio.set_event_loop(self.loop)
            self.server = self.loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", self.port))
            started.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        started.wait(10)
        return self

    def __exit__(self, *exc) -> None:
        async def close():
            """Connections the browser left open (HTTP/2 keeps its one) end with the link."""
            self.server.close()
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(close(), self.loop).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()
