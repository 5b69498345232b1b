"""The fullest form of a speaker's name that one Arabic document gives.

A speaker is often cited by surname (ريتشاردسون) or by rank alone (الفريق، المرشد)
when the article introduces the full name elsewhere, before or after (البروفسورة لويز
ريتشاردسون، الفريق مهاب مميش). Once the whole document has been read, each speaker
name is rewritten to that full name, without the rank or honorific in front of it
(الدكتور، الفريق، آية الله). A reference that fits several people is left alone.
"""

from __future__ import annotations

from collections import Counter

from . import lexicon_ar as lx
from .clauses_ar import NAME_WORDS, TITLE_SYNONYMS
from .cues import is_mark
from .entities import PERSON, Registry
from .keys import PRONOUN_SUFFIXES, fold_ar, strip_al
from .mentions_ar import (
    is_body,
    is_definite,
    is_family_name,
    mention_word,
    name_like,
    object_noun,
    org_extent,
    possessed_title,
    verb_with_object,
)
from .segment import Sentence, Tok

__all__ = ["FullNames"]

_MAX_FIRST_NAMES = 3  # words before a surname that may belong to the name
# Words that may stand right before a full name: the vocative, a conjunction.
_BEFORE_NAME = frozenset(fold_ar(w) for w in (
    "يا", "و", "ف", "أما", "وأما", "إن", "أن", "بأن", "لأن",  # إن ديريك جوسن وهو ...
    "الشهير", "الشهيرة", "المعروف", "المعروفة"))  # نجم هوليوود الشهير توم كروز
# "Our Lord", "the Lord": God, as a speaker.
_THE_LORD = frozenset(fold_ar(w) for w in ("ربنا", "ربي", "الرب", "المولى", "الباري"))
# The particles a verb in the subjunctive follows (أن يعقد، لن يتمكن).
_SUBJUNCTIVE = frozenset(fold_ar(w) for w in ("أن", "لن", "كي", "لكي"))
_NAME_OPENERS = frozenset(fold_ar(w) for w in ("عبد", "أبو", "أبي", "أم", "آل"))
# The second half of a compound first name (صلاح الدين، نور الدين).
_COMPOUND_SECOND = frozenset(fold_ar(w) for w in ("الدين",))
# Words that end a body's name written after its head (المرصد السوري | الخميس)
_NOT_BODY_WORDS = lx.TIME_KEYS | lx.DATE_KEYS | lx.ADVERB_KEYS
# Prepositions after which a full name begins (وبالنسبة إلى أحمد حسين، مع فلان).
_PREPOSITIONS_BEFORE = frozenset(fold_ar(w) for w in ("إلى", "الى", "مع", "عن", "لدى", "بين"))
_PATRONYMIC = frozenset(fold_ar(w) for w in ("بن", "ابن", "بنت"))
# Particles a verb follows (وربما يفرض تشونغ), and with the function words, what after و
# opening a sentence is no verb whose subject could follow.
_BEFORE_VERB = frozenset(fold_ar(w) for w in ("ربما", "لربما", "سوف")) | lx.FUNCTION_KEYS
# Words before the last word of a name that make it a father's or a house's name.
_NOT_SURNAME_AFTER = _PATRONYMIC | _NAME_OPENERS


_NOT_NAMES = lx.TITLE_KEYS | lx.INSTITUTION_KEYS | lx.UNNAMED_KEYS | lx.DESCRIPTOR_KEYS
# Words before a surname that are not first names: speech acts, verbs that quote a text
# (نص القانون، تنص الإصلاحات)
_NOT_FIRST_NAMES = lx.SPEECH_ACT_KEYS | lx.WORDING_VERB_KEYS | lx.DOCUMENT_VERB_KEYS | lx.CALLED_KEYS


def _is_title(key: str) -> bool:
    if key in lx.HONORIFIC_KEYS or strip_al(key) in lx.TITLE_KEYS:
        return True
    if not key.startswith("ال") and possessed_title(key):
        return True  # مدربه جوزيه مورينيو: "its coach", a title with its possessor
    # الشاعران فلان وفلان، المدربون: a title in the dual or plural
    return key.endswith(("ان", "ين", "ون")) and len(key) > 5 and (
        key[:-2] in lx.HONORIFIC_KEYS or strip_al(key[:-2]) in lx.TITLE_KEYS)


