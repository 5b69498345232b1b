"""English attribution cues in wire-style text.

"...," Smith said / said Smith, a spokesman / Smith said: "..." / Smith said (that) ...
/ Smith told Reuters / according to Smith / the ministry said in a statement /
X quoted Y as saying. Pronouns (he, she) continue the last named speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon_en as lx
from .cues import Cue, is_mark
from .entities import ORG, PERSON, PRONOUN, TITLE, UNNAMED, Entity, Mention, Registry
from .mentions_en import mention_of_en, scan_names_en
from .segment import Sentence, Tok

__all__ = ["find_cues_en"]

_STOP_BACK = frozenset({".", ";", ":", "!", "?", "(", ")", "—", "–"})
_CLAUSE_WORDS = frozenset({"that", "which", "who", "whom", "and", "but", "while", "when",
                           "because", "as", "if", "after", "before", "where", "although"})
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "note", "explain", "stress", "warn",
                            "argue", "insist", "claim", "announce", "write", "confirm", "deny",
                            "acknowledge", "admit", "declare", "predict", "suggest", "report",
                            "reveal", "estimate", "testify", "emphasise", "assert",
                            "complain", "maintain", "continue", "conclude", "comment"})
_NP_LIMIT = 10
_SYNONYMS = {"paper": "newspaper", "daily": "newspaper", "spokeswoman": "spokesman",
             "spokesperson": "spokesman", "firm": "company"}


@dataclass(slots=True)
class _Speaker:
    name: str
    entity: Entity | None
    gender: str | None
    mention: str | None
    paragraph: int
    via: str | None = None
    inferred: bool = False
    kind: str = PERSON


class _Reader:
    def __init__(self, text: str, sentences: list[Sentence],
                 quoted: list[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        self.quoted = quoted
        self.registry = Registry()
        self.recent: list[_Speaker] = []

    def run(self) -> list[Cue]:
        cues: list[Cue] = []
        q = 0
        for sent in self.sentences:
            for mention in scan_names_en(self.text, sent.tokens):
                self.registry.add(mention, mention.start)
            inside = []
            for tok in sent.tokens:
                while q < len(self.quoted) and self.quoted[q][1] <= tok.start:
                    q += 1
                inside.append(q < len(self.quoted) and self.quoted[q][0] < tok.start)
            cues.extend(self._sentence(sent, inside))
        return cues

    def _sentence(self, sent: Sentence, inside: list[bool]) -> list[Cue]:
        toks = sent.tokens
        found: list[Cue] = []
        local: _Speaker | None = None
        i = 0
        while i < len(toks):
            key = toks[i].key
            parsed = None
            if not inside[i]:
                if key in lx.VERB_KEYS:
                    parsed = self._verb(sent, i, local, inside)
                elif key in lx.PARTICIPLE_KEYS and i > 0 and toks[i - 1].text == ",":
                    parsed = self._participle(sent, i, local)
                elif key in lx.SOURCE_KEYS and i + 1 < len(toks) and toks[i + 1].key == "to":
                    parsed = self._according(sent, i, local)
            if parsed is None:
                i += 1
                continue
            cue, speaker, next_i = parsed
            found.append(cue)
            if speaker is not None:
                local = speaker
                if not self.recent or self.recent[-1].name != speaker.name:
                    self.recent.append(speaker)
                    del self.recent[:-8]
            i = max(i + 1, next_i)
        verbs = [c for c in found if c.kind != "source"]
        for source in [c for c in found if c.kind == "source" and c.via]:
            if verbs:
                for verb in verbs:
                    verb.via = verb.via or source.via
                found.remove(source)
            elif source.via == source.speaker:
                source.via = None
        return found

    # ---- pieces of a clause ---------------------------------------------------------

    def _subject_before(self, toks: list[Tok], i: int) -> tuple[list[Tok], list[Tok], bool]:
        """(subject, appositive, after a quotation) for the words before a verb."""
        k = i - 1
        while k >= 0 and toks[k].key in lx.TIME_KEYS | {"also", "had", "has", "have", "was",
                                                          "is", "would", "will", "later"}:
            k -= 1
        appositive: list[Tok] = []
        if k >= 0 and toks[k].text == ",":
            m = k - 1
            while m >= 0 and k - m <= 14 and toks[m].text != "," and not is_mark(toks[m].text):
                m -= 1
            if m >= 0 and toks[m].text == "," and m > 0 and not is_mark(toks[m - 1].text):
                appositive = toks[m + 1:k]
                k = m - 1
        end = k + 1
        while k >= 0 and end - k <= _NP_LIMIT:
            t = toks[k]
            if t.text in _STOP_BACK or t.text == "," or is_mark(t.text) or t.key in _CLAUSE_WORDS:
                break
            if t.key in lx.VERB_KEYS or t.key in lx.PARTICIPLE_KEYS:
                break
            k -= 1
        subject = toks[k + 1:end]
        after_quote = k >= 0 and (is_mark(toks[k].text) or (
            toks[k].text == "," and k > 0 and is_mark(toks[k - 1].text)))
        if end - k > _NP_LIMIT:
            subject = []
        return subject, appositive, after_quote

    def _subject_after(self, toks: list[Tok], j: int) -> tuple[list[Tok], list[Tok], int]:
        """said Smith, a spokesman for the ministry."""
        start = j
        while j < len(toks) and j - start < 8 and toks[j].text not in ",.;:!?" and not is_mark(
                toks[j].text) and toks[j].key not in _CLAUSE_WORDS:
            j += 1
        subject = toks[start:j]
        appositive: list[Tok] = []
        if j < len(toks) and toks[j].text == ",":
            m = j + 1
            while m < len(toks) and m - j <= 14 and toks[m].text not in ",.;" and not is_mark(
                    toks[m].text):
                m += 1
            appositive = toks[j + 1:m]
            j = m
        return subject, appositive, j

    def _adjuncts(self, toks: list[Tok], j: int, lemma: str) -> tuple[int, str | None]:
        """Skip "on Monday", "in a statement", "to reporters"; read "told Reuters"."""
        via = None
        n = len(toks)
        while j < n:
            key = toks[j].key
            if key in lx.TIME_KEYS:
                j += 1
                continue
            if key in lx.ADJUNCT_PREP_KEYS or key == "to" or key == "with":
                k = j + 1
                while k < n and k - j <= 7 and toks[k].text not in ",.;:" and not is_mark(
                        toks[k].text) and toks[k].key != "that":
                    if toks[k].key in lx.ADJUNCT_NOUN_KEYS or toks[k].key in lx.AGENCY_KEYS or \
                            toks[k].text[:1].isupper():
                        break
                    k += 1
                if k < n and k - j <= 7 and (toks[k].key in lx.ADJUNCT_NOUN_KEYS
                                             or key in ("to", "with")):
                    outlet = self._outlet(toks, j + 1, k + 4)
                    if outlet:
                        via = outlet
                    k += 1
                    while k < n and (toks[k].text[:1].isupper() or toks[k].key in (
                            "news", "conference", "briefing", "interview")) and not is_mark(
                            toks[k].text):
                        k += 1
                    j = k
                    continue
                break
            if lemma in lx.OBJECT_VERBS and j < n and toks[j].key not in ("that",) and (
                    toks[j].text not in ",.;:" and not is_mark(toks[j].text)):
                outlet = self._outlet(toks, j, j + 4)
                k = j
                while k < n and k - j < 4 and toks[k].text not in ",.;:" and not is_mark(
                        toks[k].text) and toks[k].key not in ("that", "on", "in", "at"):
                    k += 1
                via = via or outlet
                j = k
                lemma = ""
                continue
            break
        return j, via

    def _outlet(self, toks: list[Tok], j: int, end: int) -> str | None:
        end = min(end, len(toks))
        for k in range(j, end):
            key = toks[k].key
            if toks[k].text in lx.AGENCIES or key in lx.AGENCY_KEYS:
                m = k + 1
                while m < end and toks[m].text[:1].isupper():
                    m += 1
                return self.text[toks[k].start:toks[m - 1].end]
            if key in lx.OUTLET_NOUN_KEYS and k + 1 < end and toks[k + 1].text[:1].isupper():
                return self.text[toks[k + 1].start:toks[min(end, k + 3) - 1].end]
        return None

    def _complement(self, toks: list[Tok], j: int, lemma: str
                    ) -> tuple[str, int | None, int] | None:
        n = len(toks)
        if j >= n:
            return None
        t = toks[j]
        if t.key == "that":
            return ("that", toks[j + 1].start, j + 1) if j + 1 < n else None
        if t.text == ":":
            return ("colon", toks[j + 1].start, j + 1) if j + 1 < n else None
        if t.text == "," and j + 1 < n and is_mark(toks[j + 1].text):
            return "mark", toks[j + 1].start, j + 1
        if is_mark(t.text):
            return "mark", t.start, j
        if lemma in ("describe", "call") and j + 2 < n:
            for k in range(j, min(n, j + 6)):
                if is_mark(toks[k].text):
                    return "mark", toks[k].start, k
            return None
        if lemma in _SPEECH_LEMMAS and t.text not in ".;!?" and any(
                c.isalnum() for c in t.text):
            return "bare", t.start, j
        return None

    # ---- cues ----------------------------------------------------------------------

    def _verb(self, sent: Sentence, i: int, local: _Speaker | None, inside: list[bool]
              ) -> tuple[Cue, _Speaker | None, int] | None:
        toks = sent.tokens
        tok = toks[i]
        lemma = lx.VERB_KEYS[tok.key]
        if i > 0 and toks[i - 1].key in ("to", "not", "n't", "never") and tok.key in (
                "say", "tell", "add"):
            return None
        subject, appositive, after_quote = self._subject_before(toks, i)
        via = None
        j = i + 1
        if lemma == "quote":
            return self._quoted_by(sent, i, subject, local)
        postposed = after_quote
        if not subject:
            subject, appositive, j = self._subject_after(toks, j)
            if subject and not (after_quote or i == 0 or is_mark(toks[i - 1].text)
                                or toks[i - 1].text == ","):
                return None  # "the words said" inside a clause: not a cue
            postposed = postposed or bool(subject)
        j, via = self._adjuncts(toks, j, lemma)
        result = None if postposed else self._complement(toks, j, lemma)
        content_end = None
        if result is None and not postposed:
            before = self._words_before(toks, i, subject)
            if before is None:
                return None
            # The talks have no deadline, officials said.
            result = ("before", toks[before[0]].start, j)
            content_end = toks[before[1]].end
            postposed = True
        complement, content, next_i = result if result else ("", None, j)
        if complement == "bare" and toks[max(0, i - 1)].key in ("he", "she") and lemma in (
                "think", "believe"):
            return None
        mention = mention_of_en(self.text, subject, appositive) if subject else None
        speaker, inferred = self._resolve(mention, tok.start, sent.paragraph, local)
        cue = Cue(sent.index, sent.paragraph, tok.start, tok.end, tok.text, "verb", complement,
                  content, describe=lemma in lx.DESCRIBE_VERBS,
                  postposed=postposed and (not result or complement == "before"),
                  via=via, content_end=content_end)
        self._fill(cue, speaker, inferred, mention)
        return cue, speaker, next_i

    @staticmethod
    def _words_before(toks: list[Tok], i: int, subject: list[Tok]) -> tuple[int, int] | None:
        """(first, last) token indices of a clause ending in ", X said." before the verb."""
        j = i + 1
        while j < len(toks) and toks[j].key in lx.TIME_KEYS:
            j += 1
        if j < len(toks) and toks[j].text not in ".!?;":
            return None
        first_subject = next((k for k in range(i - 1, max(-1, i - 16), -1)
                              if toks[k] is subject[0]), None) if subject else None
        if first_subject is None:
            return None
        comma = first_subject - 1
        if comma < 2 or toks[comma].text != "," or not subject:
            return None
        if any(is_mark(t.text) for t in toks[:comma]):
            return None
        return 0, comma - 1

    def _quoted_by(self, sent: Sentence, i: int, subject: list[Tok], local: _Speaker | None
                   ) -> tuple[Cue, _Speaker | None, int] | None:
        """Y quoted X as saying / X was quoted by Y as saying."""
        toks = sent.tokens
        n = len(toks)
        j = i + 1
        via_tokens: list[Tok] = []
        speaker_tokens: list[Tok] = []
        if j < n and toks[j].key == "by":
            k = j + 1
            while k < n and toks[k].key != "as" and k - j < 8:
                k += 1
            via_tokens, speaker_tokens = toks[j + 1:k], [t for t in subject if t.key not in (
                "was", "were", "is")]
            j = k
        else:
            k = j
            while k < n and toks[k].key != "as" and k - j < 10:
                k += 1
            via_tokens, speaker_tokens = subject, toks[j:k]
            j = k
        if j + 1 >= n or toks[j].key != "as" or toks[j + 1].key not in ("saying", "telling"):
            return None
        result = self._complement(toks, j + 2, "say")
        if result is None:
            return None
        complement, content, next_i = result
        mention = mention_of_en(self.text, speaker_tokens)
        via_mention = mention_of_en(self.text, via_tokens)
        via = self._outlet(via_tokens, 0, len(via_tokens)) if via_tokens else None
        if via is None and via_mention is not None:
            via = via_mention.name or via_mention.text
        speaker, inferred = self._resolve(mention, toks[i].start, sent.paragraph, local)
        cue = Cue(sent.index, sent.paragraph, toks[i].start, toks[i].end, toks[i].text, "verb",
                  complement, content, via=via)
        self._fill(cue, speaker, inferred, mention)
        return cue, speaker, next_i

    def _participle(self, sent: Sentence, i: int, local: _Speaker | None
                    ) -> tuple[Cue, _Speaker | None, int] | None:
        toks = sent.tokens
        lemma = lx.PARTICIPLE_KEYS[toks[i].key]
        j, via = self._adjuncts(toks, i + 1, lemma)
        result = self._complement(toks, j, lemma)
        if result is None:
            return None
        complement, content, next_i = result
        speaker, inferred = self._resolve(None, toks[i].start, sent.paragraph, local)
        cue = Cue(sent.index, sent.paragraph, toks[i].start, toks[i].end, toks[i].text,
                  "participle", complement, content, describe=lemma in lx.DESCRIBE_VERBS,
                  via=via or (local.via if local else None))
        self._fill(cue, speaker, inferred, None)
        return cue, speaker, next_i

    def _according(self, sent: Sentence, i: int, local: _Speaker | None
                   ) -> tuple[Cue, _Speaker | None, int] | None:
        """according to X (, ...)."""
        toks = sent.tokens
        n = len(toks)
        j = i + 2
        k = j
        while k < n and k - j < 10 and toks[k].text not in ",.;:!?" and not is_mark(toks[k].text):
            k += 1
        source = toks[j:k]
        if not source:
            return None
        preposed = i == 0 or toks[i - 1].text in (",", "and")
        content = toks[k + 1].start if preposed and k + 1 < n and toks[k].text == "," else None
        mention = mention_of_en(self.text, source)
        if mention is None:
            return None
        via = None
        if mention.name and (mention.name in lx.AGENCIES or mention.kind == ORG and any(
                t.key in lx.OUTLET_NOUN_KEYS | lx.AGENCY_KEYS for t in source)):
            via = mention.name
        speaker, inferred = self._resolve(mention, toks[i].start, sent.paragraph, local)
        end = toks[i + 1].end
        cue = Cue(sent.index, sent.paragraph, toks[i].start, end, self.text[toks[i].start:end],
                  "source", "source", content, postposed=not preposed, via=via)
        self._fill(cue, speaker, inferred, mention)
        return cue, speaker, k

    # ---- speakers ----------------------------------------------------------------------

    @staticmethod
    def _fill(cue: Cue, speaker: _Speaker | None, inferred: bool,
              mention: Mention | None) -> None:
        if speaker is not None:
            cue.speaker = speaker.name
            cue.mention = mention.text if mention is not None else speaker.mention
            if speaker.via is None:
                speaker.via = cue.via
        cue.inferred = inferred
        cue.unresolved = speaker is None

    def _resolve(self, mention: Mention | None, position: int, paragraph: int,
                 local: _Speaker | None) -> tuple[_Speaker | None, bool]:
        if mention is None:
            if local is not None:
                return local, local.inferred
            if self.recent:
                last = self.recent[-1]
                return _Speaker(last.name, last.entity, last.gender, None, paragraph,
                                inferred=True, kind=last.kind), True
            return None, False
        if mention.kind == PRONOUN:
            wanted = mention.gender
            for previous in reversed(self.recent):
                if wanted == "n" and previous.kind != ORG:
                    continue
                if wanted in ("m", "f") and (previous.kind != PERSON or previous.gender not in (
                        None, wanted)):
                    continue
                return _Speaker(previous.name, previous.entity, previous.gender, mention.text,
                                paragraph, inferred=True, kind=previous.kind), True
            for entity in reversed(self.registry.entities[-16:]):
                if entity.kind == PERSON and (wanted not in ("m", "f") or entity.gender in (
                        None, wanted)):
                    return _Speaker(entity.name, entity, entity.gender, mention.text, paragraph,
                                    inferred=True), True
            return None, False
        if mention.kind in (PERSON, ORG) and mention.name:
            known = self.registry.add(mention, position)
            if known is not None:
                return _Speaker(known.name, known, known.gender, mention.text, paragraph,
                                kind=known.kind), False
        if mention.kind in (TITLE, ORG) and mention.head:
            titled = self.registry.by_title(mention.head, mention.title_keys, position,
                                            _SYNONYMS)
            if titled is not None:
                return _Speaker(titled.name, titled, titled.gender, mention.text, paragraph,
                                kind=titled.kind), False
        if mention.kind in (UNNAMED, TITLE, ORG):
            return _Speaker(mention.text, None, None, mention.text, paragraph,
                            kind=ORG if mention.kind == ORG else UNNAMED), False
        return None, False


def find_cues_en(text: str, sentences: list[Sentence],
                 quoted: list[tuple[int, int]]) -> list[Cue]:
    """Every attribution cue of an English document, speakers resolved in order."""
    return _Reader(text, sentences, quoted).run()
