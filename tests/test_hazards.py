"""Text that lies: hazard flags, flag_hazards on claims, homoglyph folding for matching."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.models import Claim, ClaimKind
from verify.text.hazards import find_hazards, flag_hazards, has_homoglyphs, open_bidi_before
from verify.text.normalize import normalize_text, normalize_with_map


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("", ()),
        ("plain ASCII text", ()),
        ("قال الوزير إن «الاقتصاد نما»", ()),
        ("Путин сказал", ()),  # honest Cyrillic
        ("Αθήνα", ()),  # honest Greek
        ("Vladimir Putin and Владимир Путин", ()),  # scripts side by side, not mixed
        ("café naïve", ()),
        ("abc\u202eevil", ("bidi_controls",)),
        ("abc\u202adef\u202c", ("bidi_controls",)),
        ("\u2066isolate\u2069", ("bidi_controls",)),
        ("mark\u200e", ("bidi_controls",)),
        ("mark\u200f", ("bidi_controls",)),
        ("قال\u061c", ("bidi_controls",)),
        ("zero\u200bwidth", ("zero_width",)),
        ("non\u200cjoiner", ("zero_width",)),
        ("joiner\u200d", ("zero_width",)),
        ("word\u2060joiner", ("zero_width",)),
        ("\ufeffBOM", ("zero_width",)),
        ("Pоutine", ("homoglyphs",)),  # Cyrillic о
        ("PΟUTINE", ("homoglyphs",)),  # Greek Ο
        ("Рutin", ("homoglyphs",)),  # Cyrillic Р
        ("الوزيرa", ("homoglyphs",)),  # Latin letter in an Arabic word
        ("الوزиر", ("homoglyphs",)),  # Cyrillic letter in an Arabic word
        ("Pоutine\u202e\u200b", ("bidi_controls", "homoglyphs", "zero_width")),
    ],
)
def test_find_hazards(text: str, flags: tuple[str, ...]) -> None:
    assert find_hazards(text) == flags


@given(st.text())
def test_find_hazards_never_raises_and_is_sorted(text: str) -> None:
    flags = find_hazards(text)
    assert list(flags) == sorted(set(flags))
    assert set(flags) <= {"bidi_controls", "homoglyphs", "zero_width"}


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_is_never_hazardous(text: str) -> None:
    assert find_hazards(text) == ()


def test_homoglyphs_needs_a_mixed_word() -> None:
    assert has_homoglyphs("Pоutine")
    assert not has_homoglyphs("Putin Путин")


@pytest.mark.parametrize(
    ("text", "position", "open_"),
    [
        ("a \u202e b «quote»", 6, True),
        ("a \u202e b \u202c «quote»", 8, False),
        ("a \u2067 b «quote»", 6, True),
        ("a \u2067 b \u2069 «quote»", 8, False),
        ("a \u202e b\n«quote»", 6, False),  # the override ends with its line
        ("no controls «quote»", 12, False),
    ],
)
def test_open_bidi_before(text: str, position: int, open_: bool) -> None:
    assert open_bidi_before(text, position) is open_


def claim_at(text: str, part: str, *, flags: tuple[str, ...] = ()) -> Claim:
    start = text.index(part)
    end = start + len(part)
    return Claim(ClaimKind.QUOTE, start, end, text[start:end], normalize_text(part), flags=flags)


def test_flag_hazards_appends_flags_with_replace() -> None:
    text = "قال الوزير: «كلام\u200b صادق». Then «Pоutine spoke». And «clean»."
    claims = [
        claim_at(text, "كلام\u200b صادق", flags=("unbalanced_marks",)),
        claim_at(text, "Pоutine spoke"),
        claim_at(text, "clean"),
    ]
    flagged = flag_hazards(claims, text)
    assert [c.flags for c in flagged] == [
        ("unbalanced_marks", "zero_width"),
        ("homoglyphs",),
        (),
    ]
    assert flagged[2] is claims[2]  # untouched claims are the same objects
    assert flagged[0] == replace(claims[0], flags=("unbalanced_marks", "zero_width"))
    assert [c.flags for c in claims] == [("unbalanced_marks",), (), ()]  # inputs unchanged


def test_flag_hazards_sees_an_override_opened_before_the_claim() -> None:
    text = "He said \u202e«the deal is off»"
    claim = claim_at(text, "the deal is off")
    assert find_hazards(claim.text) == ()
    assert flag_hazards([claim], text)[0].flags == ("bidi_controls",)


def test_flag_hazards_does_not_repeat_a_flag() -> None:
    text = "«Pоutine»"
    claim = claim_at(text, "Pоutine", flags=("homoglyphs",))
    assert flag_hazards([claim], text)[0].flags == ("homoglyphs",)


# --- homoglyphs fold to Latin for matching --------------------------------------------------


@pytest.mark.parametrize(
    ("disguised", "plain"),
    [
        ("Pоutine", "poutine"),  # Cyrillic о
        ("Рutin", "putin"),  # Cyrillic Р
        ("сеаr", "cear"),  # Cyrillic с, е, а
        ("ехрорt", "expopt"),  # Cyrillic р is a Latin p, whatever it stood for
        ("јоѕе", "jose"),
        ("іrаn", "iran"),
        ("ΑΤΗΕΝΣ", "atheνσ"),  # Greek capitals (Ν and Σ are left alone)
        ("ΤΟΚΥΟ", "tokyo"),
        ("Κenya", "kenya"),
    ],
)
def test_confusables_fold_to_latin(disguised: str, plain: str) -> None:
    assert normalize_text(disguised) == plain


def test_confusables_keep_case_folding_consistent() -> None:
    assert normalize_text("ОКНО") == normalize_text("окно")
    assert normalize_text("ΑΘΗΝΑ") == normalize_text("αθηνα")


def test_confusables_keep_offsets() -> None:
    text = "He said «Pоutine met Рutin»"
    mapped = normalize_with_map(text)
    assert mapped.text == normalize_text(text)
    start = mapped.text.index("putin")
    assert mapped.to_original(start, start + 5) == (text.index("Рutin"), text.index("Рutin") + 5)


def test_micro_sign_is_not_folded_to_m() -> None:
    # 5 µg and 5 mg are different quantities: no confusable folding for µ or μ.
    assert normalize_text("5 µg") != normalize_text("5 mg")


def test_disguised_quote_aligns_with_plain_one() -> None:
    from verify.match.align import align, prepare_text

    plain = "President Putin said the talks in Geneva were constructive"
    disguised = plain.replace("P", "Р").replace("o", "о").replace("a", "а")
    alignment = align(prepare_text(plain), prepare_text(f"Earlier today: {disguised}. More."))
    assert alignment is not None and alignment.score == 100


# --- reports show invisible characters --------------------------------------------------------


@pytest.mark.parametrize(
    "char", ["\u202e", "\u2067", "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060",
             "\ufeff"],
)
def test_reports_show_invisible_characters(char: str) -> None:
    from verify.report import escape_md

    shown = escape_md(f"قال{char}الوزير")
    assert char not in shown
    assert f"⟨U+{ord(char):04X}⟩" in shown


def test_flag_hazards_on_one_long_line() -> None:

    sentence = "قال الوزير إن «الاقتصاد نما» \u202bو\u202c "
    text = sentence * 50_000  # 1.7 MB on one line, 50,000 claims
    step = len(sentence)
    offset = sentence.index("الاقتصاد")
    claims = [
        Claim(ClaimKind.QUOTE, i * step + offset, i * step + offset + 11,
              text[i * step + offset:i * step + offset + 11], "")
        for i in range(50_000)
    ]
    flagged = flag_hazards(claims, text)
    assert all(c.flags == () for c in flagged)


@given(st.text(alphabet=st.sampled_from(list("ab \n\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")),
               max_size=40), st.data())
def test_open_bidi_before_agrees_with_a_scan_of_the_line(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    line = text[text.rfind("\n", 0, position) + 1:position]
    embeddings = isolates = 0
    for char in line:
        if char in "\u202a\u202b\u202d\u202e":
            embeddings += 1
        elif char == "\u202c":
            embeddings = max(0, embeddings - 1)
        elif char in "\u2066\u2067\u2068":
            isolates += 1
        elif char == "\u2069":
            isolates = max(0, isolates - 1)
    assert open_bidi_before(text, position) is (embeddings > 0 or isolates > 0)


def test_extraction_flags_a_quotation_with_a_bidi_override() -> None:
    from verify.extract import extract_claims

    text = "قال الوزير إن «الاجتماع \u202eكان مثمراً\u202c جداً وسنواصل العمل مع شركائنا» في ختام الزيارة.\n"
    [quote] = [c for c in extract_claims(text, lang="ar") if str(c.kind) == "quote"]
    assert "bidi_controls" in quote.flags
    assert text[quote.start:quote.end] == quote.text
    clean = extract_claims(text.replace("\u202e", "").replace("\u202c", ""), lang="ar")
    assert all("bidi_controls" not in c.flags for c in clean)


def _script_by_ranges(char: str) -> str | None:
    """The reference: a character's script by its code point ranges, one by one."""
    code = ord(char)
    ranges = {
        "latin": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)),
        "cyrillic": ((0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)),
        "greek": ((0x370, 0x3FF), (0x1F00, 0x1FFF)),
        "arabic": ((0x600, 0x6FF), (0x750, 0x77F), (0x870, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    }
    for name, spans in ranges.items():
        if any(low <= code <= high for low, high in spans):
            return name
    return None


LETTERS = st.sampled_from("abcXYZéżоаеΑοβجمعةلاأﻻЖ") | st.characters()


@given(st.text(LETTERS, max_size=12))
def test_mixed_word_agrees_with_a_character_by_character_reference(word: str) -> None:
    from verify.text.hazards import _mixed_word

    scripts = {_script_by_ranges(ch) for ch in word}
    expected = ("arabic" in scripts and bool(scripts & {"latin", "cyrillic"})) or (
        "latin" in scripts and bool(scripts & {"cyrillic", "greek"}))
    assert _mixed_word(word) == expected
