"""The generator's arguments: sizes, seed, their defaults (one place for the library and
``graphmap generate``) and their checks.

Examples
--------
>>> resolve_sizes(80)
Sizes(actors=80, projects=20, relations=400, seed=42)
>>> resolve_sizes(2).relations  # two actors and one project hold at most three relations
3
"""

from __future__ import annotations

from dataclasses import dataclass

from graphmap.errors import UsageError
from graphmap.i18n import Message
from graphmap.load.issues import Number

#: Actors of an ecosystem generated without sizes.
DEFAULT_ACTORS = 1000
#: Seed of an ecosystem generated without one (the generator's own, not the analysis seed).
DEFAULT_SEED = 42
#: Without a project count, one project per this many actors (at least one project).
ACTORS_PER_PROJECT = 4
#: Without a relation count, this many relations per actor (fewer if they cannot fit).
RELATIONS_PER_ACTOR = 5


@dataclass(frozen=True)
class Sizes:
    """The sizes asked for and the seed.

    :func:`check_sizes` and :func:`resolve_sizes` give checked ones.
    """

    actors: int
    projects: int
    relations: int
    seed: int

    @property
    def max_relations(self) -> int:
        """An upper bound of distinct relations these sizes can hold.

        Every actor toward every project, plus every unordered pair of actors:
        :math:`n m + n (n - 1) / 2`.
        """
        return self.actors * self.projects + self.actors * (self.actors - 1) // 2


def check_sizes(actors: int, projects: int, relations: int, seed: int) -> Sizes:
    """Check the generator's arguments; a bad one raises ``UsageError`` (exit status 2).

    >>> check_sizes(10, 2, 5, 1).max_relations
    65
    """
    for option, value, minimum in (
        ("--actors", actors, 1),
        ("--projects", projects, 1),
        ("--relations", relations, 0),
        ("--seed", seed, 0),
    ):
        if not isinstance(value, int) or value < minimum:
            raise UsageError(
                "generate.error_too_small", option=option, value=value, minimum=minimum
            )
    sizes = Sizes(actors, projects, relations, seed)
    if relations > sizes.max_relations:
        raise UsageError(
            "generate.error_too_many_relations",
            count=Number(relations),  # grouped by thousands in running text
            actors=Message("count.actors", {"count": Number(actors)}),
            projects=Message("count.projects", {"count": Number(projects)}),
            maximum=Number(sizes.max_relations),
        )
    return sizes


def resolve_sizes(
    actors: int = DEFAULT_ACTORS,
    projects: int | None = None,
    relations: int | None = None,
    seed: int = DEFAULT_SEED,
) -> Sizes:
    """The checked sizes, a missing project or relation count given its default.

    Parameters
    ----------
    actors : int
        At least one actor (default :data:`DEFAULT_ACTORS`).
    projects : int, optional
        Default: ``max(1, actors // ACTORS_PER_PROJECT)``.
    relations : int, optional
        Default: ``RELATIONS_PER_ACTOR * actors``, or as many as tiny sizes can hold
        (:attr:`Sizes.max_relations`).
    seed : int
        Non-negative (default :data:`DEFAULT_SEED`).

    Raises
    ------
    UsageError
        As :func:`check_sizes`.

    Examples
    --------
    >>> resolve_sizes(1000, seed=1)
    Sizes(actors=1000, projects=250, relations=5000, seed=1)
    """
    if projects is None:
        projects = max(1, actors // ACTORS_PER_PROJECT)
    if relations is None:
        room = max(0, Sizes(actors, projects, 0, seed).max_relations)
        relations = min(RELATIONS_PER_ACTOR * actors, room)
    return check_sizes(actors, projects, relations, seed)
