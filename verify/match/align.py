"""Align a claim with a region of a document: exact substring first, then word alignment.

Both sides are compared as their normalised words joined by single spaces, so
punctuation and quotation marks never count as differences. A fuzzy alignment is
computed only on a window of words around the index hits (never the whole document),
and the matched span is mapped back to offsets in the document's original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from verify.match.index import word_key
from verify.text.normalize import _WORD, NormalizedText, normalize_text, normalize_with_map

__all__ = [
    "EDGE_WORDS",
    "MATCH_MIN_SCORE",
    "MIN_SHARED_COUNT",
    "MIN_SHARED_WORDS",
    "PARTIAL_MIN_SCORE",
    "PARTIAL_MIN_SHARE",
    "PARTIAL_MIN_WORDS",
    "SHORT_MIN_SCORE",
    "SIMILAR_WORD_SCORE",
    "Alignment",
    "PreparedText",
    "align",
    "prepare_text",
]

#: A whole claim matches when the aligned words score at least this (0-100, Indel ratio).
MATCH_MIN_SCORE = 75.0
#: ... and at least this share of its words are found unchanged (clitics aside) ...
MIN_SHARED_WORDS = 0.7
#: ... and at least this many (all of them in a shorter claim), unless it scores at
#: least SHORT_MIN_SCORE: in a claim of four words, another content word mostly makes
#: another statement (اللغة العربية في فرنسا / في قرية), not an altered quotation.
MIN_SHARED_COUNT = 4
SHORT_MIN_SCORE = 90.0
#: Two words at least this similar (0-100) count as one word spelled two ways.
SIMILAR_WORD_SCORE = 80.0
#: Part of a claim (a truncated quotation) matches when it scores at least this ...
PARTIAL_MIN_SCORE = 90.0
#: ... has at least this many words ...
PARTIAL_MIN_WORDS = 5
#: ... and is at least this share of the claim's words.
PARTIAL_MIN_SHARE = 0.5
#: Up to this many unmatched words at either end of a claim count as changed words
#: (when the document has words there in the same sentence); more count as missing.
EDGE_WORDS = 2
#: Equal runs further apart than this (in words) are not one alignment.
MAX_GAP = 4

_SENTENCE_BREAKS = frozenset('.!?:;"()[]{}\n')
# Splitting with the word pattern captured gives separators and words alternately, in C.
_WORD_SPLIT = re.compile("(" + _WORD.pattern + ")")


class PreparedText:
    """A text's normalised words, ready for alignment (computed once per text).

    The offset map back to the original text is computed only when a match needs it.
    """

    __slots__ = ("_joined_starts", "_keys", "_norm", "ends", "joined", "normalized", "original",
                 "starts", "words")

    def __init__(self, original: str, normalized: str) -> None:
        self.original = original
        self.normalized = normalized
        parts = _WORD_SPLIT.split(normalized)
        offsets = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]
        self.joined = " ".join(self.words)
        self._joined_starts: list[int] | None = None
        self._keys: list[str] | None = None
        self._norm: NormalizedText | None = None

    @property
    def norm(self) -> NormalizedText:
        if self._norm is None:
            self._norm = normalize_with_map(self.original)
        return self._norm

    @property
    def keys(self) -> list[str]:
        """Every word's clitic-insensitive key."""
        if self._keys is None:
            self._keys = [_key(w) for w in self.words]
        return self._keys

    def keys_between(self, start: int, end: int) -> list[str]:
        if self._keys is not None:
            return self._keys[start:end]
        return [_key(w) for w in self.words[start:end]]

    @property
    def joined_starts(self) -> list[int]:
        """Where each word starts in ``joined``."""
        if self._joined_starts is None:
            self._joined_starts = [0, *accumulate(len(w) + 1 for w in self.words[:-1])]
        return self._joined_starts

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span ``[start, end)``."""
        return self.norm.to_original(start, end)

    def is_break_after(self, word: int) -> bool:
        """Whether a sentence, quotation or paragraph boundary follows word ``word``."""
        if word < 0 or word + 1 >= len(self.words):
            return True
        between = self.normalized[self.ends[word]:self.starts[word + 1]]
        if any(ch in _SENTENCE_BREAKS for ch in between):
            return True
        offsets = self.norm.offsets
        return "\n" in self.original[offsets[self.ends[word]]:offsets[self.starts[word + 1]]]


_KEYS: dict[str, str] = {}


def _key(word: str) -> str:
    key = _KEYS.get(word)
    if key is None:
        key = word_key(word)
        if len(_KEYS) < 2_000_000:
            _KEYS[word] = key
    return key


def prepare_text(text: str) -> PreparedText:
    """Normalise ``text`` and split it into words."""
    return PreparedText(text, normalize_text(text))


@dataclass(frozen=True, slots=True)
class Alignment:
    """Where a claim's words are in a document and how they differ.

    ``start``/``end`` are offsets in the document's original text; ``ops`` lists the
    word differences as ``(op, claim words, document words)`` with op one of
    ``replace``, ``delete`` (in the claim, not the document) and ``insert``.
    ``missing_start``/``missing_end`` count claim words absent before/after the match.
    """

    start: int
    end: int
    word_start: int
    word_end: int
    score: float
    ops: tuple[tuple[str, str, str], ...] = ()
    missing_start: int = 0
    missing_end: int = 0

    @property
    def truncated(self) -> bool:
        return bool(self.missing_start or self.missing_end)


def _exact(query: PreparedText, doc: PreparedText) -> Alignment | None:
    if not query.joined:
        return None
    found = doc.joined.find(query.joined)
    if found < 0:
        return None
    last = found + len(query.joined) - 1
    first_word = bisect_right(doc.joined_starts, found) - 1
    last_word = bisect_right(doc.joined_starts, last) - 1
    norm_start = doc.starts[first_word] + found - doc.joined_starts[first_word]
    norm_end = doc.starts[last_word] + last + 1 - doc.joined_starts[last_word]
    start, end = doc.to_original(norm_start, norm_end)
    return Alignment(start, end, first_word, last_word + 1, 100.0)


def _equal_runs(query: PreparedText, doc: PreparedText, w0: int, w1: int) -> list[tuple[int, int, int, int]]:
    """The longest cluster of equal runs ``(q_start, q_end, d_start, d_end)`` in the window."""
    runs = [
        (op.src_start, op.src_end, op.dest_start + w0, op.dest_end + w0)
        for op in Levenshtein.opcodes(query.keys, doc.keys_between(w0, w1))
        if op.tag == "equal"
    ]
    if not runs:
        return []
    clusters: list[list[tuple[int, int, int, int]]] = [[runs[0]]]
    for run in runs[1:]:
        previous = clusters[-1][-1]
        if run[0] - previous[1] <= MAX_GAP and run[2] - previous[3] <= MAX_GAP:
            clusters[-1].append(run)
        else:
            clusters.append([run])
    return max(clusters, key=lambda cluster: sum(r[1] - r[0] for r in cluster))


def _score(claim: str, other: str) -> float:
    """Indel ratio (0-100) of the aligned words; when the other side is longer, the best
    claim-length window of it counts (as partial_ratio does: a clitic glued to the
    first word, ومع for مع, costs nothing)."""
    score = fuzz.ratio(claim, other, processor=None)
    if len(other) > len(claim):
        score = max(score, fuzz.partial_ratio(claim, other, processor=None))
    return score


def _shared_words(claim: list[str], other: list[str]) -> int:
    """Words of the claim found there unchanged or spelled another way (لكل for كل)."""
    shared = 0
    for op in Levenshtein.opcodes(claim, other):
        if op.tag == "equal":
            shared += op.src_end - op.src_start
        elif op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start:
            shared += sum(
                fuzz.ratio(a, b, processor=None) >= SIMILAR_WORD_SCORE
                for a, b in zip(
                    claim[op.src_start:op.src_end], other[op.dest_start:op.dest_end], strict=True
                )
            )
    return shared


def _extend_edges(
    query: PreparedText, doc: PreparedText, qa: int, qb: int, da: int, db: int
) -> tuple[int, int, int, int]:
    """Treat up to EDGE_WORDS unmatched claim words at an end as changed, not missing."""
    head = qa
    if 0 < head <= EDGE_WORDS and da - head >= 0 and not any(
        doc.is_break_after(w) for w in range(da - head, da)
    ):
        qa, da = 0, da - head
    tail = len(query.words) - qb
    if 0 < tail <= EDGE_WORDS and db + tail <= len(doc.words) and not any(
        doc.is_break_after(w) for w in range(db - 1, db + tail - 1)
    ):
        qb, db = len(query.words), db + tail
    return qa, qb, da, db


def align(query: PreparedText, doc: PreparedText) -> Alignment | None:
    """Align a claim with a document (or a window of one); None when it is not there.

    Cost grows with the product of the two lengths: pass a window around the index
    hits, not a whole long document.
    """
    exact = _exact(query, doc)
    if exact is not None:
        return exact
    size = len(query.words)
    if size == 0:
        return None
    runs = _equal_runs(query, doc, 0, len(doc.words))
    if not runs:
        return None
    qa, qb, da, db = _extend_edges(query, doc, runs[0][0], runs[-1][1], runs[0][2], runs[-1][3])
    covered = qb - qa
    shared = _shared_words(query.keys[qa:qb], doc.keys_between(da, db))
    if shared < MIN_SHARED_WORDS * covered:
        return None
    claim_words, doc_words = query.words[qa:qb], doc.words[da:db]
    score = _score(" ".join(claim_words), " ".join(doc_words))
    if shared < min(MIN_SHARED_COUNT, size) and score < SHORT_MIN_SCORE:
        return None
    if covered == size:
        if score < MATCH_MIN_SCORE:
            return None
    elif covered < PARTIAL_MIN_WORDS or covered < PARTIAL_MIN_SHARE * size or score < PARTIAL_MIN_SCORE:
        return None
    ops = tuple(
        (op.tag, " ".join(claim_words[op.src_start:op.src_end]),
         " ".join(doc_words[op.dest_start:op.dest_end]))
        for op in Levenshtein.opcodes(claim_words, doc_words)
        if op.tag != "equal"
    )
    start, end = doc.to_original(doc.starts[da], doc.ends[db - 1])
    return Alignment(start, end, da, db, round(score, 1), ops, qa, size - qb)
