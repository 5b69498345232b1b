"""Pair quotation marks into quoted spans, the way real news text writes them.

Pure and linear: no spaCy, no lexicon beyond optional patterns for the words after
which a quotation may start when its opening mark was lost, where the writer takes
over, and the reporting verbs a mark may open after.

Marks are paired by position, with the style of each mark only a hint: a mark glued
to the word after it and spaced from the word before opens, one glued to the word
before it closes, whatever its shape (so ” ... ” and “ ... “ pair). Marks whose
spacing says nothing fall back on their shape, and straight marks toggle. A stray
mark never raises: what can be paired is paired and the rest is reported as flags.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from unicodedata import combining

__all__ = [
    "QuoteSpan",
    "find_quote_spans",
    "split_paragraphs",
]

OPEN, CLOSE, EITHER = 1, 2, 3

# style -> (family, direction by shape)
_STYLE_OF: dict[str, str] = {
    "«": "angle",
    "»": "angle",
    "“": "curly",
    "”": "curly",
    "„": "curly",
    "‟": "curly",
    "〝": "curly",
    "〞": "curly",
    "″": "prime",
    '"': "straight",
    "＂": "straight",
    "''": "straight",
    "‹": "single_angle",
    "›": "single_angle",
    "‘": "single",
    "’": "single",
    "'": "single",
}
_SHAPE_DIRECTION: dict[str, int] = {
    "«": OPEN,
    "»": CLOSE,
    "“": OPEN,
    "”": CLOSE,
    "„": OPEN,
    "‟": OPEN,
    "〝": OPEN,
    "〞": CLOSE,
    "″": CLOSE,
    '"': EITHER,
    "＂": EITHER,
    "''": EITHER,
    "‹": OPEN,
    "›": CLOSE,
    "‘": OPEN,
    "’": CLOSE,
    "'": EITHER,
}
_SINGLE_STYLES = frozenset({"single", "single_angle"})
# Styles that pair best with each other (the prime closes curly and straight quotes).
_GOOD_MATCH: dict[str, frozenset[str]] = {
    "angle": frozenset({"angle"}),
    "curly": frozenset({"curly", "prime"}),
    "straight": frozenset({"straight", "prime"}),
    "prime": frozenset({"prime", "curly", "straight"}),
}

_MARK_RE = re.compile("''|[«»“”„‟〝〞″\"＂‹›‘’']")
# Invisible characters that scrapers leave around marks: look through them.
_TRANSPARENT = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                         "\u2066\u2067\u2068\u2069\ufeff\u00ad")
_TATWEEL = "\u0640"
# One-letter Arabic proclitics that glue to an opening mark (و«, لـ«, بـ").
_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "لل"})
_SENTENCE_END_RE = re.compile(r"(?<![.…])[.!?؟…](?=[\s\u200b-\u200f\u202a-\u202e]|$)"
                              # a scraper's lost space: نهائيًا.بلاغ (not د.محمد)
                              r"|(?<=[\u0621-\u064a][\u0621-\u064a\u064b-\u0652])\.(?=[\u0621-\u064a])")
_CLOSING_FOLLOWERS = frozenset(".،,؛;!?؟)]}…") | {""}
_LOOK = 8  # how far to look through invisible characters
_STACK_SEARCH = 8  # how deep to look in the stack for a mark of the same style
_SHORT_WORDS = 3  # a name in straight marks whose closing mark is spaced ("الوطن "عن)
_EXTEND_GAP = 12  # chars between a closed quote and a stray closing mark that extends it


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The words between a pair of marks (or between a cue and a lone mark).

    ``start``/``end`` delimit the quoted words without marks or surrounding spaces;
    ``open_mark``/``close_mark`` are the offsets of the marks (None when lost).
    Segments of one quotation running over several paragraphs share ``group``.
    """

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    paragraph: int
    depth: int = 0
    group: int = 0
    flags: tuple[str, ...] = ()

    @property
    def outer_start(self) -> int:
        return self.start if self.open_mark is None else self.open_mark

    @property
    def outer_end(self) -> int:
        return self.end if self.close_mark is None else self.close_mark + 1


