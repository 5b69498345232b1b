"""A generated corpus for crash and concurrency tests: quotations that recur across
documents (so matching finds appearances), some with altered words."""

from __future__ import annotations

import json
import random
import sqlite3
import sys
from pathlib import Path

SPEAKERS = ("المتحدث باسم الوزارة", "وزير الخارجية", "رئيس الوفد", "المبعوث الأممي")
WORDS_AR = (
    "الحكومة", "المدينة", "الاتفاق", "المفاوضات", "الأمن", "المساعدات", "الحدود", "اللاجئين",
    "البرلمان", "الانتخابات", "الاقتصاد", "الشعب", "السلام", "الحرب", "الوفد", "المجلس",
    "نرفض", "ندعم", "نطالب", "سنواصل", "يجب", "لن", "ندعو", "نؤكد", "جديدة", "عاجلة", "كاملة",
)
WORDS_EN = (
    "government", "city", "agreement", "talks", "security", "aid", "border", "refugees",
    "parliament", "elections", "economy", "people", "peace", "war", "delegation", "council",
    "reject", "support", "demand", "continue", "must", "never", "call", "confirm", "new", "urgent",
)
SHARED = (
    "إن الاجتماع كان مثمرا جدا وسنواصل العمل من أجل حل سياسي شامل",
    "لن نقبل بأي شروط مسبقة قبل بدء المفاوضات في جنيف الأسبوع المقبل",
    "الوضع الإنساني في المدينة يزداد سوءا يوما بعد يوم ونحتاج إلى ممرات آمنة",
    "نحن مستعدون للحوار مع جميع الأطراف دون استثناء ومن دون تأخير",
    "the talks were constructive and we will meet again in Geneva next month",
    "we reject any preconditions and call on all parties to respect the ceasefire",
)


def write_corpus(path: Path, docs: int, *, seed: int = 11) -> Path:
    """One JSONL file of ``docs`` documents; returns its path."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(docs):
            parts = []
            for p in range(rng.randint(3, 6)):
                if rng.random() < 0.25:
                    quote = rng.choice(SHARED)
                else:
                    pool = WORDS_EN if rng.random() < 0.3 else WORDS_AR
                    quote = " ".join(rng.choice(pool) for _ in range(rng.randint(8, 14)))
                if rng.random() < 0.3:
                    words = quote.split()
                    words[rng.randrange(len(words))] = str(rng.randint(10, 99))
                    quote = " ".join(words)
                speaker = rng.choice(SPEAKERS)
                if quote.isascii():
                    parts.append(f'The spokesman said: "{quote}". Report {i} paragraph {p}.')
                else:
                    parts.append(f"وقال {speaker} في التقرير {i} إن «{quote}». وأضاف أن الفقرة {p} مهمة.")
            record = {
                "url": f"https://example.test/{i}",
                "outlet": f"outlet{i % 4}",
                "published": f"2024-01-{1 + i % 28:02}T{i % 24:02}:00:00+00:00",
                "text": "\n\n".join(parts),
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def verify_cmd(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "verify", "--db", str(db), *args]


def claim_state(db: Path) -> dict[str, int]:
    """Checks the store is whole and returns its counts.

    Whole: integrity_check is ok; every extracted document has exactly the claims its
    extractions row says; no document without an extractions row has claims; no
    claim or match is stored twice.
    """
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        needed = {"documents", "extractions", "claims", "consistency", "matches", "document_index"}
        if not needed <= tables:
            # Killed before its schema was complete (migrations run one transaction each):
            # nothing can be stored yet.
            stored = [t for t in ("documents", "claims", "matches") if t in tables
                      and conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]]
            assert not stored, f"rows in {stored} before the schema was complete"
            return dict.fromkeys(("documents", "extracted", "claims", "judged", "matches", "indexed"), 0)
        half = conn.execute(
            """
            SELECT e.document_id, e.claims, (SELECT count(*) FROM claims c
                                             WHERE c.document_id = e.document_id)
            FROM extractions e
            WHERE e.claims != (SELECT count(*) FROM claims c WHERE c.document_id = e.document_id)
            """
        ).fetchall()
        assert half == [], f"half-written claim sets: {half[:5]}"
        orphans = conn.execute(
            "SELECT count(*) FROM claims c WHERE NOT EXISTS "
            "(SELECT 1 FROM extractions e WHERE e.document_id = c.document_id)"
        ).fetchone()[0]
        assert orphans == 0, f"{orphans} claims of documents never extracted"
        dup_matches = conn.execute(
            "SELECT count(*) FROM (SELECT claim_id, document_id, start, \"end\", count(*) n "
            "FROM matches GROUP BY 1, 2, 3, 4 HAVING n > 1)"
        ).fetchone()[0]
        assert dup_matches == 0, f"{dup_matches} matches stored twice"
        dup_index = conn.execute(
            "SELECT count(*) FROM (SELECT seq, count(*) n FROM document_index GROUP BY seq HAVING n > 1)"
        ).fetchone()[0]
        assert dup_index == 0, "two indexed documents share an index sequence number"
        bad_consistency = conn.execute(
            "SELECT count(*) FROM consistency k WHERE k.matches != "
            "(SELECT count(*) FROM matches m WHERE m.claim_id = k.claim_id)"
        ).fetchone()[0]
        assert bad_consistency == 0, "consistency rows disagree with their matches"

        def one(sql: str) -> int:
            return int(conn.execute(sql).fetchone()[0])

        return {
            "documents": one("SELECT count(*) FROM documents"),
            "extracted": one("SELECT count(*) FROM extractions"),
            "claims": one("SELECT count(*) FROM claims"),
            "judged": one("SELECT count(*) FROM consistency"),
            "matches": one("SELECT count(*) FROM matches"),
            "indexed": one("SELECT count(*) FROM document_index"),
        }
    finally:
        conn.close()
