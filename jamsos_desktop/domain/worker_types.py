"""Enumerations of the worker registry, with their Indonesian labels."""

from __future__ import annotations

from enum import Enum


class Sex(str, Enum):
    """*Jenis kelamin*, stored and exchanged as ``L`` / ``P`` as on the KTP."""

    MALE = "L"
    FEMALE = "P"

    @property
    def label(self) -> str:
        return "Laki-laki" if self is Sex.MALE else "Perempuan"

    @property
    def label_en(self) -> str:
        return "Male" if self is Sex.MALE else "Female"


class WorkerStatus(str, Enum):
    """Where a worker stands in registration; the last three end active membership."""

    DRAFT = "draft"
    VERIFIED = "verified"
    REGISTERED = "registered"  # registered with BPJS Ketenagakerjaan (usually has a KPJ)
    INACTIVE = "inactive"
    DECEASED = "deceased"
    WITHDRAWN = "withdrawn"

    @property
    def is_active(self) -> bool:
        return self in (WorkerStatus.DRAFT, WorkerStatus.VERIFIED, WorkerStatus.REGISTERED)

    @property
    def label(self) -> str:
        return STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return STATUS_LABELS[self][1]


STATUS_LABELS: dict[WorkerStatus, tuple[str, str]] = {
    WorkerStatus.DRAFT: ("Draf", "Draft"),
    WorkerStatus.VERIFIED: ("Terverifikasi", "Verified"),
    WorkerStatus.REGISTERED: ("Terdaftar BPJS", "Registered with BPJS"),
    WorkerStatus.INACTIVE: ("Tidak aktif", "Inactive"),
    WorkerStatus.DECEASED: ("Meninggal", "Deceased"),
    WorkerStatus.WITHDRAWN: ("Mengundurkan diri", "Withdrawn"),
}

#: Which status changes a clerk may make by editing. Inactive ones return through reactivation.
ALLOWED_TRANSITIONS: dict[WorkerStatus, frozenset[WorkerStatus]] = {
    WorkerStatus.DRAFT: frozenset({WorkerStatus.VERIFIED, WorkerStatus.REGISTERED}),
    WorkerStatus.VERIFIED: frozenset({WorkerStatus.DRAFT, WorkerStatus.REGISTERED}),
    WorkerStatus.REGISTERED: frozenset({WorkerStatus.VERIFIED}),
    WorkerStatus.INACTIVE: frozenset({WorkerStatus.DRAFT, WorkerStatus.VERIFIED, WorkerStatus.REGISTERED}),
    WorkerStatus.DECEASED: frozenset(),
    WorkerStatus.WITHDRAWN: frozenset({WorkerStatus.DRAFT, WorkerStatus.VERIFIED, WorkerStatus.REGISTERED}),
}

#: The statuses that "deactivate" sets; never a delete.
END_STATUSES = (WorkerStatus.INACTIVE, WorkerStatus.DECEASED, WorkerStatus.WITHDRAWN)


class HeirRelationship(str, Enum):
    """*Hubungan ahli waris*, ordered by PP 44/2015 art. 37 (``rank``: 1 comes first)."""

    SPOUSE = "spouse"  # janda/duda (suami/istri)
    CHILD = "child"
    PARENT = "parent"  # garis lurus ke atas, derajat 1
    GRANDCHILD = "grandchild"  # garis lurus ke bawah, derajat 2
    GRANDPARENT = "grandparent"  # garis lurus ke atas, derajat 2
    SIBLING = "sibling"
    PARENT_IN_LAW = "parent_in_law"
    WILL = "will"  # pihak yang ditunjuk dalam wasiat

    @property
    def rank(self) -> int:
        return HEIR_ORDER[self][0]

    @property
    def label(self) -> str:
        return HEIR_ORDER[self][1]

    @property
    def label_en(self) -> str:
        return HEIR_ORDER[self][2]


HEIR_ORDER: dict[HeirRelationship, tuple[int, str, str]] = {
    HeirRelationship.SPOUSE: (1, "Suami/Istri", "Spouse"),
    HeirRelationship.CHILD: (1, "Anak", "Child"),
    HeirRelationship.PARENT: (2, "Orang tua", "Parent"),
    HeirRelationship.GRANDCHILD: (2, "Cucu", "Grandchild"),
    HeirRelationship.GRANDPARENT: (2, "Kakek/Nenek", "Grandparent"),
    HeirRelationship.SIBLING: (3, "Saudara kandung", "Sibling"),
    HeirRelationship.PARENT_IN_LAW: (4, "Mertua", "Parent-in-law"),
    HeirRelationship.WILL: (5, "Penerima wasiat", "Named in a will"),
}

#: Typical occupations of *pekerja rentan* (DOMAIN.md); the form offers them, any text is allowed.
OCCUPATIONS: tuple[str, ...] = (
    "Nelayan",
    "Petani/Pekebun",
    "Buruh Tani",
    "Buruh Harian Lepas",
    "Pekerja Kebun Sawit",
    "Buruh Pelabuhan",
    "Ojek",
    "Tukang Parkir",
    "Pedagang Kecil",
    "Marbot",
    "Guru Ngaji",
    "Penambang Timah",
)
