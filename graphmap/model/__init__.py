"""The typed model: validated records, the Dataset, its compiled graph (``compiled``) and
the networkx graphs users get (``graph``)."""
