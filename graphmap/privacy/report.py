"""The AnalysisReport as a public output shows it: every person's id replaced by its
pseudonym or group, every person's name by its label, contact values scrubbed from every
text, and the entries of persons that a group now stands for folded into the group's."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from typing import Any

from graphmap.analysis.report import AnalysisReport, Broker, Community, Gap, Opportunity
from graphmap.i18n import Listing, Message
from graphmap.privacy.scrub import Scrubber
from graphmap.schema import Vocabulary


class _Rewriter:
    """Walks report values: strings equal to a person's id become its pseudonym, other
    strings are scrubbed (contact values, person names); structures are rebuilt."""

    def __init__(self, ids: Mapping[str, str], scrubber: Scrubber) -> None:
        self.ids = ids
        self.scrubber = scrubber

    def text(self, value: str) -> str:
        shown = self.ids.get(value)
        return shown if shown is not None else self.scrubber.scrub(value, "report.text")

    def value(self, value: Any) -> Any:  # noqa: PLR0911 (one branch per kind of value)
        if isinstance(value, str):
            return self.text(value)
        if value is None or isinstance(value, (bool, int, float, Vocabulary)):
            return value
        if isinstance(value, Message):
            return Message(value.key, {k: self.value(v) for k, v in value.params.items()})
        if isinstance(value, Listing):
            return Listing(self.value(v) for v in value.items)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(value, **{
                f.name: self.value(getattr(value, f.name))
                for f in dataclasses.fields(value) if f.init})
        if isinstance(value, Mapping):
            return self.mapping(value)
        if isinstance(value, tuple):
            return tuple(self.value(v) for v in value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        return value

    def mapping(self, value: Mapping[Any, Any]) -> dict[Any, Any]:
        """Keys renamed too; two persons now under one group key add their numbers."""
        out: dict[Any, Any] = {}
        for key, item in value.items():
            new_key = self.text(key) if isinstance(key, str) else key
            new_item = self.value(item)
            if new_key in out:
                old = out[new_key]
                if (isinstance(old, (int, float)) and isinstance(new_item, (int, float))
                        and not isinstance(old, bool) and not isinstance(new_item, bool)):
                    out[new_key] = old + new_item
                continue
            out[new_key] = new_item
        return out


def rewrite_report(report: AnalysisReport, *, ids: Mapping[str, str], dropped: frozenset[str],
                   scrubber: Scrubber, counts: Counter[tuple[str, str]],
                   meta: Mapping[str, Any]) -> AnalysisReport:
    """The report a public output shows.

    ``ids`` maps a person's id to its pseudonym or group id; ``dropped`` are persons shown
    nowhere. Brokers, gaps and opportunities of persons a group stands for or shown nowhere
    are left out (a group has no individual measures, gaps or proposals: each would tell
    something of one member), and the brokers left re-ranked.
    ``counts[(section, "k_anonymity")]`` says how many entries were left out; ``meta`` is
    added to the report's ``meta`` as ``publication``.
    """
    walk = _Rewriter(ids, scrubber)
    groups = {ids[p] for p in ids if ids[p].startswith("group-")}
    # A group stands for several persons: no individual measure, gap or proposal of one of
    # them is published (it would say something of one member).
    hidden = dropped | {p for p in ids if ids[p] in groups}

    brokers: list[Broker] = []
    for broker in report.brokers:
        shown = ids.get(broker.id, broker.id)
        if broker.id in hidden or shown in groups:
            counts[("brokers", "k_anonymity")] += 1
            continue
        brokers.append(dataclasses.replace(walk.value(broker), rank=len(brokers) + 1))

    gaps: list[Gap] = []
    for gap in report.gaps:
        if gap.subject in hidden:
            counts[("gaps", "k_anonymity")] += 1
            continue
        shown_gap: Gap = walk.value(gap)
        gaps.append(shown_gap)

    opportunities: list[Opportunity] = []
    seen_opps: set[tuple[str, str, str]] = set()
    for opp in report.opportunities:
        touched = {opp.source, opp.target, *opp.path, *([opp.introducer] if opp.introducer else [])}
        shown_opp: Opportunity = walk.value(opp)
        key = (shown_opp.kind, shown_opp.source, shown_opp.target)
        if touched & hidden or key in seen_opps:
            counts[("opportunities", "k_anonymity")] += 1
            continue
        seen_opps.add(key)
        opportunities.append(shown_opp)

    communities: list[Community] = []
    for community in report.communities:
        members = tuple(dict.fromkeys(ids.get(m, m) for m in community.members
                                      if m not in dropped))
        if members:
            communities.append(dataclasses.replace(walk.value(community), members=members))

    new_meta = walk.mapping(report.meta)
    new_meta["publication"] = dict(meta)
    return AnalysisReport(
        graphmap_version=report.graphmap_version, summary=walk.mapping(report.summary),
        brokers=tuple(brokers), gaps=tuple(gaps), opportunities=tuple(opportunities),
        communities=tuple(communities), meta=new_meta)
