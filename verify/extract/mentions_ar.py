"""Arabic speaker mentions: split a title from a name, and find titled names in narration.

A mention such as «ممثل روسيا الدائم لدى الأمم المتحدة في جنيف أليكسي بورودافكين»
is read from its end: name words are taken while they are not lexicon words, not the
object of a preposition (في جنيف) and not the genitive of a title (ممثل روسيا);
a family name with ال closes a name (بشار الجعفري). What precedes is the title.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon_ar as lx
from .cues import is_mark
from .entities import ORG, PERSON, PRONOUN, TITLE, UNNAMED, Mention
from .keys import PRONOUN_SUFFIXES, THEIR_SUFFIXES, fold_ar, possessed_forms, skeleton_ar, strip_al, words
from .segment import Tok, abbreviation_stop

__all__ = ["accusative_participle", "derived_accusative", "ends_with_name", "in_body_name",
           "is_body", "is_definite", "is_family_name", "is_provision", "mention_of",
           "mention_word", "name_keys", "name_like", "object_noun", "one_of_them", "org_extent",
           "possessed_title", "scan_titled_names", "source_adjective", "verb_with_object"]

_PREPOSITIONS = frozenset(fold_ar(w) for w in words("في لدى إلى الى من عن على مع ل لـ ب بـ باسم"))
# Document nouns that are also family names (عمر بن الخطاب)
_SURNAME_DOCUMENTS = frozenset(fold_ar(w) for w in ("خطاب", "كتاب"))
_LEXICON = (lx.TITLE_KEYS | lx.KINSHIP_KEYS | lx.HONORIFIC_KEYS | lx.INSTITUTION_KEYS | lx.UNNAMED_KEYS
            | lx.ORGANISATION_KEYS | lx.DESCRIPTOR_KEYS | lx.PLACE_KEYS | lx.FUNCTION_KEYS
            | lx.TIME_KEYS | lx.ADVERB_KEYS | lx.DISCOURSE_KEYS | lx.PRONOUN_KEYS | lx.COMPLEMENTIZER_KEYS
            | lx.SPEECH_NOUN_KEYS | lx.SOURCE_KEYS | lx.CIRCUMSTANCE_NOUN_KEYS
            | lx.OBJECT_OPENER_KEYS | lx.COURTESY_KEYS | lx.NUMBER_KEYS | lx.DATE_KEYS
            | lx.OUTLET_NOUN_KEYS | (lx.DOCUMENT_NOUN_KEYS - _SURNAME_DOCUMENTS)
            | frozenset(lx.VERB_KEYS) | frozenset(lx.PARTICIPLE_KEYS) | _PREPOSITIONS)
# Nouns for an unnamed person (سيدة، رجل): never a word of a name (but طالب is one too)
_PERSON_NOUNS = lx.PERSON_NOUN_KEYS - {fold_ar("طالب")}
_HEADS = lx.TITLE_KEYS | lx.INSTITUTION_KEYS | lx.KINSHIP_KEYS
# في تصريح، في بيان، خلال مؤتمر: where words were said; no title runs on into them
_SAYING_OCCASIONS = lx.CIRCUMSTANCE_NOUN_KEYS - frozenset(fold_ar(w) for w in words(
    "موقع موقعه برنامج البرنامج وقت الوقت حساب حسابه صفحته معرض سياق السياق افتتاح ختام "
    "اجتماع الاجتماع"))
# Words that start a titled name: a title with or without the article, an honorific.
_TRIGGERS = frozenset({*lx.TITLE_KEYS, *("ال" + k for k in lx.TITLE_KEYS),
                       *("وال" + k for k in lx.TITLE_KEYS), *lx.HONORIFIC_KEYS})
_SUFFIXED = ("ها", "هم", "هما", "كم", "نا")
_NAME_LINKS = frozenset(fold_ar(w) for w in words("بن بنت ابن"))
_UNKNOWN_LIMIT = 4
_TANWEEN = frozenset("\u064b\u064c\u064d")
# Honorifics that are also family names at the end of a name (سمير الحاج).
_FAMILY_HONORIFICS = frozenset(fold_ar(w) for w in words("الحاج الشيخ"))
# Names that fold onto a function word (علي / على, آنا / أنا): read on the text (the
# pronoun is never written with madda: every آنا of the corpus is a name).
_NAME_WORDS = frozenset({"علي", "عليّ", "آنا"})
_PREFIXED = ("ل", "ك", "ب", "ف", "و")
# Nouns that take a pronoun ending right after a speaker (أبدى الوزير ارتياحه).
_PRONOUN_STEMS = (lx.OBJECT_OPENER_KEYS | lx.CIRCUMSTANCE_NOUN_KEYS | lx.SPEECH_NOUN_KEYS
                  | lx.COURTESY_KEYS)
# Words that introduce the name itself: رجل يدعى جيانغ، المدعو فلان.
_NAMED = lx.CALLED_KEYS  # مهندس يدعى جيانغ، امرأة وتدعى سلمى


def _prefixed(tok: Tok) -> bool:
    """لإفريقيا، كمركز: a preposition or conjunction glued to a word, not a name part."""
    return tok.key.startswith(_PREFIXED) and len(tok.key) >= 4


# First names that are also title words (مساعد، أمين، حاكم).
_TITLE_FIRST_NAMES = frozenset(fold_ar(w) for w in ("مساعد", "أمين", "حاكم"))
_DEFINITE = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل")


# the article and its prefixes, then at least two letters (not والد, a word of four); after
# ف three (فالتر، فالنسيا: a foreign name, not ف + ال + two letters)
_DEFINITE_RE = re.compile("(?:" + "|".join(p for p in _DEFINITE if p != "فال") + ")..|فال...",
                          re.DOTALL)


def is_definite(tok: Tok) -> bool:
    """Does the word carry the article? Read on the text: أليكسي is not definite, nor is
    والد (a word of four letters that only looks like و + ال), nor a foreign first name
    written without the hamza (الكسندر)."""
    text = tok.text
    if "\u0640" in text:
        text = text.replace("\u0640", "")
    return _DEFINITE_RE.match(text) is not None and tok.key not in lx.FOREIGN_AL_KEYS


def _in_lexicon(key: str) -> bool:
    return key in _LEXICON or strip_al(key) in _LEXICON


def mention_word(key: str) -> bool:
    """Is this folded word in one of the lexicons mentions are read with?"""
    return _in_lexicon(key)


def _wordy(tok: Tok) -> bool:
    return any(c.isalpha() for c in tok.text)


def _is_ellipsis(text: str) -> bool:
    """..، ...، …: dots that end a phrase (not the one dot of an initial, م.)."""
    return text == "…" or len(text) >= 2 and set(text) <= {".", "…"}


_NAME_LIKE: dict[tuple[str, str], bool] = {}
_NAME_LIKE_MAX = 200_000


def name_like(tok: Tok) -> bool:
    """Could this word be part of a personal or company name? (Remembered per word: it
    depends on the word alone.)"""
    found = tok.named
    if found is not None:
        return found  # (asked of this token before: the commonest case)
    pair = (tok.key, tok.text)
    found = _NAME_LIKE.get(pair)
    if found is None:
        if len(_NAME_LIKE) > _NAME_LIKE_MAX:
            _NAME_LIKE.clear()
        found = _NAME_LIKE[pair] = _name_like(tok)
    tok.named = found
    return found


# Prepositions fused with ما (عما، مما، لما، بما، كما), which و or ف may precede.
_GLUED_FUNCTION = frozenset(fold_ar(w) for w in ("عما", "مما", "لما", "بما", "كما", "فيما", "ما"))


# أما as written: it folds onto إما ("either"), which a name may run into as ما
_AS_FOR_TEXT = frozenset(("أما", "وأما"))
_DIRECTIONS = frozenset(fold_ar(w) for w in ("شمال", "جنوب", "شرق", "غرب", "وسط"))


def _name_like(tok: Tok) -> bool:
    key = tok.key
    if len(key) < 2 or is_definite(tok) or (_in_lexicon(key) and tok.text not in _NAME_WORDS):
        return False
    if not all(c.isalpha() or c == "." for c in key) or _TANWEEN & set(tok.text) or not (
            any(c.isalpha() for c in key)):
        return False  # names carry no tanween (رداً، اجتماعاً); dots alone (..) are no word
    text = tok.text
    if text in _AS_FOR_TEXT:
        return False  # أما: "as for" (a heading may stand before it)
    if key == "وحده" and text.endswith("ه"):
        return False  # وحده, "alone" (not وحدة, a unit: it folds onto the same key)
    if derived_accusative(key):
        return False  # متنهدا، متسائلا، مستغربا: a participle in the accusative, how he spoke
    if key[:1] == "ت" and key.endswith("ات") and len(key) >= 6:
        return False  # تعليقات، تصريحات، توقعات: the plural of a verbal noun (تعليقات بارتوميو)
    if key in lx.NA_NAME_KEYS:
        return True  # أنجلينا، مارادونا: a name that ends as if with نا
    if key[:1] == "ب" and (key[1:] in lx.MANNER_NOUN_KEYS or text[1:2] in "أإآ"):
        return False  # بشكل علني، بحماس: how something was done; بإحداث: ب + a noun
    if _tenth_form(key[1:] if key[:1] in "بلوف" and key[1:4] == "است" else key, text):
        return False  # استنكر، استقبال، استطلعت، استخدمه، باسترضاء: the tenth form's verb or
        # verbal noun (not استيفان، استرادا، إسترين)
    if len(key) == 6 and key[0] == "ت" and key[3] == "ي" and key[5] == "ا":
        return False  # ترحيبا، تعليقا، تأكيدا: a verbal noun in the accusative
    if key[0] == "ت" and len(key) == 5 and text.endswith("ه"):
        return False  # ترشحه، تدخله: a verbal noun and his pronoun (not ة: توبة)
    if len(key) > 4 and (key.endswith(_SUFFIXED) or (text.endswith("ه") and (
            key[:-1] in _PRONOUN_STEMS or key[:-1].endswith("ت") and key[:-2] + "ه"
            in _PRONOUN_STEMS))):
        return False  # a noun with a pronoun ending: ارتياحه، تصريحاته، قولها
    if key in lx.LAM_NAME_KEYS:
        return True  # لويس، لوران: a first name, not ل + noun
    if _preposition_noun(tok):
        return False
    if key[0] == "و" and len(key) >= 4 and _in_lexicon(key[1:]):
        return False  # اللاعب والمدرب ومدير الكرة: "and" glued to a lexicon word
    if key in _DIRECTIONS or key[:1] in "وبل" and key[1:] in _DIRECTIONS:
        return False  # الشرق الأوسط وشمال أفريقيا: a region, no name
    if key[:1] in "وف" and key[1:] in _GLUED_FUNCTION:
        return False  # وعما آلت إليه، فمما: "and" glued to a preposition and ما
    if key[:1] in "يت" and len(key) >= 5 and text.endswith(("ه", "ها", "هم", "هما")) and (
            key not in _NAME_WORDS):
        return False  # يقوده، يعاجله: an imperfect verb and its object pronoun
    if len(key) > 5 and key.endswith(("اته", "اتها", "اتهم")) or len(key) == 7 and (
            key[0] == "ا" and key[2] == "ت" and key[4] == "ا" and key.endswith("ه")):
        return False  # تدريباته، اختياره: a plural or a verbal noun with its pronoun
    if key.endswith(("يين", "يون")) and len(key) > 5 and (
            _in_lexicon(key[:-2]) or "ال" + key[:-2] in lx.DESCRIPTOR_KEYS):
        return False  # وزراء سعوديين: a nationality in the plural

    if len(key) == 6 and key[0] == "م" and key[2] == "ا" and key[5] == "ا":
        return False  # محاولا، مطالبا: a participle in the accusative (قال لي فلان محاولا)
    if key[:1] == "م" and key[2:3] == "ا" and not key.endswith("لله") and (
            len(key) == 6 and text.endswith("ه") or len(key) == 7 and text.endswith(("ها", "هم"))):
        return False  # مواقفه، مصالحها، مشاكلهم: a broken plural (مفاعل) and a pronoun
        #               (not مدالله)
    if len(key) == 6 and key[0] == "م" and key[2] == "ا" and text.endswith("ة") and key[4] != "ي":
        return False  # مواجهة، مشاركة، محاولة: a verbal noun (مفاعلة), not a name (معاوية)
    if _glued_word(tok):
        return False
    # بتبوك، لجنيف، لهيئة: a preposition glued to a place, a lexicon word or a definite noun
    if key[0] in "بلك" and len(key) > 3:
        rest = key[1:]
        if rest in lx.PLACE_KEYS or strip_al(rest) != rest or _in_lexicon(rest) and not (
                rest in lx.VERB_KEYS or rest in lx.PARTICIPLE_KEYS):
            return False  # (but كيري: no preposition is glued to a verb, يرى)
    return True


def _tenth_form(key: str, text: str) -> bool:
    """استنكر، استقبال، استطلعت، استخدمه: a verb or verbal noun of the tenth form, read on
    its length and ending (a foreign name such as استيفان or استرادا is not one)."""
    return key.startswith("است") and key[3:4] not in ("ي", "و", "ا", "ر", "") and (
        len(key) == 6 or len(key) == 7 and (key[5] == "ا" or key[6] == "ت")
        or len(key) > 6 and text.endswith(("ه", "ها", "هم")))


def after_rank(tok: Tok) -> bool:
    """A first name right after a rank, read loosely: البروفسورة لويز (not لـ + ويز)."""
    key = tok.key
    return (tok.text.isalpha() and len(key) >= 3 and not is_definite(tok)
            and not _in_lexicon(key) and not _TANWEEN & set(tok.text) and not _glued_word(tok))


def _preposition_noun(tok: Tok) -> bool:
    """لدول، برعاية، لكرة: a preposition glued to a common noun (not to a name)."""
    key = tok.key
    return len(key) >= 4 and (key[0] == "ل" or key[0] in "بك" and key.endswith("ه")) and (
        key not in lx.LAM_NAME_KEYS)  # (ليلى الشبيبي: a first name)


def _glued_word(tok: Tok) -> bool:
    """A preposition glued to a function word (بهذا، لذلك، كذلك) or to a noun with its
    pronoun (لخطابه، بكلمته): never a name, whatever else the word looks like."""
    key = tok.key
    if len(key) < 4 or key[0] not in "بلك":
        return False
    return key[1:] in lx.FUNCTION_KEYS or (
        key[0] != "ك" and len(key) >= 5 and tok.text.endswith(("ه", "ها", "هم")))


def _first_name_in_l(tokens: list[Tok], i: int) -> bool:
    """لوران in وزير الخارجية الفرنسي لوران فابيوس: a first name that only looks like
    ل + noun, between a nationality or post adjective and another name word."""
    tok = tokens[i]
    if not (0 < i < len(tokens) - 1 and _preposition_noun(tok) and tok.key[0] == "ل") or (
            _glued_word(tok)):
        return False
    before = tokens[i - 1]
    return (tok.text.isalpha() and not is_definite(tok) and not _in_lexicon(tok.key[1:])
            and before.key in lx.DESCRIPTOR_KEYS and is_definite(before)
            and name_like(tokens[i + 1]))


def _governs(tok: Tok | None) -> bool:
    """Does this word take the next one as its object or genitive (في، ممثل)?"""
    if tok is None:
        return False
    key = tok.key
    return key in _PREPOSITIONS or (not is_definite(tok) and key in _HEADS)


def is_family_name(tok: Tok) -> bool:
    key = tok.key
    return (is_definite(tok) and (not _in_lexicon(key) or tok.text[2:] in _NAME_WORDS)
            and key.startswith("ال") and all(c.isalpha() for c in key) and len(key) > 3
            and key[2:] not in _DIRECTIONS)
    # (العلي is a name though على folds onto علي; ودعا نائب الرئيس الغرب: the West, no name)


def _fal_name(tok: Tok) -> bool:
    """فالدانو، فالس after a first name: a foreign name that begins with فال, not ف +
    the article (which never comes inside a name)."""
    key = tok.key
    return (key.startswith("فال") and len(key) >= 5 and tok.text.isalpha()
            and not _in_lexicon(key[1:]) and not _in_lexicon(key[3:]))


def name_keys(words: list[str]) -> tuple[str, ...]:
    """Lookup keys for a name: the whole name, its surname, and spelling skeletons."""
    folded = ["بن" if (f := fold_ar(w)) == "ابن" else f for w in words]
    keys: list[str] = [" ".join(folded)]
    if len(folded) >= 2:
        if folded[-2] in lx.PARTICLE_KEYS:
            keys.append(" ".join(folded[-2:]))
        if len(folded) >= 3:
            keys.append(" ".join(folded[1:]))
    last = folded[-1]
    if last not in lx.PARTICLE_KEYS and len(last) >= 3:
        keys.append(last)
        if strip_al(last) != last:
            keys.append(strip_al(last))
    keys += [sk for k in list(keys) if len(sk := skeleton_ar(k.replace(" ", ""))) >= 4]
    return tuple(dict.fromkeys(keys))


def ends_with_name(tokens: list[Tok]) -> bool:
    """Do the words end with a person's name of two words or more (رئيس الحزب الصادق
    المهدي)?"""
    return len(tokens) - _name_start(tokens, len(tokens)) >= 2


def _name_start(tokens: list[Tok], end: int) -> int:
    """Index of the first name word of tokens[:end] read from the end (end if none)."""
    i = end - 1
    start = end
    if i > 0 and tokens[i].key in _FAMILY_HONORIFICS and name_like(tokens[i - 1]):
        start = i  # سمير الحاج
        i -= 1
    elif i > 0 and _fal_name(tokens[i]) and name_like(tokens[i - 1]):
        start = i  # خورخي فالدانو
        i -= 1
    elif i > 1 and _nisba_surname(tokens[i]) and name_like(tokens[i - 1]) and (
            tokens[i - 2].key in lx.HONORIFIC_KEYS):
        start = i  # اللواء منصور التركي: after a rank and a first name, his family name
        i -= 1
    elif i >= 0 and is_family_name(tokens[i]):
        prev = tokens[i - 1] if i > 0 else None
        if prev is not None and _preposition_noun(prev):
            return end  # لدول الخليج، برعاية المهرجان: a prepositional phrase, not a name
        after_particle = i >= 2 and tokens[i - 2].key in lx.PARTICLE_KEYS
        if prev is not None and i >= 2 and tokens[i - 2].key in lx.HONORIFIC_KEYS and (
                prev.key in _TITLE_FIRST_NAMES):
            return i - 1  # الدكتور مساعد الأحمد: a first name that is also a title word
            #               (not سمو رئيس الشباب: a title after a style)
        if prev is not None and object_noun(prev):
            return end  # مفتي عام السعودية | حادث التفجير: the object, not a name
        if prev is not None and prev.key in lx.DEFINITE_FIRST_NAME_KEYS:
            return i - 1  # رئيس حزب الأمة الصادق المهدي: a first name with the article
        if prev is None or name_like(prev) or after_particle or prev.key in lx.HONORIFIC_KEYS or (
                is_definite(prev) and strip_al(prev.key) in lx.TITLE_KEYS):
            start = i
            i -= 1
        else:
            return end
    count = end - start
    while i >= 0 and count < 7:
        tok = tokens[i]
        if not (name_like(tok) or tok.key in lx.PARTICLE_KEYS or _first_name_in_l(tokens, i)) \
                and not (i - 1 >= 0 and tokens[i - 1].key in lx.PARTICLE_KEYS and _wordy(tok)) \
                and not allah_in_name(tokens, i):
            break  # (يد الله جواني، فضل الله: الله inside a name)
        if _governs(tokens[i - 1] if i > 0 else None) and tokens[i - 1].text not in _NAME_WORDS:
            break  # (but علي عشقي: علي written with ي is the name, not the preposition)
        if start == end and governs_possessed(tokens, i):
            break  # فلانة | طبيعة مهنتها
        start = i
        count += 1
        i -= 1
    while start < end and tokens[start].key in lx.PARTICLE_KEYS and tokens[start].key not in (
            "ابو", "عبد", "ال", "دي", "ابن", "ام"):
        start += 1  # a name does not begin with بن
    return start


# Nouns a company's or a group's name follows in brackets (شركة (أرامكو)); not مركز or
# مدينة, after which brackets hold where it is (مركز سلام (غرب الرس)).
_BRACKET_NAMED = frozenset(fold_ar(w) for w in words(
    "شركة منظمة مجموعة حركة حزب جمعية بنك مؤسسة"))


def bracket_named(tok: Tok) -> bool:
    """Does a name in brackets after this word name it (مجلة (كيكر)، شركة (أرامكو))?"""
    return not is_definite(tok) and (tok.key in lx.OUTLET_NOUN_KEYS or tok.key in _BRACKET_NAMED)


def _marked_name(tokens: list[Tok]) -> tuple[int, int] | None:
    """Indices (first, last) of the words inside a pair of marks (شركة «تايوان باور»)."""
    opened = None
    for i, tok in enumerate(tokens):
        if tok.text == "(" and i > 0 and bracket_named(tokens[i - 1]):
            # مجلة (كيكر)، شركة (أرامكو): a name in brackets after its noun, as in marks
            k = next((k for k in range(i + 2, min(len(tokens), i + 6)) if tokens[k].text == ")"), None)
            if k is not None:
                return i + 1, k - 1
        if is_mark(tok.text):
            if opened is None:
                opened = i
            elif i > opened + 1:
                return opened + 1, i - 1
            else:
                opened = None
    return None


def _body_noun(tok: Tok) -> bool:
    """حزب، لحركة، بشركة: the indefinite noun of a body whose name follows in marks."""
    key = tok.key
    return not is_definite(tok) and tok.text.isalpha() and any(
        bare in lx.INSTITUTION_KEYS or bare in lx.OUTLET_NOUN_KEYS for bare in (key, key[1:]))


def org_extent(words: list[Tok]) -> int:
    """Index of the last word of a body's name: its head, the genitives and adjectives
    that follow (وزارة الخدمة المدنية | أسماء ...)."""
    i = 1
    governs = not is_definite(words[0])
    while i < len(words):
        tok = words[i]
        if tok.key in lx.SPEECH_NOUN_KEYS:
            break  # اكتفت وكالة الأنباء الرسمية | بالقول إن: what it said, not its name
        if governs:
            governs = not is_definite(tok) and strip_al(tok.key) in _HEADS
        elif tok.key.startswith("ل") and len(tok.key) >= 4 and not is_definite(tok):
            governs = True  # لحقوق الإنسان: a preposition glued to a noun taking a genitive
        elif not (is_definite(tok) or tok.key in _PREPOSITIONS or tok.key.startswith("لل")
                  or (i > 0 and words[i - 1].key in _PREPOSITIONS)):
            break
        i += 1
    return i - 1


_BASIM = frozenset(("باسم", "وباسم"))


def _leading_name(words: list[Tok]) -> tuple[int, int] | None:
    """(start, end) of a name followed by its title: one that opens the mention
    (سوميوت بومبانموانغ قائد شرطة تايلاند) or follows a rank (الفريق مهاب مميش رئيس ...)."""
    start = 0
    while start < len(words) and start < 3 and (
            words[start].key in lx.HONORIFIC_KEYS
            # القطري ناصر الخليفي رئيس النادي: a nationality before the name
            or start == 0 and len(words) > 2 and is_definite(words[0])
            and words[0].key in lx.DESCRIPTOR_KEYS and name_like(words[1])):
        start += 1
    i = start
    if start == 0 and len(words) > 2 and (
            _foreign_al(words[0]) and name_like(words[1])
            or words[0].text in _BASIM and (name_like(words[1]) or is_family_name(words[1]))):
        # الفريدو زاميديو مدير المركز: a foreign first name that begins with ال; باسم
        # منقل أمين عام النادي: a first name that is also "in the name of"
        i = 1
    while i < len(words) and i - start < 5 and (
            name_like(words[i]) or words[i].key in lx.PARTICLE_KEYS
            # عبدالله بن مساعد الرئيس العام: a title word after بن is a name
            or i > start and words[i - 1].key in lx.PARTICLE_KEYS and words[i].text.isalpha()
            # عبد الله البرقان رئيس ...: the second half of a compound name (and محيي
            # الدين حكمي مساعد ...، سيف الإسلام، نصر الله)
            or i > start and words[i].key in _NAME_SECOND_HALVES and (
                words[i - 1].key == "عبد" or name_like(words[i - 1]) and (
                    words[i].key in _COMPOUND_HALVES or allah_in_name(words, i)))):
        i += 1
    if i < len(words) and i > start and is_family_name(words[i]):
        i += 1
    size = i - start
    if i >= len(words) or not (strip_al(words[i].key) in lx.TITLE_KEYS
                               or words[i].key in lx.HONORIFIC_KEYS
                               # محمد آل عواض عسيري شقيق العريف فلان: the brother speaks
                               or size >= 2 and words[i].key in lx.KINSHIP_KEYS
                               # لافي شقيق مشعل: one name, then whose brother he is
                               or size == 1 and start == 0 and words[i].key in lx.KINSHIP_KEYS
                               and i + 1 < len(words) and (is_definite(words[i + 1])
                                                           or name_like(words[i + 1]))):
        return None
    if size == 1 and start == 0 and not is_definite(words[i]) and i + 1 < len(words) and (
            is_definite(words[i + 1]) or name_like(words[i + 1])
            or words[i + 1].key in lx.PLACE_KEYS):
        # كيري وزير الخارجية، فرديناند مدافع يونايتد: one name, then a title governing
        # its body
        return start, i
    if size >= 2 and i - start > 1 and start == 0 and _foreign_al(words[0]) and (
            is_definite(words[i])):
        return None  # (only before a title that governs: not الرئيس محمد الرئيس ...)
    if size >= 2 or size == 1 and (start > 0 or is_definite(words[i])):
        return start, i
    return None


def _title_in_name(tokens: list[Tok], j: int) -> bool:
    """إلهام أمين زادة: a bare title word between two name words is a name (أمين)."""
    tok = tokens[j]
    return (tok.text.isalpha() and not is_definite(tok) and strip_al(tok.key) in lx.TITLE_KEYS
            and j + 1 < len(tokens) and name_like(tokens[j + 1])
            and not (tok.key == "ولي" and tokens[j + 1].key == "عهد"))  # (تشارلز | ولي عهد بريطانيا)


def _foreign_al(tok: Tok) -> bool:
    """الفريدو، اليكسي: a word with the article whose rest is in no lexicon and is no
    nisba adjective (الشرقي) or feminine noun: read as a foreign first name."""
    key = tok.key
    return (is_definite(tok) and tok.text.isalpha() and len(key) >= 6 and not _in_lexicon(key)
            and not key.endswith(("ي", "يه", "ه", "ين", "ون", "ات")))


_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) - {"و"}


def is_initial(toks: list[Tok], j: int) -> bool:
    """Is toks[j] the full stop of a name's initial (نبال.ع، رانية. م)?"""
    return (toks[j].text == "." and 0 < j < len(toks) - 1 and toks[j + 1].text in _LETTERS
            and toks[j - 1].text.isalpha() and len(toks[j - 1].text) >= 2
            and (j + 2 == len(toks) or not toks[j + 2].text.isalpha()
                 or toks[j + 2].key in lx.SPEECH_NOUN_KEYS))


