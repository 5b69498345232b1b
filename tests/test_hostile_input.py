"""Hostile input at the command line: user text never reaches SQL as SQL, and document
metadata never decides where a file is written."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.sample_store import SANA, build_sample_store
from verify.cli import app

runner = CliRunner()

HOSTILE = [
    "'; DROP TABLE claims; --",
    '"; DROP TABLE documents; --',
    "x' OR '1'='1",
    "1 OR 1=1",
    'كل ما قاله" OR "1"="1',
    "NEAR(مجلس الأمن, 3)",
    "مجلس NEAR الأمن",
    "الأمن*",
    "*",
    "(",
    ")",
    '"',
    '""',
    "'",
    "-الأمن",
    "text: الأمن",
    "claims_fts MATCH 'x'",
    "a AND b OR NOT c",
    "^الأمن",
    "%",
    "_",
    "\\",
    "{text}: الأمن",
    "ما قاله\x00حظي",
    "🙂" * 50,
    "\u202eمجلس الأمن\u202c",
]

TABLES = ("documents", "claims", "matches", "consistency", "extractions", "runs")


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


@pytest.fixture
def sample_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "claims.db"
    build_sample_store(path, monkeypatch).close()
    return path


def invoke(path: Path, *args: str):
    return runner.invoke(app, ["--db", str(path), *args])


def assert_no_sql_error(result) -> None:
    text = (result.stdout or "") + (result.stderr or "") + repr(result.exception or "")
    for word in ("OperationalError", "syntax error", "fts5", "unrecognized token", "Traceback"):
        assert word not in text, text


def test_check_takes_any_text_as_words(sample_path: Path) -> None:
    # Every hostile string checked in one process (one index build), then each alone.
    claims_file = sample_path.parent / "claims.txt"
    claims_file.write_text("\n".join(h.replace("\x00", " ") for h in HOSTILE) + "\n", encoding="utf-8")
    result = invoke(sample_path, "check", "--json", "--file", str(claims_file))
    assert result.exit_code == 0, result.output
    assert_no_sql_error(result)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    # Every line was looked up as words: the query comes back as given.
    assert [line["query"] for line in lines] == [h.replace("\x00", " ") for h in HOSTILE]
    before = counts(sample_path)
    for text in HOSTILE:
        result = invoke(sample_path, "check", "--json", f"--speaker={text}", "--", text)
        assert result.exit_code == 0, (text, result.output)
        assert_no_sql_error(result)
        assert json.loads(result.stdout)["query"] == text
    after = counts(sample_path)
    assert {t: after[t] for t in TABLES if t != "runs"} == {t: before[t] for t in TABLES if t != "runs"}


def test_a_hostile_claim_does_not_change_what_a_real_claim_finds(sample_path: Path) -> None:
    real = "كل ما قاله حظي بتأييد ودعم ممثلي الدول الأعضاء في مجلس الأمن"
    plain = json.loads(invoke(sample_path, "check", "--json", "--", real).stdout)
    for suffix in ("' OR '1'='1", '" OR 1=1 --', " NEAR(x y)", " *"):
        hostile = json.loads(invoke(sample_path, "check", "--json", "--", real + suffix).stdout)
        # The extra words can only lower a score; they never widen the search.
        assert {m["document_id"] for m in hostile["matches"]} <= {m["document_id"] for m in plain["matches"]}


@pytest.mark.parametrize("text", HOSTILE)
def test_ids_and_names_from_the_user_are_values(sample_path: Path, text: str) -> None:
    before = counts(sample_path)
    for args, expected_exit in (
        (["claims", "--", text], 1),
        (["quotes", "--", text], 1),
        (["extract", "--", text], 1),
        (["report", "--out", str(sample_path.parent / "out"), "--", text], None),
    ):
        result = invoke(sample_path, *args)
        assert_no_sql_error(result)
        if expected_exit is not None:
            assert result.exit_code == expected_exit, (args, result.output)
            assert "no document with id" in result.stderr
    result = invoke(sample_path, "report", "--out", str(sample_path.parent / "out"), f"--speaker={text}")
    assert_no_sql_error(result)
    assert result.exit_code in (0, 1)
    assert counts(sample_path)["claims"] == before["claims"]


def test_like_wildcards_in_an_id_are_not_wildcards(sample_path: Path) -> None:
    # "%" would match every id as a LIKE pattern; it must match none.
    for pattern in ("%", "_%", "5a4a%"):
        assert invoke(sample_path, "claims", pattern).exit_code == 1
    assert invoke(sample_path, "claims", SANA[:6]).exit_code == 0


# --- file names come only from ids -------------------------------------------------------

NAME_OK = re.compile(r"(index|[0-9a-f]{16}|doc-[0-9a-f]{16}|speaker-[0-9a-f]{12})\.md")
EVIL = [
    "../../escaped",
    "/etc/passwd",
    "..\\..\\windows",
    "a/b/c",
    "nul\x00byte",
    "x" * 5000,
    "index.md",
    "../index.md",
    "CON",
    ".",
    "..",
]


def write_hostile_corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i, evil in enumerate(EVIL):
            record = {
                "title": evil, "outlet": evil, "url": f"{evil}/{i}", "author": evil,
                "text": f"قال {evil[:40]} إن «الاجتماع رقم {i} كان مثمرا جدا». وأكد أن الحل قريب.",
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_reports_land_only_in_out_named_by_ids(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    corpus = work / "evil.jsonl"
    write_hostile_corpus(corpus)
    db = work / "claims.db"
    out = work / "deep" / "out"
    before = files_under(tmp_path)
    result = runner.invoke(app, ["--db", str(db), "run", "--quiet", "--out", str(out), str(corpus)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["--db", str(db), "report", "--out", str(out), f"--speaker={EVIL[0]}"])
    assert result.exit_code in (0, 1), result.output
    created = files_under(tmp_path) - before
    outside = {p for p in created if out not in p.parents and not p.name.startswith("claims.db")}
    assert outside == set()
    names = {p.name for p in created if out in p.parents}
    assert all(p.parent == out for p in created if out in p.parents)
    assert "index.md" in names and len(names) >= len(EVIL)
    assert all(NAME_OK.fullmatch(name) for name in names), names
    # The hostile titles are shown (escaped) in the index, not used as paths.
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "\x00" not in index


def test_export_writes_only_the_file_given(tmp_path: Path) -> None:
    corpus = tmp_path / "evil.jsonl"
    write_hostile_corpus(corpus)
    db = tmp_path / "claims.db"
    ran = runner.invoke(app, ["--db", str(db), "run", "-q", "--out", str(tmp_path / "r"), str(corpus)])
    assert ran.exit_code == 0, ran.output
    target = tmp_path / "export" / "claims.jsonl"
    target.parent.mkdir()
    before = files_under(tmp_path)
    result = runner.invoke(app, ["--db", str(db), "export", "--format", "jsonl", "--out", str(target)])
    assert result.exit_code == 0, result.output
    created = {p for p in files_under(tmp_path) - before if not p.name.startswith("claims.db")}
    assert created == {target}


# --- limits ------------------------------------------------------------------------------


def test_max_chars_error_from_the_cli(tmp_path: Path) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_text(
        json.dumps({"url": "https://a.example/1", "text": "x" * 1_001}) + "\n"
        + json.dumps({"url": "https://a.example/2", "text": "short text"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "claims.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", "--max-chars", "1000", str(source)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: {source}:1: document has 1,001 characters, over the limit of 1,000 "
        "(raise it with --max-chars)"
    ]
    assert "added 1," in result.stdout  # the other line is still stored
    ok = runner.invoke(app, ["--db", str(db), "ingest", "--max-chars", "2000", "--json", str(source)])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["added"] == 1
