"""Benchmark: movement extraction (geo.relations) against geoparse on the same text, at growing sizes.

The extractor must stay linear: its time per MB should not grow with the text. Inputs are the
annotated movement sentences (tests/data/movements) plus the seed statement, repeated to each size,
so every MB holds many triggers, role words and lists. The peer is geoparse itself on the same text
in the same run (the extractor runs on its result): the ratio says what movements add to a parse.

Run: ``.venv/bin/python bench/bench_movements.py`` (writes bench/results_movements.md). Medians.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from geo import geoparse, load_gazetteer  # noqa: E402
from geo.relations import extract_movements  # noqa: E402

SIZES = (100_000, 200_000, 400_000, 800_000)
REPEAT = 3


def base_text(lang: str) -> str:
    rows = [json.loads(line) for line in (ROOT / "tests/data/movements" / f"{lang}.jsonl").open(encoding="utf-8")]
    seed = (ROOT / "data/statements" / f"statement-2026-02-09-riyadh.{lang}.txt").read_text(encoding="utf-8")
    return "\n\n".join([*(r["text"] for r in rows), seed])


def sized(text: str, size: int) -> str:
    reps = size // len(text.encode()) + 1
    return "\n\n".join([text] * reps)


def median(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    gaz = load_gazetteer()
    lines = ["# Movement extraction: time per size (medians of 3), geoparse as the peer", "",
             "| lang | size (MB) | movements | geoparse (s) | extract_movements (s) | extract ms per MB | "
             "extract / geoparse |", "|---|---|---|---|---|---|---|"]
    for lang in ("ar", "en"):
        base = base_text(lang)
        for size in SIZES:
            text = sized(base, size)
            mb = len(text.encode()) / 1e6
            t_parse = median(lambda: geoparse(text, gazetteer=gaz))  # noqa: B023
            s = geoparse(text, gazetteer=gaz)
            found = len(extract_movements(s))
            t_move = median(lambda: extract_movements(s))  # noqa: B023
            lines.append(f"| {lang} | {mb:.2f} | {found} | {t_parse:.2f} | {t_move:.3f} | "
                         f"{1000 * t_move / mb:.0f} | {t_move / t_parse:.2f} |")
            print(lines[-1], flush=True)
    lines += ["", "Linear when 'extract ms per MB' stays flat as the size doubles.", "",
              "| seed statement | geoparse (ms) | extract_movements (ms) | movements |", "|---|---|---|---|"]
    for lang in ("ar", "en"):
        text = (ROOT / "data/statements" / f"statement-2026-02-09-riyadh.{lang}.txt").read_text(encoding="utf-8")
        t_parse = median(lambda: geoparse(text, gazetteer=gaz), 30)  # noqa: B023
        s = geoparse(text, gazetteer=gaz)
        t_move = median(lambda: extract_movements(s), 30)  # noqa: B023
        lines.append(f"| {lang} ({len(text.encode()) / 1000:.1f} KB) | {1000 * t_parse:.1f} | {1000 * t_move:.1f} | "
                     f"{len(extract_movements(s))} |")
        print(lines[-1], flush=True)
    lines.append("")
    (ROOT / "bench" / "results_movements.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
