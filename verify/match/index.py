"""Candidate retrieval: hashed word bigrams per document, and an inverted index over them.

Each document is reduced to the hashes of its consecutive word pairs (bigrams of
normalised, clitic-insensitive words) and the word position of each pair. The hashes
of all documents, sorted, form an inverted index searched with ``numpy.searchsorted``.
A claim is looked up by its rarest bigrams; documents are ranked by how many of them
they hold, and the positions of the hits say where in the document to align.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import numpy as np

from verify.match.lexicons import ARABIC_ARTICLES, ARABIC_PROCLITICS
from verify.text.normalize import _WORD, normalize_with_map

__all__ = [
    "INDEXER",
    "Candidate",
    "NgramIndex",
    "document_ngrams",
    "looked_up",
    "ngram_hashes",
    "word_key",
]

#: Names the index format; a change re-indexes every document.
INDEXER = "bigram-crc32/2"
#: How many of a claim's rarest bigrams are looked up.
RARE_NGRAMS = 24
#: Bigrams more frequent than this are looked up only when too few rarer ones exist.
MAX_POSTINGS = 20_000
#: A document is a candidate when it holds at least this share of the looked-up bigrams
#: on one diagonal ...
MIN_VOTE_SHARE = 0.25
#: ... and at least this many of them (fewer only when fewer were looked up).
MIN_VOTES = 2
#: At most this many candidate documents per claim, by votes.
MAX_CANDIDATES = 500

_WORD_HASHES: dict[str, int] = {}


def word_key(word: str) -> str:
    """A normalised word without its Arabic conjunction and article (وقال -> قال, والوزير -> وزير)."""
    if len(word) > 3 and word[0] in ARABIC_PROCLITICS:
        word = word[1:]
    for article in ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article):]
    return word


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        value = zlib.crc32(word_key(word).encode("utf-8"))
        if len(_WORD_HASHES) < 4_000_000:
            _WORD_HASHES[word] = value
    return value


_WORD_SPLIT = re.compile("(" + _WORD.pattern + ")")


def ngram_hashes(words: Sequence[str]) -> np.ndarray:
    """The uint64 hash of each consecutive word pair (empty for fewer than two words)."""
    if len(words) < 2:
        return np.zeros(0, dtype=np.uint64)
    single = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    return (single[:-1] << np.uint64(32)) | single[1:]


def document_ngrams(text: str) -> tuple[np.ndarray, np.ndarray]:
    """A document's bigram hashes (uint64), and for each the word position and the
    offset in the original text of its first word (an ``(n, 2)`` uint32 array)."""
    norm = normalize_with_map(text)
    parts = _WORD_SPLIT.split(norm.text)
    words = parts[1::2]
    hashes = ngram_hashes(words)
    if not len(hashes):
        return hashes, np.zeros((0, 2), dtype=np.uint32)
    starts = np.fromiter(accumulate(map(len, parts[:-3])), dtype=np.int64, count=len(parts) - 3)
    starts = starts[0::2]  # normalised offset of each word but the last
    mapped = np.frombuffer(norm.offsets, dtype=np.dtype(f"i{norm.offsets.itemsize}"))
    offsets = mapped[starts]
    positions = np.empty((len(hashes), 2), dtype=np.uint32)
    positions[:, 0] = np.arange(len(hashes))
    positions[:, 1] = offsets
    return hashes, positions


def encode_ngrams(hashes: np.ndarray, positions: np.ndarray) -> tuple[bytes, bytes]:
    """A document's index arrays as bytes for storage (little-endian uint64, uint32)."""
    return hashes.astype("<u8").tobytes(), positions.astype("<u4").tobytes()