def is_abbreviation_dot(toks: list[Tok], j: int) -> bool:
    """Is toks[j] a full stop inside an abbreviation written without spaces (بي.في.ام)?"""
    return 0 < j < len(toks) - 1 and abbreviation_stop(toks[j - 1], toks[j], toks[j + 1])


def _merge_initials(text: str, toks: list[Tok]) -> list[Tok]:
    """A name and its initial as one word (رانية. م): anonymous speakers are written so."""
    if not any(t.text == "." for t in toks):
        return toks
    merged: list[Tok] = []
    j = 0
    while j < len(toks):
        if j + 2 < len(toks) and is_initial(toks, j + 1):
            first, last = toks[j], toks[j + 2]
            merged.append(Tok(first.start, last.end, text[first.start:last.end],
                              f"{first.key}.{last.key}"))
            j += 3
            continue
        merged.append(toks[j])
        j += 1
    return merged


def verb_with_object(key: str) -> str | None:
    """قاله، ذكرها، أكده: a reporting verb with an object pronoun glued to it; returns
    the verb's key without the pronoun, else None."""
    for ending in PRONOUN_SUFFIXES:
        if key.endswith(ending) and key[: -len(ending)] in lx.VERB_KEYS:
            return key[: -len(ending)]
    return None


# وكتب أحدهم، وقالت إحداهن، وأضاف بعضهم: one of them, not a thing of theirs
_ONE_OR_SOME = frozenset(fold_ar(w) for w in ("أحد", "إحدى", "بعض"))


