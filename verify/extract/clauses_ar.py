"""Where an Arabic clause's subject ends and its content begins: word classes and tests.

Shared by the cue reader (``cues_ar``): the words that close a subject (a relative
pronoun, an accusative, a family name after a title), the particles before a verb,
the nouns that open a content object (أكد ضرورة ...).
"""

from __future__ import annotations

import re

from . import lexicon_ar as lx
from .keys import fold_ar, strip_al, words
from .mentions_ar import (
    accusative_participle,
    in_body_name,
    is_definite,
    is_family_name,
    name_like,
    object_noun,
)
from .segment import Tok

__all__ = [
    "BI",
    "CIRCUMSTANCE_STARTS",
    "CLAUSE_BREAKS",
    "COMMAS",
    "DEMONSTRATIVES",
    "END_PUNCT",
    "ONE_OF",
    "KANA",
    "NAME_WORDS",
    "NOT_SUBJECT_START",
    "PARTICLES_BEFORE_VERB",
    "PLURAL_ENDINGS",
    "PREPOSED_NOUN",
    "RELATIVES",
    "SUBJECT_ENDS",
    "SUBJECT_LIMIT",
    "SVO_LIMIT",
    "TANWEEN",
    "TITLE_SYNONYMS",
    "ends_subject",
    "is_manner",
    "manner_noun",
    "names_next",
    "object_after_title",
    "object_opener",
]

END_PUNCT = frozenset(".!?؟؛;")
COMMAS = frozenset("،,")
KANA = frozenset(fold_ar(w) for w in words("كان كانت وكان وكانت فكان فكانت قد وقد"))
PARTICLES_BEFORE_VERB = frozenset(fold_ar(w) for w in words("قد وقد فقد لقد ولقد كما وكما"))
NAME_WORDS = frozenset({"علي", "عليّ", "والي"})  # a name or title (governor) that folds onto على, والى
PREPOSED_NOUN = re.compile("^(?:ب[مت]|[بلك]ال|لل).{3,}")  # بمساندة، بتوجيه، بالتعاون
TANWEEN = frozenset("\u064b\u064c\u064d")
PLURAL_ENDINGS = ("وا", "ون")
# Words that cannot start a subject: prepositions with pronouns, glued prepositions.
NOT_SUBJECT_START = frozenset(fold_ar(w) for w in words(
    "إليه إليها إليهم عليه عليها عليهم منه منها منهم عنه عنها عنهم له لها لهم به بها بهم "
    "فيه فيها فيهم معه معها معهم لديه لديها لي لنا لك لكم لهما إلي علي "
    "رضي رحمه صلى تعالى سبحانه عز جل "  # قال رضي الله عنه: a blessing, not a speaker
    "تم تمت يتم تتم"))  # وأضاف تمت مناقشة، بيان تم توزيعه: "was done", never a subject
CLAUSE_BREAKS = frozenset(fold_ar(w) for w in words(
    "و ف ثم كما فيما بينما حيث عندما بعدما إذ لكن لكنه لكنها بل أما إلى ذلك وفيما "
    "وبينما وحيث وعندما"))
RELATIVES = frozenset(fold_ar(w) for w in words(
    "الذي التي الذين اللذين اللتين اللواتي من ما وهو وهي وهم وهما"))
_NAME_LINK_KEYS = frozenset(fold_ar(w) for w in words("بن بنت ابن"))
_COMPOUND_FIRST = frozenset(fold_ar(w) for w in words("عبد أبو أبي أم"))  # عبد | العزيز
_AGED = frozenset(fold_ar(w) for w in ("البالغ", "البالغة", "البالغين", "البالغون"))
SUBJECT_ENDS = RELATIVES - {"من", "ما"}  # عدد من المواطنين: من is "of" here
BI = frozenset({"ب", "بـ"})
DEMONSTRATIVES = frozenset(fold_ar(w) for w in words("هذا هذه ذلك تلك هذين هاتين"))
CIRCUMSTANCE_STARTS = frozenset(fold_ar(w) for w in words(
    "إثر عقب بعد قبل خلال أثناء وسط عبر أمام حول ضمن رغم على غرار")) | lx.ABOUT_KEYS
SVO_LIMIT = 14
SUBJECT_LIMIT = 14
TITLE_SYNONYMS = {fold_ar(k): fold_ar(v) for k, v in {
    "مدافع": "لاعب", "مهاجم": "لاعب", "حارس": "لاعب", "هداف": "لاعب", "لاعبة": "لاعب",
    "مندوب": "ممثل", "موفد": "مبعوث", "ناطق": "متحدث", "متحدثة": "متحدث", "ناطقة": "متحدث",
    "وزيرة": "وزير", "رئيسة": "رئيس", "سفيرة": "سفير", "مديرة": "مدير",
    "اختصاصي": "خبير", "أخصائي": "خبير", "خبيرة": "خبير",
    "فنانة": "فنان", "مطرب": "فنان", "مطربة": "فنان", "مغني": "فنان", "مغنية": "فنان"}.items()}


