"""Click's own messages (usage errors, ``--help`` titles, ``[default: …]``, "Try … for
help") in the user's language.

Click marks its strings for gettext (``from gettext import gettext as _`` in each of its
modules) but looks them up in the process-wide default domain, whose language comes from
the environment alone. graphmap's language is chosen per invocation (``--lang``, then
``GRAPHMAP_LANG``, then the locale), so :func:`install` points click's ``_`` and
``ngettext`` at the ``click`` domain of ``graphmap/locale`` (a gettext ``.po`` catalogue
compiled to ``.mo`` with Babel, see docs/reports.md), in the language of the command being
run. English is click's own text.
"""

from __future__ import annotations

import functools
import gettext
import sys
from pathlib import Path

#: Where the compiled catalogues live: ``<lang>/LC_MESSAGES/click.mo``.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "click"
# Every click module that does ``from gettext import gettext as _`` (or ``ngettext``) and that
# ``import click`` loads; click's editor, pager and shell completion (loaded on demand) are
# not used by graphmap, and importing them here would slow every command's start.
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types",
                  "utils")


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The ``click`` catalogue of ``lang`` (English: click's own strings)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _lang() -> str:
    from graphmap.cli.common import current_lang

    return current_lang()


#: Words click translates once, when an option is declared (``click.Path``'s name), but
#: shows in an error later: they are translated when shown, in the command's language.
_DECLARED = frozenset({"file", "directory", "path"})


class _WordShownLater(str):
    """A word of :data:`_DECLARED`: ``title()`` and ``upper()`` (how click shows it, in
    "File 'x' does not exist." and as the metavar ``FILE``) translate it when called."""

    __slots__ = ()

    def title(self) -> str:
        return _translated(self).title()

    def upper(self) -> str:
        return _translated(self).upper()


def _typeset(lang: str, text: str) -> str:
    """French typography on click's French strings too (as on the catalogue's)."""
    from graphmap.i18n import french_spaces

    return french_spaces(text) if lang == "fr" else text


def _translated(word: str) -> str:
    lang = _lang()
    return _typeset(lang, translations(lang).gettext("".join(word)))  # join: a plain str


def click_gettext(message: str) -> str:
    """Click's ``_``: ``message`` in the language of the current command."""
    if message in _DECLARED and type(message) is str:
        return _WordShownLater(message)
    lang = _lang()
    return _typeset(lang, translations(lang).gettext(message))


def click_ngettext(singular: str, plural: str, n: int) -> str:
    """Click's ``ngettext``: the form of ``n`` in the language of the current command."""
    lang = _lang()
    return _typeset(lang, translations(lang).ngettext(singular, plural, n))


def install() -> None:
    """Route click's message lookups through :func:`click_gettext` (idempotent)."""
    import click  # noqa: F401 (loads the modules patched below)

    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = click_ngettext  # type: ignore[attr-defined]
