"""One document through extraction: language, segments, marks, cues, claims."""

from __future__ import annotations

import re
from collections.abc import Callable

from verify.models import Claim, Extraction

from . import lexicon_ar as lex_ar
from . import lexicon_en as lex_en
from .attribution import TermHints, build_claims
from .cues import Cue
from .cues_ar import find_cues_ar
from .cues_en import find_cues_en
from .dateline import find_dateline
from .keys import fold_ar, fold_en, strip_al, words
from .marks import QuoteSpan, find_quote_spans, split_paragraphs
from .segment import Sentence, Tok, segment
from .statements import StatementHints, find_statements

__all__ = ["run_extraction"]

_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_SAMPLE = 4_000
_DETECT_SAMPLE = 1_500  # enough letters to tell Arabic from English

# (but not after the writer's own formula: يذكر أن، يشار إلى أن، والجدير بالذكر أن)
_EDITORIAL_BEFORE = "".join(f"(?<!{re.escape(w)} )" for w in (
    "يذكر", "يُذكر", "يشار إلى", "يشار الى", "يُشار إلى", "بالذكر"))
_LOST_OPEN_AR = re.compile(
    r"(?:(?<=\s)|^)" + _EDITORIAL_BEFORE + r"[وف]?(?:"
    + "|".join(map(re.escape, lex_ar.LOST_OPEN_WORDS)) + r"|(?P<pronoun>"
    + "|".join(map(re.escape, lex_ar.LOST_OPEN_PRONOUN_WORDS)) + r"))(?=\s)|:")
_LOST_OPEN_EN = re.compile(r":")
# «... 1433، مشيراً إلى أن ...: a reporting participle after a comma ends an unclosed quote
# ... and so does the writer's own formula (يذكر أن، يشار إلى أن)
_LOST_CLOSE_AR = re.compile(
    r"[،,]\s*و?(?:" + "|".join(sorted(map(re.escape, lex_ar.PARTICIPLE_STEMS), key=len,
                                      reverse=True)) + r")(?:اً|ًا|ا|ة|ين)(?=\s)"
    r"|(?:(?<=\s)|^)و?(?:يذكر|يُذكر|يشار إلى|يشار الى|يُشار إلى|الجدير بالذكر) [أا]ن(?=\s)")


_SPEECH_WORD_KEYS = frozenset(lex_ar.VERB_KEYS) | frozenset(fold_ar(w) for w in lex_ar.LOST_OPEN_WORDS)


def _ar_speech_word(word: str) -> bool:
    """A reporting verb or إن / قوله: a mark glued to its end may open a quotation."""
    return fold_ar(word) in _SPEECH_WORD_KEYS


def _normalizer() -> Callable[[str], str]:
    try:
        from verify.text.normalize import normalize_text
    except ImportError:  # the normalisation module is not there yet
        def normalize_text(text: str) -> str:
            return " ".join(fold_ar(text).split())
    return normalize_text


def detect_lang(text: str) -> str | None:
    """"ar" or "en" for a text, None when it has no letters."""
    try:
        from verify.text.lang import detect_language
        found = detect_language(text[:_DETECT_SAMPLE])
    except ImportError:
        found = None
    if found in ("ar", "en"):
        return str(found)
    sample = text[:_SAMPLE]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    if arabic == latin == 0:
        return None
    return "ar" if arabic >= latin else "en"


# ---- language profiles -------------------------------------------------------------------

def _ar_frame(key: str) -> str:
    """A word key without a leading و/ف and article (والبرنامج -> برنامج)."""
    if key.startswith(("و", "ف")) and len(key) > 3:
        key = key[1:]
    return strip_al(key)


def _ar_is_label(text: str) -> bool:
    first = fold_ar(text.split()[0]) if text.split() else ""
    if first.startswith(("و", "ب", "ل", "ف")) and first[1:].startswith("ال"):
        first = first[1:]
    return (first.startswith("ال") or first in lex_ar.GROUP_NAME_KEYS
            or fold_ar(text) in lex_ar.GROUP_NAME_KEYS or bool(_LATIN_LETTER.search(text)))


