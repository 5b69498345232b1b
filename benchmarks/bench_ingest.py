"""Ingest the whole SaudiNewsNet corpus: wall time, peak memory, and idempotence.

Runs `verify ingest` in a subprocess on a fresh database (so peak memory is the
command's own), then again to show that a second run adds nothing, and, side by
side in the same run, the time just to read and parse the zip files: the floor
that ingest cannot beat. Skips cleanly when ../shared is not there.

    .venv/bin/python benchmarks/bench_ingest.py [--keep PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import CORPUS, corpus_available, iter_articles

VERIFY = [sys.executable, "-m", "verify"]
EXPECTED_NON_EMPTY = 30_676


def run_ingest(db: Path) -> tuple[float, int, dict]:
    """Run one ingest; returns wall seconds, peak RSS of the child in MB, and its summary."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    proc = subprocess.run(
        [*VERIFY, "--db", str(db), "ingest", "--json", str(CORPUS)],
        capture_output=True, text=True, check=False,
    )
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode != 0:
        sys.exit(f"ingest failed ({proc.returncode}): {proc.stderr.strip()[:500]}")
    return wall, max(peak, before) // 1024, json.loads(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the database here and keep it")
    args = parser.parse_args()
    if not corpus_available():
        print(f"skip: corpus not found at {CORPUS}")
        return 0
    started = time.perf_counter()
    articles = sum(1 for _ in iter_articles())
    read_only = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "bench.db"
        if db.exists():
            sys.exit(f"{db} exists; give a new path")
        first_wall, first_peak, first = run_ingest(db)
        second_wall, _, second = run_ingest(db)
        size_mb = os.path.getsize(db) / 1e6

    print(f"articles in corpus             {articles:>10,}")
    print(f"read + parse zip files only    {read_only:>10.1f} s")
    print(f"first ingest                   {first_wall:>10.1f} s  "
          f"({first_wall / read_only:.1f}x read-only), peak RSS {first_peak} MB")
    print(f"  added {first['added']:,}, skipped {first['skipped']}, failed {first['failed']}")
    print(f"second ingest                  {second_wall:>10.1f} s, "
          f"added {second['added']}, unchanged {second['unchanged']:,}")
    print(f"database size                  {size_mb:>10.0f} MB")
    ok = first["added"] == EXPECTED_NON_EMPTY and second["added"] == 0 and first["failed"] == 0
    print("OK" if ok else f"UNEXPECTED: wanted {EXPECTED_NON_EMPTY:,} added then 0")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
