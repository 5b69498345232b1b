"""Lookup keys for words: the folded form lexicons are matched against.

Kept separate from ``verify.text.normalize`` on purpose: these keys only decide whether
a word is in a lexicon, must stay stable while that module evolves, and must be cheap
(one ``str.translate`` per token).
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["PRONOUN_SUFFIXES", "THEIR_SUFFIXES", "fold_ar", "fold_en", "possessed_forms",
           "skeleton_ar", "strip_al", "words"]

_AR_TABLE: dict[int, str | None] = {
    **{ord(c): "ا" for c in "أإآٱ"},
    ord("ى"): "ي",
    ord("ی"): "ي",
    ord("ئ"): "ي",
    ord("ؤ"): "و",
    ord("ة"): "ه",
    ord("ک"): "ك",
    ord("ـ"): None,  # tatweel
    **{c: None for c in range(0x064B, 0x0653)},  # tanween, harakat, shadda, sukun
    0x0670: None,  # dagger alef
    **{ord(c): None for c in "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
       "\u2066\u2067\u2068\u2069\ufeff\u00ad"},
}
# long vowels dropped; the letters a foreign hard g is written with (بوغدانوف /
# بوجدانوف، گ) become one
_SKELETON_TABLE: dict[int, str | None] = {**{ord(c): None for c in "اويه"},
                                          ord("غ"): "ج", ord("گ"): "ج"}


def fold_ar(word: str) -> str:
    """Fold an Arabic word for lexicon lookup (no diacritics, one alef, ي for ى, ه for ة)."""
    return word.translate(_AR_TABLE)


def fold_en(word: str) -> str:
    """Fold an English word for lexicon lookup."""
    return word.lower().replace("’", "'")


@lru_cache(maxsize=1 << 16)
def strip_al(key: str) -> str:
    """Drop the definite article (and a conjunction or preposition glued before it)."""
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            return key[len(prefix):]
    return key


def skeleton_ar(key: str) -> str:
    """A folded word without long vowels: spelling variants of foreign names meet here
    (ستافان / ستيفان, ميستورا / مستورا, بوغدانوف / بوجدانوف)."""
    return key.translate(_SKELETON_TABLE) or key


# Pronoun endings on a folded word, longest first: her/their (ها، هم، هما) and his (ه).
PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")
THEIR_SUFFIXES = ("هما", "هم", "ها")


def possessed_forms(key: str, suffixes: tuple[str, ...] = PRONOUN_SUFFIXES) -> tuple[str, ...]:
    """The stem of a folded word carrying a pronoun ending (تصريحاته -> تصريحات، والدتها
    -> والدت and والده: ة is written ت before the pronoun), or () when it has none."""
    for ending in suffixes:
        if key.endswith(ending) and len(key) > len(ending) + 2:
            stem = key[: -len(ending)]
            return (stem, stem[:-1] + "ه") if stem.endswith("ت") else (stem,)
    return ()


def words(text: str) -> tuple[str, ...]:
    """A lexicon written as one space-separated string, as a tuple of words."""
    return tuple(text.split())
