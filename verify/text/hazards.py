"""Text that lies: invisible controls and look-alike letters that make a quotation read
differently from what its characters say.

Pure functions: strings and claims in, flag names and claims out.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace

from verify.models import Claim

BIDI_CONTROLS = "bidi_controls"
ZERO_WIDTH = "zero_width"
HOMOGLYPHS = "homoglyphs"
HAZARD_FLAGS = (BIDI_CONTROLS, HOMOGLYPHS, ZERO_WIDTH)

#: Embeddings, overrides and isolates (U+202A-202E, U+2066-2069), the LRM and RLM
#: marks and the Arabic letter mark: they reorder or re-direct what is shown.
BIDI_CHARS = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"]
)
#: Characters that show nothing: zero width space, non-joiner, joiner, word joiner, BOM.
ZERO_WIDTH_CHARS = frozenset(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])

_BIDI = re.compile("[" + "".join(sorted(BIDI_CHARS)) + "]")
_ZERO_WIDTH = re.compile("[" + "".join(sorted(ZERO_WIDTH_CHARS)) + "]")
# Letters only (no digits or underscore); only words with a non-ASCII letter can mix.
_WORD = re.compile(r"[^\W\d_]+")

_LATIN = ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
_CYRILLIC = ((0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F))
_GREEK = ((0x370, 0x3FF), (0x1F00, 0x1FFF))
_ARABIC = ((0x600, 0x6FF), (0x750, 0x77F), (0x870, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

# Embedding and override openers are closed by PDF; isolate openers by PDI.
_EMBEDDING_OPENERS = frozenset("\u202a\u202b\u202d\u202e")
_ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")


def _class(*ranges: tuple[int, int]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in ranges) + "]")


# One character class per script: a word is tested with a few regex searches, not a
# Python loop over its characters (this runs on every word of every document).
_IS_ARABIC = _class(*_ARABIC)
_IS_LATIN = _class(*_LATIN)
_IS_LATIN_OR_CYRILLIC = _class(*_LATIN, *_CYRILLIC)
_IS_CYRILLIC_OR_GREEK = _class(*_CYRILLIC, *_GREEK)


def _mixed_word(word: str) -> bool:
    """A word whose letters mix scripts the way a homoglyph attack does: Latin or Cyrillic
    letters in an Arabic word, Cyrillic or Greek letters in a Latin word."""
    if _IS_ARABIC.search(word) and _IS_LATIN_OR_CYRILLIC.search(word):
        return True
    return bool(_IS_LATIN.search(word) and _IS_CYRILLIC_OR_GREEK.search(word))


def has_homoglyphs(text: str) -> bool:
    """Whether a word of ``text`` mixes Latin or Cyrillic letters into an Arabic word, or
    Cyrillic or Greek letters into a Latin word ("Pоutine" with a Cyrillic о)."""
    if text.isascii():
        return False
    return any(
        not word.isascii() and _mixed_word(word) for word in _WORD.findall(text)
    )


def find_hazards(text: str) -> tuple[str, ...]:
    """The hazard flags of ``text``, sorted: ``bidi_controls``, ``homoglyphs``,
    ``zero_width``; empty for honest text."""
    if text.isascii():
        return ()
    found = []
    if _BIDI.search(text):
        found.append(BIDI_CONTROLS)
    if has_homoglyphs(text):
        found.append(HOMOGLYPHS)
    if _ZERO_WIDTH.search(text):
        found.append(ZERO_WIDTH)
    return tuple(found)


def open_bidi_before(text: str, position: int) -> bool:
    """Whether an embedding, override or isolate opened earlier on the same line is still
    open at ``position`` (it changes how the text from there on is shown)."""
    return _open_bidi_at(text, [position])[position]


_BIDI_OR_NEWLINE = re.compile("[\n" + "".join(sorted(BIDI_CHARS)) + "]")


def _open_bidi_at(text: str, positions: Iterable[int]) -> dict[int, bool]:
    """``open_bidi_before`` for many positions in one pass over the text's controls."""
    wanted = sorted(set(positions))
    result: dict[int, bool] = {}
    embeddings = isolates = 0
    index = 0
    for match in _BIDI_OR_NEWLINE.finditer(text):
        while index < len(wanted) and wanted[index] <= match.start():
            result[wanted[index]] = embeddings > 0 or isolates > 0
            index += 1
        if index == len(wanted):
            break
        char = match.group()
        if char == "\n":
            embeddings = isolates = 0
        elif char in _EMBEDDING_OPENERS:
            embeddings += 1
        elif char == "\u202c":
            embeddings = max(0, embeddings - 1)
        elif char in _ISOLATE_OPENERS:
            isolates += 1
        elif char == "\u2069":
            # A PDI also closes the embeddings opened inside its isolate; approximate.
            isolates = max(0, isolates - 1)
    for position in wanted[index:]:
        result[position] = embeddings > 0 or isolates > 0
    return result


def flag_hazards(claims: Iterable[Claim], text: str) -> list[Claim]:
    """The claims with the hazard flags of their span appended (each flag once, after the
    flags they have); ``bidi_controls`` also when a control opened before the claim on its
    line is still open. ``text`` is the document the claims' offsets point into.

    The text is scanned once and each claim is looked up by bisection, so nested or
    overlapping claims cost no more than one pass (checking each claim's own text
    would grow with the square of the nesting depth).
    """
    claims = list(claims)
    if text.isascii():
        return claims
    where = {
        BIDI_CONTROLS: [m.start() for m in _BIDI.finditer(text)],
        ZERO_WIDTH: [m.start() for m in _ZERO_WIDTH.finditer(text)],
    }
    # (every mixed word holds a Latin or a Cyrillic letter: most Arabic news has none)
    mixed = [
        (m.start(), m.end()) for m in _WORD.finditer(text)
        if not m.group().isascii() and _mixed_word(m.group())
    ] if _IS_LATIN_OR_CYRILLIC.search(text) else []
    mixed_ends = [end for _, end in mixed]
    open_at = _open_bidi_at(text, (claim.start for claim in claims))
    flagged = []
    for claim in claims:
        hazards = {
            flag for flag, positions in where.items() if _any_within(positions, claim.start, claim.end)
        }
        # A mixed word overlaps the claim when it ends after the claim starts and starts before it ends.
        first = bisect_right(mixed_ends, claim.start)
        if first < len(mixed) and mixed[first][0] < claim.end:
            hazards.add(HOMOGLYPHS)
        if open_at.get(claim.start):
            hazards.add(BIDI_CONTROLS)
        new = tuple(flag for flag in sorted(hazards) if flag not in claim.flags)
        flagged.append(replace(claim, flags=claim.flags + new) if new else claim)
    return flagged


def _any_within(positions: list[int], start: int, end: int) -> bool:
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end
