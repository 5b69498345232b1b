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
from verify.models import Claim, Dateline, Document, Match, Relation, WordDiff

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


_CLAIM_COLUMNS = (
    "id", "document_id", "kind", "start", "end", "text", "normalized", "speaker",
    "speaker_mention", "cue", "via", "sentence", "paragraph", "flags",
)
_INSERT_CLAIM = "INSERT OR REPLACE INTO claims ({}) VALUES ({})".format(
    ", ".join(f'"{column}"' for column in _CLAIM_COLUMNS), ", ".join("?" for _ in _CLAIM_COLUMNS)
)


def save_extraction(
    db: Database,
    document_id: str,
    claims: Sequence[Claim],
    dateline: Dateline | None,
    *,
    extractor: str,
    run_id: int | None,
) -> int:
    """Replace a document's claims in one transaction; returns how many were stored.

    Plain prepared statements rather than sqlite-utils' ``insert_all``/``upsert``,
    which read the table's schema on every call: this runs once per document of a
    corpus, and those reads cost more than the writes.
    """
    rows = [
        (
            claim_id(document_id, claim), document_id, str(claim.kind), claim.start,
            claim.end, claim.text, claim.normalized, claim.speaker, claim.speaker_mention,
            claim.cue, claim.via, claim.sentence, claim.paragraph,
            json.dumps(list(claim.flags), ensure_ascii=False),
        )
        for claim in claims
    ]
    place = dateline.place if dateline else None
    agency = dateline.agency if dateline else None
    conn = db.conn
    with writing(db):
        old = "SELECT id FROM claims WHERE document_id = ?"
        conn.execute(f"DELETE FROM matches WHERE claim_id IN ({old})", (document_id,))
        conn.execute(f"DELETE FROM consistency WHERE claim_id IN ({old})", (document_id,))
        conn.execute("DELETE FROM claims WHERE document_id = ?", (document_id,))
        conn.executemany(_INSERT_CLAIM, rows)
        conn.execute(
            "UPDATE documents SET place = ?, agency = ? "
            "WHERE id = ? AND (place IS NOT ? OR agency IS NOT ?)",
            (place, agency, document_id, place, agency),
        )
        conn.execute(
            "INSERT OR REPLACE INTO extractions "
            "(document_id, extractor, claims, extracted_utc, run_id) VALUES (?, ?, ?, ?, ?)",
            (document_id, extractor, len(rows), utc_now(), run_id),
        )
    return len(rows)


#: Pages the write-ahead log may grow to between checkpoints during a bulk write
#: (SQLite's default is 1,000, about 4 MB). Each checkpoint syncs the database file;
#: ten times fewer of them take a third off the cost of a document's transaction.
BULK_WAL_PAGES = 10_000


@contextmanager
def bulk_writes(db: Database) -> Iterator[None]:
    """Many small transactions in a row: checkpoint the write-ahead log less often."""
    previous = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    db.execute(f"PRAGMA wal_autocheckpoint = {BULK_WAL_PAGES}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA wal_autocheckpoint = {int(previous)}")


#: The triggers that keep claims_fts in step with claims, one per kind of write.
_CLAIMS_FTS_TRIGGERS = ("claims_ai", "claims_ad", "claims_au")


