"""Guess a text's language from its script and, for Latin text, its function words."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["SAMPLE_CHARS", "detect_language", "script_of"]

SAMPLE_CHARS = 5_000
"""Only this many leading characters are looked at."""

PERSIAN_SHARE = 0.02
"""Share of Persian letters (پ چ ژ گ) among Arabic-script letters that makes text Persian."""

URDU_SHARE = 0.01
"""Share of Urdu letters (ٹ ڈ ڑ ں ے) among Arabic-script letters that makes text Urdu."""

STOPWORD_SHARE = 0.1
"""Share of a language's function words among Latin words needed to name the language."""

MIN_STOPWORDS = 2
"""Fewest function words needed to name a Latin-script language."""

_PERSIAN_LETTERS = frozenset("پچژگ")
_URDU_LETTERS = frozenset("ٹڈڑںےۓ")
_TEH_MARBUTA = "ة"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words by language, in order of preference when counts tie.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to in said is a that for it was on with as by he be at from this are "
        "has have not but an which were"
    ),
    "fr": _words(
        "le la les des du et est une un dans pour que qui pas sur au aux il elle ce cette "
        "ne se par plus avec été"
    ),
    "es": _words("el la los las del y en que por con una un es no se para su al lo como más pero fue"),
    "de": _words(
        "der die das und ist nicht ein eine zu den von mit sich auf dem im für sie es wir auch wird"
    ),
}

_SCRIPT_NAMES: dict[str, str] = {
    "ARABIC": "Arab",
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "GREEK": "Grek",
    "HEBREW": "Hebr",
    "DEVANAGARI": "Deva",
    "CJK": "Hani",
    "HIRAGANA": "Hira",
    "KATAKANA": "Kana",
    "HANGUL": "Hang",
    "THAI": "Thai",
    "ARMENIAN": "Armn",
    "GEORGIAN": "Geor",
    "ETHIOPIC": "Ethi",
    "SYRIAC": "Syrc",
    "THAANA": "Thaa",
}


def script_of(char: str) -> str | None:
    """Return the ISO 15924 code of a letter's script ("Arab", "Latn", ...).

    Returns None for anything that is not a letter, and for letters of scripts not
    listed (the first word of the Unicode name decides). Raises ValueError unless
    ``char`` is one character.
    """
    if len(char) != 1:
        raise ValueError(f"script_of takes one character, not {len(char)}: {char!r}")
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return _SCRIPT_NAMES.get(name.split(" ", 1)[0])


_BLOCKS: dict[str, tuple[tuple[int, int], ...]] = {
    "Arab": (
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x0870, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    ),
    "Latn": (
        (0x0041, 0x024F),
        (0x1D00, 0x1EFF),
        (0x2C60, 0x2C7F),
        (0xA720, 0xA7FF),
        (0xAB30, 0xAB6F),
        (0xFB00, 0xFB06),
        (0xFF21, 0xFF5A),
    ),
}
"""The blocks holding the letters of the scripts that detect_language counts."""


def _letter_class(script: str) -> str:
    """A regex class of the letters of ``script`` in its blocks, as ranges."""
    codes = [
        code
        for low, high in _BLOCKS[script]
        for code in range(low, high + 1)
        if script_of(chr(code)) == script
    ]
    parts: list[str] = []
    first = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code != previous + 1:
            parts.append(re.escape(chr(first)))
            if previous > first:
                parts.append("-" + re.escape(chr(previous)))
            first = code
        previous = code
    return "[" + "".join(parts) + "]"


# Runs of letters, not single letters: findall then builds one string per run instead
# of one per letter (this runs on every document ingested).
_ARABIC_RUN = re.compile(_letter_class("Arab") + "+")
_LATIN_RUN = re.compile(_letter_class("Latn") + "+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_LATIN_WORD = _LATIN_RUN


def detect_language(text: str) -> str | None:
    """Return the language of ``text`` as an ISO 639-1 code, judged by script.

    Arabic-script text gives "ar", or "fa" / "ur" when Persian or Urdu letters are
    frequent; Latin text gives "en", "fr", "es" or "de" by function words. Returns
    "und" for letters that decide nothing and None for text without letters.
    """
    sample = text[:SAMPLE_CHARS]
    arabic = "".join(_ARABIC_RUN.findall(sample))
    latin = sum(map(len, _LATIN_RUN.findall(sample)))
    other = sum(map(len, _LETTER_RUN.findall(sample))) - len(arabic) - latin
    if not arabic and not latin and not other:
        return None
    if len(arabic) >= max(latin, other):
        return _arabic_language(arabic)
    if latin >= other:
        return _latin_language(_LATIN_WORD.findall(sample.lower()))
    return "und"


def _arabic_language(letters: str) -> str:
    urdu = sum(letters.count(letter) for letter in _URDU_LETTERS)
    if urdu > URDU_SHARE * len(letters):
        return "ur"
    persian = sum(letters.count(letter) for letter in _PERSIAN_LETTERS)
    if persian > PERSIAN_SHARE * len(letters) and _TEH_MARBUTA not in letters:
        return "fa"
    return "ar"


def _latin_language(words: list[str]) -> str:
    best, best_count = "und", 0
    for language, stopwords in _STOPWORDS.items():
        count = sum(1 for word in words if word in stopwords)
        if count > best_count:
            best, best_count = language, count
    if best_count >= MIN_STOPWORDS and best_count >= STOPWORD_SHARE * len(words):
        return best
    return "und"
