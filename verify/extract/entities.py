"""Who is who in one document: full names, the short references that point back to them.

A registry collects every person or body the document names (with the title it gives
them) and answers later references: a surname, a spelling variant, a bare title
("the envoy", المبعوث الخاص), or a pronoun / missing subject (the current speaker).
Language-specific parsing of mentions lives in ``mentions_ar`` / ``mentions_en``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon_ar as lx
from .keys import fold_ar, skeleton_ar

__all__ = ["Entity", "Mention", "Registry"]

PERSON, ORG, UNNAMED, TITLE, PRONOUN, NONE = "person", "org", "unnamed", "title", "pronoun", ""


@dataclass(slots=True)
class Mention:
    """What a speaker mention says, as parsed by a language module.

    ``name`` is the proper name in it (or None), ``keys`` the lookup keys of that name,
    ``title_keys`` the folded words of the title or description around it,
    ``head`` the folded head of a bare title ("مبعوث", "envoy").
    """

    text: str
    kind: str
    start: int
    end: int
    name: str | None = None
    keys: tuple[str, ...] = ()
    title_keys: frozenset[str] = frozenset()
    head: str | None = None
    gender: str | None = None


@dataclass(slots=True)
class Entity:
    name: str
    kind: str
    keys: set[str] = field(default_factory=set)
    title_keys: set[str] = field(default_factory=set)
    gender: str | None = None
    last_seen: int = 0


class Registry:
    """The named entities of one document, most recent first when references clash."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_key: dict[str, list[Entity]] = {}

    def _index(self, entity: Entity, keys: tuple[str, ...] | set[str]) -> None:
        for key in keys:
            bucket = self._by_key.setdefault(key, [])
            if entity not in bucket:
                bucket.append(entity)
        entity.keys.update(keys)

    def find(self, keys: tuple[str, ...]) -> Entity | None:
        """The most recently seen entity sharing a key, trying keys in order."""
        for key in keys:
            bucket = self._by_key.get(key)
            if bucket:
                return max(bucket, key=lambda e: e.last_seen)
        return None

    def add(self, mention: Mention, position: int) -> Entity | None:
        """Record a named mention (merging with an entity it refers to); return it."""
        if not mention.name or not mention.keys:
            return None
        entity = self.find(mention.keys)
        if entity is not None and not _may_be_same(entity.name, mention.name):
            entity = None  # رامي عبد الرحمن is not عبد الرحمن الاغوز: a shared key, two people
        entity = entity or self._same_name(mention.name)
        if entity is None:
            entity = Entity(mention.name, mention.kind)
            self.entities.append(entity)
        elif len(mention.name) > len(entity.name) and (
                mention.name.endswith(entity.name.split()[-1])
                or mention.name.startswith(entity.name)):
            entity.name = mention.name  # the fuller form of the same name
        self._index(entity, mention.keys)
        entity.title_keys.update(mention.title_keys)
        if mention.gender and not entity.gender:
            entity.gender = mention.gender
        entity.last_seen = max(entity.last_seen, position)
        return entity

    def _same_name(self, name: str) -> Entity | None:
        """A recent entity whose name is the start of this one or the other way round
        (فيصل بن خالد / فيصل بن خالد بن عبدالعزيز)."""
        if len(name.split()) < 2:
            return None
        for entity in reversed(self.entities[-64:]):
            if len(entity.name.split()) >= 2 and (
                    entity.name.startswith(name) or name.startswith(entity.name)):
                return entity
        return None

    def by_title(self, head: str, modifiers: frozenset[str], position: int,
                 synonyms: dict[str, str] | None = None) -> Entity | None:
        """The entity whose title best matches a bare title reference (الوزير، the envoy)."""
        heads = {head}
        if synonyms:
            canonical = synonyms.get(head, head)
            heads |= {k for k, v in synonyms.items() if v == canonical} | {canonical}
        best: Entity | None = None
        best_score = (0, -1)
        for entity in self.entities[-64:]:
            if entity.kind not in (PERSON, ORG) or not (heads & entity.title_keys):
                continue
            score = (len(modifiers & entity.title_keys), entity.last_seen)
            if score > best_score:
                best, best_score = entity, score
        if best is not None:
            best.last_seen = max(best.last_seen, position)
        return best

    def touch(self, entity: Entity, position: int) -> None:
        entity.last_seen = max(entity.last_seen, position)


def _may_be_same(known: str, name: str) -> bool:
    """Can two full names found under one key be the same person? One is the start of
    the other (فيصل بن خالد / فيصل بن خالد بن عبدالعزيز), or they end with the same
    surname, spelt alike or not (بالقاسم / بلقاسم); not when the key is one's surname
    and the other's first name."""
    a, b = known.split(), name.split()
    if (fold_ar(a[0]) in lx.FAMILY_KEYS) != (fold_ar(b[0]) in lx.FAMILY_KEYS):
        return False  # أنجي هاموند is one of عائلة هاموند, not the family
    if len(b) == 1 and len(a) >= 2 and a[-1].startswith("ال") and not b[0].startswith("ال") and (
            fold_ar(a[-1][2:]) == fold_ar(b[0])):
        return False  # أحمد is a first name, not طلال فهد الأحمد's family name
    if len(a) < 2 or len(b) < 2 or known.startswith(name) or name.startswith(known):
        return True
    first_a, first_b = fold_ar(a[0].casefold()), fold_ar(b[0].casefold())
    if first_a != first_b and skeleton_ar(first_a) != skeleton_ar(first_b) and not (
            {first_a, first_b} & lx.PARTICLE_KEYS) and not (
            first_a.startswith(first_b) or first_b.startswith(first_a)):
        return False  # أحمد مصلح الفيفي and يحيى حسين الفيفي: one family, two people
    last_a, last_b = fold_ar(a[-1].casefold()), fold_ar(b[-1].casefold())
    return last_a == last_b or skeleton_ar(last_a) == skeleton_ar(last_b)
