"""The pipeline's stages as pure functions over batches.

Each stage takes plain values (paths, ``Document`` lists, claim rows, an index shard)
and returns plain values: no database, no printing. The local engine
(``verify.pipeline``) and the Dask engine (``verify.dask_engine``) call the same
functions, so both produce the same claims and matches:

- ``read_inputs``: input files -> documents (ingest and normalise);
- ``extract_batch``: documents -> claim rows and datelines;
- ``build_shard``: documents and their claims -> an ``NgramIndex`` shard with its texts;
- ``query_hashes``, ``count_postings``, ``sum_counts``: with several shards, the
  corpus-wide posting counts of a batch's word pairs, so that every shard picks a
  claim's rarest pairs as one index of the whole corpus would;
- ``match_batch``: claims x one shard -> judged candidate matches;
- ``merge_matches``: every shard's matches of a claim -> one candidate cap, best first,
  then flags and origin.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from verify.ingest import IngestOptions, document_identity, read_batches
from verify.models import Claim, ClaimKind, Dateline, Document, Match

__all__ = [
    "ClaimJob",
    "ClaimResult",
    "ExtractedDocument",
    "PostingCounts",
    "ReadResult",
    "Shard",
    "ShardFound",
    "build_shard",
    "cap_candidates",
    "claim_jobs",
    "claim_row",
    "count_postings",
    "extract_batch",
    "group_speaker_forms",
    "index_document",
    "judge_found",
    "kept_under_cap",
    "match_batch",
    "merge_matches",
    "plan_versions",
    "query_hashes",
    "route_jobs",
    "read_inputs",
    "speaker_judge",
    "sum_counts",
]

#: ``(outlet, published, url)`` of a document, as ``storage.document_sources`` gives it.
SourceTuple = tuple["str | None", "str | None", "str | None"]


# --- ingest ------------------------------------------------------------------------------


@dataclass(slots=True)
class ReadResult:
    """Documents read from a group of input files, with what could not be read."""

    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0


def read_inputs(paths: Sequence[str | Path | tuple[str, int, int]], options: IngestOptions) -> ReadResult:
    """Read input files (already found by ``ingest.find_inputs``), or row groups of a
    Parquet file given as ``(path, first, stop)``, into documents, in order."""
    result = ReadResult()
    for item in paths:
        if isinstance(item, tuple):
            batches = read_batches(Path(item[0]), options, row_groups=(item[1], item[2]))
        else:
            batches = read_batches(Path(item), options)
        for batch in batches:
            result.documents += batch.documents
            result.errors += [str(error) for error in batch.errors]
            result.warnings += batch.warnings
            result.skipped += batch.skipped
    return result


def plan_versions(
    keys: Iterable[tuple[str, str]],
) -> tuple[set[str], dict[str, str], set[str]]:
    """Decide, from ``(document id, identity)`` in reading order, what the store would keep.

    Returns ``(ids kept, {id: id it supersedes}, superseded ids)``: a repeated id is
    kept once (its first reading), and of several texts of one publication the last
    read is current, as ``storage.save_documents`` decides for one database.
    """
    kept: set[str] = set()
    supersedes: dict[str, str] = {}
    latest: dict[str, str] = {}
    for doc_id, identity in keys:
        if doc_id in kept:
            continue
        kept.add(doc_id)
        previous = latest.get(identity)
        if previous is not None:
            supersedes[doc_id] = previous
        latest[identity] = doc_id
    return kept, supersedes, set(supersedes.values())


def document_keys(documents: Sequence[Document]) -> list[tuple[str, str]]:
    """``(id, identity)`` of each document, for ``plan_versions``."""
    return [(doc.id, document_identity(doc)) for doc in documents]


# --- extract -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """One document's claims (as storage rows, ids included) and its dateline."""

    document_id: str
    claims: tuple[dict[str, Any], ...]
    dateline: Dateline | None


def claim_row(document_id: str, claim: Claim) -> dict[str, Any]:
    """A claim as the row stored for it (the id derives from document, kind and span)."""
    from verify.storage import claim_id

    return {
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
        "flags": list(claim.flags),
    }


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    """The inverse of ``claim_row`` (the id is dropped: storage derives it again)."""
    return Claim(
        kind=ClaimKind(row["kind"]), start=int(row["start"]), end=int(row["end"]),
        text=row["text"], normalized=row["normalized"], speaker=row["speaker"],
        speaker_mention=row["speaker_mention"], cue=row["cue"], via=row["via"],
        sentence=int(row["sentence"]), paragraph=int(row["paragraph"]),
        flags=tuple(row["flags"] or ()),
    )


