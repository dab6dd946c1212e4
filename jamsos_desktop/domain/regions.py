"""Kemendagri region codes (*kode wilayah*): provinces, regencies, districts (*kecamatan*) and villages.

Codes are dotted: ``19`` province, ``19.03`` regency (*kabupaten/kota*), ``19.03.01`` district,
``19.03.01.2008`` village; village serials 1xxx are *kelurahan*, 2xxx *desa*. The table is read once,
lazily, from a gzip'd TSV shipped with the package (91,599 codes; MIT notice in NOTICE-wilayah.md).
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum


class Level(IntEnum):
    PROVINCE = 1
    REGENCY = 2
    DISTRICT = 3
    VILLAGE = 4


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str

    @property
    def level(self) -> Level:
        return Level(self.code.count(".") + 1)

    @property
    def parent_code(self) -> str | None:
        head, sep, _ = self.code.rpartition(".")
        return head if sep else None

    @property
    def is_kelurahan(self) -> bool:
        """Village serials 1xxx are *kelurahan* (urban), 2xxx *desa* (rural)."""
        return self.level is Level.VILLAGE and self.code.rsplit(".", 1)[1].startswith("1")


def dotted(code: str) -> str:
    """``"190301"`` -> ``"19.03.01"``; already dotted codes are returned unchanged."""
    code = code.strip()
    if "." in code:
        return code
    parts = [code[0:2], code[2:4], code[4:6], code[6:10]]
    return ".".join(p for p in parts if p)


class RegionTable:
    """All region codes with fast look-ups by code and by parent."""

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        self._names: dict[str, str] = dict(rows)
        self._children_of: dict[str, list[str]] | None = None  # built on first use (look-ups need none)

    @property
    def _children(self) -> dict[str, list[str]]:
        if self._children_of is None:
            children: dict[str, list[str]] = {}
            for code in self._names:
                parent, sep, _ = code.rpartition(".")
                children.setdefault(parent if sep else "", []).append(code)
            self._children_of = children
        return self._children_of

    @classmethod
    def from_tsv(cls, text: str) -> RegionTable:
        """``code<TAB>name`` lines; lines without a code are skipped, a line without a tab has no name."""
        lines = text.splitlines()
        cells = "\t".join(lines).split("\t")
        if len(cells) == 2 * len(lines):
            # Exactly one tab on every line (the shipped table): one split for all, half the time of a
            # partition per line — the table is read on the first look-up of every start (~0.05 s saved).
            names = dict(zip(cells[::2], cells[1::2], strict=True))
            names.pop("", None)
            return cls(names.items())
        rows = (line.partition("\t")[::2] for line in lines)
        return cls((code, name) for code, name in rows if code)

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, code: object) -> bool:
        return code in self._names

    def get(self, code: str) -> Region | None:
        name = self._names.get(code)
        return Region(code, name) if name is not None else None

    def name(self, code: str) -> str | None:
        return self._names.get(code)

    def children(self, code: str) -> list[Region]:
        """Direct children of ``code`` (``""`` for the provinces), in code order."""
        return [Region(c, self._names[c]) for c in self._children.get(code, [])]

    def provinces(self) -> list[Region]:
        return self.children("")

    def districts(self, regency_code: str) -> list[Region]:
        return self.children(regency_code)

    def villages(self, district_code: str) -> list[Region]:
        return self.children(district_code)

    def villages_of_regency(self, regency_code: str) -> list[Region]:
        return [v for d in self.districts(regency_code) for v in self.villages(d.code)]

    def describe(self, code: str) -> str:
        """Human path, most specific first: ``"Rias, Toboali, Kabupaten Bangka Selatan"``."""
        parts = []
        current: str | None = code
        while current:
            name = self._names.get(current)
            if name is not None and current.count(".") >= 1:
                parts.append(name)
            head, sep, _ = current.rpartition(".")
            current = head if sep else None
        return ", ".join(parts) if parts else code


_lock = threading.Lock()
_default: RegionTable | None = None


def default_table() -> RegionTable:
    """The Kemendagri 2025 table shipped with the package, loaded on first use (~0.1 s)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                from jamsos_desktop.resources_path import resource_bytes

                raw = resource_bytes("regions/wilayah_kemendagri_2025.tsv.gz")
                _default = RegionTable.from_tsv(gzip.decompress(raw).decode("utf-8"))
    return _default




__all__ = ["Level", "Region", "RegionTable", "default_table", "dotted"]
