"""English lexicons for attribution in wire-style news. Data only, lower-case.

Derived lookup sets at the bottom are what the code reads.
"""

from __future__ import annotations

from .keys import words

# Reporting verbs: lemma -> inflected forms (the -ing form is the participle cue).
REPORTING_VERBS: dict[str, str] = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "add": "add adds added adding",
    "state": "state states stated stating",
    "note": "note notes noted noting",
    "explain": "explain explains explained explaining",
    "stress": "stress stresses stressed stressing",
    "warn": "warn warns warned warning",
    "argue": "argue argues argued arguing",
    "insist": "insist insists insisted insisting",
    "claim": "claim claims claimed claiming",
    "announce": "announce announces announced announcing",
    "write": "write writes wrote writing",
    "ask": "ask asks asked asking",
    "reply": "reply replies replied replying",
    "confirm": "confirm confirms confirmed confirming",
    "deny": "deny denies denied denying",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
    "admit": "admit admits admitted admitting",
    "declare": "declare declares declared declaring",
    "urge": "urge urges urged urging",
    "pledge": "pledge pledges pledged pledging",
    "promise": "promise promises promised promising",
    "vow": "vow vows vowed vowing",
    "predict": "predict predicts predicted predicting",
    "suggest": "suggest suggests suggested suggesting",
    "continue": "continued",
    "conclude": "conclude concludes concluded concluding",
    "comment": "comment comments commented commenting",
    "observe": "observe observes observed observing",
    "recall": "recall recalls recalled recalling",
    "report": "report reports reported",
    "reveal": "reveal reveals revealed revealing",
    "estimate": "estimate estimates estimated estimating",
    "testify": "testify testifies testified testifying",
    "tweet": "tweet tweets tweeted tweeting",
    "describe": "describe describes described describing",
    "call": "called calling",
    "quote": "quoted quoting",
    "emphasise": "emphasise emphasises emphasised emphasising emphasize emphasizes "
                 "emphasized emphasizing",
    "maintain": "maintains maintained",
    "assert": "assert asserts asserted asserting",
    "complain": "complain complains complained complaining",
    "agree": "agreed",
    "believe": "believes believed",
    "think": "thinks thought",
}
# Verbs that frame a word as the speaker's: described it as "positive", called it "a step".
DESCRIBE_VERBS = frozenset({"describe", "call"})
# Verbs that relay: X quoted Y as saying.
RELAY_VERBS = frozenset({"quote"})
# Verbs that take the hearer as object: told reporters, urged Congress.
OBJECT_VERBS = frozenset({"tell", "urge", "warn", "ask", "promise", "quote"})
COMPLEMENTIZERS = words("that")
SOURCE_PHRASES = words("according")
SOURCE_LINKS = words("to")
# Adjuncts between a verb and its content: said on Monday, said in a statement.
ADJUNCT_PREPOSITIONS = words("on in at during late early earlier later last this after before "
                             "from via through by")
ADJUNCT_NOUNS = words(
    "statement interview speech conference briefing remarks news press release letter "
    "email e-mail post tweet twitter facebook television radio meeting hearing call "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "morning afternoon evening night week weekend month year session address message "
    "video phone telephone broadcast report earlier day")
TIME_WORDS = words("today yesterday tonight also earlier later again then now recently "
                   "monday tuesday wednesday thursday friday saturday sunday")
AGENCIES = (
    "Reuters", "AP", "AFP", "Associated Press", "Agence France-Presse", "Bloomberg",
    "Xinhua", "TASS", "RIA", "RIA Novosti", "Interfax", "Anadolu", "SPA", "Saudi Press Agency",
    "SANA", "BBC", "CNN", "Al Jazeera", "Al Arabiya", "dpa", "UPI", "Kyodo", "Yonhap",
    "IRNA", "WAM", "KUNA", "QNA", "MENA", "Sputnik", "NPR", "ABC", "NBC", "CBS", "Fox News",
)
OUTLET_NOUNS = words("newspaper paper daily agency channel station website magazine "
                     "broadcaster network television radio tv")
