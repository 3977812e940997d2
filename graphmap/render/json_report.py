"""The JSON report of docs/json-report.md: one document, byte-identical from run to run.

The top-level keys and field names of the contract never change; this module only adds
fields beside them (``lang``, ``meta``, names next to ids, gap ``remedy``, ...).

Determinism rules, so that scripts can diff two reports:

- objects of the contract keep a fixed key order (the contract's, extras after); free-form
  mappings (``summary``, ``evidence``, ``meta``) are sorted by key; lists keep the order
  the analysis gives (ranked, ties broken by id);
- floats are rounded to 12 significant digits (``float(f"{x:.12g}")``, printed with
  Python's shortest ``repr``), so the last bits of a sum computed in another order or on
  another platform do not change the bytes; NaN and infinities become ``null``;
- UTF-8 with real accents (``ensure_ascii=False``), 2-space indent, a trailing newline,
  no timestamp.

The document is written to a stream one broker / gap / opportunity / community at a time
(``write_json``), so that a large ecosystem's report never sits whole in memory; the
bytes are exactly those of ``json.dumps`` on the whole document (``report_to_dict``).
"""

from __future__ import annotations

import enum
import functools
import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from json.encoder import encode_basestring
from typing import Any, TextIO

from graphmap.analysis.report import ROLES, AnalysisReport, Broker, Community, Gap, Opportunity
from graphmap.collection import cycle_collection_paused
from graphmap.i18n import Message
from graphmap.model.dataset import Dataset
from graphmap.render.json_items import SIGNIFICANT_DIGITS, BrokerTexts, MessageTexts


def clean_float(value: float) -> float | None:
    """``value`` rounded to 12 significant digits; ``None`` for NaN and infinities.

    >>> clean_float(0.1 + 0.2), clean_float(float("nan")), clean_float(1e-20)
    (0.3, None, 1e-20)
    """
    if not math.isfinite(value):
        return None
    # SIGNIFICANT_DIGITS is json_items': one precision, so its fast path writes these bytes.
    rounded = float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    return 0.0 if rounded == 0 else rounded  # no "-0.0"


def to_json_value(value: Any, lang: str) -> Any:  # noqa: PLR0911 (one return per type)
    """``value`` as plain JSON data: messages rendered in ``lang``, mappings sorted by key,
    tuples and sets as lists (sets sorted), enums as their code, numpy scalars unwrapped.

    >>> to_json_value({"b": (1, 2.50000000000001), "a": {"y", "x"}}, "en")
    {'a': ['x', 'y'], 'b': [1, 2.5]}
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return clean_float(float(value))
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, enum.Enum):
        return to_json_value(value.value, lang)
    if isinstance(value, Mapping):
        return {str(k): to_json_value(value[k], lang) for k in sorted(value, key=str)}
    if isinstance(value, (set, frozenset)):
        return sorted((to_json_value(v, lang) for v in value), key=_sort_key)
    if isinstance(value, (list, tuple)):
        return [to_json_value(v, lang) for v in value]
    item = getattr(value, "item", None)  # numpy scalars, without importing numpy
    if callable(item):
        return to_json_value(item(), lang)
    return str(value)


def _sort_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, json.dumps(value, sort_keys=True, ensure_ascii=False))


def _name_or_none(dataset: Dataset, node_id: str | None) -> str | None:
    if node_id is None:
        return None
    node = dataset.actor_by_id.get(node_id) or dataset.project_by_id.get(node_id)
    return node.name if node is not None else None


def _subject_name(dataset: Dataset, gap: Gap) -> str | None:
    """The subject as people call it: an actor's or project's name, a territory itself."""
    if gap.subject_kind in ("actor", "project"):
        return _name_or_none(dataset, gap.subject)
    return gap.subject if gap.subject_kind == "territory" else None


def _broker(dataset: Dataset, broker: Broker, lang: str) -> dict[str, Any]:
    actor = dataset.actor_by_id.get(broker.id)
    return {
        "id": broker.id,
        "name": broker.name,
        "rank": broker.rank,
        "betweenness": to_json_value(broker.betweenness, lang),
        "constraint": to_json_value(broker.constraint, lang),
        "effective_size": to_json_value(broker.effective_size, lang),
        "brokerage": {role: int(getattr(broker.brokerage, role)) for role in ROLES},
        "why": broker.why.render(lang),
        # Extras.
        "brokerage_total": int(broker.brokerage.total),
        "bridged_groups": [str(g) for g in broker.bridged_groups],
        "sector": actor.sector.value if actor is not None else None,
        "territory": actor.territory if actor is not None else None,
    }


def _gap(dataset: Dataset, gap: Gap, lang: str, *, texts: MessageTexts) -> dict[str, Any]:
    render = texts.render
    return {
        "code": gap.code,
        "severity": gap.severity,
        "subject": gap.subject,
        "subject_kind": gap.subject_kind,
        "message": render(gap.message),
        "evidence": to_json_value(gap.evidence, lang),
        # Extras.
        "remedy": render(gap.remedy),
        "subject_name": _subject_name(dataset, gap),
    }


def _opportunity(dataset: Dataset, opp: Opportunity, lang: str) -> dict[str, Any]:
    return {
        "kind": opp.kind,
        "source": opp.source,
        "target": opp.target,
        "score": to_json_value(opp.score, lang),
        "reasons": [reason.render(lang) for reason in opp.reasons],
        "introducer": opp.introducer,
        "path": list(opp.path),
        # Extras.
        "source_name": _name_or_none(dataset, opp.source),
        "target_name": _name_or_none(dataset, opp.target),
        "introducer_name": _name_or_none(dataset, opp.introducer),
        "path_names": [dataset.node_name(node) for node in opp.path],
    }


def _community(community: Community, lang: str) -> dict[str, Any]:
    return {
        "id": int(community.id),
        "members": list(community.members),
        "label": community.label.render(lang),
        "dominant_sector": to_json_value(community.dominant_sector, lang),
        "dominant_territory": community.dominant_territory,
        # Extras.
        "size": len(community.members),
    }


def report_to_dict(dataset: Dataset, report: AnalysisReport, lang: str) -> dict[str, Any]:
    """The JSON report as plain data: contract keys first, in the contract's order."""
    return {key: list(value.items) if isinstance(value, _Items) else value
            for key, value in _document(dataset, report, lang)}


