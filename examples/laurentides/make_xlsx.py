"""Build ``examples/laurentides.xlsx`` from the CSV files of this folder.

The CSV folder is loaded and validated with graphmap, then written with graphmap's own
workbook exporter (sheets ``actors``, ``projects``, ``relations``, ``territories``;
amounts and years as numbers). The output is byte-for-byte reproducible, so re-running the
script on unchanged CSVs changes nothing in git. A CSV with an error stops the script
with graphmap's message.

Usage::

    python examples/laurentides/make_xlsx.py                 # writes examples/laurentides.xlsx
    python examples/laurentides/make_xlsx.py --out book.xlsx
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graphmap.errors import GraphmapError
from graphmap.export import write_xlsx
from graphmap.i18n import resolve_lang
from graphmap.workspace import load_workspace

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "laurentides.xlsx"


def make_xlsx(folder: Path, out: Path) -> Path:
    """Write the workspace in ``folder`` as the workbook ``out``.

    Parameters
    ----------
    folder : Path
        A folder holding ``actors.csv``, ``projects.csv`` and ``relations.csv``.
    out : Path
        The ``.xlsx`` file to write (atomically).

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    graphmap.errors.ValidationFailed
        The CSVs hold an error.
    """
    return write_xlsx(load_workspace(folder), out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=HERE, help="folder holding the three CSVs")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="workbook to write")
    args = parser.parse_args(argv)
    try:
        make_xlsx(args.csv, args.out)
    except GraphmapError as exc:
        print(exc.render(resolve_lang()), file=sys.stderr)
        for issue in getattr(exc, "issues", ()):
            print(issue.format(resolve_lang()), file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
