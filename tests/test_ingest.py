"""Reading documents from every supported format, with provenance and clear errors."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEED
from verify.errors import InputError
from verify.ingest import (
    IngestOptions,
    content_hash,
    find_inputs,
    normalize_date,
    parse_field_options,
    read_batches,
)

OPTIONS = IngestOptions()
ENGLISH = "The minister said that the talks in Geneva were a step forward."


def read_all(path: Path, options: IngestOptions = OPTIONS):
    docs, errors, warnings = [], [], []
    for batch in read_batches(path, options):
        docs += batch.documents
        errors += batch.errors
        warnings += batch.warnings
    return docs, errors, warnings


def test_text_file_keeps_text_exactly(seed_text: str) -> None:
    docs, errors, _ = read_all(SEED)
    assert errors == []
    [doc] = docs
    assert doc.text == seed_text
    assert doc.content_hash == content_hash(seed_text)
    assert doc.lang == "ar"
    assert doc.source_path.endswith("seeds/000_6369181c9cd67a10.txt")
    assert len(doc.id) == 16


def test_markdown_front_matter_is_metadata_not_text() -> None:
    [doc], errors, _ = read_all(FIXTURES / "note.md")
    assert errors == []
    assert doc.text == "قال المتحدث باسم الوزارة إن «الاجتماع كان مثمراً».\n"
    assert (doc.title, doc.outlet, doc.url) == (
        "بيان قصير للاختبار", "Test Gazette", "https://gazette.example/ar/statement-1"
    )
    assert (doc.published, doc.lang, doc.author) == ("2017-07-11", "ar", "محرر الاختبار")


def test_markdown_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("# Heading\n\nSome text.\n", encoding="utf-8")
    [doc], _, _ = read_all(path)
    assert doc.text == "# Heading\n\nSome text.\n"
    assert doc.title is None


def test_html_main_text_and_metadata() -> None:
    [doc], errors, _ = read_all(FIXTURES / "wire.html")
    assert errors == []
    assert "we do not expect breakthroughs" in doc.text
    assert "Security Council" in doc.text
    assert "Log in" not in doc.text and "tracking" not in doc.text and "Copyright" not in doc.text
    assert doc.url == "https://wire.example.org/2017/07/10/geneva-talks"
    assert doc.outlet == "Example Wire"
    assert doc.author == "Jane Roe"
    assert doc.published == "2017-07-10"
    assert doc.lang == "en"


def write_json(path: Path, records) -> Path:
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {"text": "نص أول", "title": "ع", "outlet": "o", "url": "u1", "published": "2015-07-21",
             "lang": "ar", "author": "a"},
            ("نص أول", "ع", "o", "u1", "2015-07-21", "ar", "a"),
        ),
        (
            {"content": "نص ثان", "head_line": "ع", "source": "okaz", "link": "u2",
             "date_extracted": "2015-07-21 02:51:37", "language": "ar"},
            ("نص ثان", "ع", "okaz", "u2", "2015-07-21T02:51:37", "ar", None),
        ),
        (
            {"body": ENGLISH, "publisher": "Wire", "date": "2017-07-10T09:30:00Z"},
            (ENGLISH, None, "Wire", None, "2017-07-10T09:30:00+00:00", "en", None),
        ),
    ],
)
def test_json_field_names_recognised(tmp_path: Path, record, expected) -> None:
    [doc], errors, _ = read_all(write_json(tmp_path / "a.json", [record]))
    assert errors == []
    got = (doc.text, doc.title, doc.outlet, doc.url, doc.published, doc.lang, doc.author)
    assert got == expected


def test_field_option_maps_other_names(tmp_path: Path) -> None:
    path = write_json(tmp_path / "a.json", [{"story": "Text here.", "site": "Daily", "when": "2020-01-02"}])
    options = IngestOptions(fields=parse_field_options(["text=story", "outlet=site", "published=when"]))
    [doc], errors, _ = read_all(path, options)
    assert errors == []
    assert (doc.text, doc.outlet, doc.published) == ("Text here.", "Daily", "2020-01-02")


@pytest.mark.parametrize("pair", ["outlet", "=site", "outlet=", "colour=site"])
def test_bad_field_option(pair: str) -> None:
    with pytest.raises(InputError, match="--field"):
        parse_field_options([pair])


def test_overrides_apply_to_every_document(tmp_path: Path) -> None:
    path = write_json(tmp_path / "a.json", [{"text": "one", "source": "x"}, {"text": "two"}])
    options = IngestOptions(outlet="Override", published="2017-07-10", lang="en", url=None)
    docs, _, _ = read_all(path, options)
    assert {(d.outlet, d.published, d.lang) for d in docs} == {("Override", "2017-07-10", "en")}


def test_jsonl_lines_and_bad_line_number(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"text": "first", "url": "u1"}\n'
        "\n"
        '{"text": "second", "url": "u2"\n'
        '{"text": "third", "url": "u3"}\n',
        encoding="utf-8",
    )
    docs, errors, _ = read_all(path)
    assert [d.text for d in docs] == ["first", "third"]
    assert [d.source_line for d in docs] == [1, 4]
    [error] = errors
    assert str(error).endswith("feed.jsonl:3: malformed JSON line (Expecting ',' delimiter)")


def test_zip_members_are_read_with_member_names(tmp_path: Path) -> None:
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("day1.json", json.dumps([{"content": "نص", "source": "okaz", "url": "u1"},
                                              {"content": "  ", "source": "okaz", "url": "u2"}]))
        zf.writestr("more/day2.jsonl", '{"content": "آخر", "url": "u3"}\n')
        zf.writestr("notes.bin", b"\x00\x01")
    docs, errors, warnings = read_all(archive)
    assert errors == []
    assert [(d.text, d.source_member, d.source_line) for d in docs] == [
        ("نص", "day1.json", 0), ("آخر", "more/day2.jsonl", 1)
    ]
    assert any("empty document" in w for w in warnings)
    assert any("notes.bin: skipped" in w for w in warnings)


def test_empty_document_is_skipped_not_failed(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    [batch] = list(read_batches(path, OPTIONS))
    assert (batch.documents, batch.errors, batch.skipped) == ([], [], 1)


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("latin1.txt", "café".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("binary.txt", b"abc\x00def", "binary file (contains NUL bytes), not text"),
        ("broken.json", b'[{"text": "a"},', "malformed JSON at line 1 column 16"),
        ("scalar.json", b"42", "JSON is neither an array nor an object"),
        ("bad.md", b"---\ntitle: [unclosed\n---\nBody\n", "malformed YAML front matter"),
        ("list.md", b"---\n- a\n- b\n---\nBody\n", "front matter is not a mapping"),
        ("broken.zip", b"PK\x03\x04 not really", "not a valid zip archive"),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    docs, errors, _ = read_all(path)
    assert docs == []
    [error] = errors
    assert str(error).startswith(str(path.name)) or name in str(error)
    assert problem in str(error)
    assert "\n" not in str(error)


def test_json_with_a_bad_record_is_rejected_whole(tmp_path: Path) -> None:
    path = write_json(tmp_path / "mixed.json", [{"text": "good"}, "not an object", {"text": 5}])
    docs, errors, _ = read_all(path)
    assert docs == []
    assert len(errors) == 2
    assert "mixed.json[1]: record is not a JSON object" in str(errors[0])


def test_document_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 101, encoding="utf-8")
    _, [error], _ = read_all(path, IngestOptions(max_chars=100))
    assert "101 characters, over the limit of 100" in str(error)


def test_find_inputs_reports_missing_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "dir" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "dir" / ".hidden.txt").write_text("h", encoding="utf-8")
    (tmp_path / "file.pdf").write_bytes(b"%PDF")
    found = list(find_inputs([tmp_path / "dir", tmp_path / "missing", tmp_path / "file.pdf"]))
    assert found[0] == tmp_path / "dir" / "a.txt"
    assert "image.png: skipped, not a document format (.png)" in found[1]
    assert str(found[2]) == f"{tmp_path / 'missing'}: no such file or directory"
    assert "file.pdf: unknown extension '.pdf'" in str(found[3])
    assert len(found) == 4


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2015-07-21", "2015-07-21"),
        ("2015-07-21 02:51:37", "2015-07-21T02:51:37"),
        ("2017-07-10T09:30:00Z", "2017-07-10T09:30:00+00:00"),
        ("10/07/2017", "2017-07-10"),
        ("July 10, 2017", "2017-07-10"),
        ("", None),
        ("yesterday", None),
    ],
)
def test_normalize_date(raw: str, iso: str | None) -> None:
    assert normalize_date(raw) == iso


def test_unreadable_date_is_a_warning(tmp_path: Path) -> None:
    path = write_json(tmp_path / "a.json", [{"text": "t", "date": "sometime"}])
    [doc], errors, warnings = read_all(path)
    assert doc.published is None and errors == []
    assert any("unreadable date 'sometime'" in w for w in warnings)


def test_same_text_two_urls_are_two_documents(tmp_path: Path) -> None:
    path = write_json(tmp_path / "a.json", [{"text": "same", "url": "u1"}, {"text": "same", "url": "u2"}])
    docs, _, _ = read_all(path)
    assert len({d.id for d in docs}) == 2
    assert len({d.content_hash for d in docs}) == 1


def test_sidecar_metadata_beside_a_text_file(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("نص الخبر.", encoding="utf-8")
    (tmp_path / "story.txt.meta.yml").write_text(
        "outlet: SANA\npublished: 2017-07-10\nurl: https://sana.example/1\n", encoding="utf-8"
    )
    found = list(find_inputs([tmp_path]))
    assert found == [story]  # the sidecar is not a document of its own
    [doc], errors, _ = read_all(story)
    assert errors == []
    assert (doc.outlet, doc.published, doc.url, doc.text) == (
        "SANA", "2017-07-10", "https://sana.example/1", "نص الخبر."
    )
    [doc], _, _ = read_all(story, IngestOptions(outlet="Override"))
    assert doc.outlet == "Override"


def test_malformed_sidecar_fails_its_file(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("text", encoding="utf-8")
    (tmp_path / "story.txt.meta.yml").write_text("outlet: [unclosed\n", encoding="utf-8")
    docs, [error], _ = read_all(story)
    assert docs == []
    assert str(error).endswith("story.txt.meta.yml: malformed YAML metadata")


def test_seed_provenance_from_its_sidecar() -> None:
    [doc], _, _ = read_all(SEED)
    assert (doc.outlet, doc.published, doc.lang) == ("SANA", "2017-07-10", "ar")


def test_jsonl_line_over_the_limit_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    huge = json.dumps({"text": "x" * 3_000_000, "url": "big"})
    path.write_text('{"text": "before", "url": "a"}\n' + huge + '\n{"text": "after", "url": "b"}\n',
                    encoding="utf-8")
    docs, errors, _ = read_all(path, IngestOptions(max_chars=100))
    assert [d.text for d in docs] == ["before", "after"]
    [error] = errors
    assert "feed.jsonl:2: line longer than 1,000,400 bytes" in str(error)


# --- Parquet (pyarrow: the dev and dask extras) ------------------------------------------


def write_parquet(path: Path, rows: list[dict], schema=None) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    columns = list(dict.fromkeys(key for row in rows for key in row))  # a table has every column
    rows = [{key: row.get(key) for key in columns} for row in rows]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, row_group_size=2)
    return path


def test_parquet_rows_are_records_with_json_field_names(tmp_path: Path) -> None:
    import datetime

    rows = [
        {"text": "نص أول", "title": "ع", "outlet": "o", "url": "u1", "published": "2015-07-21",
         "lang": "ar", "author": "a", "extra": 1},
        {"content": "نص ثان", "head_line": "ع", "source": "okaz", "link": "u2",
         "date": datetime.datetime(2015, 7, 21, 2, 51, 37), "language": "ar"},
        {"body": ENGLISH, "publisher": "Wire", "date": datetime.datetime(2017, 7, 10, 9, 30)},
        {"text": "   ", "url": "u4"},
        {"text": "fifth", "url": "u5"},
    ]
    path = write_parquet(tmp_path / "articles.parquet", rows)
    docs, errors, warnings = read_all(path)
    assert errors == []
    assert [(d.text, d.title, d.outlet, d.url, d.published, d.lang, d.author, d.source_line)
            for d in docs] == [
        ("نص أول", "ع", "o", "u1", "2015-07-21", "ar", "a", 1),
        ("نص ثان", "ع", "okaz", "u2", "2015-07-21T02:51:37", "ar", None, 2),
        (ENGLISH, None, "Wire", None, "2017-07-10T09:30:00", "en", None, 3),
        ("fifth", None, None, "u5", None, "und", None, 5),
    ]
    assert warnings == [f"{read_all(path)[0][0].source_path}:4: skipped, empty document"]
    # The same records as JSON give the same documents (but for where they were read).
    as_json = write_json(tmp_path / "articles.json",
                         [{k: str(v) for k, v in row.items() if v is not None} for row in rows])
    json_docs = read_all(as_json)[0]
    assert [(d.text, d.outlet, d.url, d.published) for d in json_docs] == [
        (d.text, d.outlet, d.url, d.published) for d in docs]


def test_parquet_field_option_and_zip_member(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "a.parquet", [{"story": "Text here.", "site": "Daily"}])
    options = IngestOptions(fields=parse_field_options(["text=story", "outlet=site"]))
    [doc], errors, _ = read_all(path, options)
    assert errors == [] and (doc.text, doc.outlet) == ("Text here.", "Daily")
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(path, "day/a.parquet")
    [doc], errors, _ = read_all(archive, options)
    assert errors == []
    assert (doc.text, doc.source_member, doc.source_line) == ("Text here.", "day/a.parquet", 1)


@pytest.mark.parametrize(
    ("rows", "data", "problem"),
    [
        (None, b"PAR1 not really parquet", "not a readable Parquet file ("),
        ([{"story": "no text column"}], None,
         "no text column (text, content, body; name another with --field text=COLUMN)"),
        ([{"text": 5}], None, ":1: text field is not a string"),
    ],
)
def test_bad_parquet_gives_one_clear_error(tmp_path: Path, rows, data, problem) -> None:
    path = tmp_path / "bad.parquet"
    if rows is None:
        pytest.importorskip("pyarrow")
        path.write_bytes(data)
    else:
        write_parquet(path, rows)
    docs, [error], _ = read_all(path)
    assert docs == []
    assert str(error).startswith(str(error.where)) and "bad.parquet" in error.where
    assert problem in str(error) and "\n" not in str(error)


def test_parquet_without_pyarrow_names_the_file_and_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    path = tmp_path / "articles.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    docs, [error], _ = read_all(path)
    assert docs == []
    assert str(error).endswith("articles.parquet: reading Parquet needs pyarrow: "
                               "pip install 'verify[dask]' (or pyarrow)")
