"""Arabic attribution rules, on news text written for these tests."""

from __future__ import annotations

import pytest

from verify.extract import extract, extract_claims
from verify.models import ClaimKind, Dateline

Q, T, R, S = ClaimKind.QUOTE, ClaimKind.TERM, ClaimKind.REPORTED, ClaimKind.STATEMENT


def one(text: str, kind: ClaimKind, body: str):
    """The single claim of a kind whose text is ``body``; its offsets must point at it."""
    found = [c for c in extract_claims(text, lang="ar") if c.kind == kind and c.text == body]
    assert len(found) == 1, [(str(c.kind), c.text) for c in extract_claims(text, lang="ar")]
    claim = found[0]
    assert text[claim.start:claim.end] == body
    return claim


def who(claim):
    return claim.speaker, claim.speaker_mention, claim.cue, claim.via


def test_verb_subject_order_with_title_before_name():
    text = "وقال وزير الخارجية عادل الجبير إن «المملكة ماضية في دعم الشرعية حتى النهاية»."
    claim = one(text, Q, "المملكة ماضية في دعم الشرعية حتى النهاية")
    assert who(claim) == ("عادل الجبير", "وزير الخارجية عادل الجبير", "وقال", None)


def test_surname_reference_resolves_to_full_name():
    text = ("وقال وزير الخارجية عادل الجبير إن الحل السياسي ممكن.\n"
            "وأضاف الجبير أن المشاورات ستستمر الأسبوع المقبل في الرياض.")
    claim = one(text, R, "المشاورات ستستمر الأسبوع المقبل في الرياض")
    assert who(claim) == ("عادل الجبير", "الجبير", "وأضاف", None)
    assert claim.paragraph == 1


def test_colon_cue():
    text = "وقالت المتحدثة باسم الوزارة مريم الأحمد: «لن نقبل بأي تأخير في المشروع»."
    claim = one(text, Q, "لن نقبل بأي تأخير في المشروع")
    assert who(claim) == ("مريم الأحمد", "المتحدثة باسم الوزارة مريم الأحمد", "وقالت", None)


def test_participles_continue_the_speaker():
    text = ("وأكد المدير العام للشركة سامي الحربي أن الميزانية متوازنة، مشيراً إلى أن العجز "
            "تراجع بنسبة 5 في المئة، ومضيفاً أن الإنفاق سيرتفع العام المقبل.")
    claims = [c for c in extract_claims(text) if c.kind == R]
    assert [(c.text, c.cue) for c in claims] == [
        ("الميزانية متوازنة", "وأكد"),
        ("العجز تراجع بنسبة 5 في المئة", "مشيراً"),
        ("الإنفاق سيرتفع العام المقبل", "ومضيفاً"),
    ]
    assert {c.speaker for c in claims} == {"سامي الحربي"}


def test_describing_participle_introduces_a_quote():
    text = ("ولفت الوزير خالد الفالح إلى أن الاتفاق شمل عشر دول، واصفاً الاتفاق بأنه "
            "«خطوة مهمة نحو استقرار السوق»")
    claim = one(text, Q, "خطوة مهمة نحو استقرار السوق")
    assert who(claim)[:3] == ("خالد الفالح", "الوزير خالد الفالح", "واصفاً")


def test_relay_through_an_agency():
    text = ("ونقلت وكالة إنترفاكس عن المندوب الروسي فاسيلي نيبينزيا قوله إن «موسكو لن تسمح "
            "بتمرير القرار»")
    claim = one(text, Q, "موسكو لن تسمح بتمرير القرار")
    assert who(claim) == ("فاسيلي نيبينزيا", "المندوب الروسي فاسيلي نيبينزيا", "ونقلت",
                          "وكالة إنترفاكس")


@pytest.mark.parametrize(("text", "body", "via"), [
    ("وقال مدير الشركة خالد العمري لـ«الحياة» إن «الأرباح تضاعفت هذا العام»",
     "الأرباح تضاعفت هذا العام", "الحياة"),
    ("وأوضح رئيس البلدية فهد السالم في تصريح لصحيفة «الوطن» أن «المشروع سيكتمل قريبا»",
     "المشروع سيكتمل قريبا", "الوطن"),
    ("وقال المتحدث الأمني سعد القحطاني لوكالة رويترز إن «الوضع تحت السيطرة تماما»",
     "الوضع تحت السيطرة تماما", "وكالة رويترز"),
])
def test_outlet_interviews_are_the_via(text, body, via):
    assert one(text, Q, body).via == via


def test_unnamed_source_is_a_speaker():
    text = "وقال مصدر عسكري لـ«الشرق الأوسط» إن القوات تقدمت نحو المدينة من ثلاثة محاور."
    claim = one(text, R, "القوات تقدمت نحو المدينة من ثلاثة محاور")
    assert who(claim) == ("مصدر عسكري", "مصدر عسكري", "وقال", "الشرق الأوسط")


def test_title_reference_resolves_to_the_named_person():
    text = ("التقى المبعوث الأممي إلى اليمن إسماعيل ولد الشيخ أحمد وفد الحكومة في الرياض.\n"
            "وأكد المبعوث الأممي أن المحادثات ستستأنف قريبا.")
    claim = one(text, R, "المحادثات ستستأنف قريبا")
    assert claim.speaker == "إسماعيل ولد الشيخ أحمد"
    assert claim.speaker_mention == "المبعوث الأممي"


def test_synonym_title_reference():
    text = ("أعلن ممثل روسيا لدى مجلس الأمن فاسيلي نيبينزيا رفض المشروع.\n"
            "وقال المندوب الروسي إن «بلاده ستستخدم حق النقض»")
    assert one(text, Q, "بلاده ستستخدم حق النقض").speaker == "فاسيلي نيبينزيا"


def test_verb_without_subject_continues_the_speaker():
    text = ("وقالت وزيرة التعليم نورة الفايز إن «المدارس ستفتح أبوابها في الموعد».\n"
            "وأضافت أن عدد الطلاب الجدد بلغ مليون طالب.")
    claim = one(text, R, "عدد الطلاب الجدد بلغ مليون طالب")
    assert claim.speaker == "نورة الفايز"
    assert claim.speaker_mention is None
    assert claim.flags == ("speaker_inferred",)


def test_feminine_verb_skips_a_masculine_speaker():
    text = ("وقالت الوزيرة نورة الفايز إن الخطة جاهزة.\n"
            "وقال المدير خالد العمري إن التمويل متوفر.\n"
            "وأضافت أن التنفيذ يبدأ الشهر المقبل.")
    assert one(text, R, "التنفيذ يبدأ الشهر المقبل").speaker == "نورة الفايز"


def test_subject_before_the_verb():
    text = "وكانت هيئة الطيران المدني أعلنت في وقت سابق أن الرحلات ستعود إلى طبيعتها."
    claim = one(text, R, "الرحلات ستعود إلى طبيعتها")
    assert claim.speaker == "هيئة الطيران المدني"


def test_term_framed_by_a_description_gets_the_speaker():
    text = "وكانت الحكومة أعلنت عن الاتفاق ووصفته بـ«التاريخي»."
    claim = one(text, T, "التاريخي")
    assert who(claim)[:3] == ("الحكومة", "الحكومة", "ووصفته")


def test_speaker_word_inside_reported_speech_and_editorial_labels():
    text = ("وأكد الوزير خالد الفالح أن الاتفاق «مؤقت» ولن يشمل «داعش» أو "
            "«المعارضة» المسلحة.")
    assert one(text, T, "مؤقت").speaker == "خالد الفالح"
    assert one(text, T, "داعش").speaker is None
    assert one(text, T, "المعارضة").speaker is None


