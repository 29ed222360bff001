"""Number check on one huge link: seconds per link size, to show the cost grows about linearly.

Issue 12: one 200 KB sentence pair took 41 s (the check compared every number with every other).
The link is built from two template sentences (English / German, ~9 numbers each, some differing, some
with units), repeated; ratio = seconds relative to the smallest size, against the size ratio.

    python scripts/bench_numbers.py [--sizes 25,50,100,200] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

from align.model import DocumentSet, Link
from align.report import ReportOptions
from align.report.base import CheckContext, LinkContext
from align.report.checks.numbers import NumberChecker

EN = (
    "In 2021 the firm sold 1,234 units for 5.5 percent more, drove 12 km, waited between 24 and 48 hours "
    "on 9 December and paid $3m. "
)
DE = (
    "Im Jahr 2021 verkaufte die Firma 1.235 Einheiten für 5,6 Prozent mehr, fuhr 12 Meilen, wartete "
    "zwischen 24 und 49 Stunden am 9. Dezember und zahlte 3 Mio. Dollar. "
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="25,50,100,200", help="KB of English text per link")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'KB':>5} {'numbers':>8} {'seconds':>8} {'time x':>7} {'size x':>7}")
    first = None
    checker = NumberChecker(CheckContext(ReportOptions(), DocumentSet("bench", {}, [])))
    for kb in sizes:
        n = kb * 1000 // len(EN) + 1
        link = LinkContext("en-de", Link((0,), (0,)), "en", "de", ("e1",), ("d1",), EN * n, DE * n)
        times = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            findings = list(checker.check(link))
            times.append(time.perf_counter() - t0)
        seconds = statistics.median(times)
        first = first or (kb, seconds)
        assert findings, "the link's numbers differ: the check must say so"
        print(f"{kb:>5} {n * 9:>8} {seconds:>8.2f} {seconds / first[1]:>7.1f} {kb / first[0]:>7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
