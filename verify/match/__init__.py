"""Candidate index and alignment: where else a claim's words appear.

Pure: texts and arrays in, dataclasses out. ``Matcher`` ties the two together and
asks the caller for document texts through a function, so it never touches storage.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from verify.match.align import (
    MATCH_MIN_SCORE,
    MIN_SHARED_COUNT,
    MIN_SHARED_WORDS,
    PARTIAL_MIN_SCORE,
    PARTIAL_MIN_SHARE,
    PARTIAL_MIN_WORDS,
    SHORT_MIN_SCORE,
    SIMILAR_WORD_SCORE,
    Alignment,
    PreparedText,
    align,
    prepare_text,
)
from verify.match.index import (
    INDEXER,
    MAX_CANDIDATES,
    MIN_VOTE_SHARE,
    MIN_VOTES,
    RARE_NGRAMS,
    Candidate,
    NgramIndex,
    document_ngrams,
    ngram_hashes,
)

__all__ = [
    "INDEXER",
    "MATCHER",
    "Alignment",
    "Candidate",
    "Found",
    "Matcher",
    "NgramIndex",
    "PreparedText",
    "align",
    "document_ngrams",
    "match_settings",
    "window",
    "ngram_hashes",
    "prepare_text",
]

#: Names the matching rules; a change matches every claim again.
MATCHER = "seed-extend/6"
#: Characters of context aligned on each side of where the claim should be ...
WINDOW_PAD = 60
#: ... allowing the original text to be this much longer than the normalised claim.
WINDOW_STRETCH = 1.5


def match_settings() -> dict[str, object]:
    """The named thresholds in force, recorded with every run."""
    from verify import consistency

    return {
        "matcher": MATCHER,
        "indexer": INDEXER,
        "match_min_score": MATCH_MIN_SCORE,
        "partial_min_score": PARTIAL_MIN_SCORE,
        "partial_min_words": PARTIAL_MIN_WORDS,
        "partial_min_share": PARTIAL_MIN_SHARE,
        "rare_ngrams": RARE_NGRAMS,
        "min_vote_share": MIN_VOTE_SHARE,
        "min_votes": MIN_VOTES,
        "min_shared_words": MIN_SHARED_WORDS,
        "min_shared_count": MIN_SHARED_COUNT,
        "similar_word_score": SIMILAR_WORD_SCORE,
        "short_min_score": SHORT_MIN_SCORE,
        "window_pad": WINDOW_PAD,
        "window_stretch": WINDOW_STRETCH,
        "max_candidates": MAX_CANDIDATES,
        "min_claim_words": consistency.MIN_CLAIM_WORDS,
        "claim_kinds": sorted(consistency.MATCHED_KINDS),
        "spelling_min_score": consistency.SPELLING_MIN_SCORE,
        "fragment_extra_words": consistency.FRAGMENT_EXTRA_WORDS,
        "min_unchanged_words": consistency.MIN_UNCHANGED_WORDS,
    }


@dataclass(frozen=True, slots=True)
class Found:
    """A claim's words found in a document: the alignment and the original text there."""

    document_id: str
    alignment: Alignment
    text: str


class Matcher:
    """Looks claims up in an ``NgramIndex`` and aligns them with the candidate documents.

    ``load_text(document_id)`` returns a document's original text (None when gone).
    Only a window of each candidate around the index hits is normalised and aligned,
    so the cost of a claim does not grow with the length of the documents.
    """

    def __init__(
        self, index: NgramIndex, load_text: Callable[[str], str | None], *, cache_size: int = 16384
    ) -> None:
        self.index = index
        self.load_text = load_text
        self.cache_size = cache_size
        self._cache: OrderedDict[str, str | None] = OrderedDict()

    def text(self, document_id: str) -> str | None:
        """A document's original text (cached: popular documents recur)."""
        if document_id in self._cache:
            self._cache.move_to_end(document_id)
            return self._cache[document_id]
        text = self.load_text(document_id)
        self._cache[document_id] = text
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return text

    def find(self, claim: str | PreparedText, **options: Any) -> list[Found]:
        """Every indexed document (but ``exclude``) that holds the claim, best first:
        ``find_ranked`` (same options) without the ranking."""
        return self.find_ranked(claim, **options)[0]

    def find_ranked(
        self,
        claim: str | PreparedText,
        *,
        exclude: Iterable[str] = (),
        after_seq: int = 0,
        counts: Callable[[Any], Any] | None = None,
    ) -> tuple[list[Found], list[tuple[int, str]]]:
        """Every indexed document (but ``exclude``) that holds the claim, best first, with
        the ``(votes, document id)`` of every candidate document the cap kept
        (``NgramIndex.ranked_candidates``), to cap several shards' as one.

        ``counts``: the corpus-wide posting counts when the index is one shard."""
        query = claim if isinstance(claim, PreparedText) else prepare_text(claim)
        if not query.words:
            return [], []
        numbers = [self.index.number[d] for d in exclude if d in self.index.number]
        found: list[Found] = []
        candidates, ranked = self.index.ranked_candidates(
            ngram_hashes(query.words), exclude=numbers, after_seq=after_seq, counts=counts
        )
        for candidate in candidates:
            document_id = self.index.doc_ids[candidate.doc]
            text = self.text(document_id)
            if text is None:
                continue
            start, end = window(text, query, candidate.hits)
            alignment = align(query, prepare_text(text[start:end]))
            if alignment is not None:
                alignment = replace(
                    alignment, start=alignment.start + start, end=alignment.end + start
                )
                found.append(Found(document_id, alignment, text[alignment.start:alignment.end]))
        found.sort(key=lambda f: (-f.alignment.score, f.document_id))
        return found, [(votes, self.index.doc_ids[doc]) for votes, doc in ranked]


def window(text: str, query: PreparedText, hits: Iterable[tuple[int, int, int]]) -> tuple[int, int]:
    """The span of ``text`` to align: around the hits, room for the whole claim, whole words.

    Original text can be longer than normalised text (diacritics), hence the stretch.
    """
    size = len(query.normalized)
    low, high = len(text), 0
    for qpos, _, offset in hits:
        before = query.starts[qpos]
        low = min(low, offset - int(before * WINDOW_STRETCH))
        high = max(high, offset + int((size - before) * WINDOW_STRETCH))
    pad = WINDOW_PAD + size // 4
    low, high = max(0, low - pad), min(len(text), high + pad)
    while low > 0 and not text[low - 1].isspace():
        low -= 1
    while high < len(text) and not text[high].isspace():
        high += 1
    return low, high
