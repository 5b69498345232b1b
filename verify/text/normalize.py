"""Normalise text for comparison, with a map from normalised offsets back to the original.

The normalised form is for matching only; display always uses the original text.
Every character is folded on its own (one translation table, built at import), then
runs of whitespace become one space and the ends are stripped:

- compatibility forms NFKC-folded (Arabic presentation forms such as ﻻ expand to لا,
  full-width Latin, ligatures, superscript digits); letters casefolded; accents of
  Latin, Greek and Cyrillic removed, so composed and decomposed spellings (é, e + ◌́)
  fold alike;
- Arabic diacritics, Quranic marks, tatweel and the lone hamza (ء) removed; alef variants
  (أ إ آ ٱ) to ا, ى and Persian ی to ي, ة to ه, ؤ to و, ئ to ي, Persian ک to ك;
- all decimal digits (Arabic-Indic, Persian, ...) to ASCII; ، ؛ ؟ ٪ ٫ ٬ to , ; ? % . ,
- every quotation mark to ``"``, every dash to ``-``;
- format and control characters removed (bidi controls, zero-width characters, BOM,
  soft hyphen), every whitespace character to a space.

Folding each character independently keeps the offset map simple and makes the
normalisation commute with slicing: normalising ``original[a:b]`` gives the normalised
text of the span ``from_original(a, b)``, stripped of spaces at its ends.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field

__all__ = [
    "DASH",
    "QUOTE",
    "QUOTE_MARKS",
    "NormalizedText",
    "normalize_text",
    "normalize_with_map",
    "normalize_words",
]

QUOTE = '"'
"""The one quotation mark of normalised text."""

DASH = "-"
"""The one dash of normalised text."""

QUOTE_MARKS = (
    "\"'`´"  # ASCII marks, and the acute accent that scrapers use as an apostrophe
    "“”‘’„‟‚‛«»‹›"  # typographic quotation marks
    "″′‴‵‶‷⁗"  # primes, used to close quotations
    "〝〞〟＂＇❛❜❝❞⹂\U0001f676\U0001f677\U0001f678"  # CJK, full-width, ornamental
)
"""Every character folded to ``QUOTE``."""

_ALEF = "ا"
_YEH = "ي"

# Single characters folded to a fixed string before anything else ("" removes them).
_LETTERS: dict[str, str] = {
    **dict.fromkeys("أإآٱٲٳ", _ALEF),
    "ى": _YEH,  # alef maksura
    "ی": _YEH,  # Persian yeh
    "ئ": _YEH,
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك",  # Persian keheh
    "ء": "",  # lone hamza
    "ٴ": "",  # high hamza
    "ـ": "",  # tatweel
    "ۥ": "",  # Quranic small waw
    "ۦ": "",  # Quranic small yeh
}
_PUNCTUATION: dict[str, str] = {
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",  # Arabic decimal separator
    "٬": ",",  # Arabic thousands separator
    "۔": ".",  # Urdu full stop
    "٭": "*",
    "⹁": ",",  # reversed comma
    "⁏": ";",  # reversed semicolon
    "⸮": "?",  # reversed question mark
    "\u2212": DASH,  # minus sign
}
# Well-known Cyrillic and Greek look-alikes of Latin letters ("Pоutine" with a Cyrillic
# о), so a homoglyph cannot hide a quotation from matching. Lower case only: capitals
# case-fold to these first, so ОКНО and окно still fold alike. Texts in those scripts
# fold the same way on both sides of a comparison.
_CONFUSABLES: dict[str, str] = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "һ": "h", "ԛ": "q", "ԝ": "w", "ү": "y",
    # Greek
    "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "h", "ι": "i", "κ": "k", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "y", "χ": "x",
}
_OVERRIDES: dict[str, str] = {
    **_LETTERS,
    **_PUNCTUATION,
    **dict.fromkeys(QUOTE_MARKS, QUOTE),
    **_CONFUSABLES,
}

# Combining marks removed (accents and harakat); marks of other scripts are kept because
# they carry vowels there.
_REMOVED_MARK_RANGES = (
    (0x0300, 0x036F),  # combining diacritical marks
    (0x0610, 0x061A),  # Arabic honorific and Quranic signs
    (0x064B, 0x065F),  # harakat, tanween, shadda, sukun, hamza above and below
    (0x0670, 0x0670),  # superscript (dagger) alef
    (0x06D6, 0x06ED),  # Quranic annotation marks
    (0x0870, 0x08FF),  # Arabic Extended-B and -A marks
    (0x1AB0, 0x1AFF),  # combining diacritical marks extended
    (0x1DC0, 0x1DFF),  # combining diacritical marks supplement
    (0x20D0, 0x20FF),  # combining marks for symbols
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFE20, 0xFE2F),  # combining half marks
    (0x10EFD, 0x10EFF),  # Arabic small marks (Extended-C)
    (0xE0100, 0xE01EF),  # variation selectors supplement
)
_ARABIC_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

# Code points that can fold to something else. The ranges left out are known fixed
# points: CJK ideographs, Hangul syllables, surrogates, private use, unassigned planes.
_SCANNED_RANGES = (
    (0x0000, 0x33FF),
    (0xA000, 0xABFF),
    (0xD7B0, 0xD7FF),
    (0xF900, 0x1FFFF),
    (0x2F800, 0x2FA1F),
    (0xE0000, 0xE0FFF),
)


def _in_ranges(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def _is_removed_mark(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Mn", "Me") and _in_ranges(ord(char), _REMOVED_MARK_RANGES)


def _fold_once(char: str) -> str:
    """One folding step for one character (the table iterates it to a fixed point)."""
    if char in _OVERRIDES:
        return _OVERRIDES[char]
    if char.isspace():
        return " "
    category = unicodedata.category(char)
    if category in ("Cf", "Cc") or _is_removed_mark(char):
        return ""
    if category == "Pd":
        return DASH
    if category == "Nd":
        return str(unicodedata.decimal(char))
    folded = unicodedata.normalize("NFKC", char)
    if folded[0] == " ":
        # A spacing clone of a combining mark (´ ¨ ﹰ): Arabic ones are harakat and go,
        # the others are symbols and stay as they are.
        return "" if _in_ranges(ord(char), _ARABIC_PRESENTATION_RANGES) else char
    decomposed = unicodedata.normalize("NFD", folded.casefold())
    kept = "".join(ch for ch in decomposed if not _is_removed_mark(ch))
    return unicodedata.normalize("NFC", kept)


def _fold(char: str) -> str:
    """Fold one character completely: iterate the folding step until nothing changes."""
    current = char
    for _ in range(8):
        following = "".join(_fold_once(ch) for ch in current)
        if following == current:
            return current
        current = following
    raise RuntimeError(f"folding {char!r} (U+{ord(char):04X}) does not settle")


# Categories that fold; characters of the others fold to themselves unless they are
# listed in _OVERRIDES, have a compatibility decomposition or change case.
_FOLDED_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc", "Pd", "Nd", "Zs", "Zl", "Zp"})


def _build_table() -> tuple[dict[int, str], list[str]]:
    """Return the folding of every character that changes, and the marks that stay."""
    table: dict[int, str] = {}
    kept_marks: list[str] = []
    for low, high in _SCANNED_RANGES:
        for code in range(low, high + 1):
            char = chr(code)
            category = unicodedata.category(char)
            if (
                category not in _FOLDED_CATEGORIES
                and char not in _OVERRIDES
                and unicodedata.is_normalized("NFKD", char)
                and char.casefold() == char
            ):
                if category == "Mc":
                    kept_marks.append(char)
                continue
            folded = _fold(char)
            if folded != char:
                table[code] = folded
            elif category in ("Mn", "Mc"):
                kept_marks.append(char)
    return table, kept_marks


def _char_class(chars: list[str], *, extra: str = "") -> str:
    """A regex character class matching ``chars`` (as ranges) and the ranges in ``extra``."""
    codes = sorted({ord(ch) for ch in chars})
    parts: list[str] = []
    index = 0
    while index < len(codes):
        first = last = codes[index]
        while index + 1 < len(codes) and codes[index + 1] == last + 1:
            index += 1
            last = codes[index]
        index += 1
        parts.append(re.escape(chr(first)))
        if last > first:
            parts.append("-" + re.escape(chr(last)))
    return "[" + "".join(parts) + extra + "]"


_TABLE, _KEPT_MARKS = _build_table()
_DELETED = [chr(code) for code, folded in _TABLE.items() if folded == ""]
_EXPANDED = {chr(code): len(folded) for code, folded in _TABLE.items() if len(folded) > 1}

# str.translate raises and clears a KeyError for every character missing from its
# table; identity entries for the common blocks (ASCII to Arabic, general punctuation)
# make it about twice as fast.
_TRANSLATION: dict[int, str | int] = {
    **{code: code for code in (*range(0x0800), *range(0x2000, 0x2070))},
    **_TABLE,
}
# How many characters each uneven character folds to (none, or more than one), and a
# regex that finds them: exact in the BMP, and every astral character, because one
# range tests much faster than many (unlisted astral characters fold to one).
_FOLDED_LENGTHS: dict[str, int] = {**dict.fromkeys(_DELETED, 0), **_EXPANDED}
_UNEVEN = re.compile(
    _char_class([ch for ch in _FOLDED_LENGTHS if ord(ch) <= 0xFFFF], extra="\U00010000-\U0010ffff")
)
# Removed characters that are part of a word (harakat, tanween, shadda, hamza ء,
# tatweel): a span ending at the letter before them takes them along.
_WORD_TAIL = re.compile(_char_class([ch for ch in _DELETED if unicodedata.category(ch)[0] in "LM"]) + "+")
_SPACE_RUN = re.compile("  +")
# A word: word characters and the marks that stay (vowel signs of Indic scripts). The
# marks are tested only where \w stops, because a class with astral ranges is slow.
_WORD = re.compile(r"\w+(?:" + _char_class(_KEPT_MARKS) + r"+\w*)*")
# Offsets of unchanged stretches are slices of this array: a copy in C, not a loop.
_IDENTITY = array("l", range(1 << 16))


def normalize_text(text: str) -> str:
    """Return the normalised form of ``text`` for comparison (never for display)."""
    return _SPACE_RUN.sub(" ", text.translate(_TRANSLATION)).strip(" ")


def normalize_words(text: str) -> list[str]:
    """Return the normalised words of ``text``, without punctuation or quotation marks."""
    return _WORD.findall(normalize_text(text))


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised text, its original, and where each normalised character came from.

    ``offsets[i]`` is the index in ``original`` of the character that normalised
    character ``i`` came from; characters expanded from one original character share
    its index. ``offsets[len(text)]`` is the index just after the last kept character.
    """

    text: str
    original: str
    offsets: array[int] = field(repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span covering the normalised span ``[start, end)``.

        The span ends after the original character of normalised character
        ``end - 1`` and the removed word characters that follow it (harakat, a final
        ء, tatweel), so جداً and السفراء come back whole; other removed characters at
        the ends (bidi controls, zero-width characters, whitespace) are left out.
        Raises ValueError for a span outside the normalised text.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"span [{start}, {end}) is outside the normalised text (length {len(self.text)})"
            )
        first = self.offsets[start]
        if end == start:
            return first, first
        last = self.offsets[end - 1] + 1
        tail = _WORD_TAIL.match(self.original, last)
        return first, tail.end() if tail else last

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """Return the normalised span of the characters kept from original ``[start, end)``.

        Raises ValueError for a span outside the original text.
        """
        if not 0 <= start <= end <= len(self.original):
            raise ValueError(
                f"span [{start}, {end}) is outside the original text (length {len(self.original)})"
            )
        size = len(self.text)
        first = bisect_left(self.offsets, start, 0, size)
        return first, bisect_left(self.offsets, end, first, size)


