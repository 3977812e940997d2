"""Who is a person, and which persons a published map could single out (k-anonymity).

A person is an actor of sector ``citizen`` or of category ``individual``, or any actor whose
``public`` column says ``non``/``no``; ``public`` = ``oui``/``yes`` names an actor who agreed
to be named. A person's *profile* is its territory, its sector and its ties (relation type,
direction and the other end, any other person counting as "a person"). A person whose
profile fewer than ``k`` persons share could be singled out: by default such persons are
aggregated into one group node per territory.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor
from graphmap.privacy.columns import is_public_column
from graphmap.schema import Category, Sector
from graphmap.validation.values import parse_public

#: Why an actor is treated as a person, in the log's order.
PERSON_RULES: tuple[str, ...] = ("citizen", "individual", "public_no")


def person_rule(actor: Actor) -> str | None:
    """Why ``actor`` is anonymised (``citizen``, ``individual``, ``public_no``), or ``None``.

    >>> person_rule(Actor("a", "Rachel", Sector.CITIZEN))
    'citizen'
    >>> person_rule(Actor("a", "Rachel", Sector.CITIZEN, extra={"Public": "oui"})) is None
    True
    >>> person_rule(Actor("o", "Coop", Sector.SOCIAL_ECONOMY, extra={"public": "non"}))
    'public_no'
    """
    flag = next((parse_public(v) for k, v in actor.extra.items() if is_public_column(k)), None)
    if flag is True:
        return None
    if flag is False:
        return "public_no"
    if actor.sector is Sector.CITIZEN:
        return "citizen"
    if actor.category is Category.INDIVIDUAL:
        return "individual"
    return None


@dataclass(frozen=True)
class Group:
    """Persons published as one node: ``territory`` is theirs if they share it (``None``
    otherwise, ``mixed`` saying why), ``citizens`` whether they are all citizens."""

    members: tuple[str, ...]
    territory: str | None
    mixed: bool
    citizens: bool


@dataclass(frozen=True)
class Anonymity:
    """The outcome of the check: persons whose profile is shared by fewer than ``k``
    (``flagged``), the groups they form, and those too few to form a group (``removed``)."""

    flagged: tuple[str, ...]
    groups: tuple[Group, ...]
    removed: tuple[str, ...]


def profiles(dataset: Dataset, persons: Mapping[str, str]) -> dict[str, tuple[object, ...]]:
    """Each person's (territory, sector, sorted ties)."""
    ties: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for r in dataset.relations:
        if r.source in persons:
            other = "person" if r.target in persons else r.target
            ties[r.source].append((r.type.value, "out", other))
        if r.target in persons:
            other = "person" if r.source in persons else r.source
            ties[r.target].append((r.type.value, "in", other))
    by_id = dataset.actor_by_id
    return {pid: (by_id[pid].territory or "", by_id[pid].sector.value, tuple(sorted(ties[pid])))
            for pid in persons}


def check(dataset: Dataset, persons: Mapping[str, str], *, k: int, aggregate: bool) -> Anonymity:
    """Flag the persons whose profile fewer than ``k`` persons share; with ``aggregate``,
    group them by territory (groups smaller than ``k`` pooled, a pool still too small joined
    to the largest group, or removed when there is no group at all).

    >>> from graphmap.model.records import Relation
    >>> from graphmap.schema import RelationType as R
    >>> people = tuple(Actor(f"c{i}", f"C{i}", Sector.CITIZEN, territory="Lac-Clair")
    ...                for i in range(3))
    >>> ds = Dataset(actors=(*people, Actor("o", "Org", Sector.PUBLIC)),
    ...              relations=(Relation("c0", "o", R.COLLABORATES),
    ...                         Relation("c1", "o", R.COLLABORATES), Relation("c2", "o", R.FUNDS)))
    >>> result = check(ds, {a.id: "citizen" for a in people}, k=2, aggregate=True)
    >>> result.flagged, result.removed
    (('c2',), ('c2',))
    """
    found = profiles(dataset, persons)
    sizes = Counter(found.values())
    flagged = tuple(pid for pid in persons if sizes[found[pid]] < k)
    if not aggregate or not flagged:
        return Anonymity(flagged, (), ())
    by_id = dataset.actor_by_id
    buckets: dict[str, list[str]] = defaultdict(list)
    for pid in flagged:
        buckets[by_id[pid].territory or ""].append(pid)
    groups: list[list[str]] = []
    pool: list[str] = []
    for territory in sorted(buckets):
        bucket = buckets[territory]
        if len(bucket) >= k:
            groups.append(bucket)
        else:
            pool.extend(bucket)
    removed: list[str] = []
    if pool and len(pool) >= k:
        groups.append(pool)
    elif pool and groups:
        max(groups, key=len).extend(pool)
    else:
        removed = pool
    return Anonymity(flagged, tuple(_group(dataset, g) for g in groups), tuple(removed))


def _group(dataset: Dataset, members: Sequence[str]) -> Group:
    actors = [dataset.actor_by_id[m] for m in members]
    territories = {a.territory for a in actors}
    territory = next(iter(territories)) if len(territories) == 1 else None
    return Group(tuple(members), territory, len(territories) > 1,
                 all(a.sector is Sector.CITIZEN for a in actors))
