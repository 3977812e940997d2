"""The typed model: validated records, the Dataset, the graph and its analysis views."""
