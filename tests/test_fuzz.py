"""Property tests with hostile Unicode: alignment never raises and its spans stay in
bounds; report rendering keeps every table's columns whatever the text.

Extraction has its own property tests (test_extract_props.py).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_report import MD, hostile_report, tables
from verify.match.align import align, prepare_text
from verify.report import escape_md, render_document, render_index

# Characters that lie or break things: quotation marks of every kind, bidi controls,
# zero-width characters, combining marks, NUL and other controls, lone surrogates,
# Markdown and HTML punctuation, Arabic letters and harakat, and look-alike letters.
NASTY = (
    list("\"'«»“”„‟‘’‚‛‹›「」『』〝〞＂")
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
    + list("\u200b\u200c\u200d\u2060\ufeff\u00ad")
    + list("\u0301\u0308\u064b\u064e\u0651\u0670\u20dd\ufe0f")
    + ["\x00", "\x1b", "\r", "\n", "\t", "\x85", "\u2028", "\u2029", "\ud800", "\udfff"]
    + list("|*_`[]()<>!#\\~$&-+=.:")
    + list("قال الوزير إن «نعم» ومجلس الأمن ١٢٣ ٤٥")
    + list("Pоutine Рutin ΑΒΓ")
    + ["\U0001f642", "\U0001d400", "\ufdfa", "\ufefb"]
)
hostile_text = st.one_of(
    st.text(alphabet=st.sampled_from(NASTY), max_size=80),
    st.text(max_size=80),  # any code point, surrogates included
    st.text(alphabet=st.sampled_from(NASTY), min_size=1, max_size=8).map(lambda s: s * 400),
)


def check_alignment(query: str, doc: str) -> None:
    result = align(prepare_text(query), prepare_text(doc))
    if result is None:
        return
    assert 0 <= result.start <= result.end <= len(doc)
    assert 0 <= result.word_start <= result.word_end
    assert 0 <= result.score <= 100
    assert result.missing_start >= 0 and result.missing_end >= 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text, hostile_text)
def test_align_never_raises_and_stays_in_bounds(query: str, doc: str) -> None:
    check_alignment(query, doc)


@settings(max_examples=200, deadline=None)
@given(hostile_text, hostile_text, hostile_text)
def test_a_quote_inside_hostile_text_aligns_in_bounds(before: str, quote: str, after: str) -> None:
    doc = before + quote + after
    check_alignment(quote, doc)
    prepared = prepare_text(doc)
    for start in range(0, len(prepared.words), max(1, len(prepared.words) // 5)):
        assert 0 <= prepared.to_original(start, start)[0] <= len(doc)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(NASTY), min_size=3, max_size=60))
def test_an_exact_quote_of_words_aligns_at_100(words: str) -> None:
    # A quote that normalises to some words is found at 100 inside filler text.
    quote = "الوزير قال " + words + " في جنيف"
    doc = "مقدمة طويلة. " + quote + " خاتمة."
    result = align(prepare_text(quote), prepare_text(doc))
    assert result is not None and result.score == 100
    assert 0 <= result.start <= result.end <= len(doc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_report_tables_keep_their_columns(text: str) -> None:
    report = hostile_report(text)
    rendered = render_document(report)
    found = tables(rendered)
    assert found, rendered
    for table in found:
        assert len({len(row) for row in table}) == 1, (text, table)
    headings = [t for t in MD.parse(rendered) if t.type == "heading_open"]
    assert len(headings) == 6
    [index_table, _flags] = tables(render_index([report]))
    assert {len(row) for row in index_table} == {8}


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_escaped_text_is_one_line_without_raw_controls(text: str) -> None:
    escaped = escape_md(text)
    assert "\n" not in escaped and "\r" not in escaped
    for char in "\x00\x1b\u202e\u2066\u200b\u200e\ufeff":
        assert char not in escaped


def test_very_long_line_renders_in_bounds() -> None:
    text = ("|«قال» *x* \u202e" * 20_000)
    rendered = render_document(hostile_report(text))
    for table in tables(rendered):
        assert len({len(row) for row in table}) == 1
    check_alignment(text[:500], text)