def one_of_them(tok: Tok) -> bool:
    """أحدهم، إحداهن، بعضهم: "one of them", a speaker left unnamed (not بعضها, "some of
    it")."""
    key = tok.key
    return any(key.endswith(suffix) and key[:-len(suffix)] in _ONE_OR_SOME for suffix in ("هم", "هن", "هما"))


def mention_of(text: str, tokens: list[Tok], gender: str | None = None) -> Mention | None:
    """Parse the words naming a speaker (title, name, unnamed source, pronoun)."""
    provision = _provision(text, tokens)
    if provision is not None:
        return provision
    if tokens and one_of_them(tokens[0]):
        if len(tokens) > 2 and name_like(tokens[1]) and (name_like(tokens[2]) or is_family_name(tokens[2])):
            return mention_of(text, tokens[1:], gender)  # ويقول أحدهم فلان الفلاني: his name
        # يتساءل أحدهم عندما ...: one of them, whatever words follow
        return Mention(tokens[0].text, UNNAMED, tokens[0].start, tokens[0].end, gender=gender)
    marked = pair = _marked_name(tokens)
    if marked is not None and marked[0] > 2:
        lead = _leading_name(tokens[:marked[0] - 1])
        if lead is not None and lead[0] == 0:
            marked = None  # بافيت الرئيس التنفيذي لمجموعة «بيركشاير»: the name comes first
    if marked is not None and any(name_like(t) for t in tokens[marked[1] + 2:]):
        # رئيس حزب «القوات اللبنانية» الدكتور سمير جعجع: the name in marks is the body
        # he heads; the person's name comes after it
        marked = None
    if marked is not None and marked[0] >= 2 and (
            _body_noun(tokens[marked[0] - 2]) or not is_definite(tokens[marked[0] - 2])
            and strip_al(tokens[marked[0] - 2].key) in lx.TITLE_KEYS) and (
            strip_al(tokens[0].key) in lx.TITLE_KEYS
            or any(name_like(t) for t in tokens[:marked[0] - 2])):
        # وقال وزير حزب «الكتائب» في الحكومة، نائب رئيس «ياهو»، الفنان فلان مدير «فنون
        # جدة»: the body the titled one serves is in marks; he is named by his title or
        # his name, as without them
        marked = None
    for i, tok in enumerate(tokens):
        if tok.key in _NAMED and i + 1 < len(tokens):
            tokens = tokens[i + 1:]  # مهندس يدعى جيانغ: the name follows
            marked = pair = None
            break
    untrimmed = len(tokens)
    if any(t.key in _EULOGY_FIRST for t in tokens):
        k = 0
        while k < len(tokens):
            size, _ = eulogy_at(tokens, k)
            if size:
                tokens = tokens[:k] + tokens[k + size:]  # النبي صلى الله عليه وسلم -> النبي
            else:
                k += 1
    ellipsis = next((k for k, t in enumerate(tokens) if _is_ellipsis(t.text)), None)
    if ellipsis is not None:
        # أحد.. نشبت المعركة: an ellipsis ends the phrase; no name runs across it
        before = tokens[:ellipsis]
        tokens = before if any(_wordy(t) for t in before) else tokens[ellipsis + 1:]
    if pair is not None and len(tokens) != untrimmed:
        # the marks were found before a blessing or an ellipsis was cut out: find them
        # again in what is left (their old positions may lie past its end)
        pair = _marked_name(tokens)
        marked = pair if marked is not None else None
    words = _merge_initials(text, [t for t in tokens if _wordy(t) or t.text in ".-"])
    while words and (not _wordy(words[-1]) or len(words) > 1 and words[-1].key in lx.EMPHATIC_KEYS
                     and name_like(words[-2])):
        words.pop()  # (بحسب بلقيس نفسها: "herself" is no part of the name; but المصدر
        #             نفسه, "the same source", points back)
    while words and not _wordy(words[0]):
        words.pop(0)
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    if pair is not None and tokens[pair[1]].end == end and pair[1] + 1 < len(tokens) \
            and start < tokens[pair[0]].start:
        end = tokens[pair[1] + 1].end  # keep the closing mark of a marked name
    elif pair is not None and start == tokens[pair[0]].start and pair[0] > 0 and (
            pair[1] + 1 < len(tokens) and tokens[pair[1] + 1].end <= end):
        start = tokens[pair[0] - 1].start  # “جون كولر” نائب رئيس: keep the opening mark
    surface = text[start:end]
    first = words[0].key
    first_bare = strip_al(first)
    # a rank before a name, a family name or a nationality (اللواء التركي): a person,
    # though the same word names a unit (لواء)
    rank = first in lx.HONORIFIC_KEYS and len(words) > 1 and (
        name_like(words[1]) or is_definite(words[1]) and words[1].text.isalpha())
    # المدرسة في كلية الإعلام الدكتورة إرادة الجبوري: a rank and a name further on make
    # the phrase a person's description, whatever its first word (مدرسة: school, teacher)
    ranked_name = any(w.key in lx.HONORIFIC_KEYS and k + 1 < len(words) and name_like(words[k + 1])
                      for k, w in enumerate(words[1:], 1))
    if marked is None and not rank and not ranked_name and (first in lx.ORGANISATION_KEYS or (
            first_bare in lx.INSTITUTION_KEYS and first_bare not in lx.TITLE_KEYS)):
        # المرصد السوري لحقوق الإنسان، وزارة الصحة: the body's name is its whole phrase
        last = org_extent(words)
        end = words[last].end
        surface = text[start:end]
        return Mention(surface, ORG, start, end, surface, (fold_ar(surface),),
                       frozenset({first_bare}), first_bare, gender)
    lead = None
    if marked is not None:
        name_words = tokens[marked[0]:marked[1] + 1]
        title_words = [t for t in words if t.end <= name_words[0].start]
    else:
        split = _name_start(words, len(words))
        if pair is not None and pair[1] + 1 < len(tokens):
            # مديرة التوظيف في «باب رزق جميل» رولا باصمد: no name runs back into the
            # body's name in marks before it
            closing = tokens[pair[1] + 1].start
            while split < len(words) and words[split].start < closing < words[-1].end:
                split += 1
        name_words = words[split:]
        title_words = words[:split]
        lead = _leading_name(words)
        if lead is not None and (len(name_words) < 2 or lead[1] - lead[0] >= 2) and not (
                # مبتكر الفكرة الفنان عوض زارب: a name after a rank outweighs two
                # words before it that only look like a name and its family name
                len(name_words) >= 2 and split > lead[1] and words[lead[1]].key in lx.HONORIFIC_KEYS
                and lead[0] == 0 and is_definite(words[lead[1] - 1]) and not _prefixed(name_words[0])
                # (not فيران سوريانو الرئيس التنفيذي لمانشستر سيتي, nor الدكتور فلان المدير)
                and all(w.key.startswith("ال") for w in words[lead[1] + 1:split])):  # (الفنان الشاب)
            name_words = words[lead[0]:lead[1]]
            title_words = words[:lead[0]] + words[lead[1]:]
        if len(name_words) == 1 and len(words) >= 3 and name_words[0] is words[-1] and (
                words[-1].key[0] in "بلك" and name_like(words[0]) and is_definite(words[1])
                and not _in_lexicon(words[0].key)):
            # نادال الفائز بلقب: the name opens the mention, a description follows it; the
            # last word is a preposition on a noun, not a name
            name_words, title_words = words[:1], words[1:]
            lead = (0, 1)
        if len(words) == 2 and not name_words and name_like(words[0]) and is_definite(words[1]) and (
                words[1].key.endswith("ي") and words[1].text.isalpha() and not _in_lexicon(words[0].key)):
            # خالد التركي: a first name, then a nisba that is his family name (not "the Turk")
            name_words, title_words = words, []
        if len(words) == 2 and name_words == words[:1] and is_definite(words[1]) and (
                name_like(words[0]) and words[1].text.isalpha()) and not (
                strip_al(words[1].key) in lx.OUTLET_NOUN_KEYS
                or strip_al(words[1].key) in lx.INSTITUTION_KEYS):  # (وأبلغ جوسن | الصحيفة)
            # وليد القاضي، سامي الحداد: a definite word after a lone first name is his
            # family name, a title though it be (a title comes first: القاضي وليد)
            name_words, title_words = words, []
        if name_words and title_words and strip_al(title_words[0].key) in lx.TITLE_KEYS and (
                in_body_name(words, next(k for k, w in enumerate(words) if w is name_words[0]))):
            # مدير مركز الملك فهد الثقافي: the king names the centre; no one's name here
            name_words, title_words = [], words
        if name_words and title_words and strip_al(title_words[0].key) in lx.TITLE_KEYS and (
                _of_institution(name_words[0])) and name_words[0] is not words[0]:
            # الناطق الإعلامي بشرطة المنطقة: whose spokesman, not a name
            name_words, title_words = [], words
        if name_words and title_words == words[:1] and (
                first_bare in lx.UNNAMED_KEYS or first in lx.UNNAMED_KEYS) and (
                source_adjective(name_words[0])):
            # مصدر عسكري أردني مخول، مصادر يمنية مطلعة: an unnamed source and the
            # adjectives that say what kind, not a name after a title
            name_words, title_words = [], words
    title_keys = frozenset(strip_al(t.key) for t in title_words if t.key not in _PREPOSITIONS
                           and t.key not in lx.FUNCTION_KEYS)
    opens = lead is not None and lead[0] == 0 and name_words == words[lead[0]:lead[1]]
    if name_words and (marked is not None or len(name_words) >= 2 or len(words) == 1 or opens
                       or title_words and (title_words[-1].key in lx.HONORIFIC_KEYS
                                           or is_definite(title_words[-1]))):
        name = text[name_words[0].start:name_words[-1].end]
        kind = ORG if first_bare in lx.INSTITUTION_KEYS and not rank or (
            marked is not None and (first_bare in lx.OUTLET_NOUN_KEYS
                                    or first_bare in lx.NAMING_FRAME_KEYS)) else PERSON
        if marked is not None and kind == ORG and title_words == words[:1] and (
                first in lx.INSTITUTION_KEYS or first in lx.OUTLET_NOUN_KEYS) and (
                title_words[0].text.isalpha() and not first.startswith("ال")):
            # قالت شركة «سبوتيفاي»، حركة «حماس»: the body is its noun and its name (the
            # keys stay the name's, which later references use alone)
            name = f"{title_words[0].text} {name}"
        return Mention(surface, kind, start, end, name, name_keys([t.text for t in name_words]),
                       title_keys, None, gender)
    if first in lx.PRONOUN_KEYS:
        return Mention(surface, PRONOUN, start, end, gender=gender)
    if first_bare in lx.UNNAMED_KEYS or first in lx.UNNAMED_KEYS:
        return Mention(surface, UNNAMED, start, end, gender=gender)
    if first_bare in lx.TITLE_KEYS or first in lx.HONORIFIC_KEYS or (
            first_bare in lx.KINSHIP_KEYS):
        if first in lx.HONORIFIC_KEYS and len(words) > 1 and strip_al(words[1].key) in lx.TITLE_KEYS:
            words = words[1:]  # سمو رئيس رعاية الشباب: the title after the rank is the head
            first_bare = strip_al(words[0].key)
        modifiers = frozenset(strip_al(t.key) for t in words[1:])
        return Mention(surface, TITLE, start, end, None, (), modifiers, first_bare, gender)
    if len(words) > _UNKNOWN_LIMIT:
        return None  # a long phrase of unknown words is not a speaker
    return Mention(surface, ORG, start, end, gender=gender)


