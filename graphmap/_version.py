"""The package version, single source for packaging and reports."""

__version__ = "0.1.0"
