"""The launch's handover event for demo data: 3 September 2025, Ruang Rapat Gunung Namak.

The demo generator creates the five representatives (Ahmadi, Irman, Suriono, Bob Fauzi, Munip) as its
first workers; this finds them by exact name and makes them the event's recipients, in that order.
"""

from __future__ import annotations

from datetime import date, datetime

from jamsos_desktop.domain.cards import HandoverEventData
from jamsos_desktop.domain.worker import WorkerQuery
from jamsos_desktop.services.ports import UnitOfWorkFactory

LAUNCH_DATE = date(2025, 9, 3)
LAUNCH_PLACE = "Ruang Rapat Gunung Namak, Kantor Bupati Bangka Selatan"
LAUNCH_NAME = "Peluncuran Program Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan"
REPRESENTATIVES = ("Ahmadi", "Irman", "Suriono", "Bob Fauzi", "Munip")
OFFICIALS = (
    "Wakil Bupati Bangka Selatan",
    "Kepala Kantor Cabang BPJS Ketenagakerjaan Bangka",
    "Forum Koordinasi Pimpinan Daerah (Forkopimda) Kabupaten Bangka Selatan",
    "Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
    "Kepala Desa se-Kabupaten Bangka Selatan",
)


def seed_demo_handover(uow_factory: UnitOfWorkFactory, *, now: datetime, user: str = "demo") -> int:
    """Create the launch's handover event with the representatives found among the workers.

    Returns the event id. Representatives not found by name are skipped (a small demo may lack them);
    the event is created once: a second call returns the existing event's id.
    """
    with uow_factory(write=True) as uow:
        for event in uow.handovers.list():
            if event.event_date == LAUNCH_DATE and event.name == LAUNCH_NAME:
                return event.id
        programmes = uow.programmes.list() if hasattr(uow, "programmes") else []
        programme_id = programmes[0].id if programmes else None
        event_id = uow.handovers.add(
            HandoverEventData(
                name=LAUNCH_NAME,
                event_date=LAUNCH_DATE,
                place=LAUNCH_PLACE,
                officials="\n".join(OFFICIALS),
                programme_id=programme_id,
            ),
            user=user,
            now=now,
        )
        for name in REPRESENTATIVES:
            ids = uow.workers.search_ids(WorkerQuery(text=name), limit=50)
            exact = [s.id for s in uow.workers.summaries(ids) if s.name.casefold() == name.casefold()]
            if exact:
                uow.handovers.add_recipient(event_id, min(exact))
        uow.commit()
    return event_id
