"""A seeded synthetic ecosystem generator: realistic, heavy-tailed workspaces of any size.

The same arguments always give the same ecosystem, whether it is built in memory
(:func:`generate_dataset`) or streamed to a CSV workspace folder (:func:`write_workspace`).

How the ecosystem is drawn
--------------------------
- Actors get a sector (realistic proportions), a finer ``type``, a category, a territory
  (Zipf-sized, named ``T001``...; one per MRC, up to the 104 of Québec) and a scope (mostly
  local). Each actor has a Pareto "activity"; its weight for a role (carrier, funder,
  support partner, adopter, beneficiary, tie partner) is that activity times a propensity
  of its sector. Weighted choice makes degrees heavy-tailed, as among real funders.
  (:mod:`~graphmap.synth.topology`, tables in :mod:`~graphmap.synth.vocabulary` and
  :mod:`~graphmap.synth.names`.)
- Projects get a stage (all four), themes, a territory and years. The relation budget is
  split between actor→project roles (about 78 %) and actor→actor ties. Role counts per
  project follow its stage (adopters appear from ``feedback`` on) and a log-normal size
  (:mod:`~graphmap.synth.budget`).
- A role is filled from the project's own territory (local actors) or from the actors whose
  scope reaches everywhere, so a local actor never acts outside its territory
  (:mod:`~graphmap.synth.pools`).
- Actor→actor ties grow like preferential attachment: actor *a* ties to earlier actors,
  half the time in its own territory. Each unordered pair is drawn once, so no relation
  row repeats (:mod:`~graphmap.synth.relations`).
- Imperfections make gaps appear: a few projects without carrier, funder, support or
  adopter, a few dormant (isolated) actors, and a small island (four actors, one project)
  cut off from the rest.

The total number of relation rows is exactly ``relations``, except in tiny ecosystems
(a handful of actors) where some roles find no fitting actor; then it is a little less.
The same arguments give the same bytes with the same numpy version, whatever the
platform or ``PYTHONHASHSEED`` (``tests/synth/test_synth_bytes.py`` pins them).

Modules
-------
- :mod:`~graphmap.synth.sizes`: arguments, their defaults and checks.
- :mod:`~graphmap.synth.vocabulary`, :mod:`~graphmap.synth.names`: sectors, scopes, stages
  and roles by name, their codes, and the tables of a regional ecosystem.
- :mod:`~graphmap.synth.topology`, :mod:`~graphmap.synth.pools`,
  :mod:`~graphmap.synth.budget`, :mod:`~graphmap.synth.relations`: the model.
- :mod:`~graphmap.synth.ecosystem`: one seeded ecosystem and its rows.
- :mod:`~graphmap.synth.dataset`, :mod:`~graphmap.synth.writer`: the two outputs.

The package imports its modules on first use, so that ``graphmap generate --help`` can
read the defaults of :mod:`~graphmap.synth.sizes` without loading numpy.

Examples
--------
>>> from graphmap.synth import DEFAULT_SEED, generate_dataset
>>> ds = generate_dataset(40, 10, 120, seed=DEFAULT_SEED)
>>> len(ds.actors), len(ds.projects), len(ds.relations)
(40, 10, 120)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graphmap.synth.dataset import generate_dataset
    from graphmap.synth.ecosystem import ACTOR_HEADER, PROJECT_HEADER, RELATION_HEADER
    from graphmap.synth.sizes import (
        ACTORS_PER_PROJECT,
        DEFAULT_ACTORS,
        DEFAULT_SEED,
        RELATIONS_PER_ACTOR,
        Sizes,
        check_sizes,
        resolve_sizes,
    )
    from graphmap.synth.writer import Progress, write_workspace

# public name -> module that defines it
_PUBLIC: dict[str, str] = {
    "generate_dataset": "graphmap.synth.dataset",
    "write_workspace": "graphmap.synth.writer",
    "Progress": "graphmap.synth.writer",
    "ACTOR_HEADER": "graphmap.synth.ecosystem",
    "PROJECT_HEADER": "graphmap.synth.ecosystem",
    "RELATION_HEADER": "graphmap.synth.ecosystem",
    **dict.fromkeys(
        (
            "Sizes",
            "check_sizes",
            "resolve_sizes",
            "DEFAULT_ACTORS",
            "DEFAULT_SEED",
            "ACTORS_PER_PROJECT",
            "RELATIONS_PER_ACTOR",
        ),
        "graphmap.synth.sizes",
    ),
}

__all__ = [
    "ACTORS_PER_PROJECT",
    "ACTOR_HEADER",
    "DEFAULT_ACTORS",
    "DEFAULT_SEED",
    "PROJECT_HEADER",
    "RELATIONS_PER_ACTOR",
    "RELATION_HEADER",
    "Progress",
    "Sizes",
    "check_sizes",
    "generate_dataset",
    "resolve_sizes",
    "write_workspace",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'graphmap.synth' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
