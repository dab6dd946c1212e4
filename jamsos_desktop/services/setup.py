"""Creating a database for an office: the regency setting and its regions."""

from __future__ import annotations

from dataclasses import dataclass

from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.regions import Level, RegionTable
from jamsos_desktop.services.ports import UnitOfWorkFactory
from jamsos_desktop.services.settings import DEFAULT_REGENCY, normalize_regency


@dataclass(frozen=True)
class InitResult:
    regency: str
    regency_name: str
    created: bool


def initialize(uow_factory: UnitOfWorkFactory, regions: RegionTable, regency: str | None) -> InitResult:
    """Make the database ready for the office of ``regency`` (idempotent).

    The regency can change only while no worker is registered: workers' villages are the regency's.
    """
    with uow_factory(write=True) as uow:
        current = uow.settings.get("regency")
        wanted = normalize_regency(regency, regions) if regency else (current or DEFAULT_REGENCY)
        if current is not None and current != wanted and uow.workers.count() > 0:
            raise UsageError(
                "region.regency_changed",
                current=regions.name(current) or current,
                requested=regions.name(wanted) or wanted,
            )
        created = current is None
        if current != wanted or uow.regions.count() == 0:
            uow.settings.set("regency", wanted)
            uow.regions.replace_all(office_regions(regions, wanted))
        uow.commit()
    return InitResult(wanted, regions.name(wanted) or wanted, created)


def office_regions(regions: RegionTable, regency: str):  # type: ignore[no-untyped-def]
    """All provinces and regencies, and the districts and villages of the office's regency."""
    for province in regions.provinces():
        yield province
        yield from regions.children(province.code)
    for district in regions.districts(regency):
        yield district
        yield from (v for v in regions.villages(district.code) if v.level is Level.VILLAGE)
