"""Arabic attribution cues: reporting verbs, participles, relays and sourcing phrases.

Read as a careful reader of Arabic news would: the verb comes first and its subject
after it (وقال الوزير إن), or the subject before it (وكانت منصة موسكو أعلنت); a
verb with no subject (وأضاف) continues the current speaker; participles (مشيراً،
واصفاً) continue the speaker of their sentence; نقلت X عن Y قوله relays Y through X.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import pairwise

from . import lexicon_ar as lx
from .clauses_ar import (
    BI,
    CLAUSE_BREAKS,
    COMMAS,
    DEMONSTRATIVES,
    END_PUNCT,
    KANA,
    NAME_WORDS,
    ONE_OF,
    PARTICLES_BEFORE_VERB,
    PLURAL_ENDINGS,
    RELATIVES,
    SUBJECT_LIMIT,
    SVO_LIMIT,
    TANWEEN,
    TITLE_SYNONYMS,
    ends_subject,
    is_manner,
    manner_noun,
    names_next,
    object_opener,
)
from .cues import Cue, is_mark
from .entities import ORG, PERSON, PRONOUN, TITLE, UNNAMED, Entity, Mention, Registry
from .fullnames_ar import FullNames
from .keys import PRONOUN_SUFFIXES, THEIR_SUFFIXES, fold_ar, possessed_forms, strip_al, words
from .mentions_ar import (
    bracket_named,
    derived_accusative,
    ends_with_name,
    eulogy_at,
    governs_possessed,
    in_body_name,
    is_abbreviation_dot,
    is_body,
    is_definite,
    is_family_name,
    is_initial,
    mention_of,
    mention_word,
    name_keys,
    name_like,
    one_of_them,
    org_extent,
    scan_titled_names,
    source_adjective,
    verb_with_object,
)
from .segment import Sentence, Tok
from .sources_ar import IN_LINE_WITH, outlet_at, source_at

__all__ = ["find_cues_ar"]

_SUBJECT_PREPOSITIONS = frozenset(fold_ar(w) for w in ("في", "من", "على", "عن", "مع"))
_AGAIN = frozenset(fold_ar(w) for w in ("جديد",))
_AS = frozenset(fold_ar(w) for w in ("كما", "مثلما"))
_AS_VERBS = frozenset(fold_ar(w) for w in ("ورد", "وردت", "جاء", "جاءت", "نقل", "نقلت"))
_BEFORE_THAT_TIME = frozenset(fold_ar(w) for w in ("منذ", "بعد", "قبل", "وبعد", "وقبل", "ومنذ"))
_ABOUT = frozenset(fold_ar(w) for w in ("وعن", "عن", "وحول", "حول"))
# من جهة أخرى، من ناحية ثانية: "on the other hand" after a subject.
_SIDE = frozenset(fold_ar(w) for w in ("جهة", "ناحية"))
_OTHER = frozenset(fold_ar(w) for w in ("أخرى", "اخرى", "ثانية"))
_ISSUED = frozenset(fold_ar(w) for w in ("صادر", "الصادر", "صادرة", "الصادرة", "صدر", "صدرت"))
# Names of places and houses that end as a plural in ين would (البحرين، الكرملين).
_DUAL_PLACES = frozenset(fold_ar(w) for w in (
    "الحرمين", "النهرين", "الرافدين", "البحرين", "الكرملين"))


def _oblique_plural(tok: Tok) -> bool:
    """المسلمين، المواطنين: a definite plural in the accusative or genitive (ين), which a
    verb's subject never is (المسلمون); not a singular whose stem ends so (الحسين،
    الأمين) nor a place (البحرين)."""
    key = tok.key
    return (key.startswith("ال") and key.endswith("ين") and len(key) >= 7 and tok.text.isalpha()
            and key not in lx.PLACE_KEYS and key not in _DUAL_PLACES)


_SAYS_NOW = frozenset(fold_ar(w) for w in words("يقول تقول يضيف تضيف يؤكد تؤكد يوضح توضح"))
_CAUSATIVE = frozenset(fold_ar(w) for w in words("جعل يجعل وجعل دفع يدفع ودفع"))
_ISSUING = frozenset(fold_ar(w) for w in words(
    "أصدر وأصدر أصدرت وأصدرت نشر ونشر نشرت ونشرت وزع ووزع وزعت ووزعت بث وبث بثت وبثت"))
_BUT = frozenset(fold_ar(w) for w in ("لكن", "ولكن", "بينما", "فيما"))
_WHILE = frozenset(fold_ar(w) for w in ("بينما", "فيما", "وبينما", "وفيما"))
_AS_WELL = frozenset(fold_ar(w) for w in ("كما", "وكما"))
# Titles that take a preposition (المشرف على، القائمون على، المسؤول عن), written without
# the article: they are compared with the subject's word stripped of it.
_TITLE_PREPOSITIONS = {fold_ar("على"): frozenset(fold_ar(w) for w in (
                           "مشرف", "مشرفة", "قائم", "قائمة", "قائمون", "قائمين", "وصي")),
                       fold_ar("عن"): frozenset(fold_ar(w) for w in (
                           "مسؤول", "مسؤولة", "مسئول", "مسئولة", "مسؤولون", "مسؤولين", "نائب",
                           "نائبة", "ممثل", "ممثلة", "متحدث", "متحدثة", "ناطق", "ناطقة"))}


def _governs_preposition(subject: list[Tok], key: str) -> bool:
    """Does the title the subject ends with (past its adjectives: المشرف العام) take
    this preposition?"""
    k = len(subject) - 1
    while k > 0 and subject[k].key in lx.DESCRIPTOR_KEYS:
        k -= 1
    return strip_al(subject[k].key) in _TITLE_PREPOSITIONS[key]


def _demonstrative(tok: Tok) -> bool:
    """هذه، وبهذه، لذلك: a demonstrative, alone or after a conjunction or preposition."""
    key = tok.key
    return any(key.startswith(p) and key[len(p):] in DEMONSTRATIVES
               for p in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"))
_WHICH = frozenset(fold_ar(w) for w in ("التي", "الذي"))
_RELAYING = frozenset(fold_ar(w) for w in ("نقلا", "نقلاً", "ونقلا", "ونقلاً"))
_PREVIOUSLY = frozenset(fold_ar(w) for w in ("سبق", "وسبق", "فسبق"))
_TRUSTED = frozenset(fold_ar(w) for w in ("موثوق", "موثوقة", "الموثوق", "الموثوقة"))
_TRUSTED_IN = frozenset(fold_ar(w) for w in ("به", "بها", "بهم", "بهما"))
# المصدر نفسه، المسؤول ذاته: "the same source" adds nothing to its description
_SAME_KEYS = frozenset(fold_ar(w) for w in ("نفسه", "نفسها", "ذاته", "ذاتها", "نفسهم", "ذاتهم"))
_NAME_LINKS = frozenset(fold_ar(w) for w in ("بن", "ابن", "بنت", "عبد"))
_PREPOSITION_PRONOUNS = frozenset(fold_ar(w) for w in (
    "عليه", "عليها", "عليهم", "له", "لها", "لهم", "إليه", "إليها", "عنه", "عنها", "منه",
    "منها", "فيه", "فيها"))
_WHAT = frozenset(fold_ar(w) for w in ("ما", "فيما", "مما", "بما", "لما"))  # ما يسمى: so-called
# ... and to me, to us, to you: قال لي وودي ألن، وقال لنا المدرب
_TO_HIM_OR_ME = _PREPOSITION_PRONOUNS | frozenset(fold_ar(w) for w in ("لي", "لنا", "لك", "لكم"))
# Verbs whose object is the one told (أبلغ فلان «الصحيفة» أن); lemmas as the verb
# lexicon writes them
_TELL = frozenset({"أبلغ"})
_ONCE = frozenset(fold_ar(w) for w in ("ذات", "وذات"))  # ذات مرة، ذات يوم: once, one day
_MESSAGES = tuple(fold_ar(w) for w in ("اتصال", "برقي", "رسال"))  # (اتصالا، برقية، رسالة)
# Participles that give a nickname after a name (الملقب بالبرق الأبيض).
_NICKNAMED = frozenset(fold_ar(w) for w in ("الملقب", "الملقبة", "المكنى", "المكناة"))
_DURING_IT = frozenset(fold_ar(w) for w in ("خلاله", "خلالها"))
# يقول في البداية فلان، وقال في الختام فلان: where in his words he said it; the subject
# follows
_IN_ORDER = frozenset(fold_ar(w) for w in ("البداية", "البدء", "المستهل", "الختام", "النهاية",
                                           "المقابل"))
# وقالت في وقت سابق فلانة، وقال في الوقت نفسه فلان: when; the subject follows
_TIME_OF = frozenset(fold_ar(w) for w in ("وقت", "الوقت"))
_TIME_WHICH = frozenset(fold_ar(w) for w in ("سابق", "لاحق", "متأخر", "مبكر", "نفسه", "ذاته"))


# Nouns whose genitive may look like a verb (عدم ذكر، دون ذكر، بعد إعلان).
_NOUN_GOVERNORS = frozenset(fold_ar(w) for w in ("عدم", "دون", "بدون", "بعد", "قبل", "عند"))
# Verbal nouns of telling that take a name as object (عدم ذكر اسمه، كشف اسمها).
_WITHHELD = frozenset(fold_ar(w) for w in ("ذكر", "كشف", "نشر", "إفصاح", "إعلان", "تحديد"))
DASHES = frozenset("-–—")
_IT_IS = frozenset(fold_ar(w) for w in ("وهو", "وهي"))  # an aside: ، وهو من ...،
_AS_FOR = frozenset(fold_ar(w) for w in ("أما", "وأما"))
_OPENERS = frozenset(fold_ar(w) for w in ("و", "أما", "وأما", "ثم", "كما"))
# «In» before a place opening a sentence, before its verb (وفي عدن أدانت الحكومة).
_WHERE_OPENERS = frozenset(fold_ar(w) for w in ("في", "وفي"))
# Negations standing before a sentence's first verb (ولم يقطع الوزير بأن).
_NOT_BEFORE_VERB = frozenset(fold_ar(w) for w in ("لم", "ولم", "لن", "ولن", "لا", "ولا"))
_QUANTIFIERS = frozenset(fold_ar(w) for w in (
    "كثير", "عديد", "عدد", "بعض", "غالبية", "أغلب", "معظم", "مجموعة", "جملة", "كثيرً"))
_KANA_VERBS = frozenset(fold_ar(w) for w in ("كان", "كانت", "وكان", "وكانت", "فكان", "فكانت"))


_STANDALONE_PREPOSITIONS = frozenset(fold_ar(w) for w in (
    "مع", "عن", "إلى", "الى", "من", "في", "على", "لدى", "بين", "ضد"))


_PRONOUN_ENDINGS = ("نا", "كم", "هم", "ها")  # لمراسلنا، لهم: ل + a noun or a pronoun


_THIS = frozenset(fold_ar(w) for w in ("هذا", "وهذا", "ذلك", "وذلك", "هو", "وهو", "هي", "وهي"))


def _possessed(tok: Tok) -> bool:
    """تحقيقها، إعجابهم: a noun with her or their pronoun, an object, never a subject
    (but سموها، معاليها are the person)."""
    key = tok.key
    forms = possessed_forms(key, THEIR_SUFFIXES)
    if not forms or not tok.text.isalpha() or key in lx.PRONOUN_KEYS:
        return False
    if one_of_them(tok):
        return False  # وكتب أحدهم: one of them (not نسب بعضها إلى: some of it)
    # متحدثها، والدتها، محاميهم: a title or kin of theirs is a person
    return not any(form in lx.TITLE_KEYS or form in lx.KINSHIP_KEYS or form in lx.UNNAMED_KEYS
                   or form in lx.PERSON_NOUN_KEYS for form in forms)


def _unmarked(words: list[Tok]) -> list[Tok]:
    """The words outside quotation marks (المديرة في «هيومن رايتس ووتش»: not the body)."""
    out, inside = [], False
    for tok in words:
        if is_mark(tok.text):
            inside = not inside
        elif not inside:
            out.append(tok)
    return out


def _relative(words: list[Tok]) -> int | None:
    """Where a relative clause (التي، الذي) begins among ``words``, if anywhere."""
    return next((k for k, t in enumerate(words) if t.key in _WHICH), None)


def _said_it(toks: list[Tok], i: int) -> str | None:
    """«...»، هذا ما قاله فلان: a reporting verb carrying "it" after ما, "this is what
    X said"; returns the verb's key without the pronoun. «...». بهذه الكلمات بدأ فلان:
    whatever the verb, "with these words" makes it one of saying."""
    if i >= 2 and toks[i - 2].key in lx.WITH_THESE_KEYS and toks[i - 1].key in lx.WORDS_NOUN_KEYS and (
            toks[i].text.isalpha()):
        return _SAID
    if toks[i].key == _THE_SAYING and i > 0 and toks[i - 1].key in _TO_SAYING and i + 1 < len(toks) and (
            toks[i + 1].key in lx.COMPLEMENTIZER_KEYS):
        # لا يجد حرجا في القول إن، وذهب إلى القول إن: "in saying that", whatever verb
        # governs it
        return _SAID
    if i == 0 or toks[i - 1].key != "ما":
        return None
    return verb_with_object(toks[i].key)


# قوله تعالى: «...»، وفي قوله صلى الله عليه وسلم: "his saying", then the blessing of
# the one who said it
_SAYING_NOUNS = frozenset(fold_ar(w) for w in (
    "قوله", "وقوله", "بقوله", "لقوله", "فقوله", "كقوله", "قول"))
_SAID = fold_ar("قال")
_IN_BODY = frozenset(fold_ar(w) for w in ("في", "لدى", "ب"))
_FROM_HIM = frozenset(fold_ar(w) for w in ("عنه", "عنها", "عنهم", "عنهما"))  # نقلت عنه
_THE_SAYING = fold_ar("القول")
_TO_SAYING = frozenset(fold_ar(w) for w in ("في", "إلى", "الى"))


def _blessed_saying(toks: list[Tok], i: int) -> str | None:
    """قوله تعالى، قوله صلى الله عليه وسلم: a saying noun before the blessing of God or
    the Prophet reads as قال; returns that verb's key."""
    if toks[i].key not in _SAYING_NOUNS or i + 1 >= len(toks):
        return None
    return _SAID if eulogy_at(toks, i + 1)[1] else None


def _van(toks: list[Tok], j: int, in_subject: bool) -> bool:
    """وقال فان جال، المدرب لويس فان جال: فان right after the verb or inside a name,
    before a name word, is "van", not ف + إن."""
    return toks[j].text == "فان" and in_subject and j + 1 < len(toks) and (
        name_like(toks[j + 1])) and j > 0 and toks[j - 1].text.isalpha() and (
        toks[j - 1].key not in lx.FUNCTION_KEYS)


# Honorifics carrying "his/her" and the ranks they are given to (سموه: a prince).
_RANK_PRONOUNS = {fold_ar(k): frozenset(fold_ar(w) for w in v.split()) for k, v in {
    "سموه": "أمير سمو", "سموها": "أميرة سمو", "معاليه": "وزير معالي", "معاليها": "وزيرة معالي",
    "سمو": "أمير سمو", "معالي": "وزير معالي",
}.items()}


def _heads_possessed(toks: list[Tok], j: int) -> bool:
    """نقلت الوكالة عن المعلم | دعم بلاده: an indefinite noun before a noun carrying a
    pronoun heads the object; after a definite word it is no part of a name."""
    if j + 1 >= len(toks):
        return False
    tok, nxt = toks[j], toks[j + 1]
    return (tok.text.isalpha() and not is_definite(tok) and len(tok.key) >= 3
            and tok.key not in lx.FUNCTION_KEYS and tok.key not in lx.PARTICLE_KEYS
            and nxt.text.isalpha() and not is_definite(nxt) and len(nxt.key) >= 5
            and nxt.text.endswith(("ه", "ها", "هم", "هما")) and not name_like(nxt)
            and not nxt.key.endswith("الله"))  # (اللواء متقاعد عبدالله: a name)


def _name_or_title(tok: Tok) -> bool:
    """Can a speaker's mention start with this word (a name, a family name, a title)?"""
    return (name_like(tok) or is_family_name(tok) or strip_al(tok.key) in lx.TITLE_KEYS
            or tok.key in lx.HONORIFIC_KEYS)


def _plain(tok: Tok) -> bool:
    """Not a title, body, rank or descriptor: a word that may be part of a personal name."""
    bare = strip_al(tok.key)
    return not (bare in lx.TITLE_KEYS or bare in lx.INSTITUTION_KEYS
                or tok.key in lx.HONORIFIC_KEYS or tok.key in lx.DESCRIPTOR_KEYS)


def _named_then_titled(words: list[Tok]) -> bool:
    """A full name of two words or more, then a title word (بيار باسكاري المدير السابق):
    a person and what he is, the subject written before its verb."""
    k = 0
    while k < len(words) and words[k].key not in _AS_FOR and (name_like(words[k]) or k and (
            is_family_name(words[k]) or words[k].key in lx.PARTICLE_KEYS)):
        k += 1
    return k >= 2 and k < len(words) and is_definite(words[k]) and (
        strip_al(words[k].key) in lx.TITLE_KEYS) and not any(
        # (not حينما وقف الأمير خالد الفيصل: the titled name after the title is the subject)
        name_like(w) for w in words[k + 1:])


