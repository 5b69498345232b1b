"""The stages as library calls: read -> store, store -> extract -> store.

Each function takes an open database and a progress callback and returns a
summary; none prints or exits. The CLI and ``verify run`` call these.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
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


#: From this many documents on, ``extract_documents`` may rebuild the claims' full-text
#: index once at the end instead of updating it per document.
FTS_DEFER_MIN_DOCUMENTS = 1000
#: Updating the index costs about 1.3 ms a document, rebuilding it about 30 µs a stored
#: claim: deferring pays when the documents are at least this fraction of the claims.
FTS_DEFER_DOCUMENTS_PER_CLAIM = 1 / 40


def _defer_claims_fts(db: Database, documents: int) -> bool:
    if documents < FTS_DEFER_MIN_DOCUMENTS:
        return False
    stored = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    return documents >= stored * FTS_DEFER_DOCUMENTS_PER_CLAIM


def extractor_name() -> str:
    """Names the rules that made the claims; a change re-extracts stored documents."""
    from verify.extract import EXTRACTOR_VERSION

    return f"verify-rules/{EXTRACTOR_VERSION}"


def _extract_one(args: tuple[str, str, str | None]) -> tuple[str, Extraction]:
    from verify.extract import extract

    doc_id, text, lang = args
    return doc_id, extract(text, lang=lang)


def _extract_chunk(chunk: list[tuple[str, str, str | None]]) -> list[tuple[str, Extraction]]:
    return [_extract_one(args) for args in chunk]


#: Documents sent to a worker process at a time: one round trip through the pool per
#: document cost the command process about 0.8 ms of CPU, a third of its share.
EXTRACT_CHUNK = 8


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
    storage.restore_claims_fts(db)  # after a bulk run that was interrupted
    progress(0, len(ids), "extract")
    jobs = _extraction_jobs(db, ids)
    workers = max(1, min(workers, os.cpu_count() or 1, len(ids) or 1))
    with ExitStack() as stack:
        if _defer_claims_fts(db, len(ids)):
            stack.enter_context(storage.deferred_claims_fts(db))
            stack.enter_context(storage.bulk_writes(db))
        if workers == 1:
            results: Iterable[tuple[str, Extraction]] = map(_extract_one, jobs)
        else:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers))
            chunks = bounded_map(pool, _extract_chunk, _chunks(jobs, EXTRACT_CHUNK),
                                 window=workers * 4)
            results = (result for chunk in chunks for result in chunk)
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


# --- index, match, check -----------------------------------------------------------------

#: Claims judged and stored per transaction by ``match_claims``.
MATCH_BATCH = 500


@dataclass(slots=True)
class IndexSummary:
    """What one index call did."""

    documents: int = 0
    bigrams: int = 0


def _index_one(args: tuple[str, str]) -> tuple[str, bytes, bytes, int]:
    from verify.stages import index_document

    return index_document(*args)


def index_documents(
    db: Database,
    *,
    workers: int = 1,
    run_id: int | None = None,
    progress: Progress = _no_progress,
) -> IndexSummary:
    """Index every document not yet indexed (idempotent; a transaction per batch)."""
    from verify.match import INDEXER

    ids = storage.pending_index(db, indexer=INDEXER)
    summary = IndexSummary()
    if not ids:
        return summary
    progress(0, len(ids), "index")
    jobs = storage.iter_document_texts(db, ids)
    workers = max(1, min(workers, os.cpu_count() or 1, len(ids) // 500 or 1))
    batch: list[tuple[str, bytes, bytes, int]] = []

    def store(rows: Iterable[tuple[str, bytes, bytes, int]]) -> None:
        for row in rows:
            batch.append(row)
            summary.documents += 1
            summary.bigrams += row[3]
            if len(batch) >= 500:
                storage.save_document_index(db, batch, indexer=INDEXER, run_id=run_id)
                progress(len(batch), None, "index")
                batch.clear()
        if batch:
            storage.save_document_index(db, batch, indexer=INDEXER, run_id=run_id)
            progress(len(batch), None, "index")
            batch.clear()

    if workers == 1:
        store(map(_index_one, jobs))
    else:
        # Read all texts first: the database cursor must not stay open across writes.
        pending = list(jobs)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            store(bounded_map(pool, _index_one, pending, window=workers * 64))
    return summary


def load_index(db: Database) -> Any:
    """The in-memory candidate index over every current indexed document."""
    from verify.match import INDEXER, NgramIndex
    from verify.match.index import decode_ngrams

    seq = storage.index_seq(db)
    snapshot = storage.load_index_snapshot(db, indexer=INDEXER, seq=seq)
    if snapshot is not None:
        return NgramIndex.from_bytes(snapshot.pop("doc_ids"), snapshot)
    rows = storage.load_document_index(db, indexer=INDEXER)
    index = NgramIndex.build(
        (doc_id, seq, *decode_ngrams(hashes, positions)) for doc_id, seq, hashes, positions in rows
    )
    storage.save_index_snapshot(
        db, indexer=INDEXER, seq=seq, doc_ids=index.doc_ids, arrays=index.to_bytes()
    )
    return index


def group_speakers(db: Database) -> int:
    """File new speaker name forms under a person in ``speakers``; returns how many.

    A form joins the group of a form it can be the same person as (same surname,
    another spelling), else it starts a group of its own.
    """
    from verify.stages import group_speaker_forms

    forms = storage.new_speaker_forms(db)
    if not forms:
        return 0
    known = {form: name for form, (_, name) in storage.load_speaker_forms(db).items()}
    groups = group_speaker_forms(forms, known)
    storage.save_speaker_forms(db, groups)
    return sum(len(group) for _, _, group in groups)


def _speaker_judge(db: Database) -> Callable[[str, str], bool]:
    from verify.consistency import same_person

    forms = storage.load_speaker_forms(db)

    def same(a: str, b: str) -> bool:
        ga, gb = forms.get(a), forms.get(b)
        return (ga is not None and gb is not None and ga[0] == gb[0]) or same_person(a, b)

    return same


class _MatchState:
    """What worker processes inherit (by fork) or the main process uses directly."""

    index: Any = None
    db_path: str | None = None
    db: Database | None = None
    pid: int | None = None
    matcher: Any = None

    @classmethod
    def setup(cls, db: Database, index: Any) -> None:
        cls.index = index
        cls.db_path = storage.database_path(db)
        cls.db, cls.pid, cls.matcher = db, os.getpid(), None

    # Connections inherited through fork are kept referenced and never used: closing
    # one in a child could checkpoint or remove the parent's write-ahead log.
    inherited: list[Database] = []

    @classmethod
    def database(cls) -> Database:
        if cls.pid != os.getpid() or cls.db is None:
            assert cls.db_path is not None
            if cls.db is not None:
                cls.inherited.append(cls.db)
            cls.db, cls.pid, cls.matcher = storage.open_db(cls.db_path), os.getpid(), None
        return cls.db

    @classmethod
    def get_matcher(cls) -> Any:
        from verify.match import Matcher

        db = cls.database()
        if cls.matcher is None:
            cls.matcher = Matcher(cls.index, lambda doc_id: storage.load_document_text(db, doc_id))
        return cls.matcher


def _judge_found(db: Database, claim_text: str, found: Any) -> Any:
    # The judging itself is the stage function the Dask engine calls too.
    from verify.stages import judge_found

    alignment = found.alignment
    containers = storage.claims_overlapping(db, found.document_id, alignment.start, alignment.end)
    return judge_found(claim_text, found, containers)


def _match_one(job: tuple[str, str | None, str, int]) -> tuple[str, int, list[Any]]:
    key, document_id, text, after_seq = job
    matcher = _MatchState.get_matcher()
    db = _MatchState.database()
    exclude = [document_id] if document_id else []
    found = matcher.find(text, exclude=exclude, after_seq=after_seq)
    return key, after_seq, [_judge_found(db, text, f) for f in found]


def _match_chunk(jobs: list[tuple[str, str | None, str, int]]) -> list[tuple[str, int, list[Any]]]:
    return [_match_one(job) for job in jobs]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


#: Claims sent to a worker process at a time (fewer round trips than one by one).
MATCH_CHUNK = 16


def _run_match_jobs(
    db: Database, index: Any, jobs: Iterable[tuple[str, str | None, str, int]], workers: int
) -> Iterator[tuple[str, int, list[Any]]]:
    _MatchState.setup(db, index)
    if workers <= 1:
        yield from map(_match_one, jobs)
        return
    import multiprocessing

    # Fork, so workers share the index the parent built instead of loading their own.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for results in bounded_map(pool, _match_chunk, _chunks(jobs, MATCH_CHUNK), window=workers * 8):
            yield from results


@dataclass(slots=True)
class MatchSummary:
    """What one match call did."""

    indexed: int = 0
    claims: int = 0
    skipped: int = 0
    matches: int = 0
    flags: dict[str, int] = field(default_factory=dict)


def match_claims(
    db: Database,
    *,
    workers: int = 1,
    run_id: int | None = None,
    force: bool = False,
    progress: Progress = _no_progress,
) -> MatchSummary:
    """Match every claim not yet matched against the current index, and judge it.

    Incremental: a claim matched before is matched only against documents indexed
    since; its flags are judged again from all its matches. Each batch of claims is
    stored in one transaction, so an interrupted run keeps what it finished.
    ``force`` matches every claim again from scratch (its earlier matches replaced).
    """
    from verify.consistency import MATCHED_KINDS, Source, is_matchable, judge_claim
    from verify.match import MATCHER

    summary = MatchSummary()
    summary.indexed = index_documents(db, workers=workers, run_id=run_id, progress=progress).documents
    group_speakers(db)
    seq = storage.index_seq(db)
    todo = storage.claims_to_match(db, kinds=sorted(MATCHED_KINDS), matcher=MATCHER, seq=seq, force=force)
    short = [c for c in todo if not is_matchable(c["kind"], c["text"])]
    todo = [c for c in todo if is_matchable(c["kind"], c["text"])]
    if short:
        storage.save_claim_matches(
            db,
            [storage.ClaimMatches(c["id"], (), (), None, True) for c in short],
            matcher=MATCHER, seq=seq, run_id=run_id,
        )
        summary.skipped = len(short)
    if not todo:
        return summary
    claims = {c["id"]: c for c in todo}
    sources = storage.document_sources(db)
    same_speaker = _speaker_judge(db)

    def source(doc_id: str) -> Source:
        outlet, published, url = sources.get(doc_id, (None, None, None))
        return Source(doc_id, outlet, published, url)

    progress(0, len(todo), "match")
    index = load_index(db)
    jobs = [(c["id"], c["document_id"], c["text"], c["after_seq"]) for c in todo]
    batch: list[storage.ClaimMatches] = []

    def flush() -> None:
        storage.save_claim_matches(db, batch, matcher=MATCHER, seq=seq, run_id=run_id)
        progress(len(batch), None, "match")
        batch.clear()

    for claim_id, after_seq, matches in _run_match_jobs(db, index, jobs, workers):
        claim = claims[claim_id]
        everything = list(matches)
        if after_seq:
            new_docs = {m.document_id for m in matches}
            old = storage.load_matches(db, [claim_id])[claim_id]
            everything += [m for m in old if m.document_id not in new_docs]
        verdict = judge_claim(
            source(claim["document_id"]), claim["speaker"],
            [(m, source(m.document_id)) for m in everything], same_speaker=same_speaker,
        )
        origin = verdict.origin["document_id"] if verdict.origin else None
        batch.append(
            storage.ClaimMatches(
                claim_id, tuple(matches), tuple(str(f) for f in verdict.flags), origin,
                replace=not after_seq,
            )
        )
        summary.claims += 1
        summary.matches += len(matches)
        for flag in verdict.flags:
            summary.flags[str(flag)] = summary.flags.get(str(flag), 0) + 1
        if len(batch) >= MATCH_BATCH:
            flush()
    if batch:
        flush()
    return summary


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Where a claim typed by the user appears, and its flags."""

    query: str
    matches: list[dict[str, Any]]
    flags: list[str]
    origin: dict[str, Any] | None
    found: list[Any] = field(default_factory=list)
    """The ``Match`` values behind ``matches``, for display."""

    def as_json(self) -> dict[str, Any]:
        return {"query": self.query, "matches": self.matches, "flags": self.flags}


