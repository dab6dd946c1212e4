"""A large package's records are checked on two processors (services/sync_checking.py): the helper
process gives the same answers as checking everything here, its part is checked here if it dies, and
nothing is started on a one-processor computer or for a small package. The texts it encodes ahead are
those this process would store."""

from __future__ import annotations

import json
import multiprocessing
import sys
from datetime import date
from typing import Any

import pytest

from jamsos_desktop.domain.regions import default_table
from jamsos_desktop.domain.sync import Edit, stored_text
from jamsos_desktop.domain.sync_check import Rules, check_in_order
from jamsos_desktop.domain.sync_records import Fact
from jamsos_desktop.services.sync_checking import PARALLEL_MIN_EDITS, SWITCH_INTERVAL_S, PackageChecker

RULES = Rules(default_table(), "19.03", date(2026, 11, 24))


def _record(i: int) -> dict[str, Any]:
    return {
        "nik": f"190301120890{1000 + i % 9000:04d}", "no_nik": False, "kk": "", "name": f"Pekerja {i}", "sex": "L",
        "birth_place": "Rias", "birth_date": "1990-08-12", "address": "Jl. Pantai", "rt": "001", "rw": "002",
        "village_code": "19.03.01.2008", "occupation": "Nelayan", "phone": "081234567890", "income": 1_500_000,
        "kpj": None, "status": "draft", "end_date": None, "end_reason": "", "notes": "",
        "consent": ["Pendaftaran BPJS", True, "operator", "2026-11-24T09:00:00"], "heirs": [],
    }  # fmt: skip


def _package(records: int) -> tuple[list[tuple[str, dict[str, Any]]], dict[str, dict[str, Any]]]:
    """New records (every seventh broken), later edits of some (some broken), and edits of records held here."""
    edits: list[tuple[str, dict[str, Any]]] = []
    for i in range(records):
        values = _record(i)
        if i % 7 == 3:
            values["village_code"] = "19.03.99.9999"
        edits.append((f"new-{i}", values))
    for i in range(0, records, 5):
        edits.append((f"new-{i}", {"phone": "12" if i % 10 else "081299998888"}))
    held = {f"held-{i}": _record(10_000 + i) for i in range(50)}
    edits += [(f"held-{i}", {"income": -5 if i % 4 == 0 else 2_000_000}) for i in range(50)]
    return edits, held


@pytest.fixture
def package() -> tuple[list[tuple[str, dict[str, Any]]], dict[str, dict[str, Any]]]:
    return _package(600)


def test_the_helper_gives_the_same_answers_as_checking_here(package) -> None:  # type: ignore[no-untyped-def]
    edits, held = package
    expected = check_in_order(edits, held, RULES)
    assert sum(1 for found in expected if found) > 100  # the package has broken edits of every kind
    checker = PackageChecker(len(edits), cpus=2, min_edits=100)
    try:
        assert checker.helped
        assert checker.check(edits, held, RULES) == expected
    finally:
        checker.close()


def test_if_the_helper_dies_its_part_is_checked_here(package) -> None:  # type: ignore[no-untyped-def]
    edits, held = package
    checker = PackageChecker(len(edits), cpus=2, min_edits=100)
    try:
        assert checker.helped
        for child in multiprocessing.active_children():
            child.kill()
            child.join()
        assert checker.check(edits, held, RULES) == check_in_order(edits, held, RULES)
    finally:
        checker.close()


def test_no_helper_for_a_small_package_or_a_single_processor(package) -> None:  # type: ignore[no-untyped-def]
    edits, held = package
    before = set(multiprocessing.active_children())  # (helpers of earlier tests may still be ending)
    for checker in (PackageChecker(PARALLEL_MIN_EDITS - 1, cpus=8), PackageChecker(10 * PARALLEL_MIN_EDITS, cpus=1)):
        assert not checker.helped
        assert checker.check(edits, held, RULES) == check_in_order(edits, held, RULES)
        assert set(multiprocessing.active_children()) <= before
        checker.close()