def decode_ngrams(hashes: bytes, positions: bytes) -> tuple[np.ndarray, np.ndarray]:
    """The inverse of ``encode_ngrams``."""
    return np.frombuffer(hashes, dtype="<u8"), np.frombuffer(positions, dtype="<u4").reshape(-1, 2)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A document that may hold a claim: its index number, votes, and the hits.

    ``hits`` are ``(claim word, document word, offset in the document's original text)``
    of the bigrams found on the best diagonal; ``votes`` counts the distinct claim
    bigrams among them.
    """

    doc: int
    votes: int
    hits: tuple[tuple[int, int, int], ...]


class NgramIndex:
    """An inverted index from bigram hash to (document number, word position, offset)."""

    __slots__ = ("_id_rank", "doc_ids", "doc_seq", "hashes", "locations", "number", "offsets")

    def __init__(
        self,
        hashes: np.ndarray,
        locations: np.ndarray,
        offsets: np.ndarray,
        doc_ids: Sequence[str],
        doc_seq: np.ndarray,
    ) -> None:
        self.hashes = hashes
        self.locations = locations
        self.offsets = offsets
        self.doc_ids = list(doc_ids)
        self.doc_seq = doc_seq
        self.number = {doc_id: number for number, doc_id in enumerate(self.doc_ids)}
        self._id_rank: np.ndarray | None = None

    @classmethod
    def build(cls, documents: Iterable[tuple[str, int, np.ndarray, np.ndarray]]) -> NgramIndex:
        """Build from ``(document id, index sequence number, hashes, positions)`` tuples."""
        doc_ids: list[str] = []
        seqs: list[int] = []
        hash_parts: list[np.ndarray] = []
        loc_parts: list[np.ndarray] = []
        off_parts: list[np.ndarray] = []
        for number, (doc_id, seq, hashes, positions) in enumerate(documents):
            doc_ids.append(doc_id)
            seqs.append(seq)
            hash_parts.append(hashes)
            loc_parts.append(
                (np.uint64(number) << np.uint64(32)) | positions[:, 0].astype(np.uint64)
            )
            off_parts.append(positions[:, 1])
        if hash_parts:
            all_hashes = np.concatenate(hash_parts)
            all_locs = np.concatenate(loc_parts)
            all_offs = np.concatenate(off_parts)
        else:
            all_hashes = np.zeros(0, dtype=np.uint64)
            all_locs = np.zeros(0, dtype=np.uint64)
            all_offs = np.zeros(0, dtype=np.uint32)
        order = np.argsort(all_hashes, kind="stable")
        return cls(
            all_hashes[order], all_locs[order], all_offs[order], doc_ids,
            np.array(seqs, dtype=np.int64),
        )

    def to_bytes(self) -> dict[str, bytes]:
        """The arrays as bytes, to store the merged index (see ``from_bytes``)."""
        return {
            "hashes": self.hashes.astype("<u8").tobytes(),
            "locations": self.locations.astype("<u8").tobytes(),
            "offsets": self.offsets.astype("<u4").tobytes(),
            "doc_seq": self.doc_seq.astype("<i8").tobytes(),
        }

    @classmethod
    def from_bytes(cls, doc_ids: Sequence[str], arrays: dict[str, bytes]) -> NgramIndex:
        """The index saved by ``to_bytes`` (arrays share the given buffers)."""
        return cls(
            np.frombuffer(arrays["hashes"], dtype="<u8"),
            np.frombuffer(arrays["locations"], dtype="<u8"),
            np.frombuffer(arrays["offsets"], dtype="<u4"),
            doc_ids,
            np.frombuffer(arrays["doc_seq"], dtype="<i8"),
        )

    def __len__(self) -> int:
        return len(self.doc_ids)

    def posting_counts(self, hashes: np.ndarray) -> np.ndarray:
        """How many times each of ``hashes`` (sorted) occurs in the index (int64)."""
        hashes = np.asarray(hashes, dtype=np.uint64)
        low = np.searchsorted(self.hashes, hashes, side="left")
        return (np.searchsorted(self.hashes, hashes, side="right") - low).astype(np.int64)

    def _id_ranks(self) -> np.ndarray:
        """Each document number's rank by document id (ties in the cap break by id, so a
        shard of the corpus keeps the documents the whole index would)."""
        if self._id_rank is None:
            ranks = np.empty(len(self.doc_ids), dtype=np.int64)
            ranks[np.argsort(np.array(self.doc_ids, dtype=object), kind="stable")] = np.arange(
                len(self.doc_ids)
            )
            self._id_rank = ranks
        return self._id_rank

    def candidates(self, query: np.ndarray, **options: Any) -> list[Candidate]:
        """Documents that hold enough of the claim's rarest bigrams on one diagonal, most
        votes first: ``ranked_candidates`` (same options) without the ranking."""
        return self.ranked_candidates(query, **options)[0]

    def ranked_candidates(
        self,
        query: np.ndarray,
        *,
        exclude: Iterable[int] = (),
        after_seq: int = 0,
        rare: int = RARE_NGRAMS,
        max_candidates: int = MAX_CANDIDATES,
        counts: Callable[[np.ndarray], np.ndarray] | None = None,
    ) -> tuple[list[Candidate], list[tuple[int, int]]]:
        """Documents that hold enough of the claim's rarest bigrams on one diagonal (most
        votes first), with the ``(votes, document number)`` of every document the
        ``max_candidates`` cap kept (band or not): what merging the candidates of several
        shards under one cap needs.

        ``query`` holds the claim's bigram hashes in word order. Documents numbered in
        ``exclude`` and documents indexed at or before ``after_seq`` are left out.
        ``counts``, given the claim's distinct bigram hashes (sorted), returns their
        posting counts over the whole corpus when this index is one shard of it
        (default: this index's own counts).
        """
        if len(query) == 0 or len(self.hashes) == 0:
            return [], []
        unique, first = np.unique(query, return_index=True)
        low = np.searchsorted(self.hashes, unique, side="left")
        high = np.searchsorted(self.hashes, unique, side="right")
        counts_of = (high - low) if counts is None else np.asarray(counts(unique), dtype=np.int64)
        chosen, min_votes = looked_up(counts_of, rare)
        if len(chosen) == 0:
            return [], []
        spans = [(low[i], high[i]) for i in chosen]
        locs = np.concatenate([self.locations[a:b] for a, b in spans])
        offs = np.concatenate([self.offsets[a:b] for a, b in spans])
        which = np.repeat(np.arange(len(chosen)), [b - a for a, b in spans])
        docs = (locs >> np.uint64(32)).astype(np.int64)
        keep = np.ones(len(docs), dtype=bool)
        if after_seq:
            keep &= self.doc_seq[docs] > after_seq
        for number in exclude:
            keep &= docs != number
        docs, which, locs, offs = docs[keep], which[keep], locs[keep], offs[keep]
        if len(docs) == 0:
            return [], []
        # Votes: distinct claim bigrams per document.
        pairs = np.unique(docs * len(chosen) + which)
        voted, votes = np.unique(pairs // len(chosen), return_counts=True)
        good = votes >= min_votes
        voted, votes = voted[good], votes[good]
        if len(voted) == 0:
            return [], []
        if len(voted) > max_candidates:
            order = np.lexsort((self._id_ranks()[voted], -votes))[:max_candidates]
            voted, votes = voted[order], votes[order]
        keep = np.isin(docs, voted)
        docs, which, locs, offs = docs[keep], which[keep], locs[keep], offs[keep]
        ranked = list(zip(votes.tolist(), voted.tolist(), strict=True))
        positions = (locs & np.uint64(0xFFFFFFFF)).astype(np.int64)
        query_pos = first[chosen][which]
        by_doc: dict[int, list[tuple[int, int, int]]] = {}
        for doc, qpos, dpos, off in zip(
            docs.tolist(), query_pos.tolist(), positions.tolist(), offs.tolist(), strict=True
        ):
            by_doc.setdefault(doc, []).append((qpos, dpos, off))
        # Hits of a real appearance lie on one diagonal (document word - claim word, give
        # or take the words added or dropped); hits scattered over a document are shared
        # phrases, not the claim.
        width = max(2, int(first.max()) // 4)
        found = []
        for doc, hits in by_doc.items():
            band = _best_band(hits, width)
            band_votes = len({q for q, _, _ in band})
            if band_votes >= min_votes:
                found.append(Candidate(doc, band_votes, tuple(band)))
        found.sort(key=lambda c: (-c.votes, c.doc))
        return found, ranked


def looked_up(counts: np.ndarray, rare: int = RARE_NGRAMS) -> tuple[np.ndarray, int]:
    """Which of a claim's distinct bigrams are looked up, given their posting counts:
    their positions in ``counts``, rarest first, and how many of them a candidate
    document must hold (its votes).

    The rarest ``rare`` bigrams found at all, leaving out those in more than
    ``MAX_POSTINGS`` places unless fewer than two would be left.
    """
    present = np.flatnonzero(counts)
    if len(present) == 0:
        return present, 0
    present = present[np.argsort(counts[present], kind="stable")]
    chosen = present[counts[present] <= MAX_POSTINGS][:rare]
    if len(chosen) < min(2, len(present)):
        chosen = present[: min(2, len(present))]
    min_votes = max(min(MIN_VOTES, len(chosen)), int(np.ceil(MIN_VOTE_SHARE * len(chosen))))
    return chosen, min_votes


def _best_band(hits: list[tuple[int, int, int]], width: int) -> list[tuple[int, int, int]]:
    """The hits in the diagonal band (of ``width`` words) holding the most of them."""
    ordered = sorted(hits, key=lambda h: h[1] - h[0])
    best = (0, 0)
    low = 0
    for high in range(len(ordered)):
        diagonal = ordered[high][1] - ordered[high][0]
        while diagonal - (ordered[low][1] - ordered[low][0]) > width:
            low += 1
        if high - low > best[1] - best[0]:
            best = (low, high)
    return ordered[best[0]:best[1] + 1]
