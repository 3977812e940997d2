"""Analysis settings (seed, thresholds, size limits) and their ``graphmap.toml`` file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnalysisConfig:
    """Every tunable of the analysis, with the defaults FORMATS.md documents."""

    seed: int = 42
    min_sectors: int = 3
    top: int = 20
    group_by: str = "sector"
