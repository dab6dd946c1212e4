"""Speed targets of the Foundation (issue 2) with 100,000 workers, each against a floor of the same run.

- ``demo --workers 100000`` <= 20 s (scaled by the machine factor of the insert floor);
- search keystroke (ids of the matches + the first 200 list rows) <= 30 ms median over typical queries
  (scaled by the factor of a trivial ``SELECT id FROM worker LIMIT 200``);
- resident memory with the ids of all 100,000 workers loaded <= 250 MB (Linux only).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
import textwrap
import time

import pytest
from bench_support import (  # noqa: E402
    BENCH_NOW,
    BENCH_SEED,
    BENCH_WORKERS,
    REFERENCE_QUERY_FLOOR_S,
    best_of,
    median_time,
    record,
)

from jamsos_desktop.app import open_context
from jamsos_desktop.domain.worker import WorkerQuery

pytestmark = pytest.mark.benchmark

DEMO_TARGET_S = 20.0
SEARCH_TARGET_S = 0.030
RSS_TARGET_MB = 250
PAGE_ROWS = 200
ID_PAGE = 400  # jamsos_desktop.ui.workers.model.PAGE_SIZE
#: queries whose hit count the assertions below need (the keystroke itself counts in the background)
COUNTED = ("munip pongok", "190301", "rias")

#: What clerks type, by kind: name fragments, NIK/KPJ/phone prefixes, places, two words.
QUERIES: dict[str, tuple[str, ...]] = {
    "name": (
        "mun", "ahm", "irm", "sur", "bob", "rohani", "siti", "ma'ruf", "hj.", "fauzi", "yus", "andi",
        "sri wah",
    ),
    "number": ("190301", "1903", "190308", "19030512", "2300", "0812"),
    "place": ("rias", "toboali", "pongok", "sadai", "lepar", "air gegas"),
    "two_words": ("nelayan toboali", "siti rias", "munip pongok", "ahmad sadai", "sri sidoharjo"),
}


def keystroke_times(registry) -> tuple[dict[str, list[float]], dict[str, int]]:  # type: ignore[no-untyped-def]
    """Seconds per typical query, by kind, and the ids each found (on either engine).

    What the list does per keystroke: the first page of ids, then the rows on screen. The total is
    counted afterwards, in the background (measured apart)."""

    def keystroke(text: str) -> int:
        ids = registry.search_ids(WorkerQuery(text=text), limit=ID_PAGE)
        registry.summaries(ids[:PAGE_ROWS])
        return len(ids)

    keystroke("a")  # warm the connection pool and the page cache, as the open page has
    by_kind: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    for kind, texts in QUERIES.items():
        for text in texts:
            start = time.perf_counter()
            hits[text] = keystroke(text)
            by_kind.setdefault(kind, []).append(time.perf_counter() - start)
    return by_kind, hits


def test_demo_generation_within_target(demo_database, machine_factor, tmp_path):
    """The whole ``demo`` command: the workers (timed when the shared database was built), then the
    programme with its payments and the handover event, timed here on a copy of that database."""
    from jamsos_desktop.services.cards_demo import seed_demo_handover
    from jamsos_desktop.services.programme_demo import seed_demo_programme

    folder, workers_s = demo_database
    src = sqlite3.connect(folder / "jamsos.sqlite3")
    dst = sqlite3.connect(tmp_path / "jamsos.sqlite3")
    src.backup(dst)
    src.close()
    dst.close()
    ctx = open_context(data_dir=tmp_path)
    try:
        start = time.perf_counter()
        seed_demo_programme(ctx.unit_of_work, now=BENCH_NOW, seed=BENCH_SEED)
        seed_demo_handover(ctx.unit_of_work, now=BENCH_NOW)
        programme_s = time.perf_counter() - start
    finally:
        ctx.close()
    seconds = workers_s + programme_s
    allowed = DEMO_TARGET_S * max(1.0, machine_factor)
    record("demo_programme_s", round(programme_s, 2))
    record("demo_total_s", round(seconds, 2))
    record("demo_allowed_s", round(allowed, 1))
    print(
        f"\ndemo {BENCH_WORKERS:,} workers: {workers_s:.1f} s + programme {programme_s:.1f} s = {seconds:.1f} s"
        f" (allowed {allowed:.1f} s, factor {machine_factor:.2f})"
    )
    assert seconds <= allowed


def test_search_keystroke_median_within_target(demo_database):
    folder, _ = demo_database
    ctx = open_context(data_dir=folder)
    try:
        registry = ctx.registry
        db_file = next(folder.glob("*.sqlite3"))
        con = sqlite3.connect(db_file)
        try:
            query_floor = best_of(30, lambda: con.execute("SELECT id FROM worker LIMIT 200").fetchall())
        finally:
            con.close()

        by_kind, hits = keystroke_times(registry)
        all_ids_s = median_time(3, lambda: registry.search_ids(WorkerQuery()))
        counts = [median_time(3, lambda t=text: registry.count(WorkerQuery(text=t))) for text in COUNTED]
        totals = {text: registry.count(WorkerQuery(text=text)) for text in COUNTED}
    finally:
        ctx.close()

    every = [t for times in by_kind.values() for t in times]
    median = statistics.median(every)
    factor = query_floor / REFERENCE_QUERY_FLOOR_S
    allowed = SEARCH_TARGET_S * max(1.0, factor)
    record("query_floor_ms", round(query_floor * 1000, 3))
    record("search_median_ms", round(median * 1000, 1))
    record("search_allowed_ms", round(allowed * 1000, 1))
    for kind, times in by_kind.items():
        record(f"search_{kind}_median_ms", round(statistics.median(times) * 1000, 1))
        record(f"search_{kind}_max_ms", round(max(times) * 1000, 1))
    record("open_all_ids_ms", round(all_ids_s * 1000, 1))
    record("search_count_median_ms", round(statistics.median(counts) * 1000, 1))
    print(f"\nsearch median {median * 1000:.1f} ms (allowed {allowed * 1000:.1f} ms); per query:")
    for kind, texts in QUERIES.items():
        for text, seconds in zip(texts, by_kind[kind], strict=True):
            print(f"  {kind:9} {text!r:20} {seconds * 1000:7.1f} ms  {hits[text]:6} hits")
    assert totals["munip pongok"] >= 1 and totals["190301"] > 1000 and totals["rias"] > 100
    assert hits["190301"] == ID_PAGE  # a full first page; the rest is read as the list scrolls
    assert median <= allowed


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_resident_memory_with_all_ids_loaded(demo_database):
    """In a fresh interpreter, as the application would be: open, load every id and the first page."""
    folder, _ = demo_database
    script = textwrap.dedent(
        f"""
        import json
        from jamsos_desktop.app import open_context
        from jamsos_desktop.domain.worker import WorkerQuery
        ctx = open_context(data_dir={str(folder)!r})
        ctx.region_table()
        ids = ctx.registry.search_ids(WorkerQuery())
        rows = ctx.registry.summaries(ids[:{PAGE_ROWS}])
        status = open("/proc/self/status").read()
        rss_kb = int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])
        print(json.dumps({{"ids": len(ids), "rows": len(rows), "rss_mb": rss_kb / 1024}}))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    record("rss_all_ids_mb", round(figures["rss_mb"], 1))
    print(f"\nresident memory with {figures['ids']:,} ids loaded: {figures['rss_mb']:.1f} MB")
    assert figures["ids"] == BENCH_WORKERS
    assert figures["rss_mb"] <= RSS_TARGET_MB
