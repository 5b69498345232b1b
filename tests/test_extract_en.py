"""English wire-style attribution, on text written for these tests."""

from __future__ import annotations

import pytest

from verify.extract import extract, extract_claims
from verify.models import ClaimKind, Dateline

Q, T, R, S = ClaimKind.QUOTE, ClaimKind.TERM, ClaimKind.REPORTED, ClaimKind.STATEMENT

WIRE = """GENEVA (Reuters) - U.N. envoy Staffan de Mistura opened a new round of Syria talks on Monday, the seventh since 2016, with 12 delegations present.
"We are not expecting breakthroughs, but we want to see progress," de Mistura told reporters. "The situation is fragile."
He said the de-escalation zones agreed in Astana were "temporary" and should not divide Syria.
Russia's ambassador Alexei Borodavkin said: "We support the envoy's plans fully."
"This is an important step," said Borodavkin, a veteran diplomat, adding that the talks could last two weeks.
According to a senior Western diplomat, the opposition delegation arrived late on Sunday.
"We will not accept any preconditions," Nasr al-Hariri, head of the opposition delegation, told Reuters. "Our people have suffered enough.
"We came to negotiate in good faith," he added.
The Russian Foreign Ministry said in a statement that Moscow welcomed the talks.
The ministry said it expected the next round to begin in September.
Iran's Foreign Minister Mohammad Javad Zarif was quoted by the IRNA news agency as saying that Tehran backed the process.
The talks don't have a deadline, officials said.
"""  # noqa: E501


@pytest.fixture(scope="module")
def claims():
    return extract_claims(WIRE)


def one(claims, kind, body):
    found = [c for c in claims if c.kind == kind and c.text == body]
    assert len(found) == 1, [(str(c.kind), c.text) for c in claims]
    claim = found[0]
    assert WIRE[claim.start:claim.end] == body
    return claim


def who(claim):
    return claim.speaker, claim.speaker_mention, claim.cue, claim.via


def test_language_and_dateline():
    result = extract(WIRE)
    assert result.lang == "en"
    assert result.dateline == Dateline("GENEVA", "Reuters", 0, len("GENEVA (Reuters) -"))


def test_quote_then_surname_and_verb(claims):
    claim = one(claims, Q, "We are not expecting breakthroughs, but we want to see progress,")
    assert who(claim) == ("Staffan de Mistura", "de Mistura", "told", None)


def test_uncued_quote_continues_the_speaker(claims):
    claim = one(claims, Q, "The situation is fragile.")
    assert claim.speaker == "Staffan de Mistura"
    assert claim.flags == ("speaker_inferred",)


def test_pronoun_and_reported_speech_without_that(claims):
    claim = one(claims, R,
                'the de-escalation zones agreed in Astana were "temporary" and should not '
                "divide Syria")
    assert who(claim) == ("Staffan de Mistura", "He", "said", None)
    assert claim.flags == ("speaker_inferred",)
    term = one(claims, T, "temporary")
    assert term.speaker == "Staffan de Mistura"


def test_colon_cue_and_title_before_name(claims):
    claim = one(claims, Q, "We support the envoy's plans fully.")
    assert who(claim) == ("Alexei Borodavkin", "Russia's ambassador Alexei Borodavkin", "said",
                          None)


def test_said_x_and_participle(claims):
    assert who(one(claims, Q, "This is an important step,"))[:3] == (
        "Alexei Borodavkin", "Borodavkin", "said")
    assert who(one(claims, R, "the talks could last two weeks"))[:3] == (
        "Alexei Borodavkin", "Borodavkin", "adding")


def test_according_to_unnamed_source(claims):
    claim = one(claims, R, "the opposition delegation arrived late on Sunday")
    assert who(claim) == ("a senior Western diplomat", "a senior Western diplomat",
                          "According to", None)


def test_told_reuters_is_the_via_and_quotes_run_over_paragraphs(claims):
    first = one(claims, Q, "We will not accept any preconditions,")
    assert who(first) == ("Nasr al-Hariri", "Nasr al-Hariri", "told", "Reuters")
    second = one(claims, Q, "Our people have suffered enough.")
    third = one(claims, Q, "We came to negotiate in good faith,")
    assert second.speaker == third.speaker == "Nasr al-Hariri"
    assert third.flags[0] == "continues_paragraph"
    assert (second.paragraph, third.paragraph) == (6, 7)


