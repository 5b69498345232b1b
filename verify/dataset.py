"""Parquet datasets of a distributed run, and loading them into the claims database.

A dataset directory holds four tables, each a directory of ``part-NNNNN.parquet``
files written by whichever worker made that part:

- ``documents``: one row per document (text included), with its dateline and the
  version it supersedes;
- ``claims``: one row per claim, ids as the database derives them;
- ``matches``: one row per appearance of a claim in another document;
- ``consistency``: one row per matched (or too short) claim: flags and origin.

A part is written to a temporary name and renamed, so a task that runs twice (a
worker lost and its work redone) leaves one complete part, never a half or a copy.
Needs the ``dask`` extra (pyarrow).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verify.errors import VerifyError
from verify.models import Dateline, Document, Match, Relation, WordDiff

TABLES = ("documents", "claims", "matches", "consistency")

_DOCUMENT_COLUMNS = (
    ("id", "string"), ("content_hash", "string"), ("identity", "string"), ("title", "string"),
    ("outlet", "string"), ("url", "string"), ("published", "string"), ("author", "string"),
    ("lang", "string"), ("place", "string"), ("agency", "string"), ("chars", "int64"),
    ("source_path", "string"), ("source_member", "string"), ("source_line", "int64"),
    ("supersedes", "string"), ("extractor", "string"), ("text", "string"),
)
_CLAIM_COLUMNS = (
    ("id", "string"), ("document_id", "string"), ("kind", "string"), ("start", "int64"),
    ("end", "int64"), ("text", "string"), ("normalized", "string"), ("speaker", "string"),
    ("speaker_mention", "string"), ("cue", "string"), ("via", "string"), ("sentence", "int64"),
    ("paragraph", "int64"), ("flags", "list<string>"),
)
_MATCH_COLUMNS = (
    ("claim_id", "string"), ("document_id", "string"), ("start", "int64"), ("end", "int64"),
    ("text", "string"), ("score", "float64"), ("relation", "string"), ("diff", "string"),
    ("speaker", "string"),
)
_CONSISTENCY_COLUMNS = (
    ("claim_id", "string"), ("flags", "list<string>"), ("origin_document_id", "string"),
    ("matches", "int64"), ("matcher", "string"),
)
COLUMNS = {
    "documents": _DOCUMENT_COLUMNS, "claims": _CLAIM_COLUMNS,
    "matches": _MATCH_COLUMNS, "consistency": _CONSISTENCY_COLUMNS,
}


def _schema(table: str) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(),
             "list<string>": pa.list_(pa.string())}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


def part_path(root: str | Path, table: str, part: int) -> Path:
    """Where part ``part`` of ``table`` lives under the dataset directory ``root``."""
    return Path(root) / table / f"part-{part:05d}.parquet"


def clear_dataset(root: str | Path) -> None:
    """Remove the parts of an earlier run (only files this module writes)."""
    for table in TABLES:
        folder = Path(root) / table
        if folder.is_dir():
            for path in folder.glob("part-*.parquet"):
                path.unlink()


def save_part(root: str | Path, table: str, part: int, rows: Sequence[dict[str, Any]]) -> int:
    """Write one part of ``table`` atomically; returns the rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = part_path(root, table, part)
    path.parent.mkdir(parents=True, exist_ok=True)
    schema = _schema(table)
    data = pa.Table.from_pylist([{name: row.get(name) for name in schema.names} for row in rows],
                                schema=schema)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{id(rows)}.tmp")
    pq.write_table(data, temporary)
    os.replace(temporary, path)
    return len(rows)


