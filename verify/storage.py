"""The claims database: the only module (with migrations.py) that touches SQLite."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from verify import __version__
from verify.errors import DatabaseError
from verify.ingest import document_identity
from verify.migrations import migrations
from verify.models import Claim, Dateline, Document

DEFAULT_DB = Path("claims") / "claims.db"
#: How long a writer waits for another writer to finish, in milliseconds.
BUSY_TIMEOUT_MS = 60_000


def utc_now() -> str:
    """The current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def open_db(path: str | Path) -> Database:
    """Open (creating if needed) the claims database and apply pending migrations.

    Raises DatabaseError when the file cannot be opened as a SQLite database.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        if migrations.pending(db):
            # Two commands opening a new database at once: one applies, one waits.
            with writing(db):
                migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: cannot open as a claims database ({exc})") from None
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot create the database ({exc.strerror})") from None
    return db


@contextmanager
def writing(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock at its start (BEGIN IMMEDIATE).

    A deferred transaction that reads and then writes fails at once with
    SQLITE_BUSY when another process committed in between; taking the lock first
    makes a second writer wait (up to the busy timeout) instead. Nested use
    becomes a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    else:
        try:
            db.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise


# --- runs --------------------------------------------------------------------------------


def start_run(db: Database, command: str, settings: dict[str, Any]) -> int:
    """Record that a command started; returns the run id."""
    with writing(db):
        table = db.table("runs")
        table.insert(
            {
                "command": command,
                "started_utc": utc_now(),
                "status": "running",
                "version": __version__,
                "settings": json.dumps(settings, ensure_ascii=False, sort_keys=True),
            }
        )
        return int(table.last_pk)


def finish_run(db: Database, run_id: int, status: str, counts: dict[str, Any]) -> None:
    """Record how a command ended."""
    with writing(db):
        db.table("runs").update(
            run_id,
            {
                "finished_utc": utc_now(),
                "status": status,
                "counts": json.dumps(counts, ensure_ascii=False, sort_keys=True),
            },
        )


# --- documents ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What saving a batch of documents did."""

    added: tuple[str, ...]
    versioned: tuple[str, ...]
    unchanged: tuple[str, ...]


def save_documents(db: Database, docs: Sequence[Document], *, run_id: int | None) -> SaveOutcome:
    """Store documents in one transaction.

    A document already stored (same publication, same text) is left alone; the
    same publication with new text is stored as a new version that records which
    document it supersedes.
    """
    added: list[str] = []
    versioned: list[str] = []
    unchanged: list[str] = []
    rows: list[dict[str, Any]] = []
    in_batch: dict[str, str] = {}  # identity -> id of its newest version in this batch
    seen: set[str] = set()
    now = utc_now()
    with writing(db):
        for doc in docs:
            identity = document_identity(doc)
            if doc.id in seen or _exists(db, doc.id):
                unchanged.append(doc.id)
                continue
            seen.add(doc.id)
            previous = in_batch.get(identity) or _latest_version(db, identity)
            in_batch[identity] = doc.id
            rows.append(_document_row(doc, identity, previous, now, run_id))
            (versioned if previous else added).append(doc.id)
        if rows:
            db.table("documents").insert_all(rows, batch_size=500)
    return SaveOutcome(tuple(added), tuple(versioned), tuple(unchanged))


def _exists(db: Database, doc_id: str) -> bool:
    return db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None


def _latest_version(db: Database, identity: str) -> str | None:
    row = db.execute(
        """
        SELECT d.id FROM documents d
        WHERE d.identity = ?
          AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.supersedes = d.id)
        ORDER BY d.ingested_utc DESC, d.rowid DESC LIMIT 1
        """,
        [identity],
    ).fetchone()
    return row[0] if row else None


def _document_row(
    doc: Document, identity: str, previous: str | None, now: str, run_id: int | None
) -> dict[str, Any]:
    return {
        "id": doc.id,
        "content_hash": doc.content_hash,
        "identity": identity,
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "published": doc.published,
        "author": doc.author,
        "lang": doc.lang,
        "place": None,
        "agency": None,
        "chars": len(doc.text),
        "source_path": doc.source_path,
        "source_member": doc.source_member,
        "source_line": doc.source_line,
        "supersedes": previous,
        "ingested_utc": now,
        "run_id": run_id,
        "text": doc.text,
    }


DOCUMENT_LIST_COLUMNS = ("id", "outlet", "published", "lang", "title", "chars", "url")


def list_documents(db: Database) -> list[dict[str, Any]]:
    """Stored documents (without their text), oldest publication first."""
    columns = ", ".join(DOCUMENT_LIST_COLUMNS)
    return [
        dict(row)
        for row in db.query(
            f"SELECT {columns} FROM documents ORDER BY published IS NULL, published, id"
        )
    ]


def count_documents(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])


