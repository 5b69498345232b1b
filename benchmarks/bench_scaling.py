"""Extraction and alignment scale linearly on hostile sizes.

Times ``verify.extract.extract`` and alignment (``prepare_text`` of the document, then
``align`` of an altered quotation against it) at size n and 2n for four inputs: a
10 MB document of paragraphs, 100,000 quotation marks, a 5 MB single line, and deeply
nested quotation marks. Prints the 2n/n ratio of each: about 2 is linear, and
anything above ~2.5 is flagged as superlinear.

    .venv/bin/python benchmarks/bench_scaling.py [--scale 1.0] [--only NAME]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verify.extract import extract
from verify.match.align import align, prepare_text

PARAGRAPH = (
    "وقال وزير الخارجية في مؤتمر صحفي إن «المفاوضات ستستأنف الأسبوع المقبل في جنيف "
    "بمشاركة جميع الأطراف» مشيرا إلى أن الحكومة تدعم الحل السياسي. "
    'The envoy said: "We expect no breakthroughs, but the talks are useful," adding '
    "that the next round would start on Monday.\n\n"
)
LINE = "وقال الوزير إن «الاقتصاد نما بنسبة 3 في المئة» مشيرا إلى أن العام المقبل أفضل، "
MARKS = "قال «نعم» و“لا” ثم \" "  # 5 marks
QUERY = "المفاوضات ستستأنف الأسبوع القادم في جنيف بمشاركة كل الأطراف"  # altered wording


def document(size: int) -> str:
    """``size`` characters of paragraphs."""
    return (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size]


def one_line(size: int) -> str:
    return (LINE * (size // len(LINE) + 1))[:size]


def quote_marks(count: int) -> str:
    """Text holding ``count`` quotation marks of mixed kinds, in short quotations."""
    return MARKS * (count // 5)


def nested(depth: int) -> str:
    """Quotation marks nested ``depth`` deep, of alternating kinds, with words between."""
    opens, closes = "«“‹\"", "»”›\""
    head = "".join(f"{opens[i % 4]}قال {i} " for i in range(depth))
    tail = "".join(f" انتهى{closes[i % 4]}" for i in reversed(range(depth)))
    return head + "الكلام الأعمق" + tail


CASES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "10 MB document": (document, 10_000_000, "characters"),
    "100,000 quotation marks": (quote_marks, 100_000, "marks"),
    "5 MB single line": (one_line, 5_000_000, "characters"),
    "deeply nested quotes": (nested, 2_000, "levels"),
}


def timed(fn: Callable[[], object]) -> float:
    """Seconds for one call; best of three when a call is short (under a second, one
    scheduler hiccup or garbage collection would decide the ratio)."""
    runs = []
    while not runs or (sum(runs) < 1.0 and len(runs) < 3):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return min(runs)


def measure(text: str) -> tuple[float, float]:
    """Seconds to extract, seconds to prepare and align."""
    extract_s = timed(lambda: extract(text))
    query = prepare_text(QUERY)
    align_s = timed(lambda: align(query, prepare_text(text)))
    return extract_s, align_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size n by this")
    parser.add_argument("--only", choices=sorted(CASES), help="run one case")
    args = parser.parse_args()
    print(f"{'case':<26} {'n':>12} {'extract n':>10} {'2n':>9} {'ratio':>6} "
          f"{'align n':>9} {'2n':>9} {'ratio':>6}")
    worst = 0.0
    extract(PARAGRAPH)  # load the language pipeline before timing anything
    for name, (make, size, unit) in CASES.items():
        if args.only and name != args.only:
            continue
        n = max(1, int(size * args.scale))
        e1, a1 = measure(make(n))
        e2, a2 = measure(make(2 * n))
        er, ar = e2 / max(e1, 1e-9), a2 / max(a1, 1e-9)
        worst = max(worst, er, ar)
        mark = "  <- superlinear" if max(er, ar) > 2.5 else ""
        print(f"{name:<26} {n:>12,} {e1:>9.2f}s {e2:>8.2f}s {er:>6.2f} "
              f"{a1:>8.2f}s {a2:>8.2f}s {ar:>6.2f}{mark}  ({unit})", flush=True)
    print(f"\nworst 2n/n ratio: {worst:.2f} (2.0 is linear)")


if __name__ == "__main__":
    main()
