"""Change over time: two years of an ecosystem compared, and last year's proposals checked.

- :func:`compare` analyses two Datasets with the same settings and returns a
  :class:`CompareReport` (what was added, removed, changed; funding, brokers, gaps, network
  figures before and after; which of OLD's proposals NEW holds as relations);
- :func:`as_of` cuts a Dataset at a year, from the years on its relations and projects.

The JSON contract of the report and the ``--as-of`` rule are in ``docs/compare.md``.
"""

from __future__ import annotations

from graphmap.compare.asof import as_of, dated_years, parse_as_of, split_side
from graphmap.compare.pipeline import compare, compare_analyses
from graphmap.compare.report import CompareReport

__all__ = ["CompareReport", "as_of", "compare", "compare_analyses", "dated_years",
           "parse_as_of", "split_side"]
