"""The comparison as sections of translated text, shared by the text, Markdown and HTML
renderers, so the three say the same thing in the same order.

A section holds blocks; a block is a titled list of items (each with detail lines), a table
of figures, or both. Every string is final text in one language; each renderer only lays it
out (and escapes it for its format).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from graphmap.analysis.report import OPPORTUNITY_KINDS
from graphmap.compare.report import (
    NETWORK_FIGURES,
    Change,
    CompareReport,
    GapChange,
    RecordChanges,
    RelationKey,
    Side,
)
from graphmap.i18n import Listing, translate
from graphmap.render.formatting import format_amount, format_number, format_percent
from graphmap.schema import RelationType, Sector, fold

__all__ = ["Block", "Item", "Section", "Table", "build_sections", "compare_title",
           "side_label", "signed", "tie_text"]

_MINUS = "\u2212"
# Decimals shown per network figure (counts have none).
_DIGITS: Mapping[str, int] = {"density": 3, "funding_hhi": 3, "sectors_per_project": 2}


@dataclass
class Table:
    """Rows of cells under a header; ``numeric`` columns are right-aligned."""

    header: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()


@dataclass
class Item:
    """One line of a list, with detail lines under it; ``node`` links it to the map."""

    text: str
    details: list[str] = field(default_factory=list)
    node: str | None = None


@dataclass
class Block:
    """A titled list (``hidden``: items left out by ``--top``), a table, or a paragraph."""

    title: str | None = None
    items: list[Item] = field(default_factory=list)
    hidden: int = 0
    table: Table | None = None
    note: str | None = None


@dataclass
class Section:
    """One part of the comparison; ``id`` is its anchor in the HTML page."""

    id: str
    title: str
    blocks: list[Block]
    intro: str | None = None


def signed(value: float | None, lang: str, *, digits: int = 3, money: bool = False) -> str:
    """A change for people: ``+3``, ``−1 145 000 $``, ``0``; ``—`` when undefined.

    >>> signed(3, "en"), signed(-1145000.0, "fr", money=True), signed(0.0, "en", digits=2)
    ('+3', '−1\\xa0145\\xa0000\\xa0$', '0')
    """
    if value is None:
        return "—"
    if value == 0:
        return "0"
    text = (format_amount(abs(value), lang) if money
            else format_number(abs(value), lang, digits=digits))
    return ("+" if value > 0 else _MINUS) + text


def _figure(value: float | None, lang: str, digits: int) -> str:
    if value is None:
        return format_number(None, lang)
    if digits == 0:
        return format_number(round(value), lang)
    return format_number(float(value), lang, digits=digits)


def side_label(side: Side, lang: str) -> str:
    """A side as people call it: the workspace's name, with its year when it was cut."""
    name = side.workspace or translate("compare.side.unnamed", lang)
    if side.as_of is None:
        return name
    return translate("compare.side.as_of", lang, name=name, year=side.as_of)


def compare_title(report: CompareReport, lang: str) -> str:
    return translate("compare.title", lang, old=side_label(report.old, lang),
                     new=side_label(report.new, lang))


def _name(report: CompareReport, node_id: str) -> str:
    return report.names.get(node_id, node_id)


def tie_text(report: CompareReport, key: RelationKey, lang: str) -> str:
    """``Source → Target · type`` with names and the relation type's label."""
    kind = RelationType(key.type).label(lang) if key.type in RelationType.codes() else key.type
    return translate("compare.item.tie", lang, source=_name(report, key.source),
                     target=_name(report, key.target), type=kind)


def _fields(names: Iterable[str], lang: str) -> str:
    return ", ".join(translate(f"compare.field.{n}", lang) for n in names)


def _limited(items: list[Item], top: int | None) -> tuple[list[Item], int]:
    if top is None or len(items) <= top:
        return items, 0
    return items[:top], len(items) - top


def _list(title: str, items: list[Item], top: int | None, *, by_text: bool = False) -> Block:
    """A titled list; ``by_text``: in the order people read (names, accents aside), not in
    the order of ids."""
    if by_text:
        items = sorted(items, key=lambda item: (fold(item.text), item.text))
    shown, hidden = _limited(items, top)
    return Block(title=title, items=shown, hidden=hidden)


