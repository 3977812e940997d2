"""graphmap.toml: the [analysis] table, defaults, overrides and clear errors."""

from __future__ import annotations

import dataclasses

import pytest

from graphmap.config import AnalysisConfig, load_config
from graphmap.errors import ConfigError
from graphmap.i18n import has_message


def _write(tmp_path, text):
    path = tmp_path / "graphmap.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path):
    assert load_config(workspace=tmp_path) == AnalysisConfig()
    assert load_config(workspace=tmp_path / "book.xlsx") == AnalysisConfig()


def test_workspace_file_is_read_and_cli_overrides_win(tmp_path):
    _write(tmp_path, "[analysis]\nmin_sectors = 4\nseed = 7\ngroup_by = \"territory\"\n"
                     "betweenness_delta = 1e-2\n[map]\ntitle = \"x\"\n")
    config = load_config(workspace=tmp_path)
    assert (config.min_sectors, config.seed, config.group_by) == (4, 7, "territory")
    assert load_config(workspace=tmp_path, seed=3, top=None).seed == 3


def test_explicit_path_must_exist(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "missing.toml")
    assert info.value.render("en") == f"configuration file not found: {tmp_path / 'missing.toml'}"
    assert "introuvable" in info.value.render("fr")


@pytest.mark.parametrize(("text", "english"), [
    ("[analysis]\nmin_sector = 2\n",
     "unknown setting 'min_sector' in [analysis]; did you mean 'min_sectors'?"),
    ("[analysis]\nzzz = 2\n", "unknown setting 'zzz' in [analysis] (known settings: seed,"),
    ("min_sectors = 2\n", "'min_sectors' belongs in the [analysis] table"),
    ("[analyse]\nseed = 1\n", "unknown table [analyse]; did you mean [analysis]?"),
    ("[analysis]\nmin_sectors = \"three\"\n",
     "setting 'min_sectors' must be a integer (got 'three')"),
    ("[analysis]\nmin_sectors = 0\n", "setting 'min_sectors' is 0; expected >= 1"),
    ("[analysis]\ngroup_by = \"secteur\"\n",
     "setting 'group_by' is 'secteur'; choose one of: sector, territory, community"),
    ("[analysis]\nbetweenness_delta = 1.5\n",
     "setting 'betweenness_delta' is 1.5; expected ]0, 1["),
    ("[analysis\n", "is not valid TOML"),
])
def test_bad_files_give_one_clear_error(tmp_path, text, english):
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(workspace=tmp_path)
    assert english in info.value.render("en")
    assert str(path) in info.value.render("en")
    assert info.value.render("fr") != info.value.render("en")


def test_every_setting_is_documented_in_both_languages():
    from graphmap.i18n import translate

    for spec in dataclasses.fields(AnalysisConfig):
        key = f"analysis.config.help.{spec.name}"
        assert has_message(key), key
        assert "Défaut" in translate(key, "fr")
        assert "Default" in translate(key, "en")


def test_bool_is_not_an_integer():
    with pytest.raises(ConfigError):
        AnalysisConfig(seed=True)