_PROVISION_NOUNS = frozenset(fold_ar(w) for w in ("مادة", "بند", "فقرة", "فصل"))


def is_provision(mention: Mention) -> bool:
    """Is this the numbered article of a law that ``mention_of`` reads (المادة 125)?"""
    return mention.kind == ORG and bool(mention.title_keys & _PROVISION_NOUNS) and any(
        c.isdigit() for c in mention.text)


def _provision(text: str, tokens: list[Tok]) -> Mention | None:
    """المادة 77 في القانون الأساسي الإيراني، المادة 125: a numbered article of a law,
    which speaks its own wording; its name runs to the law it belongs to."""
    if len(tokens) < 2 or strip_al(tokens[0].key) not in _PROVISION_NOUNS or not (
            is_definite(tokens[0]) and tokens[1].key.isdigit()):
        return None
    end = 1
    if len(tokens) > 3 and tokens[2].key in ("في", "من") and is_definite(tokens[3]):
        end = 3
        while end + 1 < len(tokens) and is_definite(tokens[end + 1]) and tokens[end + 1].text.isalpha():
            end += 1
    surface = text[tokens[0].start:tokens[end].end]
    return Mention(surface, ORG, tokens[0].start, tokens[end].end, surface, (fold_ar(surface),),
                   frozenset({strip_al(tokens[0].key)}))


