"""Matching stored claims end to end: relations, flags, origin, incremental reruns, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.match_corpus import QUOTE_AR, QUOTE_EN, build_db
from verify import pipeline, storage
from verify.cli import app

runner = CliRunner()


def claim_of(db, doc_id: str) -> dict:
    [row] = [r for r in storage.list_claims(db, document_id=doc_id)]
    return row


@pytest.mark.parametrize(
    ("other", "relation", "flags"),
    [
        ("verbatim", "exact", ["corroborated"]),
        ("letters", "normalized", ["corroborated"]),
        ("variant", "variant", ["corroborated"]),
        ("word", "altered", ["altered_elsewhere"]),
        ("number", "altered", ["altered_elsewhere", "number_conflict"]),
        ("negation", "altered", ["altered_elsewhere", "negation_conflict"]),
        ("truncated", "partial", []),
        ("other_speaker", "exact", ["corroborated", "misattributed"]),
    ],
)
def test_each_kind_of_appearance(tmp_path: Path, other: str, relation: str, flags: list[str]) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["origin", other, "unrelated"])
    db = storage.open_db(path)
    summary = pipeline.match_claims(db)
    assert summary.indexed == 3
    row = claim_of(db, ids["origin"])
    [found] = row["matches"]
    assert found["document_id"] == ids[other]
    assert found["relation"] == relation
    assert row["flags"] == flags
    # The match points at the quoted words in the other document's original text.
    text = storage.load_document(db, ids[other]).text
    assert text[found["start"]:found["end"]] == found["text"]
    assert set(found) == {"document_id", "url", "outlet", "published", "start", "end", "text",
                          "score", "relation", "speaker"}
    assert row["origin"]["document_id"] == ids["origin"]


def test_unrelated_document_never_matches(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["origin", "unrelated", "en_origin", "en_unrelated"])
    db = storage.open_db(path)
    pipeline.match_claims(db)
    for name in ("origin", "en_origin"):
        row = claim_of(db, ids[name])
        assert row["matches"] == []
        assert row["flags"] == ["uncorroborated"]


def test_speaker_there_and_same_person_under_other_names(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["origin", "verbatim", "letters", "other_speaker"])
    db = storage.open_db(path)
    pipeline.match_claims(db)
    row = claim_of(db, ids["origin"])
    speakers = {m["document_id"]: m["speaker"] for m in row["matches"]}
    assert speakers == {ids["verbatim"]: "دي ميستورا", ids["letters"]: "ستيفان دي مستورا",
                        ids["other_speaker"]: "سيرغي لافروف"}
    assert "misattributed" in row["flags"]
    # The forms of de Mistura's name are grouped as one person, Lavrov as another.
    groups = {form: sid for form, (sid, _) in storage.load_speaker_forms(db).items()}
    assert groups["ستافان دي ميستورا"] == groups["دي ميستورا"] == groups["ستيفان دي مستورا"]
    assert groups["سيرغي لافروف"] != groups["دي ميستورا"]


def test_truncated_quote_is_a_fragment_of_the_longer_one(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["origin", "truncated"])
    db = storage.open_db(path)
    pipeline.match_claims(db)
    short = claim_of(db, ids["truncated"])
    [found] = short["matches"]
    assert (found["document_id"], found["relation"]) == (ids["origin"], "partial")
    # It appears whole inside the earlier, longer quotation: that is its origin.
    assert short["origin"]["document_id"] == ids["origin"]


def test_same_outlet_only_is_single_source(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["origin", "verbatim"])
    db = storage.open_db(path)
    db.execute("UPDATE documents SET outlet = 'sana'")
    db.conn.commit()
    pipeline.match_claims(db)
    assert claim_of(db, ids["origin"])["flags"] == ["uncorroborated", "single_source"]


def test_origin_is_the_earliest_dated_carrier(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["origin", "verbatim", "letters"])
    db = storage.open_db(path)
    db.execute("UPDATE documents SET published = '2017-07-01' WHERE id = ?", [ids["letters"]])
    db.conn.commit()
    pipeline.match_claims(db)
    origin = claim_of(db, ids["origin"])["origin"]
    assert origin == {"document_id": ids["letters"], "url": "https://example.test/letters",
                      "outlet": "okaz", "published": "2017-07-01"}


def test_english_negation_and_number(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["en_origin", "en_negation", "en_unrelated"])
    db = storage.open_db(path)
    pipeline.match_claims(db)
    row = claim_of(db, ids["en_origin"])
    assert [m["relation"] for m in row["matches"]] == ["altered"]
    assert row["flags"] == ["altered_elsewhere", "negation_conflict"]
    path2 = tmp_path / "claims2.db"
    ids = build_db(path2, tmp_path, ["en_origin", "en_number"])
    db = storage.open_db(path2)
    pipeline.match_claims(db)
    row = claim_of(db, ids["en_origin"])
    assert row["flags"] == ["altered_elsewhere", "number_conflict"]
    assert row["matches"][0]["speaker"] == "Stefan de Mistura"  # same person: no misattribution


def test_match_is_incremental_and_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["origin", "unrelated"])
    db = storage.open_db(path)
    first = pipeline.match_claims(db)
    assert (first.indexed, first.claims) == (2, 1)
    assert claim_of(db, ids["origin"])["flags"] == ["uncorroborated"]
    again = pipeline.match_claims(db)
    assert (again.indexed, again.claims, again.matches) == (0, 0, 0)
    db.close()
    # A new document: only it is indexed; the old claim is matched against it alone,
    # and the new document's claim against everything.
    more = build_db(path, tmp_path, ["verbatim", "number"])
    db = storage.open_db(path)
    third = pipeline.match_claims(db)
    assert (third.indexed, third.claims) == (2, 3)
    row = claim_of(db, ids["origin"])
    assert {m["document_id"] for m in row["matches"]} == {more["verbatim"], more["number"]}
    assert row["flags"] == ["corroborated", "altered_elsewhere"]
    assert pipeline.match_claims(db).claims == 0
    assert storage.table_counts(db)["matches"] == 6


def test_match_force_matches_everything_again_without_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["origin", "verbatim", "number", "unrelated"])
    first = run(path, "match", "--json")
    assert first.exit_code == 0, first.output
    db = storage.open_db(path)
    before = claim_of(db, ids["origin"])
    count = storage.table_counts(db)["matches"]
    db.close()
    forced = run(path, "match", "--force", "--json")
    assert forced.exit_code == 0, forced.output
    assert json.loads(forced.stdout)["claims"] == json.loads(first.stdout)["claims"] == 3
    db = storage.open_db(path)
    after = claim_of(db, ids["origin"])
    assert storage.table_counts(db)["matches"] == count
    assert (after["flags"], after["matches"]) == (before["flags"], before["matches"])
    settings = json.loads(db.execute(
        "SELECT settings FROM runs WHERE command = 'match' ORDER BY id DESC LIMIT 1").fetchone()[0])
    assert settings["force"] is True


def run(db: Path, *args: str, input: str | None = None):
    return runner.invoke(app, ["--db", str(db), *args], input=input)


def test_cli_match_check_and_claims(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["origin", "verbatim", "number", "unrelated"])
    result = run(path, "match", "--json")
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["claims"] == 3 and counts["indexed"] == 4
    second = run(path, "match")
    assert second.exit_code == 0
    assert "Nothing new" in second.stdout
    settings = json.loads(
        storage.open_db(path).execute(
            "SELECT settings FROM runs WHERE command = 'match' ORDER BY id LIMIT 1"
        ).fetchone()[0]
    )
    assert settings["match_min_score"] == 75.0 and settings["matcher"]

    checked = run(path, "check", QUOTE_AR, "--json")
    assert checked.exit_code == 0, checked.output
    data = json.loads(checked.stdout)
    assert data["query"] == QUOTE_AR
    relations = {m["document_id"]: m["relation"] for m in data["matches"]}
    assert relations == {ids["origin"]: "exact", ids["verbatim"]: "exact", ids["number"]: "altered"}
    assert data["flags"] == ["corroborated", "altered_elsewhere"]

    human = run(path, "check", "الجولة المقبلة من المحادثات ستبدأ في العاشر من الشهر المقبل بمشاركة 20 وفدا",
                "--speaker", "سيرغي لافروف")
    assert human.exit_code == 0
    assert "misattributed" in human.stdout and "alwatan" in human.stdout and "20 → 15" in human.stdout

    lines = f"{QUOTE_AR}\nكلام لم يقله أحد في أي مكان على الإطلاق\n{QUOTE_EN}\n"
    batch = run(path, "check", "--file", "-", "--json", input=lines)
    assert batch.exit_code == 0, batch.output
    rows = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [r["query"] for r in rows] == lines.splitlines()
    assert len(rows[0]["matches"]) == 3 and rows[1]["matches"] == [] and rows[2]["matches"] == []
    assert rows[1]["flags"] == ["uncorroborated"]

    listed = json.loads(run(path, "claims", "--json").stdout)
    origin = next(r for r in listed if r["document_id"] == ids["origin"])
    assert origin["flags"] == ["corroborated", "altered_elsewhere"]
    assert origin["origin"]["document_id"] == ids["origin"]
    assert {m["relation"] for m in origin["matches"]} == {"exact", "altered"}


def test_cli_check_needs_text_or_file(tmp_path: Path) -> None:
    result = run(tmp_path / "c.db", "check")
    assert result.exit_code == 1
    assert result.stderr == "Error: give either a claim TEXT or --file PATH\n"
    missing = run(tmp_path / "c.db", "check", "--file", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1
    assert missing.stderr.startswith(f"Error: {tmp_path / 'nope.txt'}: cannot read")


def test_match_with_two_workers_gives_the_same_result(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    ids = build_db(path, tmp_path, ["origin", "verbatim", "number", "negation", "unrelated"])
    db = storage.open_db(path)
    pipeline.match_claims(db, workers=2)
    row = claim_of(db, ids["origin"])
    assert {m["relation"] for m in row["matches"]} == {"exact", "altered"}
    results = list(pipeline.check_claims(db, [QUOTE_AR] * 5, workers=2))
    assert [len(r.matches) for r in results] == [4] * 5


def test_cli_match_shows_a_bar_per_stage(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    build_db(path, tmp_path, ["origin", "verbatim"])
    result = runner.invoke(app, ["--db", str(path), "match"], env={"VERIFY_PROGRESS": "1"})
    assert result.exit_code == 0, result.output
    assert "index" in result.stderr and "match" in result.stderr
    assert "2/2" in result.stderr
