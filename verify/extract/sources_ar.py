"""Arabic sourcing phrases and outlets: بحسب X، وفقاً لـ X، لـ«الحياة»، لوكالة رويترز.

Pure parsing over tokens; the cue reader (``cues_ar``) resolves the speakers.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon_ar as lx
from .clauses_ar import COMMAS, END_PUNCT, SUBJECT_ENDS
from .cues import is_mark
from .entities import ORG, PERSON, PRONOUN, TITLE, UNNAMED, Mention
from .keys import fold_ar, possessed_forms, strip_al
from .mentions_ar import is_definite, is_provision, mention_of, name_like
from .segment import Tok

__all__ = ["IN_LINE_WITH", "Source", "outlet_at", "source_at"]


def outlet_at(text: str, toks: list[Tok], j: int) -> tuple[str, int] | None:
    """An outlet named after ل: لـ«الحياة»، لصحيفة الوطن، لرويترز -> (name, next)."""
    tok = toks[j]
    key = tok.key
    if not key.startswith("ل"):
        return None
    n = len(toks)
    if key in ("ل", "لـ") and j + 1 < n and is_mark(toks[j + 1].text):
        k = j + 2
        while k < n and k < j + 8 and not is_mark(toks[k].text):
            k += 1
        if k > j + 2 and k < n and is_mark(toks[k].text):
            return text[toks[j + 2].start:toks[k - 1].end], k + 1
        if j + 2 < n and toks[j + 2].text.isalpha() and toks[j + 2].key.startswith("ال"):
            return toks[j + 2].text, j + 3  # لـ"الاقتصادية الطيار: the closing mark lost
        return None  # (لـ«مواقعنا في الشريط الحدودي ...»: words in marks, no outlet's name)
    rest = key[2:] if key.startswith("لل") else key[1:]
    rest_al = "ال" + key[2:] if key.startswith("لل") else rest
    if rest in lx.AGENCY_KEYS or rest_al in lx.AGENCY_KEYS:
        written = text[tok.start + 1:tok.end]
        return ("ال" + written[1:] if key.startswith("لل") else written), j + 1
    if rest in lx.OUTLET_NOUN_KEYS or rest_al in lx.OUTLET_NOUN_KEYS:
        k = j + 1
        if k < n and is_mark(toks[k].text):
            m = k + 1
            while m < n and m < k + 8 and not is_mark(toks[m].text):
                m += 1
            if m > k + 1 and m < n and is_mark(toks[m].text):
                return text[toks[k + 1].start:toks[m - 1].end], m + 1
            return None
        m = k
        name = next((len(name) for name in lx.AGENCY_NAME_KEYS
                     if tuple(t.key for t in toks[k:k + len(name)]) == name), 0)
        if name:  # لوكالة فرانس برس | روبرت كلين: the agency's name ends there, after
            m = k + name  # the adjectives it takes (مهر الحكومية، الأناضول التركية)
            while m < n and m < k + name + 2 and (toks[m].key in ("للانباء", "للاخبار") or (
                    toks[m].key.startswith("ال") and toks[m].key.endswith(("يه", "ي")))):
                m += 1
        while not name and m < n and m < k + 3 and toks[m].key not in lx.FUNCTION_KEYS and not (
                toks[m].key in lx.COMPLEMENTIZER_KEYS or toks[m].text in COMMAS
                or toks[m].key in lx.PARTICIPLE_KEYS or toks[m].key in lx.VERB_KEYS
                # لوكالة فرانس برس طالبا عدم كشف اسمه: an accusative after the name
                or m > k + 1 and toks[m].text.endswith(("ا", "اً", "ًا")) and len(toks[m].text) > 3
                or is_mark(toks[m].text) or not toks[m].text.isalpha()):
            m += 1
        written = text[tok.start + 1:toks[m - 1].end if m > k else tok.end]
        if key.startswith("لل"):
            written = "ال" + written[1:]  # للصحيفة -> الصحيفة
        return written, (m if m > k else k)
    return None


@dataclass(frozen=True, slots=True)
class Source:
    """A sourcing phrase parsed: who or what is the source, through which outlet, and
    where the words it covers begin (after it) or whether they come before it."""

    mention: Mention
    via: str | None
    content_start: int | None
    preposed: bool
    cue_end: int  # char offset where the phrase itself ends
    next_index: int


def source_at(text: str, toks: list[Tok], i: int) -> Source | None:
    """بحسب X، وفقاً لـ X، نقلاً عن X، حسبما ذكرت X starting at token ``i``."""
    tok = toks[i]
    n = len(toks)
    preposed = i == 0 or toks[i - 1].text in COMMAS or toks[i - 1].key in ("و",) or (
        tok.key[:1] == "و" and tok.key[1:] in lx.SOURCE_KEYS)  # ... ووفق المادة 125 «...»
    j = i + 1
    while j < n and (toks[j].key in lx.SOURCE_LINK_KEYS or toks[j].key in lx.VERB_KEYS):
        j += 1
    if j > i + 1 and j + 1 < n and toks[j - 1].key in lx.VERB_KEYS and toks[j].key in _WITH_IT and (
            toks[j + 1].text.isalpha() and toks[j + 1].key not in lx.FUNCTION_KEYS):
        j += 1  # بحسب ما صرح به مارك ليفنسون، وفق ما أدلت به الوزارة: who said it follows
    start = j
    outlet = outlet_at(text, toks, j) if j < n else None
    source_tokens: list[Tok] = []
    via = None
    if outlet is not None:
        via, j = outlet
        if any(t.key in lx.VERB_KEYS for t in toks[i + 1:start]):
            # بحسب ما يقول لوكالة فرانس برس روبرت كلين: who told the agency follows it
            k = j
            while k < n and k - j < 8 and not (
                    toks[k].text in COMMAS or toks[k].text in END_PUNCT or is_mark(toks[k].text)
                    or toks[k].key in lx.COMPLEMENTIZER_KEYS or toks[k].key in lx.VERB_KEYS
                    or toks[k].key in lx.PARTICIPLE_KEYS or toks[k].key in lx.FUNCTION_KEYS):
                k += 1
            told = mention_of(text, toks[j:k]) if k > j else None
            if told is not None and told.kind in (PERSON, TITLE, UNNAMED):
                source_tokens = toks[j:k]
                j = k
    elif j < n and is_mark(toks[j].text):
        k = j + 1
        while k < n and k < j + 8 and not is_mark(toks[k].text):
            k += 1
        if k >= n or k == j + 1 or not is_mark(toks[k].text):
            return None
        via = text[toks[j + 1].start:toks[k - 1].end]
        j = k + 1
    else:
        limit = 14 if preposed else 8
        while j < n and j - start < limit:
            t = toks[j]
            if (t.text in COMMAS or t.text in END_PUNCT or is_mark(t.text)
                    or t.key in lx.COMPLEMENTIZER_KEYS or t.key in lx.VERB_KEYS
                    or t.key in lx.PARTICIPLE_KEYS or t.key in lx.EDITORIAL_KEYS
                    or (not preposed and t.key in lx.FUNCTION_KEYS)):
                break
            if source_tokens and via is None and (told := outlet_at(text, toks, j)) is not None and (
                    (said := mention_of(text, source_tokens)) is not None
                    and (said.kind in (PERSON, UNNAMED) or said.kind in (ORG, TITLE) and not (
                        t.key.startswith("لل") or said.kind == TITLE and is_definite(source_tokens[-1])))):
                # حسبما ذكر ضابط | لوكالة رويترز: who spoke, then the outlet he told (not
                # المدير العام للقناة, the channel's director, nor المؤسسة العامة
                # للإذاعة, a body's own name)
                via, j = told
                break
            source_tokens.append(t)
            j += 1
        if not source_tokens or (preposed and j < n and j - start >= limit):
            return None
        relative = next((k for k, t in enumerate(source_tokens) if k and t.key in SUBJECT_ENDS), None)
        if relative is not None and (kept := mention_of(text, source_tokens[:relative])) and (
                kept.kind in (PERSON, UNNAMED, TITLE)):
            source_tokens = source_tokens[:relative]  # المسؤول | الذي فضل عدم ذكر اسمه
        if len(source_tokens) == 1 and source_tokens[0].text.endswith(("ه", "ها", "هم")) and (
                len(source_tokens[0].key) > 4 and not name_like(source_tokens[0])):
            return None  # وبحسب اختياره: as he chooses, not according to someone
        if j < n and is_mark(toks[j].text) and all(
                strip_al(t.key) in lx.OUTLET_NOUN_KEYS or t.key in lx.OUTLET_NOUN_KEYS
                for t in source_tokens):
            k = j + 1  # بحسب وكالة «يونهاب»: the outlet's name is in the marks
            while k < n and k < j + 8 and not is_mark(toks[k].text):
                k += 1
            if k < n and k > j + 1:
                via = text[toks[j + 1].start:toks[k - 1].end]
                source_tokens = []
                j = k + 1
    content = None
    if preposed:
        k = j
        while k < n and (toks[k].text in COMMAS or toks[k].key in lx.COMPLEMENTIZER_KEYS):
            k += 1
        if k < n and toks[k].text not in END_PUNCT:
            content = toks[k].start
    if source_tokens and _points_back(source_tokens[0]):
        # وفق قوله، حسب تعبيرها، وفق ما نقلته، حسبما ذكر في نصها: the words are the
        # current speaker's (or the writer's), nobody new speaks
        return Source(Mention(text[tok.start:source_tokens[-1].end], PRONOUN, tok.start,
                              source_tokens[-1].end), via, content, preposed,
                      toks[max(i, start - 1)].end, j)
    mention = mention_of(text, source_tokens) if source_tokens else None
    if mention is not None and (_in_accordance(mention, source_tokens[0])
                                or tok.key in IN_LINE_WITH and not _cites(mention, source_tokens[0])):
        return None
    if mention is not None and source_tokens[0].key.startswith("ل") and (
            source_tokens[0].key.startswith("لل") or tok.key.endswith(("وفقا", "طبقا"))):
        mention = _without_preposition(text, mention, source_tokens[0])
    if mention is None:
        if via is None:
            return None
        mention = Mention(via, ORG, tok.start, tok.end)  # بحسب «الحياة»
    elif via is None and (strip_al(source_tokens[0].key) in lx.OUTLET_NOUN_KEYS
                          or all(t.key in lx.AGENCY_KEYS for t in source_tokens)):
        via = mention.text  # بحسب وكالة الأنباء الألمانية: an outlet
    return Source(mention, via, content, preposed, toks[max(i, start - 1)].end, j)


_WITH_IT = frozenset(fold_ar(w) for w in ("به", "بها"))

# "In line with": a source only when a speaker, outlet or document follows (وفق مصادر،
# وفق بيان، وفق العواجي), not a plan or a rule (وفق برنامج، وفق مجموعة من القواعد).
IN_LINE_WITH = frozenset(fold_ar(w) for w in ("وفق", "ووفق"))


def _speaks(first: Tok) -> bool:
    """Does a phrase opening with this word name someone or something that speaks: a
    title, rank, kin word, unnamed source, body, outlet, agency or document?"""
    bare = strip_al(first.key)
    return (bare in lx.TITLE_KEYS or first.key in lx.HONORIFIC_KEYS or bare in lx.KINSHIP_KEYS
            or bare in lx.UNNAMED_KEYS or first.key in lx.UNNAMED_KEYS
            or bare in lx.INSTITUTION_KEYS or bare in lx.OUTLET_NOUN_KEYS
            or bare in lx.DOCUMENT_NOUN_KEYS or bare in lx.REPORT_PLURAL_KEYS
            or first.key in lx.AGENCY_KEYS)


def _cites(mention: Mention, first: Tok) -> bool:
    """Is the phrase after وفق a speaker, an outlet or a document (وفق العواجي)?"""
    return mention.kind == PERSON and bool(mention.name) and mention.text == mention.name or (
        _speaks(first)) or mention.kind == ORG and is_provision(mention)  # وفق المادة 125


def _in_accordance(mention: Mention, first: Tok) -> bool:
    """وفق عناية الدولة بقيادة الملك سلمان: a person named at the end of a phrase that
    opens with a common noun (not a title, rank, kin word or body) is not a source; the
    phrase means "in line with", and the name belongs to a noun inside it."""
    if mention.kind != PERSON or not mention.name or mention.text.startswith(mention.name):
        return False
    return not (_speaks(first) or first.key.startswith("ل") or not first.text.isalpha())


def _points_back(tok: Tok) -> bool:
    """قوله، تعبيره، نقلته، في: a speech noun or verb with a pronoun, or a preposition,
    where a source phrase would name its source."""
    key = tok.key
    if key in lx.FUNCTION_KEYS:
        return True
    # روايته: the ta marbuta of رواية is written ت before the pronoun
    return any(form in lx.SOURCE_LINK_KEYS or form in lx.VERB_KEYS or form in lx.SPEECH_ACT_KEYS
               for form in possessed_forms(key))



def _without_preposition(text: str, mention: Mention, first: Tok) -> Mention:
    """وفقاً لخبير -> خبير; وفقاً للناطق -> الناطق (the article lost after ل restored in
    the name; the mention stays as written)."""
    definite = first.key.startswith("لل")
    start = mention.start if definite else mention.start + 1
    name = mention.name if mention.name is not None else None
    if name is not None and mention.start == first.start and text.startswith(name, first.start):
        name = ("ال" + name[2:]) if definite else name[1:]
    elif name is None and definite:
        name = "ال" + text[mention.start + 2:mention.end]
    return Mention(text[start:mention.end], mention.kind if name is None else (
        mention.kind if mention.kind != UNNAMED else UNNAMED), start, mention.end, name,
        mention.keys or ((fold_ar(name),) if name else ()), mention.title_keys, mention.head,
        mention.gender)