def check_claims(
    db: Database,
    texts: Sequence[str],
    *,
    speaker: str | None = None,
    workers: int = 1,
    progress: Progress = _no_progress,
) -> Iterator[CheckResult]:
    """Look claims typed by the user up in the store, in order (indexes new documents first)."""
    from verify.consistency import Source, judge_claim

    index_documents(db, workers=workers)
    group_speakers(db)
    sources = storage.document_sources(db)
    same_speaker = _speaker_judge(db)
    index = load_index(db)
    progress(0, len(texts), "check")
    jobs = ((str(i), None, text, 0) for i, text in enumerate(texts))
    for key, _, matches in _run_match_jobs(db, index, jobs, workers):
        pairs = []
        for m in matches:
            outlet, published, url = sources.get(m.document_id, (None, None, None))
            pairs.append((m, Source(m.document_id, outlet, published, url)))
        verdict = judge_claim(None, speaker, pairs, same_speaker=same_speaker)
        progress(1, None, "check")
        yield CheckResult(
            texts[int(key)],
            [storage.match_json(m, sources.get(m.document_id, (None, None, None))) for m in matches],
            [str(f) for f in verdict.flags],
            verdict.origin,
            list(matches),
        )


# --- reports and the main job --------------------------------------------------------------


def _tool() -> str:
    from verify import __version__

    return f"verify {__version__}"


