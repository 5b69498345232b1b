"""The pipeline on Dask (``dask.distributed``), over sharded corpora.

The same stage functions as the local engine (``verify.stages``), arranged as a task
graph:

1. input files are grouped into partitions, each read by a task (``read_inputs``); a
   large Parquet file is split by row groups;
2. the client plans which documents to keep (repeats dropped, versions superseded)
   from their ids alone;
3. extraction is mapped over the partitions (``extract_batch``);
4. the partitions are grouped into shards, one ``NgramIndex`` per shard, built by a
   task and held in that worker's memory (``build_shard``);
5. each partition's claims are broadcast as one batch to every shard: with several
   shards, first each shard counts the batch's word pairs (``count_postings``) and the
   counts are added up (``sum_counts``), so every shard picks a claim's rarest pairs
   by the counts of the whole corpus; then each shard looks the claims up
   (``match_batch``) and the shards' matches are merged under one candidate cap and
   judged per claim (``merge_matches``): the local engine's results, whatever the
   number of shards;
6. documents, claims, matches and consistency land as Parquet parts under the
   dataset directory, written by the workers (``verify.dataset``).

Every value is made by a task, never scattered, so when a worker is lost the
scheduler recomputes what it held from the inputs; parts are written atomically
under fixed names, so redone work leaves no duplicates. Workers must see the input
paths and the dataset directory (one machine, or a shared file system).
"""

from __future__ import annotations

import operator
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verify import dataset, stages
from verify.errors import InputError, VerifyError
from verify.ingest import PARQUET_EXTENSIONS, IngestOptions, find_inputs, parquet_row_groups
from verify.models import Document

#: Bytes of input files read by one task (a file is never split, but for a Parquet
#: file's row groups).
PARTITION_BYTES = 8 * 1024 * 1024

#: A partition's item: an input file, or row groups ``[first, stop)`` of a Parquet file.
InputItem = Path | tuple[str, int, int]

Progress = Callable[[int, "int | None", str], None]


def _no_progress(advance: int, total: int | None, label: str) -> None:
    return None


def require_dask() -> None:
    """Raise a VerifyError that says how to install Dask when it is missing."""
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        raise VerifyError(
            "the dask engine needs dask.distributed and pyarrow: pip install 'verify[dask]'"
        ) from None


@contextmanager
def connect(
    address: str | None = None, *, workers: int | None = None, processes: bool = True,
    threads_per_worker: int = 1,
) -> Iterator[Any]:
    """A ``distributed.Client``: to the scheduler at ``address``, else to a new
    ``LocalCluster`` on this machine (closed on exit)."""
    require_dask()
    from distributed import Client, LocalCluster

    if address:
        with Client(address) as client:
            yield client
        return
    with LocalCluster(
        n_workers=workers, processes=processes, threads_per_worker=threads_per_worker,
        dashboard_address=":0",
    ) as cluster, Client(cluster) as client:
        yield client


@dataclass(slots=True)
class DaskRunSummary:
    """What one distributed run did."""

    partitions: int = 0
    shards: int = 0
    documents: int = 0
    repeated: int = 0
    superseded: int = 0
    claims: int = 0
    matched: int = 0
    skipped: int = 0
    matches: int = 0
    index_bytes: int = 0
    lookups: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    flags: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "partitions": self.partitions, "shards": self.shards, "documents": self.documents,
            "repeated": self.repeated, "superseded": self.superseded, "claims": self.claims,
            "matched": self.matched, "skipped": self.skipped, "matches": self.matches,
            "index_bytes": self.index_bytes, "lookups": self.lookups, "failed": self.failed,
            "errors": len(self.errors), "warnings": len(self.warnings),
            "flags": dict(sorted(self.flags.items())),
        }


def _pieces(path: Path, target_bytes: int) -> list[tuple[InputItem, int]]:
    """A file as ``(item, bytes)`` pieces: itself, or runs of a Parquet file's row groups
    of about ``target_bytes`` each."""
    length = path.stat().st_size
    if path.suffix.lower() not in PARQUET_EXTENSIONS or length <= target_bytes:
        return [(path, length)]
    sizes = parquet_row_groups(path)
    if len(sizes) < 2:
        return [(path, length)]
    pieces: list[tuple[InputItem, int]] = []
    first, size = 0, 0
    for group, group_size in enumerate(sizes):
        if group > first and size + group_size > target_bytes:
            pieces.append(((str(path), first, group), size))
            first, size = group, 0
        size += group_size
    pieces.append(((str(path), first, len(sizes)), size))
    return pieces


def partition_inputs(
    paths: Sequence[Path], *, target_bytes: int = PARTITION_BYTES
) -> list[list[InputItem]]:
    """Group input files, in order, into partitions of about ``target_bytes`` (a Parquet
    file larger than that is split by row groups)."""
    groups: list[list[InputItem]] = []
    size = 0
    for path in paths:
        for item, length in _pieces(path, target_bytes):
            if not groups or size + length > target_bytes:
                groups.append([])
                size = 0
            groups[-1].append(item)
            size += length
    return groups