def test_organisation_and_its_short_reference(claims):
    assert one(claims, R, "Moscow welcomed the talks").speaker == "Russian Foreign Ministry"
    claim = one(claims, R, "it expected the next round to begin in September")
    assert who(claim)[:2] == ("Russian Foreign Ministry", "The ministry")


def test_quoted_by_an_agency(claims):
    claim = one(claims, R, "Tehran backed the process")
    assert who(claim) == ("Mohammad Javad Zarif", "Iran's Foreign Minister Mohammad Javad Zarif",
                          "quoted", "IRNA")


def test_reported_speech_before_the_cue(claims):
    claim = one(claims, R, "The talks don't have a deadline")
    assert who(claim)[:3] == ("officials", "officials", "said")


def test_statement_after_the_dateline(claims):
    statement = claims[0]
    assert statement.kind == S
    assert statement.text.startswith("U.N. envoy Staffan de Mistura opened")
    assert statement.sentence == 0


def test_apostrophes_are_not_quotes(claims):
    assert not [c for c in claims if c.kind in (Q, T) and "'" in c.text and c.text.startswith(
        "s ")]
    assert all(c.text != "s plans fully." for c in claims)


def test_she_resolves_to_a_woman_named_earlier():
    text = ('Ms. Maria Zakharova, the ministry spokeswoman, told a briefing that the claims '
            'were false.\n"We have seen no evidence," she said.')
    claim = [c for c in extract_claims(text) if c.kind == Q][0]
    assert claim.text == "We have seen no evidence,"
    assert claim.speaker == "Maria Zakharova"
    assert claim.speaker_mention == "she"


def test_newspaper_wrote():
    text = ('The newspaper Al-Watan wrote that the project would cost 3 billion riyals.\n'
            'The paper said the work would start in 2016.')
    claims = [c for c in extract_claims(text) if c.kind == R]
    assert [(c.text, c.speaker) for c in claims] == [
        ("the project would cost 3 billion riyals", "Al-Watan"),
        ("the work would start in 2016", "Al-Watan")]


def test_model_name_that_is_not_installed_falls_back_to_blank():
    claims = extract_claims('"We will win," he said.', lang="en", model="en_core_web_sm")
    assert [c.text for c in claims] == ["We will win,"]


SECOND = """WASHINGTON, July 5 (AP) — The Treasury Department said on Tuesday that it would sell $24 billion in new bonds next week.
"The market is stable," said John Smith, the department's chief economist. "We see no reason for concern."
Smith told the BBC that he would not resign.
According to the ministry, 12 people were killed in the attack on Monday.
Police said three men were arrested near the border.
Mary Jones, a spokeswoman for the ministry, said: "We have opened an investigation."
"Why would we leave?" asked the mayor, Tom Brown.
"""  # noqa: E501


def test_second_wire():
    result = extract(SECOND)
    assert result.dateline == Dateline("WASHINGTON", "AP", 0, len("WASHINGTON, July 5 (AP) —"))
    got = [(str(c.kind), c.text, c.speaker, c.cue, c.via) for c in result.claims]
    assert got == [
        ("reported", "it would sell $24 billion in new bonds next week", "Treasury Department",
         "said", None),
        ("quote", "The market is stable,", "John Smith", "said", None),
        ("quote", "We see no reason for concern.", "John Smith", None, None),
        ("reported", "he would not resign", "John Smith", "told", "BBC"),
        ("reported", "12 people were killed in the attack on Monday", "the ministry",
         "According to", None),
        ("reported", "three men were arrested near the border", "Police", "said", None),
        ("quote", "We have opened an investigation.", "Mary Jones", "said", None),
        ("quote", "Why would we leave?", "Tom Brown", "asked", None),
    ]


def test_extract_claims_is_importable_from_the_package_without_a_database() -> None:
    from verify import extract_claims as top

    claims = top('"The bridge will open in May," the mayor said.', "en")
    assert [(str(c.kind), c.text) for c in claims if str(c.kind) == "quote"] == [
        ("quote", "The bridge will open in May,")]
