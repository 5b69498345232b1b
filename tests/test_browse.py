"""The browsing views and the Datasette metadata, through Datasette's own test client.

Skipped only when Datasette is not installed (`make test` installs it via the dev extra).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.sample_store import GULF, LEVANT, SANA, build_sample_store
from verify import storage

datasette_app = pytest.importorskip("datasette.app", reason="datasette is not installed")

METADATA = Path(storage.__file__).resolve().parent / "datasette-metadata.yml"
VIEWS = ("claim_consistency", "quote_appearances", "speaker_quotes")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "claims.db"
    build_sample_store(path, monkeypatch).close()
    return path


def metadata() -> dict[str, Any]:
    return dict(yaml.safe_load(METADATA.read_text(encoding="utf-8")))


def fetch(path: Path, *urls: str) -> list[Any]:
    """GET each URL from a Datasette serving ``path`` with the shipped metadata."""

    async def run() -> list[Any]:
        ds = datasette_app.Datasette(files=[str(path)], metadata=metadata())
        await ds.invoke_startup()
        responses = []
        for url in urls:
            response = await ds.client.get(url)
            assert response.status_code == 200, (url, response.text[:500])
            responses.append(response.json() if ".json" in url else response.text)
        return responses

    return asyncio.run(run())


def test_claim_consistency_one_row_per_claim_with_counts_by_relation(store: Path) -> None:
    [rows] = fetch(store, "/claims/claim_consistency.json?_shape=array&_size=max")
    assert len(rows) == 7
    by_text = {(row["document_id"], row["text"][:12]): row for row in rows}
    borodavkin = by_text[SANA, "كل ما قاله ح"]
    envoy = by_text[SANA, "هناك الكثير "]
    assert (borodavkin["document_id"], borodavkin["normalized"], borodavkin["exact"]) == (SANA, 1, 0)
    assert json.loads(borodavkin["flags"]) == ["corroborated"]
    assert (borodavkin["origin_document_id"], borodavkin["origin_outlet"]) == (GULF, "Gulf Daily (demo)")
    assert (envoy["altered"], envoy["outlets"], envoy["judged"]) == (1, 1, 1)
    assert json.loads(envoy["flags"]) == ["altered_elsewhere"]
    term = by_text[SANA, "مؤقتة"]
    assert (term["judged"], term["matches"], json.loads(term["flags"])) == (0, 0, [])


def test_quote_appearances_and_speaker_quotes(store: Path) -> None:
    appearances, quotes = fetch(
        store,
        "/claims/quote_appearances.json?_shape=array",
        "/claims/speaker_quotes.json?_shape=array&speaker=" + "ستافان دي ميستورا",
    )
    appearances.sort(key=lambda a: a["document_id"])
    assert [(a["document_id"], a["relation"], a["score"]) for a in appearances] == [
        (LEVANT, "altered", 88.9), (GULF, "normalized", 100.0)]
    assert appearances[0]["claim_speaker"] == appearances[0]["speaker"] == "ستافان دي ميستورا"
    assert appearances[1]["claim_outlet"] == "SANA"
    assert sorted((q["kind"], q["outlet"], q["appearances"]) for q in quotes) == [
        ("quote", "Levant Post (demo)", 0), ("quote", "SANA", 1), ("term", "SANA", 0)]


def test_views_search_claim_text(store: Path) -> None:
    found, spoken = fetch(
        store,
        "/claims/claim_consistency.json?_shape=array&_search=" + "أستانا",
        "/claims/speaker_quotes.json?_shape=array&_search=breakthroughs",
    )
    assert sorted(row["document_id"] for row in found) == sorted([SANA, LEVANT])
    assert [row["speaker"] for row in spoken] == ["Staffan de Mistura"]


def test_facets_from_metadata(store: Path) -> None:
    [page] = fetch(store, "/claims/claim_consistency.json")
    facets = page["facet_results"]
    facets = facets.get("results", facets)  # newer Datasette nests them
    assert {"kind", "outlet", "flags"} <= set(facets)
    kinds = {item["value"]: item["count"] for item in facets["kind"]["results"]}
    assert kinds == {"quote": 5, "term": 1, "reported": 1}
    flags = {item["value"]: item["count"] for item in facets["flags"]["results"]}
    assert flags["corroborated"] == 1 and flags["altered_elsewhere"] == 1
    [appearances] = fetch(store, "/claims/quote_appearances.json")
    facets = appearances["facet_results"]
    facets = facets.get("results", facets)
    assert {item["value"] for item in facets["relation"]["results"]} == {"altered", "normalized"}


def test_pages_explain_themselves(store: Path) -> None:
    index, view = fetch(store, "/", "/claims/claim_consistency")
    assert "Who said it, through whom" in index
    assert "counts of appearances" not in view  # description text comes from metadata
    assert "One row per claim with its flags" in view


def test_metadata_describes_every_column_of_the_views(store: Path) -> None:
    db = storage.open_db(store)
    tables = metadata()["databases"]["claims"]["tables"]
    for name, meta in tables.items():
        actual = [row[1] for row in db.execute(f"PRAGMA table_info([{name}])")]
        assert actual, f"metadata describes {name}, which the database lacks"
        described = set(meta.get("columns", {}))
        assert described <= set(actual), (name, described - set(actual))
        if name in VIEWS:
            assert described == set(actual), (name, set(actual) - described)
    db.close()