def document_rows(
    documents: Sequence[Document],
    datelines: dict[str, Dateline | None],
    supersedes: dict[str, str],
    *,
    extractor: str,
) -> list[dict[str, Any]]:
    """Documents as ``documents`` rows."""
    from verify.ingest import document_identity

    rows = []
    for doc in documents:
        dateline = datelines.get(doc.id)
        rows.append({
            "id": doc.id, "content_hash": doc.content_hash, "identity": document_identity(doc),
            "title": doc.title, "outlet": doc.outlet, "url": doc.url, "published": doc.published,
            "author": doc.author, "lang": doc.lang,
            "place": dateline.place if dateline else None,
            "agency": dateline.agency if dateline else None,
            "chars": len(doc.text), "source_path": doc.source_path,
            "source_member": doc.source_member, "source_line": doc.source_line,
            "supersedes": supersedes.get(doc.id), "extractor": extractor, "text": doc.text,
        })
    return rows


def match_row(claim_id: str, match: Match) -> dict[str, Any]:
    """A match as a ``matches`` row (the word diff as JSON, as the database keeps it)."""
    diff = {
        "ops": [{"op": d.op, "claim": d.claim, "other": d.other, "kind": d.kind} for d in match.diff],
        "missing": [match.missing_start, match.missing_end],
        "fragment": match.fragment,
    }
    return {
        "claim_id": claim_id, "document_id": match.document_id, "start": match.start,
        "end": match.end, "text": match.text, "score": match.score,
        "relation": str(match.relation), "diff": json.dumps(diff, ensure_ascii=False),
        "speaker": match.speaker,
    }


def match_from_row(row: dict[str, Any]) -> Match:
    """The inverse of ``match_row``."""
    diff = json.loads(row["diff"]) if row["diff"] else {}
    missing = diff.get("missing", [0, 0])
    return Match(
        document_id=row["document_id"], start=int(row["start"]), end=int(row["end"]),
        text=row["text"] or "", score=float(row["score"]), relation=Relation(row["relation"]),
        diff=tuple(WordDiff(d["op"], d["claim"], d["other"], d["kind"]) for d in diff.get("ops", [])),
        missing_start=missing[0], missing_end=missing[1], fragment=bool(diff.get("fragment")),
        speaker=row["speaker"],
    )


def iter_rows(root: str | Path, table: str, columns: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every row of ``table``, part by part, in part order."""
    import pyarrow.parquet as pq

    folder = Path(root) / table
    for path in sorted(folder.glob("part-*.parquet")):
        parquet = pq.ParquetFile(path)
        for batch in parquet.iter_batches(columns=list(columns) if columns else None, batch_size=2000):
            yield from batch.to_pylist()


def check_dataset(root: str | Path) -> None:
    """Raise unless ``root`` holds a dataset written by ``verify run --engine dask``."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise VerifyError(
            "reading a dataset needs pyarrow: pip install 'verify[dask]'"
        ) from None
    missing = [t for t in TABLES if not any((Path(root) / t).glob("part-*.parquet"))]
    if missing:
        raise VerifyError(
            f"{root}: not a verify dataset (no parts for {', '.join(missing)}); "
            "write one with `verify run PATH --engine dask --dataset DIR`"
        )


# --- loading into the claims database ------------------------------------------------------


@dataclass(slots=True)
class LoadSummary:
    """What one load did."""

    documents: int = 0
    referenced: int = 0
    claims: int = 0
    matched: int = 0
    matches: int = 0
    filters: dict[str, str] = field(default_factory=dict)


def _wanted(row: dict[str, Any], outlet: str | None, since: str | None, until: str | None) -> bool:
    if outlet is not None and (row["outlet"] or "").strip().casefold() != outlet.strip().casefold():
        return False
    day = (row["published"] or "")[:10]
    if since is not None and (not day or day < since):
        return False
    return not (until is not None and (not day or day > until[:10]))


