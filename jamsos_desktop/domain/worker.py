"""The worker (*pekerja rentan*) and heirs (*ahli waris*), and the rules a record must pass before saving."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from jamsos_desktop.domain.errors import Finding, Severity
from jamsos_desktop.domain.money import MAX_DECLARED_INCOME, MIN_DECLARED_INCOME, format_rupiah
from jamsos_desktop.domain.nik import NikCheck, check_nik, clean_nik
from jamsos_desktop.domain.normalize import normalize_name, normalize_phone, normalize_rt_rw
from jamsos_desktop.domain.regions import Level, RegionTable
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex, WorkerStatus

DEFAULT_INCOME = 1_000_000
MAX_NAME_LENGTH = 100
DEFAULT_PURPOSE = (
    "Pendaftaran dan pengelolaan kepesertaan Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) "
    "BPJS Ketenagakerjaan bagi pekerja rentan yang iurannya dibantu pemerintah daerah"
)


@dataclass(frozen=True)
class Heir:
    """*Ahli waris*: who receives the death benefit, in the order of PP 44/2015 art. 37."""

    name: str
    relationship: HeirRelationship
    nik: str | None = None
    phone: str = ""


@dataclass(frozen=True)
class Consent:
    """The purpose told to the worker and his agreement (UU 27/2022), with who recorded it and when."""

    purpose: str = DEFAULT_PURPOSE
    given: bool = True
    recorded_by: str = ""
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class WorkerData:
    """The fields a clerk enters. Text identifiers (NIK, KK, KPJ) are always strings."""

    name: str
    sex: Sex | None
    birth_date: date | None
    village_code: str
    nik: str | None = None
    no_nik: bool = False
    kk: str = ""
    birth_place: str = ""
    address: str = ""
    rt: str = ""
    rw: str = ""
    occupation: str = ""
    phone: str = ""
    income: int = DEFAULT_INCOME
    kpj: str = ""
    status: WorkerStatus = WorkerStatus.DRAFT
    heirs: tuple[Heir, ...] = ()
    consent: Consent = field(default_factory=Consent)
    notes: str = ""


@dataclass(frozen=True)
class Worker(WorkerData):
    """A saved worker: the data plus identity and record-keeping."""

    id: int = 0
    uid: str = ""
    version: int = 1
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""
    end_date: date | None = None
    end_reason: str = ""

    @property
    def is_active(self) -> bool:
        return self.status.is_active


@dataclass(frozen=True)
class Validated:
    """A normalised record and what was found on the way (errors block saving, warnings do not)."""

    data: WorkerData
    findings: tuple[Finding, ...]
    nik_check: NikCheck | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def _err(field_name: str, message_code: str, /, **params: object) -> Finding:
    return Finding(field_name, message_code, Severity.ERROR, dict(params))


def _warn(field_name: str, message_code: str, /, **params: object) -> Finding:
    return Finding(field_name, message_code, Severity.WARNING, dict(params))


def _evolve(data: WorkerData, **changes: object) -> WorkerData:
    """``dataclasses.replace`` without running ``__init__`` again (every value already has its type): a
    copy of the frozen record's fields with ``changes``, ~4 times faster — the rules run for every row of
    an Excel import and every record of a sync package."""
    new = object.__new__(type(data))
    new.__dict__.update(data.__dict__)
    new.__dict__.update(changes)
    return new


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def validate_worker(
    data: WorkerData, regions: RegionTable, *, regency_code: str, today: date
) -> Validated:
    """Normalise ``data`` and check every rule of DOMAIN.md that concerns a single record.

    Uniqueness (NIK, KPJ) needs the database and is checked by the registry service.
    """
    findings: list[Finding] = []

    name = normalize_name(data.name)
    if not name:
        findings.append(_err("name", "name.required"))
    elif len(name) > MAX_NAME_LENGTH:
        findings.append(_err("name", "name.too_long", max=MAX_NAME_LENGTH))

    if data.sex is None:
        findings.append(_err("sex", "sex.required"))

    born = data.birth_date
    if born is None:
        findings.append(_err("birth_date", "birth_date.required"))
    elif born > today:
        findings.append(_err("birth_date", "birth_date.future"))
    elif age_on(born, today) > 120:
        findings.append(_err("birth_date", "birth_date.too_old", date=born.isoformat()))
    elif age_on(born, today) < 15:
        findings.append(_warn("birth_date", "birth_date.young", age=age_on(born, today)))

    nik: str | None = None
    nik_result: NikCheck | None = None
    if data.no_nik:
        nik = None
    else:
        nik_result = check_nik(
            data.nik or "",
            regions,
            today=today,
            regency_code=regency_code,
            birth_date=born,
            sex=data.sex,
        )
        nik = nik_result.nik or None
        findings.extend(nik_result.findings)

    kk = clean_nik(data.kk)
    if kk and (len(kk) != 16 or not kk.isdigit()):
        findings.append(_err("kk", "kk.format"))

    kpj = clean_nik(data.kpj)
    if kpj and (len(kpj) != 11 or not kpj.isdigit()):
        findings.append(_err("kpj", "kpj.format"))

    village = data.village_code.strip()
    region = regions.get(village) if village else None
    if not village:
        findings.append(_err("village_code", "village.required"))
    elif region is None or region.level is not Level.VILLAGE:
        findings.append(_err("village_code", "village.unknown", code=village))
    elif not village.startswith(regency_code + "."):
        findings.append(_warn("village_code", "village.outside_regency", code=village))

    rt = normalize_rt_rw(data.rt)
    rw = normalize_rt_rw(data.rw)
    if rt is None or rw is None:
        findings.append(_err("rt_rw", "rt_rw.format"))

    phone = normalize_phone(data.phone)
    if phone is None:
        findings.append(_err("phone", "phone.format", phone=data.phone.strip()))

    if not MIN_DECLARED_INCOME <= data.income <= MAX_DECLARED_INCOME:
        findings.append(
            _err(
                "income",
                "income.range",
                min=format_rupiah(MIN_DECLARED_INCOME),
                max=format_rupiah(MAX_DECLARED_INCOME),
            )
        )

    if not data.consent.given or not data.consent.purpose.strip():
        findings.append(_err("consent", "consent.required"))

    heirs: list[Heir] = []
    for index, heir in enumerate(data.heirs):
        heir_name = normalize_name(heir.name)
        where = f"heirs[{index}]"
        if not heir_name:
            findings.append(_err(where, "heir.name_required"))
        heir_nik = clean_nik(heir.nik or "") or None
        if heir_nik:
            check = check_nik(heir_nik, regions, today=today)
            for err in check.errors:
                findings.append(
                    _err(where, "heir.nik", name=heir_name, reason=err.message("id"))
                )
        heir_phone = normalize_phone(heir.phone)
        if heir_phone is None:
            findings.append(_err(where, "phone.format", phone=heir.phone.strip()))
        heirs.append(Heir(heir_name, heir.relationship, heir_nik, heir_phone or ""))
    # PP 44/2015 art. 37: the order of entitlement; a stable sort keeps the clerk's order within a rank.
    heirs.sort(key=lambda h: h.relationship.rank)

    normalised = _evolve(
        data,
        name=name,
        nik=nik,
        kk=kk,
        kpj=kpj,
        village_code=village,
        birth_place=normalize_name(data.birth_place),
        address=normalize_name(data.address),
        occupation=normalize_name(data.occupation),
        rt=rt or "",
        rw=rw or "",
        phone=phone or "",
        heirs=tuple(heirs),
        notes=data.notes.strip(),
    )
    return Validated(normalised, tuple(findings), nik_result)


@dataclass(frozen=True)
class WorkerSummary:
    """One line of the worker list (a read model: what the list and ``workers list`` show)."""

    id: int
    nik: str | None
    name: str
    sex: Sex
    birth_date: date
    village_code: str
    village_name: str
    district_name: str
    occupation: str
    phone: str
    kpj: str | None
    status: WorkerStatus
    version: int = 1


class SortKey(str, Enum):
    NAME = "name"
    NIK = "nik"
    VILLAGE = "village"
    BIRTH_DATE = "birth_date"
    OCCUPATION = "occupation"
    STATUS = "status"
    PHONE = "phone"
    KPJ = "kpj"
    CREATED = "created"


@dataclass(frozen=True)
class WorkerQuery:
    """What the clerk asked the list for. ``text`` matches NIK/KPJ prefixes, phone, name and village."""

    text: str = ""
    village_codes: tuple[str, ...] = ()
    statuses: tuple[WorkerStatus, ...] = ()
    sort: SortKey = SortKey.NAME
    descending: bool = False


@dataclass(frozen=True)
class RegistryStats:
    total: int
    active: int
    by_status: dict[str, int]
    without_nik: int
    without_kpj: int