def _without_conjunction(words: list[Tok]) -> list[Tok]:
    """وقاسم سليمان قال: the conjunction glued to a name that opens a clause is not
    part of the name (وليد is a name of its own)."""
    if not words:
        return words
    first = words[0]
    if not (first.key.startswith("و") and len(first.key) >= 4 and first.text.isalpha()
            and first.key not in lx.WAW_NAME_KEYS and not mention_word(first.key)):
        return words
    rest = Tok(first.start + 1, first.end, first.text[1:], first.key[1:])
    if not name_like(rest):
        return words
    return [rest, *words[1:]]


def _content_follows(toks: list[Tok], j: int) -> bool:
    """Does a complementizer or a colon come within a few words, before any full stop?"""
    for k in range(j, min(len(toks), j + 10)):
        if toks[k].text in END_PUNCT:
            return False
        if toks[k].key in lx.COMPLEMENTIZER_KEYS or toks[k].text in (":", "："):
            return True
    return False


def _l_words(sentences: list[Sentence]) -> frozenset[str]:
    """Words that begin with ل and that the document itself shows are not ل + noun: it
    writes them after a preposition (مع لافروف) or as the last word of a name after a
    title (الروسي سيرغي لافروف). Lexicon words after the ل are left out (لمجلس)."""
    found: set[str] = set()
    for sent in sentences:
        toks = sent.tokens
        for k in range(1, len(toks)):
            tok = toks[k]
            key = tok.key
            if key[:1] != "ل" or len(key) < 4 or key.startswith("لل") or is_definite(tok) or (
                    not tok.text.isalpha()) or mention_word(key[1:]) or key.endswith(_PRONOUN_ENDINGS) or (
                    tok.text.endswith("ة")):
                continue  # (اللاعب أربيولا | لتهدئة رونالدو: ل + a verbal noun in ة, a purpose)
            prev = toks[k - 1]
            after = toks[k + 1] if k + 1 < len(toks) else None
            if prev.key in _STANDALONE_PREPOSITIONS or k >= 2 and name_like(prev) and (
                    is_definite(toks[k - 2]) and (toks[k - 2].key in lx.DESCRIPTOR_KEYS
                                                  or strip_al(toks[k - 2].key) in lx.TITLE_KEYS)
                    or toks[k - 2].key in lx.VERB_KEYS) or (
                    # وقال لودفيغ إن، وأكد ليون أن: the subject between verb and content
                    prev.key in lx.VERB_KEYS and after is not None
                    and after.key in lx.COMPLEMENTIZER_KEYS) or (
                    # للموقع جينج لستاري بأن: the last name before the content
                    name_like(prev) and k >= 2
                    and after is not None and after.key in lx.COMPLEMENTIZER_KEYS
                    and any(w.key in lx.VERB_KEYS for w in toks[max(0, k - 6):k - 1])):
                found.add(key)
    return frozenset(found)


def _circumstantial(toks: list[Tok], j: int) -> bool:
    """A participle in the accusative right after a verb (مخاطباً المحطة، معلقا على):
    the manner of speaking. Pattern م...ا of five or six letters, followed by a definite
    noun, a preposition or a clause opener (a name the document knows is checked by
    the caller)."""
    key = toks[j].key
    if not (key.startswith("م") and key.endswith("ا") and 5 <= len(key) <= 6) or (
            j + 1 >= len(toks)):
        return False
    nxt = toks[j + 1].key
    return (nxt.startswith("ال") or nxt in _CIRCUMSTANCE_FOLLOWERS
            or nxt in lx.COMPLEMENTIZER_KEYS or toks[j + 1].text in (":", "："))


_CIRCUMSTANCE_FOLLOWERS = frozenset(fold_ar(w) for w in (
    "على", "عن", "إلى", "الى", "في", "من", "مع", "حديثه", "كلامه", "كلمته"))


@dataclass(slots=True)
class _Speaker:
    name: str
    entity: Entity | None
    gender: str | None
    mention: str | None
    paragraph: int
    via: str | None = None
    inferred: bool = False
    local_only: bool = False  # speaks later in this sentence only (no words of its own)
    waiting: bool = False  # the subject of a verb with no words, whose words come later


