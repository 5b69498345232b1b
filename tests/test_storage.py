"""The claims database: schema from migrations, idempotent ingest, versions, no partial rows."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED
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


def _ingest_wire_stories(db, tmp_path: Path, count: int) -> None:
    for n in range(count):
        (tmp_path / f"story{n}.txt").write_text(
            f"قال الوزير سالم العمري في المؤتمر رقم {n}: «الاتفاق {n} سيوقع غدا في الرياض».\n",
            encoding="utf-8",
        )
    pipeline.ingest_paths(db, [tmp_path / f"story{n}.txt" for n in range(count)], OPTIONS)


def _searchable_claims(db) -> int:
    return db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'سيوقع'").fetchone()[0]


def _fts_triggers(db) -> set[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'claims'")
    return {name for (name,) in rows}


def test_bulk_extraction_rebuilds_the_claims_search_index(
    db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    db = storage.open_db(db_path)
    _ingest_wire_stories(db, tmp_path, 6)
    triggers = _fts_triggers(db)
    assert triggers == {"claims_ai", "claims_ad", "claims_au"}
    monkeypatch.setattr(pipeline, "FTS_DEFER_MIN_DOCUMENTS", 2)
    deferred = []
    real = storage.deferred_claims_fts
    monkeypatch.setattr(storage, "deferred_claims_fts", lambda db: deferred.append(1) or real(db))
    summary = pipeline.extract_documents(db)
    assert deferred == [1] and summary.documents == 6
    # Every quotation is findable, the triggers are back and nothing is left set aside.
    assert _searchable_claims(db) == 6
    assert _fts_triggers(db) == triggers
    assert db.execute("SELECT count(*) FROM deferred_triggers").fetchone()[0] == 0
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    # Re-extracting everything again (now deferring or not) leaves the index exact.
    pipeline.extract_documents(db, force=True)
    monkeypatch.setattr(pipeline, "FTS_DEFER_MIN_DOCUMENTS", 1000)
    pipeline.extract_documents(db, force=True)
    assert _searchable_claims(db) == 6
    fts_rows = db.execute("SELECT count(*) FROM claims_fts").fetchone()[0]
    assert fts_rows == db.execute("SELECT count(*) FROM claims").fetchone()[0]
    db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")  # raises if not


def test_interrupted_bulk_extraction_is_repaired_by_the_next(db_path: Path, tmp_path: Path) -> None:
    db = storage.open_db(db_path)
    _ingest_wire_stories(db, tmp_path, 3)
    db.close()
    # A bulk run that dies (no clean-up at all) after setting the triggers aside and
    # storing claims.
    crash = textwrap.dedent(f"""
        import os
        from verify import pipeline, storage
        from verify.extract import extract
        db = storage.open_db({str(db_path)!r})
        deferral = storage.deferred_claims_fts(db)  # kept: dropping it would run its exit
        deferral.__enter__()
        for doc in storage.iter_documents(db):
            found = extract(doc.text, lang=doc.lang)
            storage.save_extraction(db, doc.id, found.claims, found.dateline,
                                    extractor=pipeline.extractor_name(), run_id=None)
        os._exit(3)
    """)
    died = subprocess.run([sys.executable, "-c", crash], cwd=ROOT, capture_output=True, text=True)
    assert died.returncode == 3, died.stderr
    db = storage.open_db(db_path)
    assert _fts_triggers(db) == set()
    assert _searchable_claims(db) == 0  # stored, but not yet in the search index
    assert {name for (name,) in db.execute("SELECT name FROM deferred_triggers")} == {
        "claims_ai", "claims_ad", "claims_au"}
    # The next extraction (here with nothing to do) puts the triggers back and rebuilds.
    assert pipeline.extract_documents(db).documents == 0
    assert _searchable_claims(db) == 3
    assert _fts_triggers(db) == {"claims_ai", "claims_ad", "claims_au"}
    assert storage.restore_claims_fts(db) is False


def test_setting_a_dateline_does_not_reindex_the_document(db_path: Path, tmp_path: Path) -> None:
    db = storage.open_db(db_path)
    _ingest_wire_stories(db, tmp_path, 1)
    doc_id = next(storage.iter_documents(db)).id
    changes = db.conn.total_changes
    db.execute("UPDATE documents SET place = 'جدة' WHERE id = ?", [doc_id])
    assert db.conn.total_changes - changes == 1  # the row itself; no full-text rows
    db.execute("UPDATE documents SET text = text || ' ملحق' WHERE id = ?", [doc_id])
    hits = db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'ملحق'")
    assert hits.fetchone()[0] == 1
