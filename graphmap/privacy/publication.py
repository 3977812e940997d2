"""``publication.md`` and ``publication.json``: the publication log, written beside the
outputs. It names columns, rules and counts, never a value, so it can be handed to a board
or attached to a privacy impact assessment."""

from __future__ import annotations

import json
from pathlib import Path

from graphmap.atomic import write_text
from graphmap.i18n import translate
from graphmap.privacy.log import PublicationLog


def log_json(log: PublicationLog) -> str:
    """The log as JSON (UTF-8, two-space indent, a final newline)."""
    return json.dumps(log.as_dict(), ensure_ascii=False, indent=2) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def log_markdown(log: PublicationLog, lang: str) -> str:
    """The log as a Markdown page in ``lang``.

    >>> from graphmap.privacy.log import LogEntry
    >>> page = log_markdown(PublicationLog("public", "2026-01-01", "0.1", "en", 2, True, (),
    ...     "file", (LogEntry("removed", "actors", "Courriel", "header", 21),)), "en")
    >>> "| actors | Courriel |" in page, "21 |" in page
    (True, True)
    """
    def t(key: str, **params: object) -> str:
        return translate(f"privacy.log.{key}", lang, **params)

    lines = [f"# {t('title')}", "", t(f"intro_{log.mode}", date=log.date,
                                      version=log.graphmap_version), ""]
    lines += [f"## {t('rules')}", ""]
    if log.mode == "public":
        lines += [f"- {t('rule_analysis')}", f"- {t('rule_persons')}",
                  f"- {t('rule_k', k=log.k)}",
                  f"- {t('rule_aggregate' if log.aggregate else 'rule_flag_only')}",
                  f"- {t('rule_columns')}", f"- {t('rule_scrub')}",
                  f"- {t('rule_salt_' + (log.salt_source or 'file'))}"]
    else:
        lines += [f"- {t('rule_default')}"]
    included = ", ".join(f"`{c}`" for c in log.included_columns) or t("none")
    lines += [f"- {t('included', columns=included)}", ""]
    if log.totals:
        lines += [f"## {t('totals')}", "", f"| {t('what')} | {t('count')} |", "|---|---:|"]
        lines += [f"| {t('total.' + key)} | {value} |" for key, value in log.totals.items()]
        lines.append("")
    lines += [f"## {t('entries')}", ""]
    if log.entries:
        lines += [f"| {t('action')} | {t('table')} | {t('column')} | {t('rule')} | {t('count')} |",
                  "|---|---|---|---|---:|"]
        lines += [f"| {t('action.' + e.action)} | {e.table} | {_cell(e.column)} | "
                  f"{t('rule.' + e.rule)} (`{e.rule}`) | {e.count} |" for e in log.entries]
    else:
        lines.append(t("nothing"))
    lines.append("")
    if log.groups:
        lines += [f"## {t('groups')}", "", f"| id | {t('label')} | {t('size')} |",
                  "|---|---|---:|"]
        lines += [f"| `{g.id}` | {_cell(g.label)} | {g.size} |" for g in log.groups]
        lines.append("")
    lines += [f"## {t('responsibility')}", "", t("responsibility_text"), ""]
    return "\n".join(lines)


def write_publication(log: PublicationLog, out_dir: Path, lang: str,
                      stem: str = "publication") -> list[Path]:
    """Write ``STEM.md`` and ``STEM.json`` (``publication.md``, ``publication.json``)
    atomically into ``out_dir``."""
    return [write_text(out_dir / f"{stem}.md", log_markdown(log, lang)),
            write_text(out_dir / f"{stem}.json", log_json(log))]
