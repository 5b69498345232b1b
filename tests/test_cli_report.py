"""`verify run`, `verify report` and `verify export` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from tests.sample_store import SANA, build_sample_store
from verify import storage
from verify.cli import app
from verify.report import speaker_filename

runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "claims.db"
    build_sample_store(path, monkeypatch).close()
    return path


def run(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), *args])


def test_report_writes_one_file_per_document_and_index(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    first = run(store, "report", "--out", str(out))
    assert first.exit_code == 0, first.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["index.md", "5a4a000000000001.md", "9c1f000000000002.md", "3e7b000000000003.md",
         "c0de000000000004.md"])
    assert first.stdout.endswith("5 written, 0 unchanged\n")
    again = run(store, "report", "--out", str(out))
    assert again.stdout.endswith("0 written, 5 unchanged\n")


def test_report_for_one_document_by_prefix(store: Path, tmp_path: Path) -> None:
    result = run(store, "report", SANA[:6], "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"{SANA}.md").exists() and (tmp_path / "index.md").exists()


def test_report_unknown_document_is_an_error(store: Path, tmp_path: Path) -> None:
    result = run(store, "report", "nope", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == "Error: no document with id 'nope' (see `verify documents`)\n"


def test_speaker_report(store: Path, tmp_path: Path) -> None:
    result = run(store, "report", "--speaker", "بورودافكين", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = (tmp_path / speaker_filename("بورودافكين")).read_text(encoding="utf-8")
    assert "Gulf Daily (demo)" in text and "2 statements." in text
    missing = run(store, "report", "--speaker", "Nobody", "--out", str(tmp_path))
    assert missing.exit_code == 1
    assert missing.stderr == "Error: no claims attributed to 'Nobody' (see `verify claims`)\n"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "claimreview"])
def test_export_to_file_and_stdout(store: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"claims.{fmt}"
    written = run(store, "export", "--format", fmt, "--out", str(target))
    assert written.exit_code == 0, written.output
    printed = run(store, "export", "--format", fmt)
    assert printed.exit_code == 0
    assert target.read_text(encoding="utf-8") == printed.stdout
    if fmt == "claimreview":
        assert json.loads(printed.stdout)["@graph"]


def test_export_unknown_format(store: Path) -> None:
    result = run(store, "export", "--format", "xml")
    assert result.exit_code == 1
    assert result.stderr == "Error: unknown format 'xml' (choose from jsonl, csv, claimreview)\n"


def _extraction_available() -> bool:
    import verify.extract

    return hasattr(verify.extract, "extract") and hasattr(verify.extract, "EXTRACTOR_VERSION")


@pytest.mark.slow
@pytest.mark.skipif(not _extraction_available(), reason="extraction stage not wired yet")
def test_run_on_the_demo_then_again_does_no_new_work(tmp_path: Path) -> None:
    db, out = tmp_path / "claims.db", tmp_path / "reports"
    inputs = [str(ROOT / "seeds"), str(ROOT / "sources")]
    first = run(db, "run", *inputs, "--out", str(out), "--json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["ingest"]["added"] == 5
    assert summary["reports"]["written"] == 6
    assert (out / "index.md").exists()
    opened = storage.open_db(db)
    [seed] = [d for d in storage.list_report_documents(opened) if d["source_path"].endswith(".txt")]
    spans = storage.list_report_claims(opened, seed["id"])
    opened.close()
    report = (out / f"{seed['id']}.md").read_text(encoding="utf-8")
    quoted = [c for c in spans if c["kind"] in ("quote", "term")]
    assert quoted
    for number in range(1, sum(c["kind"] == "quote" for c in quoted) + 1):
        assert f'<a id="q{number}"></a>Q{number} · quote' in report
    assert "#### Appearances elsewhere" in report
    second = run(db, "run", *inputs, "--out", str(out), "--json")
    again = json.loads(second.stdout)
    assert (again["ingest"]["added"], again["extract"]["documents"], again["match"]["claims"]) == (0, 0, 0)
    assert again["reports"] == {"written": 0, "unchanged": 6, "dir": str(out)}
