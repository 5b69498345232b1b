"""The data the toolkit passes between its layers: frozen dataclasses and StrEnums.

Enum values are the strings stored in the database and printed in JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class StrEnum(str, Enum):
    """A str-valued Enum (Python 3.10 has no enum.StrEnum)."""

    def __str__(self) -> str:
        return str(self.value)


class ClaimKind(StrEnum):
    QUOTE = "quote"
    TERM = "term"
    REPORTED = "reported"
    STATEMENT = "statement"


class Relation(StrEnum):
    EXACT = "exact"
    NORMALIZED = "normalized"
    VARIANT = "variant"
    ALTERED = "altered"
    PARTIAL = "partial"


class Flag(StrEnum):
    CORROBORATED = "corroborated"
    UNCORROBORATED = "uncorroborated"
    ALTERED_ELSEWHERE = "altered_elsewhere"
    MISATTRIBUTED = "misattributed"
    NUMBER_CONFLICT = "number_conflict"
    NEGATION_CONFLICT = "negation_conflict"
    SINGLE_SOURCE = "single_source"


@dataclass(frozen=True, slots=True)
class Document:
    """One publication: its text exactly as given, and where it came from."""

    id: str
    text: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    lang: str | None = None
    source_path: str | None = None
    source_member: str | None = None
    source_line: int | None = None


@dataclass(frozen=True, slots=True)
class Dateline:
    """The document's own place and agency stamp (جنيف- سانا, GENEVA (Reuters) -)."""

    place: str | None
    agency: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """A quotation, term, reported statement or factual statement in a text.

    ``text == source_text[start:end]`` always holds.
    """

    kind: ClaimKind
    start: int
    end: int
    text: str
    normalized: str
    speaker: str | None = None
    speaker_mention: str | None = None
    cue: str | None = None
    via: str | None = None
    sentence: int = 0
    paragraph: int = 0
    flags: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extraction finds in one text."""

    claims: tuple[Claim, ...]
    dateline: Dateline | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class WordDiff:
    """One word-level difference between a claim and the words found elsewhere.

    ``op`` is ``replace``, ``delete`` (in the claim only) or ``insert`` (elsewhere only);
    ``kind`` says what it changes: ``number``, ``negation``, ``spelling``, ``function``
    (a particle or conjunction) or ``content``.
    """

    op: str
    claim: str
    other: str
    kind: str


@dataclass(frozen=True, slots=True)
class Match:
    """Where a claim's words appear in another document, and how they differ there.

    ``start``/``end`` are offsets in that document's original text; ``speaker`` is who
    that document attributes the words to (None when it does not say).
    """

    document_id: str
    start: int
    end: int
    text: str
    score: float
    relation: Relation
    diff: tuple[WordDiff, ...] = ()
    missing_start: int = 0
    missing_end: int = 0
    fragment: bool = False
    speaker: str | None = None
