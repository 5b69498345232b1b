"""Judging matches: relations from word differences, names, flags and origin."""

from __future__ import annotations

import pytest

from verify.consistency import (
    Source,
    classify_difference,
    describe_diff,
    differing_spans,
    is_matchable,
    judge_claim,
    judge_relation,
    name_key,
    same_person,
)
from verify.models import Flag, Match, Relation, WordDiff


@pytest.mark.parametrize(
    ("op", "claim", "other", "kind"),
    [
        ("replace", "15", "20", "number"),
        ("insert", "", "لن", "negation"),
        ("delete", "لم", "", "negation"),
        ("replace", "ستبدا", "لن تبدا", "negation"),
        ("replace", "will", "will not", "negation"),
        ("insert", "", "don t", "negation"),
        ("replace", "ثلاثه", "خمسه", "number"),
        ("replace", "ميستورا", "مستورا", "spelling"),
        ("replace", "قال", "وقال", "spelling"),
        ("insert", "", "ايضا", "function"),
        ("delete", "the", "", "function"),
        ("replace", "ستبدا", "ستنطلق", "content"),
        ("insert", "", "غدا", "content"),
    ],
)
def test_classify_difference(op: str, claim: str, other: str, kind: str) -> None:
    assert classify_difference(op, claim.split(), other.split()) == kind


def diff(*items: tuple[str, str, str, str]) -> tuple[WordDiff, ...]:
    return tuple(WordDiff(*item) for item in items)