def _nonempty(blocks: Iterable[Block], lang: str) -> list[Block]:
    kept = [b for b in blocks if b.items or b.table is not None or b.note]
    return kept or [Block(note=translate("compare.none", lang))]


def _node_item(report: CompareReport, node_id: str, lang: str) -> Item:
    return Item(translate("compare.item.node", lang, name=_name(report, node_id), id=node_id),
                node=node_id)


def _records_section(report: CompareReport, records: RecordChanges, section: str, lang: str,
                     top: int | None) -> Section:
    def listed(key: str, ids: Sequence[str]) -> Block:
        return _list(translate(f"compare.block.{key}", lang, count=len(ids)),
                     [_node_item(report, i, lang) for i in ids], top, by_text=True)

    changed = [Item(translate("compare.item.fields", lang,
                              item=_node_item(report, i, lang).text,
                              fields=_fields(records.changed_fields[i], lang)), node=i)
               for i in records.changed]
    blocks = [listed("added", records.added), listed("removed", records.removed),
              _list(translate("compare.block.changed", lang, count=len(changed)), changed, top,
                    by_text=True)]
    return Section(section, translate(f"compare.section.{section}", lang),
                   _nonempty(blocks, lang))


def _relations_section(report: CompareReport, lang: str, top: int | None) -> Section:
    rel = report.relations

    def listed(key: str, keys: Sequence[RelationKey]) -> Block:
        return _list(translate(f"compare.block.{key}", lang, count=len(keys)),
                     [Item(tie_text(report, k, lang)) for k in keys], top, by_text=True)

    changed = [Item(translate("compare.item.fields", lang, item=tie_text(report, k, lang),
                              fields=_fields(rel.changed_fields[k], lang)))
               for k in rel.changed]
    blocks = [listed("ties_added", rel.added), listed("ties_removed", rel.removed),
              _list(translate("compare.block.ties_changed", lang, count=len(changed)),
                    changed, top, by_text=True)]
    return Section("relations", translate("compare.section.relations", lang),
                   _nonempty(blocks, lang))


def _change_row(label: str, change: Change, lang: str, *, digits: int = 0,
                money: bool = False) -> list[str]:
    def shown(value: float | None) -> str:
        return format_amount(value, lang) if money else _figure(value, lang, digits)

    return [label, shown(change.old), shown(change.new),
            signed(change.change, lang, digits=digits, money=money)]


def _summary_section(report: CompareReport, lang: str) -> Section:
    a, p, r, g = report.actors, report.projects, report.relations, report.gaps
    proposed = sum(rate.proposed for rate in report.hit_rate.values())
    realised = sum(rate.realised for rate in report.hit_rate.values())
    headlines = [
        translate("compare.headline.actors", lang, added=len(a.added), removed=len(a.removed),
                  changed=len(a.changed)),
        translate("compare.headline.projects", lang, added=len(p.added),
                  removed=len(p.removed), changed=len(p.changed)),
        translate("compare.headline.relations", lang, added=len(r.added),
                  removed=len(r.removed), changed=len(r.changed), unchanged=r.unchanged),
        translate("compare.headline.gaps", lang, closed=len(g.closed), opened=len(g.opened),
                  persisting=len(g.persisting)),
        translate("compare.headline.proposals", lang, realised=realised, proposed=proposed),
    ]
    rows = [_change_row(translate(f"compare.figure.{name}", lang), report.network[name], lang,
                        digits=_DIGITS.get(name, 0))
            for name in NETWORK_FIGURES if name in report.network]
    rows.append(_change_row(translate("compare.figure.funding_total", lang),
                            report.funding.total, lang, money=True))
    table = Table(_figure_header(report, lang, "compare.col.figure"), rows, (1, 2, 3))
    seed, top = report.meta.get("seed"), report.brokers.top
    note = (translate("compare.settings", lang, seed=seed, top=top)
            if seed is not None else None)
    return Section("summary", translate("compare.section.summary", lang),
                   [Block(items=[Item(text) for text in headlines]), Block(table=table),
                    *([Block(note=note)] if note else [])])