TITLE_WORDS = words(
    "minister president spokesman spokeswoman spokesperson envoy ambassador secretary "
    "chairman chairwoman chair chief director official head leader governor mayor "
    "commander general senator representative prime foreign deputy adviser advisor "
    "analyst economist professor researcher ceo executive manager coach player lawyer "
    "judge prosecutor negotiator diplomat delegate member founder owner king queen "
    "prince crown emir sheikh pope cardinal bishop imam correspondent editor author "
    "scientist doctor expert officer colonel captain lieutenant sergeant major admiral "
    "inspector commissioner chancellor vice special senior top former acting interim "
    "assistant u.n. un state defense defence interior finance energy trade health "
    "justice affairs national security counsel attorney secretary-general "
    "representative permanent the a an his her its their our of for to at")
HONORIFICS = words("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir sen. sen rep. rep gen. gen "
                   "col. col maj. capt. lt. sheikh prince king queen president minister "
                   "judge father lord lady dame")
UNNAMED_SOURCES = words(
    "source sources official officials diplomat diplomats witness witnesses resident "
    "residents analyst analysts expert experts activist activists aide aides insider "
    "insiders person people observers medics doctors investigators spokesman spokeswoman "
    "spokesperson")
ORGANISATION_WORDS = words(
    "ministry government company agency police army military newspaper statement report "
    "study court council committee commission office department embassy bank group firm "
    "organisation organization union party authority authorities kremlin house parliament "
    "campaign team club federation board cabinet administration palace website paper "
    "channel network broadcaster coalition alliance movement observatory")
NAME_PARTICLES = words("de da di del della van von der den al el bin ben ibn abu la le du dos "
                       "bint st. st")
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": None}
NAMING_FRAMES = words(
    "called named dubbed entitled titled so-called known hashtag operation campaign "
    "programme program slogan codenamed nicknamed brand term word phrase label")
NEGATIONS = words("not no never none nobody nothing neither nor n't without")
EVENT_WORDS = words(
    "met meet meets held hold holds killed kill wounded injured arrested launched signed "
    "rose fell rise fall won lost attacked visited opened closed announced elected voted "
    "approved rejected struck hit fired seized captured released died dead killed "
    "meeting talks summit attack explosion blast election vote deal agreement round "
    "visit session conference protest strike crash")
NUMBER_WORDS = words(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty hundred thousand million billion trillion percent per cent dozen dozens "
    "first second third fourth fifth sixth seventh eighth ninth tenth half quarter "
    "dollars dollar euros euro pounds barrels tonnes tons kilometres miles")
DATE_WORDS = words(
    "today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec week month year decade")
OPINION_WORDS = words("should must might perhaps maybe hope hopes believe think ought "
                      "seems appears probably")
NON_NAMES = words(
    "the a an this that these those it he she they we i you his her their our its "
    "but and or if when while after before as in on at for with by of to from "
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december")


def _lower(items: tuple[str, ...] | list[str] | frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in items)


VERB_KEYS: dict[str, str] = {form: lemma for lemma, forms in REPORTING_VERBS.items()
                             for form in forms.split() if not form.endswith("ing")}
PARTICIPLE_KEYS: dict[str, str] = {form: lemma for lemma, forms in REPORTING_VERBS.items()
                                   for form in forms.split() if form.endswith("ing")}
COMPLEMENTIZER_KEYS = _lower(COMPLEMENTIZERS)
SOURCE_KEYS = _lower(SOURCE_PHRASES)
ADJUNCT_PREP_KEYS = _lower(ADJUNCT_PREPOSITIONS)
ADJUNCT_NOUN_KEYS = _lower(ADJUNCT_NOUNS)
TIME_KEYS = _lower(TIME_WORDS)
AGENCY_KEYS = _lower(AGENCIES)
OUTLET_NOUN_KEYS = _lower(OUTLET_NOUNS)
TITLE_KEYS = _lower(TITLE_WORDS)
HONORIFIC_KEYS = _lower(HONORIFICS)
UNNAMED_KEYS = _lower(UNNAMED_SOURCES)
ORGANISATION_KEYS = _lower(ORGANISATION_WORDS)
PARTICLE_KEYS = _lower(NAME_PARTICLES)
NAMING_FRAME_KEYS = _lower(NAMING_FRAMES)
NEGATION_KEYS = _lower(NEGATIONS)
EVENT_KEYS = _lower(EVENT_WORDS)
NUMBER_KEYS = _lower(NUMBER_WORDS)
DATE_KEYS = _lower(DATE_WORDS)
OPINION_KEYS = _lower(OPINION_WORDS)
NON_NAME_KEYS = _lower(NON_NAMES)
