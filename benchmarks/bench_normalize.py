"""Measure normalisation speed over the whole SaudiNewsNet corpus.

Prints characters per second for normalize_text and normalize_with_map. Skips with a
message when the corpus is not beside the project.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from corpus import corpus_available, iter_articles

from verify.text import normalize_text, normalize_with_map


def measure(name: str, function: Callable[[str], object], texts: list[str]) -> None:
    chars = sum(map(len, texts))
    started = time.perf_counter()
    for text in texts:
        function(text)
    seconds = time.perf_counter() - started
    print(f"{name:<20} {chars:>12,} chars {seconds:7.2f} s {chars / seconds:>14,.0f} chars/s")


def main() -> int:
    if not corpus_available():
        print("SaudiNewsNet not found beside the project; nothing to measure.", file=sys.stderr)
        return 0
    texts = [article.get("content") or "" for _, article in iter_articles()]
    print(f"{len(texts):,} articles")
    measure("normalize_text", normalize_text, texts)
    measure("normalize_with_map", normalize_with_map, texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