def _figure_header(report: CompareReport, lang: str, first: str) -> list[str]:
    return [translate(first, lang), side_label(report.old, lang), side_label(report.new, lang),
            translate("compare.col.change", lang)]


def _warnings_section(report: CompareReport, lang: str) -> Section | None:
    items = [Item(translate("compare.warning.renamed", lang,
                            kind=translate(f"compare.kind.{kind}", lang), name=rename.name,
                            old_id=rename.old_id, new_id=rename.new_id), node=rename.new_id)
             for kind, records in (("actor", report.actors), ("project", report.projects))
             for rename in records.renamed]
    if not items:
        return None
    return Section("warnings", translate("compare.section.warnings", lang),
                   [Block(items=items)])


def _funding_table(report: CompareReport, changes: Mapping[str, Change], first: str,
                   label: Callable[[str], str], lang: str) -> Table:
    rows = [_change_row(label(key), changes[key], lang, money=True) for key in changes]
    return Table(_figure_header(report, lang, first), rows, (1, 2, 3))


def _funding_section(report: CompareReport, lang: str, top: int | None) -> Section:
    funding = report.funding

    def territory(name: str) -> str:
        return name or translate("compare.no_territory", lang)

    def sector(code: str) -> str:
        term = Sector.parse(code)
        return term.label(lang) if term is not None else code

    # Sectors in the vocabulary's order, as everywhere else in the reports.
    order_of = {code: n for n, code in enumerate(Sector.codes())}
    by_sector = {k: funding.by_sector[k]
                 for k in sorted(funding.by_sector, key=lambda k: (order_of.get(k, 99), k))}
    moved = {k: c for k, c in funding.by_funder.items() if c.change}
    # Biggest moves first: that is what a board asks about.
    order = sorted(moved, key=lambda k: (-abs(moved[k].change or 0.0), k))
    shown = order if top is None else order[:top]
    funders = _funding_table(report, {k: moved[k] for k in shown}, "compare.col.funder",
                             lambda k: _name(report, k), lang)
    total = Table(_figure_header(report, lang, "compare.col.figure"), [
        _change_row(translate("compare.figure.funding_total", lang), funding.total, lang,
                    money=True),
        _change_row(translate("compare.figure.without_amount", lang),
                    funding.relations_without_amount, lang),
    ], (1, 2, 3))
    blocks = [
        Block(table=total),
        Block(title=translate("compare.block.by_territory", lang),
              table=_funding_table(report, funding.by_territory, "compare.col.territory",
                                   territory, lang)),
        Block(title=translate("compare.block.by_sector", lang),
              table=_funding_table(report, by_sector, "compare.col.sector", sector, lang)),
    ]
    if moved:
        blocks.append(Block(title=translate("compare.block.by_funder", lang, count=len(moved)),
                            table=funders, hidden=len(order) - len(shown)))
    return Section("funding", translate("compare.section.funding", lang), blocks)


def _brokers_section(report: CompareReport, lang: str) -> Section:
    b = report.brokers
    new_rank = {i: n for n, i in enumerate(b.new_top, start=1)}
    old_rank = {i: n for n, i in enumerate(b.old_top, start=1)}
    entered = sorted(b.entered, key=lambda i: new_rank[i])
    left = sorted(b.left, key=lambda i: old_rank[i])
    moved = sorted(b.moved, key=lambda m: m.new_rank)
    blocks = [
        Block(title=translate("compare.block.entered", lang, top=b.top, count=len(entered)),
              items=[Item(translate("compare.item.entered", lang, name=_name(report, i),
                                    rank=new_rank[i]), node=i) for i in entered]),
        Block(title=translate("compare.block.left", lang, top=b.top, count=len(left)),
              items=[Item(translate("compare.item.left", lang, name=_name(report, i),
                                    rank=old_rank[i]), node=i) for i in left]),
        Block(title=translate("compare.block.moved", lang, count=len(moved)),
              items=[Item(translate("compare.item.moved", lang, name=_name(report, m.id),
                                    old=m.old_rank, new=m.new_rank), node=m.id)
                     for m in moved]),
    ]
    return Section("brokers", translate("compare.section.brokers", lang),
                   _nonempty(blocks, lang),
                   intro=translate("compare.brokers.intro", lang, top=b.top))


