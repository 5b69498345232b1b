"""The attribution cue: what introduces someone's words, and who and through whom.

Language modules find cues in sentences and resolve their speakers; ``attribution``
turns cues and quoted spans into claims.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Cue", "MARK_CHARS", "is_mark"]

MARK_CHARS = frozenset("«»“”„‟〝〞″\"＂‹›‘’'")


def is_mark(text: str) -> bool:
    return len(text) <= 2 and bool(text) and all(c in MARK_CHARS for c in text)


@dataclass(slots=True)
class Cue:
    """A reporting verb, participle, colon or sourcing phrase and what it governs.

    ``content_start`` is where the reported words begin (after أن / that / a colon),
    ``complement`` how they are introduced ("that", "colon", "mark", "prep", "object",
    "source"), ``postposed`` is true when the cue follows the words ("...," he said).
    """

    sentence: int
    paragraph: int
    start: int
    end: int
    text: str
    kind: str
    complement: str
    content_start: int | None
    describe: bool = False
    postposed: bool = False
    speaker: str | None = None
    mention: str | None = None
    via: str | None = None
    inferred: bool = False
    unresolved: bool = False
    content_end: int | None = None  # set when the words end before the sentence does
    passing: bool = False  # a speaker cited in passing (قال تعالى): later words are not his
