"""The stages as library calls: read -> store, store -> extract -> store.

Each function takes an open database and a progress callback and returns a
summary; none prints or exits. The CLI and ``verify run`` call these.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from verify import storage
from verify.errors import InputError
from verify.ingest import IngestOptions, find_inputs, read_batches
from verify.models import Extraction
from verify.storage import Database

#: Progress callback: (units done since last call, total units or None, label).
Progress = Callable[[int, "int | None", str], None]


def _no_progress(advance: int, total: int | None, label: str) -> None:
    return None


@dataclass(slots=True)
class IngestSummary:
    """What one ingest call did."""

    added: int = 0
    versioned: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("document_ids")
        return data


def ingest_paths(
    db: Database,
    paths: Sequence[str | Path],
    options: IngestOptions,
    *,
    run_id: int | None = None,
    progress: Progress = _no_progress,
) -> IngestSummary:
    """Read every input under ``paths`` and store its documents, a transaction per batch.

    A file that fails leaves no rows; the other files are still stored.
    """
    summary = IngestSummary()
    inputs: list[Path] = []
    for item in find_inputs(paths):
        if isinstance(item, InputError):
            summary.failed += 1
            summary.errors.append(str(item))
        elif isinstance(item, str):
            summary.skipped += 1
            summary.warnings.append(item)
        else:
            inputs.append(item)
    total_bytes = sum(path.stat().st_size for path in inputs) or None
    progress(0, total_bytes, "ingest")
    for path in inputs:
        for batch in read_batches(path, options):
            summary.skipped += batch.skipped
            summary.warnings += batch.warnings
            summary.failed += len(batch.errors)
            summary.errors += [str(error) for error in batch.errors]
            if batch.documents:
                outcome = storage.save_documents(db, batch.documents, run_id=run_id)
                summary.added += len(outcome.added)
                summary.versioned += len(outcome.versioned)
                summary.unchanged += len(outcome.unchanged)
                summary.document_ids += list(outcome.added) + list(outcome.versioned)
        progress(path.stat().st_size, total_bytes, "ingest")
    return summary


# --- extraction --------------------------------------------------------------------------


@dataclass(slots=True)
class ExtractSummary:
    """What one extract call did."""

    documents: int = 0
    claims: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


def extractor_name() -> str:
    """Names the rules that made the claims; a change re-extracts stored documents."""
    from verify.extract import EXTRACTOR_VERSION

    return f"verify-rules/{EXTRACTOR_VERSION}"


def _extract_one(args: tuple[str, str, str | None]) -> tuple[str, Extraction]:
    from verify.extract import extract

    doc_id, text, lang = args
    return doc_id, extract(text, lang=lang)


def _extraction_jobs(db: Database, ids: Iterable[str]) -> Iterator[tuple[str, str, str | None]]:
    for doc in storage.iter_documents(db, ids):
        yield doc.id, doc.text, doc.lang


def extract_documents(
    db: Database,
    doc_ids: Sequence[str] | None = None,
    *,
    force: bool = False,
    workers: int = 1,
    run_id: int | None = None,
    progress: Progress = _no_progress,
) -> ExtractSummary:
    """Extract claims from stored documents (those not yet extracted, or the ids given).

    Each document's claims are replaced in their own transaction, so an
    interrupted run keeps what it finished and a rerun completes the rest.
    """
    name = extractor_name()
    if doc_ids:
        ids = list(doc_ids)
    else:
        ids = storage.pending_extraction(db, extractor=name, force=force)
    summary = ExtractSummary()
    progress(0, len(ids), "extract")
    jobs = _extraction_jobs(db, ids)
    workers = max(1, min(workers, os.cpu_count() or 1, len(ids) or 1))
    if workers == 1:
        results: Iterable[tuple[str, Extraction]] = map(_extract_one, jobs)
        _store_extractions(db, results, name, run_id, summary, progress)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = bounded_map(pool, _extract_one, jobs, window=workers * 32)
            _store_extractions(db, results, name, run_id, summary, progress)
    return summary


def bounded_map(
    pool: ProcessPoolExecutor, fn: Callable[[Any], Any], items: Iterable[Any], *, window: int
) -> Iterator[Any]:
    """``pool.map`` that keeps at most ``window`` items in flight, in order.

    ``Executor.map`` submits the whole iterable at once, which would hold every
    document's text in memory; this keeps memory flat as the corpus grows.
    """
    pending: deque[Future[Any]] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _store_extractions(
    db: Database,
    results: Iterable[tuple[str, Extraction]],
    name: str,
    run_id: int | None,
    summary: ExtractSummary,
    progress: Progress,
) -> None:
    for doc_id, extraction in results:
        stored = storage.save_extraction(
            db, doc_id, extraction.claims, extraction.dateline, extractor=name, run_id=run_id
        )
        summary.documents += 1
        summary.claims += stored
        for claim in extraction.claims:
            summary.by_kind[str(claim.kind)] = summary.by_kind.get(str(claim.kind), 0) + 1
        progress(1, None, "extract")
