"""Exports: JSON Lines, CSV and schema.org ClaimReview JSON-LD from a sample store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.sample_store import GULF, LEVANT, SANA, build_sample_store
from verify import storage
from verify.export import CSV_COLUMNS, render_claimreview, render_csv, render_jsonl


@pytest.fixture
def rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    db = build_sample_store(tmp_path / "claims.db", monkeypatch)
    rows = list(storage.iter_export_claims(db))
    db.close()
    return rows


def test_jsonl_has_every_claim_with_provenance_and_flags(rows: list[dict]) -> None:
    lines = "".join(render_jsonl(rows)).splitlines()
    assert len(lines) == 7
    claims = [json.loads(line) for line in lines]
    borodavkin = next(c for c in claims if c["document_id"] == SANA and c["via"] == "نوفوستي")
    assert borodavkin["flags"] == ["corroborated"]
    assert borodavkin["origin"]["document_id"] == GULF
    assert [m["outlet"] for m in borodavkin["matches"]] == ["Gulf Daily (demo)"]
    assert {"content_hash", "ingested_utc", "place", "agency", "start", "end"} <= set(borodavkin)
    reported = next(c for c in claims if c["kind"] == "reported")
    assert reported["flags"] == ["speaker_inferred", "uncorroborated"]


def test_csv_columns_and_formula_cells(rows: list[dict]) -> None:
    hostile = dict(rows[0], text="=HYPERLINK(\"https://evil.example\")", speaker="@cmd")
    table = list(csv.reader(io.StringIO("".join(render_csv([*rows, hostile])))))
    assert tuple(table[0]) == CSV_COLUMNS
    assert len(table) == 9 and {len(row) for row in table} == {len(CSV_COLUMNS)}
    last = dict(zip(CSV_COLUMNS, table[-1], strict=True))
    assert last["text"].startswith("'=") and last["speaker"] == "'@cmd"
    envoy = next(dict(zip(CSV_COLUMNS, r, strict=True)) for r in table[1:] if "الكثير" in r[3])
    assert (envoy["flags"], envoy["appearances"], envoy["appearance_relations"]) == (
        "altered_elsewhere", "1", "altered")


def test_claimreview_is_jsonld_claims_with_appearances(rows: list[dict]) -> None:
    document = json.loads("".join(render_claimreview(rows)))
    assert document["@context"] == "https://schema.org"
    claims = document["@graph"]
    assert all(claim["@type"] == "Claim" for claim in claims)
    assert len(claims) == 6  # quoted terms are not claims
    envoy = next(c for c in claims if "الكثير" in c["text"])
    assert envoy["author"] == {"@type": "Person", "name": "ستافان دي ميستورا"}
    assert [a["identifier"] for a in envoy["appearance"]] == [SANA, LEVANT]
    assert envoy["appearance"][1]["publisher"]["name"] == "Levant Post (demo)"
    assert envoy["firstAppearance"]["identifier"] == SANA
    borodavkin = next(c for c in claims if c["text"].startswith("كل ما قاله") and
                      c["appearance"][0]["identifier"] == SANA)
    assert borodavkin["firstAppearance"]["datePublished"] == "2017-07-10T18:20:00+00:00"
    assert borodavkin["keywords"] == ["corroborated"]


def test_empty_store_exports_are_valid() -> None:
    assert "".join(render_jsonl([])) == ""
    assert "".join(render_csv([])).splitlines() == [",".join(CSV_COLUMNS)]
    assert json.loads("".join(render_claimreview([]))) == {
        "@context": "https://schema.org", "@graph": []}