@contextmanager
def deferred_claims_fts(db: Database) -> Iterator[None]:
    """Write claims without keeping the full-text index current, then rebuild it once.

    Each trigger re-indexes a claim as it is written, and FTS5 writes a new index
    segment at every commit: for a corpus extracted a document per transaction that
    is most of the cost of storing its claims, while rebuilding the index from the
    claims table afterwards takes a few seconds. The triggers are set aside in the
    ``deferred_triggers`` table (in the same transaction that drops them), so an
    interrupted run leaves a record and the next ``restore_claims_fts`` (every
    extraction starts with one) puts them back and rebuilds. Another process
    writing claims meanwhile is covered by the rebuild. Only the search index is
    late; the claims themselves are committed document by document as ever.
    """
    with writing(db):
        for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
            f"({', '.join('?' for _ in _CLAIMS_FTS_TRIGGERS)})",
            _CLAIMS_FTS_TRIGGERS,
        ).fetchall():
            db.execute(
                "INSERT OR REPLACE INTO deferred_triggers (name, sql) VALUES (?, ?)", [name, sql]
            )
            db.execute(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        restore_claims_fts(db)


def restore_claims_fts(db: Database) -> bool:
    """Put back triggers a deferred run set aside and rebuild claims_fts; True if it did."""
    with writing(db):
        deferred = db.execute("SELECT name, sql FROM deferred_triggers").fetchall()
        if not deferred:
            return False
        for name, sql in deferred:
            db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
            db.execute(sql)
        db.execute("DELETE FROM deferred_triggers")
        db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")
    return True


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
    # Consistency flags join the extraction flags; origin and matches come with them.
    rows = attach_consistency(db, rows)
    return rows


def table_counts(db: Database) -> dict[str, int]:
    """Row counts of the main tables."""
    names = ("documents", "claims", "matches", "runs")
    return {name: int(db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0]) for name in names}


# --- match index, matches and consistency ------------------------------------------------


def database_path(db: Database) -> str:
    """The file the database was opened from (worker processes open their own)."""
    return str(db.execute("PRAGMA database_list").fetchone()[2])


def pending_index(db: Database, *, indexer: str) -> list[str]:
    """Ids of documents with no index row, or one made by another indexer."""
    sql = """
        SELECT d.id FROM documents d
        LEFT JOIN document_index i ON i.document_id = d.id
        WHERE i.document_id IS NULL OR i.indexer != ?
        ORDER BY d.rowid
    """
    return [row[0] for row in db.execute(sql, [indexer])]


def iter_document_texts(db: Database, doc_ids: Sequence[str]) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of the given documents, in the order given."""
    for offset in range(0, len(doc_ids), 500):
        chunk = list(doc_ids[offset:offset + 500])
        marks = ", ".join("?" for _ in chunk)
        texts = dict(db.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk))
        for doc_id in chunk:
            if doc_id in texts:
                yield doc_id, texts[doc_id]


def load_document_text(db: Database, doc_id: str) -> str | None:
    """One document's original text, or None."""
    row = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    return row[0] if row else None


def save_document_index(
    db: Database,
    rows: Sequence[tuple[str, bytes, bytes, int]],
    *,
    indexer: str,
    run_id: int | None,
) -> None:
    """Store ``(document id, ngram hashes, positions, bigrams)`` rows in one transaction."""
    now = utc_now()
    # Reads max(seq) then writes: take the write lock first (two matchers at once).
    with writing(db):
        seq = int(db.execute("SELECT coalesce(max(seq), 0) FROM document_index").fetchone()[0])
        # Another process may have indexed these documents since we listed them:
        # indexing them again would only bump the index state and redo matching.
        done = {
            row[0]
            for offset in range(0, len(rows), 500)
            for row in db.execute(
                "SELECT document_id FROM document_index WHERE indexer = ? AND document_id IN ("
                + ", ".join("?" for _ in rows[offset:offset + 500]) + ")",
                [indexer, *(r[0] for r in rows[offset:offset + 500])],
            )
        }
        records = []
        for doc_id, ngrams, positions, bigrams in rows:
            if doc_id in done:
                continue
            seq += 1
            records.append(
                {
                    "document_id": doc_id, "seq": seq, "indexer": indexer, "bigrams": bigrams,
                    "ngrams": ngrams, "positions": positions, "indexed_utc": now,
                    "run_id": run_id,
                }
            )
        if records:
            db.table("document_index").insert_all(records, batch_size=200, replace=True)


def index_seq(db: Database) -> int:
    """The current index state: the sequence number of the last index row written."""
    return int(db.execute("SELECT coalesce(max(seq), 0) FROM document_index").fetchone()[0])