def _payload(package) -> bytes:  # type: ignore[no-untyped-def]
    """A package payload as export writes it: edits, then records (here with Indonesian and other
    non-ASCII text, nested lists and None, which the stored text must keep exactly)."""
    edits, _held = package
    records = [
        Fact(f"prog-{i}|new-{i}", f"{1_780_000_000_000 + i:013d}.000000.st-1", "enrolment", "st-1", f"new-{i}",
             {"programme": "prog", "start_month": 24_310, "end_month": None, "funded_from": 24_310, "funded_to": 24_315,
              "exit_date": None, "exit_reason": "", "funder": "APBD Kab. Bangka Selatan — Dinsos",
              "created_at": "2026-11-24T09:00:00", "created_by": f"opérator {i}"}).to_json()
        for i in range(300)
    ]  # fmt: skip
    body = {
        "edits": [Edit(uid, f"{1_780_000_000_000 + i:013d}.000000.st-1", "st-1", "create", values, {}).to_json()
                  for i, (uid, values) in enumerate(edits)],
        "records": records,
    }  # fmt: skip
    body["edits"][0]["values"]["name"] = "Siti Ma'rifah “Ijah” 李"
    return json.dumps(body, ensure_ascii=False).encode()


def _read(raw: bytes) -> tuple[list[Edit], list[Fact]]:
    payload = json.loads(raw)
    return [Edit.from_json(e) for e in payload["edits"]], [Fact.from_json(f) for f in payload["records"]]


def test_the_helper_encodes_the_very_texts_this_process_would_store(package) -> None:  # type: ignore[no-untyped-def]
    raw = _payload(package)
    edits, facts = _read(raw)
    checker = PackageChecker(len(edits), cpus=2, min_edits=100)
    try:
        checker.encode_ahead(raw)
        ahead = checker.edit_texts(edits)
        assert len(ahead) == len(edits)  # every edit's text came from the helper
        checker.add_record_texts(ahead, facts)
        assert len(ahead) == len(edits) + len(facts)
    finally:
        checker.close()
    for values in [e.values for e in edits] + [f.data for f in facts]:
        assert ahead.text(values) == stored_text(values)
    # Values it was not given (a copy: e.g. made anew by a merge) are encoded when asked for.
    changed = dict(edits[0].values, name="Siti")
    assert ahead.text(changed) == stored_text(changed) != ahead.text(edits[0].values)


def test_no_texts_ahead_from_a_helper_that_died_or_a_payload_of_another_shape(package) -> None:  # type: ignore[no-untyped-def]
    raw = _payload(package)
    edits, facts = _read(raw)
    odd = PackageChecker(len(edits), cpus=2, min_edits=100)
    try:
        odd.encode_ahead(b'{"edits": 5}')
        ahead = odd.edit_texts(edits)
        odd.add_record_texts(ahead, facts)
        assert len(ahead) == 0
    finally:
        odd.close()
    dying = PackageChecker(len(edits), cpus=2, min_edits=100)
    try:
        for child in multiprocessing.active_children():
            child.kill()
            child.join()
        dying.encode_ahead(raw)
        ahead = dying.edit_texts(edits)
        dying.add_record_texts(ahead, facts)
        assert len(ahead) == 0
        assert dying.check(package[0], package[1], RULES) == check_in_order(package[0], package[1], RULES)
    finally:
        dying.close()
    assert all(ahead.text(e.values) == stored_text(e.values) for e in edits)


def test_threads_switch_faster_while_a_helper_works_and_as_before_after(package) -> None:  # type: ignore[no-untyped-def]
    edits, held = package
    before = sys.getswitchinterval()
    checker = PackageChecker(len(edits), cpus=2, min_edits=100)
    try:
        assert checker.helped and sys.getswitchinterval() == min(before, SWITCH_INTERVAL_S)
    finally:
        checker.close()
    assert sys.getswitchinterval() == before
    alone = PackageChecker(len(edits), cpus=1, min_edits=100)
    assert not alone.helped and sys.getswitchinterval() == before
    alone.close()
    assert sys.getswitchinterval() == before
