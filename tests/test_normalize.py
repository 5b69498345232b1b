"""Tests for verify.text.normalize: the foldings, the offset map and their invariants."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.text import (
    QUOTE_MARKS,
    NormalizedText,
    normalize_text,
    normalize_with_map,
    normalize_words,
)
from verify.text.normalize import _SCANNED_RANGES, _TABLE, _fold

# Characters the foldings treat specially, mixed into random text so that the
# property tests meet them often.
SPECIAL = (
    QUOTE_MARKS
    + "أإآٱٲٳٵؤئءٴىیکكةـ"  # Arabic and Persian letter variants
    + "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0654\u0655\u0670\u06e5"  # harakat
    + "ﻻﻷﺍﻟﺴﻡﷲﷺﷻﹰﹱﺀ"  # presentation forms, including spacing harakat
    + "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹،؛؟٪٫٬"  # digits and punctuation
    + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"  # bidi
    + "\u200b\u200c\u200d\ufeff\u2060\u00ad"  # zero-width and soft hyphen
    + " \t\n\r\u00a0\u2009\u3000\u2028"  # whitespace
    + "‐‑‒–—―−-"  # dashes
    + "ßİŉﬁ½²…ÉéE\u0301´¨¯"  # casefolding and compatibility expansions, spacing clones
    + "\U0001d400\U0001f600\ufe0f"  # astral letter, emoji, variation selector
    + "abcقالوزير"
)

texts = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIAL), st.characters()),
    max_size=60,
)


def word_end(text: str, end: int) -> int:
    """Where the removed letters and marks (harakat, ء, tatweel) from ``end`` on stop."""
    while end < len(text) and unicodedata.category(text[end])[0] in "LM" and normalize_text(text[end]) == "":
        end += 1
    return end


# --- the foldings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # alef variants
        ("أليكسي", "اليكسي"),
        ("إجراء", "اجرا"),
        ("آخر", "اخر"),
        ("ٱلله", "الله"),
        ("\u0627\u0654", "ا"),  # alef + combining hamza above
        # alef maksura, Persian yeh and kaf
        ("على", "علي"),
        ("ی", "ي"),
        ("ک", "ك"),
        ("ك", "ك"),
        ("کی", "كي"),
        # teh marbuta
        ("الإيجابية", "الايجابيه"),
        # hamza carriers and lone hamza
        ("مؤقتة", "موقته"),
        ("هيئة", "هييه"),
        ("سماء", "سما"),
        ("قرءان", "قران"),
        ("قرآن", "قران"),
        # diacritics and tatweel
        ("جداً", "جدا"),
        ("جدًا", "جدا"),
        ("مُحَمَّدٌ", "محمد"),
        ("هٰذا", "هذا"),
        ("جـــدا", "جدا"),
        # digits
        ("٢٢٥٤", "2254"),
        ("۲۲۵۴", "2254"),
        ("٣٫٥", "3.5"),
        ("٢٬٥٠٠", "2,500"),
        ("١٠٪", "10%"),
        # Arabic punctuation
        ("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),
        # presentation forms expand
        ("ﻻ", "لا"),
        ("ﻷ", "لا"),
        ("ﺍﻟﺴﻼﻡ", "السلام"),
        ("ﷲ", "الله"),
        ("ﷺ", "صلي الله عليه وسلم"),
        ("ﹰ", ""),  # spacing fathatan
        # quotation marks
        ("«x»", '"x"'),
        ("“x”", '"x"'),
        ("„x‟", '"x"'),
        ("‹x›", '"x"'),
        ("‘x’", '"x"'),
        ("〝x〞", '"x"'),
        ("＂x″", '"x"'),
        ("'x'", '"x"'),
        # dashes
        ("a–b—c―d‐e‑f−g", "a-b-c-d-e-f-g"),
        # whitespace
        ("  a \t\n b\u00a0\u00a0c \u3000", "a b c"),
        ("\n\n", ""),
        # bidi controls and zero-width characters
        ("\u202bقال\u202c", "قال"),
        ("\u2067x\u2069\u200e\u200fy", "xy"),
        ("a\u200bb\u200cc\u200dd\ufeffe\u2060f", "abcdef"),
        ("a \u200b b", "a b"),
        ("a\u200b \u200f b", "a b"),
        # Latin: casefold, compatibility forms, accents
        ("Straße", "strasse"),
        ("ÉLYSÉE", "elysee"),
        ("e\u0301", "e"),
        ("ＡＢＣ１２３", "abc123"),
        ("ﬁnal", "final"),
        ("x²", "x2"),
        ("…", "..."),
        ("don´t", 'don"t'),
        ("", ""),
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    "variants",
    [
        ("أليكسي", "اليكسي", "إليكسي"),
        ("مؤقتة", "موقته", "مؤقته"),
        ("الإيجابية", "الايجابيه", "الايجابية"),
        ("٢٢٥٤", "2254", "۲۲۵۴"),
        ("جداً", "جدا", "جدًا", "جـدا"),
        ("«x»", "“x”", '"x"', "‹x›", "„x“", "”x”", "»x«", "“x″"),
        ("ستافان دي ميستورا", "ستافان  دي\nميستورا", "ستافان\u00a0دي ميستورا"),
        ("یک", "يك"),
        ("المصدر: سانا", "\u200fالمصدر: سانا\u200f"),
        ("لا", "ﻻ"),
        ("café", "cafe\u0301", "CAFÉ"),
    ],
)
def test_variants_normalise_alike(variants: tuple[str, ...]) -> None:
    assert len({normalize_text(variant) for variant in variants}) == 1


@pytest.mark.parametrize("mark", list(QUOTE_MARKS))
def test_every_quote_mark_folds_to_one(mark: str) -> None:
    assert normalize_text(f"a{mark}b") == 'a"b'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('«قال» الوزير: "نعم"، و-لا', ["قال", "الوزير", "نعم", "و", "لا"]),
        ("وصفها بـ«الإيجابية»", ["وصفها", "ب", "الايجابيه"]),
        ("Don't STOP—now!", ["don", "t", "stop", "now"]),
        ("٢٠١٥ م", ["2015", "م"]),
        ("हिन्दी भाषा", ["हिन्दी", "भाषा"]),  # vowel signs stay inside the word
        ("« » — !", []),
    ],
)
def test_normalize_words(text: str, expected: list[str]) -> None:
    assert normalize_words(text) == expected


# --- the offset map on hand-made cases ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalized", "offsets"),
    [
        ("abc", "abc", [0, 1, 2, 3]),
        ("ﻻ", "لا", [0, 0, 1]),
        ("aﻻb", "aلاb", [0, 1, 1, 2, 3]),
        ("\u200fقال\u200f", "قال", [1, 2, 3, 4]),
        ("a \n\t b", "a b", [0, 1, 5, 6]),
        ("a\u200b \u200b b", "a b", [0, 2, 5, 6]),
        ("  a  ", "a", [2, 3]),
        ("جداً", "جدا", [0, 1, 2, 3]),
        ("", "", [0]),
        (" \u200b ", "", [0]),
    ],
)
def test_offsets(text: str, normalized: str, offsets: list[int]) -> None:
    mapped = normalize_with_map(text)
    assert mapped.text == normalized
    assert mapped.original == text
    assert list(mapped.offsets) == offsets


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("aﻻb", (1, 2), "ﻻ"),  # half an expansion maps to the whole character
        ("aﻻb", (2, 3), "ﻻ"),
        ("aﻻb", (1, 4), "ﻻb"),
        ("\u200fقال\u200f", (0, 3), "قال"),  # removed characters at the ends stay out
        ("قال\u200b\u200bنعم", (0, 6), "قال\u200b\u200bنعم"),  # and inside stay in
        ("جداً قال", (0, 3), "جداً"),  # tanween belongs to its letter
        ("مُحَمَّدٌ.", (0, 4), "مُحَمَّدٌ"),
        ("السفراء في", (0, 6), "السفراء"),  # and so does a final hamza
        ("بـ«نعم»", (0, 1), "بـ"),
        ("a  b", (1, 2), " "),  # a collapsed run maps to its first space
        ("ab", (1, 1), ""),
    ],
)
def test_to_original(text: str, span: tuple[int, int], expected: str) -> None:
    mapped = normalize_with_map(text)
    start, end = mapped.to_original(*span)
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("aﻻb", (1, 2), "لا"),
        ("\u200fقال\u200f", (0, 5), "قال"),
        ("\u200fقال\u200f", (0, 1), ""),
        ("a \n b", (1, 4), " "),
        ("a \n b", (2, 4), ""),  # the space maps to the first whitespace of the run
        ("«قال»", (1, 4), "قال"),
    ],
)
def test_from_original(text: str, span: tuple[int, int], expected: str) -> None:
    mapped = normalize_with_map(text)
    start, end = mapped.from_original(*span)
    assert mapped.text[start:end] == expected


@pytest.mark.parametrize("span", [(-1, 0), (2, 1), (0, 5)])
def test_spans_outside_raise(span: tuple[int, int]) -> None:
    mapped = normalize_with_map("abc")
    with pytest.raises(ValueError, match="outside the normalised text"):
        mapped.to_original(*span)
    with pytest.raises(ValueError, match="outside the original text"):
        mapped.from_original(*span)


def test_normalized_text_is_a_frozen_value() -> None:
    mapped = normalize_with_map("قال «نعم»")
    assert mapped == normalize_with_map("قال «نعم»")
    assert hash(mapped) == hash(normalize_with_map("قال «نعم»"))
    assert "offsets" not in repr(mapped)
    with pytest.raises(AttributeError):
        mapped.text = "x"  # type: ignore[misc]


def test_long_text_maps_like_short_ones() -> None:
    # Offsets past the precomputed identity array are built another way.
    text = ("قال الوزيرُ «نعم» \u200f" * 6000) + "ﻻ"
    mapped = normalize_with_map(text)
    assert len(text) > 1 << 16
    assert mapped.text == normalize_text(text)
    assert mapped.to_original(len(mapped.text) - 2, len(mapped.text)) == (len(text) - 1, len(text))
    for start in range(0, len(mapped.text), 997):
        assert normalize_text(text[mapped.offsets[start]]) in ("", mapped.text[start])


# --- the seed ---------------------------------------------------------------------


def test_seed_words_map_back(seed_text: str) -> None:
    mapped = normalize_with_map(seed_text)
    assert mapped.text == normalize_text(seed_text)
    for token in re.finditer(r"\S+", seed_text):
        start, end = mapped.to_original(*mapped.from_original(*token.span()))
        assert seed_text[start:end] == token.group()
    for word in re.finditer(r"\w+", mapped.text):
        start, end = mapped.to_original(*word.span())
        assert normalize_text(seed_text[start:end]) == word.group()


def test_seed_words(seed_text: str) -> None:
    words = normalize_words(seed_text)
    assert "اليكسي" in words
    assert "الايجابيه" in words
    assert all(word == normalize_text(word) for word in words)
    assert not any(mark in "".join(words) for mark in QUOTE_MARKS)


# --- the table ----------------------------------------------------------------------


def test_table_outputs_are_fixed_points() -> None:
    for code, folded in _TABLE.items():
        for char in folded:
            assert _TABLE.get(ord(char), char) == char, f"U+{code:04X} -> {folded!r}"
        if len(folded) > 1:
            assert folded == " ".join(folded.split()), f"U+{code:04X} -> {folded!r}"


def test_characters_outside_the_table_fold_to_themselves() -> None:
    scanned = [range(low, high + 1) for low, high in _SCANNED_RANGES]
    for code in range(0, 0x110000, 101):
        if not any(code in codes for codes in scanned):
            assert _fold(chr(code)) == chr(code), f"U+{code:04X}"


# --- properties ---------------------------------------------------------------------


@given(texts)
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(texts)
def test_map_gives_the_same_text(text: str) -> None:
    assert normalize_with_map(text).text == normalize_text(text)


@given(texts)
def test_normalised_text_is_clean(text: str) -> None:
    normalized = normalize_text(text)
    assert normalized == normalized.strip()
    assert "  " not in normalized
    assert not re.search(r"[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", normalized.replace(" ", ""))


@given(texts)
def test_words_are_pieces_of_the_normalised_text(text: str) -> None:
    normalized = normalize_text(text)
    for word in normalize_words(text):
        assert word in normalized
        assert not set(word) & set(' "-.,;?')


@given(texts)
def test_offsets_are_monotonic_and_in_bounds(text: str) -> None:
    mapped = normalize_with_map(text)
    offsets = list(mapped.offsets)
    assert len(offsets) == len(mapped.text) + 1
    assert offsets == sorted(offsets)
    assert all(0 <= offset < len(text) for offset in offsets[:-1])
    assert offsets[-1] == (offsets[-2] + 1 if mapped.text else 0)


@given(texts)
def test_each_character_comes_from_its_original(text: str) -> None:
    mapped = normalize_with_map(text)
    for char, offset in zip(mapped.text, mapped.offsets[:-1], strict=True):
        source = text[offset]
        if char == " ":
            assert source.isspace()
        else:
            assert char in normalize_text(source)


@given(texts, st.data())
def test_slicing_commutes(text: str, data: st.DataObject) -> None:
    mapped = normalize_with_map(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    first, last = mapped.from_original(start, end)
    assert normalize_text(text[start:end]) == mapped.text[first:last].strip(" ")


@given(texts, st.data())
def test_to_original_covers_the_normalised_span(text: str, data: st.DataObject) -> None:
    mapped = normalize_with_map(text)
    start = data.draw(st.integers(0, len(mapped.text)))
    end = data.draw(st.integers(start, len(mapped.text)))
    original_start, original_end = mapped.to_original(start, end)
    assert 0 <= original_start <= original_end <= len(text)
    if start == end:
        assert original_start == original_end
        return
    first, last = mapped.from_original(original_start, original_end)
    assert first <= start and end <= last
    assert mapped.text[start:end].strip(" ") in normalize_text(text[original_start:original_end])
    splits_expansion = (
        0 < start < len(mapped.text) and mapped.offsets[start - 1] == mapped.offsets[start]
    ) or (0 < end < len(mapped.text) and mapped.offsets[end - 1] == mapped.offsets[end])
    if not splits_expansion:
        assert normalize_text(text[original_start:original_end]) == mapped.text[start:end].strip(" ")


@given(texts, st.data())
def test_original_span_round_trips(text: str, data: st.DataObject) -> None:
    mapped = normalize_with_map(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    back_start, back_end = mapped.to_original(*mapped.from_original(start, end))
    if back_start == back_end:
        assert normalize_text(text[start:end]) == ""
        return
    # Only characters that normalise to nothing are dropped at the ends, and only
    # the removed letters and marks after the last letter are added.
    assert start <= back_start and back_end <= word_end(text, end)
    assert normalize_text(text[start:back_start]) == ""
    assert normalize_text(text[min(back_end, end) : end]) == ""
    assert normalize_text(text[back_start:back_end]) == normalize_text(text[start:end])
    if normalize_text(text[start]) and normalize_text(text[end - 1]):
        assert (back_start, back_end) == (start, word_end(text, end))


@settings(max_examples=50)
@given(st.lists(st.sampled_from(SPECIAL), max_size=300).map("".join))
def test_dense_special_text(text: str) -> None:
    mapped = normalize_with_map(text)
    assert mapped.text == normalize_text(text)
    assert normalize_text(mapped.text) == mapped.text
    assert isinstance(mapped, NormalizedText)