def build_reports(
    db: Database, doc_ids: Sequence[str] | None = None, *, progress: Progress = _no_progress
) -> dict[str, str]:
    """Markdown reports by file name: one per document (every document, or the ids given)
    and ``index.md`` listing every stored document. Nothing is written here.

    Links between reports go only to documents whose reports are built in the same call.
    """
    from verify import report

    every = storage.list_report_documents(db)
    wanted = every if doc_ids is None else storage.list_report_documents(db, doc_ids)
    wanted_ids = {row["id"] for row in wanted}
    files: dict[str, str] = {}
    reports = []
    progress(0, len(every), "report")
    for row in every:
        progress(1, None, "report")
        doc_id = row["id"]
        claims = storage.list_report_claims(db, doc_id)
        if doc_id not in wanted_ids:
            # The index needs only counts and flags.
            reports.append(report.build_document_report(row, claims))
            continue
        built = report.build_document_report(
            row, claims, storage.list_report_appearances(db, doc_id),
            text=storage.load_document_text(db, doc_id), known=wanted_ids,
        )
        reports.append(built)
        files[report.report_filename(doc_id)] = report.render_document(built, tool=_tool())
    files[report.INDEX_FILE] = report.render_index(reports, tool=_tool())
    return files


def build_speaker_report(db: Database, name: str) -> tuple[str, str] | None:
    """``(file name, Markdown)`` of everything ``name`` is quoted as saying, grouped by
    statement; None when no claim is attributed to that name."""
    from verify import report

    forms = storage.speaker_forms_of(db, name)
    claims = storage.list_speaker_claims(db, forms)
    if not claims:
        return None
    ids = {c["id"] for c in claims}
    appearances = [
        row
        for doc_id in sorted({c["document_id"] for c in claims})
        for row in storage.list_report_appearances(db, doc_id)
        if row["claim_id"] in ids
    ]
    groups = report.group_statements(claims, appearances)
    known = [row["id"] for row in storage.list_report_documents(db)]
    text = report.render_speaker(name, forms, groups, known=known, tool=_tool())
    return report.speaker_filename(name), text


@dataclass(slots=True)
class RunSummary:
    """What one ``verify run`` did, stage by stage."""

    ingest: IngestSummary
    extract: ExtractSummary
    match: MatchSummary

    def as_dict(self) -> dict[str, Any]:
        return {
            "ingest": self.ingest.as_dict() | {"errors": len(self.ingest.errors)},
            "extract": {"documents": self.extract.documents, "claims": self.extract.claims,
                        **self.extract.by_kind},
            "match": asdict(self.match),
        }


def run_paths(
    db: Database,
    paths: Sequence[str | Path],
    options: IngestOptions,
    *,
    workers: int = 1,
    run_id: int | None = None,
    progress: Progress = _no_progress,
) -> RunSummary:
    """The main job: ingest ``paths``, extract what is new, match what is new.

    Every stage is incremental, so a second run over the same inputs does no new work.
    Reports are built from the store afterwards (``build_reports``).
    """
    ingested = ingest_paths(db, paths, options, run_id=run_id, progress=progress)
    extracted = extract_documents(db, workers=workers, run_id=run_id, progress=progress)
    matched = match_claims(db, workers=workers, run_id=run_id, progress=progress)
    return RunSummary(ingested, extracted, matched)
