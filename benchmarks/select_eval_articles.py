"""Pick the articles for the hand-annotated extraction evaluation set.

Stratified random sample (fixed seed): for each of the 14 outlets, three articles
that contain at least one quotation mark, plus six articles drawn from the whole
corpus with no condition (they test precision on ordinary text). Articles longer
than 6,000 characters are left out so that each can be read in full by a
human annotator. Prints one JSON line per article: file, url, source, sha256.

Later sets use the same procedure with another seed and leave out the articles
of the earlier sets (``--exclude``). The second held-out set (holdout2) was drawn
with::

    python benchmarks/select_eval_articles.py --seed 20261203 --per-outlet 1 \\
        --extra-marked 6 --unconditioned 0 \\
        --exclude data/eval_articles.jsonl --exclude data/eval_articles_holdout.jsonl

and the fourth (holdout3) with ``--seed 20261219`` and the same options, also excluding
``data/eval_articles_holdout2.jsonl``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from corpus import corpus_available, iter_articles

MARKS = set("«»“”„‟\"″＂‹›〝〞")
PER_OUTLET = 3
UNCONDITIONED = 6
MAX_CHARS = 6000
SEED = 20261129


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--per-outlet", type=int, default=PER_OUTLET,
                        help="articles with quotation marks per outlet")
    parser.add_argument("--unconditioned", type=int, default=UNCONDITIONED,
                        help="articles drawn from the whole corpus with no condition")
    parser.add_argument("--extra-marked", type=int, default=0,
                        help="further articles with quotation marks, from any outlet")
    parser.add_argument("--exclude", action="append", default=[], type=Path,
                        help="JSONL of articles already used (by url); repeatable")
    options = parser.parse_args()
    if not corpus_available():
        print("SaudiNewsNet not found beside the project; nothing to select.", file=sys.stderr)
        return 0
    excluded: set[str] = set()
    for path in options.exclude:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                excluded.add(json.loads(line)["url"])
    by_outlet: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    marked: list[tuple[str, dict]] = []
    everything: list[tuple[str, dict]] = []
    for name, article in iter_articles():
        text = article.get("content") or ""
        if not text.strip() or len(text) > MAX_CHARS or article["url"] in excluded:
            continue
        everything.append((name, article))
        if MARKS & set(text):
            by_outlet[article["source"]].append((name, article))
            marked.append((name, article))
    rng = random.Random(options.seed)
    chosen: list[tuple[str, dict]] = []
    for outlet in sorted(by_outlet):
        pool = by_outlet[outlet]
        chosen += rng.sample(pool, min(options.per_outlet, len(pool)))
    seen = {a["url"] for _, a in chosen}
    for pool, count in ((marked, options.extra_marked), (everything, options.unconditioned)):
        wanted = len(chosen) + min(count, len(pool))
        while len(chosen) < wanted:
            name, article = rng.choice(pool)
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
