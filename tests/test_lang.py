"""Tests for verify.text.lang: language by script and function words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.text import detect_language, script_of
from verify.text.lang import SAMPLE_CHARS

ARABIC = "وقال دي ميستورا في مؤتمر صحفي إن الجولة السابعة من الحوار ستركز على مكافحة الإرهاب."
ENGLISH = "The envoy said on Monday that the talks in Geneva were useful and that he is hopeful."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ARABIC, "ar"),
        ("ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", "ar"),  # presentation forms
        ("قال الأمين العام للأمم المتحدة António Guterres إن الوضع خطير", "ar"),
        ("این یک متن فارسی است که برای آزمایش نوشته شده و گفتگو و پژوهش چگونه است", "fa"),
        ("یہ ایک اردو جملہ ہے جس میں کچھ الفاظ ہیں اور بڑے چھوٹے", "ur"),
        ("قال جورج إن المدينة گ جميلة جدا", "ar"),  # a Persian letter in an Arabic text
        ("پرچم گچ پژوهش چگونه الجامعة", "ar"),  # Persian letters, but ة
        (ENGLISH, "en"),
        ("Le ministre a déclaré que les discussions étaient utiles pour la paix.", "fr"),
        ("El ministro dijo que las conversaciones en Ginebra fueron útiles para la paz.", "es"),
        ("Der Minister sagte, dass die Gespräche in Genf nützlich für die Zukunft sind.", "de"),
        (f"{ENGLISH} (قال الوزير)", "en"),
        ("Staffan de Mistura", "und"),  # too few function words to tell
        ("Привет, мир! Как дела?", "und"),
        ("東京は日本の首都です", "und"),
        ("۱۲۳ - 456 !!", None),
        ("« » ... 2015", None),
        ("", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_only_the_first_characters_count() -> None:
    text = ENGLISH * (SAMPLE_CHARS // len(ENGLISH) + 1) + ARABIC * 1000
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        ("ا", "Arab"),
        ("ی", "Arab"),
        ("ﻻ", "Arab"),
        ("a", "Latn"),
        ("É", "Latn"),
        ("я", "Cyrl"),
        ("α", "Grek"),
        ("א", "Hebr"),
        ("東", "Hani"),
        ("1", None),
        ("٣", None),
        (".", None),
        ("«", None),
        (" ", None),
        ("\u064e", None),  # a haraka is not a letter
    ],
)
def test_script_of(char: str, expected: str | None) -> None:
    assert script_of(char) == expected


@pytest.mark.parametrize("text", ["", "ab"])
def test_script_of_takes_one_character(text: str) -> None:
    with pytest.raises(ValueError, match="one character"):
        script_of(text)


@given(st.text())
def test_detect_language_answers_anything(text: str) -> None:
    assert detect_language(text) in {None, "und", "ar", "fa", "ur", "en", "fr", "es", "de"}
    assert detect_language(text) == detect_language(text[:SAMPLE_CHARS])