def load_document_index(db: Database, *, indexer: str) -> Iterator[tuple[str, int, bytes, bytes]]:
    """``(document id, seq, ngram hashes, positions)`` of every current indexed document.

    Documents superseded by a newer version of the same publication are left out.
    """
    sql = """
        SELECT i.document_id, i.seq, i.ngrams, i.positions FROM document_index i
        WHERE i.indexer = ?
          AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.supersedes = i.document_id)
        ORDER BY i.seq
    """
    yield from db.execute(sql, [indexer])


def document_sources(db: Database) -> dict[str, tuple[str | None, str | None, str | None]]:
    """``id -> (outlet, published, url)`` of every document."""
    return {
        row[0]: (row[1], row[2], row[3])
        for row in db.execute("SELECT id, outlet, published, url FROM documents")
    }


def claims_to_match(
    db: Database, *, kinds: Sequence[str], matcher: str, seq: int, force: bool = False
) -> list[dict[str, Any]]:
    """Claims of these kinds not yet matched against index state ``seq`` by ``matcher``
    (with ``force``, every claim of these kinds, to be matched from scratch).

    Each row has ``id, document_id, kind, text, speaker`` and ``after_seq``: the index
    state it was last matched against (0 when it must be matched from scratch).
    """
    marks = ", ".join("?" for _ in kinds)
    if force:
        sql = f"""
            SELECT id, document_id, kind, text, speaker, 0 AS after_seq FROM claims
            WHERE kind IN ({marks}) ORDER BY document_id, start
        """
        return [dict(row) for row in db.query(sql, list(kinds))]
    sql = f"""
        SELECT c.id, c.document_id, c.kind, c.text, c.speaker,
               CASE WHEN k.matcher = ? THEN k.index_seq ELSE 0 END AS after_seq
        FROM claims c LEFT JOIN consistency k ON k.claim_id = c.id
        WHERE c.kind IN ({marks})
          AND (k.claim_id IS NULL OR k.matcher != ? OR k.index_seq < ?)
        ORDER BY c.document_id, c.start
    """
    return [dict(row) for row in db.query(sql, [matcher, *kinds, matcher, seq])]


def claims_overlapping(db: Database, document_id: str, start: int, end: int) -> list[dict[str, Any]]:
    """A document's claims that overlap ``[start, end)``, most overlap first."""
    sql = """
        SELECT kind, start, "end", text, speaker FROM claims
        WHERE document_id = ? AND start < ? AND "end" > ?
    """
    rows = [dict(row) for row in db.query(sql, [document_id, end, start])]
    rows.sort(key=lambda r: (-(min(end, r["end"]) - max(start, r["start"])), r["start"]))
    return rows


def _diff_json(match: Match) -> str:
    return json.dumps(
        {
            "ops": [
                {"op": d.op, "claim": d.claim, "other": d.other, "kind": d.kind}
                for d in match.diff
            ],
            "missing": [match.missing_start, match.missing_end],
            "fragment": match.fragment,
        },
        ensure_ascii=False,
    )


def _match_from_row(row: dict[str, Any]) -> Match:
    diff = json.loads(row["diff"]) if row["diff"] else {}
    missing = diff.get("missing", [0, 0])
    return Match(
        document_id=row["document_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"] or "",
        score=row["score"],
        relation=Relation(row["relation"]),
        diff=tuple(
            WordDiff(d["op"], d["claim"], d["other"], d["kind"]) for d in diff.get("ops", [])
        ),
        missing_start=missing[0],
        missing_end=missing[1],
        fragment=bool(diff.get("fragment")),
        speaker=row["speaker"],
    )


def load_matches(db: Database, claim_ids: Sequence[str]) -> dict[str, list[Match]]:
    """Stored matches by claim id, best first."""
    found: dict[str, list[Match]] = {claim: [] for claim in claim_ids}
    for offset in range(0, len(claim_ids), 500):
        chunk = list(claim_ids[offset:offset + 500])
        marks = ", ".join("?" for _ in chunk)
        sql = f"""
            SELECT claim_id, document_id, start, "end", text, score, relation, diff, speaker
            FROM matches WHERE claim_id IN ({marks}) ORDER BY score DESC, document_id, start
        """
        for row in db.query(sql, chunk):
            found[row["claim_id"]].append(_match_from_row(row))
    return found


