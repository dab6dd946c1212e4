"""The registry service against a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from jamsos_desktop.domain.errors import ConflictError, DuplicateError, JamsosError, ValidationError
from jamsos_desktop.domain.worker import Heir, SortKey, WorkerData, WorkerQuery
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex, WorkerStatus

MUNIP = WorkerData(
    name="Munip",
    sex=Sex.MALE,
    birth_date=date(1990, 8, 12),
    village_code="19.03.01.2008",  # Rias, Toboali
    nik="1903011208902835",
    phone="+62 812 3456 7890",
    occupation="Nelayan",
    heirs=(Heir("Rahmat", HeirRelationship.CHILD), Heir("Siti Aminah", HeirRelationship.SPOUSE, phone="0813-1111-2222")),
)
SITI = WorkerData(
    name="Hj. Siti Ma'rifah",
    sex=Sex.FEMALE,
    birth_date=date(1999, 5, 4),
    village_code="19.03.02.2001",  # Tanjung Labu, Lepar
    nik="1903014405990313",
    occupation="Pedagang Kecil",
)


def test_register_normalises_and_records_who_and_when(context) -> None:  # type: ignore[no-untyped-def]
    saved = context.registry.register(MUNIP).worker
    assert saved.id > 0 and saved.uid
    assert saved.phone == "081234567890"
    assert saved.created_by == "petugas.uji"
    assert saved.consent.recorded_by == "petugas.uji"
    assert saved.consent.given
    again = context.registry.get(saved.id)
    assert again.nik == "1903011208902835" and isinstance(again.nik, str)
    assert [h.name for h in again.heirs] == ["Rahmat", "Siti Aminah"]
    assert again.heirs[1].phone == "081311112222"
    assert again.income == 1_000_000


def test_invalid_records_are_not_saved(context) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        context.registry.register(replace(MUNIP, nik="190301120890"))
    assert [f.code for f in caught.value.findings] == ["nik.length"]
    assert context.registry.stats().total == 0


def test_duplicate_nik_points_to_the_existing_record(context) -> None:  # type: ignore[no-untyped-def]
    first = context.registry.register(MUNIP).worker
    with pytest.raises(DuplicateError) as caught:
        context.registry.register(replace(MUNIP, name="Munip bin Ali", nik="1903 0112 0890 2835"))
    assert caught.value.existing_id == first.id
    assert "Munip" in caught.value.message("id")
    found = context.registry.validate(replace(MUNIP, name="Lain"))
    assert [f.code for f in found.errors] == ["nik.duplicate"]
    assert found.errors[0].params["existing_id"] == first.id
    # Editing the record itself is not a duplicate of itself.
    assert context.registry.validate(MUNIP, worker_id=first.id).ok


def test_warnings_do_not_block(context) -> None:  # type: ignore[no-untyped-def]
    result = context.registry.register(replace(SITI, sex=Sex.MALE))
    assert [w.code for w in result.warnings] == ["nik.sex_mismatch"]
    assert result.worker.sex is Sex.MALE  # the clerk's value is kept


def test_update_with_optimistic_locking(context) -> None:  # type: ignore[no-untyped-def]
    saved = context.registry.register(MUNIP).worker
    updated = context.registry.update(saved.id, replace(MUNIP, occupation="Penambang Timah"), expected_version=saved.version).worker
    assert updated.occupation == "Penambang Timah"
    assert updated.version == saved.version + 1
    with pytest.raises(ConflictError):
        context.registry.update(saved.id, replace(MUNIP, occupation="Ojek"), expected_version=saved.version)
    assert context.registry.get(saved.id).occupation == "Penambang Timah"


def test_deactivate_never_deletes(context) -> None:  # type: ignore[no-untyped-def]
    saved = context.registry.register(MUNIP).worker
    gone = context.registry.deactivate(saved.id, WorkerStatus.DECEASED, end_date=date(2026, 10, 1), reason="Kecelakaan laut")
    assert gone.status is WorkerStatus.DECEASED and gone.end_reason == "Kecelakaan laut"
    assert context.registry.stats().total == 1
    assert context.registry.stats().active == 0
    with pytest.raises(JamsosError):
        context.registry.reactivate(saved.id)  # the dead do not come back
    with pytest.raises(JamsosError):
        context.registry.deactivate(saved.id, WorkerStatus.VERIFIED, end_date=date(2026, 10, 1))


def test_withdrawn_worker_can_be_reactivated(context) -> None:  # type: ignore[no-untyped-def]
    saved = context.registry.register(MUNIP).worker
    context.registry.deactivate(saved.id, WorkerStatus.WITHDRAWN, end_date=date(2026, 10, 1))
    back = context.registry.reactivate(saved.id)
    assert back.status is WorkerStatus.VERIFIED and back.end_date is None


def test_search_by_name_nik_village_and_district(context) -> None:  # type: ignore[no-untyped-def]
    munip = context.registry.register(MUNIP).worker
    siti = context.registry.register(SITI).worker

    def ids(text: str, **kw) -> list[int]:  # type: ignore[no-untyped-def]
        return context.registry.search_ids(WorkerQuery(text=text, **kw))

    assert ids("mun") == [munip.id]
    assert ids("MA'RIF") == [siti.id]
    assert ids("190301120") == [munip.id]
    assert ids("1903") == [siti.id, munip.id]  # sorted by name: "hj. siti…" < "munip"
    assert ids("rias") == [munip.id]
    assert ids("lepar") == [siti.id]  # a district name finds its villages' workers
    assert ids("tanjung labu") == [siti.id]
    assert ids("munip rias") == [munip.id]
    assert ids("munip lepar") == []
    assert ids("0812") == [munip.id]
    assert ids("100%") == []
    assert ids("", village_codes=("19.03.02.2001",)) == [siti.id]
    assert ids("", sort=SortKey.NAME, descending=True) == [munip.id, siti.id]
    assert ids("", sort=SortKey.VILLAGE) == [munip.id, siti.id]  # Rias < Tanjung Labu
    context.registry.deactivate(siti.id, WorkerStatus.WITHDRAWN, end_date=date(2026, 1, 1))
    assert ids("", statuses=(WorkerStatus.DRAFT,)) == [munip.id]


def test_summaries_keep_the_asked_order(context) -> None:  # type: ignore[no-untyped-def]
    a = context.registry.register(MUNIP).worker
    b = context.registry.register(SITI).worker
    rows = context.registry.summaries([b.id, a.id])
    assert [r.id for r in rows] == [b.id, a.id]
    assert rows[1].village_name == "Rias" and rows[1].district_name == "Toboali"


def test_kpj_is_unique(context) -> None:  # type: ignore[no-untyped-def]
    context.registry.register(replace(MUNIP, kpj="12345678901"))
    with pytest.raises(DuplicateError) as caught:
        context.registry.register(replace(SITI, kpj="12345678901"))
    assert caught.value.code == "kpj.duplicate"


def test_no_nik_workers_coexist(context) -> None:  # type: ignore[no-untyped-def]
    context.registry.register(replace(MUNIP, nik=None, no_nik=True))
    context.registry.register(replace(SITI, nik=None, no_nik=True))
    assert context.registry.stats().without_nik == 2


def test_regency_cannot_change_once_workers_exist(context) -> None:  # type: ignore[no-untyped-def]
    context.registry.register(MUNIP)
    with pytest.raises(JamsosError) as caught:
        context.initialize("19.01")
    assert caught.value.code == "region.regency_changed"
    assert context.initialize("19.03").regency == "19.03"


def test_both_search_plans_give_the_same_order_and_pages(context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The selective plan (fetch and sort few rows) and the ordered index walk must agree exactly."""
    from jamsos_desktop.persistence.repositories import WorkerRepository
    from jamsos_desktop.services.demo import generate_demo

    generate_demo(
        context.unit_of_work, context.region_table(), "19.03", workers=600, seed=7, now=context.clock(), user="uji"
    )
    queries = [
        WorkerQuery(text=text, sort=sort, descending=descending)
        for text in ("", "a", "an", "ang", "rias", "toboali", "1903", "08", "nelayan", "siti a")
        for sort in SortKey
        for descending in (False, True)
    ]
    results = {}
    for threshold in (0, 10**9):  # never selective / always selective
        monkeypatch.setattr(WorkerRepository, "SELECTIVE", threshold)
        results[threshold] = [context.registry.search_ids(q) for q in queries]
        for q, full in zip(queries[:12], results[threshold], strict=False):
            pages = [*context.registry.search_ids(q, limit=50), *context.registry.search_ids(q, offset=50, limit=10**6)]
            assert pages == full
            assert context.registry.count(q) == len(full)
    assert results[0] == results[10**9]