def extract_batch(documents: Sequence[Document]) -> list[ExtractedDocument]:
    """Extract every document's claims (``verify.extract.extract``), in order."""
    from verify.extract import extract

    found = []
    for doc in documents:
        extraction = extract(doc.text, lang=doc.lang)
        rows = tuple(claim_row(doc.id, claim) for claim in extraction.claims)
        found.append(ExtractedDocument(doc.id, rows, extraction.dateline))
    return found


# --- index -------------------------------------------------------------------------------


def index_document(doc_id: str, text: str) -> tuple[str, bytes, bytes, int]:
    """A document's bigram index row: ``(id, hashes, positions, bigram count)``."""
    from verify.match.index import document_ngrams, encode_ngrams

    hashes, positions = document_ngrams(text)
    return (doc_id, *encode_ngrams(hashes, positions), len(hashes))


@dataclass(slots=True)
class Shard:
    """A part of the corpus to match against: its index, texts, claims and sources.

    The claims are there to judge a match: who the matched document itself quotes
    at that place, and whether the matched words are a fragment of a longer quote.
    """

    index: Any
    texts: dict[str, str]
    claims: dict[str, list[dict[str, Any]]]
    sources: dict[str, SourceTuple]

    def nbytes(self) -> int:
        """Bytes held by the index arrays (texts and claims not counted)."""
        index = self.index
        return int(index.hashes.nbytes + index.locations.nbytes + index.offsets.nbytes
                   + index.doc_seq.nbytes)


def build_shard(
    documents: Sequence[Document],
    extracted: Sequence[ExtractedDocument],
    *,
    exclude: Iterable[str] = (),
    first_seq: int = 1,
) -> Shard:
    """Index ``documents`` (but the ``exclude``d ones, e.g. superseded versions)."""
    from verify.match import NgramIndex
    from verify.match.index import document_ngrams

    skip = set(exclude)
    current = [doc for doc in documents if doc.id not in skip]
    index = NgramIndex.build(
        (doc.id, first_seq + number, *document_ngrams(doc.text))
        for number, doc in enumerate(current)
    )
    claims: dict[str, list[dict[str, Any]]] = {}
    wanted = {doc.id for doc in current}
    for item in extracted:
        if item.document_id in wanted:
            claims[item.document_id] = [
                {key: row[key] for key in ("kind", "start", "end", "text", "speaker")}
                for row in item.claims
            ]
    return Shard(
        index,
        {doc.id: doc.text for doc in current},
        claims,
        {doc.id: (doc.outlet, doc.published, doc.url) for doc in current},
    )


# --- match -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimJob:
    """A claim to look up: its id, own document, words and speaker, and its source."""

    claim_id: str
    document_id: str | None
    text: str
    speaker: str | None
    source: SourceTuple = (None, None, None)


@dataclass(frozen=True, slots=True)
class ClaimResult:
    """A claim's matches over every shard, best first, and the verdict on them."""

    claim_id: str
    matches: tuple[Match, ...]
    flags: tuple[str, ...]
    origin_document_id: str | None


def claim_jobs(
    documents: Sequence[Document], extracted: Sequence[ExtractedDocument]
) -> tuple[list[ClaimJob], list[str]]:
    """The claims to match (``consistency.is_matchable``), and the ids of the others."""
    from verify.consistency import MATCHED_KINDS, is_matchable

    sources = {doc.id: (doc.outlet, doc.published, doc.url) for doc in documents}
    jobs: list[ClaimJob] = []
    skipped: list[str] = []
    for item in extracted:
        for row in item.claims:
            if row["kind"] not in MATCHED_KINDS:
                continue
            if not is_matchable(row["kind"], row["text"]):
                skipped.append(row["id"])
                continue
            jobs.append(ClaimJob(row["id"], item.document_id, row["text"], row["speaker"],
                                 sources.get(item.document_id, (None, None, None))))
    return jobs, skipped


def overlapping(claims: Iterable[Mapping[str, Any]], start: int, end: int) -> list[dict[str, Any]]:
    """Claims overlapping ``[start, end)``, most overlap first (``storage.claims_overlapping``)."""
    rows = [dict(c) for c in claims if c["start"] < end and c["end"] > start]
    rows.sort(key=lambda r: (-(min(end, r["end"]) - max(start, r["start"])), r["start"]))
    return rows


