"""Constants and helpers shared by the benchmarks and their conftest (figures collected for the summary)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

BENCH_WORKERS = 100_000
BENCH_SEED = 2025
BENCH_NOW = datetime(2026, 3, 1, 9, 0)

#: Floors measured on the reference machine (2-core AMD EPYC VM, Python 3.11, SQLite 3.x), best of 3:
#: ``executemany`` of 100,000 (id, name, nik) rows into a plain table in one transaction, and
#: ``SELECT id FROM worker LIMIT 200`` on the 100,000-worker database.
REFERENCE_INSERT_FLOOR_S = 0.28
REFERENCE_QUERY_FLOOR_S = 0.00012

results: dict[str, Any] = {}


def record(key: str, value: Any) -> None:
    """Keep a figure for the summary and results.json."""
    results[key] = value


def best_of(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def median_time(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