def is_manner(tok: Tok) -> bool:
    """بصوته، بحزن، بالعربية: a ب-phrase of manner (not a name such as باخ or بشار)."""
    key = tok.key
    if not key.startswith("ب") or len(key) < 3 or key in lx.INSTITUTION_KEYS:
        return False  # (وقالت بعثة الأمم المتحدة: the mission, not ب + عثة)
    rest = key[1:]
    return (key.endswith(("ه", "ها", "هم")) or rest.startswith("ال") or rest in lx.FUNCTION_KEYS
            or rest in lx.OBJECT_OPENER_KEYS or rest in lx.MANNER_NOUN_KEYS
            or TANWEEN.intersection(tok.text) != set())


def manner_noun(tok: Tok) -> bool:
    """بحماس، بصوت، بلهجة: ب and one of the nouns of manner (not بأنه, بنية: is_manner
    also takes any ب-word with a pronoun or ة ending)."""
    return tok.key.startswith("ب") and tok.key[1:] in lx.MANNER_NOUN_KEYS


def names_next(tok: Tok) -> bool:
    """Does this word introduce a name (شركة، صحيفة، لمجموعة ...)?"""
    key = tok.key
    bare = strip_al(key[1:] if key.startswith("ل") and not key.startswith("لل") else key)
    return bare in lx.NAMING_FRAME_KEYS or bare in lx.INSTITUTION_KEYS or (
        bare in lx.OUTLET_NOUN_KEYS)


_PERSON_TOO = frozenset({fold_ar("مدرسة")})  # المدرسة: a school, or a (woman) teacher
_SOURCE_NOUNS = frozenset(fold_ar(w) for w in words("مصدر مصادر مسؤول شهود أوساط جهات"))
_MATTERS = frozenset(fold_ar(w) for w in ("الأمر", "الموضوع", "المسألة", "الموقف"))
ONE_OF = frozenset(fold_ar(w) for w in ("أحد", "إحدى", "احد", "احدى"))


