"""Memory stays flat on a huge JSONL input: ingest is streamed.

Generates a JSONL file of about ``--mb`` megabytes (default 1000) and one of
``--small-mb`` (default 100) in a temporary folder, runs `verify ingest` on each in a
subprocess on a fresh database, and prints each run's peak RSS side by side. Each run
is measured from its own wrapper process (RUSAGE_CHILDREN there is that run's peak
alone). The ratio big/small should be about 1.

    .venv/bin/python benchmarks/bench_big_jsonl.py [--mb 1000] [--small-mb 100] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Runs one command and prints its peak RSS (KiB on Linux) and wall seconds as JSON.
MEASURE = r"""
import json, resource, subprocess, sys, time
started = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": proc.returncode, "peak_kib": peak, "wall": wall,
                  "stdout": proc.stdout[-2000:], "stderr": proc.stderr[-2000:]}))
"""

WORDS = (
    "قال", "الوزير", "إن", "الحكومة", "ستواصل", "العمل", "من", "أجل", "السلام", "في", "المنطقة",
    "وأضاف", "أن", "المفاوضات", "مستمرة", "the", "minister", "said", "talks", "will", "continue",
)


def write_jsonl(path: Path, megabytes: int, *, seed: int = 1) -> int:
    """A JSONL file of about ``megabytes`` MB of distinct ~4 KB articles; returns the count."""
    rng = random.Random(seed)
    target = megabytes * 1_000_000
    written = count = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            body = " ".join(rng.choice(WORDS) for _ in range(600))
            record = {
                "url": f"https://big.example/{count}",
                "outlet": f"outlet{count % 7}",
                "text": f"{count}: «{body[:200]}» {body}",
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def measure_ingest(db: Path, source: Path) -> dict:
    cmd = [sys.executable, "-m", "verify", "--db", str(db), "ingest", "--json", str(source)]
    proc = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True,
                          check=True)
    result = json.loads(proc.stdout)
    if result["rc"] != 0:
        sys.exit(f"ingest failed ({result['rc']}): {result['stderr']}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1000, help="size of the big input in MB")
    parser.add_argument("--small-mb", type=int, default=100, help="size of the reference input")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep its files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for label, mb in (("small", args.small_mb), ("big", args.mb)):
            source = folder / f"{label}.jsonl"
            started = time.perf_counter()
            docs = write_jsonl(source, mb)
            generated = time.perf_counter() - started
            db = folder / f"{label}.db"
            for stale in folder.glob(f"{label}.db*"):
                stale.unlink()
            result = measure_ingest(db, source)
            added = json.loads(result["stdout"])["added"]
            if added != docs:
                sys.exit(f"{label}: expected {docs} documents added, got {added}")
            size = source.stat().st_size / 1e6
            rows.append((label, size, docs, result["wall"], result["peak_kib"] / 1024))
            print(f"{label}: generated {size:,.0f} MB ({docs:,} documents) in {generated:.0f} s",
                  flush=True)
        print()
        print(f"{'input':>8} {'MB':>8} {'documents':>10} {'ingest s':>9} {'MB/s':>7} {'peak RSS MB':>12}")
        for label, size, docs, wall, peak in rows:
            print(f"{label:>8} {size:>8,.0f} {docs:>10,} {wall:>9.1f} {size / wall:>7.1f} {peak:>12.1f}")
        ratio = rows[1][4] / rows[0][4]
        print(f"\npeak RSS ratio big/small: {ratio:.2f} for {rows[1][1] / rows[0][1]:.1f}x the input "
              "(about 1 means ingest is streamed)")


if __name__ == "__main__":
    main()
