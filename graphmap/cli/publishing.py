"""``--public`` and ``--include-columns``: the publication step of docs/privacy.md as the
commands use it. Each command loads, analyses, then hands its pair to :class:`Publishing`,
and draws what it gets back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from graphmap.cli.common import help_text
from graphmap.i18n import Listing, Message, translate

F = TypeVar("F", bound=Callable[..., Any])


def public_option(func: F) -> F:
    """``--public``: outputs meant for the web (docs/privacy.md)."""
    return click.option("--public", is_flag=True, default=False,
                        help=help_text("privacy.cli.public_help"))(func)


def include_option(func: F) -> F:
    """``--include-columns NAME,...``: own columns that may be published all the same."""
    return click.option("--include-columns", "include_columns", default=None,
                        metavar="NAME,...", help=help_text("privacy.cli.include_help"))(func)


def publishing_options(func: F) -> F:
    return public_option(include_option(func))


class Publishing:
    """The publication settings of one command run.

    Built after the workspace is loaded (so that an unknown ``--include-columns`` name is a
    usage error before any analysis); :meth:`shown` gives what HTML, Markdown and the map
    may draw, :meth:`data` what the JSON report, exports and Neo4j may hold. ``also``: the
    other year of ``graphmap compare``, whose columns may be included too.
    """

    def __init__(self, workspace: Path, dataset: Any, *, public: bool,
                 include_columns: str | None, lang: str, config_path: Path | None = None,
                 also: tuple[Any, ...] = ()) -> None:
        from graphmap.privacy import load_policy, parse_column_list, resolve_columns

        self.workspace, self.public, self.lang = workspace, public, lang
        policy = load_policy(config_path, workspace=workspace)
        resolve_columns(dataset, policy.include_columns, option="[publish] include_columns",
                        also=also)
        names = parse_column_list(include_columns)
        self.policy = policy.with_columns(names)
        self.included = resolve_columns(dataset, self.policy.include_columns,
                                        option="--include-columns", also=also)
        self.publication: Any = None
        self.held: tuple[Any, ...] = ()

    def apply(self, dataset: Any, report: Any, *, like: Publishing | None = None) -> None:
        """Run the step on the analysed pair (public mode) or find the contact columns to
        hold back (default mode). ``like``: the other year of ``graphmap compare``, already
        published: a person keeps the label it has there (``Personne 3`` both years)."""
        from graphmap.privacy import hold_back, load_salt, publish

        self.full = (dataset, report)
        if self.public:
            self.publication = publish(dataset, report, policy=self.policy,
                                       included=self.included,
                                       salt=load_salt(self.workspace), lang=self.lang,
                                       labels=like.publication.labels
                                       if like is not None and like.publication else None)
            self.held_dataset = self.publication.dataset
        else:
            self.held_dataset, self.held = hold_back(dataset, self.included, lang=self.lang)

    def shown(self) -> tuple[Any, Any]:
        """The pair HTML, Markdown and the map draw."""
        if self.publication is not None:
            return self.publication.dataset, self.publication.report
        return self.held_dataset, self.full[1]

    def data(self) -> tuple[Any, Any]:
        """The pair the JSON report, the text report, exports and Neo4j hold: everything in
        default mode (the user's own files and screen), the public pair with ``--public``."""
        if self.publication is not None:
            return self.publication.dataset, self.publication.report
        return self.full

    def published_id(self, node_id: str) -> str:
        """The id ``node_id`` has in the public outputs (a person's pseudonym or group); a
        person shown nowhere is a usage error (its real id must not reach an output)."""
        if self.publication is None:
            return node_id
        if node_id in self.publication.hidden:
            from graphmap.errors import UsageError

            raise UsageError("privacy.not_published", id=node_id)
        return str(self.publication.ids.get(node_id, node_id))

    def published_views(self, views: list[Any], dataset: Any) -> list[Any]:
        """Guided views whose focus names a node as the published ``dataset`` shows it (a
        person's pseudonym in public mode), so no view leaks a real id."""
        if not self.public:
            return views
        import dataclasses

        return [dataclasses.replace(v, focus=self.published_id(v.focus))
                if v.focus is not None and dataset.kind_of(v.focus) is None else v
                for v in views]

    def write_log(self, out_dir: Path, stem: str = "publication") -> list[Path]:
        """``publication.md`` and ``publication.json`` (``STEM.md``, ``STEM.json``) in
        ``out_dir`` (public mode only)."""
        if self.publication is None:
            return []
        from graphmap.privacy import write_publication

        return write_publication(self.publication.log, out_dir, self.lang, stem)

    def notice(self) -> str | None:
        """The one line that says what was held back (default) or done (public)."""
        if self.publication is not None:
            totals = self.publication.log.totals
            columns = {(e.table, e.column) for e in self.publication.log.entries
                       if e.action == "removed" and e.table != "report"
                       and e.column not in ("id", "name")}
            counts = {**{key: totals[key] for key in
                         ("pseudonymised", "aggregated", "groups", "removed")},
                      "columns": len(columns)}
            return translate("privacy.summary", self.lang, **{
                key: Message(f"privacy.count.{key}", {"count": n}) for key, n in counts.items()})
        return held_back_notice(self.held, self.lang)


def validate_notice(workspace: Path, dataset: Any, lang: str) -> str | None:
    """The held-back line of ``graphmap validate`` (``[publish]`` of the workspace's
    ``graphmap.toml`` applied)."""
    from graphmap.privacy import contact_columns, load_policy, resolve_columns

    policy = load_policy(None, workspace=workspace)
    included = resolve_columns(dataset, policy.include_columns,
                               option="[publish] include_columns")
    return held_back_notice([c for c in contact_columns(dataset) if c.column not in included],
                            lang)


def held_back_notice(held: Any, lang: str) -> str | None:
    """``Contact columns held back ...: actors.Courriel, ...; to publish them: ...``."""
    if not held:
        return None
    names = ",".join(dict.fromkeys(c.column for c in held))
    if any(ch in names for ch in " \"'"):
        names = f'"{names}"'
    return translate("privacy.held_back", lang, names=names,
                     columns=Listing(f"{c.table}.{c.column}" for c in held))
