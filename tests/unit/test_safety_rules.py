"""Data safety rules without a database: roles, the audit hash chain, lockout, rotation, retention."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from jamsos_desktop.domain.safety import (
    GENESIS_HASH,
    ROLE_PERMISSIONS,
    AuditEntry,
    LockoutPolicy,
    Permission,
    Role,
    backups_to_keep,
    canonical_json,
    entry_hash,
    mask_values,
    password_problem,
    retention_cutoff,
    username_problem,
    values_digest,
    verify_chain,
)


def _chain(n: int) -> list[AuditEntry]:
    entries, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        old, new = None, canonical_json({"name": f"Pekerja {seq}", "nik": "1903015708850002"})
        digest = values_digest(old, new)
        fields = dict(
            seq=seq,
            at=f"2026-11-24T09:00:{seq % 60:02d}",
            actor="budi",
            action="update",
            entity="worker",
            entity_id=str(seq),
        )
        h = entry_hash(prev, digest=digest, **fields)  # type: ignore[arg-type]
        entries.append(AuditEntry(old=old, new=new, digest=digest, prev_hash=prev, hash=h, **fields))  # type: ignore[arg-type]
        prev = h
    return entries


def test_roles() -> None:
    assert ROLE_PERMISSIONS[Role.ADMINISTRATOR] == frozenset(Permission)
    operator = ROLE_PERMISSIONS[Role.OPERATOR]
    assert Permission.ENTER_DATA in operator and Permission.PRINT in operator
    for p in (Permission.APPROVE, Permission.RESOLVE_CONFLICTS, Permission.MANAGE_USERS, Permission.VIEW_NIK):
        assert p not in operator
    verifier = ROLE_PERMISSIONS[Role.VERIFIER]
    assert {Permission.APPROVE, Permission.RESOLVE_CONFLICTS, Permission.RECORD_FUNDER_PAYMENTS} <= verifier
    assert Permission.MANAGE_USERS not in verifier


def test_an_intact_chain_verifies() -> None:
    assert verify_chain(_chain(20)) == []


@given(st.integers(min_value=0, max_value=9), st.sampled_from(["actor", "at", "new", "action", "entity_id"]))
def test_any_edit_is_detected(index: int, field: str) -> None:
    entries = _chain(10)
    entries[index] = replace(entries[index], **{field: "diubah"})
    assert verify_chain(entries)


def test_deleting_or_reordering_is_detected() -> None:
    entries = _chain(5)
    assert verify_chain(entries[:2] + entries[3:])
    assert verify_chain([entries[1], entries[0], *entries[2:]])


def test_erased_values_keep_the_chain() -> None:
    entries = _chain(5)
    entries[2] = replace(entries[2], old=None, new=None, erased=True)
    assert verify_chain(entries) == []


def test_mask_values() -> None:
    masked = mask_values({"nik": "1903015708850002", "heirs": [{"nik": "1903015708850003", "name": "Siti"}]})
    assert masked["nik"] == "190301\u2022\u2022\u2022\u2022\u2022\u20220002"
    assert masked["heirs"][0]["name"] == "Siti" and masked["heirs"][0]["nik"].endswith("0003")


def test_lockout_policy() -> None:
    now = datetime(2026, 11, 24, 9, 0)
    policy = LockoutPolicy(attempts=5, minutes=5)
    count, until = 0, None
    for _ in range(4):
        count, until = policy.after_failure(count, now)
        assert until is None
    count, until = policy.after_failure(count, now)
    assert until == now + timedelta(minutes=5) and count == 0


def test_user_names_and_passwords() -> None:
    assert username_problem("budi.santoso") is None
    assert username_problem("budi santoso") == "user.name_invalid"
    assert username_problem("") == "user.name_invalid"
    assert password_problem("pendek") == "user.password_short"
    assert password_problem("budisantoso", "BudiSantoso") == "user.password_is_name"
    assert password_problem("kata sandi bagus") is None


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = datetime(2026, 11, 24, 8, 0)
    stamps = [start - timedelta(hours=12 * i) for i in range(2 * 800)]
    keep = backups_to_keep(stamps)
    days = {s.date() for s in keep}
    assert {start.date() - timedelta(days=d) for d in range(7)} <= days
    assert len({(s.year, s.month) for s in keep}) == 12
    assert len(keep) <= 3 + 7 + 4 + 12
    assert max(keep) == start


def test_retention_cutoff() -> None:
    assert retention_cutoff(date(2026, 11, 24), 5) == date(2021, 11, 24)
    assert retention_cutoff(date(2028, 2, 29), 1) == date(2027, 2, 28)
