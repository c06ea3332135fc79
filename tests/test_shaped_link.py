"""bench/shaped_link.py shapes a real TCP connection as a Slow 3G link would: a request and its
answer take at least the connection's handshake, a round trip and the answer's bytes at the
downlink's rate. Only lower bounds are asserted: sleeping cannot be faster than asked, while a
busy machine may be slower (the benchmark reports the figures, it is not a timed test)."""
from __future__ import annotations

import socket
import socketserver
import threading
import time

from bench.shaped_link import ShapedLink

ANSWER = b"x" * 50_000


class Answer(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.recv(100)
        self.request.sendall(ANSWER)


def test_a_request_pays_the_handshake_a_round_trip_and_the_bytes_at_the_downlink_rate():
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Answer) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with ShapedLink(server.server_address, round_trip_s=0.2, down_bits_s=400_000, up_bits_s=400_000) as link:
            start = time.monotonic()
            with socket.create_connection(("127.0.0.1", link.port)) as client:
                client.sendall(b"GET")
                received = b""
                while len(received) < len(ANSWER):
                    received += client.recv(65536)
            seconds = time.monotonic() - start
        server.shutdown()
    # 0.2 s handshake + 0.1 s up + 0.1 s down + 50 000 bytes at 50 000 bytes/s
    assert received == ANSWER
    assert seconds >= 0.2 + 0.2 + 1.0
    assert link.down.sent == len(ANSWER) and link.up.sent == 3 and link.connections == 1
