"""Above ``exact_betweenness_max_nodes`` betweenness is sampled by KADABRA: the text, Markdown
and HTML reports say so with the paths drawn, the seed and the bound that ``meta.betweenness``
states (docs/analysis.md §2), numbers written the language's way."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``graphmap generate --actors 300`` with an exact limit far below its size."""
    folder = tmp_path_factory.mktemp("sampled") / "eco"
    subprocess.run([sys.executable, "-m", "graphmap", "generate", "--actors", "300",
                    "--seed", "1", str(folder)], check=True, capture_output=True, timeout=300)
    (folder / "graphmap.toml").write_text("[analysis]\nexact_betweenness_max_nodes = 50\n",
                                          encoding="utf-8")
    return folder


def _one_line(text: str) -> str:
    return re.sub(r"[ \n]+", " ", text)


EXPECTED = {
    "fr": ("L'intermédiarité est estimée à partir de {sample} plus courts chemins tirés au "
           "hasard (KADABRA, graine 42)\u00a0: chaque valeur est à ±0,0{bound} près de la "
           "valeur exacte avec une probabilité de 90\u00a0%."),
    "en": ("Betweenness is estimated from {sample} sampled shortest paths (KADABRA, seed 42): "
           "every value is within ±0.0{bound} of the exact one with probability 90%."),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_human_report_states_the_kadabra_bound(workspace: Path, tmp_path: Path,
                                                     lang: str) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyze", str(workspace), "--lang", lang,
                                      "--out", str(out)], env={"GRAPHMAP_LANG": lang})
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "report.json").read_text(encoding="utf-8"))["meta"]
    betweenness = meta["betweenness"]
    assert betweenness["method"] == "kadabra"
    assert betweenness["delta"] == 0.1
    sample = betweenness["sample_size"]
    assert sample >= 1000
    grouped = f"{sample:,}".replace(",", "\u00a0" if lang == "fr" else ",")
    # Three significant figures of a bound just above epsilon = 0.01: 0.0100 to 0.0109.
    bound = f"{betweenness['error_bound']:.4f}"
    assert bound.startswith("0.010")
    expected = EXPECTED[lang].format(sample=grouped, bound=bound[3:])

    assert expected in _one_line(result.stdout)
    assert f"> {expected}\n" in (out / "report.md").read_text(encoding="utf-8")
    page = html.unescape((out / "report.html").read_text(encoding="utf-8"))
    assert f'<p class="gr-small">{expected}</p>' in page
