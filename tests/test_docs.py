"""The documentation in ``docs/`` stays the contract: every command, JSON report key, gap
code, validation issue code and ``[analysis]`` setting the code has is documented there, and
the docs' own links and index hold.

Each failure says what is missing and on which page (and section) to add it.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from json_keys import json_paths, placeholders

from graphmap.analysis.gaps import GAP_CODES
from graphmap.cli import cli
from graphmap.config import AnalysisConfig
from graphmap.i18n import catalogue

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "examples" / "laurentides"
ENGINE = ROOT / "graphmap" / "neo4j" / "engine.py"
# Modules that create validation issues with error("code", ...) / warning("code", ...).
ISSUE_SOURCES = (ROOT / "graphmap" / "load", ROOT / "graphmap" / "validation")


def _page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _backticked(text: str) -> set[str]:
    """Every `code span` of a Markdown text."""
    return set(re.findall(r"`([^`\n]+)`", text))


def _section(text: str, heading: str) -> str:
    """The part of a page under the ``## `` heading that contains ``heading``."""
    parts = re.split(r"^(?=## )", text, flags=re.M)
    found = [p for p in parts if p.startswith("## ") and heading in p.splitlines()[0]]
    assert found, f"no '## ...{heading}...' section left in the page"
    return found[0]


# -- JSON reports -----------------------------------------------------------------------


def _analyze(workspace: Path, *extra: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["analyze", str(workspace), "--format", "json",
                                      "--lang", "en", *extra],
                                env={"GRAPHMAP_LANG": "en", **(env or {})})
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Real reports: the shipped example; the same with sampled betweenness (a limit below
    its 134 nodes, so the sampled ``meta.betweenness`` keys appear in CI); and the keys that
    only an option writes (``--for``, ``--public``)."""
    folder = tmp_path_factory.mktemp("docs")
    settings = folder / "graphmap.toml"
    settings.write_text("[analysis]\nexact_betweenness_max_nodes = 20\n", encoding="utf-8")
    found = {"laurentides": _analyze(EXAMPLE),
             "sampled": _analyze(EXAMPLE, "--config", str(settings)),
             "for": _analyze(EXAMPLE, "--for", "carrefour-es"),
             "public": _analyze(EXAMPLE, "--public", env={"GRAPHMAP_SALT": "docs-test"})}
    assert found["laurentides"]["meta"]["betweenness"]["method"] == "exact"
    assert found["sampled"]["meta"]["betweenness"]["method"] == "kadabra"
    assert found["sampled"]["meta"]["betweenness"]["approximate"] is True
    return found


def _documented_rows(page: str) -> set[str]:
    """The key paths a contract page documents: the backticked first cell of each table
    row before its ``## Values`` section (the rest of the page describes other outputs)."""
    text = _page(page)
    text = text[:text.index("## Values")]
    return set(re.findall(r"^\| `([^`\n]+)` \|", text, flags=re.M))


def _keys_of_name(function: ast.AST, name: str) -> set[str]:
    """String keys given to the variable ``name`` inside ``function``: ``name = {...}``
    (annotated or not) and ``name.update(key=...)``."""
    keys: set[str] = set()
    for node in ast.walk(function):
        target = value = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if isinstance(target, ast.Name) and target.id == name and isinstance(value, ast.Dict):
            keys |= {k.value for k in value.keys if isinstance(k, ast.Constant)}
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "update" and isinstance(node.func.value, ast.Name)
                and node.func.value.id == name):
            keys |= {k.arg for k in node.keywords if k.arg}
    return keys


