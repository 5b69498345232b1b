"""segment() applies spaCy's Sentencizer rule itself: the sentences must be spaCy's.

The reference below tokenizes with the pipeline's own tokenizer, runs a Sentencizer
built here and reads Token objects; segment() uses its own copy of the tokenizer and
reads arrays. Both then go through the same paragraph split and "د." / initial merges.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify.extract import segment as segment_module
from verify.extract.keys import fold_ar, fold_en
from verify.extract.marks import split_paragraphs
from verify.extract.segment import Sentence, Tok, load_pipeline, segment

spacy = pytest.importorskip("spacy")
from spacy.pipeline import Sentencizer  # noqa: E402


def reference(text: str, lang: str) -> list[Sentence]:
    """segment() the slow way: spaCy's tokenizer and Sentencizer, Token by Token."""
    tokenizer = load_pipeline(lang).tokenizer
    sentencizer = Sentencizer()
    fold = fold_ar if lang == "ar" else fold_en
    safe = segment_module._SURROGATE_RE.sub("\ufffd", text)
    sentences: list[Sentence] = []
    for paragraph, (lo, hi) in enumerate(split_paragraphs(text)):
        for a, b in segment_module._chunks(text, lo, hi):
            doc = sentencizer(tokenizer(safe[a:b]))
            merge = False
            current: list[Tok] = []
            for token in doc:
                if token.is_sent_start and current:
                    merge = segment_module._close(sentences, current, paragraph, merge)
                    current = []
                if token.is_space:
                    continue
                start = a + token.idx
                start, word = segment_module._visible(start, text[start:start + len(token)])
                if not word:
                    continue  # a bidi mark alone: no token
                current.append(Tok(start, start + len(word), word, fold(word)))
            if current:
                segment_module._close(sentences, current, paragraph, merge)
    return sentences


def dump(sentences: list[Sentence]) -> list[tuple]:
    return [(s.index, s.paragraph, s.start, s.end,
             [(t.start, t.end, t.text, t.key) for t in s.tokens]) for s in sentences]


def texts_of(text: str, lang: str) -> list[str]:
    return [" ".join(t.text for t in s.tokens) for s in segment(text, lang)]


def test_blank_pipeline_takes_the_fast_path() -> None:
    for lang in ("ar", "en"):
        fast = segment_module._fast_path(lang, None)
        assert fast is not None
        assert fast[1] == frozenset(Sentencizer.default_punct_chars)


MARKS = "«»“”„‟〝〞″\"＂‹›‘’'`"
PUNCT = ".!?؟۔。！？．…,،؛:;()-–—/‼⁉"
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىئؤـم" "abcdxyzABCDXYZ" "0123٠١٢"
SPACES = "  \n\t\u00a0\u200f\u202b\u202c\x00"
CHARS = st.text(alphabet=MARKS + PUNCT + LETTERS + SPACES, max_size=120)
PIECES = st.lists(st.sampled_from([
    "قال", "الوزير", "د.", "م", "ب.", ".", "؟", "!", "?", "«", "»", "“", "”", '"', "’", "‘",
    "...", "U.S.", "Mr.", "said", "e.g.", "ق.م", "(رويترز)", "12.5", "الشرطة.وقال", "ـ",
    " ", "  ", "\n", "\u200f", ":", "،", "رانية", "x",
]), max_size=40).map("".join)
WORDS = st.lists(st.sampled_from([
    "قال.", "د.", "م", "وأضاف", "«نعم.»", "لا؟", "حقا!", "“Yes.”", "Dr.", "He", "left.",
    "ماذا؟!", "!!", "..", "\n",
]), max_size=30).map(" ".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(CHARS, PIECES, WORDS), lang=st.sampled_from(["ar", "en"]))
def test_sentences_are_spacys(text: str, lang: str) -> None:
    assert dump(segment(text, lang)) == dump(reference(text, lang))


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(CHARS, PIECES, WORDS), lang=st.sampled_from(["ar", "en"]))
def test_fast_path_matches_pipeline_path(text: str, lang: str) -> None:
    """The pipeline path (kept for trained models) agrees with the fast one."""
    nlp = load_pipeline(lang)
    fold = fold_ar if lang == "ar" else fold_en
    safe = segment_module._SURROGATE_RE.sub("\ufffd", text)
    pieces = [(n, a, b) for n, (lo, hi) in enumerate(split_paragraphs(text))
              for a, b in segment_module._chunks(text, lo, hi)]
    slow = segment_module._segment_pipeline(nlp, text, safe, pieces, fold, {},
                                            bool(segment_module._INVISIBLE_RE.search(text)))
    assert dump(segment(text, lang)) == dump(slow)


