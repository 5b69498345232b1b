"""A small claims store built through the storage functions, for report, view and export
tests. It does not depend on the extractor or the matcher: claims and matches are given."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from verify import storage
from verify.models import Claim, ClaimKind, Dateline, Document, Match, Relation, WordDiff

FIXED_UTC = "2026-01-02T03:04:05+00:00"
EXTRACTOR = "test-rules/1"
MATCHER = "test-matcher/1"

SANA = "5a4a000000000001"
GULF = "9c1f000000000002"
LEVANT = "3e7b000000000003"
ENGLISH = "c0de000000000004"

SANA_TEXT = (
    "ونقلت نوفوستي عن بورودافكين قوله إن «كل ما قاله حظي بتأييد ودعم ممثلي الدول الأعضاء "
    "في مجلس الأمن» مشيرا إلى أن الحوار سيركز على موضوعين.\n"
    "وقال دي ميستورا «هناك الكثير من العمل الجيد في اجتماعات أستانا» ووصف المناطق بأنها "
    "“مؤقتة”.\n"
    "جنيف- سانا"
)
GULF_TEXT = (
    "نقلت وكالة نوفوستي عن المندوب الروسي بورودافكين قوله إن «كل ما قاله حظي بتاييد ودعم "
    "ممثلي الدول الاعضاء في مجلس الامن»."
)
LEVANT_TEXT = "وقال دي ميستورا إن «هناك القليل من العمل الجيد في اجتماعات أستانا»."
ENGLISH_TEXT = (
    'GENEVA (SANA) - "We do not expect breakthroughs | but we *want* progress," '
    "de Mistura told reporters."
)


def _document(doc_id: str, text: str, **meta: Any) -> Document:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(id=doc_id, text=text, content_hash=f"sha256:{digest}", **meta)


def _claim(text: str, words: str, kind: ClaimKind = ClaimKind.QUOTE, **fields: Any) -> Claim:
    start = text.index(words)
    return Claim(kind=kind, start=start, end=start + len(words), text=words,
                 normalized=words, **fields)


def build_sample_store(path: Path, monkeypatch: Any) -> Any:
    """A database with four documents, their claims and two matched quotations."""
    monkeypatch.setattr(storage, "utc_now", lambda: FIXED_UTC)
    db = storage.open_db(path)
    docs = [
        _document(SANA, SANA_TEXT, title="دي ميستورا يلتقي وفد الجمهورية", outlet="SANA",
                  lang="ar", source_path="seeds/sana.txt"),
        _document(GULF, GULF_TEXT, title="موسكو: تأييد لخطط المبعوث", outlet="Gulf Daily (demo)",
                  url="https://gulf-daily.example/2017/07/10/geneva", published="2017-07-10T18:20:00+00:00",
                  lang="ar", author="قسم الأخبار", source_path="sources/gulf.md"),
        _document(LEVANT, LEVANT_TEXT, title="المبعوث الأممي: القليل من العمل الجيد",
                  outlet="Levant Post (demo)", url="https://levant-post.example/news/envoy",
                  published="2017-07-11T08:05:00+00:00", lang="ar", source_path="sources/levant.md"),
        _document(ENGLISH, ENGLISH_TEXT, title="De Mistura: no breakthroughs expected",
                  outlet="SANA English (demo)", url="https://sana-en.example/2017/07/10/round?a=1&b=(2)",
                  published="2017-07-10T20:00:00+00:00", lang="en", source_path="sources/en.md"),
    ]
    storage.save_documents(db, docs, run_id=None)

    borodavkin = _claim(SANA_TEXT, "كل ما قاله حظي بتأييد ودعم ممثلي الدول الأعضاء في مجلس الأمن",
                        speaker="أليكسي بورودافكين", speaker_mention="بورودافكين", cue="قوله",
                        via="نوفوستي", sentence=0, paragraph=0)
    envoy = _claim(SANA_TEXT, "هناك الكثير من العمل الجيد في اجتماعات أستانا",
                   speaker="ستافان دي ميستورا", speaker_mention="دي ميستورا", cue="قال",
                   sentence=2, paragraph=1)
    term = _claim(SANA_TEXT, "مؤقتة", ClaimKind.TERM, speaker="ستافان دي ميستورا", cue="ووصف",
                  sentence=2, paragraph=1)
    reported = _claim(SANA_TEXT, "الحوار سيركز على موضوعين", ClaimKind.REPORTED,
                      speaker="أليكسي بورودافكين", cue="مشيرا إلى أن", sentence=1, paragraph=0,
                      flags=("speaker_inferred",))
    storage.save_extraction(db, SANA, [borodavkin, envoy, term, reported],
                            Dateline("جنيف", "سانا", len(SANA_TEXT) - 10, len(SANA_TEXT)),
                            extractor=EXTRACTOR, run_id=None)

    gulf = _claim(GULF_TEXT, "كل ما قاله حظي بتاييد ودعم ممثلي الدول الاعضاء في مجلس الامن",
                  speaker="أليكسي بورودافكين", speaker_mention="المندوب الروسي بورودافكين",
                  cue="قوله", via="وكالة نوفوستي")
    storage.save_extraction(db, GULF, [gulf], None, extractor=EXTRACTOR, run_id=None)
    levant = _claim(LEVANT_TEXT, "هناك القليل من العمل الجيد في اجتماعات أستانا",
                    speaker="ستافان دي ميستورا", speaker_mention="دي ميستورا", cue="قال")
    storage.save_extraction(db, LEVANT, [levant], None, extractor=EXTRACTOR, run_id=None)
    english = _claim(ENGLISH_TEXT, "We do not expect breakthroughs | but we *want* progress,",
                     speaker="Staffan de Mistura", cue="told")
    storage.save_extraction(db, ENGLISH, [english], Dateline("GENEVA", "SANA", 0, 13),
                            extractor=EXTRACTOR, run_id=None)

    def found(doc_id: str, text: str, words: str, **fields: Any) -> Match:
        start = text.index(words)
        return Match(document_id=doc_id, start=start, end=start + len(words), text=words, **fields)

    results = [
        storage.ClaimMatches(
            storage.claim_id(SANA, borodavkin),
            (found(GULF, GULF_TEXT, gulf.text, score=100.0, relation=Relation.NORMALIZED,
                   speaker="أليكسي بورودافكين"),),
            ("corroborated",), GULF, True,
        ),
        storage.ClaimMatches(
            storage.claim_id(SANA, envoy),
            (found(LEVANT, LEVANT_TEXT, levant.text, score=88.9, relation=Relation.ALTERED,
                   diff=(WordDiff("replace", "الكثير", "القليل", "content"),),
                   speaker="ستافان دي ميستورا"),),
            ("altered_elsewhere",), SANA, True,
        ),
        storage.ClaimMatches(storage.claim_id(SANA, reported), (), ("uncorroborated",), None, True),
        storage.ClaimMatches(storage.claim_id(ENGLISH, english), (), ("single_source",), None, True),
    ]
    storage.save_claim_matches(db, results, matcher=MATCHER, seq=1, run_id=None)
    return db
