"""Pure analyses of a Dataset: brokers, gaps, opportunities, communities, summary."""
