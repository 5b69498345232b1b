"""Pick the articles for the hand-annotated extraction evaluation set.

Stratified random sample (fixed seed): for each of the 14 outlets, three articles
that contain at least one quotation mark, plus six articles drawn from the whole
corpus with no condition (they test precision on ordinary text). Articles longer
than 6,000 characters are left out so that each can be read in full by a
human annotator. Prints one JSON line per article: file, url, source, sha256.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import defaultdict

from corpus import corpus_available, iter_articles

MARKS = set("«»“”„‟\"″＂‹›〝〞")
PER_OUTLET = 3
UNCONDITIONED = 6
MAX_CHARS = 6000
SEED = 20261129


def main() -> int:
    if not corpus_available():
        print("SaudiNewsNet not found beside the project; nothing to select.", file=sys.stderr)
        return 0
    by_outlet: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    everything: list[tuple[str, dict]] = []
    for name, article in iter_articles():
        text = article.get("content") or ""
        if not text.strip() or len(text) > MAX_CHARS:
            continue
        everything.append((name, article))
        if MARKS & set(text):
            by_outlet[article["source"]].append((name, article))
    rng = random.Random(SEED)
    chosen: list[tuple[str, dict]] = []
    for outlet in sorted(by_outlet):
        chosen += rng.sample(by_outlet[outlet], min(PER_OUTLET, len(by_outlet[outlet])))
    seen = {a["url"] for _, a in chosen}
    while len(chosen) < len(by_outlet) * PER_OUTLET + UNCONDITIONED:
        name, article = rng.choice(everything)
        if article["url"] not in seen:
            seen.add(article["url"])
            chosen.append((name, article))
    for name, article in chosen:
        digest = hashlib.sha256(article["content"].encode("utf-8")).hexdigest()
        print(json.dumps({"file": name, "url": article["url"], "source": article["source"],
                          "sha256": digest}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
