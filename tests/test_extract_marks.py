"""Quotation-mark pairing: every mark style, reversed and stray marks, nesting,
quotations across paragraphs, lost marks, apostrophes."""

from __future__ import annotations

import re

import pytest

from verify.extract.marks import find_quote_spans, split_paragraphs

LOST_OPEN = re.compile(r"(?:(?<=\s)|^)(?:إن|قوله)(?=\s)|:")


def spans(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[s.start:s.end], s.flags) for s in find_quote_spans(text, lost_open_cue=LOST_OPEN)]


CASES = [
    # every style, the right way round
    ("angle", "قال «نحن هنا» ثم", [("نحن هنا", ())]),
    ("curly", "قال “نحن هنا” ثم", [("نحن هنا", ())]),
    ("straight", 'قال "نحن هنا" ثم', [("نحن هنا", ())]),
    ("low-high", "sagte „wir sind hier“ dann", [("wir sind hier", ())]),
    ("fullwidth", "قال ＂نحن هنا＂ ثم", [("نحن هنا", ())]),
    ("cjk", "قال 〝نحن هنا〞 ثم", [("نحن هنا", ())]),
    ("reversed-high", "قال ‟نحن هنا” ثم", [("نحن هنا", ())]),
    ("single-angle", "قال ‹نحن هنا› ثم", [("نحن هنا", ())]),
    ("two-apostrophes", "وقال: ''لن نسمح بذلك\" وأضاف", [("لن نسمح بذلك", ())]),
    # wrong way round and mismatched
    ("reversed-curly", "و”المعارضة” و“الحكومة“ معا", [("المعارضة", ()), ("الحكومة", ())]),
    ("reversed-angle", "قال »نحن هنا« ثم", [("نحن هنا", ())]),
    ("double-prime", "صحيفة “اميريتس 24-7″ إن", [("اميريتس 24-7", ())]),
    ("straight-angle", 'قال "نحن هنا» ثم', [("نحن هنا", ())]),
    ("spaced-inside", "قال « نحن ندفع الثمن » ثم", [("نحن ندفع الثمن", ())]),
    ("glued", 'لـ«الحياة» و"الوطن"قال', [("الحياة", ()), ("الوطن", ())]),
    ("spaced-reversed", "وأضاف إن ” سياق أستانا ” لافتاً", [("سياق أستانا", ())]),
    # stray and unbalanced marks
    ("stray-open-at-end", "وأضاف إن ” سياق ” لافتاً إلى أن الأمر لم ينته “.",
     [("سياق", ("unbalanced_marks",))]),
    ("lone-marks", "«««« »»»»", []),
    ("closing-extends", "وقال “وفقاً لقرار مجلس الأمن” 2254″.",
     [("وفقاً لقرار مجلس الأمن” 2254", ("unbalanced_marks",))]),
    # nesting
    ("nested-other-style", "قال «نحن ضد “داعش” تماما» ثم",
     [("نحن ضد “داعش” تماما", ()), ("داعش", ("nested",))]),
    ("nested-same-style", 'قال "نحن ضد "داعش" تماما" ثم',
     [('نحن ضد "داعش" تماما', ()), ("داعش", ("nested",))]),
    # lost marks
    ("lost-closing", "وقال «نحن هنا. وذهب", [("نحن هنا", ("no_closing_mark",))]),
    ("lost-opening-after-inna", "وقال إن الأمر محسوم» وأضاف", [("الأمر محسوم", ("no_opening_mark",))]),
    ("lost-opening-after-colon", "وقال الوزير: الأمر محسوم» وأضاف",
     [("الأمر محسوم", ("no_opening_mark",))]),
    ("colon-opens-after-lost-closing",
     "وقال:» أولاً نحن هنا. وأضاف قائلا :» ثانياً نحن باقون «. انتهى",
     [("أولاً نحن هنا", ("no_closing_mark",)), ("ثانياً نحن باقون", ())]),
    # apostrophes are not marks
    ("apostrophes", "He doesn't know Reuters' sources or O’Brien’s plan.", []),
    ("clear-single-pair", "He called it ‘a disaster’ and left.", [("a disaster", ())]),
    ("straight-single-pair", "He called it 'a disaster' and didn't stay.", [("a disaster", ())]),
    ("unpaired-single", "The '90s were different.", []),
    ("invisible-controls", "قال \u200f«نحن هنا»\u200f ثم", [("نحن هنا", ())]),
    ("diacritic-before-mark", 'وكان "الدخيّل" قد وصل و"جداً" كذلك', [("الدخيّل", ()), ("جداً", ())]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_pairing(text, expected):
    assert spans(text) == expected


def test_cross_paragraph_convention():
    text = "قال: «أولاً نحن هنا\n«ثانياً نحن باقون\n«ثالثاً نحن منتصرون» انتهى"
    found = find_quote_spans(text)
    assert [text[s.start:s.end] for s in found] == [
        "أولاً نحن هنا", "ثانياً نحن باقون", "ثالثاً نحن منتصرون"]
    assert [s.flags for s in found] == [(), ("continues_paragraph",), ("continues_paragraph",)]
    assert len({s.group for s in found}) == 1
    assert [s.paragraph for s in found] == [0, 1, 2]


def test_english_cross_paragraph():
    text = '"We will stay.\n\n"We will not leave," he said.'
    found = find_quote_spans(text)
    assert [text[s.start:s.end] for s in found] == ["We will stay.", "We will not leave,"]
    assert found[1].flags == ("continues_paragraph",)


def test_stray_mark_never_pairs_with_next_paragraph():
    text = "وأضاف إن ” سياق أستانا ” لافتاً إلى أن الأمر “.\nوأكد أن العملية “مؤقتة” يجب"
    found = find_quote_spans(text)
    assert [text[s.start:s.end] for s in found] == ["سياق أستانا", "مؤقتة"]
    assert found[0].flags == ("unbalanced_marks",)
    assert found[1].flags == ()


def test_unclosed_quote_without_continuation_ends_at_sentence():
    text = "قال «نحن هنا. ونحن باقون\nوأضاف أن الأمر انتهى"
    found = find_quote_spans(text)
    assert [(text[s.start:s.end], s.flags) for s in found] == [("نحن هنا", ("no_closing_mark",))]


def test_offsets_point_at_marks():
    text = "قال «نحن» و“هم”"
    first, second = find_quote_spans(text)
    assert (text[first.open_mark], text[first.close_mark]) == ("«", "»")
    assert (text[second.open_mark], text[second.close_mark]) == ("“", "”")
    assert (first.outer_start, first.outer_end) == (4, 9)


def test_split_paragraphs_skips_blank_lines_and_trims():
    text = "  أول  \n\n\t\nثان\n"
    assert [text[a:b] for a, b in split_paragraphs(text)] == ["أول", "ثان"]