_LIST_SPLIT = re.compile("[،,]")
_NAME_WORDS_AR = frozenset({"علي", "عليّ"})  # as written with ي, not the preposition على
_MIN_LIST_ITEMS = 3
_MAX_ITEM_WORDS = 5
_MAX_MEAN_ITEM_WORDS = 3


def _ar_is_list(text: str) -> bool:
    """Three or more short comma-separated items with no function word or sentence
    punctuation (الحي الأول، سوق الخضار، باب المدينة): names listed, not speech
    (which has its particles and pronouns: نحن هنا، ولن نرحل)."""
    items = [item.split() for item in _LIST_SPLIT.split(text)]
    if len(items) < _MIN_LIST_ITEMS or any(not 0 < len(i) <= _MAX_ITEM_WORDS for i in items):
        return False
    if sum(map(len, items)) > _MAX_MEAN_ITEM_WORDS * len(items):
        return False
    for item in items:
        for position, word in enumerate(item):
            key = fold_ar(word)
            if position == 0 and len(item) > 1 and word.removeprefix("و") in _NAME_WORDS_AR:
                continue  # وعلي هزازي: the name علي, which folds onto the preposition على
            if not word.isalpha() or key in lex_ar.FUNCTION_KEYS or (
                    key[:1] in "وف" and key[1:] in lex_ar.FUNCTION_KEYS):
                return False
    return True


_UNIT_KEYS = frozenset(fold_ar(w) for w in words(
    "كيلو كيلوغرام كيلوجرام جرام جراما جرامات غرام غراما غرامات لتر لترا ملم سم مليمتر "
    "سنتيمتر ميل أميال قدم أقدام رطل أطنان براميل"))
_QUANTITY_ENDINGS = tuple(fold_ar(w) for w in ("مائة", "مئة", "مائتين", "مئتين", "عشر", "عشرة"))


def _ar_is_quantity(text: str) -> bool:
    """A quantity written out in words (كيلو وواحد وسبعين جراماً ونصف الجرام): three
    words or more, most of them numbers or units."""
    found = [w for w in text.replace("،", " ").split() if any(c.isalpha() or c.isdigit() for c in w)]
    if len(found) < 3:
        return False
    numeric = 0
    allowed = 0.4 * len(found)  # words that are neither numbers nor units
    for index, word in enumerate(found):
        if index - numeric > allowed:
            return False  # too many words already that are no number
        key = fold_ar(word.rstrip(".,"))
        for candidate in (key, key[1:] if key[:1] == "و" and len(key) > 3 else key):
            bare = strip_al(candidate).rstrip("ا")
            if (candidate in lex_ar.NUMBER_KEYS or strip_al(candidate) in lex_ar.NUMBER_KEYS
                    or bare in _UNIT_KEYS or strip_al(candidate) in _UNIT_KEYS
                    or candidate.endswith(_QUANTITY_ENDINGS) or candidate.isdigit()):
                numeric += 1
                break
    return numeric >= 0.6 * len(found)


def _ar_is_model_name(text: str) -> bool:
    """A name spelled with Latin letters and numbers (مرسيدس - بينز جي إل سي كلاس، إل تي
    إي 4 جي، معالج 1.2 غيغاهرتز 410): two letter names or numbers, and no function word."""
    letters = digits = 0
    for word in text.split():
        key = fold_ar(word)
        if key in lex_ar.LETTER_NAME_KEYS:
            letters += 1
        elif any(c.isdigit() for c in word):
            digits += 1
        elif key in lex_ar.FUNCTION_KEYS or (key[:1] in "وف" and key[1:] in lex_ar.FUNCTION_KEYS):
            return False
    return letters >= 2 or letters >= 1 and digits >= 1 or digits >= 2


_AR_NAMED = frozenset({*lex_ar.TITLE_KEYS, *lex_ar.INSTITUTION_KEYS, *lex_ar.PLACE_KEYS,
                       *lex_ar.HONORIFIC_KEYS}
                      | {"ال" + k for k in lex_ar.TITLE_KEYS | lex_ar.INSTITUTION_KEYS})


def _ar_is_named(tok: Tok, position: int) -> bool:
    return tok.key in _AR_NAMED