def test_names_in_marks_are_terms():
    text = "أطلقت الوزارة حملة «معاً ضد التدخين في الأماكن العامة» بمشاركة صحيفة «عكاظ»."
    assert one(text, T, "معاً ضد التدخين في الأماكن العامة").speaker is None
    assert one(text, T, "عكاظ").speaker is None


def test_lost_opening_mark_after_inna():
    text = "وقال الوزير خالد الفالح إن الأمر محسوم تماما» ثم غادر القاعة."
    claim = one(text, Q, "الأمر محسوم تماما")
    assert claim.speaker == "خالد الفالح"
    assert "no_opening_mark" in claim.flags


def test_lost_opening_mark_after_anna():
    text = "وأكد المتحدث الرسمي سعد القحطاني أن العمل مستمر في الموقع» وغادر."
    claim = one(text, Q, "العمل مستمر في الموقع")
    assert (claim.speaker, claim.flags) == ("سعد القحطاني", ("no_opening_mark",))


def test_quote_running_over_paragraphs():
    text = ("وقال رئيس الوزراء: «لن نتراجع عن الإصلاحات\n"
            "«وسنواصل العمل مع شركائنا حتى النهاية»")
    first = one(text, Q, "لن نتراجع عن الإصلاحات")
    second = one(text, Q, "وسنواصل العمل مع شركائنا حتى النهاية")
    assert first.speaker == second.speaker == "رئيس الوزراء"
    assert second.flags == ("continues_paragraph",)
    assert (first.paragraph, second.paragraph) == (0, 1)


def test_postposed_source():
    text = "«الوضع الإنساني في المدينة خطير جدا»، بحسب المرصد السوري لحقوق الإنسان."
    claim = one(text, Q, "الوضع الإنساني في المدينة خطير جدا")
    assert claim.speaker == "المرصد السوري لحقوق الإنسان"
    assert claim.cue == "بحسب"


def test_preposed_source_with_person():
    text = "وبحسب الخبير الاقتصادي فضل البوعينين فإن أسعار النفط ستتعافى قبل نهاية العام."
    claim = one(text, R, "أسعار النفط ستتعافى قبل نهاية العام")
    assert claim.speaker == "فضل البوعينين"


def test_outlet_source_next_to_a_verb_is_the_via():
    text = "وبحسب وكالة الأنباء الألمانية، قال الوزير إن «المفاوضات انتهت دون اتفاق»."
    claim = one(text, Q, "المفاوضات انتهت دون اتفاق")
    assert (claim.speaker, claim.via) == ("الوزير", "وكالة الأنباء الألمانية")


def test_editorial_asides_are_not_speech():
    text = "ويذكر أن المشروع بدأ عام 2010 بتكلفة بلغت 3 مليارات ريال."
    claims = extract_claims(text)
    assert [c.kind for c in claims] == [S]


@pytest.mark.parametrize(("text", "place", "agency", "stamp"), [
    ("جنيف- سانا", "جنيف", "سانا", "جنيف- سانا"),
    ("الرياض - واس", "الرياض", "واس", "الرياض - واس"),
    ("بيروت (رويترز) -", "بيروت", "رويترز", "بيروت (رويترز) -"),
    ("القاهرة (أ ف ب) -", "القاهرة", "أ ف ب", "القاهرة (أ ف ب) -"),
])
def test_datelines(text, place, agency, stamp):
    body = "أعلنت وزارة الصحة تسجيل 12 إصابة جديدة بالفيروس يوم الأحد في المنطقة الشرقية."
    for document in (f"{text}\n{body}", f"{body}\n{text}"):
        if "(" in text and document.startswith(body):
            continue  # the parenthesised stamp opens a story
        result = extract(document)
        start = document.index(text)
        assert result.dateline == Dateline(place, agency, start, start + len(stamp))
        assert all(c.via is None for c in result.claims)


def test_statement_sentences():
    text = ("عقدت اللجنة الوزارية اجتماعها الثالث في الرياض يوم الأحد بحضور 14 وزيرا.\n"
            "ونأمل أن تكون النتائج جيدة.")
    claims = extract_claims(text)
    assert [(c.kind, c.sentence) for c in claims] == [(S, 0)]
    assert claims[0].text.endswith("بحضور 14 وزيرا")


def test_language_is_detected():
    assert extract("قال الوزير إن الاقتصاد بخير.").lang == "ar"


def test_dated_agency_line():
    stamp = "مكة المكرمة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس"
    text = f"{stamp}\nأعلنت الرئاسة العامة بدء أعمال الصيانة في 3 مواقع يوم الأحد."
    assert extract(text).dateline == Dateline("مكة المكرمة", "واس", 0, len(stamp))


# ---- fullest names, subjects and lost marks (rules of extractor version 2) ----------------