def judge_found(claim_text: str, found: Any, containers: Sequence[Mapping[str, Any]]) -> Match:
    """A ``Found`` alignment judged as a ``Match``, given the matched document's claims
    overlapping it (most overlap first): the speaker there and the quote holding it."""
    from verify.consistency import judge_match
    from verify.text.normalize import normalize_words

    alignment = found.alignment
    span = max(1, alignment.end - alignment.start)
    speaker = next((c["speaker"] for c in containers if c["speaker"]), None)
    container_words = None
    for c in containers:
        overlap = min(alignment.end, c["end"]) - max(alignment.start, c["start"])
        if c["kind"] in ("quote", "reported") and overlap >= 0.8 * span:
            container_words = len(normalize_words(c["text"]))
            break
    return judge_match(
        claim_text, found.document_id, alignment, found.text, speaker=speaker,
        container_words=container_words,
    )


def query_hashes(jobs: Sequence[ClaimJob]) -> np.ndarray:
    """The distinct word-pair hashes (sorted uint64) of every claim in a batch, as
    ``Matcher.find`` looks them up: what each shard counts for ``sum_counts``."""
    from verify.match import ngram_hashes, prepare_text

    parts = [ngram_hashes(prepare_text(job.text).words) for job in jobs]
    if not parts:
        return np.zeros(0, dtype=np.uint64)
    return np.unique(np.concatenate(parts))


def count_postings(shard: Shard, hashes: np.ndarray) -> np.ndarray:
    """How often each of ``hashes`` occurs in one shard's index (a binary search each)."""
    return shard.index.posting_counts(hashes)


@dataclass(frozen=True, slots=True)
class PostingCounts:
    """Corpus-wide posting counts of a batch's word pairs (``hashes`` sorted); called
    with a claim's distinct pairs, returns theirs (``NgramIndex.ranked_candidates(counts=)``)."""

    hashes: np.ndarray
    counts: np.ndarray

    def __call__(self, unique: np.ndarray) -> np.ndarray:
        at = np.searchsorted(self.hashes, unique)
        if len(at) and (at.max() >= len(self.hashes) or (self.hashes[at] != unique).any()):
            raise ValueError("posting counts asked for a word pair outside the batch")
        return self.counts[at]


def sum_counts(hashes: np.ndarray, per_shard: Sequence[np.ndarray]) -> PostingCounts:
    """The counts of ``count_postings`` over every shard, added up."""
    total = np.zeros(len(hashes), dtype=np.int64)
    for counts in per_shard:
        total += counts
    return PostingCounts(hashes, total)


def route_jobs(
    jobs: Sequence[ClaimJob], counts: PostingCounts, per_shard: Sequence[np.ndarray]
) -> list[list[ClaimJob]]:
    """For each shard, the claims of ``jobs`` that can find a candidate there.

    ``per_shard`` holds each shard's ``count_postings`` of ``counts.hashes``. A claim
    looks up the same word pairs in every shard (``looked_up`` over the corpus-wide
    ``counts``), and a candidate must hold ``votes`` of them; a shard holding fewer
    of them anywhere returns nothing for the claim, so leaving the claim out of that
    shard changes no result. Most claims go to their own document's shard and to the
    few holding their rarest pairs, not to every shard.
    """
    from verify.match import ngram_hashes, prepare_text
    from verify.match.index import looked_up

    held = np.stack([np.asarray(c) > 0 for c in per_shard]) if per_shard else None
    routed: list[list[ClaimJob]] = [[] for _ in per_shard]
    for job in jobs:
        unique = np.unique(ngram_hashes(prepare_text(job.text).words))
        if held is None or len(unique) == 0:
            continue
        chosen, votes = looked_up(counts(unique))
        if len(chosen) == 0:
            continue
        at = np.searchsorted(counts.hashes, unique[chosen])
        for shard in np.flatnonzero(held[:, at].sum(axis=1) >= votes).tolist():
            routed[shard].append(job)
    return routed


@dataclass(frozen=True, slots=True)
class ShardFound:
    """A claim's judged matches in one shard (with their sources), and the
    ``(votes, document id)`` of the candidates the shard's cap kept (for the merge's)."""

    matches: tuple[tuple[Match, SourceTuple], ...]
    ranked: tuple[tuple[int, str], ...] = ()