class _Items:
    """A list of the document produced lazily, record by record (never held whole):
    ``layout(record)`` is an item as plain data; ``text(record)``, if given, is the same
    item already written two levels deep, or ``None`` where only ``layout`` can say it."""

    def __init__(self, records: Iterable[Any], layout: Callable[[Any], Any],
                 text: Callable[[Any], str | None] | None = None) -> None:
        self.records = records
        self.layout = layout
        self.text = text

    @property
    def items(self) -> Iterator[Any]:
        return map(self.layout, self.records)


def _document(dataset: Dataset, report: AnalysisReport, lang: str
              ) -> Iterator[tuple[str, Any]]:
    """The top-level ``(key, value)`` pairs of ``report_to_dict``, in its order, with the
    four big lists as ``_Items``."""
    yield "graphmap_version", report.graphmap_version
    yield "summary", to_json_value(report.summary, lang)
    brokers = BrokerTexts(dataset, lang)
    yield "brokers", _Items(report.brokers, functools.partial(_broker, dataset, lang=lang),
                            brokers.text)
    # The gaps' sentences as the brokers' are rendered (the same texts, each plain sentence
    # once; tests/report/test_json_items.py compares them with Message.render).
    yield "gaps", _Items(report.gaps, functools.partial(_gap, dataset, lang=lang,
                                                        texts=brokers.messages))
    yield "opportunities", _Items(report.opportunities,
                                  functools.partial(_opportunity, dataset, lang=lang))
    yield "communities", _Items(report.communities, functools.partial(_community, lang=lang))
    # Extras.
    yield "lang", lang
    yield "meta", to_json_value(report.meta, lang)


def _dumps_at(data: Any, depth: int) -> str:
    """``data`` as ``json.dumps(indent=2)`` prints it ``depth`` levels deep: the same
    text with every line but the first shifted right.

    >>> print(_dumps_at({"a": [1, 2.5, None], "b": {}, "c": ("é",)}, 1))
    {
        "a": [
          1,
          2.5,
          null
        ],
        "b": {},
        "c": [
          "é"
        ]
      }
    """
    parts: list[str] = []
    _layout(data, "\n" + "  " * depth, parts.append)
    return "".join(parts)


