"""Rules a worker record must pass before saving (domain.worker.validate_worker)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from jamsos_desktop.domain.errors import Severity
from jamsos_desktop.domain.regions import default_table
from jamsos_desktop.domain.worker import Consent, Heir, WorkerData, validate_worker
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex

REGIONS = default_table()
TODAY = date(2026, 11, 24)

BASE = WorkerData(
    name="Munip",
    sex=Sex.MALE,
    birth_date=date(1990, 8, 12),
    village_code="19.03.01.2008",
    nik="1903011208902835",
    phone="0812 3456 7890",
)


def check(data: WorkerData):  # type: ignore[no-untyped-def]
    return validate_worker(data, REGIONS, regency_code="19.03", today=TODAY)


def test_a_clean_record_passes_and_is_normalised() -> None:
    result = check(replace(BASE, name="  Munip ", rt="3", rw="12"))
    assert result.ok and not result.warnings
    assert result.data.name == "Munip"
    assert result.data.phone == "081234567890"
    assert (result.data.rt, result.data.rw) == ("003", "012")


def test_no_nik_yet_is_an_explicit_flag_not_a_placeholder() -> None:
    result = check(replace(BASE, nik=None, no_nik=True))
    assert result.ok
    assert result.data.nik is None
    missing = check(replace(BASE, nik=""))
    assert [f.code for f in missing.errors] == ["nik.required"]


def test_required_fields() -> None:
    result = check(WorkerData(name=" ", sex=None, birth_date=None, village_code="", no_nik=True))
    assert {f.code for f in result.errors} == {
        "name.required",
        "sex.required",
        "birth_date.required",
        "village.required",
    }


def test_unknown_village_and_future_birth_date() -> None:
    result = check(replace(BASE, village_code="19.03.01.9999", birth_date=date(2027, 1, 1), no_nik=True))
    assert {f.code for f in result.errors} == {"village.unknown", "birth_date.future"}


def test_nik_mismatch_with_typed_values_only_warns() -> None:
    result = check(replace(BASE, sex=Sex.FEMALE, birth_date=date(1990, 8, 13)))
    assert result.ok
    assert {f.code for f in result.warnings} == {"nik.sex_mismatch", "nik.birth_date_mismatch"}
    assert all(f.severity is Severity.WARNING for f in result.warnings)


def test_kk_and_kpj_must_have_their_lengths() -> None:
    result = check(replace(BASE, kk="123", kpj="12345"))
    assert {f.code for f in result.errors} == {"kk.format", "kpj.format"}
    assert check(replace(BASE, kk="1903010101010001", kpj="12345678901")).ok


def test_income_bounds_are_integer_rupiah() -> None:
    assert not check(replace(BASE, income=999_999)).ok
    assert check(replace(BASE, income=1_000_000)).ok
    assert not check(replace(BASE, income=20_700_001)).ok


def test_consent_must_be_recorded() -> None:
    result = check(replace(BASE, consent=Consent(given=False)))
    assert [f.code for f in result.errors] == ["consent.required"]


relationships = st.sampled_from(list(HeirRelationship))


@given(st.lists(relationships, min_size=1, max_size=6))
def test_heirs_are_kept_in_the_order_of_pp_44_2015(order: list[HeirRelationship]) -> None:
    heirs = tuple(Heir(f"Ahli {i}", rel) for i, rel in enumerate(order))
    result = check(replace(BASE, heirs=heirs))
    ranks = [h.relationship.rank for h in result.data.heirs]
    assert ranks == sorted(ranks)
    # Within one rank the clerk's order is kept.
    for rank in set(ranks):
        names = [h.name for h in result.data.heirs if h.relationship.rank == rank]
        assert names == [h.name for h in heirs if h.relationship.rank == rank]


def test_a_bad_heir_nik_says_whose() -> None:
    result = check(replace(BASE, heirs=(Heir("Siti", HeirRelationship.SPOUSE, nik="123"),)))
    assert [f.code for f in result.errors] == ["heir.nik"]
    assert "Siti" in result.errors[0].message("id")


@given(
    name=st.text(max_size=30),
    phone=st.sampled_from(["", "0812 3456 7890", "+62 812-3456-7890", "12"]),
    kk=st.text(alphabet="0123456789 .", max_size=20),
)
def test_the_normalised_record_is_the_input_with_only_the_normalised_fields_changed(name: str, phone: str, kk: str) -> None:
    from jamsos_desktop.domain.worker import Worker

    saved = Worker(name=name, sex=Sex.FEMALE, birth_date=date(1990, 1, 1), village_code="19.03.01.2008",
                   phone=phone, kk=kk, id=7, uid="u-7", version=3)  # fmt: skip
    out = validate_worker(saved, default_table(), regency_code="19.03", today=date(2026, 3, 1)).data
    assert type(out) is Worker and (out.id, out.uid, out.version) == (7, "u-7", 3)  # a saved record stays one
    expected = replace(saved, name=out.name, nik=out.nik, kk=out.kk, kpj=out.kpj, village_code=out.village_code,
                       birth_place=out.birth_place, address=out.address, occupation=out.occupation, rt=out.rt,
                       rw=out.rw, phone=out.phone, heirs=out.heirs, notes=out.notes)  # fmt: skip
    assert out == expected and hash(out) == hash(expected)