# Who speaks: each case is a sentence (or two) written for the test, the quotation,
# and the fullest name of its speaker.
SPEAKER_CASES = [
    pytest.param(
        "وصف المبعوث الدولي رامي كاسبر اتفاق الهدنة في الشمال "
        "بأنه «خطوة أولى نحو سلام دائم في المنطقة كلها».",
        "خطوة أولى نحو سلام دائم في المنطقة كلها",
        "رامي كاسبر",
        id="an_event_noun_after_the_name_is_the_object",
    ),
    pytest.param(
        "عينت الجامعة البروفسورة لينا كرمشاوي رئيسة لها.\n"
        "وقالت كرمشاوي إن «الجامعة ستفتح أبوابها لكل الطلاب المتفوقين من جميع البلدان».",
        "الجامعة ستفتح أبوابها لكل الطلاب المتفوقين من جميع البلدان",
        "لينا كرمشاوي",
        id="surname_speaker_takes_the_full_name_given_after_a_rank",
    ),
    pytest.param(
        "نشرت الصحيفة مقال طرموزي أمس.\n"
        "وقال طرموزي إن «الاقتصاد سيتعافى خلال العامين المقبلين بلا شك».",
        "الاقتصاد سيتعافى خلال العامين المقبلين بلا شك",
        "طرموزي",
        id="surname_after_a_preposition_is_not_read_as_a_full_name",
    ),
    pytest.param(
        "وتحدث المرشد الأعلى آية الله كاظم نوراني في خطاب أمس عن السجناء.\n"
        "وكتب المرشد على حسابه أن «العفو يشمل كل من لم يرتكب جرائم قتل أو تفجير».",
        "العفو يشمل كل من لم يرتكب جرائم قتل أو تفجير",
        "كاظم نوراني",
        id="rank_alone_resolves_to_the_one_person_with_that_rank",
    ),
    pytest.param(
        "وقال الفريق سالم دحبور رئيس الهيئة: «إن المشروع سينتهي قبل موعده المحدد بشهرين».",
        "إن المشروع سينتهي قبل موعده المحدد بشهرين",
        "سالم دحبور",
        id="rank_before_a_name_is_not_a_team_and_is_dropped",
    ),
    pytest.param(
        "كتب الصحفي منير قطناني مقالا عن الأزمة.\n"
        "وأشار قطناني في مقاله إلى أن «الحكومة تنفق على السياسة أكثر مما تنفق على الناس».",
        "الحكومة تنفق على السياسة أكثر مما تنفق على الناس",
        "منير قطناني",
        id="surname_subject_stops_before_where_it_was_said",
    ),
    pytest.param(
        "اللواء هاني زيدون لم يترك الأمر يمر دون تعليق إذ قال في تغريدة مع عدم ذكر اسمه "
        "«هذا كلام لا يستحق الرد عليه من أي مسؤول».",
        "هذا كلام لا يستحق الرد عليه من أي مسؤول",
        "هاني زيدون",
        id="titled_name_opening_the_sentence_speaks_for_a_later_bare_verb",
    ),
    pytest.param(
        "وافتتح المعرض أمس في الدمام.وقال مدير المعرض سامي العتيبي إن «الإقبال فاق "
        "التوقعات هذا العام»",
        "الإقبال فاق التوقعات هذا العام",
        "سامي العتيبي",
        id="sentence_glued_by_a_full_stop_still_ends",
    ),
    pytest.param(
        "سلمى.ر، من سكان الحي القديم، تقول إنها تنتظر الكهرباء منذ الصباح وتقول: "
        "«نحن نعيش بلا ماء ولا كهرباء منذ أسبوع»",
        "نحن نعيش بلا ماء ولا كهرباء منذ أسبوع",
        "سلمى.ر",
        id="name_opening_a_sentence_before_a_comma_is_the_topic",
    ),
    pytest.param(
        "ومضى القائد حمد العنزي بالقول إن الانسحاب يؤكد حقيقة واحدة، هي أن الهزيمة "
        "قريبة. وتابع \"النصر بات قريبا جدا\".",
        "النصر بات قريبا جدا",
        "حمد العنزي",
        id="verb_inside_reported_words_does_not_take_over",
    ),
    pytest.param(
        "وقال سامر الحربي - والد الطفلة - إنه تقدم بشكوى رسمية.\n"
        "وأضاف والد الطفلة: «لن أتنازل عن حق ابنتي مهما طال الزمن»",
        "لن أتنازل عن حق ابنتي مهما طال الزمن",
        "سامر الحربي",
        id="dashed_apposition_is_a_title_for_later_references",
    ),
    pytest.param(
        "أعلن وزير الخارجية الفرنسي لوكا بيرنار، أمس، أنه سيزور الرياض.\n"
        "وتأتي زيارة بيرنار بعد أسابيع من المحادثات.\n"
        "وقال بيرنار \"سأبحث كل الملفات مع نظرائي\".",
        "سأبحث كل الملفات مع نظرائي",
        "لوكا بيرنار",
        id="first_name_that_looks_like_a_preposition_and_noun",
    ),
    pytest.param(
        "وقال العقيد سالم المصري إن الطريق أغلق.\n"
        "وأضاف العقيد المصري أن «الفرق ستعيد فتحه خلال ساعات قليلة».",
        "الفرق ستعيد فتحه خلال ساعات قليلة",
        "سالم المصري",
        id="nationality_word_after_a_ranked_first_name_is_the_family_name",
    ),
    pytest.param(
        "وقال الدكتور خالد العمري، الباحث والكاتب الاقتصادي: «الأسعار سترتفع في العام المقبل».\n"
        "وأشار الباحث الاقتصادي إلى أن الشركات تعاني من الديون.\n"
        "وأضاف: «مثل هذه الديون يصعب سدادها في وقت قصير».",
        "مثل هذه الديون يصعب سدادها في وقت قصير",
        "خالد العمري",
        id="field_adjective_after_a_title_is_not_a_surname_and_the_comma_title_links_back",
    ),
    pytest.param(
        "قال كيم سو يونغ رئيس بلدية المدينة أمس إنه يتوقع افتتاح الجسر الشهر المقبل.\n"
        "وقال كيم إن \"جميع الرحلات المدرسية أجلت حتى يفتتح الجسر\".",
        "جميع الرحلات المدرسية أجلت حتى يفتتح الجسر",
        "كيم سو يونغ",
        id="name_cited_by_its_first_word",
    ),
    pytest.param(
        "قال كيم سو يونغ رئيس بلدية المدينة أمس إنه يتوقع افتتاح الجسر الشهر المقبل.\n"
        "وقال كيم بحسب وكالة \"يونهاب\" \"إذا سارت الأمور كما نريد فسنفتتح الجسر قريبا\".",
        "إذا سارت الأمور كما نريد فسنفتتح الجسر قريبا",
        "كيم سو يونغ",
        id="source_phrase_after_the_subject_is_the_channel",
    ),
    pytest.param(
        "وقال الناطق الإعلامي بشرطة منطقة الجوف، إن دورية أمنية باشرت البلاغ.\n"
        "وأضاف: \"باشرت الجهات المختصة إجراءات الضبط الجنائي للجريمة\".",
        "باشرت الجهات المختصة إجراءات الضبط الجنائي للجريمة",
        "الناطق الإعلامي بشرطة منطقة الجوف",
        id="spokesman_of_a_body_after_a_preposition_is_a_description_not_a_name",
    ),
    pytest.param(
        "وانفجرت عبوة قرب محطة القطار، بحسب ما ذكرته وكالة الأناضول للأنباء. "
        "وقال والي المدينة، كمال أوزتورك، للأناضول: «نعتقد أن الانفجار عمل إرهابي مدبر».",
        "نعتقد أن الانفجار عمل إرهابي مدبر",
        "كمال أوزتورك",
        id="name_set_off_by_commas_after_a_title",
    ),
    pytest.param(
        "وقال وزير الخارجية، سامي الراشد، إن «المفاوضات ستستأنف الأسبوع المقبل في جنيف».",
        "المفاوضات ستستأنف الأسبوع المقبل في جنيف",
        "سامي الراشد",
        id="name_with_family_name_set_off_by_commas_after_a_title",
    ),
    pytest.param(
        "وجاء كلام نور الدين أرسلان غداة مقتل ستة أشخاص في المدينة.\n"
        "وقال أرسلان في تصريح صحافي: «أوجه نداء إلى الطرفين لوقف القتال فورا».",
        "أوجه نداء إلى الطرفين لوقف القتال فورا",
        "نور الدين أرسلان",
        id="compound_first_name_in_the_genitive_of_a_speech_noun",
    ),
    pytest.param(
        "قال زعيم الجماعة في رسالة نشرت على حسابها إنه يرفض وقف إطلاق النار، ونسبت الرسالة "
        "إلى عبد الكريم الزيدي قوله “المعركة مستمرة والحرب لم تنته” وكان من المقرر بدء الهدنة.",
        "المعركة مستمرة والحرب لم تنته",
        "عبد الكريم الزيدي",
        id="words_ascribed_to_someone_after_ila_with_a_speech_noun",
    ),
    pytest.param(
        "وأكدت الإمارة على لسان متحدثها الرسمي سعد بن ناصر الغامدي بأن التعليمات واضحة، مع "
        "إلزام مالكي القاعات بإضافة بند ينص على «أخذ التعهد اللازم على المستأجر بالإبلاغ فورا».",
        "أخذ التعهد اللازم على المستأجر بالإبلاغ فورا",
        "سعد بن ناصر الغامدي",
        id="body_speaking_through_the_mouth_of_its_spokesman",
    ),
    pytest.param(
        "وقال مصدر في وزارة الدفاع إن «القوات ستنسحب من المدينة خلال أيام قليلة».",
        "القوات ستنسحب من المدينة خلال أيام قليلة",
        "مصدر في وزارة الدفاع",
        id="a_body_before_inna_does_not_make_the_quotation_a_name",
    ),
    pytest.param(
        "وقال المسؤول لوكالة فرانس برس طالبا عدم كشف اسمه ان \"العمليات العسكرية تهدف الى "
        "القضاء على المخاطر\".",
        "العمليات العسكرية تهدف الى القضاء على المخاطر",
        "المسؤول",
        id="speaker_ends_at_the_outlet_he_spoke_to",
    ),
    pytest.param(
        "وبيّن الوزير سامي الراشد أن التعيينات لم تكن أساسية، وفق قوله، معلنا أن «الحزب لم "
        "يقدم بعد مقترحاته بخصوص المرشحين».",
        "الحزب لم يقدم بعد مقترحاته بخصوص المرشحين",
        "سامي الراشد",
        id="according_to_him_points_back_to_the_speaker",
    ),
    pytest.param(
        "وتحدث المرشد سالم العتيبي أمام الجنود عن الهجمات. وذكر المرشد نفسه أن هناك «مركبا "
        "يربط بين كل المنظومات في صناعات كثيرة».",
        "مركبا يربط بين كل المنظومات في صناعات كثيرة",
        "سالم العتيبي",
        id="emphatic_pronoun_after_a_title_is_not_a_name",
    ),
    pytest.param(
        "وقالت المديرة سارة الحربي إن العمل مستمر. قالت بكثير من الحماس \"هذه علامة تجارية "
        "يهتم بها الناس في كل مكان\".",
        "هذه علامة تجارية يهتم بها الناس في كل مكان",
        "سارة الحربي",
        id="manner_phrase_after_the_verb_is_not_the_speaker",
    ),
    pytest.param(
        "وقال الباحث خالد السهلي في كتابه المشهور: \"الوسيلة تأخذ حكم الغاية في كل الأحوال\".",
        "الوسيلة تأخذ حكم الغاية في كل الأحوال",
        "خالد السهلي",
        id="where_the_words_were_said_is_not_part_of_the_name",
    ),
    pytest.param(
        "وقال المتحدث الإعلامي في مكتب الاتصالات إن المنظمة تتابع الوضع. وعلى صعيد سؤال حول "
        "الميزانيات، امتنع المسؤول الإعلامي كرستيان لندمير عن الخوض في التفاصيل، وقال، "
        "\"ليست لدينا أرقام تحدد حجم النفقات المتعلقة بالفيروس\".",
        "ليست لدينا أرقام تحدد حجم النفقات المتعلقة بالفيروس",
        "كرستيان لندمير",
        id="the_one_person_named_before_a_subjectless_verb_of_the_sentence",
    ),
    pytest.param(
        "وقال محمد السليمان إن الفريق جاهز. وختم السليمان تصريحاته قائلا: «الهلال مشروع مدافع "
        "مميز في المستقبل».",
        "الهلال مشروع مدافع مميز في المستقبل",
        "محمد السليمان",
        id="object_with_a_pronoun_after_a_family_name_ends_the_subject",
    ),
    pytest.param(
        "تزامنا مع إعلان برناردينو ليون، الممثل الخاص للأمين العام، عن جولة جديدة. وأكد ليون "
        "أن «التوقيع على الاتفاق خطوة مهمة في طريق السلام».",
        "التوقيع على الاتفاق خطوة مهمة في طريق السلام",
        "برناردينو ليون",
        id="surname_beginning_with_lam_resolved_to_the_name_after_a_speech_noun",
    ),
    pytest.param(
        "وقال أدريان لودفيغ كبير الخبراء الأمنيين في الشركة إن الثغرة خطيرة. وقال لودفيغ إن "
        "«التحسينات في النسخ الحديثة تقلل الخطر كثيرا».",
        "التحسينات في النسخ الحديثة تقلل الخطر كثيرا",
        "أدريان لودفيغ",
        id="family_name_beginning_with_lam_after_a_first_name",
    ),
    pytest.param(
        "وأعلنت الهيئة الطبية العامة لجنوب العاصمة أنها وثقت مئات الحالات. ودعت الهيئة إلى «الضغط "
        "على النظام للسماح بإدخال الأدوية والمستلزمات الطبية والمواد المخبرية إلى المدينة».",
        "الضغط على النظام للسماح بإدخال الأدوية والمستلزمات الطبية والمواد المخبرية إلى المدينة",
        "الهيئة الطبية العامة لجنوب العاصمة",
        id="a_body_cited_by_its_generic_name_after_its_full_name",
    ),
    pytest.param(
        "جرى المؤتمر بين وزيري خارجية المملكة عادل الجبير، والمصري سامح شكري، وقال وزير الخارجية "
        "المصري إن المملكة على علم تام بالاجتماع، وهو ما شدد عليه الجبير، قائلاً: \"الرياض على "
        "دراية كاملة بما تقوم به القاهرة في هذا الملف\".",
        "الرياض على دراية كاملة بما تقوم به القاهرة في هذا الملف",
        "عادل الجبير",
        id="what_someone_stressed_names_him_after_the_verb_and_its_pronoun",
    ),
    pytest.param(
        "بينما أكدت المدرسة في كلية الإعلام جامعة بغداد الدكتورة سلوى الجبوري في حديثها على "
        "أن: «فرض الضرائب على جيب المواطن لا يهدف سوى إلى إشباع أصحاب الأموال».",
        "فرض الضرائب على جيب المواطن لا يهدف سوى إلى إشباع أصحاب الأموال",
        "سلوى الجبوري",
        id="a_rank_and_a_name_further_on_make_an_institution_word_a_description",
    ),
    pytest.param(
        "وقال مدير مكتب الحملة في لبنان خالد بن على الزهراني \" إن المشروع أنهى مرحلته الثالثة "
        "بنجاح \"، مشيراً إلى أنه حقق أهدافه.\nوأضاف الزهراني \" إن المشروع يوفر السكن الكريم "
        "للعائلات \".",
        "إن المشروع يوفر السكن الكريم للعائلات",
        "خالد بن على الزهراني",
        id="a_name_after_bin_even_when_it_looks_like_a_preposition",
    ),
    pytest.param(
        "وقال مصدر موثوق به في اتحاد الكرة الآسيوي إن «اللجنة ستجتمع الأسبوع المقبل». وقالت "
        "الوزارة في بيان إن «الخطة جاهزة». وأضاف المصدر أن «القرار لم يتخذ بعد».",
        "القرار لم يتخذ بعد",
        "مصدر موثوق به في اتحاد الكرة الآسيوي",
        id="the_source_points_back_to_the_unnamed_source_introduced_before",
    ),
    pytest.param(
        "وقال مسؤول أمني عراقي إن «الهجوم أسفر عن ضحايا». وأكد المسؤول الأمني نفسه أن «القوات "
        "تلاحق المهاجمين».",
        "القوات تلاحق المهاجمين",
        "مسؤول أمني عراقي",
        id="a_definite_description_with_fewer_words_is_the_same_source",
    ),
    pytest.param(
        "وقال مسؤول أمني عراقي إن «الهجوم أسفر عن ضحايا». وأكد المسؤول العسكري أن «القوات "
        "تلاحق المهاجمين».",
        "القوات تلاحق المهاجمين",
        "المسؤول العسكري",
        id="a_definite_description_that_adds_a_word_is_another_source",
    ),
    pytest.param(
        "وسبق أن كشف مصدر مطلع في الاتحاد لوكالة «رويترز» عن قرب إعلان التشكيلة. وقال المصدر "
        "الذي رفض الكشف عن اسمه \"ان اللجنة ستعلن قريبا، وقد يحصل ذلك مطلع الأسبوع المقبل\".",
        "ان اللجنة ستعلن قريبا، وقد يحصل ذلك مطلع الأسبوع المقبل",
        "مصدر مطلع في الاتحاد",
        id="a_source_introduced_after_sabaqa_an_is_the_one_the_source_points_to",
    ),
    pytest.param(
        "ووصل الرئيس الأمريكي جون سميث إلى لندن أمس.\nبينما بدأ طارق الحمدان وزير المالية، "
        "زيارة لباريس.\nوقال الحمدان كما ورد في مقتطفات من خطابه نشرت مسبقا إن \"الاستفتاء "
        "فرصة للإصلاح في كل الاتحاد\".",
        "الاستفتاء فرصة للإصلاح في كل الاتحاد",
        "طارق الحمدان",
        id="as_stated_in_his_speech_is_where_not_who_and_a_title_after_ends_a_name",
    ),
    pytest.param(
        "وقال رئيس النادي سامي العتيبي: \"تمت الموافقة على الميزانية بالإجماع\". وأشار إلى أن "
        "اتحاد الكرة يرحب بطلب الأندية الاجتماع مع الرابطة. وزاد: \"تم استعراض لجنة الأخلاق "
        "وطلب من الأعضاء تقديم مقترحات\".",
        "تم استعراض لجنة الأخلاق وطلب من الأعضاء تقديم مقترحات",
        "سامي العتيبي",
        id="a_body_inside_reported_words_does_not_take_over_as_the_speaker",
    ),
    pytest.param(
        "قال لافروف إن \"الوضع صعب جدا\". وقال وزير الخارجية الروسي سيرغي لافروف إن \"داعش "
        "أكبر تهديد\". وقال الوزير بهذا الخصوص: \"نعم، نحن نقدم دعما عسكريا للحكومة\".",
        "نعم، نحن نقدم دعما عسكريا للحكومة",
        "سيرغي لافروف",
        id="about_this_after_the_title_is_not_a_name",
    ),
    pytest.param(
        "قال الممثل كريم سالم لصحيفة «النهار» إنه «مل من الأدوار المتشابهة». وشن هجوما على "
        "محطة «الأفق»، وقال مخاطبا المحطة إن «برامجكم تنتقص من كل نقد يطالها».",
        "برامجكم تنتقص من كل نقد يطالها",
        "كريم سالم",
        id="addressing_the_channel_is_how_he_spoke_not_who",
    ),
    pytest.param(
        "وقبل إلقاء الرئيس اليمني لخطابه عبرت أول سفينة الممر. وقال الرئيس اليمني عبد الله "
        "الحكيمي في كلمته: «إن اليمن دولة عظيمة صاحبة حضارة ممتدة».",
        "إن اليمن دولة عظيمة صاحبة حضارة ممتدة",
        "عبد الله الحكيمي",
        id="a_preposition_noun_and_pronoun_after_a_title_is_not_a_name",
    ),
    pytest.param(
        "ونقلت وكالة أنباء \"تاس\" الرسمية عن فلاديمير كوزلوف المتحدث باسم الوزارة قوله "
        "إن \"الحكومة ستفقد قدرتها على مواجهة الأزمة\".",
        "الحكومة ستفقد قدرتها على مواجهة الأزمة",
        "فلاديمير كوزلوف",
        id="an_agency_name_in_marks_after_news_agency_stays_in_the_subject",
    ),
    pytest.param(
        "وقالت متحدثة باسم الاتحاد الذي يتخذ من جنيف مقرا له ان الاتحاد يتعاون مع السلطات.\n"
        "وأضافت المتحدثة في بيان “نكرس كافة الجهود لتحسين أداء المنظمة”.",
        "نكرس كافة الجهود لتحسين أداء المنظمة",
        "متحدثة باسم الاتحاد",
        id="the_spokeswoman_points_back_to_a_spokeswoman_introduced_before",
    ),
    pytest.param(
        "قال نائب وزير الخارجية الروسي ميخائيل كوزنتسوف الخميس: إن الجولة القادمة ستعقد قريبا.\n"
        "ونقل موقع الأخبار عن الدبلوماسي الروسي قوله إن «المشاورات قد تكون جزءا من عملية أوسع».",
        "المشاورات قد تكون جزءا من عملية أوسع",
        "ميخائيل كوزنتسوف",
        id="a_description_his_titles_hold_points_back_to_the_last_speaker",
    ),
    pytest.param(
        "من جانبها، قالت مجموعة بيرل \" إن عملية المراجعة توفر لنا فرصة لنثبت أن سلوكنا "
        "كان مناسبا تماما \".",
        "إن عملية المراجعة توفر لنا فرصة لنثبت أن سلوكنا كان مناسبا تماما",
        "مجموعة بيرل",
        id="a_quotation_after_a_company_is_not_a_name_in_marks",
    ),
    pytest.param(
        "وأكد المحامي د. ماجد الرشيدان أن المحاكم أسرعت في القضايا. وقال د. الرشيدان "
        "خلال العام الماضي ارتفعت النسبة وفق عناية الدولة بقيادة الملك فهد بن خالد بالقضاء.\n"
        "وأضاف \"القرار الذي أصدره الوزير يؤكد العناية بهذا الملف المهم\".",
        "القرار الذي أصدره الوزير يؤكد العناية بهذا الملف المهم",
        "ماجد الرشيدان",
        id="a_name_after_in_line_with_a_common_noun_is_not_a_source",
    ),
    pytest.param(
        "وقال المدرب هانز كولبيك إن اللاعبين جاهزون. وكتب الصحفي ماركو بيلي إن الفريق "
        "ضعيف.\nبعد المباراة الأخيرة، غضب كولبيك. قال: «لم يلتزم أحد بالخطة التي "
        "وضعناها قبل المباراة».",
        "لم يلتزم أحد بالخطة التي وضعناها قبل المباراة",
        "هانز كولبيك",
        id="the_person_a_sentence_is_about_is_whom_a_verb_without_subject_continues",
    ),
    pytest.param(
        "\"نحن سعداء تماما بالعودة إلى البطولة هذا الموسم\"، هذا ما قاله سامر الحلبي "
        "مدير النادي، مضيفا \"الفريق جاهز لكل المباريات\".",
        "نحن سعداء تماما بالعودة إلى البطولة هذا الموسم",
        "سامر الحلبي",
        id="this_is_what_he_said_after_the_words",
    ),
    pytest.param(
        "وقال نائب وزير الخارجية الروسي أندريه بوغاتشوف إن المحادثات جيدة.\n"
        "وتابع بوجاتشوف: «اتفقنا على مواصلة العمل مع جميع الأطراف في الأسابيع المقبلة».",
        "اتفقنا على مواصلة العمل مع جميع الأطراف في الأسابيع المقبلة",
        "أندريه بوغاتشوف",
        id="a_foreign_hard_g_written_two_ways_is_one_name",
    ),
    pytest.param(
        "قدم سفير المملكة لدى فرنسا الأمير خالد بن سعود بن عبدالله تعازيه إلى أسرة الفقيد. "
        "وكتب الأمير خالد تعازيه \"لأبناء الشيخ خالد بن فهد بن مبارك في المصاب الجلل\".",
        "لأبناء الشيخ خالد بن فهد بن مبارك في المصاب الجلل",
        "خالد بن سعود بن عبدالله",
        id="a_first_name_with_the_rank_is_the_one_of_several_with_that_rank",
    ),
    pytest.param(
        "رفع رئيس نادي الفروسية الأمير سعد بن فيصل بن سعد التهنئة لخادم الحرمين الشريفين "
        "الملك فهد بن خالد "
        "بمناسبة الفوز. وأكد أن \"هذا الإنجاز غير مستغرب من فرسان المملكة المعروفين\".",
        "هذا الإنجاز غير مستغرب من فرسان المملكة المعروفين",
        "سعد بن فيصل بن سعد",
        id="nobody_has_spoken_the_subject_before_the_objects",
    ),
    pytest.param(
        "احتفى رئيس البعثة نايف الحربي بالفريق، وقد عبر مدير المنتخب ماهر سليم عن سعادته "
        "بالاحتفال وقال: \"جهود رئيس البعثة واضحة للجميع منذ اليوم الأول\".",
        "جهود رئيس البعثة واضحة للجميع منذ اليوم الأول",
        "ماهر سليم",
        id="he_expressed_is_a_verb_with_its_subject",
    ),
    pytest.param(
        "وجاء وزير النقل الليبي، هشام الزاوي، ليؤكد في حديثه قبل أيام أن: "
        "\"الطرق كلها ستفتح قبل نهاية العام الجاري\".",
        "الطرق كلها ستفتح قبل نهاية العام الجاري",
        "هشام الزاوي",
        id="came_to_say_a_subject_before_the_commas",
    ),
    pytest.param(
        "مديرة المعرض سيدة لبنانية اسمها نهى الخطيب، تقول إن الفكرة جاءت من زيارة قديمة. "
        "وتعود فكرتها، كما تقول: «إلى النقوش القديمة في بيوت مدينة صيدا القديمة».",
        "إلى النقوش القديمة في بيوت مدينة صيدا القديمة",
        "نهى الخطيب",
        id="a_woman_described_and_named_before_a_comma_says",
    ),
    pytest.param(
        "وقال مستشار قائد الجيش، العميد روح الله كاظمي، ان «المنطقة تعيش حروبا بالوكالة».",
        "المنطقة تعيش حروبا بالوكالة",
        "روح الله كاظمي",
        id="a_rank_and_a_name_with_allah_after_the_comma",
    ),
    pytest.param(
        "وقال آية الله علي رضوي خلال خطبة الجمعة إن «المسلمين أمة واحدة في كل مكان».",
        "المسلمين أمة واحدة في كل مكان",
        "علي رضوي",
        id="the_name_after_ayatollah",
    ),
    pytest.param(
        "كما يذكر موقع الخليج نقلا عن الموقع الرسمي للوزارة بأنها تشمل «كل العاملين في "
        "القطاع الصحي دون استثناء».",
        "كل العاملين في القطاع الصحي دون استثناء",
        "الموقع الرسمي للوزارة",
        id="an_outlet_citing_another_relays_its_words",
    ),
    pytest.param(
        "وأعلنت الحكومة اليمنية خطتها الجديدة. وتهدف الحكومة من خلال الخطة إلى جذب "
        "الاستثمار، حيث أكدت أن النمو الصناعي «سيحفز المستثمرين والشركاء للعمل والاستثمار» في أرض البلاد.",
        "سيحفز المستثمرين والشركاء للعمل والاستثمار",
        "الحكومة اليمنية",
        id="a_body_after_the_first_verb_is_whom_a_later_verb_continues",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), SPEAKER_CASES)
