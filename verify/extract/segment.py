"""Paragraphs, sentences and tokens from spaCy's blank tokenizer and sentencizer.

Pipelines are built once per (language, model) and cached. Nothing is downloaded:
a named model is used only when it is installed, otherwise the blank pipeline is.

With the blank pipeline (a tokenizer and spaCy's rule-based Sentencizer) spaCy itself
is only asked for the tokens: the Sentencizer's rule is applied here, on the way
through the tokens, which gives the same sentences without the Sentencizer's Token
objects. That tokenizer runs on a vocabulary that computes only the two lexeme flags
read here, and caches the tokens of many more distinct words than spaCy's default.
A trained pipeline (parser or senter) still runs whole through ``nlp.pipe``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from verify.text.hazards import BIDI_CHARS, ZERO_WIDTH_CHARS

from .keys import fold_ar, fold_en
from .marks import split_paragraphs

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Sentence", "Tok", "abbreviation_stop", "load_pipeline", "segment"]

_MARK_CHARS = "«»“”„‟〝〞″\"＂‹›‘’"
_FAST_ATTRS = ["IDX", "LENGTH", "IS_SPACE", "IS_PUNCT"]
_CHUNK = 100_000  # longest piece of one paragraph handed to spaCy at once
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Invisible format characters (the bidi controls and zero-width characters the hazard
# flags name) glued to a word (للمعارض \u200fوالمؤتمرات): left out of the token, so the
# word is a word to every test that reads its letters.
_INVISIBLE = "".join(sorted(BIDI_CHARS | ZERO_WIDTH_CHARS))
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_KEY_CACHE = 200_000  # folded keys of the words seen recently, per language
_KEYS: dict[str, dict[str, str]] = {}


def _visible(start: int, word: str) -> tuple[int, str]:
    """The token without the invisible characters at its edges (its text may be empty)."""
    bare = word.lstrip(_INVISIBLE)
    return start + len(word) - len(bare), bare.rstrip(_INVISIBLE)


# Distinct whitespace-delimited strings whose tokens the fast tokenizer remembers (the
# first ones seen; spaCy never evicts). Its default, 10,000, fills within a few hundred
# news articles, after which every other word goes through the affix patterns again.
# SaudiNewsNet holds about 520,000 distinct strings; an entry costs about 230 bytes
# (cymem bookkeeping), so 100,000 (~22 MB) keeps most of the gain: segmenting half the
# corpus took 48 CPU s with 10,000, 34 s with 100,000 and 31 s with 1,000,000 (+80 MB).
_TOKENIZER_CACHE = 100_000


class Tok:
    """One token: offsets into the document, its text and its lexicon key."""

    __slots__ = ("start", "end", "text", "key", "named")

    def __init__(self, start: int, end: int, text: str, key: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = key
        self.named: bool | None = None  # name_like's answer, once asked

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.text!r})"


@dataclass(slots=True)
class Sentence:
    """A sentence: its offsets, paragraph, and tokens (spaces left out)."""

    index: int
    paragraph: int
    start: int
    end: int
    tokens: list[Tok] = field(default_factory=list)


def _escape_class(chars: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


@lru_cache(maxsize=8)
def load_pipeline(lang: str, model: str | None = None) -> Language:
    """The cached spaCy pipeline for ``lang`` ("ar" or "en").

    Quotation marks always split from the words they are glued to, and a full stop
    after an Arabic word or a mark ends it. ``model`` names an installed trained
    pipeline to use instead of the blank one; it is never downloaded.
    """
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = None
    if model:
        try:
            if spacy.util.is_package(model):
                nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        except (OSError, ValueError, ImportError):
            nlp = None
    if nlp is None:
        nlp = spacy.blank(lang if lang in ("ar", "en") else "xx")
    marks = _MARK_CHARS if lang == "ar" else _MARK_CHARS.replace("’", "")
    mark_class = f"[{_escape_class(marks)}]"
    prefixes = [*(nlp.Defaults.prefixes or []), mark_class]
    suffixes = [*(nlp.Defaults.suffixes or []), mark_class]
    infixes = [*(nlp.Defaults.infixes or []), mark_class]
    if lang == "ar":
        # (and after a closing bracket or a digit: «(السبت).»، «عام 2013.» end sentences)
        suffixes += [r"(?<=[\u0600-\u06ff\u0750-\u077f0-9)\]" + _escape_class(_MARK_CHARS) + r"])\."]
        infixes += [r"(?<=[\u0600-\u06ff])[.:،؛](?=[\u0600-\u06ff])",
                    # وتعالى:««: a colon between a word and the marks it opens
                    r"(?<=[\u0600-\u06ff])[:：](?=" + mark_class + ")"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if lang == "ar" and tokenizer.url_match is not None:
        # two Arabic words glued by a full stop (الشرطة.وقال) look like a domain name to
        # spaCy's URL pattern and would stay one token, hiding a sentence end and a verb
        tokenizer.url_match = _latin_only(tokenizer.url_match)
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("sentencizer")
    nlp.max_length = 2 * _CHUNK
    return nlp


_ARABIC_RE = re.compile("[\u0600-\u06ff]")


def _latin_only(match: Any) -> Any:
    """A URL matcher that never matches a string holding Arabic letters."""
    def url_match(string: str) -> Any:
        return None if _ARABIC_RE.search(string) else match(string)
    return url_match


def _chunks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Cut an over-long paragraph at spaces into pieces spaCy handles comfortably."""
    pieces = []
    while hi - lo > _CHUNK:
        cut = text.rfind(" ", lo + _CHUNK // 2, lo + _CHUNK)
        if cut <= lo:
            cut = lo + _CHUNK
        pieces.append((lo, cut))
        lo = cut
    pieces.append((lo, hi))
    return pieces


@lru_cache(maxsize=8)
def _fast_path(lang: str, model: str | None = None) -> tuple[Any, frozenset[str]] | None:
    """A tokenizer and the Sentencizer's sentence-final characters when the pipeline
    for (lang, model) is just a tokenizer and spaCy's Sentencizer; otherwise None.

    The tokenizer is a copy of the pipeline's (same special cases, affix patterns and
    URL matcher) on a vocabulary of its own that computes only IS_PUNCT and IS_SPACE,
    with exactly spaCy's functions: new words no longer pay for twenty other lexeme
    attributes nobody here reads. Tokens do not depend on the vocabulary nor on the
    cache, only on the text and those rules.
    """
    from spacy.attrs import IS_PUNCT, IS_SPACE
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    nlp = load_pipeline(lang, model)
    if nlp.pipe_names != ["sentencizer"] or type(nlp.tokenizer) is not Tokenizer:
        return None
    sentencizer: Any = nlp.get_pipe("sentencizer")
    getters = nlp.vocab.lex_attr_getters
    if IS_PUNCT not in getters or IS_SPACE not in getters:
        return None
    source: Any = nlp.tokenizer
    tokenizer: Any = Tokenizer(
        Vocab(lex_attr_getters={IS_PUNCT: getters[IS_PUNCT], IS_SPACE: getters[IS_SPACE]}),
        rules=source.rules, prefix_search=source.prefix_search,
        suffix_search=source.suffix_search, infix_finditer=source.infix_finditer,
        token_match=source.token_match, url_match=source.url_match,
        faster_heuristics=source.faster_heuristics, max_cache_size=_TOKENIZER_CACHE)
    return tokenizer, frozenset(sentencizer.punct_chars)


def segment(text: str, lang: str, model: str | None = None) -> list[Sentence]:
    """Split ``text`` into sentences (never across a line break) with their tokens."""
    nlp = load_pipeline(lang, model)
    fast = _fast_path(lang, model)
    fold = fold_ar if lang == "ar" else fold_en
    cache = _KEYS.setdefault(lang, {})
    if len(cache) > _KEY_CACHE:
        cache.clear()
    safe = _SURROGATE_RE.sub("\ufffd", text) if _SURROGATE_RE.search(text) else text
    invisible = _INVISIBLE_RE.search(text) is not None
    pieces: list[tuple[int, int, int]] = []
    for number, (lo, hi) in enumerate(split_paragraphs(text)):
        for a, b in _chunks(text, lo, hi):
            pieces.append((number, a, b))
    if fast is None:
        return _segment_pipeline(nlp, text, safe, pieces, fold, cache, invisible)
    tokenizer, ends = fast
    sentences: list[Sentence] = []
    for paragraph, base, stop in pieces:
        doc = tokenizer(safe[base:stop])
        if not len(doc):
            continue
        # plain arrays instead of Token objects: several times cheaper per token
        rows = doc.to_array(_FAST_ATTRS).tolist()
        merge = False
        current: list[Tok] = []
        # spaCy's Sentencizer: after a sentence-final character, the first token that
        # is neither punctuation nor another sentence-final character (a space token
        # included) starts a sentence.
        seen_end = False
        for idx, length, space, punct in rows:
            start = base + idx
            word = text[start:start + length]
            if word in ends:
                seen_end = True
            elif seen_end and not punct:
                seen_end = False
                if current:
                    merge = _close(sentences, current, paragraph, merge)
                    current = []
            if space:
                continue
            if invisible and (word[0] in _INVISIBLE or word[-1] in _INVISIBLE):
                start, word = _visible(start, word)
                if not word:
                    continue
                length = len(word)
            key = cache.get(word)
            if key is None:
                key = cache[word] = fold(word)
            current.append(Tok(start, start + length, word, key))
        if current:
            _close(sentences, current, paragraph, merge)
    return sentences


def _segment_pipeline(nlp: Language, text: str, safe: str, pieces: list[tuple[int, int, int]],
                      fold: Any, cache: dict[str, str], invisible: bool) -> list[Sentence]:
    """``segment`` through the whole pipeline, reading the sentence starts it sets.

    Its token loop repeats the fast path's on purpose: one shared loop fed by a
    generator made segmentation 31% slower (measured on 6,000 corpus articles)."""
    sentences: list[Sentence] = []
    docs = nlp.pipe(safe[a:b] for _, a, b in pieces)
    for (paragraph, base, _), doc in zip(pieces, docs, strict=True):
        merge = False
        # plain arrays instead of Token objects: several times cheaper per token
        rows = doc.to_array(["IDX", "LENGTH", "IS_SPACE", "SENT_START"]).tolist() if len(doc) else []
        current: list[Tok] = []
        for idx, length, space, sent_start in rows:
            if sent_start == 1 and current:
                merge = _close(sentences, current, paragraph, merge)
                current = []
            if space:
                continue
            start = base + idx
            word = text[start:start + length]
            if invisible and (word[0] in _INVISIBLE or word[-1] in _INVISIBLE):
                start, word = _visible(start, word)
                if not word:
                    continue
                length = len(word)
            key = cache.get(word)
            if key is None:
                key = cache[word] = fold(word)
            current.append(Tok(start, start + length, word, key))
        if current:
            _close(sentences, current, paragraph, merge)
    return sentences


_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) - {"و"}