def neo4j_meta_paths() -> set[str]:
    """The ``meta`` keys the Neo4j engine writes, read from its source: the dict it passes as
    ``meta=`` (the report's ``meta``) and the one it passes as ``betweenness_meta=`` (the
    report's ``meta.betweenness``)."""
    tree = ast.parse(ENGINE.read_text(encoding="utf-8"))
    top: set[str] = set()
    betweenness: set[str] = set()
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.keyword) or node.arg not in ("meta", "betweenness_meta"):
                continue
            if isinstance(node.value, ast.Dict):
                keys = {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
            elif isinstance(node.value, ast.Name):
                keys = _keys_of_name(function, node.value.id)
            else:
                continue
            (top if node.arg == "meta" else betweenness).update(keys)
    lost = (f"tests/test_docs.py no longer finds the meta keys of {ENGINE.relative_to(ROOT)} "
            "(meta= and betweenness_meta= arguments): update neo4j_meta_paths()")
    assert top, lost
    assert betweenness, lost
    return {f"meta.{k}" for k in top} | {f"meta.betweenness.{k}" for k in betweenness}


def test_every_json_report_key_is_documented(reports: dict[str, dict[str, Any]]) -> None:
    documented = _backticked(_page("json-report.md"))
    produced: dict[str, str] = {}
    for name, document in reports.items():
        for path in json_paths(document, placeholders(documented)):
            produced.setdefault(path, f"graphmap analyze ({name})")
    for path in neo4j_meta_paths():
        produced.setdefault(path, "the Neo4j engine (graphmap/neo4j/engine.py)")
    missing = sorted(f"`{path}` (from {origin})" for path, origin in produced.items()
                     if path not in documented)
    assert not missing, (
        "JSON report keys missing from docs/json-report.md: add a table row for each, with "
        "the full dotted path in backticks (lists as `name[]`; a map keyed by ids or codes as "
        "`path.<what>`): " + ", ".join(missing))


def test_every_documented_json_key_exists(reports: dict[str, dict[str, Any]]) -> None:
    """The other way round: a key the page's tables document is one a real report (or the
    Neo4j engine) writes, so a removed or renamed key cannot stay documented."""
    rows = _documented_rows("json-report.md")
    produced = neo4j_meta_paths()
    for document in reports.values():
        produced |= json_paths(document, placeholders(rows))
    stale = sorted(rows - produced)
    assert not stale, ("docs/json-report.md documents keys no report has (remove the row, or "
                       f"say which option writes them and add that run here): {stale}")


def test_the_json_key_walk_can_fail() -> None:
    paths = json_paths({"brokers": [{"id": "a", "new_key": 1}]}, {})
    assert paths - _backticked(_page("json-report.md")) == {"brokers[].new_key"}
    assert {"brokers[].rank", "meta.betweenness.method"} <= _documented_rows("json-report.md")


# -- gap codes ----------------------------------------------------------------------------


def _gap_codes(reports: dict[str, dict[str, Any]]) -> set[str]:
    """The gap codes an analysis gives (the example shows every one) and the code table of
    graphmap.analysis.gaps."""
    codes = {gap["code"] for document in reports.values() for gap in document["gaps"]}
    assert codes, "the example gives no gap: the check would pass on nothing"
    return codes | set(GAP_CODES)


def test_every_gap_code_is_documented(reports: dict[str, dict[str, Any]]) -> None:
    documented = _backticked(_section(_page("analysis.md"), "Gaps"))
    missing = sorted(_gap_codes(reports) - documented)
    assert not missing, (
        f"gap codes missing from docs/analysis.md, section 'Gaps': add a row to its table "
        f"(trigger, severity, stage rule, evidence, remedy) for {missing}")


def test_every_gap_message_names_a_documented_code() -> None:
    """A new gap's sentences (``analysis.gap.*``, ``analysis.remedy.*``) appear in the
    catalogue with the code they are for; their variants add a suffix to it."""
    codes = {c.replace(".", "_") for c in _backticked(_section(_page("analysis.md"), "Gaps"))
             if re.fullmatch(r"[a-z0-9_]+\.[a-z0-9_]+", c)}
    undocumented = []
    for key in catalogue():
        for prefix in ("analysis.gap.", "analysis.remedy."):
            if key.startswith(prefix):
                name = key[len(prefix):].replace(".", "_")
                if not any(name == c or name.startswith(c + "_") for c in codes):
                    undocumented.append(key)
    assert not undocumented, (
        "gap messages whose gap code is missing from docs/analysis.md, section 'Gaps' "
        f"(add the code to its table): {sorted(undocumented)}")


# -- validation issue codes -------------------------------------------------------------


#: Issue areas that are not about reading a workspace, and the page that documents them.
#: ``exchange.*`` are the issues of ``graphmap import`` (issue 15), documented on their own
#: page once the command exists.
OTHER_ISSUE_PAGES: dict[str, str] = {"exchange": "exchange.md"}


def _issue_codes() -> set[str]:
    """Codes of the ``issue.<code>`` messages (a code is ``area.name``; ``issue.warning_prefix``
    is the "warning: " prefix, not a code)."""
    return {key[len("issue."):] for key in catalogue()
            if key.startswith("issue.") and "." in key[len("issue."):]}


def _issue_table(page: str, section: str = "") -> dict[str, str]:
    """code -> severity column of the issue table rows (``| `code` | severity |``) of a
    page, or of one of its sections."""
    text = _page(page)
    if section:
        text = _section(text, section)
    return dict(re.findall(r"^\| `([a-z0-9_]+\.[a-z0-9_]+)` \| (\w+) \|", text, flags=re.M))


def _issue_rows() -> dict[str, str]:
    """code -> severity column of the issue table of docs/workspace-format.md."""
    return _issue_table("workspace-format.md", "Validation issues")


def test_every_validation_issue_code_is_documented() -> None:
    codes = {c for c in _issue_codes() if c.split(".")[0] not in OTHER_ISSUE_PAGES}
    rows = _issue_rows()
    missing = sorted(codes - set(rows))
    assert not missing, (
        "validation issue codes missing from docs/workspace-format.md, section 'Validation "
        f"issues': add a row (code, severity, meaning) to its table for {missing}")
    stale = sorted(set(rows) - _issue_codes())
    assert not stale, (
        f"docs/workspace-format.md documents issue codes the catalogue no longer has: {stale}")


def test_issue_codes_of_other_commands_are_documented() -> None:
    for area, page in OTHER_ISSUE_PAGES.items():
        codes = {c for c in _issue_codes() if c.split(".")[0] == area}
        assert codes, f"no issue code '{area}.*' left: update OTHER_ISSUE_PAGES"
        assert (DOCS / page).exists(), f"the '{area}.*' issue codes need docs/{page}"
        missing = sorted(codes - set(_issue_table(page)))
        assert not missing, (
            f"issue codes missing from docs/{page}: add a row (code, severity, meaning) to "
            f"its issue table for {missing}")


def test_documented_issue_severities_match_the_code() -> None:
    pattern = re.compile(r"\b(error|warning)\(\s*\"([a-z0-9_]+\.[a-z0-9_]+)\"")
    severity: dict[str, set[str]] = {}
    for folder in ISSUE_SOURCES:
        for source in folder.rglob("*.py"):
            for kind, code in pattern.findall(source.read_text(encoding="utf-8")):
                severity.setdefault(code, set()).add(kind)
    assert severity, "no error(...)/warning(...) call found: update ISSUE_SOURCES"
    rows = _issue_rows()
    wrong = sorted(f"{code}: code says {'/'.join(sorted(kinds))}, docs say {rows[code]}"
                   for code, kinds in severity.items()
                   if code in rows and rows[code] not in kinds)
    assert not wrong, f"fix the severity in docs/workspace-format.md: {wrong}"


# -- settings -----------------------------------------------------------------------------


def _toml(value: object) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


def test_every_setting_is_documented_with_its_default() -> None:
    section = _section(_page("workspace-format.md"), "graphmap.toml")
    problems = []
    for spec in dataclasses.fields(AnalysisConfig):
        row = next((line for line in section.splitlines()
                    if line.startswith(f"| `{spec.name}` |")), None)
        default = f"`{_toml(spec.default)}`"
        if row is None:
            problems.append(f"no row for `{spec.name}`")
        elif default not in row:
            problems.append(f"`{spec.name}`: default {default} not in its row")
    assert not problems, (
        "docs/workspace-format.md, section 'Settings: `graphmap.toml`', table of [analysis] "
        "keys (key, type, default as a TOML literal, allowed values, meaning): "
        + "; ".join(problems))


# -- commands -----------------------------------------------------------------------------


def test_every_command_is_documented() -> None:
    # The README's generated CLI reference lists the options (tests/test_readme.py); the
    # docs say what each command is for, in docs/architecture.md's "Commands" table.
    text = "\n".join(_page(p.name) for p in sorted(DOCS.glob("*.md")))
    names = cli.list_commands(None)  # type: ignore[arg-type]
    assert names
    missing = [n for n in names if not re.search(rf"`graphmap {re.escape(n)}[` ]", text)]
    assert not missing, (
        f"commands missing from docs/: add `graphmap NAME` rows to the 'Commands' table of "
        f"docs/architecture.md for {missing}")


# -- the docs themselves ----------------------------------------------------------------


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to ``-``."""
    text = unicodedata.normalize("NFC", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    return {_slug(m) for m in re.findall(r"^#+ (.+)$", text, flags=re.M)}


def test_every_page_is_in_the_index() -> None:
    index = _page("README.md")
    missing = [p.name for p in sorted(DOCS.glob("*.md"))
               if p.name != "README.md" and f"]({p.name})" not in index]
    assert not missing, f"docs/README.md: add a line to the index table for {missing}"


def test_links_between_pages_resolve() -> None:
    broken = []
    for page in sorted(DOCS.glob("*.md")):
        text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # an external address
            file, _, anchor = target.partition("#")
            linked = (page.parent / file).resolve() if file else page
            if not linked.exists():
                broken.append(f"{page.name}: {target} (no such file)")
            elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
                broken.append(f"{page.name}: {target} (no such heading)")
    assert not broken, f"broken links in docs/: {broken}"