class _Reader:
    """Walks the sentences of one document in order, keeping who is speaking."""

    def __init__(self, text: str, sentences: list[Sentence],
                 quoted: list[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        self.quoted = quoted  # outer ranges of quoted spans, sorted
        self.registry = Registry()
        self.recent: list[_Speaker] = []
        self.people: list[tuple[Mention, Entity]] = []
        self.last_people: list[tuple[Mention, Entity]] = []  # of the last sentence naming any
        self.opening: _Speaker | None = None  # a titled name opening the current sentence
        self.found: list[Cue] = []  # the cues of the current sentence so far
        self.current = 0  # the index of the sentence being read
        self.subject: _Speaker | None = None  # a verb's speaker in it, without words
        self.wording: _Speaker | None = None  # whose text was quoted last (وتنص ... على)
        # document noun (بيان، نشره) -> who spoke through the last one named
        self.documents: dict[str, _Speaker] = {}
        self.own_l = _l_words(sentences)
        # an unnamed source's noun (مصدر) -> the last one introduced with it, and the
        # keys of the words describing it
        self.unnamed: dict[str, tuple[_Speaker, frozenset[str]]] = {}

    # ---- document walk ---------------------------------------------------------------

    def run(self) -> list[Cue]:
        cues: list[Cue] = []
        q = 0
        for index, sent in enumerate(self.sentences):
            self.current = index
            self.opening = None
            people: list[tuple[Mention, Entity]] = []
            for mention in scan_titled_names(self.text, sent.tokens, self.own_l):
                entity = self.registry.add(mention, mention.start)
                if entity is not None and self._opens(sent, mention):
                    self.opening = _Speaker(entity.name, entity, entity.gender, mention.text,
                                            sent.paragraph, inferred=True)
                if entity is not None and entity.kind == PERSON:
                    people.append((mention, entity))
                    self._apposed_titles(sent.tokens, mention.end, entity)
            inside = []
            for tok in sent.tokens:
                while q < len(self.quoted) and self.quoted[q][1] <= tok.start:
                    q += 1
                inside.append(q < len(self.quoted) and self.quoted[q][0] < tok.start)
            if self.people:
                self.last_people = self.people
            self.people = people
            self._issued(sent, inside)
            found = self._sentence(sent, inside)
            self._stated_in(sent, inside, found)
            if not found and people and any(inside):
                found = self._named_only(sent, people)
            self._introduced(sent, inside)
            if not any(cue.speaker for cue in found) and not (inside and inside[0] and all(
                    inside[k] or is_mark(t.text) or not t.text.isalnum()
                    for k, t in enumerate(sent.tokens))):
                # (not a sentence wholly inside someone's quoted words: واستهداف المملكة
                # لم تعد مهمة تتم من الداخل فقط. is what he said, not whom the next
                # verb continues)
                # بعد الحادثة، انفجر يونكر. قال: «...»: the person a sentence is about,
                # whatever its verb, is whom the next verb without a subject continues
                topic = self.subject or self._topic(sent) or self._acting(sent, inside)
                # (a body the sentence is about, الحكومة اليمنية، only when it names no
                # person: أبرم الاتحاد عقدا بحضور رئيسه فلان is about him too)
                body = not any(entity.name not in (topic.name if topic else "")
                               for _, entity in people) and (topic is not None and (
                    topic.entity is None and (fold_ar(topic.name).startswith("ال") or fold_ar(
                        topic.name.split()[0]) in lx.INSTITUTION_KEYS and not self.recent)
                    or topic.entity is not None and topic.entity.kind == ORG))
                if topic is not None and (body or topic.entity is not None and (
                        topic.entity.kind == PERSON)):
                    self._push(topic)
            cues.extend(found)
        names = FullNames(self.sentences, self.registry, self.own_l)
        speakers = names.complete([cue.speaker for cue in cues if cue.speaker])
        for cue in cues:
            if cue.speaker:
                cue.speaker = speakers[cue.speaker]
        return cues

    def _named_only(self, sent: Sentence, people: list[tuple[Mention, Entity]]) -> list[Cue]:
        """A sentence with quoted words, no reporting verb and one person named before
        them (صعد الفنان فلان ليكون راوي الحكاية التي هي «...»): the words are his."""
        if len({entity.name for _, entity in people}) != 1:
            return []
        mention, entity = people[0]
        k = bisect_left(self.quoted, (mention.end, -1))
        if k >= len(self.quoted) or self.quoted[k][0] >= sent.end:
            return []
        cue = Cue(sent.index, sent.paragraph, mention.start, mention.end, "", "mention", "",
                  None, speaker=entity.name, mention=mention.text, inferred=True)
        return [cue]

    @staticmethod
    def _opens(sent: Sentence, mention: Mention) -> bool:
        """Does a titled name open the sentence (الفريق ضاحي خلفان لم يترك ... إذ قال)?"""
        toks = sent.tokens
        first = 1 if len(toks) > 1 and toks[0].key in _OPENERS else 0
        return bool(toks) and mention.start == toks[first].start

    def _topic(self, sent: Sentence) -> _Speaker | None:
        """The known person right after a sentence's first verb (ويتفق ناصر آل مغرم مع
        ...، حيث قال), or the titled name the sentence opens with: the subject a later
        verb without one continues."""
        if self.opening is not None:
            return self.opening
        toks = sent.tokens
        colon = next((k for k in range(1, min(len(toks), 6)) if toks[k].text in (":", "：")), None)
        if colon is not None and colon + 3 < len(toks) and any(
                t.text in DASHES or t.text.endswith(tuple(DASHES)) for t in toks[:colon]):
            # سبق- الرياض: أطلقت مدينة الملك فهد الطبية ...: past the dateline
            return self._topic_at(Sentence(sent.index, sent.paragraph, toks[colon + 1].start,
                                           sent.end, toks[colon + 1:]))
        if len(toks) > 4 and toks[0].key in _WHERE_OPENERS and toks[1].text.isalpha() and (
                not is_definite(toks[1]) or toks[1].key in lx.PLACE_KEYS):
            # وفي عدن أدانت الحكومة اليمنية ...: where, then the verb and its subject
            k = 3 if toks[2].text in COMMAS else 2
            return self._topic_at(Sentence(sent.index, sent.paragraph, toks[k].start, sent.end,
                                           toks[k:]))
        return self._topic_at(sent)

    def _topic_at(self, sent: Sentence) -> _Speaker | None:
        toks = sent.tokens
        named = self._named_opening(sent)
        if named is not None:
            return named
        if len(toks) > 2 and toks[0].text.isalpha() and not is_definite(toks[0]) and (
                toks[0].text.endswith("أ") or toks[0].key not in lx.FUNCTION_KEYS
                and not mention_word(toks[0].key)):  # (هنأ folds onto هنا, "here")
            for mention, entity in self.people:
                if mention.start == toks[1].start:
                    # هنأ صاحب السمو الأمير فلان الملكَ ... وقال سموه: the titled name right
                    # after the verb opening the sentence is its subject, not those after
                    return _Speaker(entity.name, entity, entity.gender, mention.text,
                                    sent.paragraph, inferred=True)
        start = 1 if toks and toks[0].key in _BUT else 0
        for size in (3, 2, 1):
            # لكن خامنئي الذي يملك القول الفصل ... تحرك: a known person opening the
            # sentence as its subject, before a relative clause
            end = start + size
            if end < len(toks) and toks[end].key in _WHICH and all(
                    name_like(t) or is_family_name(t) for t in toks[start:end]):
                key = " ".join(t.key for t in toks[start:end])
                entity = self.registry.find((key,))
                if entity is not None and entity.kind == PERSON:
                    return _Speaker(entity.name, entity, entity.gender,
                                    self.text[toks[start].start:toks[end - 1].end],
                                    sent.paragraph, inferred=True)
        v = 1 if toks and toks[0].key in _AS_WELL else 0
        if len(toks) > v + 2 and toks[v].text.isalpha() and not is_definite(toks[v]) and (
                toks[v].key not in lx.FUNCTION_KEYS and not mention_word(toks[v].key)
                and toks[v + 1].key in lx.UNNAMED_KEYS):
            # كما تحدث مصدر عسكري مالي عن ...، وأشار إلى: an unnamed source after the verb
            # (and the adjectives that say what kind) is the subject a later verb continues
            end = v + 2
            while end < len(toks) and end < v + 5 and source_adjective(toks[end]):
                end += 1
            named = self.text[toks[v + 1].start:toks[end - 1].end]
            return _Speaker(named, None, None, named, sent.paragraph, inferred=True)
        if len(toks) < 3 or toks[0].key in lx.FUNCTION_KEYS or not toks[0].text.isalpha():
            return None
        if is_definite(toks[1]) and strip_al(toks[1].key) in lx.INSTITUTION_KEYS and (
                not mention_word(toks[0].key)) and not is_definite(toks[0]):
            # وتهدف الحكومة من خلال البرنامج ...، حيث أكدت أن: the body after the verb,
            # the one the document named in full if any (looked up, not recorded: the
            # verb may not be its)
            known = self.registry.by_title(strip_al(toks[1].key), frozenset(), toks[1].start)
            if known is not None and known.kind == ORG:
                return _Speaker(known.name, known, known.gender, toks[1].text, sent.paragraph,
                                inferred=True)
            end = 2
            while end < len(toks) and end < 4 and is_definite(toks[end]) and toks[end].text.isalpha() and (
                    toks[end].key.endswith(("ي", "يه"))):
                end += 1  # الحكومة اليمنية: its nisba adjectives
            named = self.text[toks[1].start:toks[end - 1].end]
            return _Speaker(named, None, None, named, sent.paragraph, inferred=True)
        if not is_definite(toks[1]) and toks[1].key in lx.INSTITUTION_KEYS and (
                not mention_word(toks[0].key)) and not is_definite(toks[0]):
            # أطلقت مدينة الملك فهد الطبية خدمة ... وأوضحت: a body's full name after the
            # verb
            end = 2 + org_extent(toks[1:])
            while end < len(toks) and end < 9 and toks[end].text.isalpha() and (
                    name_like(toks[end]) and toks[end - 1].key in lx.HONORIFIC_KEYS
                    or is_definite(toks[end]) and toks[end].key.endswith(("ي", "يه"))):
                end += 1  # (مدينة الملك | فهد الطبية: a person's name inside the body's)
            if end >= 3:
                named = self.text[toks[1].start:toks[end - 1].end]
                return _Speaker(named, None, None, named, sent.paragraph, inferred=True)
        if not name_like(toks[1]):
            return None
        for size in (3, 2, 1):
            if 1 + size <= len(toks):
                key = " ".join("بن" if t.key == "ابن" else t.key for t in toks[1:1 + size])
                entity = self.registry.find((key,))
                if entity is not None and entity.kind == PERSON:
                    return _Speaker(entity.name, entity, entity.gender,
                                    self.text[toks[1].start:toks[size].end], sent.paragraph,
                                    inferred=True)
        return self._name_then_title(sent) or self._titled_topic(sent)

    def _titled_topic(self, sent: Sentence) -> _Speaker | None:
        """ولم يقطع الوزير المصري بأن ...، بيد أنه قال: a definite title right after the
        verb opening the sentence (a negation before it allowed), held by one person the
        document named with it, is the subject a later pronoun or verb continues."""
        toks = sent.tokens
        v = 1 if toks and toks[0].key in _NOT_BEFORE_VERB else 0
        t = v + 1
        if t >= len(toks) or not toks[v].text.isalpha() or is_definite(toks[v]) or (
                toks[v].key in lx.FUNCTION_KEYS or mention_word(toks[v].key)):
            return None
        head = toks[t]
        if not is_definite(head) or strip_al(head.key) not in lx.TITLE_KEYS:
            return None
        m = t + 1
        while m < len(toks) and m - t <= 3 and is_definite(toks[m]) and toks[m].text.isalpha():
            m += 1
        modifiers = frozenset(strip_al(tok.key) for tok in toks[t + 1:m])
        known = self.registry.by_title(strip_al(head.key), modifiers, head.start, TITLE_SYNONYMS)
        if known is None or known.kind != PERSON or not modifiers <= known.title_keys:
            return None
        return _Speaker(known.name, known, known.gender, self.text[head.start:toks[m - 1].end],
                        sent.paragraph, inferred=True)

    def _name_then_title(self, sent: Sentence) -> _Speaker | None:
        """وشعر ايتالو زانزي المدير التنفيذي لروما بإحباط ... ونقل موقع النادي عنه:
        a name of two words or more, then a title, right after the verb opening the
        sentence: recorded (titled names are found before the name only), and the
        subject a later verb or pronoun continues."""
        toks = sent.tokens
        verb = toks[0]
        if not verb.text.isalpha() or is_definite(verb) or verb.key in lx.FUNCTION_KEYS or (
                mention_word(verb.key) or verb.text in NAME_WORDS):
            return None
        k = 1
        while k < len(toks) and k <= 4 and (name_like(toks[k]) or k > 1 and is_family_name(toks[k])):
            k += 1
        if k < 3 or k >= len(toks) or strip_al(toks[k].key) not in lx.TITLE_KEYS:
            return None
        m = k + 1
        while m < len(toks) and m - k < 5 and toks[m].text.isalpha() and (
                is_definite(toks[m]) or toks[m].key.startswith("ل") and m == k + 1
                or strip_al(toks[m].key) in lx.INSTITUTION_KEYS):
            m += 1
        mention = mention_of(self.text, toks[1:m])
        if mention is None or mention.kind != PERSON or not mention.name or (
                len(mention.name.split()) < 2):
            return None
        return self._recorded(mention, sent.paragraph)

    def _recorded(self, mention: Mention, paragraph: int) -> _Speaker | None:
        """Record a person's mention the sentence is about; the subject a later verb
        without one continues."""
        entity = self.registry.add(mention, mention.start)
        if entity is None:
            return None
        return _Speaker(entity.name, entity, entity.gender, mention.text, paragraph,
                        inferred=True)

    def _untitled(self, sent: Sentence) -> _Speaker | None:
        """A person named with no title right after the verb that opens the sentence
        (علمت إيفا كريستا أوريش ... أنها، حيّت ميراي جمهورها ... وقالت): whom a verb
        without a subject continues when no one has spoken yet. Two name words at least,
        or one the document writes elsewhere with the same next name word (ميراي ماتيو)."""
        toks = sent.tokens
        if len(toks) < 3:
            return None
        verb = toks[0]
        if len(verb.key) < 3 or not verb.text.isalpha() or is_definite(verb) or (
                verb.text in NAME_WORDS or mention_word(verb.key)
                or verb.key in lx.PARTICLE_KEYS or verb.key in lx.FUNCTION_KEYS):
            return None
        k = 1
        while k < len(toks) and k <= 4 and (name_like(toks[k]) or k > 1 and is_family_name(
                toks[k])) and toks[k].key not in lx.PARTICLE_KEYS:
            k += 1
            if is_family_name(toks[k - 1]):
                break  # (a family name with the article ends the name)
        words = toks[1:k]
        if not words:
            return None
        name = self._written_with(words[0]) if len(words) == 1 else " ".join(
            t.text for t in words)
        mention = mention_of(self.text, words) if name else None
        if mention is None or mention.kind != PERSON or not mention.name:
            return None
        gender = "f" if verb.key.endswith("ت") and len(verb.key) <= 5 else None
        return _Speaker(name, None, gender, None, sent.paragraph, inferred=True)

    def _written_with(self, word: Tok) -> str | None:
        """The two-word name the document writes a single name word in, the same
        wherever it does (ميراي -> ميراي ماتيو)."""
        found: set[str] = set()
        for sent in self.sentences:
            toks = sent.tokens
            for k in range(len(toks) - 1):
                if toks[k].key == word.key and name_like(toks[k + 1]) and (
                        not mention_word(toks[k + 1].key)):
                    found.add(f"{toks[k].text} {toks[k + 1].text}")
        return found.pop() if len(found) == 1 else None

    def _introduced(self, sent: Sentence, inside: list[bool]) -> None:
        """اعترضت سيدة إماراتية «مجهولة» على ...: a person described, not named, right
        after a sentence's first verb, whatever the verb; a later definite description
        (السيدة المجهولة) points back to her."""
        toks = sent.tokens
        if len(toks) < 3 or inside[1] or toks[0].key in lx.FUNCTION_KEYS or is_definite(toks[0]) \
                or mention_word(toks[0].key) or not toks[0].text.isalpha():
            return
        noun = toks[1].key
        if noun not in lx.PERSON_NOUN_KEYS or noun in self.unnamed:
            return
        words = [toks[1]]
        k = 2
        while k < len(toks) and k <= 5 and (toks[k].text.isalpha() or is_mark(toks[k].text)) and (
                toks[k].key not in lx.FUNCTION_KEYS and not is_definite(toks[k])
                and not (toks[k].key[:1] in "وف" and len(toks[k].key) > 3)  # (| وتكلم)
                and toks[k].key not in lx.VERB_KEYS and not toks[k].key.startswith(("ب", "ل"))):
            if toks[k].text.isalpha():
                words.append(toks[k])
            k += 1
        name = " ".join(t.text for t in words)
        speaker = _Speaker(name, None, None, name, sent.paragraph)
        self.unnamed[noun] = (speaker, frozenset(strip_al(t.key) for t in words[1:]) - _SAME_KEYS)

    def _acting(self, sent: Sentence, inside: list[bool], before: int | None = None
                ) -> _Speaker | None:
        """The one person the document knows whom the sentence names right after a word
        that may be a verb (انفجر يونكر، التقى الوزير فلان), outside quoted words."""
        toks = sent.tokens
        found: dict[str, _Speaker] = {}
        for j in range(1, len(toks)):
            if before is not None and toks[j].start >= before:
                break
            previous = toks[j - 1]
            if inside[j] or not name_like(toks[j]) or not previous.text.isalpha() or (
                    is_definite(previous) or previous.key in lx.FUNCTION_KEYS
                    or previous.key in lx.PARTICLE_KEYS
                    or strip_al(previous.key) in lx.TITLE_KEYS or previous.key in lx.HONORIFIC_KEYS
                    or previous.key[:1] in "بل" and len(previous.key) > 3):
                continue
            entity = self.registry.find((toks[j].key,))
            if entity is not None and entity.kind == PERSON:
                found[entity.name] = _Speaker(entity.name, entity, entity.gender, toks[j].text,
                                              sent.paragraph, inferred=True)
        return next(iter(found.values())) if len(found) == 1 else None

    def _clause_person(self, sent: Sentence, inside: list[bool], comma: int) -> _Speaker | None:
        """The known person the clause before a comma has for the subject of its verb,
        right after the verb that opens it (كرر ظريف موقف روحاني،) or after «ما ...
        عليه» (وهو ما شدد عليه الجبير،): whom a participle after the comma continues."""
        toks = sent.tokens
        k = comma - 1
        while k >= 0 and toks[k].text not in COMMAS and toks[k].text not in END_PUNCT:
            k -= 1
        first = k + 1
        for j in range(first + 1, comma):
            tok, before = toks[j], toks[j - 1]
            if inside[j] or not (name_like(tok) or is_family_name(tok)):
                continue
            opening = j == first + 1 and before.text.isalpha() and not (
                is_definite(before) or before.key in lx.FUNCTION_KEYS
                or mention_word(before.key) or before.key in lx.PARTICLE_KEYS)
            relative = j >= first + 3 and before.key in _PREPOSITION_PRONOUNS and (
                toks[j - 3].key == "ما")
            if opening or relative:
                entity = self.registry.find((tok.key,))
                if entity is not None and entity.kind == PERSON:
                    return _Speaker(entity.name, entity, entity.gender, tok.text,
                                    sent.paragraph, inferred=True)
        return None

    def _named_before(self, sent: Sentence, position: int) -> _Speaker | None:
        """The one titled person the sentence names before ``position`` (امتنع المسؤول
        الإعلامي فلان عن الخوض في التفاصيل، وقال: ...): whom a later verb without a
        subject continues, when no reporting verb came first."""
        before = {entity.name: (mention, entity) for mention, entity in self.people
                  if mention.end <= position}
        if len(before) > 1:
            # بدوره انتقد رئيس اللجنة فلان زيارة الوزير فلان، وقال: of several, the
            # subject of the verb that opens the sentence
            first = min(before.values(), key=lambda pair: pair[0].start)
            before = {first[1].name: first} if self._opens_as_subject(sent, first[0]) else {}
        if len(before) != 1:
            return None
        mention, entity = next(iter(before.values()))
        return _Speaker(entity.name, entity, entity.gender, mention.text, sent.paragraph,
                        inferred=True)

    @staticmethod
    def _opens_as_subject(sent: Sentence, mention: Mention) -> bool:
        """Is the mention the subject of a verb that opens the sentence (بدوره انتقد |
        رئيس اللجنة فلان)? At most two words before the verb, which stands right
        before the mention and is no preposition, article word or title."""
        toks = sent.tokens
        k = next((k for k, tok in enumerate(toks) if tok.start >= mention.start), 0)
        if not 1 <= k <= 3:
            return False
        verb = toks[k - 1]
        return verb.text.isalpha() and not is_definite(verb) and (
            verb.key not in lx.FUNCTION_KEYS and verb.key not in lx.PARTICLE_KEYS
            and strip_al(verb.key) not in lx.TITLE_KEYS and verb.key not in lx.HONORIFIC_KEYS
            and not (verb.key[:1] in "بل" and len(verb.key) > 3 and k == 1))

    def _named_opening(self, sent: Sentence) -> _Speaker | None:
        """A person's name opening the sentence before a comma (نبال.ع، من سكان الحي،
        تقول ...): the one a later verb without a subject continues. Only a full name or
        a name with an initial: a single word may be a place."""
        toks = sent.tokens
        first = 1 if toks and toks[0].key in _OPENERS else 0
        comma = next((k for k in range(first, min(len(toks), first + 5))
                      if toks[k].text in COMMAS), None)
        if comma is None or comma == first:
            return None
        words = toks[first:comma]
        if not all(name_like(t) or t.key in lx.PARTICLE_KEYS or is_initial(toks, k + first)
                   or k > 0 and is_initial(toks, k + first - 1)
                   for k, t in enumerate(words)):
            return None
        mention = mention_of(self.text, words)
        if mention is None or mention.kind != PERSON or not mention.name or (
                mention.text != mention.name) or (
                len(mention.name.split()) < 2 and "." not in mention.name):
            return None
        return self._recorded(mention, sent.paragraph)

    def _sentence(self, sent: Sentence, inside: list[bool]) -> list[Cue]:
        toks = sent.tokens
        found: list[Cue] = []
        self.found = found
        self.subject = None
        local: _Speaker | None = self._topic(sent)
        i = 0
        while i < len(toks):
            tok = toks[i]
            key = tok.key
            said_it = None if key in lx.VERB_KEYS else _said_it(toks, i) or _blessed_saying(toks, i)
            if said_it is not None and i >= 2 and toks[i - 2].key in lx.COMPLEMENTIZER_KEYS and any(
                    cue.speaker for cue in found):
                said_it = None  # معتبرا أن ما اقترحه فلان «...»: what he proposed is the
                # topic of the speaker's clause, the words in marks are the speaker's
            if inside[i] or not (key in lx.VERB_KEYS or key in lx.PARTICIPLE_KEYS
                                 or key in lx.SOURCE_KEYS or key in lx.DOCUMENT_VERB_KEYS
                                 or key in lx.WORDING_VERB_KEYS or said_it is not None):
                i += 1
                continue
            if local is None and not found and not (toks and toks[0].key in _ABOUT):
                # (وعن غياب الأعضاء وفي مقدمتهم فلان قال: those named in the topic do
                # not speak)
                # (عندما سئل فابيوس ...، أجاب قائلاً: the known person the clause before
                # names after its verb)
                local = self._named_before(sent, tok.start) or self._acting(sent, inside, tok.start)
            parsed: tuple[Cue | None, _Speaker | None, int] | None
            if key in lx.DOCUMENT_VERB_KEYS:
                parsed = self._document(sent, i)
            elif key in lx.WORDING_VERB_KEYS:
                parsed = self._wording(sent, i)
            elif key in lx.VERB_KEYS or said_it is not None:
                parsed = self._verb(sent, i, local, said_it)
            elif key in lx.PARTICIPLE_KEYS:
                if i > 0 and toks[i - 1].text in COMMAS:
                    # كرر ظريف موقف روحاني، قائلاً: the known person the clause's verb
                    # has for subject says the words its participle brings
                    local = self._clause_person(sent, inside, i - 1) or local
                parsed = self._participle(sent, i, local)
            else:
                parsed = self._source(sent, i, local)
            if parsed is None:
                i += 1
                continue
            cue, speaker, next_i = parsed
            inner = speaker is not None and self._reported_inside(found, tok.start, speaker) and not (
                # زعمت أنه يقوم بتجنيد نساء، أكد وزير الخارجية فلان: after a comma, a verb
                # with a named subject of its own begins a new clause (not a source phrase:
                # «...، ستتاح لإيران حسب بنود الاتفاق» is still the speaker's clause)
                speaker.mention is not None and speaker.entity is not None
                and key not in lx.SOURCE_KEYS
                and any(t.text in COMMAS for t in toks[:i] if t.start > found[-1].start))
            if inner:
                # وأشار إلى أن اتحاد القدم يرحب بـ...: a body speaking inside another's
                # reported words; the speaker carried on (to a later وقال of the sentence
                # too) stays the outer one
                speaker.local_only = True
            elif speaker is not None and cue is None and self.subject is None:
                self.subject = speaker  # وقال د. فلان خلال ...: a verb with no words
            if cue is not None:
                found.append(cue)
            if speaker is not None and not (inner and cue is None):
                local = speaker
                if not speaker.local_only:
                    self._push(speaker)
                elif cue is not None and speaker.waiting and not inner and (
                        speaker.entity is not None and speaker.entity.kind == PERSON
                        and " " in speaker.entity.name):  # (not يبلغ معدل استهلاكها)
                    # وقال فلان الرئيس التنفيذي للشركة، قال: «...»: the subject of the
                    # verb with no words has spoken; a later وتابع goes on with him
                    self._push(replace(speaker, local_only=False, waiting=False))
            i = max(i + 1, next_i)
        self._merge_sources(found)
        return found

    @staticmethod
    def _reported_inside(found: list[Cue], position: int, speaker: _Speaker) -> bool:
        """Is a verb at ``position`` inside the that-clause of an earlier cue of the
        sentence, whose speaker it is not?"""
        return any(c.complement == "that" and c.content_start is not None
                   and c.content_start <= position and c.speaker is not None
                   and c.speaker != speaker.name for c in found)

    def _push(self, speaker: _Speaker) -> None:
        if self.recent and self.recent[-1].name == speaker.name:
            self.recent[-1] = speaker
        else:
            self.recent.append(speaker)
            del self.recent[:-8]

    @staticmethod
    def _merge_sources(found: list[Cue]) -> None:
        """بحسب «الحياة» next to a reporting verb names the outlet, not the speaker."""
        outlets = [c for c in found if c.kind == "source" and c.via]
        if not outlets:
            return
        verbs = [c for c in found if c.kind != "source"]
        if verbs:
            for verb in verbs:
                if verb.via is None:
                    verb.via = outlets[0].via
            found[:] = [c for c in found if not (c.kind == "source" and c.via)]
            return
        for cue in outlets:
            if cue.via == cue.speaker:
                cue.via = None  # the outlet itself is the source

    # ---- verbs ---------------------------------------------------------------------

    def _object_not_subject(self, mention: Mention, subject: list[Tok], lemma: str, verb: Tok,
                            gender: str | None, local: _Speaker | None) -> bool:
        """Words after a verb that are its object, the subject left unsaid: a noun with a
        pronoun (وتتمنى تحقيقها)، or what a verb of describing describes when someone is
        already speaking (وتصف مادة السكر بـ«الرائعة»: she describes sugar). A title, an
        unnamed source, a body or a name the document knows stays the subject."""
        if mention.kind == ORG and mention.name is None and len(subject) == 1 and (
                _possessed(subject[0])):
            return True
        if lemma not in lx.DESCRIBE_VERBS or verb.key.endswith(PRONOUN_SUFFIXES) or (
                len(subject) > 2 or mention.kind not in (PERSON, ORG) or mention.head):
            return False
        first = strip_al(subject[0].key)
        if first in lx.TITLE_KEYS or first in lx.INSTITUTION_KEYS or subject[0].key in (
                lx.HONORIFIC_KEYS) or (mention.keys and self.registry.find(mention.keys)):
            return False
        current = local or (self.recent[-1] if self.recent else None)
        return current is not None and (gender is None or current.gender in (None, gender))

    def _after_closing_mark(self, position: int) -> bool:
        """Does a quotation mark (and perhaps a full stop) come right before
        ``position``? («...». هكذا تصف فلانة)"""
        before = self.text[max(0, position - 6):position].rstrip(" .\u00a0")
        return bool(before) and is_mark(before[-1])

    def _known_person(self, words: list[Tok]) -> bool:
        """Are these words all a name of a person the document has named?"""
        if not all(name_like(t) or t.key in lx.PARTICLE_KEYS or t.key == "الله"
                   or is_family_name(t) or t.key in self.own_l for t in words):
            return False
        entity = self.registry.find(name_keys([t.text for t in words]))
        return entity is not None and entity.kind == PERSON

    def _ambiguous_here(self, toks: list[Tok], i: int) -> bool:
        """A verb form that is also a noun or preposition (بين، عبر), bare and in the
        middle of a clause: not read as a verb."""
        key = toks[i].key
        return lx.VERB_KEYS[key][0] in lx.AMBIGUOUS_VERBS and not (
            key[0] in "وف" and key[1:] in lx.VERB_KEYS) and not self._clause_start(toks, i)

    def _clause_start(self, toks: list[Tok], i: int) -> bool:
        if i == 0:
            return True
        prev = toks[i - 1]
        if prev.key == "ان" and i > 1 and toks[i - 2].key in _PREVIOUSLY:
            return True  # وسبق أن كشف مصدر: "had earlier revealed"
        return (prev.text in COMMAS or prev.text in ":" or is_mark(prev.text)
                or prev.key in lx.DISCOURSE_KEYS or prev.key in KANA
                or prev.key in lx.TIME_KEYS or prev.key in PARTICLES_BEFORE_VERB
                or prev.key in lx.THUS_KEYS
                # فيما عبر فلان عن: "while" opens a clause (not فيما بين, "between"; لكن
                # is left out: ولكن عبر طريق طويل, "but through"; لكن تذكر, "but remember")
                or prev.key in _WHILE and not (prev.key == "فيما" and toks[i].key == "بين"))

    def _complement(self, toks: list[Tok], j: int, lemma: str, has_subject: bool,
                    after_verb: bool) -> tuple[str, int | None, int] | None:
        """Does the content start at token j? -> (kind, content char offset, next index)."""
        tok = toks[j]
        key = tok.key
        n = len(toks)
        if key in lx.COMPLEMENTIZER_KEYS:
            if j > 0 and toks[j - 1].key in _BEFORE_THAT_TIME:
                return None  # منذ أن كانت، بعد أن: "since", "after", not what was said
            if _van(toks, j, after_verb or has_subject):
                return None
            if tok.text == "بان" and j + 2 < n and name_like(toks[j + 1]) and name_like(toks[j + 2]) and (
                    self.registry.find((fold_ar(" ".join(t.text for t in toks[j:j + 3])),)) is not None):
                return None  # الأمين العام بان كي مون: the name the document gave, not بأن
            return "that", (toks[j + 1].start if j + 1 < n else None), j + 1
        if tok.text in (":", "："):
            return "colon", (toks[j + 1].start if j + 1 < n else None), j + 1
        if is_mark(tok.text):
            return "mark", tok.start, j
        preps = lx.PREPOSITIONS_OF.get(lemma, ())
        if key in preps and key != "ب" and tok.text not in NAME_WORDS:
            if j + 1 >= n:
                return None
            nxt = toks[j + 1]
            if nxt.key in lx.SPEECH_NOUN_KEYS and j + 2 < n:  # خلص إلى القول «...»
                after = self._complement(toks, j + 2, "", True, False)
                if after is not None:
                    return after
            if nxt.key in lx.COMPLEMENTIZER_KEYS:
                return "that", (toks[j + 2].start if j + 2 < n else None), j + 2
            if nxt.key in preps and j + 2 < n:  # لفت النظر إلى
                nxt = toks[j + 2]
                if nxt.key in lx.COMPLEMENTIZER_KEYS:
                    return "that", (toks[j + 3].start if j + 3 < n else None), j + 3
            return "prep", nxt.start, j + 1
        if "ب" in preps and key.startswith("ب") and len(key) > 1 and key not in lx.ABOUT_KEYS:
            # (not بخصوص، بشأن: "about", what he spoke of)
            if key in BI or key == "ب":
                if j + 1 < n:
                    return "prep", toks[j + 1].start, j + 1
                return None
            if lemma in lx.DESCRIBE_VERBS:
                return None  # a description needs its marks (وصفها بـ«...»), and هكذا تصف
                #              الشيف فلانة برويا: a name in ب
            if has_subject or not after_verb or key.startswith("بال") or object_opener(
                    key[1:]) or self.registry.find((key,)) is None:
                return "bi", tok.start + 1, j + 1  # تعهد ببذل (unless بورودافكين is a name)
        elif key in BI and j + 1 < n and is_mark(toks[j + 1].text):
            return "prep", toks[j + 1].start, j + 1
        if lemma in lx.OBJECT_VERBS and object_opener(strip_al(key)) and (
                has_subject or not after_verb or object_opener(key)) and not (
                j > 0 and is_definite(tok) and not is_definite(toks[j - 1])
                and strip_al(toks[j - 1].key) in lx.INSTITUTION_KEYS):
            # (but أعلنت وزارة الصحة: the body's genitive, not صحة "the truth of")
            return "object", tok.start, j
        return None

    def _verb(self, sent: Sentence, i: int, local: _Speaker | None, said_it: str | None = None
              ) -> tuple[Cue | None, _Speaker | None, int] | None:
        """A reporting verb at token ``i`` (``said_it``: its key without the pronoun of
        «هذا ما قاله فلان»)."""
        toks = sent.tokens
        tok = toks[i]
        lemma, gender = lx.VERB_KEYS[said_it or tok.key]
        if TANWEEN.intersection(tok.text):
            return None  # تشددٍ: a noun, verbs take no tanween
        prefixed = tok.key[0] in "وف" and tok.key[1:] in lx.VERB_KEYS
        plural = tok.key.endswith(PLURAL_ENDINGS)
        if lemma in lx.AMBIGUOUS_VERBS and not prefixed and not self._clause_start(toks, i):
            return None
        if tok.key == "عبر" and i + 1 < len(toks) and is_mark(toks[i + 1].text):
            return None  # وكتب "البرقان" عبر "تويتر": "via", not "expressed"
        if tok.key == "وبين" and any(t.key.startswith("بين") for t in toks[max(0, i - 4):i]):
            return None  # العلاقات بينه وبين أوباما: "between him and", not "and explained"
        if i > 0 and toks[i - 1].key in RELATIVES and not said_it and not (
                i + 2 < len(toks) and toks[i + 1].key in _PREPOSITION_PRONOUNS and (
                    _name_or_title(toks[i + 2]) if toks[i - 1].key == "ما" else
                    _name_or_title(toks[i + 2]) and not is_family_name(toks[i + 2]))):
            # a relative clause: الأسباب التي تدعو إلى ذلك (but وهو ما شدد عليه الجبير:
            # "what al-Jubeir stressed", and في الوقت الذي اعتبر فيه هيثم منّاع, "when
            # Haytham Manna held": their subjects named, not a bare family name, الكثير)
            return None
        if tok.key in lx.EDITORIAL_KEYS and i + 1 < len(toks) and (
                toks[i + 1].key in lx.COMPLEMENTIZER_KEYS or toks[i + 1].key in ("الي", "ان")):
            return None  # يذكر أن / يشار إلى أن: the writer's aside, nobody speaks
        relay = lemma in lx.RELAY_VERBS
        pronoun_first = False
        subject: list[Tok] = []
        relay_from: list[Tok] | None = None
        via: str | None = None
        circumstance = False
        comma = False
        speech_noun = False
        apposition: list[Tok] = []
        same = False
        document: str | None = None
        blessed: list[Tok] = []
        blessed_name = lx.PROPHET
        result = None
        outlet_end = -1  # the token after the outlet that gave ``via``
        n = len(toks)
        j = i + 1
        while j < n and j - i <= 32:
            t = toks[j]
            key = t.key
            # قال لـ"الاقتصادية" أنس عتيق؛ تاجر جلود، إن: a semicolon setting off the
            # speaker's title, as a comma would
            semi = t.text in "؛;" and bool(subject) and not comma and any(
                name_like(w) for w in subject) and _content_follows(toks, j + 1)
            if t.text in END_PUNCT and not (subject and (
                    is_initial(toks, j) or is_abbreviation_dot(toks, j))) and not semi:
                break
            size, blessed_one = eulogy_at(toks, j)
            if size:
                # قال النبي صلى الله عليه وسلم؛ قال عليه الصلاة والسلام، قال تعالى: the
                # blessing is not the name, and alone it stands for the one it blesses
                if blessed_one and not subject and not circumstance and not comma:
                    blessed = toks[j:j + size]
                    blessed_name = blessed_one
                j += size
                if blessed and j < n and toks[j].text[:1].isalpha() and len(toks[j].key) <= 2 and (
                        j + 1 < n and toks[j + 1].text in (":", "：")):
                    j += 1  # فقال عز من قائل بَرْ: a stray syllable before the colon
                continue
            if key in lx.CALLED_KEYS and (subject or circumstance or comma) and j + 1 < n and (
                    toks[j + 1].text.isalpha() and toks[j + 1].key not in lx.FUNCTION_KEYS
                    and len(toks[j + 1].key) > 1) and toks[j - 1].key not in _WHAT and not (
                    # الذي طلب عدم الإفصاح عن اسمه، عدم ذكر اسمه: the name he withheld
                    toks[j - 1].key == "عن" or strip_al(toks[j - 1].key) in _WITHHELD):
                # وقالت امرأة من سكان المدينة ... تدعى سلمى: the name after a long
                # description is the speaker (mention_of reads the words after تدعى)
                k = j + 2  # the word after تدعى is a name whatever else it may mean (ليلى)
                while k < n and k - j <= 4 and toks[k].key not in lx.PRONOUN_KEYS and (
                        toks[k].key[1:] not in lx.PRONOUN_KEYS):
                    if name_like(toks[k]) or toks[k].key in lx.PARTICLE_KEYS:
                        k += 1  # سلمى، عبد الله بن سعد
                    elif k > j + 1 and is_definite(toks[k]) and toks[k].text.isalpha() and (
                            strip_al(toks[k].key) not in lx.TITLE_KEYS):
                        k += 1  # صالح الحربي: a family name with the article ends the name
                        break
                    else:
                        break
                subject = toks[j:k]
                circumstance = True
                j = k
                continue
            if key == "علي" and j + 1 < n and toks[j + 1].key == "لسان" and relay_from is None:
                # وأكدت الإمارة على لسان متحدثها فلان: the spokesman speaks for the body
                relay_from, subject = subject, []
                circumstance = False
                j += 2
                continue
            if key in _RELAYING and subject and relay_from is None and j + 1 < n and (
                    toks[j + 1].key == "عن") and not comma:
                # كما يذكر موقع العربية نقلا عن الموقع الرسمي: the outlet relays the
                # words of the one after عن
                relay_from, subject = subject, []
                relay = True
                circumstance = False
                j += 2
                continue
            if (relay and key == "عن" or lemma in lx.ASCRIBE_VERBS and key == "الي") and (
                    relay_from is None):
                relay_from, subject = subject, []
                j += 1
                continue
            if not subject and not relay and relay_from is None and key in _RELAYING and j + 1 < n and (
                    toks[j + 1].key in _FROM_HIM):
                relay = True  # وأضافت نقلا عنه أن: the paper relays his words, as نقلت عنه
                j += 1
                continue
            if relay and key in _FROM_HIM and relay_from is None:
                # the pronoun is the speaker (the current one); نقلت عنه وكالة رويترز
                # قوله: the agency may follow it
                pronoun_first = not subject
                relay_from, subject = subject, []
                # (عنه, عنها: the pronoun, not the verb, tells whose words: نقلت الصحيفة عنه)
                gender = {"عنه": "m", "عنها": "f"}.get(key, gender)
                circumstance = True
                j += 1
                continue
            if pronoun_first and not speech_noun and not (is_mark(t.text) or key in lx.COMPLEMENTIZER_KEYS
                                      or key in lx.SPEECH_NOUN_KEYS):
                assert relay_from is not None
                relay_from.append(t)
                j += 1
                continue
            if key == "عبر" and subject and j + 2 < n and is_mark(toks[j + 1].text):
                k = j + 2  # وكتب "البرقان" عبر "تويتر": where he wrote, a name in marks
                while k < n and k < j + 6 and not is_mark(toks[k].text):
                    k += 1
                if k < n and is_mark(toks[k].text):
                    circumstance = True
                    j = k + 1
                    continue
            if key in lx.SPEECH_NOUN_KEYS:
                speech_noun = True
                j += 1
                continue
            if not subject and key in lx.PREPOSITIONS_OF.get(lemma, ()) and j + 1 < n and (
                    toks[j + 1].key in DEMONSTRATIVES):
                j += 2  # وأشارت إلى ذلك فلانة بالقول: "to that", the subject follows
                continue
            if is_mark(t.text) and not subject and not circumstance and not comma:
                named = self._marked_subject(toks, j)
                if named is not None and lemma in _TELL and toks[named].key in lx.COMPLEMENTIZER_KEYS:
                    j = named  # مصادر ميدانية أبلغت «الشرق الأوسط» أن: the paper is told
                    continue
                if named is not None:  # وقال "الحقباني": "...": the speaker in marks
                    subject.extend(toks[j:named])
                    j = named
                    continue
            titled = len(subject) <= 4 and strip_al(subject[0].key) in lx.TITLE_KEYS if subject else False
            if is_mark(t.text) and subject and not circumstance and not comma and (len(subject) <= 2 and (
                    strip_al(subject[-1].key) in lx.PERSON_NOUN_KEYS
                    or strip_al(subject[-1].key) in lx.UNNAMED_KEYS) and is_definite(subject[-1])
                    or titled and is_definite(subject[-1])):
                # وقال المواطن "الصعب"، وأكد رئيس المجموعة "فريد كيمبي": a short name in
                # marks after a definite description or title
                k = j + 1
                while k < n and k < j + 4 and not is_mark(toks[k].text):
                    k += 1
                if titled and not all(name_like(w) or is_family_name(w) for w in toks[j + 1:k]):
                    k = n  # (a title's body in marks is another branch's)
                if k + 1 < n and k > j + 1 and is_mark(toks[k].text) and (
                        toks[k + 1].text in (":", "：") or toks[k + 1].key in lx.COMPLEMENTIZER_KEYS
                        # وقال مدير الجهاز الفني «جوريجوس دونيس» في حديثه: a full name in
                        # marks after a title, whatever follows it
                        or titled and k > j + 2):
                    subject.extend(toks[j:k + 1])
                    j = k + 1
                    continue
            governed = subject and is_mark(t.text) and (
                strip_al(subject[-1].key) in lx.TITLE_KEYS
                # مديرة التوظيف النسائي في «باب رزق جميل» فلانة: where she holds the post
                or len(subject) > 1 and subject[-1].key in _IN_BODY
                and strip_al(subject[0].key) in lx.TITLE_KEYS)
            if subject and (is_mark(t.text) or t.text == "(" and bracket_named(subject[-1])) and (
                    not circumstance and not comma and (governed or any(names_next(w) for w in subject[-2:]))
                    and not is_definite(subject[-1])):
                # شركة «تايوان باور»، وكالة أنباء «ريا نوفوستي»، مجلة (كيكر): a name in
                # marks or brackets inside the subject; نائب رئيس «ياهو»: the body a title
                # governs (a short name: a title word before a quotation takes a colon)
                close = is_mark if t.text != "(" else (lambda text: text == ")")
                k = j + 1
                while k < n and k < j + (5 if governed else 8) and not close(toks[k].text):
                    k += 1
                if k < n and k > j + 1 and close(toks[k].text):
                    subject.extend(toks[j:k + 1])
                    j = k + 1
                    continue
            if not subject and not circumstance and not comma and manner_noun(t):
                k = j + 1  # وقال بصوت مسموع مشيرًا إلى: how he spoke; the participle or
                #            the words follow, the speaker unsaid
                if k < n and t.key[1:] in lx.MANNER_HEAD_KEYS and toks[k].text.isalpha() and not is_definite(
                        toks[k]) and toks[k].key not in lx.PARTICIPLE_KEYS:
                    k += 1  # (its adjective)
                if k < n and (toks[k].key in lx.PARTICIPLE_KEYS or is_mark(toks[k].text)
                              or toks[k].text in (":", "：")):
                    j = k
                    continue
            if subject and not circumstance and not comma and key in _NICKNAMED and any(
                    name_like(w) for w in subject):
                circumstance = True  # وقال فانينج | الملقب بالبرق الأبيض: his nickname
                j += 1
                continue
            if not subject and not circumstance and not comma and key == "في" and j + 3 < n and (
                    toks[j + 1].key in _IN_ORDER or toks[j + 1].key in _TIME_OF
                    and toks[j + 2].key in _TIME_WHICH) and not self._svo_subject(toks, i):
                # (not وكانت الهيئة أكدت في وقت سابق تحطم الطائرة: its subject came first)
                j += 2 if toks[j + 1].key in _IN_ORDER else 3
                continue
            if not subject and not circumstance and not comma and key in _DURING_IT:
                # أوضح خلاله أن: "during it" (the statement), the subject unsaid; but
                # تلقى فلان اتصالا من الأمير فلان ... أعرب خلاله: the caller speaks
                caller = self._caller(toks, i)
                if caller:
                    subject, circumstance = caller, True
                j += 1
                continue
            if not subject and not circumstance and not comma and key in _TO_HIM_OR_ME and (
                    j + 1 < n and _name_or_title(toks[j + 1]) and not _circumstantial(toks, j + 1)) and (
                    key in _PREPOSITION_PRONOUNS or j + 2 < n and (name_like(toks[j + 1]) or (
                        _name_or_title(toks[j + 1]) and not is_definite(toks[j + 2])))
                    and (name_like(toks[j + 2]) or is_family_name(toks[j + 2]))):
                # (to me, to us: only before a name of two words or a title and a name, not
                # قال لي صديق، يقول لي السيد الجليل)
                j += 1  # وهو ما شدد عليه الجبير، وقال له (لي) الوزير: the subject follows
                continue  # (but قال له مخاطبا: how he spoke)
            if subject and not circumstance and not comma and subject[-1].key in _NAME_LINKS and (
                    t.text.isalpha()):
                subject.append(t)  # وليد بن على الجلال: after بن comes a name, whatever it
                j += 1             # looks like (على، عبد)
                continue
            if subject and not circumstance and not comma and key in _TITLE_PREPOSITIONS and (
                    _governs_preposition(subject, key)) and j + 1 < n and toks[j + 1].text.isalpha() and (
                    toks[j + 1].key not in lx.FUNCTION_KEYS):
                subject.append(t)  # وأوضح المشرف العام على البرنامج الدكتور فلان: the
                j += 1             # preposition the title takes, not where he spoke
                continue
            if subject and key in _AS and j + 1 < n and toks[j + 1].key not in _AS and (
                    toks[j + 1].key in lx.VERB_KEYS or toks[j + 1].key in _AS_VERBS):
                # وقال فلان كما ورد في فقرات من خطابه نشرت مسبقا إن: "as stated in ...",
                # where the words were said; the content comes after it
                k = next((k for k in range(j + 2, min(n, j + 16))
                          if toks[k].key in lx.COMPLEMENTIZER_KEYS or is_mark(toks[k].text)
                          or toks[k].text in (":", "：")), None)
                if k is not None:
                    circumstance = True
                    j = k
                    continue
            if not subject and not circumstance and not comma and _oblique_plural(t) and j == i + 1 and (
                    j + 1 < n and toks[j + 1].text.isalpha()
                    and toks[j + 1].key not in lx.COMPLEMENTIZER_KEYS):
                # وأوصى المسلمين بتقوى الله: whom he advised, not who (but وقال البوعينين
                # إن: a family name so ending, before what he said)
                circumstance = True
                j += 1
                continue
            if not subject and not circumstance and not comma and _possessed(t):
                circumstance = True  # وتتمنى تحقيقها: her wish, its object; she speaks
                j += 1
                continue
            if not subject and not circumstance and not comma and _circumstantial(toks, j) and (
                    self.registry.find((key,)) is None):
                circumstance = True  # وقال مخاطبا المحطة إن: how he spoke, not who
                j += 1
                continue
            if subject and key[:1] in "بل" and key[1:] in DEMONSTRATIVES and not comma:
                circumstance = True  # وقال الوزير بهذا الخصوص: about this, not who
                j += 1
                continue
            if subject and subject[-1].key in _TRUSTED and key in _TRUSTED_IN and not comma:
                subject.append(t)  # مصدر موثوق به: "trusted in", not the verb's object
                j += 1
                continue
            result = self._complement(toks, j, lemma, bool(subject), j == i + 1)
            if result is not None:
                break
            if (key in lx.VERB_KEYS and not self._ambiguous_here(toks, j)
                    or key in lx.PARTICIPLE_KEYS) and toks[j - 1].key not in _NOUN_GOVERNORS:
                break  # (but عدم ذكر اسمه: a verbal noun, not a verb; مؤتمر عبر الهاتف)
            if key in lx.CIRCUMSTANCE_PREP_KEYS and j + 1 < n and (
                    toks[j + 1].key in lx.CIRCUMSTANCE_NOUN_KEYS
                    or toks[j + 1].key in DEMONSTRATIVES):
                circumstance = True  # في تصريح لـ...، في هذه المناسبة
                if strip_al(toks[j + 1].key) in lx.DOCUMENT_NOUN_KEYS:
                    document = strip_al(toks[j + 1].key)  # في بيان صحفي: his statement
                j += 2
                continue
            if subject and not circumstance and not comma and key.startswith("لل") and (
                    j + 1 < n and name_like(toks[j + 1]) and not is_definite(toks[j + 1])
                    and is_definite(subject[-1]) and not any(name_like(w) for w in subject)
                    and any(strip_al(w.key) in lx.TITLE_KEYS for w in subject)):
                # وقال المدير التنفيذي للموقع جينج لستاري: "of the website", part of the
                # title before his name, not the outlet he spoke to
                subject.append(t)
                j += 1
                continue
            outlet = outlet_at(self.text, toks, j)
            if outlet is not None and subject and not circumstance and not comma and (
                    is_definite(subject[-1]) and not any(name_like(w) for w in subject)
                    and any(strip_al(w.key) in lx.TITLE_KEYS for w in subject)):
                # وقال المدير التنفيذي للبرنامج الوطني للمعارض والمؤتمرات المهندس طارق
                # العيسى: the programme he runs, when his name follows it
                k = outlet[1]
                while k < n and k < outlet[1] + 2 and (toks[k].key in lx.HONORIFIC_KEYS
                                                       or strip_al(toks[k].key) in lx.TITLE_KEYS
                                                       or toks[k].key.startswith("بال") and k == outlet[1]
                                                       and toks[k].text.isalpha()):
                    k += 1  # (المدير التنفيذي لـ«باب رزق» بالسعودية فلان: where, then the name)
                # (الأمين العام لـ«المجلس الإسلامي» الدكتور فلان، المدير العام لبرنامج
                # مستشفى قوى الأمن د. فلان: a body in marks or after ل is his when a rank
                # and a name follow it)
                if k < n and name_like(toks[k]) and not is_definite(toks[k]) and (
                        key.startswith("لل") or k > outlet[1]
                        # المستشار القانوني لـ«الجيش السوري الحر» أسامة أبو زيد: a name
                        # of two words right after it
                        or k + 1 < n and (name_like(toks[k + 1]) or is_family_name(toks[k + 1])
                                          or toks[k + 1].key in lx.PARTICLE_KEYS)):
                    subject.extend(toks[j:k])
                    j = k
                    continue
            if outlet is None and subject and not circumstance and not comma and key.startswith("لل") and (
                    is_definite(subject[-1]) and not any(name_like(w) for w in subject)
                    and any(strip_al(w.key) in lx.TITLE_KEYS for w in subject)):
                # وأكد المسؤول الإعلامي للجناح العسكري لحزب العمال الكردستاني فلان: the
                # body his title governs, when his name ends the words before the content
                k = j
                while k < n and k - j < 9 and toks[k].text.isalpha() and not (
                        toks[k].key in lx.FUNCTION_KEYS or toks[k].key in lx.COMPLEMENTIZER_KEYS
                        or toks[k].key in lx.VERB_KEYS or toks[k].key in lx.PARTICIPLE_KEYS):
                    k += 1
                # the whole run when the content follows it (... محمد طه فقيه إن), else the
                # shortest that ends a name of two words or more (not at بن, not before a
                # family name): what follows it is not his (... بختيار دوغان قصف الطائرات)
                content = k < n and (toks[k].key in lx.COMPLEMENTIZER_KEYS or toks[k].text in COMMAS
                                     or toks[k].text in (":", "：") or is_mark(toks[k].text) and (
                                         len(toks[k - 1].key) > 1))  # (not لـ«...»)
                for end in ([k] if content else []) + list(range(j + 3, k + 1)):
                    if toks[end - 1].key in lx.PARTICLE_KEYS or end < n and (
                            is_family_name(toks[end]) or toks[end].key in lx.HONORIFIC_KEYS):
                        continue
                    whole = mention_of(self.text, subject + toks[j:end])
                    if whole is not None and whole.kind == PERSON and whole.name and (
                            whole.end == toks[end - 1].end and " " in whole.name):
                        break
                else:
                    end = 0
                if end:
                    subject.extend(toks[j:end])
                    j = end
                    circumstance = True
                    continue
            if outlet is not None:
                if via is None:
                    via, outlet_end = outlet[0], outlet[1]
                j = outlet[1]
                # وقال المسؤول لوكالة فرانس برس طالبا عدم كشف اسمه: the speaker is named
                # before the outlet he spoke to
                circumstance = circumstance or bool(subject)
                continue
            if key in lx.SOURCE_KEYS and (subject or j == i + 1 or comma):
                source = source_at(self.text, toks, j)
                if source is not None:
                    # وقال وون بحسب وكالة «يونهاب» «...»: the verb has its speaker; the
                    # source phrase names the channel his words came through
                    via = via or source.via or source.mention.text
                    circumstance = True
                    j = source.next_index
                    continue
            if key in lx.TIME_KEYS and not (
                    not subject and j + 1 < n and is_family_name(toks[j + 1])
                    and toks[j + 1].key not in lx.TIME_KEYS and toks[j + 1].key not in lx.DATE_KEYS):
                j += 1  # (but وقال صباح النعماني: a name, not "the morning of")
                continue
            if not subject and (key in lx.ADVERB_KEYS or key == "وحده" and t.text.endswith("ه")
                                or derived_accusative(key) and key not in lx.PARTICIPLE_KEYS):
                # لكنه يضيف فورا أنه، وقال وحده، وقال متنهدا: when or how he said it, not who
                # (not فاعلا, which a name may look like: قال شارما)
                j += 1
                continue
            if t.text in COMMAS or semi:
                if subject and not comma and not apposition and (
                        not circumstance or not any(name_like(w) for w in _unmarked(subject))):
                    # (also after a clause: كبير الباحثين الذين قاموا بالدراسة، فلان إن)
                    aside = self._aside(toks, j)
                    named = self._name_after_title(toks, aside, subject) if aside else []
                    if named:
                        # قال الأمين العام لـ«المجلس»، وهو من الجمعيات الإسلامية، الدكتور
                        # فلان: the name after an aside on his body; the body in marks
                        # right before it was his, not the outlet he spoke to
                        if outlet_end == j:
                            via = None
                        subject.extend(named)
                        j = aside + 1 + len(named)
                        continue
                    apposition = self._title_after_comma(toks, j)
                    named = [] if apposition else self._name_after_title(toks, j, subject)
                    if named:
                        subject.extend(named)  # وقال والي المدينة، كمال أوزتورك، للأناضول
                        j += 1 + len(named)
                        continue
                comma = True
                j += 1
                continue
            if not circumstance and not comma and plural:
                circumstance = True  # ودعوا المعنيين: a plural verb carries its subject
            if key in lx.EMPHATIC_KEYS and subject:
                same = True
                j += 1  # وذكر المرشد نفسه: "the same guide"
                continue
            if subject and not circumstance and not comma and key in _SUBJECT_PREPOSITIONS and (
                    t.text not in NAME_WORDS) and j + 1 < n and self._says_where(subject, toks[j + 1]):
                # فلان | في كتابه، فلان | في تعليق، رئيس الوزراء | من جديد: where or how the
                # words were said, not who said them
                circumstance = True
                j += 1
                continue
            if subject and not circumstance and not comma and (
                    len(subject) >= 2 and (key in lx.PERSON_NOUN_KEYS or key in lx.TITLE_KEYS)
                    and all(name_like(w) or w.key in lx.PARTICLE_KEYS for w in subject)
                    or is_definite(t) and (strip_al(key) in lx.TITLE_KEYS or key in lx.DESCRIPTOR_KEYS)
                    and self._known_person(subject)):
                # وقال فلان فلان | رجل الأعمال البالغ من العمر 32 عاما: the name ends
                # where a description of him begins
                circumstance = True
                apposition = toks[j:j + 3]
                j += 1
                continue
            if subject and not circumstance and not comma and _oblique_plural(t) and (
                    self._known_person(subject)) and not is_definite(subject[-1]) and (
                    subject[0].key not in ONE_OF):  # (not أحد | المشاركين: one of them)
                # وحذر أوباما | المشرعين الأميركيين من أن: a plural in the accusative after
                # a person the document named is whom he spoke to, not more of his name
                # (not خادم الحرمين | الشريفين: the dual's adjective)
                circumstance = True
                j += 1
                continue
            if subject and not circumstance and not comma and key in _SUBJECT_PREPOSITIONS and (
                    t.text not in NAME_WORDS) and self._known_person(subject):
                # وتمنى بلقاسم | من الجماهير: a person the document named ends the subject
                circumstance = True
                j += 1
                continue
            if subject and not circumstance and not comma and t.text.isalpha() and not (
                    is_definite(t) or key in lx.PARTICLE_KEYS) and self._known_person(subject):
                entity = self.registry.find(name_keys([w.text for w in subject]))
                if entity is not None and len(entity.name.split()) > len(subject) and key not in {
                        fold_ar(w) for w in entity.name.split()}:
                    # وطالبت لاجارد | دائني اليونان: a short name the document gave in
                    # full ends where a word not of that name begins (the object)
                    circumstance = True
                    j += 1
                    continue
            if subject and not circumstance and not comma and key == "من" and j + 2 < n and (
                    toks[j + 1].key in _SIDE and toks[j + 2].key in _OTHER):
                circumstance = True  # كما شدد ماريانو من جهة أخرى على: on the other hand
                j += 3
                continue
            if len(subject) == 1 and not circumstance and not comma and key == "في" and j + 1 < n and (
                    is_definite(subject[0]) and strip_al(subject[0].key) in lx.INSTITUTION_KEYS
                    and toks[j + 1].key in lx.PLACE_KEYS and not is_definite(toks[j + 1])):
                # أعلنت النيابة في فيينا أن: a body's bare noun and the city it sits in
                # (not وذكرت الهيئة في حسابها: where it spoke)
                subject.extend(toks[j:j + 2])
                j += 2
                continue
            if not circumstance and not comma:
                if key in self.own_l and (not subject or name_like(subject[-1]) and name_like(t)):
                    # من جانبه، أشار لافروف؛ وأضاف جينج لستاري إن: a name, not ل + noun
                    subject.append(t)
                elif ends_subject(t, subject) or subject and governs_possessed(toks, j) or (
                    subject and is_definite(subject[-1]) and _heads_possessed(toks, j)) or (
                    subject and _possessed(t) and any(name_like(w) for w in subject)):
                    # keep looking for the content, not for the subject (and فلانة |
                    # طبيعة مهنتها: the object begins)
                    circumstance = True
                    if subject and t.text in DASHES:
                        apposition = self._dashed(toks, j)
                else:
                    subject.append(t)
            j += 1
        if subject and is_manner(subject[0]) and subject[0].text.endswith("ة"):
            k = 1
            while k < len(subject) and subject[k].text.isalpha() and not is_definite(subject[k]) and (
                    subject[k].text.endswith("ة")) and self.registry.find((subject[k].key,)) is None:
                k += 1
            if k > 1:
                subject = subject[k:]  # أجاب بصراحة متناهية: how, and its adjective
        postposed = False
        # «...»، قال الوزير / «...»، هذا ما قاله فلان: the words may come before the verb
        b = i - 1
        if said_it and toks[b].key == "ما":
            b -= 1
            if b >= 0 and toks[b].key in _THIS:
                b -= 1
        elif said_it and i >= 2 and toks[i - 2].key in lx.WITH_THESE_KEYS:
            b = i - 3  # «...». بهذه الكلمات بدأ فلان حديثه
        elif b >= 0 and (toks[b].key in lx.THUS_KEYS or toks[b].key in _AS):
            b -= 1  # «...». هكذا تصف فلانة، «...» كما صرحت المخرجة
        if b >= 0 and toks[b].text in END_PUNCT and toks[b].text != "؟" and (
                i - b <= 2 and b > 0 and is_mark(toks[b - 1].text)):
            b -= 1  # (a full stop between the closing mark and هكذا)
        before = toks[b] if b >= 0 else None
        if before is not None and before.text in COMMAS and b > 0:
            before = toks[b - 1]
        after_words = before is not None and is_mark(before.text) or b < 0 < i and (
            (toks[0].key in lx.THUS_KEYS or toks[0].key in lx.WITH_THESE_KEYS)
            and self._after_closing_mark(toks[0].start)) or (
            # «...». يقول الشيف مارون شديد: a present-tense verb opening the next
            # sentence, its subject after it, credits the words just closed
            i == 0 and tok.key in _SAYS_NOW and self._after_closing_mark(tok.start))
        if result is None and subject and j < n and toks[j].key in lx.PARTICIPLE_KEYS and not (
                after_words and lx.PARTICIPLE_KEYS[toks[j].key] != "قال"):
            # تساءل فلان قائلاً: the participle carries the words, the verb the speaker
            # (but «...»، قال فلان مضيفاً «...»: the verb has the words before it)
            mention = mention_of(self.text, subject, gender)
            speaker, _ = self._resolve(mention, gender, tok.start, sent.paragraph, local)
            return None, speaker, j
        if result is None:
            if not after_words or not subject:
                if not subject:
                    return None
                # وذكر الخلف تفاصيل كفاحه ... وقال: "...": no words here, but the subject
                # is who speaks later in the sentence
                mention = mention_of(self.text, subject, gender)
                if mention is None or not (mention.name or mention.kind in (UNNAMED, TITLE)):
                    return None
                speaker, _ = self._resolve(mention, gender, tok.start, sent.paragraph, local)
                if speaker is not None:
                    speaker.local_only = speaker.waiting = True
                return None, speaker, j
            postposed = True
            result = ("", None, j)
        if len(subject) > SUBJECT_LIMIT:
            if len(subject) >= 2 and name_like(subject[0]) and (
                    name_like(subject[1]) or is_family_name(subject[1])):
                # أفاد فلان فلان المسؤول في السلطة لشمال الضفة حيث ...: a long description
                # after a name; the name and the start of his title are enough
                subject = subject[:SUBJECT_LIMIT]
            elif not self._long_title_then_name(subject):
                return None
        if subject and is_manner(subject[0]) and len(subject) > 1 and (
                subject[1].key in lx.FUNCTION_KEYS or not any(name_like(t) for t in subject[1:])
        ) and not (strip_al(subject[1].key) in lx.TITLE_KEYS or subject[1].key in lx.HONORIFIC_KEYS):
            subject = []  # قالت بكثير من الحماس، بشكل غير مباشر: all of it is how
        if subject and is_manner(subject[0]) and not (
                len(subject) > 1 and (name_like(subject[1]) or is_definite(subject[1])
                                      and strip_al(subject[1].key) in lx.TITLE_KEYS)
        ) and self.registry.find((subject[0].key,)) is None:
            subject = subject[1:]  # قالت بأسى، قال بصوته: how, not who (but بافيت الرئيس)
        complement, content, next_i = result
        if lemma in lx.SPEECH_NOUN_ONLY and not speech_noun:
            return None  # مضى عامان: time passed, nobody spoke
        if lemma in lx.DESCRIBE_VERBS and not (
                postposed or complement in ("mark", "that", "colon")
                or complement == "prep" and next_i < n and is_mark(toks[next_i].text)):
            return None  # ووصف أدوية بشكل ...: prescribed, not described
        if lemma in lx.THAT_ONLY and complement != "that" and not (
                complement == "colon" and (next_i == i + 2 or "\u0651" in tok.text)):
            return None  # وبين نجم الهلال «...»: "and between", not "explained" (but وبيّن:)
        if lemma in lx.PREPOSITION_ONLY and not (
                complement in ("prep", "bi", "colon", "mark")
                or complement == "that" and toks[next_i - 1].key.startswith("ب")
                # وحذر فلان من أن: the verb's own من before أن (not دعا إيران إلى أن,
                # where the one before إلى may be whom he called on)
                or complement == "that" and next_i >= 2 and toks[next_i - 2].key == "من" and (
                    "من" in lx.PREPOSITIONS_OF.get(lemma, ()))):
            return None  # أقر القانون (passed), not أقر بأن (admitted)
        if relay and relay_from is not None and subject:
            gender = None  # نقلت الوكالة عن فلان: the verb agrees with the agency, not him
        if relay and relay_from is not None:
            via_mention = mention_of(self.text, relay_from)
            via = via_mention.text if via_mention else via
        elif relay and not relay_from:
            return None  # نقل without عن is not a relay of words
        if not relay and not blessed:
            # وكان فلان قد طالب لجنة الاحتراف بـ: with كان ... قد before the verb, the
            # subject is the one named there; what follows the verb is its object
            pluperfect = self._pluperfect_subject(toks, i)
            if pluperfect:
                subject = pluperfect
        if not subject and not relay and not blessed:
            subject = self._svo_subject(toks, i)
        subject = self._issued_by(self._before_place(subject))
        mention = self._body_after_l(subject)
        if mention is not None:
            document = strip_al(subject[0].key)  # وقال بيان للمقاومة ... وأضاف البيان
        else:
            mention = mention_of(self.text, subject, gender) if subject else None
        if mention is None and blessed:
            mention = Mention(self.text[blessed[0].start:blessed[-1].end], PERSON,
                              blessed[0].start, blessed[-1].end, blessed_name,
                              (fold_ar(blessed_name),))
        if mention is not None and self._object_not_subject(mention, subject, lemma, tok, gender,
                                                             local):
            mention = None
        if mention is not None and apposition and mention.kind == PERSON and mention.name:
            # وقال فلان - والد الطفلة - إن: the apposition is his title (والد الطفلة)
            mention.title_keys = mention.title_keys | {
                strip_al(t.key) for t in apposition if t.key not in lx.FUNCTION_KEYS}
        if mention is not None and mention.kind in (ORG, PERSON) and mention.head is None and (
                not mention.title_keys and self._embedded(tok.start)) and not speech_noun and (
                not blessed) and (
                not mention.keys or self.registry.find(mention.keys) is None):
            # قال إن العروض يؤكد حقيقة واحدة هي أن ...: a verb inside someone's words whose
            # subject is no one the document names or titles is part of those words
            return None
        last = self._the_same(mention.text, sent.paragraph) if same and mention is not None else None
        if last is not None:
            speaker: _Speaker | None = last  # وتابع المصدر نفسه (نفسه is left out of the mention)
            flags: set[str] = set()
        else:
            speaker, flags = self._resolve(mention, gender, tok.start, sent.paragraph, local)
            if lemma in lx.CONTINUING_VERBS and mention is not None and mention.kind == TITLE and (
                    not mention.name) and speaker is not None and speaker.entity is None and (
                    not fold_ar(mention.text).startswith("ال")):
                # وأضاف لاعب برشلونة السابق after وقال لويس انريكي: "added" goes on with
                # whoever spoke; a title no one in the document holds, in a construct (not
                # ويتابع القاضي), describes him
                current = self._current(local, gender)
                if current is not None:
                    speaker = _Speaker(current.name, current.entity, current.gender,
                                       mention.text, sent.paragraph)
        if speaker is not None and speaker.entity is not None and mention is not None and (
                mention.kind == PERSON):
            self._apposed_titles(toks, mention.end, speaker.entity)
        # لقوله تعالى: a verse or a hadith cited in passing; the writer's speaker goes on
        passing = speaker is not None and bool(blessed) and mention is not None and (
            mention.start == blessed[0].start)
        if passing:
            speaker.local_only = True
        if document is not None and speaker is not None:
            self.documents[document] = speaker
        cue = Cue(sent.index, sent.paragraph, tok.start, tok.end, tok.text, "verb", complement,
                  content, describe=lemma in lx.DESCRIBE_VERBS, postposed=postposed,
                  via=via, passing=passing)
        self._fill(cue, speaker, flags, mention, local)
        return cue, speaker, next_i

    def _embedded(self, position: int) -> bool:
        """Is ``position`` inside the words an earlier cue of the sentence reports?"""
        return any(c.content_start is not None and c.content_start <= position
                   and c.complement in ("that", "colon") for c in self.found)

    @staticmethod
    def _dashed(toks: list[Tok], j: int) -> list[Tok]:
        """The words between the dash at ``j`` and the next one (at most four)."""
        k = j + 1
        while k < len(toks) and k - j <= 5 and toks[k].text not in DASHES:
            if not toks[k].text.isalpha():
                return []
            k += 1
        return toks[j + 1:k] if k < len(toks) and toks[k].text in DASHES and k > j + 1 else []

    @staticmethod
    def _says_where(subject: list[Tok], tok: Tok) -> bool:
        """After في / من / ...: does ``tok`` open where or how the words were said, not a
        part of the speaker's description (مصدر في الخلية، رئيس البعثة في معسكر ...
        فلان)? Yes after a full name (two name words), or for a possessed noun, a noun
        of speech or documents, or من جديد."""
        if is_body(tok):
            return False
        key = tok.key
        if key in _AGAIN or key in lx.CIRCUMSTANCE_NOUN_KEYS or strip_al(key) in lx.DOCUMENT_NOUN_KEYS:
            return True
        # a personal name: a first name, then a name or family name (سامي الراشد)
        named = any(name_like(a) and not is_definite(a) and _plain(a) and _plain(b) and (
            name_like(b) or is_family_name(b)) for a, b in pairwise(subject))
        possessed = key.endswith(("ه", "ها", "هم")) and len(key) > 3 and not key.startswith("ال")
        return named and (possessed or not is_definite(tok))

    @staticmethod
    def _title_after_comma(toks: list[Tok], j: int) -> list[Tok]:
        """وقال فلان، الباحث والكاتب السياسي: the title set off by the comma at ``j``
        (opening with a title noun; at most six words, up to the next comma or colon)."""
        k = j + 1
        if k >= len(toks) or strip_al(toks[k].key) not in lx.TITLE_KEYS or not (
                is_definite(toks[k])):
            return []
        if toks[k].key in lx.HONORIFIC_KEYS and k + 1 < len(toks) and name_like(toks[k + 1]):
            return []  # ...، العميد فلان: a rank and a name, not a title
        while k < len(toks) and k - j <= 6 and toks[k].text.isalpha() and (
                toks[k].key not in lx.COMPLEMENTIZER_KEYS and toks[k].key not in lx.VERB_KEYS):
            k += 1
        return toks[j + 1:k]

    def _caller(self, toks: list[Tok], i: int) -> list[Tok]:
        """The words of the name of whoever a call, cable or letter came from (اتصالا
        هاتفيا امس من صاحب السمو الأمير فلان ...), written before the verb at ``i``."""
        for k in range(i - 1, max(-1, i - 40), -1):
            if toks[k].text in END_PUNCT:
                return []
            if toks[k].key == "من" and any(
                    toks[m].key.startswith(_MESSAGES) for m in range(max(0, k - 4), k)):
                found = scan_titled_names(self.text, toks[k + 1:i], self.own_l)
                if not found:
                    return []
                name = found[0]
                return [t for t in toks[k + 1:i]
                        if t.start >= name.end - len(name.name) and t.end <= name.end]
        return []

    @staticmethod
    def _aside(toks: list[Tok], j: int) -> int | None:
        """The comma closing an aside opened by وهو / وهي at the comma ``j`` (،
        وهو من الجمعيات الإسلامية في البلاد،), at most a dozen words, no marks."""
        if j + 2 >= len(toks) or toks[j + 1].key not in _IT_IS:
            return None
        for k in range(j + 2, min(len(toks), j + 14)):
            tok = toks[k]
            if tok.text in COMMAS:
                return k
            if tok.text in END_PUNCT or is_mark(tok.text) or tok.text in (":", "："):
                return None
        return None

    @staticmethod
    def _name_after_title(toks: list[Tok], j: int, subject: list[Tok]) -> list[Tok]:
        """وقال والي المدينة، كمال أوزتورك،: the name set off by the comma at ``j`` after
        a subject that is a title alone (two to four name words, then a comma, a colon or
        the outlet spoken to)."""
        head = next((k for k, t in enumerate(subject) if t.key in RELATIVES), len(subject))
        if ends_with_name(subject):
            return []  # رئيس الحزب الصادق المهدي، عزمه تشكيل: he is named; his object follows
        outside = {id(t) for t in _unmarked(subject)}  # نائب رئيس «ياهو»: the body he serves
        if strip_al(subject[0].key) not in lx.TITLE_KEYS or head > 2 and any(
                name_like(t) and not in_body_name(subject, k) and id(t) in outside
                for k, t in enumerate(subject[1:head], 1)):
            return []  # (والي أرزينجان: the one word after the title is what he governs;
            #            but مركز الملك سلمان للإغاثة names a body, not him)
        k = j + 1
        rank = k < len(toks) and toks[k].key in lx.HONORIFIC_KEYS  # ...، العميد فلان،
        k += rank
        while k < len(toks) and k - j - rank <= 4 and (
                name_like(toks[k]) or toks[k].key in lx.PARTICLE_KEYS or toks[k].key == "الله"
                or k > j + 1 + rank and is_family_name(toks[k])
                # عبد الرقيب: after بن or عبد comes a name, whatever it looks like
                or k > j + 1 + rank and toks[k - 1].key in _NAME_LINKS and toks[k].text.isalpha()):
            k += 1
        end = k
        while k < len(toks) and k - end < 4 and (
                toks[k].key in lx.TIME_KEYS or toks[k].key in lx.DATE_KEYS):
            k += 1  # ...، عيسى قراقع | مساء أمس الجمعة:
        if end - j - rank < 3 or k >= len(toks) or not (
                toks[k].text in COMMAS or toks[k].text in (":", "：")
                or toks[k].key in lx.COMPLEMENTIZER_KEYS  # كبير الباحثين، فلان إن
                or toks[k].key.startswith("ل") and len(toks[k].key) > 3
                # ...، ليلى الشبيبي لـ«الشرق الأوسط»: the outlet in marks
                or toks[k].key == "ل" and k + 1 < len(toks) and is_mark(toks[k + 1].text)):
            return []
        return toks[j + 1:end]

    def _long_title_then_name(self, subject: list[Tok]) -> bool:
        """أكد المشرف على برنامج إعداد القادة في جامعة هارفارد وعضو هيئة الخبراء في
        الجامعة الدكتور مساعد الأحمد: two titles joined by و, and the full name after a
        rank at the end, however long the titles are."""
        if len(subject) > 2 * SUBJECT_LIMIT or strip_al(subject[0].key) not in lx.TITLE_KEYS:
            return False
        mention = mention_of(self.text, subject)
        if mention is None or mention.kind != PERSON or not mention.name or (
                mention.end != subject[-1].end):
            return False
        size = len(mention.name.split())
        if size < 2 or size >= len(subject):
            return False
        before = subject[-size - 1]
        # (المديرة التنفيذية لقسم ... في «هيومن رايتس ووتش»، فلانة الفلانية: the name set
        # off by a comma after the title)
        gap = self.text[before.end:subject[-size].start]
        return before.key in lx.HONORIFIC_KEYS or any(c in gap for c in COMMAS)

    @staticmethod
    def _marked_subject(toks: list[Tok], j: int) -> int | None:
        """A short name in marks right after the verb, followed by the content
        (وقال "الحقباني": "..."), or a body's name of up to five words before أن, a comma
        between them or not (وأعلن «المرصد السوري لحقوق الإنسان»، أن): the index after
        its closing mark, or None."""
        n = len(toks)
        k = j + 1
        while k < n and k - j <= 6 and not is_mark(toks[k].text):
            k += 1
        if k >= n or k == j + 1 or k - j > 6 or k + 1 >= n:
            return None
        after = toks[k + 1]
        if k - j > 4 or after.text in COMMAS:
            # وأعلن «المرصد السوري لحقوق الإنسان»، أن: a body's longer name, when what it
            # said follows (after a comma too)
            if after.text in COMMAS and k + 2 < n:
                after = toks[k + 2]
            words = toks[j + 1:k]
            if not (after.key in lx.COMPLEMENTIZER_KEYS and not after.key.startswith("و")
                    and all(t.text.isalpha() for t in words) and (
                        strip_al(words[0].key) in lx.INSTITUTION_KEYS
                        or strip_al(words[0].key) in lx.ORGANISATION_KEYS
                        or all(name_like(t) or is_family_name(t) for t in words))):
                return None  # (not اعتبر «صفعة للحوثيين»، وأن: what he called it)
            return k + 1
        if after.text in (":", "：") or after.key in lx.COMPLEMENTIZER_KEYS or (
                after.key in lx.CIRCUMSTANCE_PREP_KEYS and k + 2 < n
                and (toks[k + 2].key in lx.CIRCUMSTANCE_NOUN_KEYS or is_mark(toks[k + 2].text))):
            return k + 1  # (وكتب "البرقان" عبر "تويتر": "...": where he wrote, in marks too)
        if strip_al(after.key) in lx.TITLE_KEYS and k - j >= 3 and name_like(toks[j + 1]) and all(
                name_like(t) or is_family_name(t) for t in toks[j + 2:k]):
            # كتب “جون كولر” نائب رئيس التسويق، قال "عذبي العقيل" مدير عام المبيعات: a
            # full name, then his title
            return k + 1
        return None

    def _svo_subject(self, toks: list[Tok], i: int) -> list[Tok]:
        """The subject before the verb: وكانت منصة موسكو أعلنت، الوزير قال."""
        pluperfect = self._pluperfect_subject(toks, i)
        if pluperfect:
            return pluperfect
        for size in range(2, 6):
            if i - size > 0 and eulogy_at(toks, i - size)[0] == size:
                # شاكر النابلسي رحمه الله يقول: step over the blessing after the name
                toks = toks[:i - size] + toks[i:]
                i -= size
                break
        if i > 1 and toks[i - 1].text in COMMAS:
            return self._opening_person(toks, i - 1)
        k = i - 1
        if k >= 0 and toks[k].text.endswith(("-", "–")):
            # أن النبي -صلى الله عليه وسلم- قال: step over the parenthesis
            m = k - 1
            while m >= 0 and k - m <= 8 and not toks[m].text.startswith(("-", "–")):
                m -= 1
            if m >= 0 and toks[m].text.startswith(("-", "–")):
                toks = toks[:m] + toks[k + 1:]
                i -= k - m + 1
                k = m - 1
        while k >= 0 and i - k <= SVO_LIMIT:
            t = toks[k]
            if t.key in _CAUSATIVE and k + 1 < i:
                # ما جعل شاكر النابلسي يقول: "made him say", the one made to speak
                left = toks[k + 1:i]
                if all(name_like(w) or is_family_name(w) or w.key in lx.PARTICLE_KEYS
                       for w in left) or strip_al(left[0].key) in lx.TITLE_KEYS:
                    return left
                return []
            if t.key in KANA or t.text in COMMAS or t.key in lx.DISCOURSE_KEYS or (
                    t.key in lx.COMPLEMENTIZER_KEYS) or t.key in _BUT:
                break  # وكانت منصة موسكو أعلنت، أن النبي قال، لكن البنك اعتبر
            if t.key == "في" and k > 0:
                # مصادر ميدانية في المنطقة أبلغت: an unnamed source or a title and where
                # it is, from the clause's start
                m = k - 1
                while m >= 0 and toks[m].text.isalpha() and toks[m].key not in lx.FUNCTION_KEYS and (
                        toks[m].key not in lx.VERB_KEYS and toks[m].key not in KANA):
                    m -= 1
                if (m < 0 or toks[m].text in COMMAS) and i - m - 1 <= SVO_LIMIT and m + 1 < k and (
                        strip_al(toks[m + 1].key) in lx.UNNAMED_KEYS
                        or strip_al(toks[m + 1].key) in lx.TITLE_KEYS):
                    return toks[m + 1:i]
                if (m < 0 or toks[m].text in COMMAS or toks[m].key in lx.COMPLEMENTIZER_KEYS) and (
                        i - m - 1 <= SVO_LIMIT and _named_then_titled(toks[m + 1:k])):
                    # غير ان بيار باسكاري المدير السابق للتجارب في المديرية ... اكد: a
                    # full name and his title, then where he serves
                    return toks[m + 1:i]
            if (t.key in lx.FUNCTION_KEYS or t.key in RELATIVES or t.key in CLAUSE_BREAKS
                    or t.key in lx.VERB_KEYS or t.key in lx.PARTICIPLE_KEYS
                    or is_mark(t.text) or t.text in END_PUNCT or not t.text.isalpha()):
                left = toks[k + 1:i]
                if left and t.key in _AS_FOR and toks[i].key.startswith("ف") and len(left) <= 6:
                    return left  # أما الرئيس الفرنسي فقال: the topic before فـ is the subject
                quantity = t.key == "من" and k > 0 and (
                    strip_al(toks[k - 1].key).rstrip("ا") in _QUANTIFIERS)
                if left and (quantity or t.key in CLAUSE_BREAKS) and (
                        strip_al(left[0].key) in lx.UNNAMED_KEYS):
                    return left  # لكن كثيراً من خبراء علوم النفس يقولون: unnamed, plural
                return []
            k -= 1
        if i - k > SVO_LIMIT:
            return []
        left = toks[k + 1:i]
        if not left or any(_demonstrative(t) for t in left) or left[0].key in _ONCE:
            return []  # وبهذه المناسبة قال، ذات مرة قال: when, not who
        first = strip_al(left[0].key)
        if (first in lx.TITLE_KEYS or first in lx.INSTITUTION_KEYS or first in lx.UNNAMED_KEYS
                or left[0].key in lx.ORGANISATION_KEYS or left[0].key in lx.HONORIFIC_KEYS):
            return left
        joined = _without_conjunction(left)
        if joined is not left and k >= 0:
            return []  # في مقدمتهم فلان، وعمر المهنا قال: the end of a list, not the subject
        left = joined
        mention = mention_of(self.text, left)
        if mention is not None and mention.kind == PERSON and self.registry.find(mention.keys):
            return left
        if len(left) >= 2 and (k < 0 or toks[k].text in COMMAS) and all(
                name_like(t) or t.key in lx.PARTICLE_KEYS for t in left[:-1]) and (
                name_like(left[-1]) or is_family_name(left[-1])):
            return left  # أما وزير الدولة، أنور قرقاش قال: a full name opening the clause
        if (k < 0 or toks[k].text in COMMAS or toks[k].key in lx.COMPLEMENTIZER_KEYS) and (
                _named_then_titled(left)):
            return left  # غير ان بيار باسكاري المدير السابق للتجارب اكد: name, title
        return []

    def _opening_person(self, toks: list[Tok], comma: int) -> list[Tok]:
        """A person described and named from the sentence start to a comma before the
        verb: مؤسسة الدار سيدة عراقية اسمها فلانة، تقول؛ وجاء نائب رئيس الوزراء، فلان،
        ليؤكد (a first verb of coming or being is stepped over)."""
        first = 1 if toks[0].key in lx.DOCUMENT_VERB_KEYS or toks[0].key in KANA else 0
        words = [t for t in toks[first:comma] if t.text not in COMMAS]
        if first and words and len(words) == comma - first and (
                strip_al(words[0].key) in lx.UNNAMED_KEYS) and not any(
                t.key in lx.VERB_KEYS or t.key in lx.PARTICIPLE_KEYS or is_mark(t.text)
                or t.text in END_PUNCT for t in words) and len(words) <= SVO_LIMIT and (
                (unnamed := mention_of(self.text, words)) is not None and unnamed.kind == UNNAMED
                and unnamed.end == words[-1].end):
            return words  # وكان مصدر في المعارضة السورية، اعتبر: an unnamed source, where from
        if not words or len(words) > SVO_LIMIT or any(
                t.key in lx.VERB_KEYS or t.key in lx.PARTICIPLE_KEYS or is_mark(t.text)
                or t.text in END_PUNCT or t.key in lx.FUNCTION_KEYS and t.text not in NAME_WORDS
                for t in words):
            return []
        if name_like(words[0]):
            # فهد المبارك، محافظ المؤسسة، قال: a full name set off by a comma, then its
            # title (but وتمنى فلان من الجماهير ...،: a verb opens it)
            first_comma = next((k for k in range(first, comma) if toks[k].text in COMMAS), None)
            name = toks[first:first_comma] if first_comma is not None else []
            if len(name) >= 2 and all(name_like(t) or t.key in lx.PARTICLE_KEYS
                                      or is_family_name(t) for t in name):
                return name
            return []
        if not mention_word(strip_al(words[0].key)):
            return []
        mention = mention_of(self.text, words)
        if mention is None or mention.kind != PERSON or not mention.name or not (
                mention.text.endswith(mention.name)):
            return []
        return words

    @staticmethod
    def _pluperfect_subject(toks: list[Tok], i: int) -> list[Tok]:
        """وكان هاشم حيدر رئيس الاتحاد، وهو ...، قد أكد: the subject follows كان and
        runs to the first comma, relative pronoun or dash; قد stands before the verb."""
        if i < 3 or toks[i - 1].key not in ("قد", "وقد"):
            return []
        k = i - 2
        while k >= 0 and i - k <= SUBJECT_LIMIT + 12:
            t = toks[k]
            if t.text in END_PUNCT or t.key in lx.VERB_KEYS:
                return []
            if t.key in _KANA_VERBS:
                break
            k -= 1
        else:
            return []
        if k < 0 or i - k > SUBJECT_LIMIT + 12:
            return []
        subject: list[Tok] = []
        for t in toks[k + 1:i - 1]:
            if t.text in COMMAS or t.key in RELATIVES or t.text[:1] in DASHES or (
                    t.text[:1] == "(" or is_mark(t.text) or t.key in lx.PARTICIPLE_KEYS):
                break
            subject.append(t)
        if not subject or len(subject) > SUBJECT_LIMIT or not (
                name_like(subject[0]) or strip_al(subject[0].key) in lx.TITLE_KEYS
                or subject[0].key in lx.HONORIFIC_KEYS
                or strip_al(subject[0].key) in lx.UNNAMED_KEYS):
            return []
        return subject

    # ---- participles and sourcing phrases --------------------------------------------

    def _participle(self, sent: Sentence, i: int, local: _Speaker | None
                    ) -> tuple[Cue, _Speaker | None, int] | None:
        toks = sent.tokens
        tok = toks[i]
        lemma = lx.PARTICIPLE_KEYS[tok.key]
        n = len(toks)
        via = None
        result = None
        j = i + 1
        # مؤكداً may be followed by its object first; مؤكدة / مؤكدين (also adjectives)
        # only count right before their content
        reach = 10 if tok.key.endswith("ا") else 2
        while j < n and j - i <= reach:
            t = toks[j]
            if t.text in END_PUNCT or t.key in lx.VERB_KEYS or t.key in lx.PARTICIPLE_KEYS:
                break
            result = self._complement(toks, j, lemma, True, False)
            if result is not None:
                break
            outlet = outlet_at(self.text, toks, j)
            if outlet is not None:
                via = outlet[0]
                j = outlet[1]
                continue
            j += 1
        if result is None:
            return None
        complement, content, next_i = result
        speaker, flags = self._resolve(None, None, tok.start, sent.paragraph, local)
        cue = Cue(sent.index, sent.paragraph, tok.start, tok.end, tok.text, "participle",
                  complement, content, describe=lemma in lx.DESCRIBE_VERBS, via=via)
        self._fill(cue, speaker, flags, None, local)
        if local is not None and cue.via is None:
            cue.via = local.via
        return cue, speaker, next_i

    def _document(self, sent: Sentence, i: int
                  ) -> tuple[Cue, _Speaker | None, int] | None:
        """وجاء في نشرة حول المعرض أن ...: the document is the source of the words; the
        same noun with the article later (وتضيف النشرة) points back to it."""
        toks = sent.tokens
        n = len(toks)
        if i + 2 >= n or toks[i + 1].key != "في":
            return None
        noun = strip_al(toks[i + 2].key)
        if noun not in lx.DOCUMENT_NOUN_KEYS:
            return None
        j = i + 3
        result = None
        while j < n and j - i <= 10:
            if toks[j].text in END_PUNCT or toks[j].key in lx.VERB_KEYS:
                return None
            result = self._complement(toks, j, "", True, False)
            if result is not None and result[0] in ("that", "colon", "mark"):
                break
            result = None
            j += 1
        if result is None:
            return None
        complement, content, next_i = result
        words = toks[i + 2:j]
        while words and not any(c.isalpha() for c in words[-1].text):
            words.pop()
        phrase = self.text[words[0].start:words[-1].end]
        known = self.documents.get(noun) if is_definite(toks[i + 2]) else None
        issuer = self._issuer(words, sent)
        speaker = issuer or known or _Speaker(phrase, None, None, phrase, sent.paragraph)
        self.documents[noun] = speaker
        tok = toks[i]
        cue = Cue(sent.index, sent.paragraph, tok.start, toks[i + 1].end,
                  self.text[tok.start:toks[i + 1].end], "verb", complement, content)
        self._fill(cue, speaker, set(), None, None)
        cue.mention = phrase
        return cue, speaker, next_i

    def _before_place(self, subject: list[Tok]) -> list[Tok]:
        """وطالب عباس الولايات المتحدة بـ: a country or city right after the name of a
        person the document knows is the verb's object, not the end of the name (but
        رئيس إقليم كردستان العراق: a place after a place)."""
        for k in range(1, len(subject)):
            tok = subject[k]
            if not (is_definite(tok) and tok.key in lx.PLACE_KEYS):
                continue
            first = k
            while first > 0 and (name_like(subject[first - 1])
                                 or subject[first - 1].key in lx.PARTICLE_KEYS):
                first -= 1
            if first == k:
                continue
            key = " ".join(t.key for t in subject[first:k])
            entity = self.registry.find((key,))
            if entity is not None and entity.kind == PERSON:
                return subject[:k]
        return subject

    def _body_after_l(self, words: list[Tok]) -> Mention | None:
        """بيان لوزارة الخارجية الباكستانية، بيان للمقاومة الجنوبية: a document noun
        without the article, then ل glued to a body's name: that body (its name
        without the ل), up to a preposition or a word that is no part of it."""
        if len(words) < 2 or is_definite(words[0]) or strip_al(words[0].key) not in (
                lx.DOCUMENT_NOUN_KEYS):
            return None
        first = words[1]
        if is_definite(first) and strip_al(first.key) in lx.INSTITUTION_KEYS and len(words) == 2:
            # وأشار بيان المنظمة: the statement of the body named before with that noun
            return Mention(first.text, ORG, first.start, first.end, None, (),
                           frozenset({strip_al(first.key)}), strip_al(first.key))
        if not is_definite(first) and first.text.isalpha() and len(words) >= 3 and (
                first.key in lx.INSTITUTION_KEYS and first.key not in lx.TITLE_KEYS
                and is_definite(words[2])):
            # وقال بيان وزارة الدفاع: the statement of the body it names in the genitive
            end = 1 + org_extent(words[1:])
            name = self.text[first.start:words[end].end]
            return Mention(name, ORG, first.start, words[end].end, name, (fold_ar(name),),
                           frozenset({first.key}), first.key)
        if first.key.startswith("لل"):
            head, skip = strip_al("ال" + first.key[2:]), 1
        elif first.key.startswith("ل"):
            head, skip = first.key[1:], 1
        else:
            return None
        if head not in lx.INSTITUTION_KEYS and "ال" + head not in lx.ORGANISATION_KEYS:
            return None
        end = 2
        while end < len(words) and end < 8 and words[end].text.isalpha() and (
                words[end].key not in lx.FUNCTION_KEYS) and (
                is_definite(words[end]) or name_like(words[end])
                or strip_al(words[end].key) in lx.INSTITUTION_KEYS
                or words[end].key[:1] == "ل" and words[end].key[1:] in lx.INSTITUTION_KEYS):
            end += 1
        start = first.start + skip
        name = ("ال" if first.key.startswith("لل") else "") + self.text[
            start + (1 if first.key.startswith("لل") else 0):words[end - 1].end]
        return Mention(name, ORG, start, words[end - 1].end, name, (fold_ar(name),),
                       frozenset({head}), head)

    @staticmethod
    def _issued_by(subject: list[Tok]) -> list[Tok]:
        """وأوضح بيان صادر عن وزير الدفاع فلان: the one who issued the statement speaks
        through it (the words after صادر عن)."""
        if len(subject) < 4 or strip_al(subject[0].key) not in lx.DOCUMENT_NOUN_KEYS:
            return subject
        for k in range(1, min(len(subject) - 2, 3)):
            if subject[k].key in _ISSUED and subject[k + 1].key in ("عن", "من"):
                return subject[k + 2:]
        return subject

    def _wording(self, sent: Sentence, i: int
                 ) -> tuple[Cue, _Speaker | None, int] | None:
        """وتنص الإصلاحات التي أعلنها فلان على «...»، وتشمل إصلاحات فلان «...»، وينص
        القانون على «...»: quoted wording of a text; its words are whoever issued it
        (named in a relative clause or as its owner), else the text's."""
        toks = sent.tokens
        n = len(toks)
        j = i + 1
        while j < n and j - i <= 12 and not is_mark(toks[j].text) and not (
                toks[j].key == "علي" and toks[j].text not in NAME_WORDS) and not (
                toks[j].key in BI and j + 1 < n and is_mark(toks[j + 1].text)):
            if toks[j].text in END_PUNCT or toks[j].text in COMMAS or toks[j].key in lx.VERB_KEYS:
                return None
            j += 1
        mark = j + 1 if j < n and (toks[j].key == "علي" or toks[j].key in BI) else j
        if mark + 1 < n and toks[mark].key in lx.COMPLEMENTIZER_KEYS and is_mark(toks[mark + 1].text):
            mark += 1  # تنص على أن «...»
        if mark >= n or not is_mark(toks[mark].text):
            return None
        words = toks[i + 1:j]
        if not words and 0 < i <= 8 and is_definite(toks[0]) and not any(
                t.key in lx.VERB_KEYS or t.text in END_PUNCT or t.text in COMMAS or is_mark(t.text)
                for t in toks[:i]):
            words = toks[:i]  # المادة 77 في القانون الأساسي تنص على أن «...»: the text before
        named = bool(words)
        if not named:  # كما تتضمن «...»: the text quoted last
            if self.wording is None:
                return None
            words, speaker = [toks[i]], self.wording
        else:
            speaker = self._issuer(words, sent)
        noun = strip_al(words[0].key)
        if speaker is None and is_definite(words[0]) and noun in self.documents:
            speaker = self.documents[noun]  # تنص الإصلاحات: those someone announced
        if speaker is None:
            mention = mention_of(self.text, words)
            owner = self.registry.find(mention.keys) if mention is not None and (
                mention.kind == PERSON and mention.keys) else None
            if owner is not None and owner.kind == PERSON:
                # إصلاحات فلان: the person the document named, not a longer name of him
                speaker = _Speaker(owner.name, owner, owner.gender, mention.text, sent.paragraph)
            else:
                # القانون (الذي تم الإعلان عنه أمس): the text itself, without its clause
                r = _relative(words)
                phrase = self.text[words[0].start:words[max(r or len(words), 1) - 1].end]
                speaker = _Speaker(phrase, None, None, phrase, sent.paragraph)
        tok = toks[i]
        cue = Cue(sent.index, sent.paragraph, tok.start, tok.end, tok.text, "verb", "mark",
                  toks[mark].start)
        self._fill(cue, speaker, set(), None, None)
        cue.mention = self.text[words[0].start:words[-1].end]
        if speaker is not None:
            speaker.local_only = True  # the text speaks here only
            if named:
                self.documents[noun] = speaker
        self.wording = speaker
        return cue, speaker, mark

    def _issued(self, sent: Sentence, inside: list[bool]) -> None:
        """وأصدر الاتحاد السعودي للكرة الطائرة اليوم بيانا: the body that issues a
        document is whom the document (وقال البيان) speaks for later."""
        toks = sent.tokens
        for i, tok in enumerate(toks):
            if inside[i] or tok.key not in _ISSUING:
                continue
            j = i + 1
            while j < len(toks) and j - i <= 10 and not inside[j] and toks[j].text.isalpha():
                noun = toks[j].key.rstrip("اً")
                if noun in lx.DOCUMENT_NOUN_KEYS and j > i + 1:
                    words = [t for t in toks[i + 1:j] if t.key not in lx.TIME_KEYS]
                    mention = mention_of(self.text, words) if words else None
                    if mention is not None and mention.kind in (PERSON, ORG, TITLE) and (
                            mention.name or mention.kind == TITLE):
                        speaker, _ = self._resolve(mention, None, words[0].start,
                                                   sent.paragraph, None)
                        if speaker is not None:
                            self.documents[noun] = speaker
                    break
                j += 1

    def _stated_in(self, sent: Sentence, inside: list[bool], found: list[Cue]) -> None:
        """واوضحت الوزارة أن ...، وذلك في بيان تم توزيعه: the document the sentence's one
        speaker said it in, named after the words, is whom «وتابع البيان» speaks for."""
        names = {cue.speaker for cue in found if cue.speaker}
        if len(names) != 1 or not self.recent or self.recent[-1].name not in names:
            return
        first = min(cue.start for cue in found if cue.speaker)
        toks = sent.tokens
        for k in range(len(toks) - 1):
            if inside[k] or toks[k].start <= first or toks[k].key not in lx.CIRCUMSTANCE_PREP_KEYS:
                continue
            noun = strip_al(toks[k + 1].key)
            if noun in lx.DOCUMENT_NOUN_KEYS and not inside[k + 1]:
                self.documents.setdefault(noun, self.recent[-1])  # (keyed as elsewhere)

    def _issuer(self, words: list[Tok], sent: Sentence) -> _Speaker | None:
        """البرقية التي بعثها ولي العهد، البيان الذي أصدره الوزير: who sent the
        document, named in a relative clause after it; بيان لوزارة الخارجية: the body
        after ل."""
        body = self._body_after_l(words)
        if body is not None:
            speaker, _ = self._resolve(body, None, body.start, sent.paragraph, None)
            return speaker
        r = _relative(words)
        if r is None or r + 2 >= len(words):
            return None
        mention = mention_of(self.text, words[r + 2:])
        if mention is None or mention.kind not in (PERSON, TITLE, ORG) or not (
                mention.name or mention.kind == TITLE):
            return None
        speaker, _ = self._resolve(mention, None, words[r + 2].start, sent.paragraph, None)
        return speaker

    def _source(self, sent: Sentence, i: int, local: _Speaker | None
                ) -> tuple[Cue, _Speaker | None, int] | None:
        """بحسب X، وفقاً لـ X ...: X is the source of the words before or after it (an
        outlet next to a reporting verb becomes its ``via``)."""
        source = source_at(self.text, sent.tokens, i)
        if source is None:
            return None
        tok = sent.tokens[i]
        mention = source.mention
        if tok.key in IN_LINE_WITH and mention.kind == PERSON and mention.name and (
                self.registry.find(mention.keys) is None and " " in mention.name):
            return None  # وفق خطط مدروسة: "in line with" two words no one is named by
        if mention is not None:
            words = [t for t in sent.tokens if mention.start <= t.start and t.end <= mention.end]
            body = self._body_after_l(words)
            if body is not None:
                mention = body  # وفق بيان للأمم المتحدة: the body
        speaker, flags = self._resolve(mention, None, tok.start, sent.paragraph, local)
        if mention is not source.mention and speaker is not None:
            self.documents[strip_al(words[0].key)] = speaker  # ... وقال البيان: it again
        cue = Cue(sent.index, sent.paragraph, tok.start, source.cue_end,
                  self.text[tok.start:source.cue_end], "source", "source", source.content_start,
                  postposed=not source.preposed, via=source.via)
        self._fill(cue, speaker, flags, mention, local)
        return cue, speaker, source.next_index

    # ---- speakers ----------------------------------------------------------------------

    def _fill(self, cue: Cue, speaker: _Speaker | None, flags: set[str],
              mention: Mention | None, local: _Speaker | None) -> None:
        if speaker is not None:
            cue.speaker = speaker.name
            cue.mention = speaker.mention if mention is None else mention.text
        cue.inferred = "speaker_inferred" in flags
        cue.unresolved = speaker is None
        if speaker is not None and speaker is not local:
            speaker.via = cue.via

    def _resolve(self, mention: Mention | None, gender: str | None, position: int,
                 paragraph: int, local: _Speaker | None
                 ) -> tuple[_Speaker | None, set[str]]:
        if mention is not None and self.documents and " " not in mention.text:
            document = self.documents.get(strip_al(fold_ar(mention.text)))
            if document is not None and fold_ar(mention.text).startswith("ال"):
                # وأضاف البيان: the statement named before, and whoever issued it
                return _Speaker(document.name, document.entity, document.gender,
                                mention.text, paragraph), set()
        if mention is not None:
            words = mention.text.split()
            last = self._the_same(words[0], paragraph) if len(words) == 2 and (
                fold_ar(words[1]) in _SAME_KEYS) else None
            if last is not None:
                return last, set()  # بحسب المصدر نفسه
        if mention is not None and mention.kind != PERSON and " " not in mention.text.strip() and (
                fold_ar(mention.text).startswith("ال")):
            # وأضاف التركي after خالد التركي: a family name that is also a nationality
            # or a title is the person the document named with it
            known = self.registry.find((fold_ar(mention.text),))
            if known is not None and known.kind == PERSON and " " in known.name and (
                    fold_ar(known.name.split()[-1]) == fold_ar(mention.text)):
                self.registry.touch(known, position)
                return _Speaker(known.name, known, known.gender, mention.text, paragraph), set()
        if mention is not None and mention.kind == PRONOUN:
            ranked = self._by_rank(mention, local, position, paragraph)
            if ranked is not None:
                return ranked, set()
        if mention is None or mention.kind == PRONOUN:
            if local is not None and not (gender in ("m", "f") and local.gender in ("m", "f")
                                          and gender != local.gender):
                return local, {"speaker_inferred"} if local.inferred else set()
            for previous in reversed(self.recent):
                if gender is None or previous.gender in (None, gender, "p") or gender == "p":
                    return _Speaker(previous.name, previous.entity, previous.gender, None,
                                    paragraph, inferred=True), {"speaker_inferred"}
            # nobody has spoken yet: the first person the last sentence naming people
            # names (رفع رئيس الاتحاد الأمير فلان التهنئة للملك سلمان. وأكد أن: the
            # subject comes before the objects), else the last person seen
            candidates = [entity for mention, entity in self.people if mention.end <= position]
            candidates = candidates or [entity for _, entity in self.last_people]
            for entity in [*candidates, *reversed(self.registry.entities[-8:])]:
                if entity.kind == PERSON and entity.last_seen <= position and (
                        gender is None or entity.gender in (None, gender)):
                    return _Speaker(entity.name, entity, entity.gender, None, paragraph,
                                    inferred=True), {"speaker_inferred"}
            # علمت إيفا كريستا أوريش ... وقالت: a person with no title the sentence, or
            # one of the two before, opens with as the subject of its verb
            for sent in reversed(self.sentences[max(0, self.current - 2):self.current + 1]):
                untitled = self._untitled(sent) if sent.start < position else None
                if untitled is not None and (gender != "f" or untitled.gender == "f"):
                    return untitled, {"speaker_inferred"}
            return None, {"speaker_unresolved"}
        if mention.kind == ORG and len(mention.text.split()) == 1:
            # a body cited by one word: a bare word is whoever the document gave it as a
            # title; a definite one (وحذرت الهيئة) the body it named in full before (الهيئة
            # الطبية العامة ...), else it is a body of its own
            known = self.registry.by_title(strip_al(fold_ar(mention.text)), frozenset(), position)
            if known is not None and (not mention.name or known.kind == ORG and " " in known.name
                                      and fold_ar(mention.text).startswith("ال")):
                return _Speaker(known.name, known, known.gender, mention.text, paragraph), set()
        if mention.kind == PERSON and mention.name and " " not in mention.name and self.unnamed:
            # السيدة الغاضبة after «سيدة كويتية غاضبة»: a description, not a rank and name
            parts = [strip_al(fold_ar(w)) for w in mention.text.split()]
            earlier = self.unnamed.get(parts[0])
            if earlier is not None and len(parts) > 1 and frozenset(parts[1:]) <= earlier[1]:
                return _Speaker(earlier[0].name, None, earlier[0].gender or gender,
                                mention.text, paragraph), set()
        if mention.kind in (PERSON, ORG) and mention.name:
            known = self.registry.add(mention, position)
            if known is not None:
                if gender in ("m", "f") and known.gender is None:
                    known.gender = gender
                return _Speaker(known.name, known, known.gender, mention.text, paragraph), set()
        if mention.kind == TITLE and mention.head:
            titled = self.registry.by_title(mention.head, mention.title_keys, position,
                                            TITLE_SYNONYMS)
            if titled is not None and self._someone_else(mention, titled):
                titled = None
            words = mention.text.split()
            for k, word in enumerate(words):
                if titled is not None:
                    break
                key = fold_ar(word)
                if k == 0 and key in lx.HONORIFIC_KEYS and len(words) > 1 and (
                        fold_ar(words[1]).startswith("و")) or k > 0 and key.startswith("و") and (
                        strip_al(key[1:]) in lx.TITLE_KEYS):
                    # اللاعب والمدرب ومدير الكرة السابق: each of several titles joined
                    # by و may be the one the document gave the person before
                    head = strip_al(key[1:] if k else key)
                    titled = self.registry.by_title(head, mention.title_keys, position,
                                                    TITLE_SYNONYMS)
            if titled is not None:
                return _Speaker(titled.name, titled, titled.gender, mention.text, paragraph), set()
            ranked = self._by_rank(mention, local, position, paragraph)
            if ranked is not None:  # وأضاف سمو رئيس رعاية الشباب: the prince speaking
                return _Speaker(ranked.name, ranked.entity, ranked.gender, mention.text,
                                paragraph), set()
            described = frozenset(k for k in mention.title_keys if k not in lx.FUNCTION_KEYS
                                  and k not in _SAME_KEYS)
            if len(described) >= 2 and fold_ar(mention.text).startswith("ال"):
                # النائب في البرلمان الإيراني after رئيس اللجنة الاقتصادية في البرلمان
                # الإيراني فلان: a new title for a recent speaker, if all its other
                # words describe him
                described_one = self._described(described, mention.text, gender, paragraph)
                if described_one is not None:
                    return described_one, set()
        if mention.kind == ORG:
            head = strip_al(fold_ar(mention.text.split()[0])) if mention.text else ""
            org = Mention(mention.text, ORG, mention.start, mention.end, mention.text,
                          (fold_ar(mention.text),), frozenset({head}))
            self.registry.add(org, position)
        if mention.kind == UNNAMED and mention.text.startswith(("ال", "وال")):
            # المتحدث الأمني: a definite description points back to the person the
            # document gave that title (المتحدث الأمني اللواء منصور التركي)
            parts = [strip_al(fold_ar(w)) for w in mention.text.split()]
            titled = self.registry.by_title(parts[0], frozenset(parts[1:]), position,
                                            TITLE_SYNONYMS)
            if titled is not None and titled.kind == PERSON:
                return _Speaker(titled.name, titled, titled.gender, mention.text, paragraph), set()
        if mention.kind == UNNAMED or mention.kind == TITLE and not mention.name:
            return self._unnamed(mention, gender, paragraph), set()
        if mention.kind == ORG or mention.kind == TITLE:
            return _Speaker(mention.text, None, gender, mention.text, paragraph), set()
        return None, {"speaker_unresolved"}

    @staticmethod
    def _someone_else(mention: Mention, titled: Entity) -> bool:
        """مدرب لاتسيو after المدرب الهولندي لويس فان جال: a title whose genitive is a
        name (a club, a country the lexicons do not know) that the person holding the
        title was never given is another one's title; so is one of another nationality."""
        ours = {lx.nationality(k) for k in mention.title_keys} - {None}
        theirs = {lx.nationality(k) for k in titled.title_keys} - {None}
        if ours and theirs and not ours & theirs:
            return True  # الرئيس الفرنسي after الرئيس الأميركي باراك أوباما: another president
        words = [fold_ar(w) for w in mention.text.split()]
        if words[0].startswith("ال") or len(words) < 2 or words[0] != mention.head:
            return False
        genitive = words[1]  # (the word the title governs, not what follows it)
        if genitive.startswith("ال"):
            return False  # وزير التعليم: a common noun, not a club's or a country's name
        return not (mention_word(genitive) or genitive in lx.FUNCTION_KEYS
                    or genitive in lx.EVENT_KEYS) and genitive not in titled.title_keys

    @staticmethod
    def _apposed_titles(toks: list[Tok], end: int, entity: Entity) -> None:
        """وقال الشيخ فلان، مفتي عام السعودية، رئيس هيئة كبار العلماء: the titles set off
        by commas after the name are his too (ودعا مفتي عام السعودية later is he), and so
        is a title right after it that governs words (الأمير فلان أمير منطقة نجران)."""
        k = bisect_left([t.start for t in toks], end)
        if k < len(toks) and not is_definite(toks[k]) and toks[k].key in lx.TITLE_KEYS and (
                toks[k].start - end <= 1):
            # الأمير فلان أمير منطقة نجران بإحداث برامج: a title right after the name,
            # with no comma, and the words it governs are his (سمو أمير منطقة نجران later
            # is he; but a title word governing nothing is a family name, حاتم بن حسن قاضي)
            m = k + 1
            while m < len(toks) and m - k <= 4 and toks[m].text.isalpha() and not (
                    toks[m].key in lx.FUNCTION_KEYS or toks[m].key in lx.COMPLEMENTIZER_KEYS
                    or toks[m].key in lx.VERB_KEYS or toks[m].key in lx.PARTICIPLE_KEYS
                    or not is_definite(toks[m]) and toks[m].key[:1] in "بو" and len(toks[m].key) > 3):
                m += 1
            if m > k + 1:
                entity.title_keys.update(strip_al(t.key) for t in toks[k:m])
            k = m
        while k + 1 < len(toks) and toks[k].text in COMMAS and (
                strip_al(toks[k + 1].key) in lx.TITLE_KEYS):
            m = k + 1
            while m < len(toks) and m - k <= 8 and toks[m].text.isalpha() and (
                    toks[m].key not in lx.COMPLEMENTIZER_KEYS):
                m += 1
            entity.title_keys.update(strip_al(t.key) for t in toks[k + 1:m]
                                     if t.key not in lx.FUNCTION_KEYS)
            k = m

    def _current(self, local: _Speaker | None, gender: str | None) -> _Speaker | None:
        """The person speaking now: this sentence's, else the last one, if a person the
        document names and of the verb's gender."""
        current = local if local is not None else self.recent[-1] if self.recent else None
        if current is None or current.entity is None or current.entity.kind != PERSON or (
                gender in ("m", "f") and current.gender in ("m", "f") and gender != current.gender):
            return None
        return current

    def _described(self, described: frozenset[str], text: str, gender: str | None,
                   paragraph: int) -> _Speaker | None:
        """The last speaker whose titles hold every one of these describing words."""
        for previous in reversed(self.recent):
            entity = previous.entity
            if entity is not None and entity.kind == PERSON and described <= entity.title_keys:
                return _Speaker(previous.name, entity, previous.gender or gender, text, paragraph)
        return None

    def _the_same(self, noun: str, paragraph: int) -> _Speaker | None:
        """المصدر نفسه، المسؤول ذاته: "the same" one, whoever spoke last, when the
        document introduced no source with that noun (which it would point back to)."""
        key = fold_ar(noun)
        if " " in noun.strip() or not key.startswith("ال") or strip_al(key) in self.unnamed or (
                not self.recent):
            return None
        last = self.recent[-1]
        return _Speaker(last.name, last.entity, last.gender, noun, paragraph)

    def _by_rank(self, mention: Mention, local: _Speaker | None, position: int,
                 paragraph: int) -> _Speaker | None:
        """وقال سموه، وأضاف معاليه، سمو رئيس ...: "his highness" is the last person the
        document gave a prince's (a minister's) rank, the current speaker first, not just
        anyone named last (the king he sent his condolences to)."""
        ranks = _RANK_PRONOUNS.get(fold_ar(mention.text.split()[0]))
        if ranks is None:
            return None
        if local is not None and local.entity is not None and ranks & local.entity.title_keys:
            return local
        for previous in reversed(self.recent):
            if previous.entity is not None and ranks & previous.entity.title_keys:
                return previous
        for entity in reversed(self.registry.entities):
            if entity.kind == PERSON and entity.last_seen <= position and ranks & entity.title_keys:
                return _Speaker(entity.name, entity, entity.gender, mention.text, paragraph,
                                inferred=True)
        return None

    def _unnamed(self, mention: Mention, gender: str | None, paragraph: int) -> _Speaker:
        """An unnamed source or a bare title. A definite one (وأضاف المصدر، المسؤول
        الأمني، المتحدثة) points back to the last one the document introduced with that
        noun (مصدر موثوق به في الاتحاد، مسؤول أمني عراقي، متحدثة باسم الاتحاد), if its
        other words all describe that one too; failing that, a description with more
        words than its noun (الدبلوماسي الروسي) to the last speaker whose titles hold
        them all (نائب وزير الخارجية الروسي فلان)."""
        keys = [strip_al(fold_ar(word)) for word in mention.text.split()]
        described = frozenset(keys[1:]) - _SAME_KEYS
        if fold_ar(mention.text).startswith("ال"):
            earlier = self.unnamed.get(keys[0])
            if earlier is not None and described <= earlier[1]:
                speaker = earlier[0]
                return _Speaker(speaker.name, None, speaker.gender or gender, mention.text,
                                paragraph)
            if described:
                # الدبلوماسي الروسي: the last speaker whose titles say all that
                described_one = self._described(described, mention.text, gender, paragraph)
                if described_one is not None:
                    return described_one
            return _Speaker(mention.text, None, gender, mention.text, paragraph)
        speaker = _Speaker(mention.text, None, gender, mention.text, paragraph)
        self.unnamed[keys[0]] = (speaker, described)
        return speaker


def find_cues_ar(text: str, sentences: list[Sentence],
                 quoted: list[tuple[int, int]]) -> list[Cue]:
    """Every attribution cue of an Arabic document, with speakers resolved in order.

    ``quoted`` are the outer ranges of quoted spans: words inside them are the
    speaker's and introduce no cue.
    """
    return _Reader(text, sentences, quoted).run()