def test_speaker(text: str, quote: str, speaker: str) -> None:
    assert one(text, Q, quote).speaker == speaker


@pytest.mark.parametrize("between", [" بحسب وكالة \"يونهاب\" ", "، بحسب وكالة «يونهاب»، إن "])
def test_source_phrase_between_a_named_speaker_and_his_words_is_the_via(between: str) -> None:
    text = f"وقال كيم{between}\"الأمور إذا سارت كما نريد فسنفتتح الجسر قريبا\"."
    quote = one(text, Q, "الأمور إذا سارت كما نريد فسنفتتح الجسر قريبا")
    assert (quote.speaker, quote.via) == ("كيم", "يونهاب")


def test_full_name_opening_a_clause_before_its_verb_is_the_speaker():
    text = ("ونشر الناشط رامز دوقان تغريدة.\n"
            "أما وزير المالية، فارس بلوطي قال في تغريدة: «لن نرفع الضرائب هذا العام مهما حدث».\n"
            "وأضاف في تغريدة أخرى: «سندعم الأسر المحتاجة بكل ما نملك من موارد».")
    first = one(text, Q, "لن نرفع الضرائب هذا العام مهما حدث")
    second = one(text, Q, "سندعم الأسر المحتاجة بكل ما نملك من موارد")
    assert first.speaker == second.speaker == "فارس بلوطي"


