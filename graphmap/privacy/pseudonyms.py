"""Stable pseudonymous ids, keyed by a secret salt that never enters an output.

The salt is ``GRAPHMAP_SALT`` if that variable is set, else the content of the file
``.graphmap-salt`` beside the workspace (inside a CSV folder; in the folder of an ``.xlsx``
or ``.json`` file), created on first use with 32 random bytes and mode 0600. The same salt
gives the same pseudonyms run after run; another salt gives other pseudonyms; without the
salt a pseudonym cannot be traced back to the real id (HMAC-SHA-256).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from graphmap.errors import GraphmapError

SALT_ENV = "GRAPHMAP_SALT"
SALT_FILE = ".graphmap-salt"
#: Hex digits of the HMAC kept in an id: 48 bits, no collision in any real ecosystem.
ID_DIGITS = 12


@dataclass(frozen=True)
class Salt:
    """The secret and where it came from (``env`` or ``file``; the log names the source,
    never the secret)."""

    secret: bytes
    source: str

    def __repr__(self) -> str:  # never print the secret by accident
        return f"Salt(source={self.source!r})"


def salt_path(workspace: str | Path) -> Path:
    """Where the salt file of ``workspace`` lives.

    >>> salt_path("ws").name
    '.graphmap-salt'
    """
    folder = Path(workspace)
    return (folder if folder.is_dir() else folder.parent) / SALT_FILE


def load_salt(workspace: str | Path) -> Salt:
    """The salt of ``workspace``: ``GRAPHMAP_SALT``, else its ``.graphmap-salt`` file, which is
    created (mode 0600) when missing."""
    env = os.environ.get(SALT_ENV, "")
    if env.strip():
        return Salt(env.strip().encode("utf-8"), "env")
    path = salt_path(workspace)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError as exc:
        raise GraphmapError("privacy.salt_unwritable", path=str(path),
                            detail=exc.strerror or "") from exc
    else:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphmapError("privacy.salt_unreadable", path=str(path)) from exc
    if not text:
        raise GraphmapError("privacy.salt_unreadable", path=str(path))
    return Salt(text.encode("utf-8"), "file")


def pseudonym(salt: Salt, kind: str, value: str) -> str:
    """``kind-<hex>``: the HMAC of ``value`` under the salt.

    >>> s = Salt(b"sel", "env")
    >>> pseudonym(s, "anon", "a1") == pseudonym(s, "anon", "a1"), pseudonym(s, "anon", "a1")[:5]
    (True, 'anon-')
    >>> pseudonym(s, "anon", "a1") != pseudonym(Salt(b"autre", "env"), "anon", "a1")
    True
    """
    digest = hmac.new(salt.secret, f"{kind}\x00{value}".encode(), hashlib.sha256).hexdigest()
    return f"{kind}-{digest[:ID_DIGITS]}"
