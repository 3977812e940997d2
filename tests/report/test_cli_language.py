"""Every word the command line says is in the user's language (issue 13, point 2): every
command's ``--help`` and click's usage errors, run as the real ``graphmap`` program, in French
carry no English sentence and in English no French one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from graphmap.cli import _COMMANDS
from graphmap.cli.click_i18n import LOCALE_DIR

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "laurentides"

#: Words of English sentences that are not also French words nor values a user types.
ENGLISH = frozenset("""
the and of to for this that these is are not show exit error errors try usage invalid missing
such default value values with from which when must will each into only write writes written
read reads file files does given got unexpected mean requires extra command commands
""".split())  # noqa: SIM905 (a word list reads better as prose)
#: Words of French sentences that are not English words.
FRENCH = frozenset("""
le la les des du une est pour avec dans sur aucun aucune fichier erreur valeur essayez afficher
quitter inconnue inconnu manquant manquante utilisation défaut dossier écrire lire langue
""".split())  # noqa: SIM905 (a word list reads better as prose)

#: At least eight usage errors of click's own (parsing and type checks), each exit 2.
USAGE_ERRORS: tuple[tuple[str, ...], ...] = (
    ("nope",),
    ("analyze",),
    ("analyze", "--format", "xml", str(EXAMPLE)),
    ("analyze", "--top", "0", str(EXAMPLE)),
    ("analyze", "--bogus", str(EXAMPLE)),
    ("analyze", str(EXAMPLE), "surplus"),
    ("analyze", "--seed", "abc", str(EXAMPLE)),
    ("analyze", "--config", "missing-graphmap.toml", str(EXAMPLE)),
    ("render", str(EXAMPLE), "--depth"),
    ("render", "--color-by", "size", str(EXAMPLE)),
    ("generate", "--actors", "many", "out"),
    ("validate",),
)


def _run(args: tuple[str, ...], lang: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["GRAPHMAP_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "graphmap", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=120,
                          check=False)


def _prose(text: str) -> str:
    """``text`` without what is not a sentence in a language: option names, metavars and
    codes in capitals, quoted values, choice lists, example command lines, paths."""
    text = re.sub(r"^\s*(Exemple|Example)\s*:.*$", " ", text, flags=re.MULTILINE)
    text = re.sub(r"graphmap(\s+\S+)*", " ", text.split("\n", 1)[0]) + "\n" + \
        text.split("\n", 1)[-1] if text.startswith(("Usage", "Utilisation")) else text
    text = re.sub(r"\[[^\]]*\|[^\]]*\]", " ", text)        # [fr|en]
    text = re.sub(r"'[^']*'|«[^»]*»|“[^”]*”", " ", text)   # quoted values
    text = re.sub(r"(?<!\w)--?[A-Za-z][\w-]*", " ", text)   # --option, -o
    text = re.sub(r"\b[A-Z][A-Z_]+\b", " ", text)          # WORKSPACE, FILE, INTEGER
    return re.sub(r"\S+[/\\.]\S+", " ", text)               # paths, file names


def _leaks(text: str, words: frozenset[str]) -> list[str]:
    tokens = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", _prose(text).lower())
    return sorted({t for t in tokens if t in words})


def _helps() -> list[tuple[str, ...]]:
    return [("--help",), *((name, "--help") for name in sorted(_COMMANDS))]


@pytest.mark.parametrize("args", _helps(), ids=" ".join)
def test_help_has_no_english_in_french_and_no_french_in_english(args: tuple[str, ...],
                                                               tmp_path: Path) -> None:
    french = _run(args, "fr", tmp_path)
    english = _run(args, "en", tmp_path)
    assert french.returncode == english.returncode == 0, french.stderr
    assert french.stdout.startswith("Utilisation\u00a0:"), french.stdout[:80]
    assert english.stdout.startswith("Usage:"), english.stdout[:80]
    assert not _leaks(french.stdout, ENGLISH), (_leaks(french.stdout, ENGLISH), french.stdout)
    assert not _leaks(english.stdout, FRENCH), (_leaks(english.stdout, FRENCH), english.stdout)
    # click's own words in the language of the help
    assert "Afficher ce message et quitter." in french.stdout
    assert "Show this message and exit." in english.stdout


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=" ".join)
def test_usage_errors_are_in_the_users_language(args: tuple[str, ...], tmp_path: Path) -> None:
    french = _run(args, "fr", tmp_path)
    english = _run(args, "en", tmp_path)
    assert french.returncode == english.returncode == 2, (french.stderr, english.stderr)
    assert "Erreur\u00a0: " in french.stderr, french.stderr
    assert "Error: " in english.stderr, english.stderr
    if "Usage:" in english.stderr:  # click's usage line and its hint, translated
        assert "Utilisation\u00a0:" in french.stderr, french.stderr
        assert "Essayez «\u00a0graphmap" in french.stderr, french.stderr
        assert "Try 'graphmap" in english.stderr, english.stderr
    assert not _leaks(french.stderr, ENGLISH), (_leaks(french.stderr, ENGLISH), french.stderr)
    assert not _leaks(english.stderr, FRENCH), (_leaks(english.stderr, FRENCH), english.stderr)


def test_lang_option_wins_even_for_errors_raised_while_parsing(tmp_path: Path) -> None:
    """``--lang fr`` anywhere on the line: the parse error after it is French too."""
    result = _run(("analyze", "--bogus", "--lang", "fr", str(EXAMPLE)), "en", tmp_path)
    assert result.returncode == 2
    assert "Erreur\u00a0: Option inconnue\u00a0: '--bogus'." in result.stderr, result.stderr


def test_every_click_message_has_a_french_translation() -> None:
    """Extracted with Babel from the installed click: a click upgrade adding a message fails
    here until the ``.po`` has it (docs/reports.md says how to update it)."""
    po = read_po((LOCALE_DIR / "fr" / "LC_MESSAGES" / "click.po").open("rb"))
    ids = {msg[2] if isinstance(msg[2], str) else msg[2][0]
           for msg in extract_from_dir(Path(click.__file__).parent,
                                       keywords={"_": None, "ngettext": (1, 2)})}
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in po if m.id and m.string}
    assert ids - translated == set()
    assert "required" in translated  # looked up at run time: _(extra["required"])


def test_compiled_catalogue_matches_its_po_file() -> None:
    """The ``.mo`` shipped is the compilation of the ``.po`` (pybabel compile)."""
    folder = LOCALE_DIR / "fr" / "LC_MESSAGES"
    po = read_po((folder / "click.po").open("rb"))
    mo = read_mo((folder / "click.mo").open("rb"))
    def pairs(catalog: object) -> dict[object, object]:
        return {tuple(m.id) if isinstance(m.id, list | tuple) else m.id:
                tuple(m.string) if isinstance(m.string, list | tuple) else m.string
                for m in catalog if m.id}  # type: ignore[attr-defined]

    assert pairs(po) == pairs(mo)
    assert len(pairs(po)) > 70
