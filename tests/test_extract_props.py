"""Invariants of extraction on any string: never raises, offsets reproduce the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify.extract import extract, extract_claims
from verify.extract.marks import find_quote_spans

MARKS = "«»“”„‟\"″＂〝〞‹›‘’'"
NEWS_ALPHABET = (
    MARKS + " \n\t.,،؛:!?؟()-–—0123456789٠١٢"
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىئؤـًٌٍَُِّْ"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "\u200f\u200e\u202b\u202c\ufeff\x00"
)
WORDS = st.sampled_from([
    "قال", "وقال", "وأضاف", "إن", "أن", "مشيرا", "إلى", "الوزير", "دي ميستورا", "بحسب",
    "ونقلت", "عن", "قوله", "واصفا", "بأنه", "بـ", "لـ", "«", "»", "“", "”", '"', ":", "،", ".",
    "\n", "said", "told", "Reuters", "he", "according to", "Mr.", "John Smith", "that", "''",
    "the", "minister", "3", "2015", "مليون", "اليوم", "عقد", "اجتماع", "″", "’", "‘",
    "الدكتور", "بن", "وزير", "الخارجية", "محمد", "الجبير", "لـ«الحياة»", "وفقاً", "للناطق",
    "سموه", "دي", "ولد", "الشيخ", "في", "تصريح", "ووصفها", "بأنه", "مصدر", "عسكري", "أليكسي",
    "ممثل", "روسيا", "لدى", "المبعوث", "الخاص", "حسبما", "ذكرت", "صحيفة", "(رويترز)", "-",
    "he said", "she", "quoted", "as saying", "the ministry", "U.N.", "envoy", "de", "al-",
])


def check(text: str) -> None:
    result = extract(text)
    claims = result.claims
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.text
        assert claim.text.strip() == claim.text or claim.kind == "statement"
    keys = [(c.start, str(c.kind)) for c in claims]
    assert keys == sorted(keys)
    if result.dateline is not None:
        assert 0 <= result.dateline.start <= result.dateline.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=NEWS_ALPHABET, max_size=400))
def test_news_like_characters(text):
    check(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_news_like_words(text):
    check(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_unicode(text):
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["ar", "en", None, "fr"]))
def test_any_language_argument(text, lang):
    for claim in extract_claims(text, lang=lang):
        assert text[claim.start:claim.end] == claim.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=MARKS + "ab \n", max_size=300))
def test_marks_spans_are_inside_text(text):
    for span in find_quote_spans(text):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end].strip() == text[span.start:span.end]


@pytest.mark.parametrize("text", [
    "",
    " ",
    "\n\n\n",
    "«",
    "»",
    "“”",
    "\x00",
    "\ud800",
    "قال \udfff «نعم\ud83d»",
    "«" * 1000,
    "”" * 1000,
    '"' * 1001,
    "'" * 500,
    "قال: «" + "»" * 300,
    "\u200f«\u200f»\u200f",
    "جنيف- سانا",
    "GENEVA (Reuters) -",
])
def test_edge_cases(text):
    check(text)


@pytest.mark.slow
def test_hundred_thousand_marks_is_linear():
    # Completes with offsets intact; how time grows with size is measured side by side
    # in benchmarks/bench_scaling.py, not timed here (machines are noisy).
    text = ("«" * 50_000) + ("»" * 50_000)
    check(text)
    mixed = "قال «نعم» و“لا” ثم \" " * 10_000
    check(mixed)


@pytest.mark.slow
def test_megabytes_on_one_line():
    # The 5 MB line and its n/2n timing live in benchmarks/bench_scaling.py.
    sentence = "وقال الوزير إن «الاقتصاد نما بنسبة 3 في المئة» مشيرا إلى أن العام المقبل أفضل، "
    text = sentence * (1_000_000 // len(sentence))
    result = extract(text)
    quotes = [c for c in result.claims if c.kind == "quote"]
    assert len(quotes) == text.count("«")
    assert all(text[c.start:c.end] == c.text for c in result.claims)
