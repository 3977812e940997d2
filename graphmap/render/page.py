"""The page shared by the map and the HTML report: templates, inlined assets and the CSP.

Both pages are one self-contained, offline HTML file. pyvis is used only as the carrier of
vis-network's JavaScript (read from the installed package and inlined, license header kept);
the page comes from our own autoescaping Jinja template. User text reaches the page only as
JSON inside a non-executable ``<script type="application/json">`` block (with ``<``, ``>``,
``&``, U+2028 and U+2029 escaped, :func:`script_json`) or through autoescaped template
fields, and the page's JavaScript shows it with ``textContent``. A Content-Security-Policy
that allows only our own scripts (by hash) and no network at all backs this up.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphmap._version import __version__
from graphmap.errors import GraphmapError
from graphmap.i18n import translate

if TYPE_CHECKING:
    import jinja2

    from graphmap.render.map_model import MapPayload

__all__ = ["asset", "content_policy", "markup", "render_page", "script_json",
           "template_environment", "vis_network_js"]

_VIS_JS = "templates/lib/vis-9.1.2/vis-network.min.js"
_HERE = Path(__file__).parent


def render_page(template: str, *, lang: str, **context: Any) -> str:
    """Render one of our templates with the inlined assets and a CSP pinned to our scripts."""
    vis_js = vis_network_js()
    app_js = asset("map.js")
    css = asset("map.css")
    report_css = asset("report.css") if template == "report.html" else ""
    csp = content_policy((vis_js, app_js))
    payload: MapPayload | None = context.get("map")
    data_json = script_json(payload.data) if payload is not None else None
    return template_environment().get_template(template).render(
        lang=lang,
        t=_Translator(lang),
        csp=csp,
        map_css=markup(css),
        report_css=markup(report_css),
        vis_js=markup(vis_js),
        app_js=markup(app_js),
        data_json=markup(data_json) if data_json is not None else None,
        version=__version__,
        **context,
    )


class _Translator:
    """``t("key", **params)`` inside templates."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **params: Any) -> str:
        return translate(key, self.lang, **params)


def script_json(value: Any) -> str:
    """JSON safe to place inside a ``<script>`` element: ``<``, ``>``, ``&``, U+2028 and
    U+2029 are written as ``\\uXXXX`` escapes, so no user text can close the element.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


@functools.cache
def vis_network_js() -> str:
    """vis-network's minified JavaScript as shipped inside the installed pyvis package,
    with its license header, checked safe to inline."""
    try:
        from importlib import resources

        text = (resources.files("pyvis") / _VIS_JS).read_text(encoding="utf-8")
    except (ImportError, OSError) as exc:
        raise GraphmapError("render.vis_missing", detail=str(exc)) from exc
    if "@license" not in text[:2000] or "</script" in text.lower():
        raise GraphmapError("render.vis_missing", detail=_VIS_JS)
    return text


def content_policy(scripts: tuple[str, ...]) -> str:
    """The pages' Content-Security-Policy: nothing from the network, only ``scripts`` (our
    own, inlined, allowed by their SHA-256), inline styles and ``data:`` images."""
    return "; ".join((
        "default-src 'none'",
        "script-src " + " ".join(f"'sha256-{_sha256(s)}'" for s in scripts),
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ))


@functools.cache
def asset(name: str) -> str:
    """The text of ``graphmap/render/assets/NAME`` (a style sheet or script to inline)."""
    return (_HERE / "assets" / name).read_text(encoding="utf-8")


@functools.cache
def template_environment() -> jinja2.Environment:
    """The one Jinja environment of every page: our templates, autoescaped, strict about
    undefined fields."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def markup(text: str) -> Any:
    """``text`` marked safe for a template (our own CSS, scripts and escaped JSON only)."""
    import markupsafe

    return markupsafe.Markup(text)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