def load_dataset(
    db: Any,
    root: str | Path,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    speaker: str | None = None,
    run_id: int | None = None,
) -> LoadSummary:
    """Bring a dataset, or the slice the filters select, into the claims database.

    A slice holds the documents the filters select (by outlet, by publication date
    ``since``/``until`` inclusive, by a speaker they quote), all their claims, the
    matches and flags of those claims, and the documents those matches point to (so
    reports can show them). Loading again is idempotent. The loaded documents are
    indexed, so later ``verify run`` calls match only what is new.
    """
    from verify import pipeline, storage
    from verify.consistency import same_person
    from verify.stages import claim_from_row

    check_dataset(root)
    summary = LoadSummary(filters={k: v for k, v in
                                   {"outlet": outlet, "since": since, "until": until,
                                    "speaker": speaker}.items() if v is not None})
    selected = {
        row["id"]
        for row in iter_rows(root, "documents", ["id", "outlet", "published"])
        if _wanted(row, outlet, since, until)
    }
    if speaker is not None:
        quoted = {
            row["document_id"]
            for row in iter_rows(root, "claims", ["document_id", "speaker"])
            if row["speaker"] and (row["speaker"] == speaker or same_person(row["speaker"], speaker))
        }
        selected &= quoted
    claims_of: dict[str, list[dict[str, Any]]] = {}
    for row in iter_rows(root, "claims"):
        if row["document_id"] in selected:
            claims_of.setdefault(row["document_id"], []).append(row)
    claim_ids = {row["id"] for rows in claims_of.values() for row in rows}
    verdicts = {
        row["claim_id"]: row for row in iter_rows(root, "consistency") if row["claim_id"] in claim_ids
    }
    matches: dict[str, list[Match]] = {}
    referenced: set[str] = set()
    for row in iter_rows(root, "matches"):
        if row["claim_id"] in verdicts:
            matches.setdefault(row["claim_id"], []).append(match_from_row(row))
            referenced.add(row["document_id"])
    referenced |= {v["origin_document_id"] for v in verdicts.values() if v["origin_document_id"]}
    referenced -= selected
    if referenced:
        for row in iter_rows(root, "claims"):
            if row["document_id"] in referenced:
                claims_of.setdefault(row["document_id"], []).append(row)
    # Documents in dataset order, so versions supersede each other as they did there.
    wanted = selected | referenced
    batch: list[Document] = []
    extra: dict[str, dict[str, Any]] = {}

    def flush() -> None:
        storage.save_documents(db, batch, run_id=run_id)
        for doc in batch:
            info = extra[doc.id]
            rows = claims_of.get(doc.id, [])
            dateline = (Dateline(info["place"], info["agency"], 0, 0)
                        if info["place"] or info["agency"] else None)
            summary.claims += storage.save_extraction(
                db, doc.id, [claim_from_row(r) for r in sorted(rows, key=_claim_order)],
                dateline, extractor=info["extractor"], run_id=run_id,
            )
        batch.clear()
        extra.clear()

    for row in iter_rows(root, "documents"):
        if row["id"] not in wanted:
            continue
        batch.append(Document(**{name: row[name] for name in Document.__slots__}))
        extra[row["id"]] = row
        if row["id"] in selected:
            summary.documents += 1
        else:
            summary.referenced += 1
        if len(batch) >= 500:
            flush()
    if batch:
        flush()
    pipeline.index_documents(db, run_id=run_id)
    seq = storage.index_seq(db)
    results = [
        storage.ClaimMatches(
            claim_id, tuple(sorted(matches.get(claim_id, []), key=lambda m: (-m.score, m.document_id))),
            tuple(verdict["flags"] or ()), verdict["origin_document_id"], True,
        )
        for claim_id, verdict in sorted(verdicts.items())
    ]
    for offset in range(0, len(results), 500):
        chunk = results[offset:offset + 500]
        matcher = verdicts[chunk[0].claim_id]["matcher"]
        storage.save_claim_matches(db, chunk, matcher=matcher, seq=seq, run_id=run_id)
    summary.matched = len(results)
    summary.matches = sum(len(r.matches) for r in results)
    pipeline.group_speakers(db)
    return summary


def _claim_order(row: dict[str, Any]) -> tuple[int, str]:
    return int(row["start"]), str(row["kind"])

