"""verify: check quotations and claims in news text.

``from verify import extract_claims`` reads claims out of a text with no database
(see ``verify.extract``); the rest of the toolkit is the ``verify`` command.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"
__all__ = ["extract_claims"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the command line starts without loading spaCy.
    if name == "extract_claims":
        return import_module("verify.extract").extract_claims
    raise AttributeError(f"module 'verify' has no attribute {name!r}")
