"""Pure analyses of a Dataset, all on one graph, its compiled ``EcosystemGraph``.

- ``pipeline``: :func:`~graphmap.analysis.pipeline.analyze`, every step into one report;
- ``report``: the :class:`~graphmap.analysis.report.AnalysisReport` data model;
- ``brokers``: betweenness, structural holes and brokerage roles (``kernel``: the igraph
  and sparse kernels behind them);
- ``communities``: modularity communities;
- ``gaps``: what projects, territories and the ecosystem lack;
- ``opportunities``: ties worth creating — ``proposals`` (fund, support, adopt), scored by
  ``candidates`` from ``similarity``; ``collaboration`` (actor pairs); ``introducers``;
- ``summary``: the ecosystem in figures; ``labels``: names used in the sentences.
"""
