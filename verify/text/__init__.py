"""Text normalisation with offset maps, and language detection by script."""

from verify.text.lang import detect_language, script_of
from verify.text.normalize import (
    DASH,
    QUOTE,
    QUOTE_MARKS,
    NormalizedText,
    normalize_text,
    normalize_with_map,
    normalize_words,
)

__all__ = [
    "DASH",
    "QUOTE",
    "QUOTE_MARKS",
    "NormalizedText",
    "detect_language",
    "normalize_text",
    "normalize_with_map",
    "normalize_words",
    "script_of",
]
