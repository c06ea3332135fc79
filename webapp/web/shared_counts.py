"""The rate limits' counts, shared by every worker of one instance, in memory only.

Flask-Limiter's `memory://` keeps the counts in each process: under gunicorn's N workers a client
had N times its limit. This storage (`tirkeu-shared://`, the default) keeps them in one anonymous
shared memory map made when the app is created, which gunicorn does once before it forks its
workers (`preload_app = True` in deploy/gunicorn.conf.py): every worker counts in the same table.
Nothing is written to disk, and the table holds a keyed hash of each limit's key (never the
client's address itself). Several instances still share one Redis (RATELIMIT_STORAGE_URI=redis://…).

The table has a fixed number of slots, found by open addressing. A key whose slots are all taken
by windows still running takes the one that ends first: under a flood of distinct clients some
count restarts early, which errs on letting a person through. Fixed windows only (Flask-Limiter's
default strategy).
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import mmap
import os
import secrets
import struct
import threading
import time

from limits.storage import Storage

SLOT = struct.Struct("<QdQ")  # key hash (0: free), end of the window (time.time()), count
SLOTS = 1 << 15  # 32 768 clients × limits at once, 768 KiB
PROBES = 16


class SharedCounts(Storage):
    STORAGE_SCHEME = ["tirkeu-shared"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        # memfd: a file in memory only, so that its lock (fcntl) is released by the kernel when a
        # worker holding it dies (a killed worker never leaves the others waiting).
        self._fd = os.memfd_create("tirkeu-rate-limits")
        os.ftruncate(self._fd, SLOT.size * SLOTS)
        self._map = mmap.mmap(self._fd, SLOT.size * SLOTS, mmap.MAP_SHARED)
        self._secret = secrets.token_bytes(16)
        self._thread_lock = threading.Lock()  # fcntl locks do not exclude a process's own threads

    @property
    def base_exceptions(self) -> type[Exception]:
        return OSError

    def _hash(self, key: str) -> int:
        digest = hashlib.blake2b(key.encode(), digest_size=8, key=self._secret).digest()
        return int.from_bytes(digest, "little") or 1

    @contextlib.contextmanager
    def _locked(self):
        with self._thread_lock:
            fcntl.lockf(self._fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.lockf(self._fd, fcntl.LOCK_UN)

    def _read(self, index: int) -> tuple[int, float, int]:
        return SLOT.unpack_from(self._map, index * SLOT.size)

    def _write(self, index: int, key: int, ends: float, count: int) -> None:
        SLOT.pack_into(self._map, index * SLOT.size, key, ends, count)

    def _find(self, key: int, now: float) -> tuple[int, bool]:
        """The slot of `key` (and True) while its window runs, else the slot to take for it."""
        start = key % SLOTS
        free, first_to_end = None, (float("inf"), start)
        for probe in range(PROBES):
            index = (start + probe) % SLOTS
            held, ends, _ = self._read(index)
            if held == key and ends > now:
                return index, True
            if free is None and (held == 0 or ends <= now):
                free = index
            first_to_end = min(first_to_end, (ends, index))
        return (free if free is not None else first_to_end[1]), False

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        hashed, now = self._hash(key), time.time()
        with self._locked():
            index, running = self._find(hashed, now)
            if running:
                _, ends, count = self._read(index)
                self._write(index, hashed, ends, count + amount)
                return count + amount
            self._write(index, hashed, now + expiry, amount)
            return amount

    def get(self, key: str) -> int:
        hashed = self._hash(key)
        with self._locked():
            index, running = self._find(hashed, time.time())
            return self._read(index)[2] if running else 0

    def get_expiry(self, key: str) -> float:
        hashed, now = self._hash(key), time.time()
        with self._locked():
            index, running = self._find(hashed, now)
            return self._read(index)[1] if running else now

    def check(self) -> bool:
        return not self._map.closed

    def reset(self) -> int | None:
        with self._locked():
            cleared = sum(1 for index in range(SLOTS) if self._read(index)[0])
            self._map[:] = bytes(len(self._map))
        return cleared

    def clear(self, key: str) -> None:
        hashed = self._hash(key)
        with self._locked():
            index, running = self._find(hashed, time.time())
            if running:
                self._write(index, 0, 0.0, 0)