@dataclass(slots=True)
class _Mark:
    pos: int
    size: int
    style: str
    role: int  # OPEN, CLOSE or EITHER
    strong: bool  # role decided by spacing, not by shape
    colon: bool = False  # opens speech after a colon
    shape: int = EITHER  # the direction the mark's glyph points (“ opens, ” closes)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every line holding something other than whitespace."""
    paragraphs = []
    pos = 0
    size = len(text)
    while pos <= size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        start = pos
        while start < end and (text[start].isspace() or text[start] in _TRANSPARENT):
            start += 1
        stop = end
        while stop > start and (text[stop - 1].isspace() or text[stop - 1] in _TRANSPARENT):
            stop -= 1
        if stop > start:
            paragraphs.append((start, stop))
        if nl < 0:
            break
        pos = nl + 1
    return paragraphs


def _is_word(char: str) -> bool:
    """Letters, digits, tatweel and the diacritics sitting on letters (شدّة، تنوين)."""
    return char.isalnum() or char == _TATWEEL or char == "_" or combining(char) > 0


def _prev_char(text: str, pos: int, lo: int) -> str:
    i = pos - 1
    stop = max(lo, pos - _LOOK)
    while i >= stop and text[i] in _TRANSPARENT:
        i -= 1
    return text[i] if i >= lo else ""


def _next_char(text: str, pos: int, hi: int) -> str:
    i = pos
    stop = min(hi, pos + _LOOK)
    while i < stop and text[i] in _TRANSPARENT:
        i += 1
    return text[i] if i < hi else ""


def _word_before(text: str, pos: int, lo: int) -> str:
    i = pos
    stop = max(lo, pos - 4)
    while i > stop and (_is_word(text[i - 1]) or text[i - 1] in _TRANSPARENT):
        i -= 1
    if i > lo and _is_word(text[i - 1]):
        return ""  # longer than a proclitic
    return "".join(c for c in text[i:pos] if c not in _TRANSPARENT and c != _TATWEEL)


def _next_solid(text: str, pos: int, hi: int) -> str:
    """The next character that is not a space (within a few), or "" at the end."""
    stop = min(hi, pos + _LOOK)
    while pos < stop and (text[pos].isspace() or text[pos] in _TRANSPARENT):
        pos += 1
    return text[pos] if pos < hi else ""


def _prev_solid(text: str, pos: int, lo: int) -> str:
    i = pos - 1
    stop = max(lo, pos - _LOOK)
    while i >= stop and (text[i].isspace() or text[i] in _TRANSPARENT):
        i -= 1
    return text[i] if i >= lo else ""


def _glued_word(text: str, pos: int, lo: int) -> str:
    """The word that ends right at ``pos`` (invisible characters dropped)."""
    i = pos
    stop = max(lo, pos - 24)
    while i > stop and (_is_word(text[i - 1]) or text[i - 1] in _TRANSPARENT):
        i -= 1
    return "".join(c for c in text[i:pos] if c not in _TRANSPARENT and c != _TATWEEL)


def _classify(text: str, m: re.Match[str], lo: int, hi: int,
              speech_word: Callable[[str], bool] | None = None) -> _Mark | None:
    """Read a mark's role from its spacing; fall back on its shape.

    ``speech_word`` tells the words (قال، وتابع) that a mark glued to their end and
    spaced from the next word may open after (وتابع" نحن ...): such a mark's spacing
    says nothing, so its shape and the pairing decide.
    """
    mark = m.group()
    pos = m.start()
    size = len(mark)
    style = _STYLE_OF[mark]
    shape = _SHAPE_DIRECTION[mark]
    before = _prev_char(text, pos, lo)
    after = _next_char(text, m.end(), hi)
    word_before = bool(before) and _is_word(before)
    word_after = bool(after) and _is_word(after)
    if style in _SINGLE_STYLES and word_before and word_after and mark != "‘" and mark != "‹":
        return None  # an apostrophe: don't, Reuters’s, I›ll
    if word_after and (not word_before or before == _TATWEEL):
        return _Mark(pos, size, style, OPEN, True, shape=shape,
                     colon=_prev_solid(text, pos, lo) in (":", "："))  # قال: «نحن
    if word_before and word_after is False and _word_before(text, pos, lo) in _PROCLITICS and (
            text[pos - 1] != _TATWEEL and _prev_char(text, pos - 1, lo).isspace()):
        # «أ ف ب» : a letter standing alone before a mark spaced from what follows is
        # the last letter of an abbreviation, not a proclitic: its shape decides
        return _Mark(pos, size, style, shape, False, shape=shape)
    if word_before and _word_before(text, pos, lo) in _PROCLITICS:
        return _Mark(pos, size, style, OPEN, True, shape=shape)  # و«، لـ« الحياة»
    if word_before and not word_after:
        if speech_word is not None and _is_word(_next_solid(text, m.end(), hi) or " ") and (
                speech_word(_glued_word(text, pos, lo))):
            return _Mark(pos, size, style, shape, False, shape=shape)  # وتابع" نحن
        return _Mark(pos, size, style, CLOSE, True, shape=shape)
    if not word_before and not word_after:
        if _prev_solid(text, pos, lo) in (":", "："):
            return _Mark(pos, size, style, OPEN, True, colon=True, shape=shape)  # قال: « نحن
        if _next_solid(text, m.end(), hi) in _CLOSING_FOLLOWERS:
            return _Mark(pos, size, style, CLOSE, True, shape=shape)  # الكائدين «.
    return _Mark(pos, size, style, shape, False, shape=shape)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _TRANSPARENT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRANSPARENT):
        end -= 1
    return start, end


