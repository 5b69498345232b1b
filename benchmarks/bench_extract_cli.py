"""`verify extract` over the whole SaudiNewsNet corpus: wall time and memory over time.

Ingests the corpus (read from ../shared, never copied into the repo) into a fresh
database, or takes one given with ``--db``, then runs ``verify extract --force
--workers N`` in a subprocess and samples the resident memory of the command and of
each of its worker processes (from /proc) every half second. Prints the wall time,
the claims stored, the peak of each process, and the memory at each tenth of the run:
flat rows mean memory does not grow with the number of documents done. Skips cleanly
when the corpus is not there.

    .venv/bin/python benchmarks/bench_extract_cli.py [--workers 2] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import CORPUS, corpus_available

VERIFY = [sys.executable, "-m", "verify"]
PAGE_KB = 4  # /proc/PID/statm counts pages of 4 KiB on the machines this runs on
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    try:
        resident = Path(f"/proc/{pid}/statm").read_text().split()[1]
    except (OSError, IndexError):
        return 0.0
    return int(resident) * PAGE_KB / 1024


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far (from /proc/PID/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(p) for p in found]


Samples = list[tuple[float, float, list[float]]]


def run_extract(db: Path, workers: int) -> tuple[float, Samples, dict[str, float], str]:
    """Run ``verify extract``; returns wall seconds, samples (elapsed s, main MB, worker
    MBs), the CPU seconds of the command and of its workers (as last seen) and the
    command's standard output."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*VERIFY, "--db", str(db), "extract", "--force", "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    samples = []
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        kids = children(proc.pid)
        for pid in (proc.pid, *kids):
            cpu[pid] = max(cpu.get(pid, 0.0), cpu_seconds(pid))
        workers_mb = [rss_mb(child) for child in kids]
        samples.append((time.perf_counter() - started, rss_mb(proc.pid), workers_mb))
        time.sleep(0.5)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        sys.exit(f"extract failed ({proc.returncode})")
    by_role = {"command": cpu.pop(proc.pid, 0.0), "workers": sum(cpu.values())}
    return time.perf_counter() - started, samples, by_role, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", type=Path, help="an ingested database to extract (default: ingest one)")
    args = parser.parse_args()
    if not corpus_available():
        print(f"skip: corpus not found at {CORPUS}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if args.db is None:
            started = time.perf_counter()
            subprocess.run([*VERIFY, "--db", str(db), "ingest", "--json", str(CORPUS)],
                           check=True, capture_output=True)
            print(f"ingested the corpus in {time.perf_counter() - started:.1f} s")
        wall, samples, cpu, _ = run_extract(db, args.workers)
        with sqlite3.connect(db) as conn:
            documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            kinds = dict(conn.execute("SELECT kind, count(*) FROM claims GROUP BY kind ORDER BY kind"))
    print(f"verify extract --workers {args.workers}: {wall:.1f} s wall for {documents:,} documents")
    print("claims stored:", json.dumps(kinds))
    print(f"CPU: command {cpu['command']:.1f} s, workers {cpu['workers']:.1f} s "
          "(as last sampled, up to half a second short)")
    peak_main = max((main for _, main, _ in samples), default=0.0)
    peak_workers = max((max(w, default=0.0) for _, _, w in samples), default=0.0)
    print(f"peak RSS: command {peak_main:.0f} MB, largest worker {peak_workers:.0f} MB")
    print("memory through the run (MB):")
    print(f"  {'elapsed':>8} {'command':>8}  workers")
    for tenth in range(1, 11):
        at = wall * tenth / 10
        elapsed, main, workers_mb = min(samples, key=lambda s: abs(s[0] - at))
        print(f"  {elapsed:>7.0f}s {main:>8.0f}  " + " ".join(f"{w:.0f}" for w in workers_mb))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
