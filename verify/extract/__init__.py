"""Claims with exact provenance: quotations, terms, reported speech and statements.

``extract`` reads one text (Arabic or English) and returns every claim with the
offsets that reproduce it, the speaker, the cue and the intermediary, plus the
document's own dateline. Pure: no I/O, never raises on a string.
"""

from __future__ import annotations

from dataclasses import replace

from verify.models import Claim, Extraction
from verify.text.hazards import flag_hazards

from .pipeline import run_extraction

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_claims"]

EXTRACTOR_VERSION = "125"
"""Version of the extraction rules; stored with every claim. Bump it when a change to
the rules or lexicons changes what extraction returns, so stored documents re-extract."""


def extract(text: str, *, lang: str | None = None, model: str | None = None) -> Extraction:
    """Extract the claims and dateline of ``text``.

    ``lang`` is "ar" or "en" (None: detected). ``model`` names an installed trained
    spaCy pipeline to use instead of the blank one; it is never downloaded.
    Claims are sorted by start offset, then kind. A claim whose words hold bidi or
    zero-width controls, or letters of another script posing as this one's, carries
    the flags ``bidi_controls``, ``zero_width`` or ``homoglyphs``.
    """
    extraction = run_extraction(text, lang, model)
    return replace(extraction, claims=tuple(flag_hazards(extraction.claims, text)))


def extract_claims(text: str, language: str | None = None, *, lang: str | None = None,
                   model: str | None = None) -> list[Claim]:
    """The claims of ``text`` (see ``extract``), sorted by start offset, then kind.

    ``language`` (or ``lang``): "ar" or "en"; None detects it."""
    return list(extract(text, lang=language or lang, model=model).claims)
