"""Analysis settings (seed, thresholds, size limits) and their ``graphmap.toml`` file.

The file holds an ``[analysis]`` table; other top-level tables belong to other parts of
graphmap and are left alone here. Every key is documented in ``KEY_HELP`` (and in the
README): a key this module does not know is an error with a "did you mean" suggestion,
never silently ignored.
"""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphmap.errors import ConfigError

CONFIG_FILENAME = "graphmap.toml"
SECTION = "analysis"

# The option tables: the config checks its values against them and the CLI builds its
# choices from them (``--group-by``, ``--engine``), so the two cannot drift apart.
#: Groups of the Gould–Fernandez brokerage roles (``group_by``, ``--group-by``).
GROUP_BY: tuple[str, ...] = ("sector", "territory", "community")
#: Link-prediction indices of the collaborate proposals (``link_prediction``).
LINK_PREDICTION: tuple[str, ...] = ("resource_allocation", "adamic_adar")
#: Where ``graphmap analyze`` computes (``--engine``): here, or in Neo4j with GDS.
ENGINES: tuple[str, ...] = ("local", "neo4j")
DEFAULT_ENGINE = "local"


@dataclass(frozen=True)
class AnalysisConfig:
    """Every tunable of the analysis. Defaults are the documented ones.

    Invalid values raise :class:`graphmap.errors.ConfigError` at construction.

    >>> AnalysisConfig().min_sectors
    3
    >>> AnalysisConfig(group_by="territory").group_by
    'territory'
    """

    #: Seed of every random step (betweenness sampling, communities).
    seed: int = 42
    #: A project at mobilization or later needs actors from at least this many sectors.
    min_sectors: int = 3
    #: How many brokers and opportunities the reports show first.
    top: int = 20
    #: Groups of the Gould–Fernandez brokerage roles: sector, territory or community.
    group_by: str = "sector"
    #: Exact betweenness when G_u has at most this many nodes; sampled (KADABRA) above.
    exact_betweenness_max_nodes: int = 5000
    #: No longer used (betweenness is sampled by KADABRA to ``betweenness_epsilon``); still
    #: accepted so that existing ``graphmap.toml`` files load.
    betweenness_samples: int = 1500
    #: Failure probability of the reported error bound of sampled betweenness.
    betweenness_delta: float = 0.1
    #: Largest error of sampled betweenness on every node at once (KADABRA's epsilon, on
    #: the n(n-1) pair normalization; the report gives it on graphmap's, ε n / (n - 2)).
    betweenness_epsilon: float = 0.01
    #: At most this many fund / support / adopt proposals per project and kind.
    opportunities_per_project: int = 3
    #: At most this many collaborate proposals per actor (as the first of the pair).
    collaborations_per_actor: int = 2
    #: At most this many opportunities of each kind in the report (0 = no limit).
    max_opportunities_per_kind: int = 100
    #: Link-prediction index for collaborate: resource_allocation or adamic_adar.
    link_prediction: str = "resource_allocation"
    #: Modularity resolution of the community detection (1 = classic modularity).
    community_resolution: float = 1.0

    def __post_init__(self) -> None:
        for spec in dataclasses.fields(self):
            value = getattr(self, spec.name)
            expected = _TYPES[spec.name]
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                object.__setattr__(self, spec.name, float(value))
                value = float(value)
            if not isinstance(value, expected) or isinstance(value, bool):
                raise ConfigError("analysis.config.bad_type", name=spec.name,
                                  expected=_TYPE_NAMES[expected], value=repr(value))
        _check_range("min_sectors", self.min_sectors, 1)
        _check_range("top", self.top, 1)
        _check_range("exact_betweenness_max_nodes", self.exact_betweenness_max_nodes, 0)
        _check_range("betweenness_samples", self.betweenness_samples, 1)
        _check_range("opportunities_per_project", self.opportunities_per_project, 0)
        _check_range("collaborations_per_actor", self.collaborations_per_actor, 0)
        _check_range("max_opportunities_per_kind", self.max_opportunities_per_kind, 0)
        for name in ("betweenness_delta", "betweenness_epsilon"):
            if not 0.0 < getattr(self, name) < 1.0:
                raise ConfigError("analysis.config.bad_range", name=name,
                                  value=repr(getattr(self, name)), limit="]0, 1[")
        if not self.community_resolution > 0.0:
            raise ConfigError("analysis.config.bad_range", name="community_resolution",
                              value=repr(self.community_resolution), limit="> 0")
        _check_choice("group_by", self.group_by, GROUP_BY)
        _check_choice("link_prediction", self.link_prediction, LINK_PREDICTION)

    def replace(self, **changes: Any) -> AnalysisConfig:
        """A copy with ``changes`` applied (``None`` values are ignored, as CLI options
        left unset); unknown names raise ConfigError.

        >>> AnalysisConfig().replace(seed=7, top=None).seed
        7
        """
        known = {f.name for f in dataclasses.fields(self)}
        for key in changes:
            if key not in known:
                raise _unknown_key(key, "AnalysisConfig")
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def as_dict(self) -> dict[str, Any]:
        """Every setting by name, for the report's ``meta``."""
        return dataclasses.asdict(self)