def match_batch(
    shard: Shard, jobs: Sequence[ClaimJob], counts: PostingCounts | None = None
) -> dict[str, ShardFound]:
    """Every claim of ``jobs`` looked up in one shard: judged matches with their sources.

    ``counts``: corpus-wide posting counts when the corpus has several shards, so the
    claim's rarest word pairs are the same in every shard (``sum_counts``).
    """
    from verify.match import Matcher

    matcher = Matcher(shard.index, shard.texts.get)
    results: dict[str, ShardFound] = {}
    for job in jobs:
        exclude = [job.document_id] if job.document_id else []
        found, ranked = matcher.find_ranked(job.text, exclude=exclude, counts=counts)
        matches = tuple(
            (
                judge_found(
                    job.text, f,
                    overlapping(shard.claims.get(f.document_id, ()), f.alignment.start, f.alignment.end),
                ),
                shard.sources.get(f.document_id, (None, None, None)),
            )
            for f in found
        )
        if matches or ranked:
            results[job.claim_id] = ShardFound(matches, tuple(ranked))
    return results


def kept_under_cap(ranked: Iterable[tuple[int, str]], limit: int) -> set[str] | None:
    """Of the ``(votes, document id)`` candidates the shards' caps kept, the ids one index
    of the whole corpus keeps under its cap of ``limit`` (most votes, then document id:
    the order ``NgramIndex.candidates`` caps by); None when the cap keeps them all.

    Each shard kept its own best ``limit``, which hold every one of its documents among
    the corpus-wide best ``limit``, so the best ``limit`` of their union are those."""
    keys = list(ranked)
    if len(keys) <= limit:
        return None
    keys.sort(key=lambda key: (-key[0], key[1]))
    return {doc_id for _, doc_id in keys[:limit]}


def cap_candidates(found: Sequence[ShardFound], limit: int) -> list[tuple[Match, SourceTuple]]:
    """The matches of one claim from several shards, in the documents one index of the
    whole corpus would have kept under its cap of ``limit`` candidates."""
    pairs = [pair for item in found for pair in item.matches]
    kept = kept_under_cap((key for item in found for key in item.ranked), limit)
    if kept is None:
        return pairs
    return [pair for pair in pairs if pair[0].document_id in kept]


def merge_matches(
    jobs: Sequence[ClaimJob],
    shard_results: Sequence[Mapping[str, ShardFound]],
    speaker_forms: Mapping[str, str],
) -> list[ClaimResult]:
    """Each claim's matches from every shard, capped as one index would, best first,
    judged (flags, origin)."""
    from verify.consistency import Source, judge_claim
    from verify.match.index import MAX_CANDIDATES

    same_speaker = speaker_judge(speaker_forms)
    merged = []
    for job in jobs:
        found = [result[job.claim_id] for result in shard_results if job.claim_id in result]
        pairs = cap_candidates(found, MAX_CANDIDATES)
        pairs.sort(key=lambda pair: (-pair[0].score, pair[0].document_id))
        own = Source(job.document_id, *job.source) if job.document_id else None
        verdict = judge_claim(
            own, job.speaker, [(m, Source(m.document_id, *s)) for m, s in pairs],
            same_speaker=same_speaker,
        )
        origin = verdict.origin["document_id"] if verdict.origin else None
        merged.append(ClaimResult(job.claim_id, tuple(m for m, _ in pairs),
                                  tuple(str(f) for f in verdict.flags), origin))
    return merged


# --- speakers ----------------------------------------------------------------------------


def group_speaker_forms(
    forms: Sequence[str], known: Mapping[str, str] | None = None
) -> list[tuple[str, str, list[str]]]:
    """File new name forms under a person: ``[(group name, key, forms)]``.

    ``known`` maps forms already grouped to their group's name. A form joins the group
    of a form it can be the same person as (same surname, another spelling), else it
    starts a group of its own, named by its fullest form.
    """
    from verify.consistency import name_key, same_person

    by_tail: dict[str, list[tuple[str, str]]] = {}
    for form, name in (known or {}).items():
        key = name_key(form)
        if key:
            by_tail.setdefault(key.split()[-1], []).append((form, name))
    groups: dict[str, tuple[str, list[str]]] = {}
    # Longest forms first, so a group is named by its fullest form.
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        key = name_key(form)
        if not key:
            continue
        tail = key.split()[-1]
        name = next(
            (name for other, name in by_tail.get(tail, []) if same_person(form, other)), form
        )
        groups.setdefault(name, (name_key(name), []))[1].append(form)
        by_tail.setdefault(tail, []).append((form, name))
    return [(name, key, group) for name, (key, group) in groups.items()]


def speaker_judge(forms: Mapping[str, Any]) -> Callable[[str, str], bool]:
    """Whether two name forms are one person: the same group in ``forms`` (form -> group),
    or names that can be the same person."""
    from verify.consistency import same_person

    def same(a: str, b: str) -> bool:
        ga, gb = forms.get(a), forms.get(b)
        return (ga is not None and gb is not None and ga == gb) or same_person(a, b)

    return same
