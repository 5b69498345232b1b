"""Coverage-guided fuzzing of ``verify.extract.extract`` with atheris (libFuzzer).

Runs for a bounded time and prints how many inputs were executed and what was found.
A finding is an exception from ``extract`` or a broken invariant (a claim whose text
is not ``text[start:end]``, or a span out of bounds); each is saved under
``--findings`` (default: a temporary folder) and fuzzing goes on. Skips cleanly when
atheris is not installed (``pip install atheris``; it is in the dev extra).

    .venv/bin/python benchmarks/fuzz_extract.py [--seconds 60] [--findings DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

SEEDS = (
    "قال وزير الخارجية إن «الاجتماع كان مثمرا جدا» مشيرا إلى أن المفاوضات مستمرة.",
    "ونقلت وكالة نوفوستي عن بورودافكين قوله: “كل ما قاله حظي بتأييد” ووصف المناطق بأنها \"مؤقتة\".",
    "جنيف-سانا\nأكد المبعوث الأممي ستافان دي ميستورا أن «هناك الكثير من العمل» في أستانا.",
    'The minister said: "We will never accept preconditions," adding that talks would resume.',
    "«»“”\"'«نص «متداخل» هنا» ‹›„“ ‘quoted’ 'term'",
    "\u202eقال\u202c «Pоutine» \u200bsaid\u200d ١٢٣ 2254",
)
LANGS = (None, "ar", "en")


def child(seconds: int, findings: Path, corpus: Path) -> None:
    """The fuzzing process: libFuzzer owns it and ends it with exit()."""
    import atheris

    with atheris.instrument_imports():
        from verify.extract import extract

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        lang = LANGS[provider.ConsumeIntInRange(0, len(LANGS) - 1)]
        text = provider.ConsumeUnicodeNoSurrogates(len(data))
        try:
            result = extract(text, lang=lang)
            for claim in result.claims:
                if not 0 <= claim.start <= claim.end <= len(text):
                    raise AssertionError(f"span out of bounds: {claim.start}-{claim.end}")
                if text[claim.start:claim.end] != claim.text:
                    raise AssertionError(f"claim text is not text[{claim.start}:{claim.end}]")
        except Exception:
            name = hashlib.sha256(data).hexdigest()[:16]
            (findings / f"finding-{name}.txt").write_text(
                f"lang={lang!r}\ntext={text!r}\n\n{traceback.format_exc()}", encoding="utf-8"
            )

    args = [sys.argv[0], str(corpus), f"-max_total_time={seconds}", "-timeout=20",
            "-rss_limit_mb=4096", "-max_len=20000", "-print_final_stats=1"]
    atheris.Setup(args, one_input)
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz")
    parser.add_argument("--findings", type=Path, help="folder for findings (default: temporary)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed: skipped (pip install atheris)")
        return
    if args.child:
        child(args.seconds, args.findings, args.corpus)
        return
    with tempfile.TemporaryDirectory() as tmp:
        findings = args.findings or Path(tmp) / "findings"
        findings.mkdir(parents=True, exist_ok=True)
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i, seed in enumerate(SEEDS):
            (corpus / f"seed{i}").write_bytes(bytes([i % len(LANGS)]) + seed.encode("utf-8"))
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
        proc = subprocess.run(
            [sys.executable, __file__, "--child", "--seconds", str(args.seconds),
             "--findings", str(findings), "--corpus", str(corpus)],
            capture_output=True, text=True, env=env, check=False,
        )
        log = proc.stderr
        runs = re.findall(r"Done (\d+) runs in (\d+) second", log)
        cov = re.findall(r"cov: (\d+) ft: (\d+)", log)
        found = sorted(findings.glob("finding-*.txt"))
        crashed = "ERROR: libFuzzer" in log or (proc.returncode != 0 and not runs)
        if runs:
            executions, elapsed = map(int, runs[-1])
            print(f"executions: {executions:,} in {elapsed} s ({executions / max(elapsed, 1):,.0f}/s)")
        else:
            print("executions: unknown (libFuzzer printed no final count)")
        if cov:
            print(f"coverage: {cov[-1][0]} edges, {cov[-1][1]} features")
        print(f"corpus: {len(list(corpus.iterdir()))} inputs kept")
        print(f"findings: {len(found)}" + (f" (in {findings})" if found and args.findings else ""))
        for path in found[:5]:
            print("---", path.name)
            print(path.read_text(encoding="utf-8")[-1500:])
        if crashed:
            print("libFuzzer stopped on a crash:\n" + log[-3000:])
        if found or crashed:
            sys.exit(1)


if __name__ == "__main__":
    main()
