#!/usr/bin/env python3
"""How long the disk takes to make a small write durable, as PostgreSQL's commit does.

Writes 8 kB (one WAL page) at the next offset of a 16 MB file (one WAL segment) in DIR and calls
fdatasync, about once a millisecond for SECONDS, then prints one JSON object: the number of flushes
and their p50, p99, p99.9 and max in milliseconds, and how many took over 8 ms. Every commit of the
gateway waits for such a flush, so an open-model tail can be no shorter than the disk's own, and on
a shared virtual machine that tail moves from hour to hour (BENCHMARKS.md, "The tail at half rate
is the WAL flush"). The file is removed afterwards. Standard library only.

Usage: bench/flushprobe.py DIR [SECONDS]   (default 10)
"""
import json
import os
import sys
import tempfile
import time

PAGE = 8192
SEGMENT = 16 << 20


def probe(directory, seconds):
    fd, path = tempfile.mkstemp(prefix="flushprobe-", dir=directory)
    try:
        os.ftruncate(fd, SEGMENT)
        os.fsync(fd)
        page = os.urandom(PAGE)
        offset = 0
        flushes = []
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            os.pwrite(fd, page, offset)
            offset = (offset + PAGE) % SEGMENT
            t0 = time.perf_counter()
            os.fdatasync(fd)
            flushes.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.001)
    finally:
        os.close(fd)
        os.unlink(path)
    flushes.sort()
    n = len(flushes)

    def at(q):
        return round(flushes[min(n - 1, int(n * q))], 2)

    return {
        "flushes": n,
        "p50_ms": at(0.5),
        "p99_ms": at(0.99),
        "p999_ms": at(0.999),
        "max_ms": round(flushes[-1], 2),
        "over_8_ms": sum(1 for x in flushes if x > 8),
    }


def main(argv):
    if len(argv) >= 2 and argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    try:
        directory = argv[1]
        seconds = float(argv[2]) if len(argv) > 2 else 10.0
    except (IndexError, ValueError):
        directory, seconds = None, 0
    if directory is None or not os.path.isdir(directory) or seconds <= 0:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        print(f"flushprobe: need an existing directory and a positive number of seconds, got {argv[1:]}",
              file=sys.stderr)
        return 2
    print(json.dumps(probe(directory, seconds)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
