"""The local engine against the Dask engine on SaudiNewsNet, with 1 and 2 workers.

Writes a slice of the corpus (read from ../shared, never copied into the repo) as
JSONL files to a temporary directory, then runs each engine in its own process:

- local: ``pipeline.run_paths`` into a fresh SQLite database (``--workers N``);
- dask: ``dask_engine.run_dask`` on a ``LocalCluster`` of N worker processes into a
  Parquet dataset.

Prints wall time, peak resident memory per process, speed-ups, whether every run
found the same claims and matches, the index bytes per document and the matching
rate per worker. Then a probe (one process, CPU time, so other load on the machine
matters less than for wall times) times claim lookups against shards of the whole
slice, a half and a quarter of it, read back from the Dask run's dataset: the cost of
a lookup as a fixed part plus a part per document in the shard, the figures of the
README's capacity model. Skips cleanly when the corpus or Dask is absent.

    .venv/bin/python benchmarks/bench_dask.py [--limit 3000] [--workers 1,2] [--probe 2000]
"""

from __future__ import annotations

import argparse
import json
import os
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


def cpu_s(who: int = resource.RUSAGE_SELF) -> float:
    """CPU seconds (user and system) used so far: unlike wall time, hardly changed by
    other work on the machine."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


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
        started, cpu = time.perf_counter(), cpu_s()
        summary = pipeline.run_paths(db, [folder], IngestOptions(), workers=workers)
        wall = time.perf_counter() - started
    cpu = {"main": cpu_s() - cpu}
    if workers > 1:
        cpu["pool (all)"] = cpu_s(resource.RUSAGE_CHILDREN)
    return {
        "wall": wall, "cpu": cpu, "documents": summary.ingest.added + summary.ingest.versioned,
        "claims": summary.extract.claims, "matched": summary.match.claims,
        "matches": summary.match.matches,
        "peak_mb": {"main": peak_mb(), "pool (largest)": peak_mb(resource.RUSAGE_CHILDREN)},
    }


def _worker_peak() -> float:
    return peak_mb()


def _worker_cpu() -> float:
    return cpu_s()


def child_dask(folder: Path, workers: int, keep: Path | None = None) -> dict:
    from verify.dask_engine import connect, run_dask
    from verify.ingest import IngestOptions

    marks: dict[str, float] = {}

    def progress(advance: int, total: int | None, label: str) -> None:
        marks.setdefault(label, time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp, connect(workers=workers, processes=True) as client:
        client.wait_for_workers(workers)
        before = client.run(_worker_cpu)
        started, cpu = time.perf_counter(), cpu_s()
        summary = run_dask(client, [folder], keep or Path(tmp) / "ds", IngestOptions(), progress=progress)
        ended, cpu = time.perf_counter(), cpu_s() - cpu
        peaks = client.run(_worker_peak)
        after = client.run(_worker_cpu)
    workers_cpu = sorted(after[w] - before.get(w, 0.0) for w in after)
    return {
        "wall": ended - started, "documents": summary.documents, "claims": summary.claims,
        "cpu": {"client": cpu, **{f"worker {i}": v for i, v in enumerate(workers_cpu)}},
        "matched": summary.matched, "matches": summary.matches, "shards": summary.shards,
        "partitions": summary.partitions, "index_bytes": summary.index_bytes,
        "lookups": summary.lookups,
        "match_wall": ended - marks.get("match", started),
        "peak_mb": {"client": peak_mb(), **{f"worker {i}": v for i, v in enumerate(sorted(peaks.values()))}},
    }


def child_probe(root: Path, sample: int) -> dict:
    """CPU time of claim lookups (``match_batch``) against shards of 1/1, 1/2 and 1/4 of
    the documents of the dataset at ``root``, for an even sample of its claims."""
    from verify import dataset, stages
    from verify.match import NgramIndex, document_ngrams
    from verify.models import Document

    columns = ["id", "text", "content_hash", "outlet", "published", "url"]
    docs = [Document(**row) for row in dataset.iter_rows(root, "documents", columns)]
    rows: dict[str, list[dict]] = {}
    for row in dataset.iter_rows(root, "claims"):
        rows.setdefault(row["document_id"], []).append(row)
    extracted = [stages.ExtractedDocument(doc.id, tuple(rows.get(doc.id, ())), None) for doc in docs]
    jobs = stages.claim_jobs(docs, extracted)[0]
    step = max(1, len(jobs) // sample)
    probe = jobs[::step][:sample]
    points = []
    held: dict[str, int] = {}
    for parts in (1, 2, 4):
        shards = [stages.build_shard(docs[j::parts], extracted) for j in range(parts)]
        shard = shards[0]
        counts = None
        began = time.process_time()
        if parts > 1:
            hashes = stages.query_hashes(probe)
            counts = stages.sum_counts(hashes, [stages.count_postings(s, hashes) for s in shards])
        counted = time.process_time()
        stages.match_batch(shard, probe, counts)
        ended = time.process_time()
        points.append({"documents": len(shard.texts), "lookup_ms": (ended - counted) * 1000 / len(probe),
                       "count_ms": (counted - began) * 1000 / len(probe)})
        if parts == 1:
            held = {"arrays": shard.nbytes(), "texts": _deep_size(shard.texts),
                    "claims": _deep_size(shard.claims), "sources": _deep_size(shard.sources)}
    # Routing: how many of W shards a claim is sent to (stages.route_jobs), W = 2 ... 16.
    hashes = stages.query_hashes(probe)
    visits = {}
    for parts in (2, 4, 8, 16):
        indexes = [NgramIndex.build((doc.id, n, *document_ngrams(doc.text))
                                    for n, doc in enumerate(docs[j::parts], 1)) for j in range(parts)]
        held_counts = [index.posting_counts(hashes) for index in indexes]
        routed = stages.route_jobs(probe, stages.sum_counts(hashes, held_counts), held_counts)
        visits[parts] = sum(map(len, routed)) / len(probe)
        del indexes
    chars = sum(len(doc.text) for doc in docs)
    result = {"documents": len(docs), "claims": sum(map(len, rows.values())), "matchable": len(jobs),
              "sample": len(probe), "points": points, "chars": chars, "held": held, "visits": visits}
    if os.environ.get("BENCH_PROBE_OUT"):
        Path(os.environ["BENCH_PROBE_OUT"]).write_text(json.dumps(result), encoding="utf-8")
    return result


def _deep_size(value: object) -> int:
    """Bytes of a value of dicts, lists, tuples and scalars in this process's memory."""
    if isinstance(value, dict):
        return sys.getsizeof(value) + sum(_deep_size(k) + _deep_size(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return sys.getsizeof(value) + sum(_deep_size(item) for item in value)
    return sys.getsizeof(value)


def run_child(engine: str, folder: Path, workers: int, *extra: str) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", engine, "--input", str(folder), "--workers", str(workers),
         *extra],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    if proc.returncode != 0:
        sys.exit(f"{engine} with {workers} workers failed: {proc.stderr[-1500:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=3000, help="articles (0: the whole corpus)")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--probe", type=int, default=2000, help="claims timed by the probe (0: none)")
    parser.add_argument("--child", choices=["local", "dask", "probe"])
    parser.add_argument("--input", type=Path)
    parser.add_argument("--keep", type=Path, help="(dask child) write the dataset here")
    args = parser.parse_args()
    if args.child == "probe":
        print(json.dumps(child_probe(args.input, args.probe)))
        return
    if args.child:
        result = (child_local(args.input, int(args.workers)) if args.child == "local"
                  else child_dask(args.input, int(args.workers), args.keep))
        print(json.dumps(result))
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
    # The kept dataset must not sit among the inputs (Parquet is an input format).
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as kept:
        folder = Path(tmp)
        articles = write_slice(folder, args.limit or 10**12)
        size = sum(p.stat().st_size for p in folder.glob("*.jsonl"))
        print(f"SaudiNewsNet slice: {articles} articles, {size / 1e6:.1f} MB in "
              f"{len(list(folder.glob('*.jsonl')))} JSONL files", flush=True)
        results = {}
        for n in counts:
            for engine in ("local", "dask"):
                extra = ["--keep", str(Path(kept) / "ds")] if (engine, n) == ("dask", counts[0]) else []
                results[(engine, n)] = run_child(engine, folder, n, *extra)
                print(f"  {engine} with {n} worker(s): {results[(engine, n)]['wall']:.1f} s", flush=True)
        probe = (run_child("probe", Path(kept) / "ds", 1, "--probe", str(args.probe))
                 if args.probe else None)
    base = results[("local", counts[0])]["wall"]
    print(f"\n{'engine':6} {'workers':>7} {'wall s':>8} {'speed-up':>8}  {'docs':>6} {'claims':>7} "
          f"{'matched':>7} {'matches':>7}  peak RSS MB per process")
    for (engine, n), r in results.items():
        peaks = ", ".join(f"{k} {v:.0f}" for k, v in r["peak_mb"].items())
        print(f"{engine:6} {n:>7} {r['wall']:>8.1f} {base / r['wall']:>7.2f}x  {r['documents']:>6} "
              f"{r['claims']:>7} {r['matched']:>7} {r['matches']:>7}  {peaks}")
    print("\nCPU seconds per process (wall time on idle cores is about the busiest process's):")
    for (engine, n), r in results.items():
        print(f"{engine:6} {n:>7}  " + ", ".join(f"{k} {v:.1f}" for k, v in r["cpu"].items()))
    for field in ("documents", "claims", "matched", "matches"):
        values = {key: r[field] for key, r in results.items()}
        same = len(set(values.values())) == 1
        print(f"{field}: {'the same in every run' if same else 'DIFFER: ' + repr(values)}")
    for n in counts:
        r = results[("dask", n)]
        lookups = r["lookups"]
        print(f"\ndask, {n} worker(s): {r['partitions']} partitions, {r['shards']} shards; index "
              f"{r['index_bytes'] / max(1, r['documents']):,.0f} bytes/document; match stage "
              f"{r['match_wall']:.1f} s = {r['matched'] / max(r['match_wall'], 1e-9):,.0f} claims/s, "
              f"{lookups / max(r['match_wall'], 1e-9) / n:,.0f} shard lookups/s per worker; "
              f"{lookups / max(1, r['matched']):.2f} shards visited per claim (of {r['shards']})")
        if n != counts[0]:
            print(f"  speed-up over dask with {counts[0]}: "
                  f"{results[('dask', counts[0])]['wall'] / r['wall']:.2f}x")
    if probe:
        print_probe(probe)


def print_probe(probe: dict) -> None:
    docs = probe["documents"]
    print(f"\nprobe: {probe['sample']} of {probe['matchable']} matchable claims "
          f"({probe['matchable'] / docs:.1f} per document; {probe['claims'] / docs:.1f} claims "
          f"per document), CPU time per lookup:")
    for point in probe["points"]:
        print(f"  shard of {point['documents']:>6} documents: {point['lookup_ms']:.3f} ms per lookup, "
              f"{point['count_ms'] * 1000:.1f} µs per claim to count its pairs in every shard")
    (n1, t1), (n2, t2) = [(p["documents"], p["lookup_ms"]) for p in (probe["points"][0], probe["points"][-1])]
    per_doc = (t1 - t2) / (n1 - n2) if n1 != n2 else 0.0
    print(f"  fit: {t1 - per_doc * n1:.3f} ms + {per_doc * 1000:.3f} µs per document in the shard")
    held = probe["held"]
    if probe.get("visits"):
        print("shards a claim is sent to, of W (routing by the shards' posting counts): "
              + ", ".join(f"W={w}: {v:.2f}" for w, v in probe["visits"].items()))
    print(f"a shard holds {sum(held.values()) / docs:,.0f} bytes per document ("
          + ", ".join(f"{k} {v / docs:,.0f}" for k, v in held.items())
          + f"); documents average {probe['chars'] / docs:,.0f} characters")


if __name__ == "__main__":
    main()