def source_adjective(tok: Tok) -> bool:
    """عسكري، أردني، يمنية: an indefinite nisba adjective, the kind of word that says
    what an unnamed source is (مصدر عسكري أردني، مصادر يمنية مطلعة), never its name."""
    return not is_definite(tok) and tok.text.isalpha() and tok.key.endswith(("ي", "يه"))


_ROYALS = frozenset(fold_ar(w) for w in ("الملك", "الأمير", "الأميرة", "الشيخ", "السلطان",
                                         "الشيخة", "الرئيس"))


# Titles a place or a body is named after (جامع الإمام تركي بن عبدالله، مستشفى الملك فهد),
# and the nouns of places named so that are no institutions.
_NAMESAKES = _ROYALS | frozenset({fold_ar("الإمام")})
# (not مكتب، ديوان، حكومة، وفد: the office of a living one, who may speak)
_NAMED_PLACES = frozenset(fold_ar(w) for w in words(
    "جامع مسجد شارع طريق حي ميدان قاعة ملعب استاد جسر برج ميناء مطار قاعدة جامعة مركز "
    "مستشفى مدينة مؤسسة مجمع كلية مدرسة جائزة مستوصف معهد مكتبة متحف صندوق كرسي"))


def _names_place(key: str) -> bool:
    """جامع، بجامعة، ومستشفى: a noun, bare or behind a preposition or و, of a place or a
    body that can carry a person's name."""
    return any(bare in _NAMED_PLACES for bare in (key, key[1:], key[2:]))