def ends_subject(tok: Tok, subject: list[Tok]) -> bool:
    """Does this word end the subject after a verb (and start the object or a clause)?"""
    text = tok.text
    key = tok.key
    if text in NAME_WORDS:
        return False  # علي is a name, not على
    if subject and text.startswith(("إمام", "وإمام")):
        return False  # فضيلة إمام وخطيب المسجد الحرام: the imam, not أمام (in front of)
    if not subject and (key in lx.FUNCTION_KEYS or key in CIRCUMSTANCE_STARTS
                        or key in NOT_SUBJECT_START or key.startswith(("لل", "بال", "كال"))
                        or (key.startswith("ك") and strip_al(key[1:]) != key[1:])):
        return True  # وأكد في ... / وقال هنا / وأضاف إليها: no subject here
    if key in SUBJECT_ENDS or text[:1] in "-–—(" or key in CIRCUMSTANCE_STARTS:
        return True  # a relative clause or a parenthesis
    if key in KANA or key in NOT_SUBJECT_START:
        return True
    if subject and key in _AGED:
        return True  # وقال الأفغاني رضا | البالغ العشرين من العمر
    if subject and key.startswith("ال") and key[2:] in lx.OUTLET_NOUN_KEYS and (
            subject[-1].text.isalpha() and not subject[-1].key.startswith("ال")
            and subject[-1].key not in lx.TITLE_KEYS and subject[-1].key not in lx.FUNCTION_KEYS):
        return True  # وأبلغ جوسن | الصحيفة: the paper he told, after his name (not على |
        #              البرنامج after a title)
    if len(subject) == 1 and is_definite(subject[0]) and strip_al(subject[0].key) in (
            _SOURCE_NOUNS) and tok.text.isalpha() and not is_definite(tok) and (
            key not in lx.EMPHATIC_KEYS):
        return True  # وأكد المصدر | استكمال المرحلة: no adjective of a definite noun is
        #              indefinite, and no name follows an unnamed source
    if subject and key.startswith("ب") and key[1:] in lx.MANNER_NOUN_KEYS:
        return True  # وعبر ريفلين | بصورة دائمة: how, not who
    if len(subject) == 1 and key in lx.CIRCUMSTANCE_PREP_KEYS and is_definite(subject[0]) and (
            strip_al(subject[0].key) in lx.INSTITUTION_KEYS - _PERSON_TOO):
        return True  # وذكرت الهيئة | في حسابها: a body cited by its noun, then where
    if subject and key.startswith("ب") and len(key) > 4 and text.endswith(("ه", "ها", "هم")) and (
            not key.startswith("بال")) and key[1:-1] in lx.OUTLET_NOUN_KEYS | lx.CIRCUMSTANCE_NOUN_KEYS:
        return True  # قال بطل قطر | بموقعه على الإنترنت: where he said it, not his name
    if not subject and (key.startswith("ل") and len(key) >= 5 and not name_like(tok)
                        or PREPOSED_NOUN.match(key)):
        return True  # لفخامتكم، بمساندة: a prepositional phrase, not a speaker
    if len(subject) >= 2 and name_like(subject[-1]) and name_like(subject[-2]) and (
            key in lx.CIRCUMSTANCE_PREP_KEYS or key in ("علي", "عن", "من", "مع")):
        return True  # مارك تونر | في الإيجاز الصحفي
    if len(subject) == 1 and (key in lx.CIRCUMSTANCE_PREP_KEYS or key == "عن") and (
            name_like(subject[0]) or is_family_name(subject[0]) or subject[0].key == "الله"):
        return True  # هويدي | في مقاله، بولوني | عن بيتوركا، الله | في كتابه: a name, then
        #              where or of whom
    if not subject and key in lx.CIRCUMSTANCE_NOUN_KEYS and text.endswith(("ه", "ها", "هم")):
        return True  # واختتم حديثه بقوله: the object, not the speaker (but وقال بيان)
    if subject and (name_like(subject[-1]) or is_family_name(subject[-1])) and key.endswith(
            ("ته", "تها", "تهم")) and len(key) > 4:
        return True  # قال نيتشه عبارته الشهيرة: the object after the name
    if subject and key.startswith("ل") and len(key) > 3 and name_like(subject[-1]) and (
            subject[-1].key not in lx.PARTICLE_KEYS) and not (
            key.startswith("لل") and strip_al(key[2:]) in lx.INSTITUTION_KEYS) and (
            not in_body_name(subject, len(subject) - 1)):
        # رودجرز للصحافيين: the hearers, not the speaker (but لمركز الملك سلمان للإغاثة:
        # the rest of a body's name)
        return True
    if not subject and key in _MATTERS:
        return True  # وأوضح الأمر قائلا: "explained the matter", the object; he speaks
    if subject and key in DEMONSTRATIVES:
        return True  # وأوضح العلماء | هذه المسألة: the object
    if subject and key in ONE_OF and (name_like(subject[-1]) or is_family_name(subject[-1])):
        return True  # قال بروجردي | أحد النواب المؤيدين: "one of", what he is, not his name
    if subject and key in lx.ADVERB_KEYS:
        return True  # فذكر الله | دائما: an adverb, the subject is over
    if text.endswith(("اً", "ًا", "ً")):
        return True  # an accusative: the object or an adverb (صيغاً، اجتماعاً)
    if len(subject) >= 2 and name_like(subject[-1]) and accusative_participle(tok):
        return True  # يقول الشيف مارون شديد | شارحا: a participle (فاعلاً) after the name
    if object_after_title(tok, subject):
        return True
    if len(subject) >= 2 and name_like(subject[-1]) and object_noun(tok):
        return True  # وصف المبعوث ستافان دي ميستورا | اتفاق وقف النار: a name, then the object
    # a family name ends a personal name after a title: رئيس المجلس محمد الناصر | إقرار
    # (also after بن: عبدالرحمن بن مساعد المحمدي | باب التعزير)
    return (len(subject) >= 3 and is_family_name(subject[-1])
            and (name_like(subject[-2]) and (
                subject[-3].key in lx.HONORIFIC_KEYS or is_definite(subject[-3])
                or strip_al(subject[-3].key) in lx.TITLE_KEYS)
                 or subject[-3].key in _NAME_LINK_KEYS and subject[-2].text.isalpha()
                 and subject[-2].key not in _COMPOUND_FIRST)
            and tok.key not in lx.PARTICLE_KEYS and tok.key not in lx.HONORIFIC_KEYS
            and strip_al(tok.key) not in lx.TITLE_KEYS)


def object_after_title(tok: Tok, subject: list[Tok]) -> bool:
    """ووصف اللواء التركي | العملية الإرهابية: after a definite title or rank completed
    by a family name or an adjective, a definite noun that cannot describe the title (no
    adjective of the lexicon, no nisba -ي, no feminine nisba after a masculine title)
    begins the verb's object."""
    if not 2 <= len(subject) <= 3 or not is_definite(tok) or not tok.text.isalpha():
        return False
    head = subject[0]
    if not (head.key in lx.HONORIFIC_KEYS
            or is_definite(head) and strip_al(head.key) in lx.TITLE_KEYS):
        return False
    if not all(is_definite(t) and t.text.isalpha() for t in subject[1:]):
        return False
    key = tok.key
    bare = strip_al(key)
    if (key in lx.DESCRIPTOR_KEYS or bare in lx.TITLE_KEYS or key in lx.HONORIFIC_KEYS
            or bare in lx.INSTITUTION_KEYS or key in lx.PARTICLE_KEYS):
        return False
    if key.endswith("ي"):
        return False  # an adjective the lexicon lacks (الوزير الموريتاني)
    return key.endswith("يه") and not head.key.endswith("ه") or not key.endswith("يه")


def object_opener(key: str) -> bool:
    if key in lx.OBJECT_OPENER_KEYS:
        return True
    for suffix in ("ه", "ها", "هم", "هما", "نا"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            base = key[: -len(suffix)]
            if base in lx.OBJECT_OPENER_KEYS or (base.endswith("ت") and base[:-1] + "ه"
                                                 in lx.OBJECT_OPENER_KEYS):
                return True
    return False
