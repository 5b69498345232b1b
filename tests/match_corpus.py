"""Documents written for the matching tests: one wire quotation carried, changed and
misattributed by other outlets, in Arabic and in English, and unrelated stories."""

from __future__ import annotations

import json
from pathlib import Path

from verify import pipeline, storage
from verify.ingest import IngestOptions
from verify.models import Claim, ClaimKind
from verify.text.normalize import normalize_text

QUOTE_AR = "إن الجولة المقبلة من المحادثات ستبدأ في العاشر من الشهر المقبل بمشاركة 15 وفدا"
SPEAKER_AR = "ستافان دي ميستورا"

#: name -> (outlet, published, text, quoted words or None, speaker there)
DOCUMENTS: dict[str, tuple[str, str, str, str | None, str | None]] = {
    "origin": (
        "sana", "2017-07-10",
        "جنيف- سانا\n\nوقال المبعوث الأممي ستافان دي ميستورا للصحفيين في جنيف: «" + QUOTE_AR
        + "». وأضاف أن الأطراف أبدت استعدادها.",
        QUOTE_AR, SPEAKER_AR,
    ),
    "verbatim": (
        "alhayat", "2017-07-11",
        "أعلن دي ميستورا أمس أن \"" + QUOTE_AR + "\"، بحسب ما نقلت الوكالة.",
        QUOTE_AR, "دي ميستورا",
    ),
    "letters": (
        "okaz", "2017-07-11",
        "قال ستيفان دي مستورا: «إنّ الجولةَ المقبلةَ مِن المحادثاتِ ستبدأُ في العاشرِ مِن الشهرِ "
        "المقبلِ بمشاركةِ ١٥ وفداً» ثم غادر.",
        "إنّ الجولةَ المقبلةَ مِن المحادثاتِ ستبدأُ في العاشرِ مِن الشهرِ المقبلِ بمشاركةِ ١٥ وفداً",
        "ستيفان دي مستورا",
    ),
    "variant": (
        "alyaum", "2017-07-12",
        "وأكد المبعوث: «إن الجولة المقبلة من المحادثات ستبدأ أيضا في العاشر من الشهر المقبل "
        "بمشاركة 15 وفدا».",
        "إن الجولة المقبلة من المحادثات ستبدأ أيضا في العاشر من الشهر المقبل بمشاركة 15 وفدا",
        None,
    ),
    "word": (
        "alriyadh", "2017-07-12",
        "ونقلت الصحيفة عنه: «إن الجولة المقبلة من المحادثات ستنطلق في العاشر من الشهر المقبل "
        "بمشاركة 15 وفدا».",
        "إن الجولة المقبلة من المحادثات ستنطلق في العاشر من الشهر المقبل بمشاركة 15 وفدا",
        None,
    ),
    "number": (
        "alwatan", "2017-07-12",
        "وقال المبعوث الأممي: «إن الجولة المقبلة من المحادثات ستبدأ في العاشر من الشهر المقبل "
        "بمشاركة 20 وفدا».",
        "إن الجولة المقبلة من المحادثات ستبدأ في العاشر من الشهر المقبل بمشاركة 20 وفدا",
        None,
    ),
    "negation": (
        "sabq", "2017-07-12",
        "وقال المبعوث: «إن الجولة المقبلة من المحادثات لن تبدأ في العاشر من الشهر المقبل "
        "بمشاركة 15 وفدا».",
        "إن الجولة المقبلة من المحادثات لن تبدأ في العاشر من الشهر المقبل بمشاركة 15 وفدا",
        None,
    ),
    "truncated": (
        "aawsat", "2017-07-12",
        "وقال دي ميستورا: «إن الجولة المقبلة من المحادثات ستبدأ في العاشر». وتابع حديثه عن "
        "الوضع الإنساني في حلب وحمص.",
        "إن الجولة المقبلة من المحادثات ستبدأ في العاشر",
        "دي ميستورا",
    ),
    "other_speaker": (
        "rt", "2017-07-13",
        "وقال وزير الخارجية الروسي سيرغي لافروف: «" + QUOTE_AR + "».",
        QUOTE_AR, "سيرغي لافروف",
    ),
    "unrelated": (
        "alriyadh", "2017-07-12",
        "ارتفعت أسعار النفط اليوم في الأسواق العالمية بعد تراجع المخزونات الأمريكية، وقال "
        "محللون إن الجولة المقبلة من الارتفاع قد تتأخر حتى الشهر المقبل.",
        None, None,
    ),
}

QUOTE_EN = "the ceasefire will hold until the end of the month and 300 observers will stay"
DOCUMENTS_EN: dict[str, tuple[str, str, str, str | None, str | None]] = {
    "en_origin": (
        "reuters", "2017-07-10",
        "GENEVA (Reuters) - \"The ceasefire will hold until the end of the month and 300 "
        "observers will stay,\" UN envoy Staffan de Mistura told reporters.",
        "The ceasefire will hold until the end of the month and 300 observers will stay",
        "Staffan de Mistura",
    ),
    "en_negation": (
        "ap", "2017-07-11",
        "De Mistura said: \"The ceasefire will not hold until the end of the month and 300 "
        "observers will stay.\"",
        "The ceasefire will not hold until the end of the month and 300 observers will stay",
        "de Mistura",
    ),
    "en_number": (
        "afp", "2017-07-11",
        "\"The ceasefire will hold until the end of the month and 200 observers will stay,\" "
        "said Stefan de Mistura.",
        "The ceasefire will hold until the end of the month and 200 observers will stay",
        "Stefan de Mistura",
    ),
    "en_unrelated": (
        "bbc", "2017-07-11",
        "The football season will start at the end of the month, the league said on Monday.",
        None, None,
    ),
}


def build_db(path: Path, tmp: Path, names: list[str]) -> dict[str, str]:
    """Ingest the named documents with their claims; returns name -> document id."""
    every = {**DOCUMENTS, **DOCUMENTS_EN}
    feed = tmp / f"feed-{len(list(tmp.glob('feed-*')))}.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for name in names:
            outlet, published, text, _, _ = every[name]
            record = {"text": text, "url": f"https://example.test/{name}", "outlet": outlet,
                      "published": published}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = storage.open_db(path)
    pipeline.ingest_paths(db, [feed], IngestOptions())
    ids = {row["url"].rsplit("/", 1)[1]: row["id"] for row in storage.list_documents(db)}
    for name in names:
        _, _, text, quote, speaker = every[name]
        claims = [quote_claim(text, quote, speaker)] if quote else []
        storage.save_extraction(db, ids[name], claims, None, extractor="test", run_id=None)
    db.close()
    return {name: ids[name] for name in names}


def quote_claim(text: str, quote: str, speaker: str | None) -> Claim:
    start = text.index(quote)
    return Claim(
        kind=ClaimKind.QUOTE, start=start, end=start + len(quote), text=quote,
        normalized=normalize_text(quote), speaker=speaker,
    )