def in_body_name(tokens: list[Tok], k: int) -> bool:
    """Is tokens[k] part of a name a body carries (مركز الملك سلمان للإغاثة، بجامعة الملك
    عبدالعزيز): a name after a royal title that follows an institution noun?"""
    i = k
    while i > 0 and (name_like(tokens[i]) or tokens[i].key in lx.PARTICLE_KEYS):
        i -= 1
    if i == k or i < 1 or tokens[i].key not in _NAMESAKES:
        return False
    head = tokens[i - 1].key
    for bare in (head, head[1:], head[2:]):  # مركز، لمركز، بجامعة، ولجائزة
        if bare in lx.INSTITUTION_KEYS or bare in lx.NAMING_FRAME_KEYS:
            return True
    return _names_place(head)  # جامع الإمام تركي بن عبدالله


def is_body(tok: Tok) -> bool:
    """A body or a place (وزارة، الجبهة، المملكة، الرياض), with or without the article."""
    bare = strip_al(tok.key)
    return (bare in lx.INSTITUTION_KEYS or tok.key in lx.INSTITUTION_KEYS or tok.key in lx.PLACE_KEYS
            or bare in lx.ORGANISATION_KEYS or tok.key in lx.ORGANISATION_KEYS
            or tok.key in lx.AGENCY_KEYS)


def _of_institution(tok: Tok) -> bool:
    """بشرطة، بالوزارة، لوزارة، باسم: a preposition glued to the body a title serves."""
    key = tok.key
    return key == fold_ar("باسم") or (key[:1] in "بل" and len(key) > 3 and (
        strip_al(key[1:]) in lx.INSTITUTION_KEYS or key.startswith("لل")
        and key[2:] in lx.INSTITUTION_KEYS))


_PHRASE_FIRSTS = frozenset(first for first, _ in lx.HONORIFIC_PHRASE_KEYS)


def _honorific_phrase(tokens: list[Tok], i: int) -> int:
    """Length of a two-word honorific (آية الله) starting at tokens[i], else 0."""
    if i + 1 >= len(tokens) or tokens[i].key not in _PHRASE_FIRSTS:
        return 0  # (the test that runs on every word of every sentence: one set lookup)
    if (tokens[i].key, tokens[i + 1].key) in lx.HONORIFIC_PHRASE_KEYS:
        return 2
    return 0


def _glued_genitive(tokens: list[Tok], j: int) -> bool:
    """لكرة القدم، لحقوق الإنسان: a preposition glued to a noun and its genitive, still
    part of the title, when a name follows them (but ليلى الأحمد قالت is a name)."""
    if j + 2 >= len(tokens):
        return False
    tok = tokens[j]
    if not _preposition_noun(tok) or is_definite(tok) or tok.text in _NAME_WORDS:
        return False
    if is_definite(tokens[j + 1]) and name_like(tokens[j + 2]):
        return True
    if tok.key[:1] != "ب":
        # (after ل only one definite word: in «لحزب الاتحاد الديمقراطي فلان قصف» where
        # the name ends is left to the subject reader, which sees what follows it)
        return False
    k = j + 1  # بأمانة المنطقة الشرقية | محمد: the genitive and its adjectives
    while k < len(tokens) and k - j <= 3 and is_definite(tokens[k]) and tokens[k].text.isalpha() and (
            tokens[k].key not in lx.HONORIFIC_KEYS):
        k += 1
    return k > j + 1 and k < len(tokens) and name_like(tokens[k])


