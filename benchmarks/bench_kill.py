"""Crash safety and concurrency at volume: many SIGKILLs, many writers, nothing lost.

On a generated corpus (tests/robust_corpus.py: quotations that recur across documents,
some altered), for each of `verify ingest`, `verify extract` and `verify match`:

1. an uninterrupted run gives the reference counts (documents, claims, matches, ...);
2. the same command on a fresh database is started and killed with SIGKILL at a random
   moment within its reference duration, ``--kills`` times in a row (a run that finishes
   first puts the store back where the command started); after every kill the store
   must pass `PRAGMA integrity_check` and hold no half-ingested document, half-written
   claim set or half-judged claim (``claim_state``);
3. a final rerun must finish and give exactly the reference counts.

Then ``--writers`` processes (ingest, extract and match mixed) run at once on one
database, twice over, and must all succeed with the reference counts and no duplicates.

    .venv/bin/python benchmarks/bench_kill.py [--docs 600] [--kills 25] [--writers 6]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.robust_corpus import claim_state, verify_cmd, write_corpus  # noqa: I001

STAGES = ("ingest", "extract", "match")


def run_ok(db: Path, *args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(verify_cmd(db, *args, "-q"), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"verify {' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    return time.perf_counter() - started


def prepare(db: Path, corpus: Path, stage: str) -> None:
    """Bring a fresh database to the point where ``stage`` starts."""
    if stage in ("extract", "match"):
        run_ok(db, "ingest", str(corpus))
    if stage == "match":
        run_ok(db, "extract")


def stage_args(stage: str, corpus: Path) -> list[str]:
    return ["ingest", str(corpus)] if stage == "ingest" else [stage]


def restore(snapshot: Path | None, db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    if snapshot is not None:
        shutil.copyfile(snapshot, db)


def kill_run(
    db: Path, args: list[str], *, kills: int, duration: float, rng: random.Random
) -> tuple[int, int]:
    """Kill ``args`` ``kills`` times at random moments; returns (kills landed, checks passed).

    Each run resumes what the killed one left; when a run finishes before its kill, the
    store goes back to where the command started, so that the next kill lands mid-run.
    """
    snapshot = None
    if db.exists():
        snapshot = db.with_suffix(".start")
        storage_copy(db, snapshot)
    landed = checks = 0
    for _ in range(kills):
        proc = subprocess.Popen(verify_cmd(db, *args, "-q"), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 1.0) * duration)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            landed += 1
        proc.wait()
        if db.exists():
            claim_state(db)  # raises on any inconsistency
            checks += 1
        if proc.returncode == 0:
            restore(snapshot, db)
    return landed, checks


def storage_copy(db: Path, target: Path) -> None:
    """A consistent copy of a database in WAL mode (checkpointed first)."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    shutil.copyfile(db, target)


def writers_at_once(db: Path, corpus: Path, writers: int) -> list[int]:
    kinds = [("ingest", str(corpus)), ("extract",), ("match",)]
    procs = [
        subprocess.Popen(verify_cmd(db, *kinds[i % len(kinds)], "-q"), stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
        for i in range(writers)
    ]
    for proc in procs:
        proc.communicate(timeout=1800)
    return [proc.returncode for proc in procs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=600, help="documents in the generated corpus")
    parser.add_argument("--kills", type=int, default=25, help="SIGKILLs per command")
    parser.add_argument("--writers", type=int, default=6, help="processes writing at once")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = write_corpus(folder / "corpus.jsonl", args.docs, seed=args.seed + 1)
        reference_db = folder / "reference.db"
        durations = {}
        for stage in STAGES:
            durations[stage] = run_ok(reference_db, *stage_args(stage, corpus))
        reference = claim_state(reference_db)
        print(f"corpus: {args.docs} documents; reference run: {json.dumps(reference)}")
        print("reference durations: " + ", ".join(f"{s} {d:.1f} s" for s, d in durations.items()))
        total_landed = total_checks = 0
        for stage in STAGES:
            db = folder / f"kill-{stage}.db"
            prepare(db, corpus, stage)
            landed, checks = kill_run(db, stage_args(stage, corpus), kills=args.kills,
                                      duration=durations[stage], rng=rng)
            for later in STAGES[STAGES.index(stage):]:
                run_ok(db, *stage_args(later, corpus))
            state = claim_state(db)
            same = state == reference
            failures += not same
            total_landed += landed
            total_checks += checks
            verdict = "matches the reference" if same else f"DIFFERS: {state}"
            print(f"{stage:<8} {args.kills} runs killed at random: {landed} kills landed mid-run, "
                  f"{checks} stores checked whole; rerun {verdict}")
        for round_ in range(2):
            db = folder / f"writers-{round_}.db"
            codes = writers_at_once(db, corpus, args.writers)
            for stage in STAGES:  # whatever the racing writers left undone
                run_ok(db, *stage_args(stage, corpus))
            state = claim_state(db)
            same = state == reference and codes == [0] * args.writers
            failures += not same
            print(f"{args.writers} writers at once (round {round_ + 1}): exit codes {codes}; "
                  f"{'same as the reference, no duplicates' if same else f'DIFFERS: {state}'}")
        print(f"total: {total_landed} kills landed, {total_checks} stores checked, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