def _last_word_pos(text: str, lo: int, hi: int) -> int:
    i = hi - 1
    while i >= lo and not _is_word(text[i]):
        i -= 1
    return i


class _Pairer:
    """Pairs the marks of one text, paragraph by paragraph."""

    def __init__(self, text: str, lost_open_cue: re.Pattern[str] | None,
                 lost_close_cue: re.Pattern[str] | None = None,
                 speech_word: Callable[[str], bool] | None = None) -> None:
        self.text = text
        self.speech_word = speech_word
        self.cue = lost_open_cue
        self.lost_end = 0  # where the last quotation whose opening was lost ends
        self.close_cue = lost_close_cue
        self.spans: list[QuoteSpan] = []
        self.groups = 0
        self.ends: list[int] = []  # sentence ends of the current paragraph

    def run(self, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
        carry: tuple[int, int] | None = None  # (group, paragraph) of a quote left open
        for index, (lo, hi) in enumerate(paragraphs):
            next_para = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            carry = self._paragraph(index, lo, hi, carry, next_para)
        self.spans.sort(key=lambda s: (s.start, -s.end))
        return self.spans

    def _new_group(self) -> int:
        self.groups += 1
        return self.groups

    def _emit(self, start: int, end: int, open_mark: int | None, close_mark: int | None,
              paragraph: int, depth: int, group: int, flags: list[str]) -> int | None:
        start, end = _strip_span(self.text, start, end)
        if end <= start:
            return None
        if depth > 0 and "nested" not in flags:
            flags = [*flags, "nested"]
        self.spans.append(QuoteSpan(start, end, open_mark, close_mark, paragraph, depth,
                                    group or self._new_group(), tuple(dict.fromkeys(flags))))
        return len(self.spans) - 1

    def _paragraph(self, index: int, lo: int, hi: int, carry: tuple[int, int] | None,
                   next_para: tuple[int, int] | None) -> tuple[int, int] | None:
        text = self.text
        doubles: list[_Mark] = []
        singles: list[_Mark] = []
        for m in _MARK_RE.finditer(text, lo, hi):
            mark = _classify(text, m, lo, hi, self.speech_word)
            if mark is None:
                continue
            (singles if mark.style in _SINGLE_STYLES else doubles).append(mark)
        last_word = _last_word_pos(text, lo, hi)
        first_span = len(self.spans)
        self.ends = [m.start() for m in _SENTENCE_END_RE.finditer(text, lo, hi)]

        # stack entries: (mark, group, continued)
        stack: list[tuple[_Mark, int, bool]] = []
        strays: list[_Mark] = []
        closed: list[tuple[int, _Mark]] = []  # (span index, closing mark), in order
        marks = doubles
        if carry is not None and marks and marks[0].pos == lo and marks[0].role != CLOSE:
            stack.append((marks[0], carry[0], True))
            marks = marks[1:]
        left = {style: 0 for style in _GOOD_MATCH}  # straight marks still to come
        for mark in marks:
            if mark.shape == EITHER:
                left[mark.style] += 1
        for mark in marks:
            if mark.shape == EITHER:
                left[mark.style] -= 1
                if mark.role == OPEN and mark.strong and left[mark.style] == 0 and (
                        self._short_open(stack, mark)):
                    # "الوطن "عن: the last straight mark, a few words after an open
                    # quotation of its style closes it, whatever its spacing says
                    mark.role = CLOSE
            if mark.role == OPEN and mark.strong:
                if stack and not stack[-1][2] and stack[-1][0].role == OPEN and (
                        not text[stack[-1][0].pos + stack[-1][0].size:mark.pos].strip()):
                    # a doubled opening mark (قال: " "نحن): one quotation, not two
                    mark.colon = mark.colon or stack[-1][0].colon
                    stack.pop()
                if mark.colon:
                    self._close_lost(stack, mark, index)
                stack.append((mark, 0, False))
                continue
            match = self._match(stack, mark)
            if match is None:
                if mark.role == CLOSE and mark.strong:
                    strays.append(mark)
                elif mark.pos < last_word:
                    stack.append((mark, 0, False))
                else:
                    strays.append(mark)
                continue
            opener, group, continued = stack[match]
            inner = stack[match + 1:]
            del stack[match:]
            flags = ["continues_paragraph"] if continued else []
            if inner:
                flags.append("unbalanced_marks")
            span = self._emit(opener.pos + opener.size, mark.pos, opener.pos, mark.pos, index,
                              len(stack), group, flags)
            if span is not None:
                closed.append((span, mark))
        new_carry = None
        if stack:
            bottom, group, continued = stack[0]
            for extra, _, _ in stack[1:]:
                strays.append(extra)
            if bottom.pos < last_word:
                flags = ["continues_paragraph"] if continued else []
                nxt = self._continuation(next_para)
                if nxt:
                    group = group or self._new_group()
                    end = hi
                    new_carry = (group, index)
                else:
                    end = self._sentence_end(bottom.pos + bottom.size, hi)
                    flags.append("no_closing_mark")
                self._emit(bottom.pos + bottom.size, end, bottom.pos, None, index, 0, group, flags)
            else:
                strays.append(bottom)
        strays.sort(key=lambda mk: mk.pos)
        self._resolve_strays(index, lo, strays, closed, first_span)
        self._pair_singles(index, singles, first_span)
        return new_carry

    def _short_open(self, stack: list[tuple[_Mark, int, bool]], mark: _Mark) -> bool:
        """Is an opener of ``mark``'s style on top of the stack, a few words before it?"""
        if not stack or stack[-1][2] or stack[-1][0].style != mark.style:
            return False
        opener = stack[-1][0]
        between = self.text[opener.pos + opener.size:mark.pos]
        return 0 < len(between.split()) <= _SHORT_WORDS and not any(
            c in ".!?؟،,:؛" for c in between)

    def _close_lost(self, stack: list[tuple[_Mark, int, bool]], mark: _Mark,
                    index: int) -> None:
        """A new quotation after a colon ends the open ones whose sentence ended before it
        (their closing mark was lost)."""
        while stack:
            opener, group, continued = stack[-1]
            end = self._sentence_end(opener.pos + opener.size, mark.pos)
            if end >= mark.pos:
                return
            stack.pop()
            flags = ["continues_paragraph"] if continued else []
            self._emit(opener.pos + opener.size, end, opener.pos, None, index, len(stack), group,
                       [*flags, "no_closing_mark"])

    def _match(self, stack: list[tuple[_Mark, int, bool]], mark: _Mark) -> int | None:
        """Index in the stack of the opener this mark closes, or None."""
        if not stack:
            return None
        good = _GOOD_MATCH[mark.style]
        top = len(stack) - 1
        for i in range(top, max(-1, top - _STACK_SEARCH), -1):
            if stack[i][0].style in good:
                return i
        if mark.strong or mark.role == CLOSE:
            return top  # mismatched styles still pair: " ... »
        return top if stack[top][0].style == mark.style else None

    def _continuation(self, next_para: tuple[int, int] | None) -> bool:
        if next_para is None:
            return False
        lo, hi = next_para
        m = _MARK_RE.match(self.text, lo, hi)
        if m is None:
            return False
        mark = _classify(self.text, m, lo, hi, self.speech_word)
        return mark is not None and mark.style not in _SINGLE_STYLES and mark.role != CLOSE

    def _sentence_end(self, start: int, hi: int) -> int:
        """The first sentence end after ``start`` in the paragraph, or ``hi``."""
        i = bisect_left(self.ends, start)
        if i >= len(self.ends) or self.ends[i] >= hi:
            end = hi
        else:
            end = self.ends[i]
            end = end + 1 if self.text[end] == "…" else end
        if self.close_cue is not None:
            # «... عام 1433، مشيراً إلى أن ...: the writer takes over at a participle
            m = self.close_cue.search(self.text, start, end)
            if m is not None:
                return m.start()
        return end

    def _resolve_strays(self, index: int, lo: int, strays: list[_Mark],
                        closed: list[tuple[int, _Mark]], first_span: int) -> None:
        if not strays:
            return
        closed_at = {mark.pos: span for span, mark in closed}
        boundary = lo
        earlier = lo  # the boundary before the last closed quotation
        previous_closer: _Mark | None = None
        unresolved: list[int] = []
        for mark in sorted([m for _, m in closed] + strays, key=lambda mk: mk.pos):
            if mark.pos in closed_at:
                previous_closer = mark
                earlier = boundary
                boundary = mark.pos + mark.size
                continue
            handled = False
            # only a mark shaped to close (” » ″ ") can end a quotation whose opening was
            # lost; a stray “ or « stays stray
            if mark.role == CLOSE and mark.strong and mark.shape != OPEN:
                handled = self._extend(mark, previous_closer, closed_at) or self._lost_open(
                    index, mark, boundary, earlier)
            if not handled:
                unresolved.append(mark.pos)
            earlier = boundary = mark.pos + mark.size
            previous_closer = None
        self._flag_nearest(unresolved, first_span, "unbalanced_marks")

    def _extend(self, mark: _Mark, previous: _Mark | None, closed_at: dict[int, int]) -> bool:
        """A lone closer just after a closed quote (“...” 2254″) moves its end."""
        if previous is None:
            return False
        gap = self.text[previous.pos + previous.size:mark.pos]
        if len(gap) > _EXTEND_GAP or len(gap.split()) > 1 or _SENTENCE_END_RE.search(gap):
            return False
        if any(c in _STYLE_OF for c in gap) or not any(_is_word(c) for c in gap):
            return False
        index = closed_at[previous.pos]
        span = self.spans[index]
        start, end = _strip_span(self.text, span.start, mark.pos)
        flags = tuple(dict.fromkeys((*span.flags, "unbalanced_marks")))
        self.spans[index] = QuoteSpan(start, end, span.open_mark, mark.pos, span.paragraph,
                                      span.depth, span.group, flags)
        return True

    def _lost_open(self, index: int, mark: _Mark, boundary: int, earlier: int) -> bool:
        """A closer with no opener: the quotation starts after إن / قوله / a colon."""
        if self.cue is None:
            return False
        if self.close_cue is not None:
            # وأوضح أن ...، مشيراً إلى أن ...»: the writer spoke up to the participle
            for m in self.close_cue.finditer(self.text, boundary, mark.pos):
                boundary = m.end()
        colon = None
        first = None
        pronoun = None  # إنه، أنها: only after a colon sentences back
        for m in self.cue.finditer(self.text, boundary, mark.pos):
            if m.group().endswith(":"):
                colon = m.end()
            elif m.lastgroup == "pronoun":
                pronoun = pronoun or m.end()
            elif first is None:
                first = m.end()
        start = colon
        after_name = boundary > 0 and self.text[boundary - 1] in _STYLE_OF
        if start is None and after_name:
            start = self._colon_before(boundary)  # over a quoted name to the colon
        later = first or pronoun
        if start is not None and later is not None and later > start and (
                _SENTENCE_END_RE.search(self.text, start, later)):
            # سبق- الشرقية: ... . قال الناطق ...، إنه ...»: a colon sentences back (a
            # dateline's) gives way to the complementiser before the lost quotation
            start = later
        if start is None:
            start = first
        if start is None and after_name and earlier < boundary:
            # أكد أن ... ملعب "لوفتس رود" ...»: over a quoted name to the complementiser
            i = bisect_left(self.ends, boundary) - 1
            lo = max(earlier, self.ends[i] + 1 if i >= 0 else earlier)
            m = self.cue.search(self.text, lo, boundary)
            if m is not None and not m.group().endswith(":"):
                start = m.end()
        if start is None:
            start = self._colon_before(boundary)
        if start is None or start < self.lost_end:
            return False  # (never back over a quotation whose opening was lost already)
        if self._emit(start, mark.pos, None, mark.pos, index, 0, 0, ["no_opening_mark"]) is None:
            return False
        self.lost_end = mark.pos
        return True

    def _colon_before(self, boundary: int) -> int | None:
        """واستطرد: ... «عدنان» ... منه»: a colon earlier in the sentence, before quoted
        names the lost quotation holds."""
        i = bisect_left(self.ends, boundary) - 1
        lo = self.ends[i] + 1 if i >= 0 else None
        colon = self.text.rfind(":", 0, boundary)
        if colon < 0 or lo is None and colon < boundary - 400 or lo is not None and colon < lo:
            return None
        if "\n" in self.text[colon:boundary]:
            return None
        if self.cue is None or not self.cue.match(self.text, colon):
            return None
        return colon + 1

    def _flag_nearest(self, positions: list[int], first_span: int, flag: str) -> None:
        """Put ``flag`` on the span of the paragraph nearest before each position."""
        if not positions or first_span >= len(self.spans):
            return
        order = sorted(range(first_span, len(self.spans)), key=lambda i: self.spans[i].start)
        chosen = set()
        k = 0
        for pos in positions:  # sorted
            while k + 1 < len(order) and self.spans[order[k + 1]].start <= pos:
                k += 1
            chosen.add(order[k])
        for i in chosen:
            span = self.spans[i]
            if flag not in span.flags:
                self.spans[i] = QuoteSpan(span.start, span.end, span.open_mark, span.close_mark,
                                          span.paragraph, span.depth, span.group,
                                          (*span.flags, flag))

    def _pair_singles(self, index: int, singles: list[_Mark], first_span: int) -> None:
        """Single marks count only when clearly paired: ‘ glued right ... ’ glued left."""
        outer = sorted((s.outer_start, s.outer_end) for s in self.spans[first_span:]
                       if s.depth == 0)
        k = 0
        pending: _Mark | None = None
        for mark in singles:
            if mark.role == OPEN and mark.strong:
                pending = mark
            elif mark.role == CLOSE and mark.strong and pending is not None:
                if pending.style == mark.style or {pending.style, mark.style} == _SINGLE_STYLES:
                    while k < len(outer) and outer[k][1] <= pending.pos:
                        k += 1
                    inside = k < len(outer) and outer[k][0] < pending.pos
                    self._emit(pending.pos + pending.size, mark.pos, pending.pos, mark.pos,
                               index, int(inside), 0, [])
                pending = None


def find_quote_spans(text: str, *, paragraphs: list[tuple[int, int]] | None = None,
                     lost_open_cue: re.Pattern[str] | None = None,
                     lost_close_cue: re.Pattern[str] | None = None,
                     speech_word: Callable[[str], bool] | None = None) -> list[QuoteSpan]:
    """Pair the quotation marks of ``text`` into spans, sorted by start.

    ``paragraphs`` are (start, end) offsets (default: non-blank lines); a quotation
    left open at a paragraph end continues when the next paragraph opens with a mark.
    ``lost_open_cue`` matches the words after which a quotation whose opening mark
    was lost begins (its end is where the quotation starts; a match in its group named
    ``pronoun`` only overrides a colon sentences before it); ``lost_close_cue`` the
    words where the writer takes over from a quotation whose closing mark was lost;
    ``speech_word`` tells the reporting verbs after which a mark glued to them may open.
    """
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    return _undoubled(_Pairer(text, lost_open_cue, lost_close_cue, speech_word).run(paragraphs))


def _undoubled(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """««...»»: marks typed twice make one quotation, bounded by the inner pair. The
    second closing mark, left without a partner, would start a quotation whose opening
    mark was lost right before the pair it encloses; that span is dropped."""
    paired = [span for span in spans if span.open_mark is not None and span.close_mark is not None]
    return [span for span in spans if not (
        span.open_mark is None and span.close_mark is not None and any(
            other.close_mark == span.close_mark - 1 and span.start <= other.open_mark <= span.start + 1
            for other in paired))]