@dataclass(frozen=True, slots=True)
class ClaimMatches:
    """What matching one claim produced, ready to store."""

    claim_id: str
    matches: tuple[Match, ...]
    flags: tuple[str, ...]
    origin_document_id: str | None
    replace: bool
    """Whether the claim's stored matches are replaced (else the new ones are added)."""


def save_claim_matches(
    db: Database,
    results: Sequence[ClaimMatches],
    *,
    matcher: str,
    seq: int,
    run_id: int | None,
) -> None:
    """Store matches and consistency of a batch of claims in one transaction."""
    now = utc_now()
    with writing(db):
        db.conn.executemany(
            "DELETE FROM matches WHERE claim_id = ?",
            [(r.claim_id,) for r in results if r.replace],
        )
        db.conn.executemany(
            "DELETE FROM matches WHERE claim_id = ? AND document_id = ?",
            [(r.claim_id, m.document_id) for r in results if not r.replace for m in r.matches],
        )
        rows = [
            {
                "claim_id": result.claim_id, "document_id": m.document_id,
                "start": m.start, "end": m.end, "text": m.text, "score": m.score,
                "relation": str(m.relation), "diff": _diff_json(m),
                "speaker": m.speaker, "run_id": run_id,
            }
            for result in results
            for m in result.matches
        ]
        if rows:
            db.table("matches").insert_all(rows, batch_size=500)
        totals: dict[str, int] = {}
        ids = [r.claim_id for r in results]
        for offset in range(0, len(ids), 500):
            chunk = ids[offset:offset + 500]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT claim_id, count(*) FROM matches WHERE claim_id IN ({marks}) GROUP BY claim_id"
            totals.update(dict(db.execute(sql, chunk).fetchall()))
        if results:
            db.table("consistency").insert_all(
                [
                    {
                        "claim_id": result.claim_id,
                        "flags": json.dumps(list(result.flags), ensure_ascii=False),
                        "origin_document_id": result.origin_document_id,
                        "matches": totals.get(result.claim_id, 0),
                        "index_seq": seq,
                        "matcher": matcher,
                        "judged_utc": now,
                        "run_id": run_id,
                    }
                    for result in results
                ],
                batch_size=500,
                replace=True,
            )


def match_json(match: Match, source: tuple[str | None, str | None, str | None]) -> dict[str, Any]:
    """A match in the JSON shape the CLI prints."""
    outlet, published, url = source
    return {
        "document_id": match.document_id, "url": url, "outlet": outlet,
        "published": published, "start": match.start, "end": match.end, "text": match.text,
        "score": match.score, "relation": str(match.relation), "speaker": match.speaker,
    }


