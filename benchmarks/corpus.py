"""Read SaudiNewsNet from ../shared when it is there (never copied into the repo)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"


def corpus_available() -> bool:
    return CORPUS.is_dir() and any(CORPUS.glob("*.zip"))


def iter_articles() -> Iterator[tuple[str, dict]]:
    """Yield (zip file name, article object) for every article, in file order."""
    for path in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                for article in json.loads(archive.read(member)):
                    yield path.name, article
