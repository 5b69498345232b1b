"""Checkable factual sentences that nobody is quoted as saying.

A sentence is a statement when it carries something a reader could check: a number or
quantity, a date, a named event (a meeting, an attack, a vote), and is neither
attributed speech, nor inside a quotation, nor a question or an opinion.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from verify.models import Claim, ClaimKind

from .segment import Sentence, Tok

__all__ = ["StatementHints", "find_statements"]

_TRIM = " \t\n\u00a0.,،؛;:!…-–—"
_MIN_WORDS = 5
_MAX_CHARS = 1500  # longer "sentences" are lists or run-on scrapes, not one claim
_THRESHOLD = 2
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class StatementHints:
    """Word lists of one language, as lexicon keys, and how to tell a named thing."""

    numbers: frozenset[str]
    dates: frozenset[str]
    events: frozenset[str]
    opinions: frozenset[str]
    is_named: Callable[[Tok, int], bool]


def _score(tokens: list[Tok], hints: StatementHints, digits: bool) -> int:
    numbers = dates = events = named = opinion = False
    for position, tok in enumerate(tokens):
        key = tok.key
        if key in hints.opinions:
            opinion = True
        if key in hints.numbers:
            numbers = True
        if key in hints.dates:
            dates = True
        if key in hints.events:
            events = True
        if not named and hints.is_named(tok, position):
            named = True
    if opinion or not (digits or numbers or events):
        return 0
    return 2 * digits + numbers + dates + events + named


def find_statements(text: str, sentences: list[Sentence], *, skip: set[int],
                    quoted: list[tuple[int, int]], hints: StatementHints,
                    normalize: Callable[[str], str],
                    stamp: tuple[int, int] | None = None) -> list[Claim]:
    """Statement claims for the sentences not in ``skip`` and not inside ``quoted``;
    a dateline ``stamp`` at the start of a sentence is left out of its statement."""
    claims: list[Claim] = []
    q = 0
    for sentence in sentences:
        if sentence.index in skip:
            continue
        while q < len(quoted) and quoted[q][1] <= sentence.start:
            q += 1
        if q < len(quoted) and quoted[q][0] <= sentence.start < quoted[q][1]:
            continue
        start, end = sentence.start, sentence.end
        if stamp is not None and stamp[0] <= start < stamp[1]:
            start = stamp[1]
            tokens_after = [t for t in sentence.tokens if t.start >= start]
        else:
            tokens_after = sentence.tokens
        if end - start > _MAX_CHARS or text[start:end].rstrip().endswith(("?", "؟")):
            continue
        tokens = tokens_after
        if sum(1 for t in tokens if t.key[:1].isalnum()) < _MIN_WORDS:
            continue
        if _score(tokens, hints, _DIGIT.search(text, start, end) is not None) < _THRESHOLD:
            continue
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        body = text[start:end]
        claims.append(Claim(kind=ClaimKind.STATEMENT, start=start, end=end, text=body,
                            normalized=normalize(body), sentence=sentence.index,
                            paragraph=sentence.paragraph))
    return claims
