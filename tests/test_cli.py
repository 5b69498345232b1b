"""The command line: exit codes, exact error lines, JSON output, --db and VERIFY_DB."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import FIXTURES, SEED
from verify.cli import app

runner = CliRunner()


def run(db: Path, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, ["--db", str(db), *args], env=env)


def test_ingest_then_again_adds_nothing(db_path: Path) -> None:
    first = run(db_path, "ingest", "--json", str(SEED), str(FIXTURES))
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert (summary["added"], summary["failed"]) == (3, 0)
    second = run(db_path, "ingest", str(SEED), str(FIXTURES))
    assert second.exit_code == 0
    assert "added 0, new versions 0, unchanged 3, skipped 0, failed 0" in second.stdout
    assert "Nothing new" in second.stdout


def test_bad_input_one_line_error_nonzero_exit_keeps_the_rest(db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "good line", "url": "u1"}\n{oops\n', encoding="utf-8")
    result = run(db_path, "ingest", str(bad), str(tmp_path / "nope.txt"), str(SEED))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: {tmp_path / 'nope.txt'}: no such file or directory",
        f"Error: {bad}:2: malformed JSON line (Expecting property name enclosed in double quotes)",
    ]
    assert "added 2" in result.stdout
    listed = json.loads(run(db_path, "documents", "--json").stdout)
    assert sorted(d["chars"] for d in listed) == sorted([9, len(SEED.read_text("utf-8"))])


def test_documents_json_fields(db_path: Path) -> None:
    run(db_path, "ingest", str(FIXTURES / "note.md"))
    result = run(db_path, "documents", "--json")
    assert result.exit_code == 0
    [doc] = json.loads(result.stdout)
    assert set(doc) == {"id", "outlet", "published", "lang", "title", "chars", "url"}
    assert doc["outlet"] == "Test Gazette" and doc["lang"] == "ar"


def test_verify_db_environment_variable(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = runner.invoke(app, ["ingest", "-q", str(SEED)], env={"VERIFY_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_database_that_is_not_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "junk.db"
    db.write_bytes(b"junk" * 1000)
    result = run(db, "documents")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {db}: cannot open as a claims database")


def test_unknown_field_mapping(db_path: Path) -> None:
    result = run(db_path, "ingest", "--field", "colour=x", str(SEED))
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: --field: unknown field 'colour'")


def test_overrides_from_the_command_line(db_path: Path) -> None:
    result = run(db_path, "ingest", "-q", "--outlet", "SANA", "--published", "2017-07-10", str(SEED))
    assert result.exit_code == 0
    [doc] = json.loads(run(db_path, "documents", "--json").stdout)
    assert (doc["outlet"], doc["published"]) == ("SANA", "2017-07-10")


def test_every_command_has_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert command.callback.__doc__, f"{name} has no help"
        sub = runner.invoke(app, [name, "--help"])
        assert sub.exit_code == 0


def test_readme_mentions_every_command() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"verify {name}" in readme, f"README does not document `verify {name}`"


def test_run_needs_at_least_one_worker(db_path: Path) -> None:
    for engine in ("local", "dask"):
        result = runner.invoke(app, ["--db", str(db_path), "run", str(SEED), "--workers", "0",
                                     "--engine", engine, "--dataset", "ds"])
        assert result.exit_code == 2
        assert "--workers" in result.output
    assert not db_path.exists()  # refused before anything was opened
