"""Safe to publish: the step between the analysis and every output (docs/privacy.md).

- :func:`hold_back` — default mode: contact columns stay out of HTML, Markdown and the map.
- :func:`publish` — public mode: persons pseudonymised or aggregated, columns dropped, text
  scrubbed, the report rewritten; with a :class:`PublicationLog`.
"""

from __future__ import annotations

from graphmap.privacy.columns import ContactColumn, contact_columns
from graphmap.privacy.log import PublicationLog
from graphmap.privacy.pseudonyms import load_salt
from graphmap.privacy.publication import write_publication
from graphmap.privacy.redact import Publication, default_log, hold_back, publish
from graphmap.privacy.settings import PublishPolicy, load_policy, parse_column_list, resolve_columns

__all__ = [
    "ContactColumn", "Publication", "PublicationLog", "PublishPolicy", "contact_columns",
    "default_log", "hold_back", "load_policy", "load_salt", "parse_column_list", "publish",
    "resolve_columns", "write_publication",
]
