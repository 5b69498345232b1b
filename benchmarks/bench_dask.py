"""The local engine against the Dask engine on SaudiNewsNet, with 1 and 2 workers.

Writes a slice of the corpus (read from ../shared, never copied into the repo) as
JSONL files to a temporary directory, then runs each engine in its own process:

- local: ``pipeline.run_paths`` into a fresh SQLite database (``--workers N``);
- dask: ``dask_engine.run_dask`` on a ``LocalCluster`` of N worker processes into a
  Parquet dataset.

Prints wall time, peak resident memory per process, speed-ups, the index bytes per
document and the matching rate per worker (the figures of the README's capacity model).
Skips cleanly when the corpus or Dask is absent.

    .venv/bin/python benchmarks/bench_dask.py [--limit 3000] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import corpus_available, iter_articles

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILE_ARTICLES = 250


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def write_slice(folder: Path, limit: int) -> int:
    count = 0
    handle = None
    for _, article in iter_articles():
        if count % FILE_ARTICLES == 0:
            if handle:
                handle.close()
            handle = (folder / f"slice-{count // FILE_ARTICLES:05d}.jsonl").open("w", encoding="utf-8")
        handle.write(json.dumps(article, ensure_ascii=False) + "\n")
        count += 1
        if count >= limit:
            break
    if handle:
        handle.close()
    return count


def child_local(folder: Path, workers: int) -> dict:
    from verify import pipeline, storage
    from verify.ingest import IngestOptions

    with tempfile.TemporaryDirectory() as tmp:
        db = storage.open_db(Path(tmp) / "bench.db")
        started = time.perf_counter()
        summary = pipeline.run_paths(db, [folder], IngestOptions(), workers=workers)
        wall = time.perf_counter() - started
    return {
        "wall": wall, "documents": summary.ingest.added + summary.ingest.versioned,
        "claims": summary.extract.claims, "matched": summary.match.claims,
        "matches": summary.match.matches,
        "peak_mb": {"main": peak_mb(), "pool (largest)": peak_mb(resource.RUSAGE_CHILDREN)},
    }


def _worker_peak() -> float:
    return peak_mb()


def child_dask(folder: Path, workers: int) -> dict:
    from verify.dask_engine import connect, run_dask
    from verify.ingest import IngestOptions

    marks: dict[str, float] = {}

    def progress(advance: int, total: int | None, label: str) -> None:
        marks.setdefault(label, time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp, connect(workers=workers, processes=True) as client:
        client.wait_for_workers(workers)
        started = time.perf_counter()
        summary = run_dask(client, [folder], Path(tmp) / "ds", IngestOptions(), progress=progress)
        ended = time.perf_counter()
        peaks = client.run(_worker_peak)
    return {
        "wall": ended - started, "documents": summary.documents, "claims": summary.claims,
        "matched": summary.matched, "matches": summary.matches, "shards": summary.shards,
        "partitions": summary.partitions, "index_bytes": summary.index_bytes,
        "match_wall": ended - marks.get("match", started),
        "peak_mb": {"client": peak_mb(), **{f"worker {i}": v for i, v in enumerate(sorted(peaks.values()))}},
    }


def run_child(engine: str, folder: Path, workers: int) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", engine, "--input", str(folder), "--workers", str(workers)],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    if proc.returncode != 0:
        sys.exit(f"{engine} with {workers} workers failed: {proc.stderr[-1500:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=3000, help="articles (0: the whole corpus)")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--child", choices=["local", "dask"])
    parser.add_argument("--input", type=Path)
    args = parser.parse_args()
    if args.child:
        fn = child_local if args.child == "local" else child_dask
        print(json.dumps(fn(args.input, int(args.workers))))
        return
    if not corpus_available():
        print("SaudiNewsNet not found under ../shared/corpora; skipping.")
        return
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        print("dask[distributed] and pyarrow are not installed (pip install -e '.[dask]'); skipping.")
        return
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        articles = write_slice(folder, args.limit or 10**12)
        size = sum(p.stat().st_size for p in folder.glob("*.jsonl"))
        print(f"SaudiNewsNet slice: {articles} articles, {size / 1e6:.1f} MB in "
              f"{len(list(folder.glob('*.jsonl')))} JSONL files")
        results = {(engine, n): run_child(engine, folder, n) for n in counts for engine in ("local", "dask")}
    base = results[("local", counts[0])]["wall"]
    print(f"\n{'engine':6} {'workers':>7} {'wall s':>8} {'speed-up':>8}  {'docs':>6} {'claims':>7} "
          f"{'matched':>7} {'matches':>7}  peak RSS MB per process")
    for (engine, n), r in results.items():
        peaks = ", ".join(f"{k} {v:.0f}" for k, v in r["peak_mb"].items())
        print(f"{engine:6} {n:>7} {r['wall']:>8.1f} {base / r['wall']:>7.2f}x  {r['documents']:>6} "
              f"{r['claims']:>7} {r['matched']:>7} {r['matches']:>7}  {peaks}")
    for n in counts:
        r = results[("dask", n)]
        lookups = r["matched"] * r["shards"]
        print(f"\ndask, {n} worker(s): {r['partitions']} partitions, {r['shards']} shards; index "
              f"{r['index_bytes'] / max(1, r['documents']):,.0f} bytes/document; match stage "
              f"{r['match_wall']:.1f} s = {r['matched'] / max(r['match_wall'], 1e-9):,.0f} claims/s, "
              f"{lookups / max(r['match_wall'], 1e-9) / n:,.0f} shard lookups/s per worker")
        if n != counts[0]:
            print(f"  speed-up over dask with {counts[0]}: "
                  f"{results[('dask', counts[0])]['wall'] / r['wall']:.2f}x")


if __name__ == "__main__":
    main()
