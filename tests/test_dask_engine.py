"""The Dask engine gives the local engine's results, also when a worker is lost."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from distributed import Client, LocalCluster  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from tests.engine_corpus import DOCUMENTS as CORPUS_DOCUMENTS  # noqa: E402
from tests.engine_corpus import SAUDINEWSNET, write_corpus, write_saudinewsnet_slice  # noqa: E402
from verify import dataset, pipeline, stages, storage  # noqa: E402
from verify.cli import app  # noqa: E402
from verify.dask_engine import partition_inputs, run_dask  # noqa: E402
from verify.ingest import IngestOptions  # noqa: E402

pytestmark = pytest.mark.slow

# Every column but the run's own (row ids, run ids, clock times).
CLAIMS = ('SELECT id, document_id, kind, start, "end", text, normalized, speaker, speaker_mention, cue, '
          'via, sentence, paragraph, flags FROM claims ORDER BY id')
MATCHES = ('SELECT claim_id, document_id, start, "end", text, score, relation, diff, speaker FROM matches '
           'ORDER BY claim_id, document_id, start')
CONSISTENCY = ("SELECT claim_id, flags, origin_document_id, matches, matcher FROM consistency "
               "ORDER BY claim_id")
DOCUMENTS = ("SELECT id, content_hash, identity, title, outlet, url, published, author, lang, place, "
             "agency, chars, source_line, supersedes, text FROM documents ORDER BY id")


def _rows(db: Any, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in db.execute(sql).fetchall()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def local_db(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = storage.open_db(tmp_path_factory.mktemp("local") / "local.db")
    pipeline.run_paths(db, corpus, IngestOptions())
    yield db
    db.close()


@pytest.fixture(scope="module")
def client() -> Any:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


def _assert_same(db: Any, local_db: Any) -> None:
    for sql in (DOCUMENTS, CLAIMS, MATCHES, CONSISTENCY):
        assert _rows(db, sql) == _rows(local_db, sql), sql


def test_local_corpus_has_matches(local_db: Any) -> None:
    # The comparison means something only if the corpus exercises matching and versions.
    assert len(_rows(local_db, DOCUMENTS)) == CORPUS_DOCUMENTS
    assert len(_rows(local_db, MATCHES)) >= 40
    assert any(row[13] for row in _rows(local_db, DOCUMENTS))
    relations = {row[6] for row in _rows(local_db, MATCHES)}
    assert {"exact", "partial", "altered"} <= relations
    assert any(json.loads(row[1]) for row in _rows(local_db, CONSISTENCY))


@pytest.mark.parametrize("shards", [1, 2, 3])
def test_dask_engine_matches_local_engine(
    corpus: list[Path], local_db: Any, client: Any, tmp_path: Path, shards: int
) -> None:
    summary = run_dask(client, corpus, tmp_path / "ds", IngestOptions(), partition_bytes=1, shards=shards)
    # One partition per file, and per row group of the Parquet file (6 rows in 3 groups).
    parquet_parts = 2 if corpus[-1].suffix == ".parquet" else 0
    assert summary.partitions == len(corpus) + parquet_parts and summary.shards == shards
    assert summary.repeated == 1 and summary.superseded == 1
    # Claims go only to the shards that can hold a candidate for them.
    assert summary.lookups == summary.matched if shards == 1 else (
        0 < summary.lookups < summary.matched * shards)
    db = storage.open_db(tmp_path / "dask.db")
    loaded = dataset.load_dataset(db, tmp_path / "ds")
    assert loaded.matches == summary.matches == len(_rows(local_db, MATCHES))
    _assert_same(db, local_db)


#: Articles of the SaudiNewsNet slice, and per input file (so it spans several shards).
SLICE_ARTICLES = 240
SLICE_FILE = 40


@pytest.mark.skipif(not SAUDINEWSNET.is_dir(), reason="SaudiNewsNet is not under ../shared/corpora")
def test_dask_engine_matches_local_engine_on_saudinewsnet(client: Any, tmp_path: Path) -> None:
    paths = write_saudinewsnet_slice(tmp_path / "slice", SLICE_ARTICLES, per_file=SLICE_FILE)
    local = storage.open_db(tmp_path / "local.db")
    pipeline.run_paths(local, paths, IngestOptions())
    assert len(_rows(local, MATCHES)) >= 100, "the slice should exercise matching"
    for shards in (1, 2):
        summary = run_dask(client, paths, tmp_path / f"ds{shards}", IngestOptions(), shards=shards,
                           partition_bytes=1)
        assert summary.shards == shards
        db = storage.open_db(tmp_path / f"dask{shards}.db")
        dataset.load_dataset(db, tmp_path / f"ds{shards}")
        _assert_same(db, local)


def test_load_is_idempotent_and_slices(corpus: list[Path], client: Any, tmp_path: Path) -> None:
    run_dask(client, corpus, tmp_path / "ds", IngestOptions(), shards=2)
    db = storage.open_db(tmp_path / "slice.db")
    first = dataset.load_dataset(db, tmp_path / "ds", outlet="paper c")
    assert first.documents == 1 and first.referenced >= 1
    assert {row[1] for row in _rows(db, DOCUMENTS) if row[0] in {r[1] for r in _rows(db, CLAIMS)}}
    before = [_rows(db, sql) for sql in (CLAIMS, MATCHES, CONSISTENCY)]
    dataset.load_dataset(db, tmp_path / "ds", outlet="paper c")
    assert [_rows(db, sql) for sql in (CLAIMS, MATCHES, CONSISTENCY)] == before
    dated = storage.open_db(tmp_path / "dated.db")
    got = dataset.load_dataset(dated, tmp_path / "ds", since="2024-03-05", until="2024-03-06")
    assert got.documents == 3


def test_cli_run_dask_and_load(corpus: list[Path], local_db: Any, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["--db", "cli.db", "run", *map(str, corpus), "--engine", "dask",
                                 "--dataset", "ds", "--json", "--workers", "1"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"] == CORPUS_DOCUMENTS
    assert summary["shards"] == 1  # --workers 1 is one worker, not Dask's default
    result = runner.invoke(app, ["--db", "cli.db", "load", "ds"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"loaded {CORPUS_DOCUMENTS} documents")
    db = storage.open_db(tmp_path / "cli.db")
    _assert_same(db, local_db)


def test_cli_dask_needs_dataset(corpus: list[Path]) -> None:
    result = CliRunner().invoke(app, ["run", str(corpus[0]), "--engine", "dask"])
    assert result.exit_code == 1
    assert "give its directory with --dataset DIR" in result.stderr


def test_load_rejects_a_directory_without_dataset(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "load", str(tmp_path)])
    assert result.exit_code == 1
    assert "not a verify dataset" in result.stderr


def test_worker_loss_mid_run(corpus: list[Path], local_db: Any, tmp_path: Path) -> None:
    """A worker process holding an index shard dies after the shards are built and before
    matching starts: the scheduler rebuilds what it held, and the dataset is complete,
    identical to the local engine's, with no duplicate rows."""
    killed: list[str] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:

        def progress(advance: int, total: int | None, label: str) -> None:
            if label != "match" or killed:
                return
            deadline = time.monotonic() + 60
            holders: set[str] = set()
            while not holders and time.monotonic() < deadline:
                holders = {addr for key, addrs in client.who_has().items()
                           if str(key).startswith("verify-shard-") for addr in addrs}
                time.sleep(0.05)
            assert holders, "no shard built"
            victim = sorted(holders)[0]
            crash = client.submit(os._exit, 1, workers=[victim], allow_other_workers=False, pure=False)
            while victim in client.nthreads() and time.monotonic() < deadline:
                time.sleep(0.05)
            crash.cancel()
            killed.append(victim)

        summary = run_dask(client, corpus, tmp_path / "ds", IngestOptions(),
                           partition_bytes=1, shards=2, progress=progress)
    assert killed, "the worker was never killed"
    rows = list(dataset.iter_rows(tmp_path / "ds", "matches"))
    keys = [(r["claim_id"], r["document_id"], r["start"]) for r in rows]
    assert len(keys) == len(set(keys)) == summary.matches
    claims = [r["id"] for r in dataset.iter_rows(tmp_path / "ds", "claims")]
    assert len(claims) == len(set(claims))
    db = storage.open_db(tmp_path / "lost.db")
    dataset.load_dataset(db, tmp_path / "ds")
    _assert_same(db, local_db)


def test_a_large_parquet_file_is_split_by_row_groups(corpus: list[Path]) -> None:
    [table] = [path for path in corpus if path.suffix == ".parquet"]
    size = table.stat().st_size
    assert partition_inputs([table], target_bytes=size) == [[table]]
    parts = partition_inputs([corpus[0], table], target_bytes=1)
    assert parts == [[corpus[0]], [(str(table), 0, 1)], [(str(table), 1, 2)], [(str(table), 2, 3)]]
    whole = stages.read_inputs([table], IngestOptions()).documents
    pieces = [doc for part in parts[1:] for doc in stages.read_inputs(part, IngestOptions()).documents]
    assert [(d.id, d.source_line) for d in pieces] == [(d.id, d.source_line) for d in whole]
    assert [d.source_line for d in whole] == [1, 2, 3, 4, 5, 6]
