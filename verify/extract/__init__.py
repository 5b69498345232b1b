"""Claims with exact provenance: quotations, terms, reported speech and statements.

``extract`` reads one text (Arabic or English) and returns every claim with the
offsets that reproduce it, the speaker, the cue and the intermediary, plus the
document's own dateline. Pure: no I/O, never raises on a string.
"""

from __future__ import annotations

from verify.models import Claim, Extraction

from .pipeline import run_extraction

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_claims"]

EXTRACTOR_VERSION = "2"
"""Version of the extraction rules; stored with every claim. Bump it when a change to
the rules or lexicons changes what extraction returns, so stored documents re-extract."""


def extract(text: str, *, lang: str | None = None, model: str | None = None) -> Extraction:
    """Extract the claims and dateline of ``text``.

    ``lang`` is "ar" or "en" (None: detected). ``model`` names an installed trained
    spaCy pipeline to use instead of the blank one; it is never downloaded.
    Claims are sorted by start offset, then kind.
    """
    return run_extraction(text, lang, model)


def extract_claims(text: str, *, lang: str | None = None,
                   model: str | None = None) -> list[Claim]:
    """The claims of ``text`` (see ``extract``), sorted by start offset, then kind."""
    return list(run_extraction(text, lang, model).claims)