def _wordy(tok: Tok) -> bool:
    return any(c.isalpha() for c in tok.text)


def _ends_title(before: Tok, tok: Tok) -> bool:
    """وزيري خارجية المملكة | عادل الجبير: a body or country closing a title (not نشرت
    الصحيفة | مقال فلان: a body after a verb)."""
    if not is_body(tok):
        return False
    bare = strip_al(before.key)
    return bare in lx.TITLE_KEYS or bare in lx.INSTITUTION_KEYS


def strip_honorifics(name: str) -> str:
    """الفريق مهاب مميش -> مهاب مميش; a rank alone (الفريق) stays as it is."""
    parts = name.split()
    i = 0
    while i < len(parts) - 1:
        key = fold_ar(parts[i])
        if i + 2 < len(parts) and (key, fold_ar(parts[i + 1])) in lx.HONORIFIC_PHRASE_KEYS:
            i += 2
        elif key in lx.HONORIFIC_KEYS:
            i += 1
        else:
            break
    if not i:
        return name
    rest = fold_ar(parts[i])
    if rest.startswith("ال") or rest in _NOT_NAMES or rest in lx.FUNCTION_KEYS and (
            parts[i] not in NAME_WORDS):  # (علي is a name, على a preposition)
        return name  # المدير العام للشركة: a post, not a rank before a name
    return " ".join(parts[i:])


_PRONOUN_ENDINGS = (*PRONOUN_SUFFIXES, "نا", "كم")  # his, her, their, our, your


def _told(tok: Tok) -> bool:
    """لوكالة، لصحيفة، لرويترز: the outlet a body spoke to (أعلنت الشركة | لوكالة
    رويترز), never a word of its name; with لل it may be (الهيئة العامة للإذاعة)."""
    key = tok.key
    return key[:1] == "ل" and key[1:2] != "ل" and (
        key[1:] in lx.OUTLET_NOUN_KEYS and key[1:] not in _COMMON_OUTLET_NOUNS
        or key[1:] in lx.AGENCY_KEYS)


# Outlet nouns that are common nouns too (المشغل لشبكة النقل، المدير لبرنامج التدريب).
_COMMON_OUTLET_NOUNS = frozenset(fold_ar(w) for w in ("شبكة", "برنامج", "محطة"))