def _dumps_shifted(data: Any, newline: str) -> str:
    """``json.dumps(indent=2)`` of ``data`` with each line break followed by the
    indentation of ``newline`` (JSON strings never hold a raw newline, so every newline
    of the text is a line break of the layout)."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False).replace(
        "\n", newline)


def _layout(value: Any, newline: str, write: Callable[[str], object]) -> None:
    """Write ``value`` as ``json.dumps(indent=2, ensure_ascii=False)`` lays it out, each
    line break followed by ``newline``'s indentation.

    Why not ``json.dumps``: with an indent, Python 3.11's encoder is the pure-Python one,
    a generator per level, and it took most of a large report's writing time. This walks
    the plain types of a report directly (strings and integers inline, the commonest
    members); anything else (subclasses, non-string keys, NaN, types JSON refuses) goes
    through ``json.dumps`` itself, so the bytes, and the errors, are always its own.
    """
    kind = type(value)
    if kind is dict:
        if not value:
            write("{}")
        elif all(type(key) is str for key in value):
            inner = newline + "  "
            opening = "{" + inner
            for key, item in value.items():
                item_kind = type(item)
                text = (encode_basestring(item) if item_kind is str
                        else None if item_kind is dict or item_kind is list
                        else _scalar(item, item_kind))
                if text is None:
                    write(opening + encode_basestring(key) + ": ")
                    _layout(item, inner, write)
                else:
                    write(opening + encode_basestring(key) + ": " + text)
                opening = "," + inner
            write(newline + "}")
        else:
            write(_dumps_shifted(value, newline))
    elif kind is list or kind is tuple:
        if not value:
            write("[]")
            return
        inner = newline + "  "
        if all(type(item) is str for item in value):
            write("[" + inner + ("," + inner).join(map(encode_basestring, value))
                  + newline + "]")
            return
        opening = "[" + inner
        for item in value:
            write(opening)
            opening = "," + inner
            _layout(item, inner, write)
        write(newline + "]")
    else:
        write(_scalar(value, kind) or _dumps_shifted(value, newline))


def _scalar(value: Any, kind: type) -> str | None:
    """The JSON text of a plain scalar (``json.dumps``'s own), ``None`` for anything else."""
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return float.__repr__(value) if math.isfinite(value) else None
    if kind is bool:
        return "true" if value else "false"
    return "null" if value is None else None


def _write_document(pairs: Iterable[tuple[str, Any]], write: Callable[[str], object]) -> None:
    """Write the object made of ``pairs`` through ``write`` as ``dumps`` would print it.

    A value may be an ``_Items``: its elements are serialised and written one by one.
    """
    write("{")
    first = True
    for key, value in pairs:
        write("\n  " if first else ",\n  ")
        first = False
        write(json.dumps(key, ensure_ascii=False) + ": ")
        if not isinstance(value, _Items):
            write(_dumps_at(value, 1))
            continue
        opened = False
        text_of, layout = value.text, value.layout
        for record in value.records:
            write(",\n    " if opened else "[\n    ")
            opened = True
            text = None if text_of is None else text_of(record)
            write(_dumps_at(layout(record), 2) if text is None else text)
        write("\n  ]" if opened else "[]")
    write("}\n" if first else "\n}\n")


def write_json(dataset: Dataset, report: AnalysisReport, lang: str, stream: TextIO) -> None:
    """Write the JSON report (docs/json-report.md) to the text ``stream``, piece by piece.

    Parameters
    ----------
    dataset : Dataset
        The workspace analysed; gives the names written next to ids.
    report : AnalysisReport
        What the analysis found.
    lang : str
        ``"fr"`` or ``"en"``: the language of every sentence.
    stream : TextIO
        Where the text goes (a file opened with UTF-8 encoding and no newline
        translation, ``sys.stdout``, a ``StringIO``, ...). It is neither flushed nor
        closed.

    Notes
    -----
    The text is exactly ``render_json``'s: the same bytes as ``dumps(report_to_dict(...))``,
    but only one broker, gap, opportunity or community is held as text at a time.
    """
    _write(dataset, report, lang, stream.write)


def dumps(data: Any) -> str:
    r"""Serialise report data the one way graphmap does: indent 2, UTF-8, trailing newline.

    >>> dumps({"a": [1, 2.5, None], "b": {}, "c": "é"})
    '{\n  "a": [\n    1,\n    2.5,\n    null\n  ],\n  "b": {},\n  "c": "é"\n}\n'
    """
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def render_json(dataset: Dataset, report: AnalysisReport, lang: str,
                top: int | None = None) -> str:
    """The JSON report (docs/json-report.md) as text.

    Parameters
    ----------
    dataset : Dataset
        The workspace analysed; gives the names written next to ids.
    report : AnalysisReport
        What the analysis found.
    lang : str
        ``"fr"`` or ``"en"``: the language of every sentence (``why``, ``message``, ...).
    top : int, optional
        Ignored: the JSON report always lists every broker, gap and opportunity, so that
        scripts see everything whatever the terminal view shows. Accepted so that every
        renderer has the same signature.

    Returns
    -------
    str
        One JSON document ending with a newline, identical for identical input.
    """
    del top
    # Pieces joined once: a StringIO of a million brokers' texts took longer to hand its
    # value back (the text copied again from its accumulator) than the join.
    pieces: list[str] = []
    _write(dataset, report, lang, pieces.append)
    return "".join(pieces)


def _write(dataset: Dataset, report: AnalysisReport, lang: str,
           write: Callable[[str], Any]) -> None:
    """The JSON report's pieces, in order, to ``write``."""
    # The cycle collector's passes over a large workspace's objects cost a fifth of the
    # writing and find nothing (graphmap.collection).
    with cycle_collection_paused():
        _write_document(_document(dataset, report, lang), write)
