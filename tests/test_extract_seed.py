"""The seed document, pinned claim by claim (offsets checked against the text)."""

from __future__ import annotations

import pytest

from verify.extract import extract, extract_claims
from verify.models import ClaimKind, Dateline

DE_MISTURA = "ستافان دي ميستورا"
BORODAVKIN = "أليكسي بورودافكين"
Q, T, R, S = ClaimKind.QUOTE, ClaimKind.TERM, ClaimKind.REPORTED, ClaimKind.STATEMENT


def between(text: str, before: str, after: str) -> tuple[int, int]:
    """Offsets of the text between two anchors that each occur once."""
    assert text.count(before) == 1, before
    start = text.index(before) + len(before)
    end = text.index(after, start)
    return start, end


@pytest.fixture
def claims(seed_text):
    return extract_claims(seed_text)


def find(claims, kind, start, end):
    matches = [c for c in claims if c.kind == kind and (c.start, c.end) == (start, end)]
    assert len(matches) == 1, (kind, start, end, [(c.kind, c.start, c.end) for c in claims])
    return matches[0]


# kind, before, after, speaker, mention, cue, via, flags
QUOTED = [
    (Q, "بورودافكين قوله إن “", "” مشيرا", BORODAVKIN, "بورودافكين", "ونقلت", "نوفوستي", ()),
    (Q, "وقال دي ميستورا “", "”.\nوأضاف", DE_MISTURA, "دي ميستورا", "وقال", None, ()),
    (Q, "وأضاف إن ” ", " ” لافتاً", DE_MISTURA, None, "وأضاف", None,
     ("unbalanced_marks", "speaker_inferred")),
    (Q, "التصعيد وقال “", "″.\nولفت", DE_MISTURA, "دي ميستورا", "وقال", None,
     ("unbalanced_marks",)),
    (Q, "الاتفاق بأنه “", "”.\nوبين", DE_MISTURA, "دي ميستورا", "واصفاً", None, ()),
    (T, "بـ “", "”.\nبدوره", "منصة موسكو", "منصة موسكو", "ووصفتها", None, ()),
    (T, "عملية “", "” يجب", DE_MISTURA, "المبعوث الخاص", "وأكد", None, ()),
    (T, "من “", "” بالإضافة", None, None, None, None, ()),
]


@pytest.mark.parametrize(("kind", "before", "after", "speaker", "mention", "cue", "via", "flags"),
                         QUOTED, ids=[f"{k}-{i}" for i, (k, *_) in enumerate(QUOTED)])
def test_quoted_spans(seed_text, claims, kind, before, after, speaker, mention, cue, via, flags):
    start, end = between(seed_text, before, after)
    claim = find(claims, kind, start, end)
    assert claim.text == seed_text[start:end]
    assert (claim.speaker, claim.speaker_mention, claim.cue, claim.via) == (
        speaker, mention, cue, via)
    assert claim.flags == flags


def test_exactly_five_quotes_and_three_terms(claims):
    assert sum(c.kind == Q for c in claims) == 5
    assert sum(c.kind == T for c in claims) == 3


def test_quote_four_keeps_the_resolution_number(seed_text, claims):
    quote = next(c for c in claims if c.kind == Q and c.text.startswith("هذا يعني"))
    assert quote.text.endswith("مجلس الأمن” 2254")


REPORTED = [
    ("دي ميستورا في تصريح للصحفيين ب", ".\nمن جهة", DE_MISTURA, "وتعهد", None),
    ("منصة موسكو أعلنت في وقت سابق اليوم عن ", " ووصفتها", "منصة موسكو", "أعلنت", None),
    ("بورودافكين أن ", ".\nونقلت", BORODAVKIN, "أعلن", None),
    ("مشيرا إلى أن ", ".\nوفي مؤتمر", BORODAVKIN, "مشيرا", "نوفوستي"),
    ("أكد دي ميستورا ", ".\nوقال", DE_MISTURA, "أكد", None),
    ("لافتاً إلى أن ", " “.", DE_MISTURA, "لافتاً", None),
    ("وأكد المبعوث الخاص أن ", ".\nوأشار", DE_MISTURA, "وأكد", None),
    ("إلى أنه ", ".\nواعتبر", DE_MISTURA, "وأشار", None),
    ("واعتبر دي ميستورا أن ", " وقال", DE_MISTURA, "واعتبر", None),
    ("ولفت دي ميستورا إلى أن ", " واصفاً", DE_MISTURA, "ولفت", None),
    ("وبين دي ميستورا أن ", ".\nجنيف", DE_MISTURA, "وبين", None),
]


@pytest.mark.parametrize(("before", "after", "speaker", "cue", "via"), REPORTED,
                         ids=[f"reported-{i}" for i in range(len(REPORTED))])
def test_reported_speech(seed_text, claims, before, after, speaker, cue, via):
    start, end = between(seed_text, before, after)
    claim = find(claims, R, start, end)
    assert (claim.speaker, claim.cue, claim.via) == (speaker, cue, via)


def test_reported_cues_are_the_listed_verbs(claims):
    cues = {c.cue for c in claims if c.kind == R}
    for verb in ("أكد", "أشار", "اعتبر", "لفت", "بين", "أعلن", "تعهد"):
        assert any(verb in cue for cue in cues), verb


def test_every_quotation_speaker_is_a_full_name(claims):
    speakers = {c.speaker for c in claims if c.kind == Q}
    assert speakers == {DE_MISTURA, BORODAVKIN}


def test_statements_are_the_meeting_sentences(seed_text, claims):
    statements = [c for c in claims if c.kind == S]
    assert [c.sentence for c in statements] == [0, 2, 3, 4]
    assert statements[0].text.startswith("عقد وفد الجمهورية")
    assert all(c.speaker is None and c.cue is None for c in statements)


def test_dateline_is_the_closing_stamp(seed_text):
    result = extract(seed_text)
    assert result.lang == "ar"
    start = seed_text.rindex("جنيف- سانا")
    assert result.dateline == Dateline("جنيف", "سانا", start, start + len("جنيف- سانا"))
    assert all(c.via != "سانا" for c in result.claims)


def test_offsets_sentences_and_paragraphs(seed_text, claims):
    lines = seed_text.split("\n")
    line_starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    for claim in claims:
        assert seed_text[claim.start:claim.end] == claim.text
        assert line_starts[claim.paragraph] <= claim.start
        # one sentence per line in the seed
        assert claim.sentence == claim.paragraph
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_normalized_uses_normalize_text(claims):
    from verify.text.normalize import normalize_text

    for claim in claims:
        assert claim.normalized == normalize_text(claim.text)
