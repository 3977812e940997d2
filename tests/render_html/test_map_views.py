"""Guided views (issue 17): the ``[[views]]`` of graphmap.toml and of ``--views FILE``, their
located errors, the views proposed when none are defined, and the map's data for them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from graphmap.cli import cli
from graphmap.config import config_from_mapping
from graphmap.errors import ConfigError
from graphmap.render.map_payload import build_map_payload
from graphmap.render.map_views import default_views, views_from_mapping

PLAIN = ["--layers", "none", "--size-by", "degree"]


def _data(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="graphmap-data">(.*?)</script>',
                      html, re.S)
    assert match
    return dict(json.loads(match.group(1)))


def _render(workspace: Path, out: Path, *extra: str) -> Any:
    return CliRunner().invoke(cli, ["render", str(workspace), "-o", str(out), "--lang", "en",
                                    *PLAIN, *extra])


def test_views_file_reaches_the_map(mini_workspace: Path, tmp_path: Path) -> None:
    views = tmp_path / "views.toml"
    views.write_text(
        '[[views]]\ntitle_fr = "Les bailleurs"\ntitle_en = "Funders"\n'
        'caption_en = "Who funds."\nfilters = { sector = ["philanthropique", "public"] }\n'
        'fade = true\n\n[[views]]\ntitle = "Around the CDC"\nfocus = "cdc"\ndepth = 2\n'
        'color_by = "territory"\n', encoding="utf-8")
    result = _render(mini_workspace, tmp_path / "map.html", "--views", str(views))
    assert result.exit_code == 0, result.output
    data = _data((tmp_path / "map.html").read_text(encoding="utf-8"))
    first, second = data["views"]
    assert first == {"title": "Funders", "caption": "Who funds.", "focus": None, "depth": 1,
                     "filters": {"sector": ["philanthropic", "public"]}, "fade": True,
                     "color": None, "layers": None}
    assert (second["focus"], second["depth"], second["color"]) == ("cdc", 2, "territory")
    # The other colour scheme travels with the map: one colour per node, in order.
    assert len(data["colors"]["territory"]) == len(data["nodes"])


def test_graphmap_toml_views_are_read_and_analysis_settings_still_checked(
    mini_workspace: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(mini_workspace, workspace)
    (workspace / "graphmap.toml").write_text(
        '[analysis]\nseed = 3\n\n[[views]]\ntitle = "Coop"\nfocus = "coop"\n', encoding="utf-8")
    result = _render(workspace, tmp_path / "map.html")
    assert result.exit_code == 0, result.output
    views = _data((tmp_path / "map.html").read_text(encoding="utf-8"))["views"]
    assert [v["title"] for v in views] == ["Coop"]
    assert config_from_mapping({"views": [{"title": "x"}]}).seed == config_from_mapping({}).seed


@pytest.mark.parametrize(("toml", "message"), [
    ('[[views]]\ntitle = "x"\nfocus = "cdd"\n',
     "view 1: unknown id 'cdd' in 'focus'; did you mean 'cdc'?"),
    ('[[views]]\ntitle = "a"\n[[views]]\ntitle = "b"\ndepth = 4\n',
     "view 2: bad depth 4: a whole number from 1 to 3."),
    ('[[views]]\ntitle = "x"\nfilters = { secteur = ["public"] }\n',
     "view 1: unknown filter 'secteur' (known filters: sector, territory, stage, relation)."),
    ('[[views]]\ntitle = "x"\nfilters = { sector = ["publik"] }\n',
     "view 1: bad value 'publik' for 'filters.sector'"),
    ('[[views]]\ntitle = "x"\nfilters = { territory = ["Laval"] }\n',
     "view 1: bad value 'Laval' for 'filters.territory' (choices: Montréal, Québec)."),
    ('[[views]]\ntitle = "x"\ncolor_by = "colour"\n', "view 1: bad value 'colour' for 'color_by'"),
    ('[[views]]\ncaption = "no title"\n', "view 1: a title is missing"),
    ('[[views]]\ntitle = "x"\nzoom = 2\n', "view 1: unknown key 'zoom'"),
])
def test_a_bad_view_is_a_located_error(mini_workspace: Path, tmp_path: Path, toml: str,
                                       message: str) -> None:
    views = tmp_path / "views.toml"
    views.write_text(toml, encoding="utf-8")
    result = _render(mini_workspace, tmp_path / "map.html", "--views", str(views))
    assert result.exit_code == 1, result.output
    assert f"{views}, {message}" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "map.html").exists()


def test_views_errors_in_french_name_the_view() -> None:
    with pytest.raises(ConfigError) as caught:
        views_from_mapping({"views": [{"title": "x"}, {"title": "y", "depth": 0}]},
                           source="vues.toml")
    assert caught.value.render("fr") == (
        "vues.toml, vue 2\u00a0: profondeur 0 invalide\u00a0: un entier de 1 à 3.")


def test_three_views_are_proposed(laurentides: tuple[Any, Any]) -> None:
    dataset, report = laurentides
    whole, broker, gap = default_views(dataset, report)
    assert whole.focus is None
    assert whole.title("en") == "The whole ecosystem"
    assert broker.focus == min(report.brokers, key=lambda b: b.rank).id
    serious = next(g for g in report.gaps if g.severity == "high"
                   and g.subject_kind in ("actor", "project"))
    assert gap.focus == serious.subject
    assert gap.layers == ("gaps",)
    assert [v.title("en") for v in default_views(dataset, None)] == ["The whole ecosystem"]


def test_big_maps_open_on_communities_with_importance(mini: tuple[Any, Any]) -> None:
    dataset, report = mini
    small = build_map_payload(dataset, report, lang="en")
    assert small.data["communities"] == []
    assert sorted(n["imp"] for n in small.data["nodes"]) == list(range(len(small.data["nodes"])))
    top = min(small.data["nodes"], key=lambda n: n["imp"])
    assert top["id"] == min(report.brokers, key=lambda b: b.rank).id
    big = build_map_payload(dataset, report, lang="en", community_level_above=5)
    groups = big.data["communities"]
    assert sum(g["count"] for g in groups) == len(big.data["nodes"])
    assert {n["g"] for n in big.data["nodes"]} == set(range(len(groups)))
