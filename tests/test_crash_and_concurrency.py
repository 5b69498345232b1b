"""Real subprocesses: SIGKILL at random points loses nothing committed; writers run at once."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

FILES = 12
PER_FILE = 400


def make_corpus(folder: Path, files: int = FILES, per_file: int = PER_FILE) -> int:
    folder.mkdir()
    for f in range(files):
        with (folder / f"part{f:02}.jsonl").open("w", encoding="utf-8") as handle:
            for i in range(per_file):
                record = {
                    "url": f"https://example.test/{f}/{i}",
                    "outlet": f"outlet{f % 3}",
                    "text": f"قال المتحدث رقم {i} في الملف {f} إن «الاجتماع كان مثمراً جداً». " * 20,
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return files * per_file


def verify_cmd(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "verify", "--db", str(db), *args]


def check_db(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        distinct = conn.execute("SELECT count(DISTINCT url) FROM documents").fetchone()[0]
        # Every file is one transaction: each is stored whole or not at all.
        per_file = conn.execute(
            "SELECT count(*) FROM documents GROUP BY source_path"
        ).fetchall()
        assert all(n == PER_FILE for (n,) in per_file)
        return total, distinct
    finally:
        conn.close()


def stored_so_far(db: Path) -> tuple[int, int]:
    """What a killed run left: a database killed before its schema was committed holds
    no documents table at all (nothing stored, nothing half-made); else as check_db."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    return check_db(db) if "documents" in tables else (0, 0)


@pytest.mark.slow
def test_sigkill_during_ingest_then_rerun_completes(tmp_path: Path) -> None:
    total = make_corpus(tmp_path / "corpus")
    db = tmp_path / "claims.db"
    rng = random.Random(7)
    for _ in range(3):
        proc = subprocess.Popen(
            verify_cmd(db, "ingest", "-q", str(tmp_path / "corpus")),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.8, 2.5))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if db.exists():
            stored, distinct = stored_so_far(db)
            assert stored == distinct <= total
    done = subprocess.run(verify_cmd(db, "ingest", "-q", str(tmp_path / "corpus")), check=False)
    assert done.returncode == 0
    assert check_db(db) == (total, total)


@pytest.mark.slow
def test_concurrent_writers_all_succeed_without_duplicates(tmp_path: Path) -> None:
    total = make_corpus(tmp_path / "corpus", files=6)
    db = tmp_path / "claims.db"
    procs = [
        subprocess.Popen(
            verify_cmd(db, "ingest", "--json", str(tmp_path / "corpus")),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(3)
    ]
    results = [proc.communicate(timeout=300) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0, 0], results
    added = sum(json.loads(out)["added"] for out, _ in results)
    assert added == total
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (total, total)
    conn.close()
