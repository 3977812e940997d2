"""Renderers of the analysis report: they read an ``AnalysisReport`` and its Dataset and
compute nothing analytical.

- ``terminal``, ``json_report``, ``markdown``: the text, JSON and Markdown reports;
- ``html_report``: the HTML report, with the map embedded;
- ``html_map``: the interactive map (``map_payload`` its model, ``map_style`` its colours
  and sizes, ``map_panel`` its side-panel text, ``page`` the page shared with the report);
- ``options``: the choices of every renderer (the CLI derives its option lists from it);
- ``formatting``: numbers and sums of money, the same in every output;
- ``report_text``: sentences and groupings shared by the text, Markdown and HTML reports.

This package imports nothing itself, so ``graphmap.render.options`` stays light.
"""