# --- tasks (module-level, so workers can unpickle them) ----------------------------------


def _read_meta(read: stages.ReadResult) -> tuple[list[tuple[str, str]], list[str], list[str], int]:
    return stages.document_keys(read.documents), read.errors, read.warnings, read.skipped


def _select(read: stages.ReadResult, drop: frozenset[str]) -> list[Document]:
    seen: set[str] = set()
    kept = []
    for doc in read.documents:
        if doc.id in drop or doc.id in seen:
            continue
        seen.add(doc.id)
        kept.append(doc)
    return kept


def _concat(*parts: Sequence[Any]) -> list[Any]:
    return [item for part in parts for item in part]


def _build_shard(docs: list[list[Document]], extracted: list[list[stages.ExtractedDocument]],
                 exclude: frozenset[str]) -> stages.Shard:
    return stages.build_shard(_concat(*docs), _concat(*extracted), exclude=exclude)


def _shard_bytes(shard: stages.Shard) -> int:
    return shard.nbytes()


def _speakers(extracted: list[stages.ExtractedDocument]) -> set[str]:
    return {row["speaker"] for item in extracted for row in item.claims if row["speaker"]}


def _jobs(docs: list[Document], extracted: list[stages.ExtractedDocument]) -> list[stages.ClaimJob]:
    return stages.claim_jobs(docs, extracted)[0]


def _skipped(docs: list[Document], extracted: list[stages.ExtractedDocument]) -> list[str]:
    return stages.claim_jobs(docs, extracted)[1]


def _forms(forms: dict[str, str]) -> dict[str, str]:
    return forms


def _sizes(routed: list[list[stages.ClaimJob]]) -> int:
    return sum(map(len, routed))


def _write_documents(root: str, part: int, docs: list[Document],
                     extracted: list[stages.ExtractedDocument], supersedes: dict[str, str],
                     extractor: str) -> int:
    datelines = {item.document_id: item.dateline for item in extracted}
    return dataset.save_part(root, "documents", part,
                             dataset.document_rows(docs, datelines, supersedes, extractor=extractor))


def _write_claims(root: str, part: int, extracted: list[stages.ExtractedDocument]) -> int:
    return dataset.save_part(root, "claims", part, [row for item in extracted for row in item.claims])


def _write_matches(root: str, part: int, merged: list[stages.ClaimResult], skipped: list[str],
                   matcher: str) -> tuple[int, int, dict[str, int]]:
    rows = [dataset.match_row(result.claim_id, m) for result in merged for m in result.matches]
    dataset.save_part(root, "matches", part, rows)
    verdicts = [
        {"claim_id": r.claim_id, "flags": list(r.flags), "origin_document_id": r.origin_document_id,
         "matches": len(r.matches), "matcher": matcher}
        for r in merged
    ] + [
        {"claim_id": claim_id, "flags": [], "origin_document_id": None, "matches": 0,
         "matcher": matcher}
        for claim_id in skipped
    ]
    dataset.save_part(root, "consistency", part, verdicts)
    flags: dict[str, int] = {}
    for r in merged:
        for flag in r.flags:
            flags[flag] = flags.get(flag, 0) + 1
    return len(merged), len(rows), flags


# --- the run -------------------------------------------------------------------------------


