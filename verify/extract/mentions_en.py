"""English speaker mentions: names out of titles, appositives, pronouns, organisations.

A name is the last run of capitalised words in a mention, less the titles in front of
it ("Foreign Minister Sergei Lavrov" -> Sergei Lavrov); lower-case particles (de, al,
bin) stay inside a run. Mentions without a name are titles ("the envoy"),
organisations ("the ministry") or unnamed sources ("two diplomats").
"""

from __future__ import annotations

from . import lexicon_en as lx
from .entities import ORG, PERSON, PRONOUN, TITLE, UNNAMED, Mention
from .segment import Tok

__all__ = ["mention_of_en", "scan_names_en", "name_keys_en"]

_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this",
                          "that", "two", "three", "several", "some", "one", "another"})
_ORG_WORDS = lx.ORGANISATION_KEYS | lx.AGENCY_KEYS | frozenset(
    {"inc", "corp", "ltd", "plc", "international", "association", "institute", "university",
     "foundation", "fund", "council", "nations", "union", "forces", "times", "post",
     "journal", "news", "press", "watch"})


def _capital(tok: Tok) -> bool:
    text = tok.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def name_keys_en(words: list[str]) -> tuple[str, ...]:
    folded = [w.lower().strip(".,") for w in words]
    keys = [" ".join(folded)]
    if len(folded) >= 2:
        keys.append(" ".join(folded[1:]))
        keys.append(folded[-1])
    return tuple(dict.fromkeys(k for k in keys if k))


def _joins(tokens: list[Tok], j: int) -> bool:
    """A particle or hyphen inside a name: de Mistura, al-Hariri, bin Salman."""
    n = len(tokens)
    if tokens[j].text == "-":
        return j + 1 < n and (_capital(tokens[j + 1]) or tokens[j + 1].key in lx.PARTICLE_KEYS)
    if tokens[j].key in lx.PARTICLE_KEYS:
        nxt = j + 2 if j + 1 < n and tokens[j + 1].text == "-" else j + 1
        return nxt < n and _capital(tokens[nxt])
    return False


def _runs(tokens: list[Tok]) -> list[tuple[int, int]]:
    """(start, end) index ranges of capitalised runs; particles join a run."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(tokens)
    while i < n:
        if _capital(tokens[i]) and tokens[i].key not in lx.NON_NAME_KEYS:
            j = i + 1
            while j < n and (_capital(tokens[j]) or _joins(tokens, j)):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _split_title(tokens: list[Tok], start: int, end: int) -> int:
    """First index of the name inside a capitalised run (after titles and honorifics)."""
    i = start
    while i < end - 1 and (tokens[i].key in lx.TITLE_KEYS or tokens[i].key in lx.HONORIFIC_KEYS
                           or tokens[i].key.rstrip(".") in lx.HONORIFIC_KEYS):
        i += 1
    return i


def mention_of_en(text: str, tokens: list[Tok], appositive: list[Tok] | None = None
                  ) -> Mention | None:
    """Parse the words naming a speaker in English."""
    words = [t for t in tokens if any(c.isalnum() for c in t.text) or t.text in ("'s", "-")]
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    surface = text[start:end]
    first = words[0].key
    if len(words) == 1 and first in lx.PRONOUNS:
        return Mention(surface, PRONOUN, start, end, gender=lx.PRONOUNS[first])
    extra = appositive or []
    title_keys = frozenset(t.key for t in [*words, *extra] if t.key not in _DETERMINERS)
    runs = _runs(words)
    if runs and runs[-1][1] == len(words):  # a name ends the mention
        run_start, run_end = runs[-1]
        name_start = _split_title(words, run_start, run_end)
        name_words = words[name_start:run_end]
        all_titles = all(t.key in lx.TITLE_KEYS or t.key in _ORG_WORDS for t in name_words)
        if name_words and not all_titles:
            name = text[name_words[0].start:name_words[-1].end]
            org = any(t.key in _ORG_WORDS for t in name_words) or (
                len(name_words) == 1 and name_words[0].key in lx.AGENCY_KEYS)
            honorific = next((t.key.rstrip(".") for t in words[:name_start]
                              if t.key.rstrip(".") in ("mr", "mrs", "ms")), None)
            gender = {"mr": "m", "mrs": "f", "ms": "f"}.get(honorific or "")
            return Mention(surface, ORG if org else PERSON, start, end, name,
                           name_keys_en([t.text for t in name_words]), title_keys, None, gender)
    if extra:
        named = mention_of_en(text, extra)
        if named is not None and named.name and named.kind == PERSON:
            # the mayor, Tom Brown: the name is in the apposition
            return Mention(surface, PERSON, start, end, named.name, named.keys, title_keys)
    content = [t for t in words if t.key not in _DETERMINERS]
    if not content:
        return None
    head = content[-1].key
    if any(t.key in lx.UNNAMED_KEYS for t in content) and not any(
            t.key in lx.ORGANISATION_KEYS for t in content[-1:]):
        return Mention(surface, UNNAMED, start, end)
    if head in lx.TITLE_KEYS or any(t.key in lx.TITLE_KEYS for t in content):
        return Mention(surface, TITLE, start, end, None, (), title_keys, head)
    return Mention(surface, ORG, start, end, None, (), title_keys, head)


def scan_names_en(text: str, tokens: list[Tok]) -> list[Mention]:
    """Titled names in narration: "U.N. envoy Staffan de Mistura", "Lavrov, the minister"."""
    found = []
    runs = _runs(tokens)
    for run_start, run_end in runs:
        name_start = _split_title(tokens, run_start, run_end)
        names = tokens[name_start:run_end]
        if len(names) < 2 or any(t.key in _ORG_WORDS for t in names):
            continue
        titled = name_start > run_start or (run_start > 0 and tokens[run_start - 1].key in
                                            lx.TITLE_KEYS)
        k = run_start - 1
        title: list[Tok] = list(tokens[run_start:name_start])
        while k >= 0 and tokens[k].key in lx.TITLE_KEYS and run_start - k <= 6:
            title.append(tokens[k])
            k -= 1
        if run_end < len(tokens) and tokens[run_end].text == ",":
            m = run_end + 1
            while m < len(tokens) and m - run_end <= 12 and tokens[m].text not in ",.;":
                title.append(tokens[m])
                m += 1
            titled = titled or any(t.key in lx.TITLE_KEYS - _DETERMINERS
                                   for t in tokens[run_end + 1:m])
        if not titled:
            continue
        name = text[names[0].start:names[-1].end]
        found.append(Mention(name, PERSON, names[0].start, names[-1].end, name,
                             name_keys_en([t.text for t in names]),
                             frozenset(t.key for t in title if t.key not in _DETERMINERS)))
    return found