# Adjectives of a post, not of origin: after a name they are still no family name.
_POST_NISBAS = frozenset(fold_ar(w) for w in words(
    "الحالي الثاني الرسمي الإعلامي الأمني العسكري التنفيذي الإقليمي الأممي الدولي"))


def _nisba_surname(tok: Tok) -> bool:
    """اللواء منصور التركي: an adjective of origin right after a personal name is his
    family name (nationalities come before the name when they describe the post)."""
    key = tok.key
    return (is_definite(tok) and tok.text.isalpha() and key in lx.DESCRIPTOR_KEYS
            and key.endswith("ي") and key not in _POST_NISBAS)


# Regnal numbers after a sovereign's name, and the titles that take them.
_REGNAL = frozenset(fold_ar(w) for w in words(
    "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي"))
_SOVEREIGNS = frozenset(fold_ar(w) for w in words("الملك الملكة البابا السلطان جلالة"))


def _named_body_then_nationality(tokens: list[Tok], j: int) -> int:
    """مدرب مانشستر | يونايتد الهولندي لويس فان غال: the rest of a body's name of several
    words after a title, then a nationality and a personal name; the words up to and
    with the nationality (0 when that is not what follows)."""
    k = j
    while k < len(tokens) and k - j < 3 and name_like(tokens[k]):
        k += 1
    if k == j or k + 1 >= len(tokens) or not (
            is_definite(tokens[k]) and tokens[k].key in lx.DESCRIPTOR_KEYS
            and tokens[k].key.endswith("ي") and tokens[k].key not in lx.NUMBER_KEYS
            and name_like(tokens[k + 1])):
        return 0  # (not الملك عبدالله الثاني ابن الحسين: an ordinal of his name)
    return k + 1 - j


def _tribal_surname(tokens: list[Tok], j: int) -> bool:
    """معايطة، مشاقبة، طراونة after a first name: a family name of the plural pattern
    (مفاعلة, فعاللة) that the word rules read as a verbal noun (مشاركة), when nothing it
    could govern follows (a mark, a comma, the end: not أحدث مواجهة | بين الطرفين)."""
    if j >= len(tokens):
        return False
    tok = tokens[j]
    key = tok.key
    if is_definite(tok) or not tok.text.isalpha() or not tok.text.endswith("ة") or len(key) != 6 or (
            key[2] != "ا" or _in_lexicon(key)):
        return False
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return after is None or not after.text.isalpha()


def governs_possessed(tokens: list[Tok], i: int) -> bool:
    """طبيعة | مهنتها: a noun in ة right before a noun carrying a pronoun is the head of
    a construct (the nature of her job), not the end of a name."""
    if i + 1 >= len(tokens) or not tokens[i].text.endswith("ة") or len(tokens[i].key) < 4 or (
            is_definite(tokens[i])):
        return False  # (a construct's head has no article: والد العائلة ووالدتها)
    after = tokens[i + 1]
    return after.text.isalpha() and bool(possessed_forms(after.key, THEIR_SUFFIXES))


_EULOGY_FIRST = frozenset(phrase[0] for phrase in lx.EULOGY_KEYS)
# Title words that make a first name with الله after them (ولي الله سيف)
_ALLAH_FIRST = frozenset({fold_ar("ولي")})
_BEFORE_ALLAH = frozenset(fold_ar(w) for w in ("شاء", "سبحان", "ماشاء", "إنشاء", "بإذن"))


def allah_in_name(tokens: list[Tok], i: int) -> bool:
    """نصر الله، فضل الله، يد الله: الله after a name word is part of the name (not إن
    شاء الله, سبحان الله)."""
    return tokens[i].key == "الله" and i > 0 and (
        name_like(tokens[i - 1]) or tokens[i - 1].key in _ALLAH_FIRST) and (
        tokens[i - 1].key not in _BEFORE_ALLAH) and not _prefixed(tokens[i - 1]) and (
        not eulogy_at(tokens, i - 1)[0])  # (ورحمة الله: a conjunction and a noun)


def eulogy_at(tokens: list[Tok], j: int) -> tuple[int, str]:
    """(length, whom it stands for: النبي، الله or "") of a blessing starting at token j
    (صلى الله عليه وسلم، تعالى), or (0, "")."""
    if tokens[j].key not in _EULOGY_FIRST:
        return 0, ""
    for phrase, blessed in lx.EULOGY_KEYS.items():
        if tuple(t.key for t in tokens[j:j + len(phrase)]) == phrase:
            return len(phrase), blessed
    return 0, ""


def object_noun(tok: Tok) -> bool:
    """An event, naming or verbal noun (اتفاق، زيارة، مشروع، إقامة): a verb's object, never
    part of a name."""
    bare = strip_al(tok.key)
    return (tok.key in lx.EVENT_KEYS or bare in lx.EVENT_KEYS or bare in lx.NAMING_FRAME_KEYS
            or tok.key in lx.OBJECT_NOUN_KEYS)


_NAME_SECOND_HALVES = frozenset(fold_ar(w) for w in ("الدين", "الإسلام", "الله", "الرحمن"))
# The second halves that follow any first name (صلاح الدين، سيف الإسلام), not only عبد
_COMPOUND_HALVES = frozenset(fold_ar(w) for w in ("الدين", "الإسلام"))


def accusative_participle(tok: Tok) -> bool:
    """شارحا، معلقا، متنهدا without its tanween: a participle of the pattern فاعلا or of
    a derived form in the accusative (how he spoke), which ends a name written before it."""
    key = tok.key
    return len(key) == 5 and key[1] == "ا" and key.endswith("ا") and key[0] not in "وفبل" or (
        derived_accusative(key))


def derived_accusative(key: str) -> bool:
    """متنهدا، متسائلا، مستغربا: a participle of the derived forms (متفعّل، مستفعل) in
    the accusative, written without its tanween."""
    return key.endswith("ا") and (len(key) == 6 and key[:2] == "مت" or len(key) == 7 and key[:3] == "مست")


def _future_verb(tokens: list[Tok], j: int) -> bool:
    """سيطلع البرلمان: the future prefix on a verb whose object follows, which ends the
    name before it (محمد جواد ظريف | سيطلع البرلمان), not سيف الدين."""
    key = tokens[j].key
    if not (key[:2] in ("سي", "ست", "سن") and len(key) >= 5 and j + 1 < len(tokens)):
        return False
    after = tokens[j + 1]
    return (is_definite(after) and after.key not in _NAME_SECOND_HALVES
            and not after.key.endswith(("ي", "يه")))