def attach_consistency(db: Database, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add consistency flags (to ``flags``), ``origin`` and ``matches`` to claim rows."""
    if not rows:
        return rows
    ids = [row["id"] for row in rows]
    verdicts: dict[str, tuple[list[str], str | None]] = {}
    for offset in range(0, len(ids), 500):
        chunk = ids[offset:offset + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT claim_id, flags, origin_document_id FROM consistency WHERE claim_id IN ({marks})"
        for claim, flags, origin in db.execute(sql, chunk):
            verdicts[claim] = (json.loads(flags), origin)
    matches = load_matches(db, [claim for claim in ids if claim in verdicts])
    wanted = {m.document_id for ms in matches.values() for m in ms}
    wanted |= {origin for _, origin in verdicts.values() if origin}
    sources = _sources_of(db, wanted)
    for row in rows:
        flags, origin = verdicts.get(row["id"], ([], None))
        row["flags"] = list(row.get("flags") or []) + [f for f in flags if f not in row["flags"]]
        if origin is not None:
            outlet, published, url = sources.get(origin, (None, None, None))
            row["origin"] = {"document_id": origin, "url": url, "outlet": outlet,
                             "published": published}
        else:
            row["origin"] = None
        row["matches"] = [
            match_json(m, sources.get(m.document_id, (None, None, None)))
            for m in matches.get(row["id"], [])
        ]
    return rows


def _sources_of(db: Database, doc_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None, str | None]]:
    ids = list(doc_ids)
    found: dict[str, tuple[str | None, str | None, str | None]] = {}
    for offset in range(0, len(ids), 500):
        chunk = ids[offset:offset + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in db.execute(
            f"SELECT id, outlet, published, url FROM documents WHERE id IN ({marks})", chunk
        ):
            found[row[0]] = (row[1], row[2], row[3])
    return found


# --- speakers ----------------------------------------------------------------------------


def load_speaker_forms(db: Database) -> dict[str, tuple[int, str]]:
    """``form -> (speaker id, speaker name)`` for every name form seen."""
    sql = "SELECT f.form, f.speaker_id, s.name FROM speaker_forms f JOIN speakers s ON s.id = f.speaker_id"
    return {row[0]: (row[1], row[2]) for row in db.execute(sql)}


def new_speaker_forms(db: Database) -> list[str]:
    """Speaker names in claims and matches that are in no speaker group yet."""
    sql = """
        SELECT DISTINCT name FROM (
            SELECT speaker AS name FROM claims WHERE speaker IS NOT NULL
            UNION SELECT speaker FROM matches WHERE speaker IS NOT NULL
        ) WHERE name NOT IN (SELECT form FROM speaker_forms) ORDER BY name
    """
    return [row[0] for row in db.execute(sql)]


def save_speaker_forms(db: Database, groups: Sequence[tuple[str, str, Sequence[str]]]) -> None:
    """Store name forms as ``(speaker name, key, forms)``: a new group, or forms added to
    the existing group of that name."""
    now = utc_now()
    with writing(db):
        for name, key, forms in groups:
            row = db.execute("SELECT id FROM speakers WHERE name = ?", [name]).fetchone()
            if row is None:
                table = db.table("speakers")
                table.insert({"name": name, "key": key})
                assert table.last_pk is not None
                speaker_id = int(table.last_pk)
            else:
                speaker_id = int(row[0])
            db.table("speaker_forms").insert_all(
                [{"form": form, "speaker_id": speaker_id, "key": key, "seen_utc": now}
                 for form in forms],
                replace=True,
            )


# --- reports and exports -----------------------------------------------------------------

#: Document columns a report shows (everything but the text, plus extraction details).
REPORT_DOCUMENT_COLUMNS = (
    "id", "title", "outlet", "url", "published", "author", "lang", "place", "agency",
    "content_hash", "chars", "source_path", "source_member", "source_line", "supersedes",
    "ingested_utc",
)


def _report_document_sql(where: str) -> str:
    columns = ", ".join(f"d.{name}" for name in REPORT_DOCUMENT_COLUMNS)
    return f"""
        SELECT {columns}, e.extractor, e.extracted_utc,
               (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims
        FROM documents d LEFT JOIN extractions e ON e.document_id = d.id
        {where}
        ORDER BY d.published IS NULL, d.published, d.id
    """


def list_report_documents(db: Database, doc_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Documents with their provenance and extraction (no text), oldest publication first.

    Ids may be unique prefixes; ids that match nothing are left out.
    """
    if doc_ids is None:
        return [dict(row) for row in db.query(_report_document_sql(""))]
    ids: list[str] = []
    for doc_id in doc_ids:
        doc = load_document(db, doc_id)
        if doc is not None and doc.id not in ids:
            ids.append(doc.id)
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return [dict(row) for row in db.query(_report_document_sql(f"WHERE d.id IN ({marks})"), ids)]


def _json_list(value: str | None) -> list[Any]:
    return list(json.loads(value)) if value else []


def list_report_claims(db: Database, document_id: str) -> list[dict[str, Any]]:
    """A document's claims in text order, with extraction flags (``flags``), consistency
    flags (``consistency_flags``, None when not yet matched) and ``origin_document_id``."""
    sql = """
        SELECT c.id, c.document_id, c.kind, c.start, c."end", c.text, c.speaker,
               c.speaker_mention, c.cue, c.via, c.sentence, c.paragraph, c.flags,
               k.flags AS consistency_flags, k.origin_document_id
        FROM claims c LEFT JOIN consistency k ON k.claim_id = c.id
        WHERE c.document_id = ?
        ORDER BY c.start, c."end", c.kind, c.id
    """
    rows = []
    for row in db.query(sql, [document_id]):
        row = dict(row)
        row["flags"] = _json_list(row["flags"])
        row["consistency_flags"] = (
            None if row["consistency_flags"] is None else _json_list(row["consistency_flags"])
        )
        rows.append(row)
    return rows


_APPEARANCE_DOCUMENT_COLUMNS = "d.outlet, d.url, d.published, d.title, d.lang, d.agency"


def list_report_appearances(db: Database, document_id: str) -> list[dict[str, Any]]:
    """Where the claims of a document appear in other documents.

    Each row has ``claim_id`` (a claim of this document), the other ``document_id`` and
    its provenance, ``start``/``end``/``text``/``speaker`` there, ``relation``, ``score``
    and ``diff`` (parsed JSON or None), and ``direction``:

    - ``found``: the claim's words were found in the other document;
    - ``found_here``: a claim of the other document was found in this one, over this
      claim's span (matching may run in one direction only).
    """
    found = f"""
        SELECT m.claim_id, m.document_id, m.start, m."end", m.text, m.speaker, m.relation,
               m.score, m.diff, 'found' AS direction, {_APPEARANCE_DOCUMENT_COLUMNS}
        FROM matches m
        JOIN claims c ON c.id = m.claim_id
        JOIN documents d ON d.id = m.document_id
        WHERE c.document_id = ? AND m.document_id != c.document_id
    """
    found_here = f"""
        SELECT c.id AS claim_id, o.document_id, o.start, o."end", o.text, o.speaker,
               m.relation, m.score, NULL AS diff, 'found_here' AS direction,
               {_APPEARANCE_DOCUMENT_COLUMNS}
        FROM matches m
        JOIN claims o ON o.id = m.claim_id
        JOIN claims c ON c.document_id = m.document_id AND c.start < m."end" AND c."end" > m.start
        JOIN documents d ON d.id = o.document_id
        WHERE m.document_id = ? AND o.document_id != m.document_id
        ORDER BY m.score DESC, o.start
    """
    rows = []
    for row in db.query(found, [document_id]):
        row = dict(row)
        row["diff"] = json.loads(row["diff"]) if row["diff"] else None
        rows.append(row)
    seen = {(row["claim_id"], row["document_id"]) for row in rows}
    for row in db.query(found_here, [document_id]):
        if (row["claim_id"], row["document_id"]) not in seen:
            seen.add((row["claim_id"], row["document_id"]))
            rows.append(dict(row))
    rows.sort(key=lambda r: (r["claim_id"], r["published"] is None, r["published"] or "",
                             r["document_id"], r["start"]))
    return rows


def speaker_forms_of(db: Database, name: str) -> list[str]:
    """Every stored form of a speaker's name: the forms grouped with ``name`` (when the
    store groups speakers), else the claim speaker names that contain ``name``."""
    sql = """
        SELECT DISTINCT f2.form FROM speaker_forms f1
        JOIN speakers s ON s.id = f1.speaker_id
        JOIN speaker_forms f2 ON f2.speaker_id = s.id
        WHERE f1.form = ? OR s.name = ?
    """
    forms = {row[0] for row in db.execute(sql, [name, name])}
    like = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    forms |= {
        row[0] for row in db.execute(
            "SELECT DISTINCT speaker FROM claims WHERE speaker LIKE ? ESCAPE '\\'", [like]
        )
    }
    return sorted(forms)


def list_speaker_claims(db: Database, forms: Sequence[str]) -> list[dict[str, Any]]:
    """Claims attributed to any of these speaker names, with their document's provenance,
    oldest publication first."""
    if not forms:
        return []
    marks = ", ".join("?" for _ in forms)
    sql = f"""
        SELECT c.id, c.document_id, c.kind, c.start, c."end", c.text, c.speaker, c.via,
               c.cue, {_APPEARANCE_DOCUMENT_COLUMNS}
        FROM claims c JOIN documents d ON d.id = c.document_id
        WHERE c.speaker IN ({marks}) AND c.kind != 'term'
        ORDER BY d.published IS NULL, d.published, c.document_id, c.start, c.id
    """
    return [dict(row) for row in db.query(sql, list(forms))]


def iter_export_claims(db: Database) -> Iterator[dict[str, Any]]:
    """Every claim with its document's provenance, flags (extraction and consistency),
    ``origin`` and ``matches``, in document and text order (see ``attach_consistency``)."""
    sql = """
        SELECT c.id, c.document_id, d.url, d.outlet, d.published, d.title, d.author, d.lang,
               d.place, d.agency, d.content_hash, d.ingested_utc, c.kind, c.text, c.start,
               c."end", c.speaker, c.speaker_mention, c.cue, c.via, c.sentence, c.paragraph,
               c.flags
        FROM claims c JOIN documents d ON d.id = c.document_id
        ORDER BY d.published IS NULL, d.published, d.id, c.start, c.kind, c.id
    """
    batch: list[dict[str, Any]] = []
    for row in db.query(sql):
        row = dict(row)
        row["flags"] = _json_list(row["flags"])
        batch.append(row)
        if len(batch) >= 500:
            yield from attach_consistency(db, batch)
            batch = []
    if batch:
        yield from attach_consistency(db, batch)


def summary_counts(db: Database) -> dict[str, Any]:
    """Documents, matches, claims by kind and claims by flag (extraction and consistency)."""
    kinds = {row[0]: int(row[1]) for row in db.execute(
        "SELECT kind, count(*) FROM claims GROUP BY kind ORDER BY kind")}
    sql = """
        SELECT value, count(DISTINCT claim_id) FROM (
            SELECT c.id AS claim_id, j.value FROM claims c, json_each(c.flags) j
            UNION ALL
            SELECT k.claim_id, j.value FROM consistency k, json_each(k.flags) j
        ) GROUP BY value ORDER BY value
    """
    flags = {row[0]: int(row[1]) for row in db.execute(sql)}
    return {
        "documents": count_documents(db),
        "claims": sum(kinds.values()),
        "kinds": kinds,
        "flags": flags,
        "matches": int(db.execute("SELECT count(*) FROM matches").fetchone()[0]),
    }


def load_index_snapshot(db: Database, *, indexer: str, seq: int) -> dict[str, Any] | None:
    """The stored merged index for this indexer and index state, or None when stale."""
    row = db.execute(
        "SELECT doc_ids, doc_seq, hashes, locations, offsets FROM index_snapshots "
        "WHERE indexer = ? AND seq = ?",
        [indexer, seq],
    ).fetchone()
    if row is None:
        return None
    return {"doc_ids": json.loads(row[0]), "doc_seq": row[1], "hashes": row[2],
            "locations": row[3], "offsets": row[4]}


def save_index_snapshot(
    db: Database, *, indexer: str, seq: int, doc_ids: Sequence[str], arrays: dict[str, bytes]
) -> None:
    """Replace the stored merged index (one row per indexer)."""
    with writing(db):
        db.table("index_snapshots").upsert(
            {"indexer": indexer, "seq": seq, "doc_ids": json.dumps(list(doc_ids)),
             "created_utc": utc_now(), **arrays},
            pk="indexer",
        )
