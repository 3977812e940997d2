"""Fixtures of the report tests."""

from __future__ import annotations

import pytest

from graphmap.analysis.report import AnalysisReport
from graphmap.model.dataset import Dataset
from report.report_fixtures import build_report


@pytest.fixture
def sample() -> tuple[Dataset, AnalysisReport]:
    return build_report()
