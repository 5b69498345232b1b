"""Turn quoted spans and attribution cues into claims: quotes, terms and reported speech.

Language-neutral: the language modules supply the cues (with speakers resolved) and a
few word lists through ``TermHints``; this module decides which cue governs which
span, whether a span is a quotation or a term, and where reported content ends.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from verify.models import Claim, ClaimKind

from .cues import Cue, is_mark
from .marks import QuoteSpan
from .segment import Sentence

__all__ = ["TermHints", "build_claims"]

_TRIM = " \t\n\r\u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff" \
        "«»“”„‟〝〞″\"＂‹›‘’'.,،؛;:!?؟…-–—"
_SENTENCE_PUNCT = frozenset(".!?؟")
_TERM_WORDS = 4  # a quoted item this short is a term unless a cue introduces it as speech
_FRAMED_TERM_WORDS = 8  # ... or this short after a naming word (بعنوان، campaign)
_QUOTED_SHARE = 0.6  # reported content mostly inside quotation marks is the quotation
_POSTPOSED_GAP = 40  # chars between a quotation and the verb that follows it
# A quotation with no cue is the last speaker's if he spoke this many paragraphs before
_INFERRED_PARAGRAPHS = 2


@dataclass(frozen=True, slots=True)
class TermHints:
    """What the language module knows about quoted items.

    ``naming_frames``: folded words that make the next quoted item a name or title;
    ``fold``: strips prefixes from a word key; ``key``: a word's lexicon key;
    ``is_label``: does this quoted text look like a name or label (editorial, no
    speaker) rather than the speaker's own word?
    ``min_reported_words``: shorter reported content is dropped;
    ``is_list``: is this quoted text an enumeration of names (places, teams), not speech?
    ``is_name``: is this quoted text a name spelled with letters and numbers (a model)?
    ``subject_frames``: folded words that carry the subject of the clause the quoted
    words finish (بأنها «ستدافع عن مصالحها»): a short run after them is a term.
    ``clause_openers``: folded words (إن، أن، that) that open a clause: a naming word
    before one frames nothing after it (مصدر في وزارة الدفاع إن «...»).
    ``is_quantity``: is this quoted text a quantity written out in words (a term)?
    ``thus``: folded words that may open the sentence before a verb placed after the
    words it reports («...». هكذا تصف فلانة).
    """

    naming_frames: frozenset[str]
    fold: Callable[[str], str]
    is_label: Callable[[str], bool]
    key: Callable[[str], str]
    min_reported_words: int = 2
    is_list: Callable[[str], bool] | None = None
    subject_frames: frozenset[str] = frozenset()
    is_name: Callable[[str], bool] | None = None
    clause_openers: frozenset[str] = frozenset()
    is_quantity: Callable[[str], bool] | None = None
    thus: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Attribution:
    speaker: str | None
    mention: str | None
    cue: str | None
    via: str | None
    flags: tuple[str, ...]


_WORD_RUN = re.compile(r"\S+")
_LATIN_GLOSS = re.compile(r"\([A-Za-z][^()]*[A-Za-z]\)")  # (Shanghai Women's Health Study)
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")  # 1.2 غيغاهرتز: a number, not a sentence end
_COMMAS = frozenset("،,")


def _count_words(text: str, start: int = 0, end: int | None = None, *, limit: int | None = None) -> int:
    """Words with a letter or digit in ``text[start:end]``, counting no further than ``limit``.

    The limit keeps nested quotations linear: each span asks only whether it is short.
    """
    count = 0
    for match in _WORD_RUN.finditer(text, start, len(text) if end is None else end):
        if any(c.isalnum() for c in match.group()):
            count += 1
            if limit is not None and count >= limit:
                break
    return count


class _Builder:
    def __init__(self, text: str, sentences: list[Sentence], spans: list[QuoteSpan],
                 cues: list[Cue], hints: TermHints, normalize: Callable[[str], str]) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.spans = spans
        self.cues = cues
        self.hints = hints
        self.normalize = normalize
        self.by_sentence: dict[int, list[Cue]] = {}
        for cue in cues:
            self.by_sentence.setdefault(cue.sentence, []).append(cue)
        # per sentence: cues that precede their words (sorted by end) and cues that
        # follow them (sorted by start), for lookups by position
        self.preposed: dict[int, tuple[list[int], list[Cue]]] = {}
        self.postposed: dict[int, tuple[list[int], list[Cue]]] = {}
        self.cue_starts: dict[int, list[int]] = {}
        for index, group in self.by_sentence.items():
            pre = sorted((c for c in group if not c.postposed), key=lambda c: c.end)
            self.preposed[index] = ([c.end for c in pre], pre)
            post = sorted((c for c in group if c.postposed or c.kind == "source"),
                          key=lambda c: c.start)
            self.postposed[index] = ([c.start for c in post], post)
            self.cue_starts[index] = sorted(c.start for c in group)
        self.spoken = sorted((c for c in cues if c.speaker and not c.passing), key=lambda c: c.end)
        self.spoken_ends = [c.end for c in self.spoken]
        self.claims: list[Claim] = []
        self.content_end: dict[int, int] = {}  # id(cue) -> end of its reported content
        self.quote_starts: list[int] = []
        self.names: set[str] = set()
        self.multi: set[int] = set()
        self.token_ends: dict[int, list[int]] = {}

    # ---- helpers -------------------------------------------------------------------

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return self.sentences[0] if self.sentences else None
        return self.sentences[i]

    def claim(self, kind: ClaimKind, start: int, end: int, attribution: _Attribution | None,
              flags: tuple[str, ...] = (), paragraph: int | None = None) -> None:
        text = self.text[start:end]
        sentence = self.sentence_at(start)
        para = paragraph if paragraph is not None else (sentence.paragraph if sentence else 0)
        all_flags = tuple(dict.fromkeys((*flags, *(attribution.flags if attribution else ()))))
        self.claims.append(Claim(
            kind=kind, start=start, end=end, text=text, normalized=self.normalize(text),
            speaker=attribution.speaker if attribution else None,
            speaker_mention=attribution.mention if attribution else None,
            cue=attribution.cue if attribution else None,
            via=attribution.via if attribution else None,
            sentence=sentence.index if sentence else 0, paragraph=para, flags=all_flags))

    @staticmethod
    def attribution(cue: Cue | None, inherited: bool = False) -> _Attribution | None:
        if cue is None:
            return None
        flags: list[str] = []
        if cue.inferred or inherited:
            flags.append("speaker_inferred")
        if cue.speaker is None:
            flags.append("speaker_unresolved")
        return _Attribution(cue.speaker, cue.mention, cue.text or None, cue.via, tuple(flags))

    def reported_end(self, cue: Cue) -> int:
        """Reported content runs to the sentence end or the next cue of the sentence."""
        end = self.sentences[cue.sentence].end
        if cue.content_start is None:
            return end
        if cue.content_end is not None:
            return cue.content_end
        starts = self.cue_starts.get(cue.sentence, [])
        i = bisect_right(starts, cue.content_start)
        if i < len(starts) and starts[i] < end:
            end = starts[i]
        return end

    def words_before(self, span: QuoteSpan, count: int) -> list[str]:
        """Keys of the ``count`` words before a span's opening mark, nearest first."""
        sentence = self.sentence_at(span.outer_start)
        if sentence is None:
            return []
        ends = self.token_ends.get(sentence.index)
        if ends is None:
            ends = self.token_ends[sentence.index] = [t.end for t in sentence.tokens]
        i = bisect_right(ends, span.outer_start)
        found: list[str] = []
        for tok in reversed(sentence.tokens[max(0, i - count - 3):i]):
            if tok.text in _COMMAS or is_mark(tok.text):
                # a naming word before a comma, or before another quoted item (وكالة
                # «يونهاب» «...»), frames nothing after it
                break
            if any(c.isalnum() for c in tok.text):
                found.append(tok.key)
                if len(found) == count:
                    break
        return found

    # ---- spans -------------------------------------------------------------------------

    def governing_cue(self, span: QuoteSpan) -> Cue | None:
        """The cue that introduces a quoted span: before it in its sentence, else after it
        ('...,' he said), else a colon ending the previous sentence of the paragraph."""
        sentence = self.sentence_at(span.outer_start)
        if sentence is None:
            return None
        if sentence.tokens and sentence.tokens[-1].start == span.outer_start and (
                sentence.tokens[-1].end <= span.start):
            # «...». "...": an opening mark the sentence splitter left at the end of
            # the sentence before; the words belong to the next one
            sentence = self.sentence_at(span.start) or sentence
        ends, pre = self.preposed.get(sentence.index, ([], []))
        i = bisect_right(ends, span.outer_start) - 1
        if i >= 0:
            return pre[i]
        end_sentence = self.sentence_at(max(span.outer_end - 1, span.outer_start))
        last = end_sentence.index if end_sentence else sentence.index
        for index in dict.fromkeys((sentence.index, last)):
            starts, post = self.postposed.get(index, ([], []))
            i = bisect_right(starts, span.outer_end - 1)
            if i < len(post):
                return post[i]
        if last + 1 < len(self.sentences):
            # "Why would we leave?" asked the mayor: the cue opens the next sentence
            following = self.sentences[last + 1]
            starts, post = self.postposed.get(following.index, ([], []))
            lead = next((k for k, tok in enumerate(following.tokens[:3])
                         if tok.start == starts[0]), None) if post else None
            if post and following.paragraph == span.paragraph and lead is not None and (
                    starts[0] - span.outer_end <= _POSTPOSED_GAP + (16 if lead else 0)) and all(
                    tok.key in self.hints.thus for tok in following.tokens[:lead]):
                return post[0]  # (or «...». هكذا تصف فلانة، بهذه الكلمات بدأ فلان)
        if sentence.index > 0:
            previous = self.sentences[sentence.index - 1]
            if previous.paragraph == sentence.paragraph and previous.tokens and \
                    previous.tokens[-1].text in (":", "："):
                cues = self.by_sentence.get(previous.index)
                if cues:
                    return cues[-1]
        return None

    def introduces(self, cue: Cue | None, span: QuoteSpan) -> bool:
        """Is the span exactly the words the cue introduces (قال: «نعم»، "No," he said)?"""
        if cue is None:
            return False
        if cue.postposed or cue.start >= span.outer_end:
            # "No," he said / «...»، قال الوزير: only the speaker between words and verb
            gap = self.text[span.outer_end:cue.start]
            return len(gap) <= _POSTPOSED_GAP and not any(c in _SENTENCE_PUNCT for c in gap)
        if cue.content_start is None or not (
                span.outer_start - 2 <= cue.content_start <= span.outer_start + 1):
            return False
        rest = self.text[span.outer_end:self.reported_end(cue)]
        return not any(c.isalnum() for c in rest)

    def is_term(self, span: QuoteSpan, cue: Cue | None) -> bool:
        """A short quoted item is a term (a name, a title, a scare-quoted word) unless a
        cue introduces it as someone's speech; a name after a naming word stays a term."""
        if "continues_paragraph" in span.flags:
            return False
        words = _count_words(self.text, span.start, span.end, limit=_FRAMED_TERM_WORDS + 1)
        if span.open_mark is None or span.group in self.multi:
            return False  # a lost opening mark follows a speech cue; a multi-paragraph quote
        gloss = _LATIN_GLOSS.search(self.text, span.start, span.end)
        if gloss is not None and _ARABIC_LETTER.search(self.text, span.start, span.end) and (
                not self.text[gloss.end():span.end].strip(" .،,")):
            # «الرابطة الأميركية لأبحاث مرض السرطان (American Association for Cancer
            # Research)»: a name given with its foreign form in brackets at its end (not
            # «ازالة نواشر واي فاي (Wifi) المتعلقة بمحلات ...»: words go on after it)
            return True
        before = self.words_before(span, 2)
        first_word = _WORD_RUN.search(self.text, span.start, span.end)
        first = first_word.group() if first_word else ""
        tail = self.text[max(span.start, span.end - 4):span.end]
        first_key = self.hints.key(first)
        after_colon = self.text[max(0, span.outer_start - 3):span.outer_start].rstrip()[-1:] in (
            ":", "：")  # رئيس الهيئة: «...»: speech after a colon, not a name after هيئة
        opened = bool(before) and before[0] in self.hints.clause_openers
        framed = not after_colon and not opened and any(w in self.hints.naming_frames or self.hints.fold(w) in
                     self.hints.naming_frames for w in before) or (
            first_key == self.hints.fold(first_key) and first_key in self.hints.naming_frames)
        if words > _TERM_WORDS and self.hints.is_list is not None and self.hints.is_list(
                self.text[span.start:span.end]):
            return True  # «الهنداوية، سوق الجنوبية، باب مكة»: a list of names
        if self.hints.is_quantity is not None and self.hints.is_quantity(
                self.text[span.start:span.end]):
            return True  # "كيلو وواحد وسبعين جراماً ونصف الجرام": an amount, not speech
        if _TERM_WORDS < words <= _FRAMED_TERM_WORDS and self.hints.is_name is not None and (
                self.hints.is_name(self.text[span.start:span.end])):
            return True  # «مرسيدس - بينز جي إل سي كلاس»: a model's name
        if words <= _TERM_WORDS:
            sentence = words >= 2 and tail.rstrip("”\"'»")[-1:] in _SENTENCE_PUNCT
            # بأنها «ستدافع عن مصالحها»: the words finish a clause whose subject the
            # writer gave outside the marks, a fragment of the speaker's, not speech
            fragment = bool(before) and before[0] in self.hints.subject_frames
            speech = words >= 2 and self.introduces(cue, span) and not framed and not (
                cue is not None and cue.describe) and not fragment
            return not (speech or sentence)
        # a short saying that nobody is said to say, not after إن / a colon (ترعى مع
        # الراعي وتعدي مع الذيب): a proverb or slogan cited by name, like a title
        unattributed = cue is None and not opened and not after_colon and not any(
            c in _COMMAS for c in self.text[span.start:span.end])
        return (framed or unattributed) and words <= _FRAMED_TERM_WORDS and not any(
            c in _SENTENCE_PUNCT for c in _DECIMAL.sub("", self.text[span.start:span.end]))

    def build(self) -> list[Claim]:
        sizes: dict[int, int] = {}
        for span in self.spans:
            sizes[span.group] = sizes.get(span.group, 0) + 1
        self.multi = {group for group, size in sizes.items() if size > 1}
        group_attr: dict[int, _Attribution | None] = {}
        quote_attr: list[tuple[QuoteSpan, _Attribution | None]] = []
        terms: list[tuple[QuoteSpan, Cue | None]] = []
        for span in self.spans:
            cue = self.governing_cue(span)
            if "continues_paragraph" in span.flags and span.group in group_attr:
                attr = group_attr[span.group]
                self.claim(ClaimKind.QUOTE, span.start, span.end, attr, span.flags,
                           span.paragraph)
                quote_attr.append((span, attr))
                continue
            if self.is_term(span, cue):
                terms.append((span, cue))
                continue
            attr = self.attribution(cue)
            if attr is None:
                attr = self.inferred_attribution(span)
            group_attr[span.group] = attr
            self.claim(ClaimKind.QUOTE, span.start, span.end, attr, span.flags, span.paragraph)
            quote_attr.append((span, attr))
        self.reported(quote_attr)
        quote_attr.sort(key=lambda item: item[0].start)
        self.quote_starts = [q.start for q, _ in quote_attr]
        self.names = self.repeated_names([self.text[s.start:s.end] for s, _ in terms])
        for span, cue in terms:
            self.term(span, cue, quote_attr)
        return self.claims

    def repeated_names(self, texts: list[str]) -> set[str]:
        """Terms the document repeats or uses inside a longer term (كازنوف in «برنار
        كازنوف»): names, not a speaker's word."""
        keys = [self.normalize(t) for t in texts]
        seen: set[str] = set()
        names = {k for k in keys if k in seen or seen.add(k)}  # type: ignore[func-returns-value]
        longer = [k for k in dict.fromkeys(keys) if " " in k][:200]
        for key in dict.fromkeys(keys[:500]):
            if any(key != other and key in other.split() for other in longer):
                names.add(key)
        return names

    def inferred_attribution(self, span: QuoteSpan) -> _Attribution:
        """A quotation with no cue: the speaker of the paragraph (or the one before)."""
        i = bisect_right(self.spoken_ends, span.outer_start) - 1
        if i >= 0:
            last = self.spoken[i]
            if span.paragraph - last.paragraph <= _INFERRED_PARAGRAPHS:
                return _Attribution(last.speaker, None, None, last.via, ("speaker_inferred",))
        return _Attribution(None, None, None, None, ("speaker_unresolved",))

    def term(self, span: QuoteSpan, cue: Cue | None,
             quotes: list[tuple[QuoteSpan, _Attribution | None]]) -> None:
        flags = span.flags
        i = bisect_right(self.quote_starts, span.outer_start) - 1
        for outer, attr in quotes[max(0, i - 8):i + 1]:
            if outer.start <= span.outer_start and span.outer_end <= outer.end:
                self.claim(ClaimKind.TERM, span.start, span.end, attr,
                           tuple(dict.fromkeys((*flags, "nested"))), span.paragraph)
                return
        attr = None
        if cue is not None and cue.content_start is not None and not cue.postposed:
            direct = span.outer_start - 2 <= cue.content_start <= span.outer_start + 1
            content_end = self.content_end.get(id(cue), self.reported_end(cue))
            inside = cue.content_start <= span.outer_start < content_end
            body = self.text[span.start:span.end]
            label = self.hints.is_label(body) or self.normalize(body) in self.names
            if (direct and (cue.describe or cue.complement in ("mark", "prep", "colon"))) or (
                    inside and not label and cue.kind != "source"):
                attr = self.attribution(cue)
        self.claim(ClaimKind.TERM, span.start, span.end, attr, flags, span.paragraph)

    @staticmethod
    def quoted_share(start: int, end: int, spans: list[QuoteSpan], starts: list[int]) -> float:
        """How much of [start, end) lies inside quotations (spans sorted by outer start)."""
        if end <= start:
            return 0.0
        i = bisect_right(starts, end)
        inside = 0
        for span in spans[max(0, i - 8):i]:
            if span.outer_start < end and span.outer_end > start:
                inside += min(end, span.outer_end) - max(start, span.outer_start)
        return inside / (end - start)

    def reported(self, quotes: list[tuple[QuoteSpan, _Attribution | None]]) -> None:
        quote_starts = sorted(s.outer_start for s, _ in quotes)
        outer = sorted((s for s, _ in quotes), key=lambda s: s.outer_start)
        outer_starts = [s.outer_start for s in outer]
        for cue in self.cues:
            if cue.content_start is None or cue.complement == "mark" or (
                    cue.postposed and cue.content_end is None):
                continue
            start = cue.content_start
            end = self.reported_end(cue)
            self.content_end[id(cue)] = end
            i = bisect_right(quote_starts, start + 1) - 1
            if i >= 0 and start - 1 <= quote_starts[i] <= start + 1:
                continue  # the content is a quotation: already a quote claim
            if self.quoted_share(start, end, outer, outer_starts) > _QUOTED_SHARE:
                continue
            while start < end and self.text[start] in _TRIM:
                start += 1
            while end > start and self.text[end - 1] in _TRIM:
                end -= 1
            least = self.hints.min_reported_words
            if end <= start or _count_words(self.text, start, end, limit=least) < least:
                continue
            if cue.speaker is None:
                continue  # a cue nobody can be found for is most likely not speech
            self.claim(ClaimKind.REPORTED, start, end, self.attribution(cue))


def build_claims(text: str, sentences: list[Sentence], spans: list[QuoteSpan],
                 cues: list[Cue], hints: TermHints,
                 normalize: Callable[[str], str]) -> list[Claim]:
    """Quote, term and reported claims from the spans and cues of one document."""
    return _Builder(text, sentences, spans, cues, hints, normalize).build()
