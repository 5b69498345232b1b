"""Real subprocesses: `verify extract` and `verify match` killed with SIGKILL at random
points leave a whole store, and a rerun finishes the work; two extractors or two
matchers on one database at once both succeed without storing anything twice.

Ingest has the same tests in test_crash_and_concurrency.py.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.robust_corpus import claim_state, verify_cmd, write_corpus

EXTRACT_DOCS = 600
MATCH_DOCS = 200


def run_ok(db: Path, *args: str) -> dict[str, int]:
    done = subprocess.run(verify_cmd(db, *args, "--json"), capture_output=True, text=True,
                          check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Corpus files and the counts of an uninterrupted run over each."""
    folder = tmp_path_factory.mktemp("robust")
    files = {
        "extract": write_corpus(folder / "extract.jsonl", EXTRACT_DOCS, seed=3),
        "match": write_corpus(folder / "match.jsonl", MATCH_DOCS, seed=5),
    }
    for name, path in files.items():
        db = folder / f"{name}-baseline.db"
        run_ok(db, "ingest", str(path))
        run_ok(db, "extract")
        if name == "match":
            run_ok(db, "match")
    return {**files, "folder": folder}


def baseline(corpora: dict[str, Path], name: str) -> dict[str, int]:
    return claim_state(corpora["folder"] / f"{name}-baseline.db")


def kill_repeatedly(db: Path, args: list[str], *, kills: int, seed: int,
                    low: float, high: float) -> int:
    """Starts the command and SIGKILLs it at a random moment, ``kills`` times, checking
    the store after each; returns how many kills landed before the command finished."""
    rng = random.Random(seed)
    landed = 0
    for _ in range(kills):
        proc = subprocess.Popen(verify_cmd(db, *args, "-q"),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(low, high))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            landed += 1
        proc.wait()
        claim_state(db)
    return landed


@pytest.mark.slow
def test_sigkill_during_extract_then_rerun_completes(corpora: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    run_ok(db, "ingest", str(corpora["extract"]))
    landed = kill_repeatedly(db, ["extract"], kills=4, seed=1, low=1.0, high=3.5)
    assert landed >= 1
    partial = claim_state(db)
    assert partial["extracted"] <= EXTRACT_DOCS
    run_ok(db, "extract")
    assert claim_state(db) == baseline(corpora, "extract")


@pytest.mark.slow
def test_sigkill_during_match_then_rerun_completes(corpora: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    run_ok(db, "ingest", str(corpora["match"]))
    run_ok(db, "extract")
    # a full match of these documents takes 4-6 s with start-up; the first kill must land
    # before it ends, or every later run has nothing left to do (the draws: 2.9, 2.9, 1.1,
    # 1.2 s; a 1-5 s window drew 4.8 s first and landed nothing on a fast run)
    landed = kill_repeatedly(db, ["match"], kills=4, seed=2, low=1.0, high=3.0)
    assert landed >= 1
    run_ok(db, "match")
    assert claim_state(db) == baseline(corpora, "match")
    # Nothing left to do: a third run matches nothing.
    again = run_ok(db, "match")
    assert again["claims"] == 0 and again["indexed"] == 0


def run_at_once(db: Path, *args: str, copies: int = 2) -> list[dict[str, int]]:
    procs = [
        subprocess.Popen(verify_cmd(db, *args, "--json"), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(copies)
    ]
    results = [proc.communicate(timeout=600) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * copies, [err for _, err in results]
    return [json.loads(out) for out, _ in results]


@pytest.mark.slow
def test_two_extractors_at_once(corpora: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    run_ok(db, "ingest", str(corpora["extract"]))
    summaries = run_at_once(db, "extract")
    assert all(s["documents"] <= EXTRACT_DOCS for s in summaries)
    assert claim_state(db) == baseline(corpora, "extract")


@pytest.mark.slow
def test_two_matchers_at_once(corpora: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    run_ok(db, "ingest", str(corpora["match"]))
    run_ok(db, "extract")
    run_at_once(db, "match")
    state = claim_state(db)
    expected = baseline(corpora, "match")
    assert state == expected