def test_lost_opening_mark_starts_at_the_colon_before_a_quoted_name():
    text = ("واستطرد: اتصلت بأخيها فأخبرني أنها ستقابل شخصا اسمه «سعيد» تريد أن تتزوج منه». "
            "وانتهى اللقاء.")
    claim = one(text, Q, "اتصلت بأخيها فأخبرني أنها ستقابل شخصا اسمه «سعيد» تريد أن تتزوج منه")
    assert "no_opening_mark" in claim.flags


def test_unclosed_quote_ends_where_a_reporting_participle_takes_over():
    text = ("وقال له: «إذا جاءتك ابنتي فأعدها إلى البيت وقد صدر الحكم عام 1430، "
            "مشيرًا إلى أن القضية انتهت بالطلاق.")
    one(text, Q, "إذا جاءتك ابنتي فأعدها إلى البيت وقد صدر الحكم عام 1430")


def test_unclosed_quote_ends_at_a_period_glued_to_the_next_word():
    text = ("وقال الأب: «ذهبت إلى المركز ووجدت ابنتي هناك مع أمها.وأضاف أنه غادر بعد ساعة.")
    one(text, Q, "ذهبت إلى المركز ووجدت ابنتي هناك مع أمها")


# ---- rules added from reading SaudiNewsNet errors (issue 3); sentences written here ----