def _gap_item(report: CompareReport, gap: GapChange, lang: str, *, closed: bool) -> Item:
    details = []
    if gap.new_subject:
        details.append(translate(f"compare.gap.new_{gap.subject_kind}", lang))
    if gap.removed_subject:
        details.append(translate(f"compare.gap.removed_{gap.subject_kind}", lang))
    # On a closed gap the new ties are its likely cause; elsewhere they would only be noise.
    if closed and gap.added_ties:
        ties = Listing(tie_text(report, k, lang) for k in gap.added_ties)
        details.append(translate("compare.gap.added_ties", lang, ties=ties))
    node = gap.subject if gap.subject_kind in ("actor", "project") else None
    return Item(gap.message.render(lang), details, node)


def _gaps_section(report: CompareReport, lang: str, top: int | None) -> Section:
    g = report.gaps
    blocks = [_list(translate(f"compare.block.gaps_{key}", lang, count=len(items)),
                    [_gap_item(report, gap, lang, closed=key == "closed") for gap in items],
                    top)
              for key, items in (("closed", g.closed), ("opened", g.opened),
                                 ("persisting", g.persisting))]
    return Section("gaps", translate("compare.section.gaps", lang), _nonempty(blocks, lang))


def _kind(kind: str, lang: str) -> str:
    """A proposal kind's short name (an unknown kind as is)."""
    return translate(f"compare.proposal_kind.{kind}", lang) if kind in OPPORTUNITY_KINDS else kind


def _proposals_section(report: CompareReport, lang: str, top: int | None) -> Section:
    rows = [[_kind(kind, lang), format_number(rate.proposed, lang),
             format_number(rate.realised, lang), format_percent(rate.rate, lang)]
            for kind, rate in report.hit_rate.items()]
    proposed = sum(rate.proposed for rate in report.hit_rate.values())
    realised = sum(rate.realised for rate in report.hit_rate.values())
    rows.append([translate("compare.proposal_kind.all", lang), format_number(proposed, lang),
                 format_number(realised, lang),
                 format_percent(realised / proposed if proposed else None, lang)])
    table = Table([translate(f"compare.col.{c}", lang)
                   for c in ("kind", "proposed", "realised", "rate")], rows, (1, 2, 3))
    items = []
    kinds = {kind: n for n, kind in enumerate(report.hit_rate)}
    for opp in sorted(report.opportunities_realised,
                      key=lambda o: (kinds.get(o.kind, len(kinds)), o.kind, o.source, o.target)):
        details = ([translate("compare.item.introducer", lang,
                              name=_name(report, opp.introducer))] if opp.introducer else [])
        items.append(Item(translate("compare.item.realised", lang, kind=_kind(opp.kind, lang),
                                    source=_name(report, opp.source),
                                    target=_name(report, opp.target)),
                          details, node=opp.target))
    blocks = [Block(table=table),
              _list(translate("compare.block.realised", lang, count=len(items)), items, top)]
    return Section("proposals", translate("compare.section.proposals", lang),
                   _nonempty(blocks, lang), intro=translate("compare.proposals.intro", lang))


def build_sections(report: CompareReport, lang: str, top: int | None) -> list[Section]:
    """The comparison's sections in report order; lists show at most ``top`` items
    (``None``: all), the rest counted in ``Block.hidden``."""
    warnings = _warnings_section(report, lang)
    return [
        _summary_section(report, lang),
        *([warnings] if warnings is not None else []),
        _records_section(report, report.actors, "actors", lang, top),
        _records_section(report, report.projects, "projects", lang, top),
        _relations_section(report, lang, top),
        _funding_section(report, lang, top),
        _brokers_section(report, lang),
        _gaps_section(report, lang, top),
        _proposals_section(report, lang, top),
    ]
