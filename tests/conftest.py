"""Shared fixtures: paths to the seed and to documents written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_6369181c9cd67a10.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"
