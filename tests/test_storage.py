"""The claims database: schema from migrations, idempotent ingest, versions, no partial rows."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SEED
from verify import pipeline, storage
from verify.errors import DatabaseError
from verify.ingest import IngestOptions
from verify.migrations import migrations

OPTIONS = IngestOptions()


def columns(db, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info([{table}])")}


def test_blank_database_has_the_schema(db_path: Path) -> None:
    db = storage.open_db(db_path)
    names = set(db.table_names())
    assert {"documents", "claims", "matches", "runs", "extractions"} <= names
    assert {"documents_fts", "claims_fts"} <= names
    assert {"id", "content_hash", "url", "outlet", "published", "lang", "author", "title",
            "source_path", "source_member", "source_line", "supersedes", "ingested_utc",
            "place", "agency", "text"} <= columns(db, "documents")
    assert {"id", "document_id", "kind", "start", "end", "text", "normalized", "speaker",
            "speaker_mention", "cue", "via", "sentence", "paragraph", "flags"} <= columns(db, "claims")
    fks = {(fk.table, fk.column, fk.other_table) for fk in db.table("claims").foreign_keys}
    assert ("claims", "document_id", "documents") in fks
    fks = {(fk.column, fk.other_table) for fk in db.table("matches").foreign_keys}
    assert {("claim_id", "claims"), ("document_id", "documents")} <= fks
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    applied = [m.name for m in migrations.applied(db)]
    assert applied == [m.name for m in migrations._migrations]
    db.close()
    # Opening again applies nothing new and keeps the schema.
    db = storage.open_db(db_path)
    assert [m.name for m in migrations.applied(db)] == applied
    assert migrations.pending(db) == []


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="junk.db: cannot open as a claims database"):
        storage.open_db(path)


def test_ingest_twice_adds_nothing(db_path: Path) -> None:
    db = storage.open_db(db_path)
    first = pipeline.ingest_paths(db, [SEED], OPTIONS)
    second = pipeline.ingest_paths(db, [SEED], OPTIONS)
    assert (first.added, first.unchanged) == (1, 0)
    assert (second.added, second.unchanged) == (0, 1)
    assert storage.count_documents(db) == 1


def test_full_text_search_on_documents(db_path: Path) -> None:
    db = storage.open_db(db_path)
    pipeline.ingest_paths(db, [SEED], OPTIONS)
    hits = list(db.table("documents").search("بورودافكين"))
    assert len(hits) == 1


def test_same_url_new_content_is_a_new_version(db_path: Path, tmp_path: Path) -> None:
    db = storage.open_db(db_path)
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": "first wording", "url": "https://x/1"}]), encoding="utf-8")
    pipeline.ingest_paths(db, [path], OPTIONS)
    path.write_text(json.dumps([{"text": "second wording", "url": "https://x/1"}]), encoding="utf-8")
    summary = pipeline.ingest_paths(db, [path], OPTIONS)
    assert (summary.added, summary.versioned) == (0, 1)
    rows = list(db.query("SELECT id, supersedes, text FROM documents ORDER BY rowid"))
    assert rows[1]["supersedes"] == rows[0]["id"]
    assert rows[1]["text"] == "second wording"
    # A third version supersedes the second, not the first.
    path.write_text(json.dumps([{"text": "third wording", "url": "https://x/1"}]), encoding="utf-8")
    pipeline.ingest_paths(db, [path], OPTIONS)
    rows = list(db.query("SELECT id, supersedes FROM documents ORDER BY rowid"))
    assert rows[2]["supersedes"] == rows[1]["id"]


def test_same_file_edited_is_a_new_version(db_path: Path, tmp_path: Path) -> None:
    db = storage.open_db(db_path)
    path = tmp_path / "story.txt"
    path.write_text("Version one.", encoding="utf-8")
    pipeline.ingest_paths(db, [path], OPTIONS)
    path.write_text("Version two.", encoding="utf-8")
    summary = pipeline.ingest_paths(db, [path], OPTIONS)
    assert summary.versioned == 1


def test_failed_file_leaves_no_rows_and_others_still_stored(db_path: Path, tmp_path: Path) -> None:
    db = storage.open_db(db_path)
    bad = tmp_path / "bad.json"
    bad.write_text('[{"text": "ok"}, 7]', encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Fine text.", encoding="utf-8")
    summary = pipeline.ingest_paths(db, [bad, good, tmp_path / "missing.txt"], OPTIONS)
    assert (summary.added, summary.failed) == (1, 2)
    assert [r["text"] for r in db.query("SELECT text FROM documents")] == ["Fine text."]


def test_interrupted_batch_rolls_back(db_path: Path, tmp_path: Path, monkeypatch) -> None:
    db = storage.open_db(db_path)
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": f"doc {i}", "url": f"u{i}"} for i in range(5)]),
                    encoding="utf-8")
    original = db.table("documents").insert_all

    def explode(*args, **kwargs):
        original(*args, **kwargs)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(type(db.table("documents")), "insert_all", lambda self, *a, **k: explode(*a, **k))
    with pytest.raises(sqlite3.OperationalError):
        pipeline.ingest_paths(db, [path], OPTIONS)
    monkeypatch.undo()
    assert storage.count_documents(db) == 0
    assert pipeline.ingest_paths(db, [path], OPTIONS).added == 5


def test_list_documents_and_load_by_prefix(db_path: Path) -> None:
    db = storage.open_db(db_path)
    pipeline.ingest_paths(db, [SEED], OPTIONS)
    [row] = storage.list_documents(db)
    assert set(row) == set(storage.DOCUMENT_LIST_COLUMNS)
    doc = storage.load_document(db, row["id"][:6])
    assert doc is not None and doc.id == row["id"]
    assert storage.load_document(db, "ffffffffffffffff") is None
    assert storage.load_document(db, "%") is None  # LIKE wildcards are escaped


def test_runs_are_recorded(db_path: Path) -> None:
    db = storage.open_db(db_path)
    run_id = storage.start_run(db, "ingest", {"paths": ["seeds"]})
    storage.finish_run(db, run_id, "ok", {"added": 1})
    run = db.table("runs").get(run_id)
    assert run["status"] == "ok" and run["version"]
    assert json.loads(run["settings"]) == {"paths": ["seeds"]}
