"""``graphmap push --public`` (issue 12, docs/privacy.md): the database receives the public
pair, so no planted personal value is in any node or relationship property."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.privacy.planted import ALL_PLANTED, NAMED, PERSON_IDS, WORKSPACE  # noqa: E402


def test_push_public_stores_no_planted_value(neo4j_env: dict[str, str], driver: Any, ws: str,
                                             tmp_path: Path) -> None:
    env = {**neo4j_env, "GRAPHMAP_SALT": "sel-de-test"}
    env.pop("SOURCE_DATE_EPOCH", None)
    pushed = subprocess.run(
        [sys.executable, "-m", "graphmap", "push", str(WORKSPACE), "--workspace", ws,
         "--public"], capture_output=True, text=True, env=env, check=False, timeout=300,
        cwd=tmp_path)
    assert pushed.returncode == 0, pushed.stderr
    assert "Public mode: 4 persons pseudonymised" in pushed.stderr
    records, _, _ = driver.execute_query(
        "MATCH (n {workspace: $ws}) OPTIONAL MATCH (n)-[r]->() "
        "RETURN properties(n) AS n, collect(properties(r)) AS r", ws=ws)
    stored = json.dumps([dict(record) for record in records], ensure_ascii=False, default=str)
    assert [v for v, _, _ in ALL_PLANTED if v in stored] == []
    assert [i for i in PERSON_IDS if f'"{i}"' in stored] == []
    assert all(org in stored for org in NAMED)
    assert "3 citoyennes et citoyens de Lac-Clair" in stored or "3 citizens of Lac-Clair" in stored
    assert not list(tmp_path.iterdir())  # nothing written beside: the salt is in the env
