"""The stage functions: a corpus split into index shards matches as one index does."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.engine_corpus import write_corpus
from verify import stages
from verify.ingest import IngestOptions
from verify.match import NgramIndex, document_ngrams, ngram_hashes, prepare_text
from verify.models import Match, Relation

# A small vocabulary, so that word pairs recur across documents and shards.
WORDS = ["قال", "الوزير", "إن", "الحكومة", "ستفتح", "المعابر", "أمام", "المساعدات", "the", "talks",
         "will", "resume"]


def build(docs: list[tuple[str, str]]) -> NgramIndex:
    return NgramIndex.build((doc_id, seq, *document_ngrams(text)) for seq, (doc_id, text) in
                            enumerate(docs, 1))


def candidate_set(index: NgramIndex, found: list) -> set:
    return {(index.doc_ids[c.doc], c.votes, c.hits) for c in found}


@st.composite
def sharded_corpora(draw: st.DrawFn) -> tuple:
    count = draw(st.integers(2, 12))
    texts = [" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=30)))
             for _ in range(count)]
    # Ids in another order than the documents, so ties between ids and numbers differ.
    ids = draw(st.permutations([f"doc{n:02d}" for n in range(count)]))
    docs = list(zip(ids, texts, strict=True))
    shards = draw(st.integers(2, 4))
    where = draw(st.lists(st.integers(0, shards - 1), min_size=count, max_size=count))
    order = draw(st.permutations(range(count)))  # the single index is built in yet another order
    claim_doc = draw(st.integers(0, count - 1))
    words = texts[claim_doc].split()
    start = draw(st.integers(0, len(words) - 2))
    end = draw(st.integers(start + 2, len(words)))
    claim = " ".join(words[start:end])
    if draw(st.booleans()):  # a claim that is not a substring of any one document
        claim += " " + " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
    rare = draw(st.sampled_from([2, 3, 24]))
    cap = draw(st.sampled_from([1, 2, 3, 500]))
    return docs, [[d for d, s in zip(docs, where, strict=True) if s == j] for j in range(shards)], \
        [docs[n] for n in order], ids[claim_doc], claim, rare, cap


@settings(max_examples=300, deadline=None)
@given(sharded_corpora())
def test_shards_with_corpus_counts_find_what_one_index_finds(case: tuple) -> None:
    docs, parts, shuffled, own, claim, rare, cap = case
    whole = build(shuffled)
    shards = [build(part) for part in parts]
    query = ngram_hashes(prepare_text(claim).words)
    expected = candidate_set(whole, whole.candidates(
        query, exclude=[whole.number[own]], rare=rare, max_candidates=cap))

    def counts(unique: np.ndarray) -> np.ndarray:
        return sum(shard.posting_counts(unique) for shard in shards)

    found: set = set()
    ranked: list[tuple[int, str]] = []
    for shard in shards:
        exclude = [shard.number[own]] if own in shard.number else []
        candidates, keys = shard.ranked_candidates(
            query, exclude=exclude, rare=rare, max_candidates=cap, counts=counts)
        assert len(keys) <= cap
        found |= candidate_set(shard, candidates)
        ranked += [(votes, shard.doc_ids[doc]) for votes, doc in keys]
    kept = stages.kept_under_cap(ranked, cap)
    if kept is not None:
        found = {c for c in found if c[0] in kept}
    assert found == expected


@settings(max_examples=300, deadline=None)
@given(sharded_corpora())
def test_a_claim_is_routed_to_every_shard_that_finds_something(case: tuple) -> None:
    docs, parts, _, own, claim, _, cap = case
    shards = [build(part) for part in parts]
    job = stages.ClaimJob("c1", own, claim, None)
    hashes = stages.query_hashes([job])
    held = [shard.posting_counts(hashes) for shard in shards]
    counts = stages.sum_counts(hashes, held)
    routed = stages.route_jobs([job], counts, held)
    query = ngram_hashes(prepare_text(claim).words)
    for shard, jobs in zip(shards, routed, strict=True):
        exclude = [shard.number[own]] if own in shard.number else []
        found = shard.ranked_candidates(query, exclude=exclude, max_candidates=cap, counts=counts)
        if not jobs:
            assert found == ([], [])
    # the claim's own document holds all its pairs when the claim is a piece of it
    home = next(j for j, part in enumerate(parts) if own in dict(part))
    if claim in dict(docs)[own]:
        assert routed[home] == [job]


def test_routing_leaves_out_shards_without_the_rare_pairs() -> None:
    shards = [build([("a", "the talks will resume"), ("b", "talks will")]),
              build([("c", "الحكومة ستفتح المعابر أمام المساعدات")]),
              build([("d", "the talks will resume soon")])]
    job = stages.ClaimJob("c1", "a", "the talks will resume", None)
    hashes = stages.query_hashes([job])
    held = [shard.posting_counts(hashes) for shard in shards]
    routed = stages.route_jobs([job], stages.sum_counts(hashes, held), held)
    assert [len(jobs) for jobs in routed] == [1, 0, 1]


def test_posting_counts_are_the_occurrences_of_each_pair() -> None:
    index = build([("a", "one two one two"), ("b", "two one"), ("c", "three four")])
    one_two, two_one, three_four, absent = ngram_hashes(["one", "two", "one", "three", "four", "five"])[
        [0, 1, 3, 4]]
    hashes = np.sort(np.array([one_two, two_one, three_four, absent], dtype=np.uint64))
    expected = {int(one_two): 2, int(two_one): 2, int(three_four): 1, int(absent): 0}
    assert index.posting_counts(hashes).tolist() == [expected[int(h)] for h in hashes]
    total = stages.sum_counts(hashes, [index.posting_counts(hashes)] * 2)
    assert total(hashes).tolist() == [2 * expected[int(h)] for h in hashes]


def test_kept_under_cap_ranks_by_votes_then_document_id() -> None:
    ranked = [(2, "b"), (3, "z"), (2, "a"), (1, "c")]
    assert stages.kept_under_cap(ranked, 4) is None
    assert stages.kept_under_cap(ranked, 2) == {"z", "a"}
    assert stages.kept_under_cap(ranked, 1) == {"z"}


def _match(shards: list[stages.Shard], jobs: list[stages.ClaimJob], *, corpus_counts: bool,
           routed: bool = False) -> set:
    counts = None
    per_shard = [jobs] * len(shards)
    if corpus_counts:
        hashes = stages.query_hashes(jobs)
        held = [stages.count_postings(s, hashes) for s in shards]
        counts = stages.sum_counts(hashes, held)
        if routed:
            per_shard = stages.route_jobs(jobs, counts, held)
    merged = stages.merge_matches(
        jobs, [stages.match_batch(s, j, counts) for s, j in zip(shards, per_shard, strict=True)], {})
    return {(r.claim_id, m.document_id, m.start, m.end, str(m.relation), m.score, r.flags)
            for r in merged for m in r.matches}


def test_the_engine_corpus_is_a_trap_for_shard_local_counts(tmp_path: Path) -> None:
    """The two water files of the engine tests' corpus, in two shards: ranked by each
    shard's own counts, a claim's rarest word pairs are other pairs, and the matches
    differ from one index's; with corpus-wide counts they are the same."""
    paths = {path.name: path for path in write_corpus(tmp_path)}
    parts = [stages.read_inputs([paths[name]], IngestOptions()).documents
             for name in paths if name.startswith("water-")]
    extracted = [stages.extract_batch(docs) for docs in parts]
    everything = [doc for docs in parts for doc in docs]
    claims = [item for items in extracted for item in items]
    jobs, _ = stages.claim_jobs(everything, claims)
    one = _match([stages.build_shard(everything, claims)], jobs, corpus_counts=False)
    shards = [stages.build_shard(docs, items) for docs, items in zip(parts, extracted, strict=True)]
    assert {relation for *_, relation, _, _ in one} >= {"exact", "partial"}
    assert _match(shards, jobs, corpus_counts=False) != one
    assert _match(shards, jobs, corpus_counts=True) == one
    assert _match(shards, jobs, corpus_counts=True, routed=True) == one


def test_cap_candidates_keeps_the_matches_one_index_would() -> None:
    def match(doc_id: str) -> tuple[Match, stages.SourceTuple]:
        return Match(doc_id, 0, 4, "text", 100.0, Relation.EXACT), (None, None, None)

    # Shard 1 kept b (3 votes) and d (2); shard 2 kept a (2) and c (2): one index with a
    # cap of 2 keeps b and then, of the three with 2 votes, a.
    found = [stages.ShardFound((match("b"), match("d")), ((3, "b"), (2, "d"))),
             stages.ShardFound((match("c"),), ((2, "a"), (2, "c")))]
    assert [m.document_id for m, _ in stages.cap_candidates(found, 2)] == ["b"]
    assert [m.document_id for m, _ in stages.cap_candidates(found, 3)] == ["b", "c"]
    assert [m.document_id for m, _ in stages.cap_candidates(found, 4)] == ["b", "d", "c"]
