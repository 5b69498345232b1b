"""Accuracy of quotation extraction against the hand-annotated SaudiNewsNet gold set.

The gold set (`data/gold_extraction.jsonl`) was made by reading 48 articles
picked at random across the 14 outlets (`select_eval_articles.py`); it stores
URLs, content hashes and offsets, never article text. This script reads the
articles from ../shared (skipping cleanly when absent), runs the extractor, and
prints precision, recall and F1 of quotation spans (a predicted span matches a
gold span when their character overlap, intersection over union, is at least
0.8; one-to-one) and, over matched quotations, the accuracy of speaker, via and
cue.

A second, later set (`data/gold_extraction_holdout.jsonl`, 20 more articles drawn with
another seed and annotated by reading, after the rules were tuned on the first) is
measured with `--split holdout`; `all`, `dev` and `test` are the first set. A third
set (`data/gold_extraction_holdout2.jsonl`, 20 articles with quotation marks, one per
outlet plus six more, another seed, none of the earlier 68) was annotated by reading
before the extractor was run on it and measured once, blind: `--split holdout2`. A fourth
(`data/gold_extraction_holdout3.jsonl`, 20 articles with quotation marks drawn the same way
with another seed, none of the earlier 88) was annotated by reading before any extractor
was run on it and measured once with version 5 and version 6: `--split holdout3`. A fifth
(`data/gold_extraction_holdout4.jsonl`, 40 articles with quotation marks, two per outlet
plus twelve more, none of the earlier 108) was annotated by reading before any extractor
was run on it and measured once, blind, with version 7: `--split holdout4`; its first twenty
articles (`holdout4-dev`) were then looked at while writing rules, the last twenty
(`holdout4-test`) were not until version 12 was measured on them. A sixth
(`data/gold_extraction_holdout5.jsonl`, 40 articles drawn the same way, none of the earlier
148) was annotated by reading before any extractor was run on it and measured once, blind,
with version 13: `--split holdout5`. A seventh (`data/gold_extraction_holdout6.jsonl`, 40
articles drawn the same way, none of the earlier 188) was annotated by reading before any
extractor was run on it and measured once, blind, with version 16: `--split holdout6`. An
eighth (`data/gold_extraction_holdout7.jsonl`, 40 more, none of the earlier 228), the same
way, blind for version 17: `--split holdout7`. A ninth (`data/gold_extraction_holdout8.jsonl`,
40 more, none of the earlier 268), the same way, blind for version 19: `--split holdout8`.
Five more the same way, each blind for one version (`data/gold_extraction_holdoutN.jsonl`,
none of the articles before it): holdout9 (40, for version 22), holdout10 (38, for version
23: the outlets ran short of unused articles with marks), then holdout11, holdout12 and
holdout13 (43 each, one per outlet and thirty from any; for versions 24, 26 and 28),
holdout14 to holdout16 (42 each, drawn the same way, for versions 30, 31 and 33), and
holdout17 to holdout155 (42 each, 41 for holdout113 to holdout155; for versions 35, 37, 39,
42, 44, 48, 53, 54, 55,
56, 58, 59, 60, 61, 62, 63, 64, 65, 67, 68, 69, 71, 77, 82, 83, 84, 85 (holdout43 and
holdout44), 86, 87, 88, 89 (holdout48 and holdout49), 90 (holdout50 and
holdout51), 92, 94 (holdout53 to holdout55) 96 (holdout56 and
holdout57) and 97 (holdout58 and holdout59) 98 (holdout60 and holdout61) 99 (holdout62
and holdout63) 100 (holdout64 and holdout65) 101 (holdout66 and
holdout67) 102 (holdout68 and holdout69) 103 (holdout70
and holdout71) 104 (holdout72 to holdout75) 105 (holdout76 to
holdout79) 106 (holdout80 to holdout83) 107
(holdout84 to holdout87) 108 (holdout88 to holdout91)
109 (holdout92 to holdout95) 110 (holdout96 to holdout99)
111 (holdout100 to holdout103) 112 (holdout104 to holdout107)
113 (holdout108 to holdout111)
114 (holdout112 to holdout115)
116 (holdout116 to holdout119)
117 (holdout120 to holdout123)
118 (holdout124 to holdout127)
119 (holdout128 to holdout131)
120 (holdout132 to holdout135)
121 (holdout136 to holdout139)
122 (holdout140 to holdout143)
123 (holdout144 to holdout147)
124 (holdout148 to holdout151)
125 (holdout152 to holdout155)).

    .venv/bin/python benchmarks/eval_extraction.py [--errors]
        [--split all|dev|test|holdout|holdout2|...|holdout155|holdout4-dev|holdout4-test]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from corpus import CORPUS, corpus_available, iter_articles

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verify.extract import extract  # noqa: E402
from verify.text import normalize_text  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold_extraction.jsonl"
_NUMBERED = re.compile(r"gold_extraction_holdout(\d+)\.jsonl")


def _numbered_sets() -> list[int]:
    """The numbers of the held-out gold files in data/ (2, 3, ...), in order."""
    return sorted(int(m.group(1)) for m in (_NUMBERED.fullmatch(p.name) for p in
                                            DATA.glob("gold_extraction_holdout*.jsonl")) if m)


# split -> (gold file, which rows): the first set halves into dev and test, holdout4 too
SPLITS: dict[str, tuple[str, slice]] = {
    "all": ("gold_extraction.jsonl", slice(None)),
    "dev": ("gold_extraction.jsonl", slice(None, 24)),
    "test": ("gold_extraction.jsonl", slice(24, None)),
    "holdout": ("gold_extraction_holdout.jsonl", slice(None)),
    # every numbered held-out set on disk (a new one needs no edit here)
    **{f"holdout{k}": (f"gold_extraction_holdout{k}.jsonl", slice(None))
       for k in _numbered_sets()},
    "holdout4-dev": ("gold_extraction_holdout4.jsonl", slice(None, 20)),
    "holdout4-test": ("gold_extraction_holdout4.jsonl", slice(20, None)),
}
MIN_OVERLAP = 0.8


@dataclass
class Span:
    kind: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    via: str | None


def overlap(a: Span, b: Span) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    union = max(a.end, b.end) - min(a.start, b.start)
    return inter / union if union else 0.0


def pair_spans(gold: list[Span], predicted: list[Span]) -> list[tuple[Span, Span]]:
    """Greedy one-to-one pairing by best overlap, at least MIN_OVERLAP."""
    candidates = sorted(
        ((overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(predicted)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if score < MIN_OVERLAP or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], predicted[j]))
    return pairs


def names_agree(gold: str | None, predicted: str | None) -> bool:
    """Same person: equal after normalisation, or one name contained in the other.

    Containment needs at least two words in the shorter form (a full name inside
    a title-plus-name), so a lone title or first name does not count.
    """
    if not gold or not predicted:
        return not gold and not predicted
    g, p = normalize_text(gold).split(), normalize_text(predicted).split()
    if g == p:
        return True
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    if len(short) < 2:
        return False
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def cue_agrees(gold: str | None, predicted: str | None) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    g, p = normalize_text(gold), normalize_text(predicted)
    return g == p or g in p or p in g


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print each error")
    parser.add_argument(
        "--split", choices=tuple(SPLITS),
        default="all",
        help="dev: the first half of the gold set (for looking at errors while improving rules); "
        "test: the second half, held out (report it, do not tune on it); "
        "holdout: a second set of 20 articles annotated later (report it, do not tune on it); "
        "holdout2: a third set of 20, measured once, blind (do not tune on it); "
        "holdout3: a fourth set of 20, measured once, blind (do not tune on it); "
        "holdout4: a fifth set of 40, measured once, blind; holdout4-dev: its first 20 (looked "
        "at while writing rules); holdout4-test: its last 20; holdout5: a sixth set of 40, "
        "measured once, blind; holdout6 to holdout155: one hundred and fifty more sets of "
        "about 40, each measured once, blind",
    )
    args = parser.parse_args()
    if not corpus_available():
        print(f"skip: corpus not found at {CORPUS}")
        return 0
    name, rows = SPLITS[args.split]
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    gold_rows = [json.loads(line) for line in lines if line][rows]
    wanted = {row["url"]: row for row in gold_rows}
    texts: dict[str, str] = {}
    for _, article in iter_articles():
        if article["url"] in wanted:
            texts[article["url"]] = article["content"]

    totals = {"quote": [0, 0, 0], "term": [0, 0, 0], "quoted": [0, 0, 0]}  # tp, pred, gold
    speaker_ok = via_ok = cue_ok = matched = 0
    errors: list[str] = []
    for row in gold_rows:
        text = texts[row["url"]]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != row["sha256"]:
            sys.exit(f"{row['url']}: article text differs from the annotated one")
        gold = [Span(**s) for s in row["spans"]]
        claims = extract(text, lang="ar").claims
        pred = [Span(str(c.kind), c.start, c.end, c.speaker, c.cue, c.via)
                for c in claims if str(c.kind) in ("quote", "term")]
        for kind in ("quote", "term"):
            g = [s for s in gold if s.kind == kind]
            p = [s for s in pred if s.kind == kind]
            pairs = pair_spans(g, p)
            totals[kind][0] += len(pairs)
            totals[kind][1] += len(p)
            totals[kind][2] += len(g)
            if kind == "quote":
                found = {id(gs) for gs, _ in pairs}
                hit = {id(ps) for _, ps in pairs}
                for gs in g:
                    if id(gs) not in found:
                        errors.append(f"MISSED quote {row['url']} [{gs.start}:{gs.end}] "
                                      f"{text[gs.start:gs.end][:90]!r}")
                for ps in p:
                    if id(ps) not in hit:
                        errors.append(f"EXTRA  quote {row['url']} [{ps.start}:{ps.end}] "
                                      f"{text[ps.start:ps.end][:90]!r}")
                for gs, ps in pairs:
                    matched += 1
                    ok = names_agree(gs.speaker, ps.speaker)
                    speaker_ok += ok
                    via_ok += names_agree(gs.via, ps.via) or cue_agrees(gs.via, ps.via)
                    cue_ok += cue_agrees(gs.cue, ps.cue)
                    if not ok:
                        errors.append(f"SPEAKER {row['url']} [{gs.start}:{gs.end}] gold "
                                      f"{gs.speaker!r} got {ps.speaker!r}")
        pairs = pair_spans(gold, pred)
        totals["quoted"][0] += len(pairs)
        totals["quoted"][1] += len(pred)
        totals["quoted"][2] += len(gold)

    print(f"split {args.split}: articles {len(gold_rows)}, gold quotes {totals['quote'][2]}, "
          f"gold terms {totals['term'][2]}")
    labels = {"quote": "quotations (kind quote)", "term": "terms (kind term)",
              "quoted": "all quoted spans, any kind"}
    for key, label in labels.items():
        tp, n_pred, n_gold = totals[key]
        p, r, f = prf(tp, n_pred, n_gold)
        print(f"{label:28} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, predicted {n_pred}, "
              f"gold {n_gold})")
    if matched:
        print(f"over {matched} matched quotations: speaker accuracy {speaker_ok / matched:.3f}, "
              f"via accuracy {via_ok / matched:.3f}, cue accuracy {cue_ok / matched:.3f}")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