@pytest.mark.parametrize("name", ["منى.ك", "منى. ك"])
def test_name_with_an_initial_is_one_speaker(name):
    text = (f"ويشتكي السكان من الحر، وتشير إلى ذلك {name} بالقول: «لا نستطيع النوم في "
            "البيوت هذه الأيام»")
    claim = one(text, Q, "لا نستطيع النوم في البيوت هذه الأيام")
    assert claim.speaker == name


def test_new_quote_after_a_colon_closes_one_whose_mark_was_lost():
    text = ("وقال المدرب ماجد الشهري: «لعبنا مباراة صعبة أمام فريق قوي. وتابع: «الحكم لم "
            "يكن موفقا في قراراته. وأضاف: «سنعود أقوى في المباراة المقبلة».")
    one(text, Q, "لعبنا مباراة صعبة أمام فريق قوي")
    one(text, Q, "الحكم لم يكن موفقا في قراراته")
    one(text, Q, "سنعود أقوى في المباراة المقبلة")


def test_doubled_opening_mark_is_one_quotation():
    text = 'وقال رئيس النادي خالد الدوسري :" "إن الفريق جاهز تماما لبداية الموسم الجديد ".'
    quotes = [c for c in extract_claims(text, lang="ar") if c.kind == Q]
    assert [c.text for c in quotes] == ["إن الفريق جاهز تماما لبداية الموسم الجديد"]


def test_mark_glued_to_a_reporting_verb_opens():
    text = ('وقال الشاعر فهد المطيري إن القصيدة ولدت في ليلة واحدة. وتابع" أكتب حين '
            'أشعر بالحاجة إلى الكتابة فقط".')
    quotes = [c for c in extract_claims(text, lang="ar") if c.kind == Q]
    assert [c.text for c in quotes] == ["أكتب حين أشعر بالحاجة إلى الكتابة فقط"]
    assert quotes[0].speaker == "فهد المطيري"