def test_arabic_full_stop_after_a_word_ends_the_sentence() -> None:
    text = "قال الوزير. وأضاف المصدر"
    assert texts_of(text, "ar") == ["قال الوزير .", "وأضاف المصدر"]
    assert dump(segment(text, "ar")) == dump(reference(text, "ar"))


@pytest.mark.parametrize(("text", "sentences"), [
    ("رفع دعوى (السبت). حيث قالت", ["رفع دعوى ( السبت ) .", "حيث قالت"]),
    ("في عام 2013. ثم قال", ["في عام 2013 .", "ثم قال"]),
    ("بلغ 3.5 مليون. وقال", ["بلغ 3.5 مليون .", "وقال"]),
])
def test_full_stop_after_a_bracket_or_a_number_ends_the_sentence(text: str, sentences: list[str]) -> None:
    assert texts_of(text, "ar") == sentences
    assert dump(segment(text, "ar")) == dump(reference(text, "ar"))


def test_question_and_exclamation_marks_end_sentences() -> None:
    text = "هل حضر؟ نعم! حضر اليوم؟! ثم غادر"
    assert texts_of(text, "ar") == ["هل حضر ؟", "نعم !", "حضر اليوم ؟ !", "ثم غادر"]


def test_closing_mark_stays_with_its_sentence() -> None:
    text = "قال: «انتهى.» ثم غادر"
    assert texts_of(text, "ar") == ["قال : « انتهى . »", "ثم غادر"]


def test_doctor_abbreviation_does_not_end_a_sentence() -> None:
    # "د." is one token (a tokenizer exception): no sentence-final character at all
    text = "قال د. محمد إن الوضع جيد. وأضاف"
    sentences = segment(text, "ar")
    assert [" ".join(t.text for t in s.tokens) for s in sentences] == [
        "قال د. محمد إن الوضع جيد .", "وأضاف"]
    assert sentences[0].start == 0 and sentences[0].end == text.index("جيد.") + 4
    assert [s.index for s in sentences] == [0, 1]


def test_one_letter_abbreviation_is_glued_back() -> None:
    # "د ." and "ع." split into a letter and a full stop: spaCy's Sentencizer starts a
    # sentence after them, and segment() glues it back to the one before
    for text, words in (("قال د . محمد إن الوضع جيد. وأضاف", "قال د . محمد إن الوضع جيد ."),
                        ("قال عبد الله ع. العتيبي إن", "قال عبد الله ع . العتيبي إن")):
        doc = Sentencizer()(load_pipeline("ar").tokenizer(text))
        assert len(list(doc.sents)) >= 2
        assert texts_of(text, "ar")[0] == words
        assert dump(segment(text, "ar")) == dump(reference(text, "ar"))


def test_initial_after_a_full_stop_belongs_to_the_name() -> None:
    text = "قالت رانية. م بالقول: نعم. وانتهى"
    assert texts_of(text, "ar") == ["قالت رانية . م بالقول : نعم .", "وانتهى"]


def test_space_token_after_a_full_stop_starts_the_sentence() -> None:
    text = "قال.   وأضاف\tثم"
    sentences = segment(text, "ar")
    assert [(s.start, s.end) for s in sentences] == [(0, 4), (7, len(text))]
    assert dump(sentences) == dump(reference(text, "ar"))


def test_english_sentences() -> None:
    text = 'He said "no." Then he left! Really?? Yes. U.S. officials agreed.'
    assert dump(segment(text, "en")) == dump(reference(text, "en"))
    assert len(segment(text, "en")) == 5


def test_never_across_a_line_break_and_surrogates_kept() -> None:
    text = "قال\nالوزير \ud800. ثم"
    sentences = segment(text, "ar")
    assert [s.paragraph for s in sentences] == [0, 1, 1]
    assert sentences[1].tokens[-2].text == "\ud800"
    assert dump(sentences) == dump(reference(text, "ar"))
