"""Judge matches: the relation of each appearance to the claim, and the claim's flags.

Pure: alignments, names and metadata in, relations, word diffs, flags and origin out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from verify.match.align import Alignment
from verify.match.index import word_key
from verify.match.lexicons import (
    FUNCTION_WORDS,
    NEGATED_CONTRACTIONS,
    NEGATIONS,
    NUMBER_WORDS,
)
from verify.models import Flag, Match, Relation, WordDiff
from verify.text.normalize import QUOTE_MARKS, normalize_words

__all__ = [
    "FRAGMENT_EXTRA_WORDS",
    "MATCHED_KINDS",
    "MIN_CLAIM_WORDS",
    "MIN_UNCHANGED_WORDS",
    "SPELLING_MIN_SCORE",
    "Source",
    "Verdict",
    "diff_words",
    "is_matchable",
    "judge_claim",
    "judge_match",
    "judge_relation",
    "name_key",
    "same_person",
]

#: Claim kinds that are matched against other documents (terms are names, not claims).
MATCHED_KINDS = frozenset({"quote", "reported", "statement"})
#: Claims with fewer normalised words than this are not matched.
MIN_CLAIM_WORDS = 4
#: Two words at least this similar (0-100) are one word spelled two ways.
SPELLING_MIN_SCORE = 80.0
#: A match is a fragment when the other document's claim there has this many more words.
FRAGMENT_EXTRA_WORDS = 3
#: Two names whose consonant skeletons are at least this similar (0-100) are one person.
NAME_MIN_SCORE = 85.0

_NEGATIONS = frozenset().union(*NEGATIONS.values())
_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values())
_NUMBER_WORDS = frozenset().union(*NUMBER_WORDS.values())
_DIGIT = re.compile(r"\d")
_IGNORED_FOR_EXACT = re.compile("[\\s" + re.escape(QUOTE_MARKS) + "]+")
_RELATION_RANK = {
    Relation.EXACT: 5, Relation.NORMALIZED: 4, Relation.VARIANT: 3, Relation.ALTERED: 2,
    Relation.PARTIAL: 1,
}
_CARRIES = frozenset({Relation.EXACT, Relation.NORMALIZED, Relation.VARIANT})


def is_matchable(kind: str, text: str) -> bool:
    """Whether a claim of this kind and text is matched against other documents."""
    return str(kind) in MATCHED_KINDS and len(normalize_words(text)) >= MIN_CLAIM_WORDS


# --- word differences --------------------------------------------------------------------


def _strip_conjunction(word: str) -> str:
    return word[1:] if len(word) > 1 and word[0] in "وف" else word


def _negations(words: Sequence[str]) -> int:
    count = 0
    for i, word in enumerate(words):
        negated_contraction = word == "t" and i > 0 and words[i - 1] in NEGATED_CONTRACTIONS
        if word in _NEGATIONS or _strip_conjunction(word) in _NEGATIONS or negated_contraction:
            count += 1
    return count


def _numbers(words: Sequence[str]) -> list[str]:
    return [
        w for w in words
        if _DIGIT.search(w) or w in _NUMBER_WORDS or word_key(w) in _NUMBER_WORDS
    ]


def _is_function(word: str) -> bool:
    return word in _FUNCTION_WORDS or _strip_conjunction(word) in _FUNCTION_WORDS


def _is_spelling(claim: Sequence[str], other: Sequence[str]) -> bool:
    if len(claim) != len(other) or not claim:
        return False
    return all(
        word_key(a) == word_key(b)
        or fuzz.ratio(word_key(a), word_key(b), processor=None) >= SPELLING_MIN_SCORE
        for a, b in zip(claim, other, strict=True)
    )


def classify_difference(op: str, claim: Sequence[str], other: Sequence[str]) -> str:
    """What a word difference changes: number, negation, spelling, function or content."""
    if _negations(claim) != _negations(other):
        return "negation"
    if _numbers(claim) != _numbers(other):
        return "number"
    if op == "replace" and _is_spelling(claim, other):
        return "spelling"
    if all(_is_function(w) for w in (*claim, *other)):
        return "function"
    return "content"


def diff_words(ops: Iterable[tuple[str, str, str]]) -> tuple[WordDiff, ...]:
    """Word differences ``(op, claim words, other words)`` with what each changes."""
    return tuple(
        WordDiff(op, claim, other, classify_difference(op, claim.split(), other.split()))
        for op, claim, other in ops
    )


# --- relations ---------------------------------------------------------------------------


def _bare(text: str) -> str:
    return _IGNORED_FOR_EXACT.sub("", text)


def judge_relation(
    claim_text: str, other_text: str, diff: Sequence[WordDiff], *, truncated: bool,
    fragment: bool = False,
) -> Relation:
    """How the words found elsewhere relate to the claim."""
    if truncated or fragment:
        return Relation.PARTIAL
    if _bare(claim_text) == _bare(other_text):
        return Relation.EXACT
    if not diff:
        return Relation.NORMALIZED
    if all(d.kind in ("spelling", "function") for d in diff):
        return Relation.VARIANT
    return Relation.ALTERED


def judge_match(
    claim_text: str,
    document_id: str,
    alignment: Alignment,
    other_text: str,
    *,
    speaker: str | None = None,
    container_words: int | None = None,
) -> Match:
    """Turn an alignment into a Match: relation, word diff and the speaker there.

    ``container_words`` is the length in words of the other document's claim holding
    the matched words, when there is one; a much longer one makes the match a fragment.
    """
    diff = diff_words(alignment.ops)
    truncated = alignment.truncated
    if truncated:
        # Only particles missing at the ends (إن، أن، that) is no truncation: it is a
        # variant, with the missing words listed as dropped.
        words = normalize_words(claim_text)
        head = words[:alignment.missing_start]
        tail = words[len(words) - alignment.missing_end:] if alignment.missing_end else []
        if all(_is_function(w) for w in (*head, *tail)):
            truncated = False
            before = (WordDiff("delete", " ".join(head), "", "function"),) if head else ()
            after = (WordDiff("delete", " ".join(tail), "", "function"),) if tail else ()
            diff = (*before, *diff, *after)
    matched = alignment.word_end - alignment.word_start
    fragment = (
        container_words is not None
        and not truncated
        and container_words - matched >= FRAGMENT_EXTRA_WORDS
    )
    relation = judge_relation(claim_text, other_text, diff, truncated=truncated, fragment=fragment)
    return Match(
        document_id=document_id,
        start=alignment.start,
        end=alignment.end,
        text=other_text,
        score=alignment.score,
        relation=relation,
        diff=diff,
        missing_start=alignment.missing_start if truncated else 0,
        missing_end=alignment.missing_end if truncated else 0,
        fragment=fragment,
        speaker=speaker,
    )


# --- speakers ----------------------------------------------------------------------------

_VOWELS = re.compile("[اويaeiouy]")
_DOUBLES = re.compile(r"(.)\1+")


def _skeleton(word: str) -> str:
    word = word_key(word) if len(word) > 3 else word
    if len(word) <= 2:
        return word
    return _DOUBLES.sub(r"\1", word[0] + _VOWELS.sub("", word[1:]))


def name_key(name: str) -> str:
    """A name's consonant skeleton: normalised, vowels and doubled letters dropped.

    ستافان دي ميستورا and ستيفان دي مستورا share one key.
    """
    return " ".join(_skeleton(w) for w in normalize_words(name))


def same_person(a: str, b: str) -> bool:
    """Whether two forms of a name can be the same person (tolerant: surname, spelling).

    One form may be the other's surname or the end of it (دي ميستورا, ستافان دي ميستورا),
    and foreign names may be spelled differently (ستيفان دي مستورا).
    """
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if long[len(long) - len(short):] == short:
        return True
    if fuzz.ratio(" ".join(ka), " ".join(kb), processor=None) >= NAME_MIN_SCORE:
        return True
    tail = long[len(long) - len(short):]
    return fuzz.ratio(" ".join(short), " ".join(tail), processor=None) >= NAME_MIN_SCORE and (
        len(" ".join(short)) >= 4
    )


# --- flags -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document comes from, for judging corroboration and origin."""

    document_id: str
    outlet: str | None = None
    published: str | None = None
    url: str | None = None

    def as_origin(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id, "url": self.url, "outlet": self.outlet,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """A claim's consistency flags and its origin."""

    flags: tuple[Flag, ...]
    origin: dict[str, Any] | None


def _same_outlet(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().casefold() == b.strip().casefold()


def _changes(match: Match) -> set[str]:
    return {d.kind for d in match.diff}


#: An altered appearance raises flags only when at least this many of its words are
#: the claim's own: one word changed in a four-word phrase is another phrase.
MIN_UNCHANGED_WORDS = 4


def _substantial(match: Match) -> bool:
    changed = sum(len(d.other.split()) for d in match.diff)
    return len(normalize_words(match.text)) - changed >= MIN_UNCHANGED_WORDS


def judge_claim(
    source: Source | None,
    speaker: str | None,
    matches: Sequence[tuple[Match, Source]],
    *,
    same_speaker: Callable[[str, str], bool] = same_person,
) -> Verdict:
    """Flags and origin of a claim from its matches in other documents.

    ``source`` is the claim's own document (None for a claim typed by the user, for
    which every document is another outlet). A document with no outlet counts as
    another outlet.
    """
    own_outlet = source.outlet if source is not None else None
    others = [
        (m, s) for m, s in matches if source is None or s.document_id != source.document_id
    ]
    foreign = [(m, s) for m, s in others if not _same_outlet(s.outlet, own_outlet)]
    flags: set[Flag] = set()
    if any(m.relation in _CARRIES for m, _ in foreign):
        flags.add(Flag.CORROBORATED)
    if not foreign:
        flags.add(Flag.UNCORROBORATED)
    if any(m.relation is Relation.ALTERED and _substantial(m) for m, _ in foreign):
        flags.add(Flag.ALTERED_ELSEWHERE)
    if speaker and any(
        m.speaker and not same_speaker(speaker, m.speaker) for m, _ in others
    ):
        flags.add(Flag.MISATTRIBUTED)
    if others:
        best, _ = max(
            others, key=lambda pair: (_RELATION_RANK[pair[0].relation], pair[0].score)
        )
        changes = _changes(best) if _substantial(best) else set()
        if "number" in changes:
            flags.add(Flag.NUMBER_CONFLICT)
        if "negation" in changes:
            flags.add(Flag.NEGATION_CONFLICT)
    outlets = {(s.outlet or "").strip().casefold() for _, s in others}
    if others and (
        (source is not None and not foreign) or (source is None and len(outlets) == 1)
    ):
        flags.add(Flag.SINGLE_SOURCE)
    return Verdict(tuple(f for f in Flag if f in flags), _origin(source, others))


def _origin(source: Source | None, others: Sequence[tuple[Match, Source]]) -> dict[str, Any] | None:
    carriers = [
        s for m, s in others
        if m.relation in _CARRIES or (m.relation is Relation.PARTIAL and m.fragment)
    ]
    dated = [s for s in carriers if s.published]
    own_first = source is not None and source.published
    if source is not None:
        dated = ([source] if own_first else []) + dated
    if dated:
        # The claim's own document wins a tie: sorted() is stable and it comes first.
        return sorted(dated, key=lambda s: s.published or "")[0].as_origin()
    if source is not None:
        return source.as_origin()
    return None


# --- display helpers ---------------------------------------------------------------------

_TOKEN = re.compile(r"\S+")


def describe_diff(match: Match) -> str:
    """The word differences of a match in one line: ``15 → 20; +لن; -جدا; …3 missing``."""
    parts: list[str] = []
    for d in match.diff:
        if d.op == "replace":
            parts.append(f"{d.claim} → {d.other}")
        elif d.op == "insert":
            parts.append(f"+{d.other}")
        else:
            parts.append(f"-{d.claim}")
    missing = match.missing_start + match.missing_end
    if missing:
        parts.append(f"{missing} words missing")
    if match.fragment:
        parts.append("part of a longer quotation")
    return "; ".join(parts)


def differing_spans(match: Match) -> list[tuple[int, int]]:
    """Offsets in ``match.text`` of the words that differ from the claim (to highlight)."""
    other = {w for d in match.diff for w in d.other.split()}
    if not other:
        return []
    return [
        token.span() for token in _TOKEN.finditer(match.text)
        if any(w in other for w in normalize_words(token.group()))
    ]
