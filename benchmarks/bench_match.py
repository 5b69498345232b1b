"""Matching at corpus scale: recall against brute force, speed, scaling, `verify match` time.

Against SaudiNewsNet (read from ../shared, never copied): builds a claims database of
the whole corpus (`verify ingest` + `verify extract`, or reuses --db), samples
quotations the extractor found, and in the same run

1. finds by brute force every other article holding each sampled quotation:
   rapidfuzz ``partial_ratio`` of the normalised quotation over every normalised article,
   cutoff 90, ``processor=None``, in 2 worker processes;
2. runs ``verify check --file - --json --workers 2`` on the same quotations (and more,
   for throughput) and scores recall of the brute-force pairs;
3. times candidate lookup + alignment in-process with an index over 10%, 25%, 50% and
   100% of the corpus;
4. times ``verify match --force --workers 2`` over every claim of the whole corpus.

Skips cleanly when ../shared is not there.

    .venv/bin/python benchmarks/bench_match.py [--db PATH] [--sample 200] [--speed 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from corpus import CORPUS, corpus_available

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify import storage  # noqa: I001
from verify.consistency import is_matchable
from verify.models import Claim, ClaimKind
from verify.text.normalize import normalize_text

VERIFY = [sys.executable, "-m", "verify"]
BRUTE_CUTOFF = 90
WORKERS = 2
#: Used only when the extractor is not installed: «...» quotations of 4+ words.
FALLBACK_QUOTE = re.compile(r"«([^«»\n]{12,600})»")


def sh(*args: str, stdin: str | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.run([*VERIFY, *args], input=stdin, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"verify {' '.join(args[:3])} failed ({proc.returncode}): {proc.stderr[-800:]}")
    return wall, proc.stdout


def extractor_available() -> bool:
    try:
        from verify.extract import EXTRACTOR_VERSION, extract  # noqa: F401
    except ImportError:
        return False
    return True


def fallback_extract(db_path: Path) -> int:
    """Store «...» quotations as claims (only when the real extractor is missing)."""
    db = storage.open_db(db_path)
    count = 0
    for doc in list(storage.iter_documents(db)):
        claims = []
        for m in FALLBACK_QUOTE.finditer(doc.text):
            text = m.group(1)
            claims.append(Claim(kind=ClaimKind.QUOTE, start=m.start(1), end=m.end(1), text=text,
                                normalized=normalize_text(text)))
        storage.save_extraction(db, doc.id, claims, None, extractor="bench-guillemets", run_id=None)
        count += len(claims)
    db.close()
    return count


def build_db(db_path: Path) -> None:
    wall, _ = sh("--db", str(db_path), "ingest", "-q", str(CORPUS))
    print(f"ingest whole corpus                {wall:>9.1f} s")
    if extractor_available():
        wall, _ = sh("--db", str(db_path), "extract", "-q", "--workers", str(WORKERS))
        print(f"extract (verify extract -w 2)      {wall:>9.1f} s")
    else:
        started = time.perf_counter()
        count = fallback_extract(db_path)
        print(f"extractor missing: stored {count} «» quotations instead "
              f"({time.perf_counter() - started:.1f} s)")


# --- brute force -------------------------------------------------------------------------

_ARTICLES: list[tuple[str, str]] = []


def _brute_one(job: tuple[int, str, str]) -> tuple[int, list[str]]:
    from rapidfuzz import fuzz, process

    key, query, own = job
    choices = [text for _, text in _ARTICLES]
    hits = process.extract(query, choices, scorer=fuzz.partial_ratio, processor=None,
                           score_cutoff=BRUTE_CUTOFF, limit=None)
    return key, sorted({_ARTICLES[i][0] for _, _, i in hits} - {own})


def brute_force(quotes: list[tuple[str, str, str]]) -> tuple[dict[int, list[str]], float]:
    jobs = [(i, normalize_text(text), doc_id) for i, (_, doc_id, text) in enumerate(quotes)]
    started = time.perf_counter()
    import multiprocessing

    with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("fork")) as pool:
        found = dict(pool.map(_brute_one, jobs, chunksize=4))
    return found, time.perf_counter() - started


# --- main --------------------------------------------------------------------------------


def current_documents(db) -> list[tuple[str, str]]:
    sql = """SELECT id, text FROM documents d
             WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.supersedes = d.id) ORDER BY rowid"""
    return [(doc_id, text) for doc_id, text in db.execute(sql)]


def sample_quotes(db, n: int, seed: int) -> list[tuple[str, str, str]]:
    rows = [(r[0], r[1], r[2]) for r in db.execute(
        "SELECT id, document_id, text FROM claims WHERE kind = 'quote' ORDER BY id")]
    rows = [r for r in rows if is_matchable("quote", r[2])]
    random.Random(seed).shuffle(rows)
    return [(cid, doc, " ".join(text.split())) for cid, doc, text in rows[:n]]


def run_check(db_path: Path, quotes: list[tuple[str, str, str]]) -> tuple[float, list[dict]]:
    lines = "\n".join(text for _, _, text in quotes) + "\n"
    wall, out = sh("--db", str(db_path), "check", "--file", "-", "--json", "--workers",
                   str(WORKERS), stdin=lines)
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == len(quotes), (len(rows), len(quotes))
    return wall, rows


def scaling(db, quotes: list[tuple[str, str, str]]) -> list[tuple[float, int, float, float]]:
    from verify.match import INDEXER, Matcher, NgramIndex
    from verify.match.index import decode_ngrams

    rows = list(storage.load_document_index(db, indexer=INDEXER))
    texts: dict[str, str] = {}
    results = []
    for share in (0.1, 0.25, 0.5, 1.0):
        part = rows[: max(1, int(len(rows) * share))]
        started = time.perf_counter()
        index = NgramIndex.build((d, s, *decode_ngrams(h, p)) for d, s, h, p in part)
        built = time.perf_counter() - started

        def load(doc_id: str) -> str | None:
            if doc_id not in texts:
                texts[doc_id] = storage.load_document_text(db, doc_id) or ""
            return texts[doc_id]

        matcher = Matcher(index, load)
        for _, doc_id, text in quotes[:50]:  # warm the text cache the same way for each size
            matcher.find(text, exclude=[doc_id])
        started = time.perf_counter()
        found = sum(len(matcher.find(text, exclude=[doc_id])) for _, doc_id, text in quotes)
        per_quote = (time.perf_counter() - started) / len(quotes)
        results.append((share, len(part), built, per_quote * 1000))
        print(f"  {share:>4.0%} of corpus: {len(part):>6} docs, index built in {built:5.2f} s, "
              f"{per_quote * 1000:6.2f} ms per quotation ({found} matches)")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="reuse (or build and keep) this database")
    parser.add_argument("--sample", type=int, default=200, help="quotations checked by brute force")
    parser.add_argument("--speed", type=int, default=2000, help="quotations for throughput")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-match", action="store_true", help="do not time `verify match`")
    parser.add_argument("--skip-scaling", action="store_true", help="do not time 10%%..100%%")
    parser.add_argument("--brute-cache", type=Path,
                        help="save the brute-force pairs here, and reuse them for the same sample")
    parser.add_argument("--brute-time", type=int, default=40,
                        help="with reused pairs: time brute force again on this many quotations, "
                             "so both speeds are measured in this run")
    args = parser.parse_args()
    if not corpus_available():
        print(f"skip: corpus not found at {CORPUS}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or Path(tmp) / "bench.db"
        if not db_path.exists():
            build_db(db_path)
        return run(db_path, args)


def run(db_path: Path, args: argparse.Namespace) -> int:
    db = storage.open_db(db_path)
    quotes = sample_quotes(db, max(args.sample, args.speed), args.seed)
    if len(quotes) < args.sample:
        sys.exit(f"only {len(quotes)} quotations of 4+ words in {db_path}")
    recall_set = quotes[: args.sample]
    print(f"documents {storage.count_documents(db):,}, quotations sampled {len(quotes):,} "
          f"(recall on {len(recall_set)})")

    # Index once (as `verify match` would), outside the timings that follow.
    wall, _ = sh("--db", str(db_path), "check", "--json", "warm up the index")
    print(f"index + first check                {wall:>9.1f} s")

    _ARTICLES[:] = [(doc_id, normalize_text(text)) for doc_id, text in current_documents(db)]
    cache = args.brute_cache
    key = [cid for cid, _, _ in recall_set]
    if cache and cache.exists() and json.loads(cache.read_text())["claims"] == key:
        saved = json.loads(cache.read_text())
        brute = {int(i): docs for i, docs in saved["pairs"].items()}
        timed = recall_set[: max(1, args.brute_time)]
        again, again_wall = brute_force(timed)
        assert all(again[i] == brute[i] for i in range(len(timed))), "cached pairs differ"
        brute_wall = again_wall * len(recall_set) / len(timed)
        scaled = f" (scaled from {len(timed)} timed in this run)"
        print(f"brute force: reusing the pairs saved in {cache}; timed again on {len(timed)} "
              f"quotations in this run ({again_wall:.1f} s)")
    else:
        brute, brute_wall = brute_force(recall_set)
        scaled = ""
        if cache:
            cache.write_text(json.dumps({"claims": key, "pairs": brute, "wall": brute_wall}))
    brute_per_quote = brute_wall * WORKERS / len(recall_set)
    pairs = {(i, d) for i, docs in brute.items() for d in docs}
    print(f"brute force: {len(recall_set)} quotations x {len(_ARTICLES):,} articles in "
          f"{brute_wall:.1f} s{scaled} on {WORKERS} processes = {brute_per_quote:.2f} CPU-s per quotation; "
          f"{len(pairs)} (quotation, other article) pairs")

    # Best of three runs each: other work on the machine only ever slows a run down.
    startup = min(run_check(db_path, quotes[:1])[0] for _ in range(3))
    walls = []
    for _ in range(3):
        wall, rows = run_check(db_path, quotes)
        walls.append(wall)
    check_wall = min(walls)
    ours = {
        (i, m["document_id"]) for i, row in enumerate(rows[: len(recall_set)])
        for m in row["matches"] if m["document_id"] != recall_set[i][1]
    }
    recall = len(pairs & ours) / len(pairs) if pairs else 1.0
    missed = sorted(pairs - ours)
    # partial_ratio aligns the shorter string inside the longer: an article shorter than
    # the quotation (a one-word "article") scores 100 when the quotation contains it.
    lengths = dict(_ARTICLES)
    fair = {(i, d) for i, d in pairs if len(lengths[d]) >= len(normalize_text(recall_set[i][2]))}
    fair_recall = len(fair & ours) / len(fair) if fair else 1.0
    steady = max(1e-9, check_wall - startup)
    ours_per_quote = steady * WORKERS / len(quotes)
    print(f"verify check --file, {len(quotes)} quotations, {WORKERS} workers: best of 3 {check_wall:.1f} s "
          f"(startup {startup:.1f} s) -> {len(quotes) / check_wall:,.0f} quotations/s end to end, "
          f"{len(quotes) / steady:,.0f}/s after startup")
    print(f"recall of brute-force pairs        {recall:>9.4f}  ({len(pairs & ours)}/{len(pairs)}; "
          f"found {len(ours - pairs)} more pairs brute force did not)")
    print(f"  leaving out {len(pairs - fair)} pairs with an article shorter than the quotation: "
          f"{fair_recall:.4f} ({len(fair & ours)}/{len(fair)})")
    for i, doc_id in missed[:10]:
        print(f"  missed: claim {recall_set[i][0]} in {doc_id} ({len(lengths[doc_id])} chars): "
              f"{recall_set[i][2][:60]}")
    print(f"speed per quotation: brute force {brute_per_quote * 1000:.0f} ms, ours "
          f"{ours_per_quote * 1000:.2f} ms CPU -> {brute_per_quote / ours_per_quote:,.0f}x faster")

    if not args.skip_scaling:
        print("match time as the corpus grows (one process, in-process index):")
        scaling(db, quotes[:500])
    db.close()

    if not args.skip_match:
        # --force: every claim from scratch, also when --db was matched before.
        wall, out = sh("--db", str(db_path), "match", "--force", "--json", "--workers", str(WORKERS))
        counts = json.loads(out)
        print(f"verify match --workers 2 (every claim): {wall:.1f} s = {wall / 60:.1f} min; {counts}")
        again, out = sh("--db", str(db_path), "match", "--json", "--workers", str(WORKERS))
        print(f"verify match again (nothing new): {again:.1f} s; {json.loads(out)}")
    ok = fair_recall >= 0.99 and brute_per_quote / ours_per_quote >= 500
    print("OK" if ok else "BELOW TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