def _identity(start: int, end: int) -> array[int]:
    if end <= len(_IDENTITY):
        return _IDENTITY[start:end]
    return array("l", range(start, end))


def normalize_with_map(text: str) -> NormalizedText:
    """Normalise ``text`` exactly as ``normalize_text`` does, keeping the offset map."""
    translated = text.translate(_TRANSLATION)
    # Where each translated character comes from: removed characters leave no entry,
    # an expanded one an entry per character it expands to.
    if len(translated) == len(text) and not _UNEVEN.search(text):
        sources = _identity(0, len(text))
    else:
        sources = array("l")
        position = 0
        for match in _UNEVEN.finditer(text):
            start = match.start()
            sources.extend(_identity(position, start))
            sources.extend([start] * _FOLDED_LENGTHS.get(text[start], 1))
            position = start + 1
        sources.extend(_identity(position, len(text)))
    # A run of spaces keeps its first space, which maps to the run's first whitespace.
    offsets = array("l")
    position = 0
    for match in _SPACE_RUN.finditer(translated):
        offsets.extend(sources[position : match.start() + 1])
        position = match.end()
    if position:
        offsets.extend(sources[position:])
    else:
        offsets = sources
    collapsed = _SPACE_RUN.sub(" ", translated)
    normalized = collapsed.strip(" ")
    if len(normalized) != len(collapsed):
        lead = 1 if collapsed[0] == " " else 0
        offsets = offsets[lead : lead + len(normalized)]
    offsets.append(offsets[-1] + 1 if normalized else 0)
    return NormalizedText(normalized, text, offsets)
