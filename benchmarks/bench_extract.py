"""Extraction speed over SaudiNewsNet: chars/s, claims by kind, peak RSS.

    python benchmarks/bench_extract.py [--limit N] [--workers 2]

Skips cleanly when the corpus is not there. With several workers the articles are
split round-robin and each process reports its own peak RSS.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_available, iter_articles  # noqa: I001

from verify.extract import extract


def _texts(limit: int | None, worker: int, workers: int) -> list[str]:
    articles = (a.get("content") or "" for _, a in iter_articles())
    if limit is not None:
        articles = itertools.islice(articles, limit)
    return [t for i, t in enumerate(articles) if i % workers == worker]


def _run(args: tuple[int | None, int, int]
         ) -> tuple[int, int, float, Counter[str], int, float, float]:
    limit, worker, workers = args
    texts = _texts(limit, worker, workers)
    extract("تحميل")  # build the pipeline before timing
    kinds: Counter[str] = Counter()
    chars = 0
    slowest = 0.0
    started = time.perf_counter()
    cpu_started = time.process_time()
    for text in texts:
        t0 = time.perf_counter()
        result = extract(text)
        slowest = max(slowest, time.perf_counter() - t0)
        chars += len(text)
        kinds.update(str(c.kind) for c in result.claims)
        kinds["dateline"] += result.dateline is not None
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return len(texts), chars, elapsed, kinds, rss, slowest, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    options = parser.parse_args()
    if not corpus_available():
        print("corpus not found: skipped")
        return 0
    wall = time.perf_counter()
    jobs = [(options.limit, w, options.workers) for w in range(options.workers)]
    if options.workers == 1:
        results = [_run(jobs[0])]
    else:
        with ProcessPoolExecutor(options.workers) as pool:
            results = list(pool.map(_run, jobs))
    wall = time.perf_counter() - wall
    articles = sum(r[0] for r in results)
    chars = sum(r[1] for r in results)
    kinds: Counter[str] = Counter()
    for r in results:
        kinds.update(r[3])
    for worker, (n, c, elapsed, _, rss, slowest, cpu) in enumerate(results):
        print(f"worker {worker}: {n} articles, {c:,} chars in {elapsed:.1f}s = "
              f"{c / max(elapsed, 1e-9):,.0f} chars/s ({cpu:.1f} CPU s = "
              f"{c / max(cpu, 1e-9):,.0f} chars per CPU second), peak RSS {rss / 1024:.0f} MB, "
              f"slowest article {slowest:.2f}s")
    print(f"total: {articles} articles, {chars:,} chars, wall {wall:.1f}s "
          f"(including corpus reading) = {chars / max(wall, 1e-9):,.0f} chars/s")
    print("claims: " + ", ".join(f"{k} {v:,}" for k, v in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