def load_document(db: Database, doc_id: str) -> Document | None:
    """The stored document with this id (or unique id prefix), or None."""
    rows = list(db.query("SELECT * FROM documents WHERE id = ?", [doc_id]))
    if not rows and doc_id:
        rows = list(
            db.query(
                "SELECT * FROM documents WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                [_like_prefix(doc_id)],
            )
        )
    if len(rows) != 1:
        return None
    return _document_from_row(rows[0])


def _like_prefix(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def _document_from_row(row: dict[str, Any]) -> Document:
    return Document(**{name: row[name] for name in Document.__slots__})


def iter_documents(db: Database, doc_ids: Iterable[str] | None = None) -> Iterator[Document]:
    """Documents by id (all, in rowid order, when doc_ids is None)."""
    if doc_ids is None:
        for row in db.query("SELECT * FROM documents ORDER BY rowid"):
            yield _document_from_row(row)
        return
    for doc_id in doc_ids:
        doc = load_document(db, doc_id)
        if doc is not None:
            yield doc


# --- claims ------------------------------------------------------------------------------


def claim_id(document_id: str, claim: Claim) -> str:
    """A claim id derived from its document and span, so re-extraction is idempotent."""
    key = f"{document_id}:{claim.kind}:{claim.start}:{claim.end}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def pending_extraction(db: Database, *, extractor: str, force: bool) -> list[str]:
    """Ids of documents whose claims are missing or were made by another extractor."""
    if force:
        sql = "SELECT id FROM documents ORDER BY rowid"
        return [row[0] for row in db.execute(sql)]
    sql = """
        SELECT d.id FROM documents d
        LEFT JOIN extractions e ON e.document_id = d.id
        WHERE e.document_id IS NULL OR e.extractor != ?
        ORDER BY d.rowid
    """
    return [row[0] for row in db.execute(sql, [extractor])]


def save_extraction(
    db: Database,
    document_id: str,
    claims: Sequence[Claim],
    dateline: Dateline | None,
    *,
    extractor: str,
    run_id: int | None,
) -> int:
    """Replace a document's claims in one transaction; returns how many were stored."""
    rows = [
        {
            "id": claim_id(document_id, claim),
            "document_id": document_id,
            "kind": str(claim.kind),
            "start": claim.start,
            "end": claim.end,
            "text": claim.text,
            "normalized": claim.normalized,
            "speaker": claim.speaker,
            "speaker_mention": claim.speaker_mention,
            "cue": claim.cue,
            "via": claim.via,
            "sentence": claim.sentence,
            "paragraph": claim.paragraph,
            "flags": json.dumps(list(claim.flags), ensure_ascii=False),
        }
        for claim in claims
    ]
    with writing(db):
        old = "SELECT id FROM claims WHERE document_id = ?"
        db.execute(f"DELETE FROM matches WHERE claim_id IN ({old})", [document_id])
        db.execute("DELETE FROM claims WHERE document_id = ?", [document_id])
        if rows:
            db.table("claims").insert_all(rows, batch_size=500, replace=True)
        db.execute(
            "UPDATE documents SET place = ?, agency = ? WHERE id = ?",
            [dateline.place if dateline else None, dateline.agency if dateline else None,
             document_id],
        )
        db.table("extractions").upsert(
            {
                "document_id": document_id,
                "extractor": extractor,
                "claims": len(rows),
                "extracted_utc": utc_now(),
                "run_id": run_id,
            },
            pk="document_id",
        )
    return len(rows)


CLAIM_JSON_COLUMNS = (
    "id", "document_id", "url", "outlet", "published", "kind", "text", "start", "end",
    "speaker", "speaker_mention", "cue", "via", "sentence", "paragraph", "flags",
)


def list_claims(
    db: Database, *, document_id: str | None = None, kinds: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Claims with their document's provenance, in document and text order."""
    where: list[str] = []
    params: list[Any] = []
    if document_id is not None:
        where.append("(c.document_id = ? OR c.document_id LIKE ? ESCAPE '\\')")
        params += [document_id, _like_prefix(document_id)]
    if kinds:
        where.append(f"c.kind IN ({', '.join('?' for _ in kinds)})")
        params += list(kinds)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    sql = f"""
        SELECT c.id, c.document_id, d.url, d.outlet, d.published, c.kind, c.text, c.start,
               c."end", c.speaker, c.speaker_mention, c.cue, c.via, c.sentence, c.paragraph,
               c.flags
        FROM claims c JOIN documents d ON d.id = c.document_id
        {clause}
        ORDER BY d.published IS NULL, d.published, d.id, c.start, c.kind
    """
    rows = []
    for row in db.query(sql, params):
        row = dict(row)
        row["flags"] = json.loads(row["flags"]) if row["flags"] else []
        rows.append(row)
    return rows


def table_counts(db: Database) -> dict[str, int]:
    """Row counts of the main tables."""
    names = ("documents", "claims", "matches", "runs")
    return {name: int(db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0]) for name in names}