def test_lost_opening_mark_starts_after_the_last_participle():
    text = ("وأوضح المدير سعد الغامدي أن المشروع يسير وفق الخطة، مشيراً إلى أن تكلفة "
            'التذكرة حددت بخمسة ريالات لكل ساعة " .')
    quotes = [c for c in extract_claims(text, lang="ar") if c.kind == Q]
    assert [c.text for c in quotes] == ["تكلفة التذكرة حددت بخمسة ريالات لكل ساعة"]


def test_lost_opening_mark_reaches_over_a_quoted_name():
    text = ('أكد رئيس اللجنة فيصل القحطاني أن جميع تذاكر المباراة على ملعب "الأمير '
            'سلطان" بيعت قبل موعدها بأسبوع".')
    quotes = [c for c in extract_claims(text, lang="ar") if c.kind == Q]
    assert [c.text for c in quotes] == [
        'جميع تذاكر المباراة على ملعب "الأمير سلطان" بيعت قبل موعدها بأسبوع']


def test_naming_word_before_a_comma_does_not_frame_the_quote():
    text = ("وتحدث الكاتب عن أبطال الرواية، وآخرهم «سالم الخياط، الذي رحل قبل عامين "
            "في قريته»")
    assert one(text, Q, "سالم الخياط، الذي رحل قبل عامين في قريته")


def test_quoted_list_of_names_is_a_term():
    text = ("وأوضح مدير البلدية أن العمل يشمل عدة أحياء «الروضة، سوق الخضار، الحي القديم، "
            "باب البحر، وشارع الملك عبدالعزيز»")
    one(text, T, "الروضة، سوق الخضار، الحي القديم، باب البحر، وشارع الملك عبدالعزيز")


def test_wish_verb_and_speech_noun_verbs_report():
    text = ('وتمنى رئيس الاتحاد السعودي لكرة القدم سامي الجابر أن "تنجح البطولة في '
            'إسعاد الجماهير".\nومضى الجابر بالقول إن الاستعدادات اكتملت.')
    claim = one(text, Q, "تنجح البطولة في إسعاد الجماهير")
    assert claim.speaker == "سامي الجابر"
    reported = one(text, R, "الاستعدادات اكتملت")
    assert (reported.speaker, reported.cue) == ("سامي الجابر", "ومضى")


def test_time_passing_is_not_speech():
    text = "ومضى عامان على افتتاح الجسر أن الحركة تضاعفت."
    assert not [c for c in extract_claims(text, lang="ar") if c.kind == R]


@pytest.mark.parametrize("text, body, speaker", [
    ('وقالت سيدة مسنة من سكان القرية جاءت مع أحفادها إلى السوق وتدعى سلمى "نحن سعداء '
     'جدا بهذا المكان الجديد الذي افتتح هذا الأسبوع."',
     "نحن سعداء جدا بهذا المكان الجديد الذي افتتح هذا الأسبوع.", "سلمى"),
    ('وقال رجل يعمل في المزرعة منذ عشرين عاما يدعى صالح الحربي وهو يقف قرب البئر '
     '"لم نر مطرا كهذا منذ سنوات طويلة في هذه الأرض."',
     "لم نر مطرا كهذا منذ سنوات طويلة في هذه الأرض.", "صالح الحربي"),
])
def test_name_introduced_by_tudaa_after_a_long_description(text, body, speaker):
    assert one(text, Q, body).speaker == speaker


def test_spaced_agency_abbreviation_in_marks_is_a_term():
    text = ("وبحسب وكالة «أ ف ب» قال الوزير خالد العمري إن الحكومة ستراجع الاتفاق مع "
            "الشركات الأجنبية، «بما في ذلك العقود الموقعة سابقا مع المستثمرين».")
    one(text, T, "أ ف ب")
    claim = one(text, Q, "بما في ذلك العقود الموقعة سابقا مع المستثمرين")
    assert claim.speaker == "خالد العمري"
    assert [c.text for c in extract_claims(text, lang="ar") if c.kind == Q] == [claim.text]


def test_short_words_after_a_complementiser_with_its_pronoun_are_a_term():
    text = "ورفضت الشركة قرار المحكمة متوعدة بأنها «ستلاحق المسؤولين قضائيا»."
    one(text, T, "ستلاحق المسؤولين قضائيا")


def test_straight_closing_mark_glued_to_the_next_word():
    text = ('صرح مسؤول في الوزارة في حديث إلى "الرياض "عن خطة جديدة لتطوير الطرق في '
            'المنطقة الشرقية خلال العامين المقبلين.')
    one(text, T, "الرياض")
    assert not [c for c in extract_claims(text, lang="ar") if c.kind == Q]


def test_list_of_names_with_ali_is_a_term():
    text = ('ودخل المدرب المباراة بتشكيلة مكونة من: "سالم الدوسري، وعلي البليهي، وياسر '
            'الشهراني، وعبدالله عطيف، وعلي الحسن".')
    one(text, T, "سالم الدوسري، وعلي البليهي، وياسر الشهراني، وعبدالله عطيف، وعلي الحسن")


def test_lone_surname_resolves_past_the_object_after_the_full_name():
    text = ("وضع مدرب النصر الجديد كارلوس مارتينيز الفوز بالكأس هدفا له، رغم صعوبة المهمة. "
            "وتحدث المدرب عن الموسم قائلا: «أتوقع موسما صعبا، ولم أتفاجأ بأي شيء هنا».\n"
            "وفيما يخص صفقة المهاجم، كشف مارتينيز أنه يريد مواطنه، وقال: «أريد أن أضم "
            "هذا اللاعب إلى الفريق فهو نجم كبير».")
    first = one(text, Q, "أتوقع موسما صعبا، ولم أتفاجأ بأي شيء هنا")
    last = one(text, Q, "أريد أن أضم هذا اللاعب إلى الفريق فهو نجم كبير")
    assert first.speaker == last.speaker == "كارلوس مارتينيز"


def test_words_of_a_document_and_the_document_named_again():
    text = ("وجاء في نشرة عن المعرض أن الأعمال المعروضة «تمثل ثلاثين عاما من العمل الفني "
            "المتواصل في المدينة». وتضيف النشرة: «هذه الأعمال تروي قصة جيل كامل من الفنانين».")
    first = one(text, Q, "تمثل ثلاثين عاما من العمل الفني المتواصل في المدينة")
    assert (first.speaker, first.cue) == ("نشرة عن المعرض", "وجاء في")
    assert one(text, Q, "هذه الأعمال تروي قصة جيل كامل من الفنانين").speaker == "نشرة عن المعرض"


def test_the_statement_speaks_for_whoever_issued_it():
    text = ('وأوضح مصدر في اللجنة في بيان صحفي أن "اللجنة عقدت اجتماعها الأول اليوم '
            'وناقشت جدول الأعمال".\nوأضاف البيان :"كما ناقشت اللجنة الميزانية المقترحة '
            'للعام المقبل".')
    claim = one(text, Q, "كما ناقشت اللجنة الميزانية المقترحة للعام المقبل")
    assert (claim.speaker, claim.cue) == ("مصدر في اللجنة", "وأضاف")