class FullNames:
    """Rewrites speaker names of one document to the fullest form it gives."""

    def __init__(self, sentences: list[Sentence], registry: Registry,
                 l_names: frozenset[str] = frozenset()) -> None:
        self.sentences = sentences
        self.registry = registry
        self.l_names = l_names  # words the document shows are names, not ل + noun
        self._index: dict[str, list[tuple[int, int]]] | None = None
        self._cache: dict[str, str] = {}

    def fullest(self, name: str) -> str:
        """The fullest form of ``name`` in the document (``name`` when none is sure)."""
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = self._resolve(name)
        return found

    def complete(self, speakers: list[str]) -> dict[str, str]:
        """The fullest form of each of a document's speaker names. A one-word name
        ``fullest`` leaves as written (سيرغي, where a ل-word hid the end of the name) is
        the one fuller speaker name of the document that begins or ends with it."""
        full = {name: self.fullest(name) for name in speakers}
        by_word: dict[str, set[str]] = {}
        by_last: dict[str, set[str]] = {}
        for name in full.values():
            words = name.split()
            if len(words) >= 2:
                for word in (words[0], words[-1]):
                    by_word.setdefault(fold_ar(word), set()).add(name)
                by_last.setdefault(fold_ar(words[-1]), set()).add(name)
        longer = [n.split() for n in set(full.values()) if len(n.split()) >= 3]
        for name, fullest in full.items():
            outlet = self._outlet(fullest)
            if outlet is not None:
                full[name] = outlet  # وقالت الصحيفة البريطانية -> صحيفة ديلي ميل
                continue
            parts = fullest.split()
            if len(parts) == 2 and fold_ar(parts[0]) in _NAME_OPENERS:
                glued = by_last.get(fold_ar(parts[0] + parts[1]), set())
                if len(glued) == 1:
                    full[name] = next(iter(glued))  # عبد الغني -> حسين عبدالغني
                    continue
            if len(parts) == 2 and parts[1].startswith("ال") and parts[1].isalpha() and not (
                    fold_ar(parts[1]).endswith(("ي", "يه")) or fold_ar(parts[0]).startswith("ال")):
                # وأبلغ مكونيل الصحفيين: a surname, then the verb's object; the one fuller
                # name the document ends with that surname is who spoke (not a nisba
                # family name after a first name: خالد التركي، المقاومة الجنوبية; nor a
                # father's or a house's name: عبدالعزيز السراء is not فيصل بن فهد بن
                # عبدالعزيز, سعود الزيد not سلمان بن عبدالعزيز آل سعود)
                owners = {n for n in by_last.get(fold_ar(parts[0]), set()) if n != fullest} | {
                    n for n, _ in self._people() if fold_ar(n.split()[-1]) == fold_ar(parts[0])}
                owners = {n for n in owners
                          if fold_ar(n.split()[-2]) not in _NOT_SURNAME_AFTER}
                here = self._first_at(fullest)
                first_name = any(n != fullest and fold_ar(n.split()[0]) == fold_ar(parts[0])
                                 for n in list(full.values()) + [n for n, _ in self._people()])
                if len(owners) == 1 and here is not None and not first_name and (
                        (there := self._first_at(next(iter(owners)))) is not None and there < here):
                    # (the full name first, then the surname and its object: not محمد سعد
                    # and then سعد السدحان, a first name and a family name; nor a word
                    # other names of the document begin with, محمد العمري، محمد الفواز)
                    full[name] = owners.pop()
                    continue
            if " " in fullest:
                tail = [fold_ar(w) for w in fullest.split()]
                found = {" ".join(words) for words in longer if len(words) > len(tail)
                         and [fold_ar(w) for w in words[-len(tail):]] == tail
                         and fold_ar(words[-len(tail) - 1]) not in _PATRONYMIC}
                if len(found) == 1:
                    full[name] = found.pop()  # فان جال -> لويس فان جال (not بن عبد العزيز)
                    continue
                middle = self._with_middle(parts) if len(parts) == 2 else None
                if middle is not None:
                    full[name] = middle  # سعود الزيد -> سعود بن فهد الزيد
                    continue
                body = self._body_shortened(tail)
                if body is not None:
                    full[name] = body  # الحلف الاطلسي -> حلف شمال الاطلسي
                continue
            key = fold_ar(fullest)
            if key.startswith("ال") and strip_al(key) in lx.DOCUMENT_NOUN_KEYS:
                continue  # البيان: no body; the statement of whoever the reader found
            if key.startswith("ال") and (strip_al(key) in lx.INSTITUTION_KEYS
                                         or strip_al(key) in lx.ORGANISATION_KEYS
                                         or key in lx.FAMILY_KEYS):  # العائلة -> عائلة فلان
                body = self._body(key)  # وأكد المرصد -> المرصد السوري لحقوق الإنسان
                if body is not None:
                    full[name] = body
                continue
            headed = self._headed(key) if key.startswith("ال") and " " not in fullest else None
            if headed is not None:
                full[name] = headed  # وبينت "الصحة" -> وزارة الصحة
                continue
            if not key.startswith("ال"):
                found = by_word.get(key, set())
            elif _is_title(key):
                # ويتابع القاضي after يقول إسلام القاضي: a title word that no one holds
                # in the document is the surname of the one speaker whose name ends with it
                found = by_last.get(key, set())
            else:
                continue
            if len(found) == 1:
                full[name] = next(iter(found))
        return full

    def _resolve(self, name: str) -> str:
        bare = strip_honorifics(name)
        parts = bare.split()
        if len(parts) != 1:
            return bare
        key = fold_ar(parts[0])
        expanded = self._expanded(key)
        if expanded is not None:
            return expanded  # أوبك -> منظمة البلدان المصدرة للبترول (أوبك)
        if _is_title(key):
            return self._by_title(key) or bare
        if key in _THE_LORD:
            return lx.GOD  # ذلك ما حذر منه ربنا في قوله تعالى: God
        if key.startswith("ال") and strip_al(key) in lx.NATIONALITY_KEYS:
            # وأرجع الكندي after علي الكندي: a nationality that one known person has for
            # his family name is he
            return self._by_surname(key) or bare
        if not parts[0].isalpha() or len(key) < 3 or key in lx.FUNCTION_KEYS or (
                mention_word(key) and parts[0] not in NAME_WORDS):
            return bare  # (القانون، الشركة: a word of the lexicons is no surname)
        # الأمير محمد: the rank written before the one word tells apart the people the
        # document names with it first
        ranks = frozenset(strip_al(fold_ar(w)) for w in name.split()[:-1])
        known = self.registry.find((key,))
        if known is not None and known.name == name:
            ranks |= known.title_keys
        found = self._by_surname(key)
        if found is None:
            first = self._by_first_word(key, ranks)
            if len(first) > 1:
                return bare  # a first name several people share: not a surname either
            found = first.pop() if first else None
        return (found or self._forward(key) or self._in_text(key) or self._l_surname(key)
                or self._by_middle(key) or bare)

    def _by_middle(self, key: str) -> str | None:
        """كير -> سلفا كير: the one known person whose name has the word inside it, not
        after بن (a father's name: سلمان in محمد بن سلمان بن عبدالعزيز); the name up to
        that word, for what a name found in running text ends with may be the next word
        (علي خامنئي | يثبت)."""
        names = set()
        for name, _ in self._people():
            written = name.split()
            words = [fold_ar(w) for w in written]
            for k, w in enumerate(words[1:-1], 1):
                if w == key and words[k - 1] not in _PATRONYMIC and words[k - 1] not in _NAME_OPENERS:
                    names.add(" ".join(written[:k + 1]))
        return names.pop() if len(names) == 1 else None

    def _forward(self, key: str) -> str | None:
        """مها -> مها العريني: a first name the document also writes with a family name
        after it (a nisba: العريني، الغامدي) at least twice, and no other one; the word
        before it may be a verb no lexicon knows (تمكنت مها العريني). Once is not enough:
        مرسي المنتمي is a name and a participle."""
        if key.startswith("ال"):
            return None
        found: Counter[str] = Counter()
        for s, t in self._positions(key):
            toks = self.sentences[s].tokens
            if t + 1 < len(toks) and is_family_name(toks[t + 1]) and toks[t + 1].key.endswith("ي"):
                found[f"{toks[t].text} {toks[t + 1].text}"] += 1
        if len(found) == 1 and sum(found.values()) >= 2:
            return next(iter(found))
        return None

    def _l_surname(self, key: str) -> str | None:
        """أدريان -> أدريان لودفيغ: a first name the document writes before a surname
        that begins with ل (which reads as ل + noun to the word rules), the same one
        every time it writes the two together."""
        names = set()
        for s, t in self._positions(key):
            toks = self.sentences[s].tokens
            if t + 1 >= len(toks):
                continue
            after = toks[t + 2] if t + 2 < len(toks) else None
            surname = toks[t + 1]
            # تشارلز ليستر: «...»: nothing a preposition could govern comes before the
            # colon (but لهم، لنا: a pronoun)
            before_colon = after is not None and after.text in (":", "：") and (
                surname.key[:1] == "ل" and len(surname.key) >= 4 and surname.text.isalpha()
                and not surname.key.endswith(_PRONOUN_ENDINGS))
            if (surname.key in self.l_names or before_colon) and not (
                    after is not None and is_definite(after)):  # (تشيلسي لكرة القدم)
                names.add(f"{toks[t].text} {surname.text}")
        return names.pop() if len(names) == 1 else None

    def _people(self) -> list[tuple[str, set[str]]]:
        return [(strip_honorifics(e.name), e.title_keys) for e in self.registry.entities
                if e.kind == PERSON and len(strip_honorifics(e.name).split()) >= 2]

    def _by_title(self, key: str) -> str | None:
        """المرشد -> the one person the document gives that title."""
        head = strip_al(key)
        canonical = TITLE_SYNONYMS.get(head, head)
        heads = {head, canonical} | {k for k, v in TITLE_SYNONYMS.items() if v == canonical}
        names = {n for n, titles in self._people() if heads & titles}
        return names.pop() if len(names) == 1 else None

    def _by_surname(self, key: str) -> str | None:
        """ريتشاردسون -> the one known person whose name ends with it (أحمد, with no
        article, is not طلال فهد الأحمد)."""
        names = {n for n, _ in self._people()
                 if strip_al(fold_ar(n.split()[-1])) == strip_al(key) and (
                     key.startswith("ال") or not fold_ar(n.split()[-1]).startswith("ال"))}
        return names.pop() if len(names) == 1 else None

    def _by_first_word(self, key: str, ranks: frozenset[str]) -> set[str]:
        """وون -> وون هي ريونغ: the known people whose name begins with ``key`` (a family
        name written first, a player known by his first name); when several do, those
        whose titles hold every rank written with it (الأمير محمد)."""
        people = [(n, titles) for n, titles in self._people() if fold_ar(n.split()[0]) == key]
        if len(people) > 1 and ranks:
            people = [(n, titles) for n, titles in people if ranks <= titles]
        return {n for n, _ in people}

    def _body(self, key: str, bare_only: bool = False) -> str | None:
        """The full name the document gives a body it also cites by its head noun alone
        (المرصد السوري لحقوق الإنسان for المرصد): the longest name it writes after that
        word, when every other one is a beginning of it (not الحكومة السعودية and
        الحكومة اليمنية)."""
        names: list[str] = []
        # (دانت منظمة هيومن رايتس ووتش ... وأشار بيان المنظمة: the noun without its article)
        positions = [] if bare_only else self._positions(key)
        # (الأمين العام لحلف شمال الأطلسي: the noun after ل, which the name leaves out)
        # (only when the document names it in no other way: not لشركة شينهوا, the
        # company something was granted to, beside شركة ويندلابس)
        glued = self._positions("ل" + strip_al(key)) if len(strip_al(key)) > 2 else []
        glued_at = set(glued)
        for s, t in positions + self._positions(strip_al(key)) + glued:
            if (s, t) in glued_at and names:
                break
            toks = self.sentences[s].tokens[t:]
            if len(toks) > 1 and is_definite(toks[0]) and (s, t) not in glued_at and not (
                    toks[1].key.startswith("لل") or is_definite(toks[1]) and toks[1].text.isalpha()
                    and toks[1].key not in lx.FUNCTION_KEYS and (
                        toks[1].key.endswith(("ي", "يه"))
                        or len(toks) > 2 and toks[2].key.startswith("ل") and toks[2].text.isalpha())):
                # واعلنت الحركة تعيين نائبين، عزم المملكة التحرك: the noun's object or
                # verbal noun, no name after it; a name after the definite noun goes on
                # with an adjective of origin or kind (المرصد السوري) or ل (الأمانة
                # العامة لهيئة كبار العلماء)
                continue
            end = org_extent(toks)
            k = 1
            while k <= end and toks[k].key not in _NOT_BODY_WORDS and toks[k].text.isalpha() and not (
                    toks[k].key in lx.FUNCTION_KEYS and not (k + 1 <= end and is_definite(toks[k + 1]))
                    or _told(toks[k])):
                k += 1  # (القيادة العسكرية في الجبهة, but not المرصد عن مقتل)
            while k > 1 and toks[k - 1].key in lx.FUNCTION_KEYS:
                k -= 1  # (the name does not end with في)
            if k >= 2:
                first = toks[0].text[1:] if (s, t) in glued_at else toks[0].text
                names.append(" ".join([first] + [tok.text for tok in toks[1:k]]))
        if not names:
            return None
        longest = max(names, key=lambda n: len(n.split()))
        folded = fold_ar(longest)
        if all(folded.startswith(fold_ar(n)) for n in names):
            return longest
        return None

    def _body_shortened(self, words: list[str]) -> str | None:
        """A body cited by its head noun with the article and some words of its name
        (الحلف الاطلسي): the one full name the document writes after that head that
        holds all those words in order (حلف شمال الاطلسي)."""
        if len(words) < 2 or not words[0].startswith("ال") or not all(
                w.isalpha() for w in words) or strip_al(words[0]) not in (
                lx.INSTITUTION_KEYS | lx.ORGANISATION_KEYS):
            return None
        body = self._body(words[0], bare_only=True)  # (not the shortened mention itself)
        if body is None:
            return None
        full = [strip_al(fold_ar(w)) for w in body.split()]
        if len(full) <= len(words) or full[0] != strip_al(words[0]):
            return None
        k = 1
        for word in words[1:]:
            bare = strip_al(word)
            while k < len(full) and full[k] != bare:
                k += 1
            if k == len(full):
                return None
            k += 1
        return body

    def _headed(self, key: str) -> str | None:
        """The body the document names with an institution noun before this definite
        word (الصحة -> وزارة الصحة), the same one wherever it does."""
        if strip_al(key) in lx.INSTITUTION_KEYS or _is_title(key):
            return None
        found: set[str] = set()
        for s, t in self._positions(key):
            toks = self.sentences[s].tokens
            if t > 0 and not is_definite(toks[t - 1]) and toks[t - 1].text.isalpha() and (
                    toks[t - 1].key in lx.INSTITUTION_KEYS):
                found.add(f"{toks[t - 1].text} {toks[t].text}")
        return found.pop() if len(found) == 1 else None

    def _expanded(self, key: str) -> str | None:
        """The body's name the document spells out before this short name in brackets
        (منظمة البلدان المصدرة للبترول (أوبك)), the same one each time."""
        found: set[str] = set()
        for s, t in self._positions(key):
            toks = self.sentences[s].tokens
            if not (t >= 2 and t + 1 < len(toks) and toks[t - 1].text == "("
                    and toks[t + 1].text == ")"):
                continue
            head = next((h for h in range(t - 2, max(-1, t - 10), -1)
                         if strip_al(toks[h].key) in lx.INSTITUTION_KEYS
                         or toks[h].key in lx.ORGANISATION_KEYS), None)
            if head is None or head == t - 1:
                continue
            if org_extent(toks[head:t - 1]) == t - 2 - head:
                found.add(" ".join(tok.text for tok in toks[head:t - 1]))
        return found.pop() if len(found) == 1 else None

    def _outlet(self, name: str) -> str | None:
        """The one outlet the document names with the noun a definite reference uses
        (الصحيفة البريطانية -> صحيفة «ديلي ميل» البريطانية, written صحيفة ديلي ميل), its
        adjectives among those written after the name."""
        words = [fold_ar(w) for w in name.split()]
        if not words[0].startswith("ال") or strip_al(words[0]) not in lx.OUTLET_NOUN_KEYS or any(
                not w.startswith("ال") for w in words[1:]):
            return None
        noun = strip_al(words[0])
        wanted = {strip_al(w) for w in words[1:]}
        found: set[str] = set()
        for prefix in ("", "ل", "ب", "و"):
            for s, t in self._positions(prefix + noun):
                toks = self.sentences[s].tokens
                k = t + 1
                if k < len(toks) and is_mark(toks[k].text):
                    m = k + 1
                    while m < len(toks) and m < k + 6 and not is_mark(toks[m].text):
                        m += 1
                    if m >= len(toks) or m == k + 1 or not is_mark(toks[m].text):
                        continue
                    named, after = toks[k + 1:m], m + 1
                else:
                    m = k
                    while m < len(toks) and m < k + 3 and name_like(toks[m]):
                        m += 1
                    named, after = toks[k:m], m
                if not named:
                    continue
                adjectives = set()
                while after < len(toks) and is_definite(toks[after]) and toks[after].text.isalpha():
                    adjectives.add(strip_al(toks[after].key))
                    after += 1
                if wanted <= adjectives:
                    head = toks[t].text[len(prefix):]
                    found.add(" ".join([head] + [w.text for w in named]))
        return found.pop() if len(found) == 1 else None

    def _first_at(self, name: str) -> tuple[int, int] | None:
        """(sentence, token) where the document first writes these words in a row."""
        keys = [fold_ar(w) for w in name.split()]
        for s, t in self._positions(keys[0]):
            toks = self.sentences[s].tokens
            if [tok.key for tok in toks[t:t + len(keys)]] == keys:
                return s, t
        return None

    def _with_middle(self, parts: list[str]) -> str | None:
        """سعود الزيد -> سعود بن فهد الزيد, موفق جمال -> موفق منصور جمال: the one name the
        document writes with these first and last words and a father's name (or two)
        between them, with or without بن; ابن محيا -> سعيد بن محيا; a rank and a family
        name (اللواء التركي) -> the name written after that rank (منصور التركي); a body's
        noun and its last word (كتائب القسام) -> the name written between them, marks
        left out (كتائب «عز الدين القسام»)."""
        first, last = fold_ar(parts[0]), fold_ar(parts[1])
        names = set()
        if first == fold_ar("ابن"):
            # ابن محيا -> سعيد بن محيا: "the son of" a house, with his own first name
            for s, t in self._positions(fold_ar("بن")):
                toks = self.sentences[s].tokens
                if 0 < t < len(toks) - 1 and toks[t + 1].key == last and name_like(toks[t - 1]) and (
                        toks[t - 1].key[:1] != "و" and not (t > 1 and toks[t - 2].key in _PATRONYMIC)):
                    names.add(" ".join(tok.text for tok in toks[t - 1:t + 2]))
            return names.pop() if len(names) == 1 else None
        rank = first in lx.HONORIFIC_KEYS  # اللواء التركي -> منصور التركي: the name the rank hides
        # كتائب القسام -> كتائب عز الدين القسام: a body's noun and the last word of its name
        body = first in lx.INSTITUTION_KEYS
        for s, t in self._positions(first):
            toks = self.sentences[s].tokens
            if not (rank or body or name_like(toks[t])) or t > 0 and not (rank or body) and (
                    toks[t - 1].key in _PATRONYMIC or name_like(toks[t - 1])):
                continue  # فهد بن سعود الزيد، عيد ماطر مبارك: a father's name, not the first
            k = t + 1
            while k < len(toks) and k - t <= 5 and toks[k].key != last and (
                    toks[k].key in _PATRONYMIC or name_like(toks[k]) and toks[k].key[:1] != "و"
                    or body and (is_mark(toks[k].text) or toks[k].key in _COMPOUND_SECOND)):
                k += 1
            if k > t + 1 and k < len(toks) and toks[k].key == last and toks[k - 1].key not in _PATRONYMIC:
                names.add(" ".join(tok.text for tok in toks[t + rank:k + 1] if not is_mark(tok.text)))
        return names.pop() if len(names) == 1 else None

    def _positions(self, key: str) -> list[tuple[int, int]]:
        """(sentence, token) of every word of the document with this key."""
        if self._index is None:
            self._index = {}
            for s, sent in enumerate(self.sentences):
                for t, tok in enumerate(sent.tokens):
                    self._index.setdefault(tok.key, []).append((s, t))
        return self._index.get(key, [])

    def _in_text(self, key: str) -> str | None:
        """A name ending with the surname where the text writes it in full: after a
        title, a verb, a conjunction or at a clause start (not مقال هويدي after في)."""
        seen: Counter[str] = Counter()
        for s, t in self._positions(key):
            toks = self.sentences[s].tokens
            j = t - 1
            while j >= 0 and t - j <= _MAX_FIRST_NAMES and toks[j].key not in _NOT_FIRST_NAMES and (
                    # (عبد الرقيب، عبد الملك: a title after عبد is part of the name)
                    not _is_title(toks[j].key) or j > 0 and toks[j - 1].key == "عبد") and (
                    not object_noun(toks[j])) and (
                    name_like(toks[j]) or toks[j].key in lx.PARTICLE_KEYS
                    or toks[j].key in _COMPOUND_SECOND and j > 0 and name_like(toks[j - 1])):
                j -= 1
            first = j + 1
            while first < t and toks[first].key in lx.PARTICLE_KEYS and (
                    toks[first].key not in _NAME_OPENERS):
                first += 1
            if first == t or toks[t - 1].key in lx.PARTICLE_KEYS and first == t - 1:
                continue
            if verb_with_object(toks[first].key) is not None or toks[first].key in lx.EDITORIAL_KEYS:
                # هذا ما قاله مورينيو: a verb and its object pronoun; يعتقد العلماء: a verb
                # of belief; no name
                first += 1
                if first == t:
                    continue
            if j >= 0 and toks[j].key in _SUBJUNCTIVE and first == t - 1 and (
                    toks[first].key[:1] in "يت" and toks[first].text.isalpha()):
                continue  # ومن المقرر أن يعقد كيري: after أن comes the verb, then the name
            if j >= 0 and not (self._opens_name(toks[j]) or j > 0 and _ends_title(toks[j - 1], toks[j])):
                if t - first >= 2 and t + 1 < len(toks) and _is_title(toks[t + 1].key) and (
                        name_like(toks[t - 1])):
                    # بينما بدأ جورج اوسبورن وزير المالية: where the name begins is
                    # unsure, but a title after it says a name ends here; two words
                    seen[" ".join(tok.text for tok in toks[t - 1:t + 1])] += 1
                continue
            if j < 0 and toks[first].key[:1] in "وف" and len(toks[first].key) > 3:
                # ووصل بيتر ماور: a sentence opens with a verb, not a name; the words
                # after it may be one (not وتأتي زيارة فلان: a noun governing it; not
                # وربما يفرض تشونغ: after a particle comes the verb)
                first += 1
                if t - first < 1 or toks[first - 1].key[1:] in _BEFORE_VERB or not all(
                        name_like(tok) for tok in toks[first:t]):
                    continue
            # a name after a title is surely a name (وستخلف ريتشاردسون may be a verb)
            weight = 2 if j >= 0 and _is_title(toks[j].key) else 1
            words = [tok.text for tok in toks[first:t + 1]]
            if words[0].startswith(("وأ", "وإ", "وآ")) and len(words[0]) > 3:
                words[0] = words[0][1:]  # نوري المالكي وإياد علاوي: و, then the name
            seen[" ".join(words)] += weight
        if not seen:
            return None
        return seen.most_common(1)[0][0]  # most frequent; on a tie, the first written

    @staticmethod
    def _opens_name(tok: Tok) -> bool:
        key = tok.key
        if not _wordy(tok) or key in lx.SPEECH_ACT_KEYS or _is_title(key) or object_noun(tok):
            return True  # (زيارة ريتشارد نيكسون: an event noun governing the name)
        if name_like(tok):
            return False  # more words than a first name: not sure where the name begins
        if not is_definite(tok) and key not in lx.FUNCTION_KEYS and (
                key not in lx.PARTICLE_KEYS):
            return True  # إعلان برناردينو ليون: a common noun, then the name it governs
        return (key in _BEFORE_NAME or key in _PREPOSITIONS_BEFORE or _is_title(key)
                or key in lx.VERB_KEYS or key in lx.CALLED_KEYS  # مهندس يدعى | جيانغ
                or strip_al(key) in lx.PERSON_NOUN_KEYS or strip_al(key) in lx.UNNAMED_KEYS
                or key in lx.PARTICIPLE_KEYS or key in lx.DISCOURSE_KEYS
                or key in lx.DESCRIPTOR_KEYS
                # a nisba adjective after a title (الكاتب المصري فهمي هويدي), not an object
                # noun (نشرت الصحيفة مقال هويدي)
                or (is_definite(tok) and key.endswith(("ي", "يه"))
                    and not key.startswith(("بال", "كال", "لل"))))