_TYPES: Mapping[str, type] = {
    "seed": int, "min_sectors": int, "top": int, "group_by": str,
    "exact_betweenness_max_nodes": int, "betweenness_samples": int,
    "betweenness_delta": float, "betweenness_epsilon": float,
    "opportunities_per_project": int,
    "collaborations_per_actor": int, "max_opportunities_per_kind": int,
    "link_prediction": str, "community_resolution": float,
}
_TYPE_NAMES: Mapping[type, str] = {int: "integer", float: "number", str: "string"}


def _check_range(key: str, value: int, minimum: int) -> None:
    if value < minimum:
        raise ConfigError("analysis.config.bad_range", name=key, value=repr(value),
                          limit=f">= {minimum}")


def _check_choice(key: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ConfigError("analysis.config.bad_choice", name=key, value=value,
                          choices=", ".join(choices))


def _unknown_key(key: str, where: str) -> ConfigError:
    known = [f.name for f in dataclasses.fields(AnalysisConfig)]
    match = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if match:
        return ConfigError("analysis.config.unknown_key_suggest", name=key, where=where,
                           suggestion=match[0])
    return ConfigError("analysis.config.unknown_key", name=key, where=where,
                       known=", ".join(known))


def config_from_mapping(data: Mapping[str, Any], *, source: str = "") -> AnalysisConfig:
    """Build a config from the parsed content of a ``graphmap.toml``.

    Only the ``[analysis]`` table is read; a top-level setting that belongs in it, or a
    table named like a typo of it, is an error.

    >>> config_from_mapping({"analysis": {"min_sectors": 2}}).min_sectors
    2
    >>> config_from_mapping({"analysis": {"min_sector": 2}})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphmap.errors.ConfigError: graphmap.toml: unknown setting 'min_sector' in [analysis]; ...
    """
    where = source or CONFIG_FILENAME
    for key, value in data.items():
        # [[views]]: the map's guided views, read and checked by graphmap.render.map_views.
        if key in (SECTION, "views"):
            continue
        if not isinstance(value, Mapping):
            raise ConfigError("analysis.config.top_level_key", name=key, where=where)
        if difflib.get_close_matches(key, [SECTION], n=1, cutoff=0.75):
            raise ConfigError("analysis.config.unknown_table", name=key, where=where)
    section = data.get(SECTION, {})
    if not isinstance(section, Mapping):
        raise ConfigError("analysis.config.not_a_table", where=where)
    known = {f.name for f in dataclasses.fields(AnalysisConfig)}
    for key in section:
        if key not in known:
            raise _unknown_key(key, where)
    try:
        return AnalysisConfig(**dict(section))
    except ConfigError as exc:
        # The inner error renders itself in the outer message's language (i18n.Localized).
        raise ConfigError("analysis.config.in_file", where=where, detail=exc) from exc


def load_config(path: str | Path | None = None, *, workspace: str | Path | None = None,
                **overrides: Any) -> AnalysisConfig:
    """The analysis settings: ``path`` if given (it must exist), else ``graphmap.toml`` in
    the ``workspace`` folder if there is one, else the defaults; then ``overrides`` (CLI
    options; ``None`` means "not given").

    Raises
    ------
    ConfigError
        The file is missing (explicit ``path``), unreadable, not valid TOML, has an
        unknown key or a bad value.
    """
    chosen: Path | None = None
    if path is not None:
        chosen = Path(path)
        if not chosen.is_file():
            raise ConfigError("analysis.config.missing", where=str(chosen))
    elif workspace is not None:
        folder = Path(workspace)
        candidate = folder / CONFIG_FILENAME if folder.is_dir() else None
        if candidate is not None and candidate.is_file():
            chosen = candidate
    config = AnalysisConfig()
    if chosen is not None:
        try:
            data = tomllib.loads(chosen.read_text(encoding="utf-8-sig"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError("analysis.config.bad_toml", where=str(chosen),
                              detail=str(exc)) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError("analysis.config.unreadable", where=str(chosen),
                              detail=str(exc)) from exc
        config = config_from_mapping(data, source=str(chosen))
    return config.replace(**overrides)


# One line of documentation per key, in both languages, used by the README and `--help`.
KEY_HELP: Mapping[str, str] = {
    f.name: f"analysis.config.help.{f.name}" for f in dataclasses.fields(AnalysisConfig)
}