@lru_cache(maxsize=1 << 16)
def possessed_title(key: str) -> bool:
    """مدربه، لنظيره، ومستشارها: a title with its possessor's pronoun (and و or ل
    before it), which names the one who holds it next (مدربه جوزيه مورينيو); not a
    body's noun that folds the same way (منظمة is no منظم + ه)."""
    if key in lx.INSTITUTION_KEYS or key[:1] in "ول" and key[1:] in lx.INSTITUTION_KEYS:
        return False
    for suffix in ("ه", "ها", "هم"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            stem = key[:-len(suffix)]
            if stem in lx.TITLE_KEYS or stem[:1] in "ول" and stem[1:] in lx.TITLE_KEYS:
                return True
    return False


def scan_titled_names(text: str, tokens: list[Tok], own_l: frozenset[str] = frozenset()
                      ) -> list[Mention]:
    """Titled names anywhere in a sentence (مبعوث الأمم المتحدة ... ستافان دي ميستورا).

    ``own_l``: words beginning with ل that the document shows are names (لافروف)."""
    found: list[Mention] = []
    n = len(tokens)
    i = 0
    while i < n:
        key = tokens[i].key
        if key.startswith("لل") and "ال" + key[2:] in lx.HONORIFIC_KEYS:
            key = "ال" + key[2:]  # للدكتور حسن بن محمد النعمي: "by Dr ...", a rank still
        phrase = _honorific_phrase(tokens, i)
        possessed = key not in _TRIGGERS and possessed_title(key)
        if key not in _TRIGGERS and not phrase and not possessed or (
                i > 0 and tokens[i - 1].key in _NAME_LINKS):
            i += 1  # (عبدالرحمن بن مساعد: a name after بن, though it be a title word)
            continue
        if key in _NAMESAKES and i > 0 and _names_place(tokens[i - 1].key):
            i += 1  # في جامع الإمام تركي بن عبدالله، مستشفى الملك فهد: a place, no person
            continue
        j = i + max(1, phrase)
        # (an honorific phrase, آية الله، governs no noun: the name follows it)
        governs = not phrase and not possessed and not is_definite(tokens[i]) and (
            key not in lx.HONORIFIC_KEYS)
        while j < n:
            k = tokens[j].key
            if k in _NAMESAKES and _names_place(tokens[j - 1].key):
                # مدير مركز الملك فهد الثقافي | سعيد بن محيا: the king names the body
                j += 1
                while j < n and j - i < 12 and (name_like(tokens[j]) or tokens[j].key in _NAME_LINKS):
                    j += 1
                governs = False
                continue
            named = tokens[j].text in _NAME_WORDS
            if k in _DIRECTIONS and j > i and strip_al(tokens[j - 1].key) in lx.INSTITUTION_KEYS:
                j += 1  # رئيس بلدية وسط الدمام: where the body is, not "amid"
                continue
            if not _wordy(tokens[j]) or k in lx.FUNCTION_KEYS and k not in _PREPOSITIONS and (
                    not named):
                break
            if k in lx.CIRCUMSTANCE_PREP_KEYS and j + 1 < n and tokens[j + 1].key in _SAYING_OCCASIONS:
                break  # المساعد السياسي في الحرس | في تصريح تناقلته وسائل إعلام
            if k in _ALLAH_FIRST and j > i and j + 1 < n and allah_in_name(tokens, j + 1):
                break  # حاكم المصرف المركزي | ولي الله سيف: a first name, not a title
            if governs:
                # (برامج | وفعاليات القرية: a noun joined to the governed one is governed
                # too, and itself governs the definite noun after it)
                governs = not is_definite(tokens[j]) and (k in _HEADS or j + 1 < n and (
                    tokens[j + 1].key[:1] == "و" and len(tokens[j + 1].key) > 4
                    and not is_definite(tokens[j + 1]) and j + 2 < n
                    and is_definite(tokens[j + 2])))
                j += 1
            elif is_definite(tokens[j]) or k in lx.HONORIFIC_KEYS:
                j += 1
            elif k in _PREPOSITIONS and not named:
                governs = True  # the preposition takes the next word as its object
                j += 1
            elif strip_al(k) in _HEADS:
                governs = True
                j += 1
            elif _glued_genitive(tokens, j):
                j += 2  # رئيس الاتحاد السعودي لكرة القدم | أحمد ...
            else:
                club = _named_body_then_nationality(tokens, j)
                if not club:
                    break
                j += club  # مدرب مانشستر | يونايتد الهولندي | لويس فان غال
        skipped = _honorific_phrase(tokens, j)
        j += skipped  # المرشد الأعلى آية الله علي خامنئي
        if not skipped and j < n and tokens[j].key in _NAMED:
            j += 1  # مهندس في محطة للصرف يدعى | جيانغ: "called", then the name
        start = j
        plain = 0
        ranked = start > 0 and tokens[start - 1].key in lx.HONORIFIC_KEYS or bool(skipped) or (
            j == i + phrase > i)
        # الإعلامي بشرطة المنطقة: a spokesman's body, not a name after a rank
        body = start < n and (_of_institution(tokens[start]) or tokens[start].key in lx.EMPHATIC_KEYS)
        while not body and j < n and j - start < 7 and (
                name_like(tokens[j]) or j > start and (tokens[j].key in own_l
                                                       or allah_in_name(tokens, j))
                or tokens[j].key in lx.PARTICLE_KEYS and not (j == start and tokens[j].key == "لا")
                or (j == start and (ranked and after_rank(tokens[j]) and not (
                    # الشاعر لجزء من ديوانه: ل + a noun, unless a surname follows
                    tokens[j].key[0] in "لبك" and not (j + 1 < n and name_like(tokens[j + 1])))
                    or _first_name_in_l(tokens, j)
                    or tokens[j].key in _ALLAH_FIRST and j + 1 < n and allah_in_name(tokens, j + 1)
                    # الأمين العام للأمم المتحدة بان كي مون: بان before two name words
                    # is a name, not بأن written without its hamza
                    or tokens[j].text == "بان" and j + 2 < n and name_like(tokens[j + 1])
                    and name_like(tokens[j + 2])))
                or j > start and tokens[j - 1].key in lx.PARTICLE_KEYS and _wordy(tokens[j])
                or j > start and name_like(tokens[j - 1]) and _fal_name(tokens[j])
                or plain and _title_in_name(tokens, j)):
            if eulogy_at(tokens, j)[0]:
                break  # النبي | صلى الله عليه وسلم
            if tokens[j].key not in lx.PARTICLE_KEYS:
                after_particle = j > start and tokens[j - 1].key in lx.PARTICLE_KEYS
                if plain >= 2 and not after_particle and _prefixed(tokens[j]):
                    break
                if plain >= 2 and (_future_verb(tokens, j) or accusative_participle(tokens[j])):
                    break
                if plain >= 2 and tokens[j].key in _PERSON_NOUNS:
                    break  # تعانق طبيبة النفس آنا كولوتا | سيدة: the verb's object
                if object_noun(tokens[j]) or plain >= 1 and governs_possessed(tokens, j):
                    break  # ستافان دي ميستورا | اتفاق وقف النار: the name ends at the object
                    #        (and مفتي عام السعودية | حادث التفجير: an object, no name)
                plain += 1
            j += 1
        while j > start and tokens[j - 1].key in lx.PARTICLE_KEYS:
            j -= 1  # a name does not end with بن
        if j < n and j > start and (is_family_name(tokens[j]) or _nisba_surname(tokens[j])) and not (
                j + 1 < n and tokens[j + 1].key.startswith(("بال", "لل", "كال"))):
            j += 1  # (but وضع المدرب فلان فلان التتويج بالدوري: the object and its
            #         complement follow the name, not a family name)
        elif j == start + 1 and j < n and tokens[j].key in _REGNAL and start > 0 and (
                tokens[start - 1].key in _SOVEREIGNS):
            j += 1  # الملك محمد السادس، البابا بنديكت السادس عشر: the regnal number
            if j < n and tokens[j].key == "عشر":
                j += 1
        if j == start + 1 and _tribal_surname(tokens, j):
            j += 1  # الوزير السابق سميح | معايطة
        size = j - start
        after_honorific = start > 0 and (tokens[start - 1].key in lx.HONORIFIC_KEYS
                                         or bool(skipped or phrase) and start == j - size)
        if size >= 2 or (size == 1 and after_honorific):
            names = tokens[start:j]
            title = tokens[i:start]
            found.append(Mention(
                text[tokens[i].start:names[-1].end], PERSON, tokens[i].start, names[-1].end,
                text[names[0].start:names[-1].end], name_keys([t.text for t in names]),
                frozenset(strip_al(t.key) for t in title if t.key not in _PREPOSITIONS)))
        i = max(j, i + 1)
    return found