def _en_is_label(text: str) -> bool:
    words = text.split()
    return bool(words) and len(words) <= 4 and words[0][:1].isupper()


def _en_is_named(tok: Tok, position: int) -> bool:
    return position > 0 and tok.text[:1].isupper() and tok.key not in lex_en.NON_NAME_KEYS


_AR_TERMS = TermHints(lex_ar.NAMING_FRAME_KEYS | lex_ar.INSTITUTION_KEYS, _ar_frame, _ar_is_label,
                      fold_ar, min_reported_words=2, is_list=_ar_is_list,
                      subject_frames=lex_ar.PRONOUN_COMPLEMENTIZER_KEYS,
                      is_name=_ar_is_model_name, clause_openers=lex_ar.COMPLEMENTIZER_KEYS,
                      thus=lex_ar.THUS_KEYS | lex_ar.WITH_THESE_KEYS | lex_ar.WORDS_NOUN_KEYS,
                      is_quantity=_ar_is_quantity)
_EN_TERMS = TermHints(lex_en.NAMING_FRAME_KEYS, str.lower, _en_is_label, fold_en,
                      min_reported_words=3, clause_openers=frozenset({"that"}))
_AR_STATEMENTS = StatementHints(lex_ar.NUMBER_KEYS, lex_ar.DATE_KEYS, lex_ar.EVENT_KEYS,
                                lex_ar.OPINION_KEYS, _ar_is_named)
_EN_STATEMENTS = StatementHints(lex_en.NUMBER_KEYS, lex_en.DATE_KEYS, lex_en.EVENT_KEYS,
                                lex_en.OPINION_KEYS, _en_is_named)


def _outer_ranges(spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for span in spans:  # sorted by start
        if ranges and span.outer_start < ranges[-1][1]:
            if span.outer_end > ranges[-1][1]:
                ranges[-1] = (ranges[-1][0], span.outer_end)
            continue
        ranges.append((span.outer_start, span.outer_end))
    return ranges


#: Quotations nested deeper than this (0 is the outermost) are not claims of their own.
MAX_QUOTE_DEPTH = 3


def run_extraction(text: str, lang: str | None, model: str | None) -> Extraction:
    """Extract claims and the dateline of one text (see ``verify.extract.extract``)."""
    language = lang if lang in ("ar", "en") else detect_lang(text)
    if language is None and lang:
        language = "ar" if lang.startswith("ar") else "en"
    paragraphs = split_paragraphs(text)
    if language is None or not paragraphs:
        return Extraction(claims=(), dateline=None, lang=language)
    normalize = _normalizer()
    arabic = language == "ar"
    spans = find_quote_spans(text, paragraphs=paragraphs,
                             lost_open_cue=_LOST_OPEN_AR if arabic else _LOST_OPEN_EN,
                             lost_close_cue=_LOST_CLOSE_AR if arabic else None,
                             speech_word=_ar_speech_word if arabic else None)
    # Real text nests a quotation two deep at most; deeper spans would each repeat the
    # words of all those inside them, making the claims' total size grow with the square.
    spans = [span for span in spans if span.depth <= MAX_QUOTE_DEPTH]
    sentences: list[Sentence] = segment(text, language, model)
    quoted = _outer_ranges(spans)
    cues: list[Cue] = (find_cues_ar(text, sentences, quoted) if arabic
                       else find_cues_en(text, sentences, quoted))
    claims: list[Claim] = build_claims(text, sentences, spans, cues,
                                       _AR_TERMS if arabic else _EN_TERMS, normalize)
    dateline = find_dateline(text, paragraphs)
    skip = {c.sentence for c in cues if c.kind != "mention"}
    stamp = None
    if dateline is not None:
        stamp = (dateline.start, dateline.end)
        skip |= {s.index for s in sentences
                 if dateline.start <= s.start and s.end <= dateline.end + 2}
    claims += find_statements(text, sentences, skip=skip, quoted=quoted,
                              hints=_AR_STATEMENTS if arabic else _EN_STATEMENTS,
                              normalize=normalize, stamp=stamp)
    claims.sort(key=lambda c: (c.start, str(c.kind), c.end))
    return Extraction(claims=tuple(claims), dateline=dateline, lang=language)
