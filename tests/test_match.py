"""The candidate index and the aligner: pure functions over texts."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.match_corpus import DOCUMENTS, QUOTE_AR
from verify.match import Matcher, NgramIndex, align, document_ngrams, prepare_text
from verify.match.index import decode_ngrams, encode_ngrams, ngram_hashes, word_key


def build(texts: dict[str, str]) -> Matcher:
    index = NgramIndex.build(
        (doc_id, seq, *document_ngrams(text)) for seq, (doc_id, text) in enumerate(texts.items(), 1)
    )
    return Matcher(index, texts.get)


TEXTS = {name: doc[2] for name, doc in DOCUMENTS.items()}


def test_word_key_drops_conjunction_and_article() -> None:
    assert word_key("والوزير") == "وزير"
    assert word_key("وقال") == "قال"
    assert word_key("للمملكة") == "مملكه" or word_key("للمملكه") == "مملكه"
    assert word_key("لا") == "لا" and word_key("ولم") == "ولم"


def test_ngrams_are_clitic_and_letter_insensitive() -> None:
    a, _ = document_ngrams("وقال الوزيرُ إنّ الجولةَ")
    b, _ = document_ngrams("قال والوزير ان الجوله")
    assert a.tolist() == b.tolist()
    hashes, positions = document_ngrams("«one»  two, thréé")
    # Word position and offset of each pair's first word in the original text.
    assert len(hashes) == 2 and positions.tolist() == [[0, 1], [1, 7]]
    assert [h.tolist() for h in decode_ngrams(*encode_ngrams(hashes, positions))] == [
        hashes.tolist(), positions.tolist()]


def test_index_candidates_exclude_and_after_seq() -> None:
    matcher = build(TEXTS)
    index = matcher.index
    query = ngram_hashes(prepare_text(QUOTE_AR).words)
    found = {index.doc_ids[c.doc] for c in index.candidates(query)}
    assert {"origin", "verbatim", "letters", "number", "negation", "truncated"} <= found
    [origin] = [c for c in index.candidates(query) if index.doc_ids[c.doc] == "origin"]
    text = TEXTS["origin"]
    assert origin.hits and all(text[off:].split()[0] in QUOTE_AR.split() for _, _, off in origin.hits)
    excluded = {index.doc_ids[c.doc] for c in index.candidates(query, exclude=[index.number["origin"]])}
    assert "origin" not in excluded
    later = {index.doc_ids[c.doc] for c in index.candidates(query, after_seq=8)}
    assert later <= {"other_speaker", "unrelated"}
    assert index.candidates(np.zeros(0, dtype=np.uint64)) == []


def test_find_every_appearance_but_the_unrelated_one() -> None:
    matcher = build(TEXTS)
    found = {f.document_id: f for f in matcher.find(QUOTE_AR, exclude=["origin"])}
    assert set(found) == {"verbatim", "letters", "variant", "word", "number", "negation",
                          "truncated", "other_speaker"}
    assert found["verbatim"].alignment.score == 100 and found["verbatim"].text == QUOTE_AR
    assert found["letters"].alignment.score == 100
    assert found["letters"].text.startswith("إنّ الجولةَ") and found["letters"].text.endswith("وفداً")
    assert found["number"].alignment.ops == (("replace", "15", "20"),)
    assert found["truncated"].alignment.missing_end == 6
    assert found["truncated"].text == "إن الجولة المقبلة من المحادثات ستبدأ في العاشر"


def test_empty_and_tiny_inputs() -> None:
    matcher = build({"a": "", "b": "كلمة"})
    assert matcher.find("") == [] and matcher.find("كلمة") == []
    assert build({}).find(QUOTE_AR) == []


WORDS = st.text(
    alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي" "abcdefghijklmnop"), min_size=2,
    max_size=7,
)
MARKS = st.sampled_from(["", "َ", "ً", "ّ"])
SEPARATORS = st.sampled_from([" ", "  ", "، ", " «", "» ", "\n\n", ": ", " - "])


@st.composite
def documents(draw):
    words = draw(st.lists(WORDS, min_size=4, max_size=40, unique_by=word_key))
    pieces, spans, position = [], [], 0
    for i, word in enumerate(words):
        word = word + draw(MARKS)
        if i:
            sep = draw(SEPARATORS)
            pieces.append(sep)
            position += len(sep)
        pieces.append(word)
        spans.append((position, position + len(word)))
        position += len(word)
    return "".join(pieces), spans


@settings(max_examples=150, deadline=None)
@given(documents(), st.data())
def test_exact_substring_aligns_at_100_with_the_right_span(doc, data) -> None:
    text, spans = doc
    first = data.draw(st.integers(0, len(spans) - 2))
    last = data.draw(st.integers(first + 1, len(spans) - 1))
    start, end = spans[first][0], spans[last][1]
    matcher = build({"d": text})
    [found] = matcher.find(text[start:end])
    assert found.alignment.score == 100
    assert (found.alignment.start, found.alignment.end) == (start, end)
    assert found.text == text[start:end]


@settings(max_examples=150, deadline=None)
@given(documents())
def test_a_reversed_sentence_never_verifies(doc) -> None:
    text, spans = doc
    words = [text[a:b] for a, b in spans]
    reversed_claim = " ".join(reversed(words))
    matcher = build({"d": text})
    assert matcher.find(reversed_claim) == []
    # Even aligned with the whole document, the aligner refuses it.
    query, prepared = prepare_text(reversed_claim), prepare_text(text)
    assert align(query, prepared) is None


def test_a_short_claim_with_another_content_word_is_another_statement() -> None:
    matcher = build({"d": "ناقش المؤتمر واقع اللغة العربية في قرية نائية أمس."})
    assert matcher.find("اللغة العربية في فرنسا") == []
    [found] = matcher.find("اللغة العربية في قرية")
    assert found.alignment.score == 100


def test_the_candidate_cap_breaks_ties_by_document_id_not_index_order() -> None:
    texts = {doc_id: f"{doc_id} - {QUOTE_AR}" for doc_id in ("d3", "d1", "d4", "d2")}
    query = ngram_hashes(prepare_text(QUOTE_AR).words)
    for order in (list(texts), sorted(texts), sorted(texts, reverse=True)):
        index = build({doc_id: texts[doc_id] for doc_id in order}).index
        kept = [index.doc_ids[c.doc] for c in index.candidates(query, max_candidates=2)]
        assert sorted(kept) == ["d1", "d2"]
        _, ranked = index.ranked_candidates(query, max_candidates=2)
        assert sorted(index.doc_ids[doc] for _, doc in ranked) == ["d1", "d2"]
