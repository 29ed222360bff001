"""Fuzz every reader of outside input with a larger budget than the test suite's (tests/test_fuzz_readers.py:
any bytes give a result or an InputError, never another exception, within Hypothesis' deadline).

    python scripts/fuzz_readers.py [--examples 5000] [-k tei]

Prints pytest's summary; a failure shows the smallest input that breaks the reader. Exits non-zero then.
"""

from __future__ import annotations

import argparse
import os
import sys

from benchlib import REPO


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples per reader")
    parser.add_argument("-k", dest="select", help="only the readers matching this pytest -k expression")
    args = parser.parse_args()
    os.environ["ALIGN_FUZZ_EXAMPLES"] = str(args.examples)
    import pytest

    argv = ["-q", "-p", "no:cacheprovider", str(REPO / "tests" / "test_fuzz_readers.py")]
    return pytest.main([*argv, *(["-k", args.select] if args.select else [])])


if __name__ == "__main__":
    sys.exit(main())
