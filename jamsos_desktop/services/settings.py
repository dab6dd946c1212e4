"""Office settings kept in the database (shared by everyone who uses it), declared once with defaults."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.regions import Level, RegionTable
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.services.access import require
from jamsos_desktop.services.audit import record
from jamsos_desktop.services.ports import UnitOfWorkFactory

DEFAULT_REGENCY = "19.03"


@dataclass(frozen=True)
class SettingDef:
    key: str
    default: str
    description: str


SETTINGS = {
    s.key: s
    for s in (
        SettingDef("regency", DEFAULT_REGENCY, "Kemendagri code of the office's regency/city"),
        SettingDef("office_name", "Dinas Sosial", "Name of the office, for letterheads and cards"),
        SettingDef("office_address", "", "Address line under the office name on letterheads"),
        SettingDef("office_logo", "", "Logo for cards and letterheads: a file name inside the data folder"),
        SettingDef("administrator_name", "", "Name of the office's JamSos administrator (first-run setup)"),
        SettingDef("setup_done", "", "'1' once the first-run setup has been completed"),
        SettingDef("head_name", "", "Name of the head of the office (Kepala Dinas); signs reports"),
        SettingDef("head_nip", "", "NIP (civil servant number) of the head of the office"),
        SettingDef("head_title", "", "Title above the signature; default 'Kepala <office> <regency>'"),
        SettingDef("office_city", "", "Place written before the date of reports (e.g. Toboali)"),
        # data safety (issue 7)
        SettingDef("idle_lock_minutes", "10", "Lock the application after this many idle minutes (0: never)"),
        SettingDef("lockout_attempts", "5", "Wrong passwords in a row before an account is locked"),
        SettingDef("lockout_minutes", "5", "How long a locked account stays locked"),
        SettingDef("cli_require_login", "", "'1': the command line needs --user and JAMSOS_PASSWORD"),
        SettingDef("retention_years", "5", "Years after membership ended before a worker is anonymised"),
    )
}


class SettingsService:
    def __init__(self, uow: UnitOfWorkFactory, *, user: Callable[[], str] | None = None) -> None:
        self._uow = uow
        self._user = user

    def get(self, key: str) -> str:
        with self._uow() as uow:
            value = uow.settings.get(key)
        return SETTINGS[key].default if value is None else value

    def set(self, key: str, value: str) -> None:
        if key not in SETTINGS:
            raise UsageError("usage.value", value=key, option="setting")
        with self._uow(write=True) as uow:
            require(uow, Permission.MANAGE_SETTINGS)
            before = uow.settings.get(key)
            if before == value:
                return
            uow.settings.set(key, value)
            actor = self._user() if self._user else getattr(getattr(uow, "actor", None), "username", "?")
            record(uow, actor, "update", "setting", key, {key: before}, {key: value})
            uow.commit()

    @property
    def regency(self) -> str:
        return self.get("regency")


def normalize_regency(code: str, regions: RegionTable) -> str:
    """``"1903"`` or ``"19.03"`` -> ``"19.03"``, or :class:`UsageError` when no such regency exists."""
    from jamsos_desktop.domain.regions import dotted

    dotted_code = dotted(code)
    region = regions.get(dotted_code)
    if region is None or region.level is not Level.REGENCY:
        raise UsageError("region.unknown_regency", code=code)
    return dotted_code
