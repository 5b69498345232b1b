"""The Dask engine gives the local engine's results, also when a worker is lost."""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from distributed import Client, LocalCluster  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from verify import dataset, pipeline, storage  # noqa: E402
from verify.cli import app  # noqa: E402
from verify.dask_engine import run_dask  # noqa: E402
from verify.ingest import IngestOptions  # noqa: E402

pytestmark = pytest.mark.slow

QUOTE_AR = "إن الحكومة ستفتح المعابر الحدودية أمام المساعدات الإنسانية خلال الأسبوع المقبل دون أي شروط"
ALTERED_AR = "إن الحكومة لن تفتح المعابر الحدودية أمام المساعدات الإنسانية خلال الشهر المقبل دون أي شروط"
QUOTE_EN = "we will not accept any agreement that ignores the rights of the displaced families in the south"
NUMBER_AR = "إن عدد اللاجئين العائدين بلغ 12 ألف شخص منذ بداية العام الحالي في المنطقة الجنوبية"


def _article_ar(speaker: str, quote: str, lead: str) -> str:
    return (f"{lead} - قال {speaker} في مؤتمر صحفي اليوم {quote}.\n\n"
            f"وأضاف {speaker} أن «الوضع الإنساني في المنطقة يتطلب جهوداً دولية عاجلة ومنسقة».\n")


def write_corpus(root: Path) -> list[Path]:
    """A small mixed corpus: JSONL, a JSON array, a zip of Markdown and plain text, with
    a repeated record and a second version of one publication."""
    root.mkdir(parents=True, exist_ok=True)
    records = [
        {"text": _article_ar("وزير الخارجية أحمد السالم", f"«{QUOTE_AR[3:]}»", "عمان"),
         "source": "Wire A", "url": "https://a.example/1", "date": "2024-03-01"},
        {"text": _article_ar("وزير الخارجية السالم", f"«{QUOTE_AR[3:]}»", "بيروت"),
         "source": "Paper B", "url": "https://b.example/1", "date": "2024-03-02"},
        {"text": _article_ar("المتحدث باسم الحكومة خالد الراشد", f"«{ALTERED_AR[3:]}»", "دمشق"),
         "source": "Paper C", "url": "https://c.example/1", "date": "2024-03-03"},
        {"text": _article_ar("مدير المفوضية سامي النجار", f"«{NUMBER_AR[3:]}»", "عمان"),
         "source": "Wire A", "url": "https://a.example/2", "date": "2024-03-04"},
    ]
    paths = []
    jsonl = root / "wire.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    jsonl.write_text("\n".join([*lines, lines[0]]) + "\n", encoding="utf-8")  # a repeat
    paths.append(jsonl)
    more = [
        {"text": _article_ar("مدير المفوضية النجار",
                             "«إن عدد اللاجئين العائدين بلغ 15 ألف شخص منذ بداية العام الحالي في المنطقة "
                             "الجنوبية»", "القاهرة"),
         "source": "Paper D", "url": "https://d.example/1", "date": "2024-03-05"},
        {"text": f'GENEVA (Wire A) - The envoy Maria Lopez said: "{QUOTE_EN}." She added that talks '
                 "would resume next month.\n",
         "source": "Wire A", "url": "https://a.example/3", "lang": "en", "date": "2024-03-05"},
        {"text": f'The minister Ahmed Salem told reporters: "{QUOTE_EN}." Officials did not comment.\n',
         "source": "Paper E", "url": "https://e.example/1", "lang": "en", "date": "2024-03-06"},
        # A second version of https://b.example/1: supersedes the first.
        {"text": _article_ar("وزير الخارجية السالم", f"«{QUOTE_AR[3:]}»", "بيروت") + "\nتحديث.\n",
         "source": "Paper B", "url": "https://b.example/1", "date": "2024-03-02"},
    ]
    array = root / "papers.json"
    array.write_text(json.dumps({"articles": more}, ensure_ascii=False), encoding="utf-8")
    paths.append(array)
    archive = root / "desk.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for number, (outlet, speaker, quote) in enumerate([
            ("Paper F", "وزير الخارجية أحمد السالم", QUOTE_AR[3:]),
            ("Paper G", "الوزير السالم", ALTERED_AR[3:]),
        ]):
            front = (f"---\noutlet: {outlet}\nurl: https://f.example/{number}\n"
                     f"published: 2024-03-0{7 + number}\n---\n")
            handle.writestr(f"desk/{number}.md", front + _article_ar(speaker, f"«{quote}»", "الرياض"))
    paths.append(archive)
    plain = root / "note.txt"
    plain.write_text(_article_ar("وزير الخارجية أحمد السالم", f"«{QUOTE_AR[3:]}»", "جدة"), encoding="utf-8")
    paths.append(plain)
    return paths


CLAIMS = 'SELECT id, document_id, kind, start, "end", speaker, via FROM claims ORDER BY id'
MATCHES = ('SELECT claim_id, document_id, start, "end", relation, score, speaker, diff FROM matches '
           'ORDER BY claim_id, document_id, start')
CONSISTENCY = "SELECT claim_id, flags, origin_document_id, matches FROM consistency ORDER BY claim_id"
DOCUMENTS = "SELECT id, outlet, published, supersedes, place, agency FROM documents ORDER BY id"


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
    assert len(_rows(local_db, MATCHES)) >= 6
    assert any(row[3] for row in _rows(local_db, DOCUMENTS))
    relations = {row[4] for row in _rows(local_db, MATCHES)}
    assert "exact" in relations and len(relations) >= 2


def test_dask_engine_matches_local_engine(
    corpus: list[Path], local_db: Any, client: Any, tmp_path: Path
) -> None:
    summary = run_dask(client, corpus, tmp_path / "ds", IngestOptions(), partition_bytes=1, shards=2)
    assert summary.partitions == len(corpus) and summary.shards == 2
    assert summary.repeated == 1 and summary.superseded == 1
    db = storage.open_db(tmp_path / "dask.db")
    loaded = dataset.load_dataset(db, tmp_path / "ds")
    assert loaded.matches == summary.matches
    _assert_same(db, local_db)


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
                                 "--dataset", "ds", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 11
    result = runner.invoke(app, ["--db", "cli.db", "load", "ds"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("loaded 11 documents")
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