@pytest.mark.parametrize(
    ("claim", "other", "ops", "truncated", "fragment", "relation"),
    [
        ("«قال كذا»", "\"قال  كذا\"", (), False, False, Relation.EXACT),
        ("إنّ الجولةَ", "إن الجولة", (), False, False, Relation.NORMALIZED),
        ("a b", "a also b", diff(("insert", "", "also", "function")), False, False, Relation.VARIANT),
        ("a 1", "a 2", diff(("replace", "1", "2", "number")), False, False, Relation.ALTERED),
        ("a b c", "a b", (), True, False, Relation.PARTIAL),
        ("a b", "a b", (), False, True, Relation.PARTIAL),
    ],
)
def test_judge_relation(claim, other, ops, truncated, fragment, relation) -> None:
    assert judge_relation(claim, other, ops, truncated=truncated, fragment=fragment) is relation


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("دي ميستورا", "ستافان دي ميستورا", True),
        ("ستافان دي ميستورا", "ستيفان دي مستورا", True),
        ("دي ميستورا", "ستيفان دي مستورا", True),
        ("Staffan de Mistura", "Stefan de Mistura", True),
        ("de Mistura", "Staffan de Mistura", True),
        ("عادل الجبير", "الجبير", True),
        ("سيرغي لافروف", "ستافان دي ميستورا", False),
        ("الملك سلمان", "محمد بن سلمان", False),
        ("عادل الجبير", "عادل فقيه", False),
        ("", "x", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def test_name_key_folds_spellings() -> None:
    assert name_key("ستافان دي ميستورا") == name_key("ستيفان دي مستورا")


def test_is_matchable() -> None:
    assert is_matchable("quote", "إن الجولة المقبلة ستبدأ")
    assert not is_matchable("quote", "داعش")
    assert not is_matchable("term", "إن الجولة المقبلة ستبدأ")
    assert is_matchable("statement", "one two three four")


def match(doc: str, relation: Relation, score: float = 100, *, speaker=None, ops=(), fragment=False) -> Match:
    return Match(doc, 0, 5, OTHER_TEXT, score, relation, diff=ops, speaker=speaker, fragment=fragment)


OTHER_TEXT = "الجولة المقبلة من المحادثات ستبدأ في العاشر بمشاركة 20 وفدا"


OWN = Source("own", "sana", "2017-07-10", "u/own")


def test_flags_and_origin() -> None:
    other = Source("b", "hayat", "2017-07-09", "u/b")
    same = Source("c", "sana", "2017-07-11", "u/c")
    carried = match("b", Relation.EXACT, speaker="ستافان دي ميستورا")
    verdict = judge_claim(OWN, "دي ميستورا", [(carried, other)])
    assert verdict.flags == (Flag.CORROBORATED,)
    assert verdict.origin == {"document_id": "b", "url": "u/b", "outlet": "hayat", "published": "2017-07-09"}
    verdict = judge_claim(OWN, None, [(match("c", Relation.EXACT), same)])
    assert verdict.flags == (Flag.UNCORROBORATED, Flag.SINGLE_SOURCE)
    assert verdict.origin["document_id"] == "own"
    assert judge_claim(OWN, None, []).flags == (Flag.UNCORROBORATED,)
    number = match("b", Relation.ALTERED, 90, ops=diff(("replace", "15", "20", "number")))
    verdict = judge_claim(OWN, None, [(number, other)])
    assert verdict.flags == (Flag.ALTERED_ELSEWHERE, Flag.NUMBER_CONFLICT)
    assert verdict.origin["document_id"] == "own"  # an altered copy does not carry it
    # The best match decides conflicts: an exact copy elsewhere outranks the altered one.
    verdict = judge_claim(OWN, None, [(number, other), (match("d", Relation.EXACT), Source("d", "x"))])
    assert verdict.flags == (Flag.CORROBORATED, Flag.ALTERED_ELSEWHERE)
    lavrov = match("b", Relation.EXACT, speaker="سيرغي لافروف")
    assert Flag.MISATTRIBUTED in judge_claim(OWN, "دي ميستورا", [(lavrov, other)]).flags
    # A user's claim: every document is another outlet.
    both = [(match("b", Relation.EXACT), other), (match("c", Relation.EXACT), same)]
    verdict = judge_claim(None, None, both)
    assert verdict.flags == (Flag.CORROBORATED,)
    verdict = judge_claim(None, None, [(match("b", Relation.VARIANT), other)])
    assert verdict.flags == (Flag.CORROBORATED, Flag.SINGLE_SOURCE)


def test_display_helpers() -> None:
    m = Match("d", 0, 12, "بمشاركة 20 وفدا", 95, Relation.ALTERED,
              diff=diff(("replace", "15", "20", "number"), ("insert", "", "لن", "negation")),
              missing_end=2)
    assert describe_diff(m) == "15 → 20; +لن; 2 words missing"
    assert differing_spans(m) == [(8, 10)]


def test_particles_missing_at_the_ends_are_a_variant_not_a_truncation() -> None:
    from verify.consistency import judge_match
    from verify.match import Alignment

    claim = "إن ما يتم تداوله عن تأجيل الدراسة غير صحيح"
    other = "يتم تداوله عن تأجيل الدراسة غير صحيح"
    alignment = Alignment(0, len(other), 0, 7, 100.0, (), missing_start=2)
    found = judge_match(claim, "d", alignment, other)
    assert found.relation is Relation.VARIANT
    assert (found.missing_start, found.missing_end) == (0, 0)
    assert found.diff == (WordDiff("delete", "ان ما", "", "function"),)
    truncated = Alignment(0, len(other), 0, 5, 100.0, (), missing_end=2)
    assert judge_match(claim, "d", truncated, other).relation is Relation.PARTIAL


def test_one_word_changed_in_a_four_word_phrase_raises_no_flag() -> None:
    other = Source("b", "hayat")
    phrase = Match("b", 0, 18, "أي دولة في العالم", 94.4, Relation.ALTERED,
                   diff=diff(("replace", "اقوي", "اي", "content")))
    assert judge_claim(OWN, None, [(phrase, other)]).flags == ()
    number = Match("b", 0, 18, "قتل 20 شخصا أمس", 90, Relation.ALTERED,
                   diff=diff(("replace", "15", "20", "number")))
    assert judge_claim(OWN, None, [(number, other)]).flags == ()