def _opens_with_initial(tokens: list[Tok]) -> bool:
    """رانية. م بالقول: a lone Arabic letter after a full stop is the initial of the name
    before it (a writer's way to keep a speaker anonymous), not a new sentence."""
    return len(tokens) >= 2 and tokens[0].text in _ARABIC_LETTERS and tokens[1].text != "."


def abbreviation_stop(before: Tok, stop: Tok, after: Tok) -> bool:
    """بي.في.ام، ف.ب: is ``stop`` a full stop inside short letter groups joined with no
    space, one abbreviation (a company's, an agency's), not a sentence end (but
    الشرطة.وقال: a long word before the stop is a sentence's end with its space lost)?"""
    return (stop.text == "." and before.end == stop.start and stop.end == after.start
            and before.text.isalpha() and len(before.text) <= 3
            and after.text.isalpha() and len(after.text) <= 3)


def _after_abbreviation(sentences: list[Sentence], tokens: list[Tok]) -> bool:
    """Does this sentence go on an abbreviation the last one ended inside?"""
    if not sentences or len(sentences[-1].tokens) < 2:
        return False
    last = sentences[-1].tokens
    return abbreviation_stop(last[-2], last[-1], tokens[0])


def _close(sentences: list[Sentence], tokens: list[Tok], paragraph: int, merge: bool) -> bool:
    """Add a sentence (or glue it to the previous one after "د."); return whether the
    next one must be glued to it."""
    if (merge or _opens_with_initial(tokens) or _after_abbreviation(sentences, tokens)) and sentences and (
            sentences[-1].paragraph == paragraph and sentences[-1].tokens[-1].text == "."):
        last = sentences[-1]
        last.end = tokens[-1].end
        last.tokens.extend(tokens)
    else:
        sentences.append(Sentence(len(sentences), paragraph, tokens[0].start, tokens[-1].end,
                                  tokens))
    # "د." (Dr.) and other one-letter abbreviations do not end a sentence.
    return len(tokens) >= 2 and tokens[-1].text == "." and len(tokens[-2].text) == 1 \
        and tokens[-2].text.isalpha()
