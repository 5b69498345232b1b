"""Word lists that judging a match needs, per language: data, not logic.

Entries are written as they appear after ``verify.text.normalize_text`` (alef forms
folded to ا, ة to ه, ى to ي), so they can be compared with normalised words directly.
"""

from __future__ import annotations

#: Words that negate what follows: adding or removing one reverses a statement.
NEGATIONS: dict[str, frozenset[str]] = {
    "ar": frozenset(
        {
            "لا", "لم", "لن", "ليس", "ليست", "ليسا", "ليستا", "ليسوا", "لسن", "لست", "لستم",
            "لسنا", "غير", "عدم", "بدون", "دون", "لما", "كلا", "لات",
        }
    ),
    "en": frozenset(
        {"not", "no", "never", "nor", "neither", "cannot", "none", "nobody", "nothing", "without"}
    ),
}

#: English contractions split by normalisation into "don" "t": ``t`` after one of these.
NEGATED_CONTRACTIONS: frozenset[str] = frozenset(
    {
        "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "wouldn", "can", "couldn",
        "shouldn", "hasn", "haven", "hadn", "mustn", "needn", "ain", "shan", "mightn",
    }
)

#: Particles, conjunctions, prepositions, pronouns and auxiliaries: adding, dropping
#: or swapping one of these changes no content.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "ar": frozenset(
        {
            "و", "ف", "ب", "ل", "ك", "في", "من", "الي", "علي", "عن", "مع", "عند", "لدي", "حتي",
            "منذ", "ان", "انه", "انها", "انهم", "انا", "انما", "لان", "لانه", "كان", "كانت",
            "يكون", "تكون", "قد", "لقد", "فقد", "وقد", "ثم", "او", "ام", "اما", "بل", "لكن",
            "لكنه", "ولكن", "هذا", "هذه", "ذلك", "تلك", "هؤلا", "هولا", "اولئك", "الذي", "التي",
            "الذين", "اللذين", "اللتين", "اللواتي", "ما", "ماذا", "هو", "هي", "هم", "هن", "نحن",
            "انت", "انتم", "كل", "بعض", "ايضا", "كما", "اذا", "اذ", "حيث", "بين", "نحو", "الا",
            "سوف", "هناك", "هنا", "به", "بها", "له", "لها", "لهم", "فيه", "فيها", "منه",
            "منها", "عليه", "عليها", "عنه", "عنها", "اليه", "اليها", "وان", "بان",
            "فان", "كذلك", "جدا", "فقط", "الان", "وهو", "وهي", "وفي", "ومن",
        }
    ),
    "en": frozenset(
        {
            "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as",
            "and", "or", "but", "so", "that", "this", "these", "those", "which", "who", "whom",
            "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
            "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may",
            "might", "must", "we", "our", "us", "they", "their", "them", "he", "his", "him",
            "she", "her", "i", "my", "me", "you", "your", "there", "here", "then", "also",
            "very", "just", "now", "into", "about", "over", "s",
        }
    ),
}

#: Number words (cardinals and common multipliers): changing one changes a number.
NUMBER_WORDS: dict[str, frozenset[str]] = {
    "ar": frozenset(
        {
            "واحد", "واحده", "اثنان", "اثنين", "اثنتان", "اثنتين", "ثلاث", "ثلاثه", "اربع",
            "اربعه", "خمس", "خمسه", "ست", "سته", "سبع", "سبعه", "ثمان", "ثماني", "ثمانيه",
            "تسع", "تسعه", "عشر", "عشره", "عشرون", "عشرين", "ثلاثون", "ثلاثين", "اربعون",
            "اربعين", "خمسون", "خمسين", "ستون", "ستين", "سبعون", "سبعين", "ثمانون", "ثمانين",
            "تسعون", "تسعين", "مئه", "مائه", "مئتين", "مئتان", "مائتين", "مائتان", "الف",
            "الفين", "الفان", "الاف", "مليون", "مليونا", "ملايين", "مليار", "مليارا", "مليارات",
            "نصف", "ربع", "ثلث", "ضعف", "اضعاف",
        }
    ),
    "en": frozenset(
        {
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
            "millions", "billion", "billions", "half", "quarter", "third", "dozen", "dozens",
            "double", "twice", "triple",
        }
    ),
}

#: One-letter Arabic clitics written joined to the next word (conjunctions, prepositions).
ARABIC_PROCLITICS = ("و", "ف")
#: The article and its common fused forms, stripped for clitic-insensitive comparison.
ARABIC_ARTICLES = ("بال", "كال", "فال", "وال", "لل", "ال")