def run_dask(
    client: Any,
    paths: Sequence[str | Path],
    dataset_dir: str | Path,
    options: IngestOptions,
    *,
    shards: int | None = None,
    partition_bytes: int = PARTITION_BYTES,
    progress: Progress = _no_progress,
) -> DaskRunSummary:
    """Ingest, extract, index and match ``paths`` on the cluster behind ``client``, and
    write the results as a Parquet dataset under ``dataset_dir`` (earlier parts removed).

    ``shards``: how many index shards (default: one per worker).
    """
    from distributed import as_completed

    from verify.match import MATCHER
    from verify.pipeline import extractor_name

    summary = DaskRunSummary()
    inputs: list[Path] = []
    for item in find_inputs(paths):
        if isinstance(item, InputError):
            summary.failed += 1
            summary.errors.append(str(item))
        elif isinstance(item, str):
            summary.warnings.append(item)
        else:
            inputs.append(item)
    root = str(Path(dataset_dir).resolve())
    dataset.clear_dataset(root)
    workers = max(1, len(client.nthreads()))
    # At least two partitions per worker when the files allow it, to keep all busy.
    total = sum(path.stat().st_size for path in inputs)
    target = max(1, min(partition_bytes, total // (2 * workers)))
    groups = partition_inputs(inputs, target_bytes=target) or [[]]
    summary.partitions = len(groups)
    summary.shards = count = max(1, min(shards or workers, len(groups)))
    token = uuid.uuid4().hex[:8]

    def key(name: str, *numbers: int) -> str:
        return "-".join([f"verify-{name}-{token}", *map(str, numbers)])

    progress(0, len(groups), "read")
    reads = [
        client.submit(stages.read_inputs, [p if isinstance(p, tuple) else str(p) for p in group], options,
                      key=key("read", i))
        for i, group in enumerate(groups)
    ]
    metas = [client.submit(_read_meta, read, key=key("meta", i)) for i, read in enumerate(reads)]
    drops: list[frozenset[str]] = []
    seen: set[str] = set()
    ordered_keys: list[tuple[str, str]] = []
    part_keys: list[list[tuple[str, str]]] = []
    for keys, errors, warnings, _empty in client.gather(metas):
        summary.failed += len(errors)
        summary.errors += errors
        summary.warnings += warnings
        drops.append(frozenset(doc_id for doc_id, _ in keys if doc_id in seen))
        seen.update(doc_id for doc_id, _ in keys)
        ordered_keys += keys
        part_keys.append(keys)
        progress(1, None, "read")
    kept, supersedes, superseded = stages.plan_versions(ordered_keys)
    summary.documents = len(kept)
    summary.repeated = len(ordered_keys) - len(kept)
    summary.superseded = len(superseded)
    del metas

    docs = [client.submit(_select, read, drop, key=key("docs", i))
            for i, (read, drop) in enumerate(zip(reads, drops, strict=True))]
    extracted = [client.submit(stages.extract_batch, d, key=key("extract", i)) for i, d in enumerate(docs)]
    extractor = extractor_name()
    writes = []
    for i, (d, e) in enumerate(zip(docs, extracted, strict=True)):
        # Each part gets only its own documents' versions, not the whole corpus's map.
        own = {doc_id: supersedes[doc_id] for doc_id, _ in part_keys[i] if doc_id in supersedes}
        writes.append(client.submit(_write_documents, root, i, d, e, own, extractor,
                                    key=key("write-documents", i)))
        writes.append(client.submit(_write_claims, root, i, e, key=key("write-claims", i)))

    exclude = frozenset(superseded)
    shard_futures = [
        client.submit(_build_shard, docs[j::count], extracted[j::count], exclude, key=key("shard", j))
        for j in range(count)
    ]
    speakers = [client.submit(_speakers, e, key=key("speakers", i)) for i, e in enumerate(extracted)]
    names: set[str] = set()
    for found in client.gather(speakers):
        names |= found
    forms = {form: name for name, _, group in stages.group_speaker_forms(sorted(names))
             for form in group}
    forms_future = client.submit(_forms, forms, key=key("forms"))

    progress(0, len(groups), "match")
    results = []
    skipped_futures = []
    lookups = []  # claims sent to a shard, over all shards
    for i, (d, e) in enumerate(zip(docs, extracted, strict=True)):
        jobs = client.submit(_jobs, d, e, key=key("jobs", i))
        skipped = client.submit(_skipped, d, e, key=key("skipped", i))
        skipped_futures.append(skipped)
        if count > 1:
            # Count the batch's word pairs in every shard, then send each claim only
            # to the shards that can hold a candidate for it (stages.route_jobs).
            hashes = client.submit(stages.query_hashes, jobs, key=key("hashes", i))
            held = [client.submit(stages.count_postings, shard, hashes, key=key("count", i, j))
                    for j, shard in enumerate(shard_futures)]
            counts = client.submit(stages.sum_counts, hashes, held, key=key("counts", i))
            routed = client.submit(stages.route_jobs, jobs, counts, held, key=key("route", i))
            lookups.append(client.submit(_sizes, routed, key=key("lookups", i)))
            per_shard = [
                client.submit(stages.match_batch, shard,
                              client.submit(operator.getitem, routed, j, key=key("routed", i, j)),
                              counts, key=key("match", i, j))
                for j, shard in enumerate(shard_futures)
            ]
        else:
            per_shard = [client.submit(stages.match_batch, shard_futures[0], jobs, None,
                                       key=key("match", i, 0))]
            lookups.append(client.submit(len, jobs, key=key("lookups", i)))
        merged = client.submit(stages.merge_matches, jobs, per_shard, forms_future, key=key("merge", i))
        results.append(client.submit(_write_matches, root, i, merged, skipped, MATCHER,
                                     key=key("write-matches", i)))
    for future in as_completed(results):
        matched, matches, flags = future.result()
        summary.matched += matched
        summary.matches += matches
        for flag, number in flags.items():
            summary.flags[flag] = summary.flags.get(flag, 0) + number
        progress(1, None, "match")
    summary.claims = sum(client.gather(writes)[1::2])
    summary.index_bytes = sum(client.gather([client.submit(_shard_bytes, s, key=key("shard-bytes", j))
                                             for j, s in enumerate(shard_futures)]))
    summary.skipped = sum(len(s) for s in client.gather(skipped_futures))
    summary.lookups = sum(client.gather(lookups))
    return summary