def test_quote_with_no_reporting_verb_is_the_one_person_named():
    text = ("وبدأ الحفل بصعود الفنان سامر الخطيب على المسرح ليكون راوي الحكاية التي هي "
            "«حكاية مدينة.. حكاية ناس لكل منهم اسم ولهم وطن واحد».")
    claim = one(text, Q, "حكاية مدينة.. حكاية ناس لكل منهم اسم ولهم وطن واحد")
    assert (claim.speaker, claim.cue) == ("سامر الخطيب", None)
    assert "speaker_inferred" in claim.flags


@pytest.mark.parametrize("text, body", [
    ("وتطرح الشركة هذا العام سيارة «ستار - لاين جي إل سي كلاس» الجديدة.",
     "ستار - لاين جي إل سي كلاس"),
    ("ويعمل الهاتف بمعالج طراز «1.8 غيغاهرتز ثماني النواة سناب 625».",
     "1.8 غيغاهرتز ثماني النواة سناب 625"),
])
def test_model_names_spelled_with_letters_and_numbers_are_terms(text, body):
    one(text, T, body)


def test_writers_formula_is_not_where_a_lost_quotation_starts():
    text = ("وقال المدير إن المشروع سيكتمل قريبا. يذكر أن الشركة تأسست عام 1990 وهي من "
            'أكبر الشركات في المنطقة" .')
    assert not [c for c in extract_claims(text, lang="ar")
                if c.kind == Q and "تأسست" in c.text]


def test_object_after_a_rank_and_family_name_is_not_the_speaker():
    text = ("وزار اللواء السعودي فهد المطيري موقع الهجوم أمس.\n"
            "ووصف اللواء السعودي العملية الأخيرة بـ«العمل الجبان الذي لن يمر دون عقاب من الدولة».")
    claim = one(text, Q, "العمل الجبان الذي لن يمر دون عقاب من الدولة")
    assert who(claim)[:3] == ("فهد المطيري", "اللواء السعودي", "ووصف")


def test_surname_of_a_person_first_named_as_an_object_is_a_speaker():
    text = ("وبحث الوزير خالد السالم في الرياض مع وزير الخارجية الروسي سيرغي لافروف ملفات "
            "المنطقة.\nوقال السالم إن «المباحثات كانت مثمرة وبناءة للغاية».\n"
            "من جانبه، أشار لافروف إلى أن «موسكو تدعم كل جهد لحل الأزمة سلميا».")
    claim = one(text, Q, "موسكو تدعم كل جهد لحل الأزمة سلميا")
    assert who(claim)[:3] == ("سيرغي لافروف", "لافروف", "أشار")


@pytest.mark.parametrize(("opening", "speaker"), [
    ("لكن خبراء الاقتصاد يقولون", "خبراء الاقتصاد"),
    ("لكن كثيرًا من خبراء علوم الاجتماع يقولون", "خبراء علوم الاجتماع"),
])
def test_unnamed_plural_subject_before_the_verb_is_the_speaker(opening, speaker):
    text = ("وقال الوزير خالد السالم إن «الخطة تسير كما هو مرسوم لها».\n"
            f"{opening} إن «الأرقام لا تدعم هذا التفاؤل على الإطلاق».")
    claim = one(text, Q, "الأرقام لا تدعم هذا التفاؤل على الإطلاق")
    assert claim.speaker == speaker
    assert "speaker_inferred" not in claim.flags


def test_pluperfect_subject_and_its_participle():
    text = ("ونفى مدير الفرع أي تقصير.\n"
            "وكان رئيس الاتحاد المحلي سامي العتيبي، وهو عضو اللجنة التنفيذية، قد أكد في حديث "
            "لـ«الرياض» أن الدعم سيكون بشروط، مضيفا: «لن ندعم إلا من يلتزم بالنزاهة والشفافية».")
    reported = one(text, R, "الدعم سيكون بشروط")
    assert who(reported)[0] == "سامي العتيبي"
    claim = one(text, Q, "لن ندعم إلا من يلتزم بالنزاهة والشفافية")
    assert who(claim)[0] == "سامي العتيبي"
    assert who(claim)[2] == "مضيفا"


def test_definite_description_points_back_to_the_titled_person():
    text = ("وقال المتحدث الأمني العقيد فهد الشمري إن الحادث قيد التحقيق.\n"
            "وكان المتحدث الأمني بشرطة المنطقة قد أوضح أن «الدوريات طوقت الموقع فور تلقي البلاغ».")
    claim = one(text, Q, "الدوريات طوقت الموقع فور تلقي البلاغ")
    assert who(claim)[:2] == ("فهد الشمري", "المتحدث الأمني بشرطة المنطقة")


def test_indefinite_unnamed_source_stays_unnamed():
    text = ("وقال المتحدث الأمني العقيد فهد الشمري إن الحادث قيد التحقيق.\n"
            "وقال متحدث باسم الدفاع المدني إن «الحريق أخمد بالكامل قبل منتصف الليل».")
    claim = one(text, Q, "الحريق أخمد بالكامل قبل منتصف الليل")
    assert claim.speaker != "فهد الشمري"


def test_the_site_a_player_talks_to_is_the_via_not_his_name():
    text = ("خضع المهاجم الشاب ماركو بيلوتي لفحص طبي تمهيدا لانتقاله إلى النادي.\n"
            "وقال اللاعب لموقع النادي: \"أريد أن أساعد الفريق وسأحاول تقديم أفضل ما عندي\".")
    quote = one(text, Q, "أريد أن أساعد الفريق وسأحاول تقديم أفضل ما عندي")
    assert quote.via == "موقع النادي"
    assert "موقع" not in (quote.speaker or "")


def test_ascribing_without_a_speech_noun_is_no_cue():
    text = "ونسب الهجوم إلى حزب العمال. وقال المسؤول إن «الهجوم لن يمر دون عقاب أبدا»."
    assert one(text, Q, "الهجوم لن يمر دون عقاب أبدا").speaker == "المسؤول"


def test_the_outlet_after_a_speaker_is_the_via_without_what_follows():
    text = ("وقال المسؤول لوكالة فرانس برس طالبا عدم كشف اسمه ان \"العمليات العسكرية تهدف "
            "الى القضاء على المخاطر\".")
    assert one(text, Q, "العمليات العسكرية تهدف الى القضاء على المخاطر").via == "وكالة فرانس برس"


def test_a_saying_nobody_is_said_to_say_is_a_term():
    text = ("وفي الملعب كان الجمهور يردد المثل الشائع «من جد وجد ومن زرع حصد» طوال المباراة، "
            "بينما بقي المدرب صامتا.")
    one(text, T, "من جد وجد ومن زرع حصد")


def test_a_saying_after_inna_stays_a_quotation():
    text = "وقال المدرب إن «من جد وجد ومن زرع حصد» في نهاية المطاف."
    assert one(text, Q, "من جد وجد ومن زرع حصد").speaker == "المدرب"


def test_the_programme_a_speaker_talks_to_is_the_via():
    text = "وقال محمد السليمان في تصريحات لبرنامج «صدى الملاعب» إن «الفريق جاهز لكل المباريات المقبلة»."
    assert one(text, Q, "الفريق جاهز لكل المباريات المقبلة").via == "صدى الملاعب"


def test_a_quantity_written_out_in_marks_is_a_term():
    text = ("تمكن الجمرك من إحباط محاولة لتهريب \"كيلو وواحد وسبعين جراماً ونصف الجرام\" من "
            "المخدرات. وقال المدير إن \"الجمارك ستواصل ضبط المهربين بكل حزم\".")
    one(text, T, "كيلو وواحد وسبعين جراماً ونصف الجرام")
    one(text, Q, "الجمارك ستواصل ضبط المهربين بكل حزم")