def test_bulk_added_workers_read_back_exactly(context) -> None:  # type: ignore[no-untyped-def]
    """bulk_add writes values in SQLAlchemy's storage format: the ORM reads them back unchanged."""
    from datetime import datetime

    recorded = datetime(2025, 9, 3, 10, 15, 30, 123456)
    data = replace(
        MUNIP,
        phone="081234567890",
        heirs=(Heir("Siti Aminah", HeirRelationship.SPOUSE, "1903014405990313", "081311112222"),),
        consent=replace(MUNIP.consent, recorded_by="petugas.desa", recorded_at=recorded),
        kpj="12345678901",
        status=WorkerStatus.REGISTERED,
        income=1_500_000,
    )
    with context.unit_of_work(write=True) as uow:
        assert uow.workers.bulk_add([(data, "uid-1"), (replace(SITI, phone=""), "uid-2")], user="demo", now=recorded) == 2
        uow.commit()
    first_id = context.registry.search_ids(WorkerQuery(text="munip"))[0]
    worker = context.registry.get(first_id)
    assert worker.birth_date == data.birth_date and worker.sex is Sex.MALE
    assert worker.heirs == data.heirs
    assert worker.consent.recorded_at == recorded and worker.consent.recorded_by == "petugas.desa"
    assert worker.created_at == recorded and worker.version == 1 and worker.uid == "uid-1"
    assert (worker.kpj, worker.income, worker.status) == ("12345678901", 1_500_000, WorkerStatus.REGISTERED)
    assert context.registry.search_ids(WorkerQuery(text="rifah")) != []  # the name index saw them
    updated = context.registry.update(worker.id, replace(data, occupation="Ojek"), expected_version=1).worker
    assert updated.version == 2
