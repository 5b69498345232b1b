"""A corpus written for the engine tests (local against Dask), and a SaudiNewsNet slice.

``write_corpus`` mixes every input format (JSONL, a JSON array, a zip of Markdown,
plain text, Parquet when pyarrow is there, else JSONL), a repeated record and a second version of
one publication. Two of its files are a trap for sharded matching: a long quotation
whose halves are common in different files, so that an index shard that ranked the
quotation's word pairs by its own counts would pick other "rarest" pairs than one
index of the whole corpus, and find other partial appearances. Put those two files in
different shards (consecutive partitions do) and only corpus-wide counts give the
local engine's matches.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

QUOTE_AR = "إن الحكومة ستفتح المعابر الحدودية أمام المساعدات الإنسانية خلال الأسبوع المقبل دون أي شروط"
ALTERED_AR = "إن الحكومة لن تفتح المعابر الحدودية أمام المساعدات الإنسانية خلال الشهر المقبل دون أي شروط"
QUOTE_EN = "we will not accept any agreement that ignores the rights of the displaced families in the south"
NUMBER_AR = "إن عدد اللاجئين العائدين بلغ 12 ألف شخص منذ بداية العام الحالي في المنطقة الجنوبية"

#: The two halves of a long quotation (21 and 22 words).
FIRST_HALF = ("إن اللجنة الوطنية للمياه ستبدأ تنفيذ خطة شاملة لإصلاح شبكات الري القديمة في القرى "
              "الزراعية الشمالية بتمويل مشترك من البنك الدولي")
SECOND_HALF = ("على أن تنتهي المرحلة الأولى من المشروع قبل نهاية الصيف المقبل وتشمل تدريب المزارعين "
               "على أساليب حديثة لترشيد استهلاك المياه وحماية التربة")
#: In one file: the second half quoted four times, the first half once. In the other: the
#: whole quotation, and the first half five times. The first file alone ranks the first
#: half's pairs rarest; the whole corpus ranks the second half's.
WATER_X = [("مدير المشروع سعيد الخطيب", SECOND_HALF, "الرياض"),
           ("وزير الزراعة فهد العمري", FIRST_HALF, "جدة"),
           ("المستشار ماجد", SECOND_HALF, "الدمام"),
           ("المستشار نبيل", SECOND_HALF, "تبوك"),
           ("المستشار هشام", SECOND_HALF, "أبها")]
WATER_Y = [("وزير المياه عادل الشمري", f"{FIRST_HALF} {SECOND_HALF}", "الرياض"),
           *[(f"الخبير {name}", FIRST_HALF, city) for name, city in [
               ("رامي", "حائل"), ("زياد", "نجران"), ("طارق", "جازان"), ("وليد", "الباحة"),
               ("كريم", "ينبع")]]]

#: Documents in ``write_corpus``: 11 read from the mixed files (one repeat dropped, one
#: superseded version kept), 11 of the water story.
DOCUMENTS = 22

SAUDINEWSNET = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "saudinewsnet"


def _article_ar(speaker: str, quote: str, lead: str) -> str:
    return (f"{lead} - قال {speaker} في مؤتمر صحفي اليوم {quote}.\n\n"
            f"وأضاف {speaker} أن «الوضع الإنساني في المنطقة يتطلب جهوداً دولية عاجلة ومنسقة».\n")


def _statement(speaker: str, quote: str, lead: str) -> str:
    return f"{lead} - قال {speaker} في بيان رسمي «{quote}».\n"


def _water(rows: list[tuple[str, str, str]], host: str, month: int) -> list[dict[str, Any]]:
    return [{"text": _statement(speaker, quote, city), "source": f"Water {host.upper()}",
             "url": f"https://{host}.example/water/{n}", "date": f"2024-{month:02d}-{n + 1:02d}"}
            for n, (speaker, quote, city) in enumerate(rows)]


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def write_corpus(root: Path) -> list[Path]:
    """Write the corpus under ``root``; returns its files in reading order."""
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
    paths = [_write_jsonl(root / "wire.jsonl", [*records, records[0]])]  # a repeat
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
    # Consecutive files: different shards whenever there are several.
    paths.append(_write_jsonl(root / "water-x.jsonl", _water(WATER_X, "x", 4)))
    paths.append(_write_table(root / "water-y", _water(WATER_Y, "y", 5)))
    return paths


def _write_table(stem: Path, records: list[dict[str, Any]]) -> Path:
    """``stem.parquet`` (row groups of two rows) when pyarrow is installed, else
    ``stem.jsonl``."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return _write_jsonl(stem.with_suffix(".jsonl"), records)
    path = stem.with_suffix(".parquet")
    pq.write_table(pa.Table.from_pylist(records), path, row_group_size=2)
    return path


def saudinewsnet_articles(limit: int) -> Iterator[dict[str, Any]]:
    """The first ``limit`` SaudiNewsNet articles (read from ../shared, never copied)."""
    count = 0
    for path in sorted(SAUDINEWSNET.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                for article in json.loads(archive.read(member)):
                    yield article
                    count += 1
                    if count >= limit:
                        return


def write_saudinewsnet_slice(root: Path, limit: int, *, per_file: int) -> list[Path]:
    """The first ``limit`` articles as JSONL files of ``per_file`` articles under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    articles = list(saudinewsnet_articles(limit))
    return [_write_jsonl(root / f"slice-{start // per_file:04d}.jsonl", articles[start:start + per_file])
            for start in range(0, len(articles), per_file)]
