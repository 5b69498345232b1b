"""Markdown reports: golden files, escaping of hostile text, structure parsed back.

Golden files are regenerated only on purpose: ``UPDATE_GOLDEN=1 .venv/bin/pytest
tests/test_report.py``, then review the diff.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.sample_store import ENGLISH, SANA, build_sample_store
from verify import pipeline
from verify.report import (
    Appearance,
    ClaimReport,
    DocumentInfo,
    DocumentReport,
    escape_md,
    render_document,
    render_index,
    report_filename,
    safe_url,
    speaker_filename,
)

GOLDEN = Path(__file__).resolve().parent / "golden"
MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} missing: run with UPDATE_GOLDEN=1 to create it"
    assert text.encode("utf-8") == path.read_bytes(), (
        f"{name} differs from the golden file; if the change is intended, "
        "regenerate with UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.fixture
def sample_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    db = build_sample_store(tmp_path / "claims.db", monkeypatch)
    yield db
    db.close()


# --- golden files ------------------------------------------------------------------------


def test_document_report_matches_golden(sample_db) -> None:
    files = pipeline.build_reports(sample_db)
    check_golden("report_sana.md", files[report_filename(SANA)])
    check_golden("report_english.md", files[report_filename(ENGLISH)])
    check_golden("index.md", files["index.md"])


def test_speaker_report_matches_golden(sample_db) -> None:
    built = pipeline.build_speaker_report(sample_db, "دي ميستورا")
    assert built is not None
    name, text = built
    assert name == speaker_filename("دي ميستورا")
    check_golden("speaker_de_mistura.md", text)


def test_reports_are_deterministic_and_named_by_id(sample_db) -> None:
    first = pipeline.build_reports(sample_db)
    assert first == pipeline.build_reports(sample_db)
    assert sorted(first) == sorted(["index.md"] + [f"{d}.md" for d in (
        "5a4a000000000001", "9c1f000000000002", "3e7b000000000003", "c0de000000000004")])


def test_report_for_some_documents_only(sample_db) -> None:
    files = pipeline.build_reports(sample_db, [SANA[:6]])
    assert sorted(files) == ["5a4a000000000001.md", "index.md"]
    # Links go only to reports built in the same call.
    assert "(9c1f000000000002.md)" not in files["5a4a000000000001.md"]
    assert "[source](https://gulf-daily.example/2017/07/10/geneva)" in files["5a4a000000000001.md"]


def test_unknown_speaker_has_no_report(sample_db) -> None:
    assert pipeline.build_speaker_report(sample_db, "Nobody Atall") is None


def test_seed_report_shows_chain_and_appearances(sample_db) -> None:
    text = pipeline.build_reports(sample_db)[report_filename(SANA)]
    assert ('<span dir="rtl">أليكسي بورودافكين</span> via <span dir="rtl">نوفوستي</span>, '
            'published by <span dir="rtl">سانا</span>') in text
    assert "| 1 | Levant Post (demo) | 2017-07-11T08:05:00+00:00 | ≠ altered | 88.9 |" in text
    assert "هناك ~~الكثير~~ **القليل** من العمل" in text
    assert "**Earliest known appearance:** [Gulf Daily (demo)](9c1f000000000002.md)" in text


# --- parsing the Markdown back -----------------------------------------------------------


def tables(text: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first)."""
    found: list[list[list[str]]] = []
    row: list[str] | None = None
    tokens = MD.parse(text)
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            inline = tokens[i + 1]
            assert row is not None
            row.append(inline.content if inline.type == "inline" else "")
        elif token.type == "tr_close":
            assert row is not None
            found[-1].append(row)
    return found


def test_every_table_keeps_its_columns(sample_db) -> None:
    for name, text in pipeline.build_reports(sample_db).items():
        parsed = tables(text)
        assert parsed, name
        for table in parsed:
            widths = {len(row) for row in table}
            assert len(widths) == 1, (name, table[0])


HOSTILE = [
    "a | b | c",
    "*bold* and **strong** and _em_",
    "`code` and ```fence```",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](https://evil.example) and ![img](https://evil.example/x.png)",
    "<https://evil.example> and <mailto:a@b.c>",
    "line one\n\n# not a heading\n- not a list\n> not a quote",
    "# heading at start",
    "1. numbered",
    "- dash first",
    "&lt;b&gt; entity &amp; &#60;script&#62;",
    "back\\slash at end\\",
    "$x^2$ maths ~~strike~~",
    "<!-- comment --> and </div> and <div>",
    "\u202eevil override\u202c and \x00 nul and \x1b escape",
    "«نص عربي | مع <b>وسم</b> و *نجمة*»",
    "trailing pipe |",
    "| leading pipe",
    "=====",
]

ALLOWED_HTML = re.compile(
    r'<span dir="rtl">|</span>|<div dir="rtl">|</div>|<a id="[a-z]\d+">|</a>'
    r"|<!-- Generated by [^<>]* -->"
)


def hostile_report(text: str) -> DocumentReport:
    doc = DocumentInfo(
        id="deadbeef00000001", title=text, outlet=text, url="javascript:alert(1)",
        published="2017-07-10", author=text, lang="ar", place=text, agency=text,
        content_hash="sha256:00ff", chars=100, source_path=text, ingested_utc="2026-01-01T00:00:00+00:00",
        extractor=text, extracted_utc=text,
    )
    appearance = Appearance(
        document_id="deadbeef00000002", start=0, end=10, text=text, relation="exact", score=100.0,
        speaker=text, outlet=text, url="https://ok.example/a b", published=text, title=text,
    )
    claim = ClaimReport(
        id="c1", kind="quote", start=0, end=10, text=text, label="Q1", speaker=text,
        speaker_mention=text + "!", cue=text, via=text, paragraph=0, line=1, column=1,
        flags=(text,), matched=True, appearances=(appearance,),
    )
    return DocumentReport(doc, (claim,), frozenset({"deadbeef00000002"}))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_break_structure_or_inject_markup(text: str) -> None:
    report = hostile_report(text)
    rendered = render_document(report)
    tokens = MD.parse(rendered)
    children = [child for token in tokens for child in (token.children or [])]
    for token in tokens + children:
        if token.type in ("html_inline", "html_block"):
            for tag in re.findall(r"<[^>]*>", token.content) or [token.content]:
                assert ALLOWED_HTML.fullmatch(tag.strip()), (text, token.content)
        if token.type == "link_open":
            href = str(token.attrGet("href"))
            assert href in ("index.md", "#q1", "deadbeef00000002.md"), href
        if token.type == "image":
            pytest.fail(f"image injected by {text!r}")
        if token.type == "code_inline":
            assert re.fullmatch(r"[0-9a-z:]+", token.content), token.content
        if token.type in ("em_open", "s_open"):
            pytest.fail(f"emphasis injected by {text!r}")
        if token.type == "strong_open":
            label = children[children.index(token) + 1].content
            assert label.endswith(":") or label == "", (text, label)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert len(headings) == 6, headings  # title, 3 sections, claim, appearances
    for table in tables(rendered):
        assert len({len(row) for row in table}) == 1, table
    assert len([t for t in tokens if t.type == "blockquote_open"]) == 2
    assert [t.type for t in tokens if t.type.startswith(("bullet_list", "ordered_list"))] == [
        "bullet_list_open", "bullet_list_close"]
    html_out = MD.render(rendered)
    assert "<script" not in html_out
    assert "<img" not in html_out
    assert 'href="javascript' not in html_out


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_the_index(text: str) -> None:
    rendered = render_index([hostile_report(text)])
    [table, _flags] = tables(rendered)
    assert {len(row) for row in table} == {8}
    assert "<script" not in MD.render(rendered)


def visible(text: str) -> str:
    """What a reader should see for ``text`` in a table cell."""
    shown = []
    for char in " ".join(text.split()):
        bidi_control = char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        invisible = char in "\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff"
        if bidi_control or invisible or ord(char) < 32 or 127 <= ord(char) < 160:
            shown.append(f"⟨U+{ord(char):04X}⟩")
        else:
            shown.append(char)
    return "".join(shown)


def cell_text(text: str) -> str:
    """Render ``escape_md(text)`` in a one-row table and read the cell back as plain text."""
    rendered = MD.render(f"| a | b |\n| --- | --- |\n| x | {escape_md(text)} |\n")
    cells = re.findall(r"<td>(.*?)</td>", rendered, flags=re.S)
    assert len(cells) == 2, rendered
    assert "<" not in cells[1].replace("&lt;", ""), cells[1]
    return html.unescape(cells[1])


@given(st.text(max_size=60))
def test_escaped_text_reads_back_as_itself_in_a_table(text: str) -> None:
    assert cell_text(text) == visible(text).strip()


@given(st.text(alphabet=st.sampled_from(list("*_`[]()<>!#|\\~$&;=-+. 1aب\n")), max_size=40))
def test_escaped_markdown_punctuation_reads_back_as_itself(text: str) -> None:
    assert cell_text(text) == visible(text).strip()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example/x?y=1&z=2", "https://a.example/x?y=1&z=2"),
        ("https://a.example/(x)|y", "https://a.example/%28x%29%7Cy"),
        ("http://a.example/<script>", "http://a.example/%3Cscript%3E"),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("https://a.example/a b", None),
        ("/relative/path", None),
        ("", None),
    ],
)
def test_safe_url(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


@pytest.mark.parametrize("doc_id", ["../../etc/passwd", "a/b", "con:", "x" * 300, "<b>", "index", "CON"])
def test_file_names_never_come_from_hostile_ids(doc_id: str) -> None:
    name = report_filename(doc_id)
    assert re.fullmatch(r"doc-[0-9a-f]{16}\.md", name)
    assert re.fullmatch(r"speaker-[0-9a-f]{12}\.md", speaker_filename(doc_id))
