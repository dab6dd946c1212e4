"""Cards and handover events: choose whom to print, sign, draw, record every print; verify a card.

Used by the command line (``cards …``, ``handover …``) and by the cards page. Each user action is one
unit of work; the PDF is drawn outside the database lock and the prints are recorded in the same
transaction that is committed only after the file is in place, so a failed print records nothing and
a recorded print always has its file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jamsos_desktop.domain.cards import (
    CardContent,
    CardError,
    CardLayout,
    CardPrint,
    CardReason,
    CardSubject,
    HandoverEvent,
    HandoverEventData,
    HandoverRecipient,
    PendingCard,
    format_serial,
    parse_serial,
    payload_fields,
    payload_name,
    split_payload,
    validate_event,
)
from jamsos_desktop.domain.errors import NotFoundError
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.services.access import require
from jamsos_desktop.services.audit import record
from jamsos_desktop.services.ports import Clock, NullProgress, Progress, UnitOfWork, UnitOfWorkFactory

if TYPE_CHECKING:
    from jamsos_desktop.services import card_pdf

# The PDF drawing (reportlab) and the signing keys (cryptography) are imported by the methods that
# print or verify: the cards page and the window start without them.

log = logging.getLogger(__name__)

LOGO_SETTING = "office_logo"  # a file name inside the data folder (first-run setup copies it there)
OFFICE_ADDRESS_SETTING = "office_address"
DEFAULT_OFFICE_NAME = "Dinas Sosial"


@dataclass(frozen=True)
class Selection:
    """Whom to print. Filters combine (AND); none at all means every active worker."""

    programme_id: int | None = None
    village_codes: tuple[str, ...] = ()
    niks: tuple[str, ...] = ()
    worker_ids: tuple[int, ...] = ()
    pending_only: bool = False


@dataclass(frozen=True)
class PrintRequest:
    selection: Selection
    layout: CardLayout = CardLayout.SHEET
    reason: CardReason | None = None  # None: first issue for new cards; reprints need a reason
    allow_missing_logo: bool = False
    caption: str = ""


@dataclass(frozen=True)
class PrintOutcome:
    path: Path
    cards: int
    pages: int
    serials: tuple[str, ...]
    reprints: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verification:
    """What checking a card's QR text found. ``valid`` means the office key signed exactly this text."""

    valid: bool
    code: str
    serial: str = ""
    name: str = ""
    nik_hint: str = ""
    kpj: str = ""
    funded_until: tuple[int, int] | None = None
    #: From the database when it has the print: who and when, and whether a newer card replaced it.
    worker_id: int | None = None
    printed_at: datetime | None = None
    superseded_by: str | None = None
    details: dict[str, str] = field(default_factory=dict)
    #: Who signed it (the office's or a station's name, when the signature checks); the station that
    #: printed it ("" for the office's cards) and the station code in its serial.
    signed_by: str = ""
    station: str = ""
    station_code: str = ""

    def message(self, lang: str = "id") -> str:
        from jamsos_desktop.domain.messages import render

        params = {"serial": self.serial, "name": self.name, "newer": self.superseded_by or "",
                  "station": self.station, "code": self.station_code}  # fmt: skip
        text = render(self.code, lang, **params)
        if self.valid and self.station:
            text += " " + render("card.verify_by_station", lang, **params)
        return text


def _serial_namespace(uow: UnitOfWork) -> str:
    """The station code of this database's card serials: "" at the office (and on a laptop that never
    joined); a station's code, which the office hands out (provisioning file or acknowledgement)."""
    own = uow.sync.own()
    if own is None or own.is_office:
        return ""
    if not own.code:
        raise CardError("card.station_code_missing", station=own.name)
    return own.code


class CardService:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        *,
        data_dir: Path,
        user: Callable[[], str],
        clock: Clock = datetime.now,
        regency: Callable[[], str] | None = None,
    ) -> None:
        self._uow = uow
        self._data_dir = Path(data_dir)
        self._user = user
        self._clock = clock
        self._regency = regency

    # -- office ---------------------------------------------------------------------------------------
    def office(self) -> card_pdf.Office:
        from jamsos_desktop.services import card_pdf

        with self._uow() as uow:
            values = uow.settings.all()
            regency = values.get("regency") or (self._regency() if self._regency else "19.03")
            regency_name = uow.regions.name(regency) or regency
            province_name = uow.regions.name(regency.split(".")[0]) or ""
        logo = values.get(LOGO_SETTING, "").strip()
        return card_pdf.Office(
            office_name=values.get("office_name") or DEFAULT_OFFICE_NAME,
            regency_name=regency_name,
            province_name=province_name,
            address=values.get(OFFICE_ADDRESS_SETTING, ""),
            logo_path=self._data_dir / Path(logo).expanduser() if logo else None,
        )

    def logo_problem(self) -> str | None:
        """A sentence when the configured logo cannot be used (the clerk may print without it)."""
        from jamsos_desktop.services import card_pdf

        return card_pdf.logo_problem(self.office())

    # -- choosing ---------------------------------------------------------------------------------------
    def select(self, selection: Selection) -> list[int]:
        with self._uow() as uow:
            return uow.cards.select_ids(
                programme_id=selection.programme_id,
                village_codes=selection.village_codes,
                niks=selection.niks,
                worker_ids=selection.worker_ids,
                pending_only=selection.pending_only,
            )

    def pending(
        self, *, programme_id: int | None = None, village_codes: Sequence[str] = ()
    ) -> list[PendingCard]:
        """Cards not printed yet, in handout order (kecamatan, village, name)."""
        with self._uow() as uow:
            return uow.cards.pending(programme_id=programme_id, village_codes=tuple(village_codes))

    def pending_preview(self, *, programme_id: int | None = None, limit: int = 500) -> tuple[int, list[PendingCard]]:
        """The number of cards not printed yet and the first ``limit`` in handout order (for a list)."""
        with self._uow() as uow:
            return uow.cards.pending_preview(programme_id=programme_id, limit=limit)

    def history(self, worker_id: int) -> list[CardPrint]:
        with self._uow() as uow:
            return uow.cards.history(worker_id)

    def count_printed(self) -> int:
        with self._uow() as uow:
            return uow.cards.count()

    # -- printing ---------------------------------------------------------------------------------------
    def print_cards(self, request: PrintRequest, out: Path, progress: Progress | None = None) -> PrintOutcome:
        """Sign and draw the selected cards into ``out`` and record every print.

        Raises :class:`CardError` when nobody matches, when some already have a card and no reprint
        reason is given (``card.reprint_reason``), for a logo problem (unless allowed) or a write error.
        """
        progress = progress or NullProgress()
        sel = request.selection
        with self._uow() as uow:
            ids = uow.cards.select_ids(
                programme_id=sel.programme_id,
                village_codes=sel.village_codes,
                niks=sel.niks,
                worker_ids=sel.worker_ids,
                pending_only=sel.pending_only,
            )
            if sel.niks:
                found = set(uow.workers.ids_by_niks(sel.niks))
                missing = [n for n in sel.niks if n not in found]
                if missing:
                    raise NotFoundError("card.nik_unknown", nik=", ".join(missing[:5]))
            if not ids:
                raise CardError("card.nobody")
            subjects = uow.cards.subjects(ids, programme_id=sel.programme_id)
            already = uow.cards.printed_worker_ids(ids)
        reason = request.reason
        if already and (reason is None or not reason.is_reprint):
            raise CardError("card.reprint_reason", count=len(already))
        return self._print(subjects, already, request, out, progress)

    def _print(
        self,
        subjects: Sequence[CardSubject],
        already: set[int],
        request: PrintRequest,
        out: Path,
        progress: Progress,
    ) -> PrintOutcome:
        from jamsos_desktop.services import card_keys, card_pdf

        office = self.office()
        warnings: list[str] = []
        if office.logo_path is not None:
            problem = card_pdf.logo_problem(office)
            if problem:
                if not request.allow_missing_logo:
                    raise CardError("card.logo_missing", path=str(office.logo_path), detail=problem)
                warnings.append(problem)
        now = self._clock()
        user = self._user()
        with self._uow() as uow:
            code = _serial_namespace(uow)
            base = uow.cards.serials_in_year(now.year, code)
        signer = card_keys.load_signer(self._uow, self._data_dir)
        contents = []
        for n, subject in enumerate(subjects, start=1):
            serial = format_serial(now.year, base + n, code)
            message = payload_fields(subject, serial).message()
            contents.append(CardContent(subject, serial, f"{message}|{signer.sign(message.encode('ascii'))}"))
        reasons = {
            s.worker_id: (
                request.reason if s.worker_id in already and request.reason else CardReason.FIRST_ISSUE
            )
            for s in subjects
        }
        prints = [
            CardPrint(
                serial=c.serial,
                worker_id=c.subject.worker_id,
                programme_id=c.subject.programme_id,
                printed_at=now,
                printed_by=user,
                reason=reasons[c.subject.worker_id],
                layout=request.layout,
            )
            for c in contents
        ]
        out = Path(out)
        # Drawn outside the database lock (seconds for a whole regency), published under it.
        pending = card_pdf.prepare_cards(
            out,
            contents,
            request.layout,
            office,
            allow_missing_logo=True,
            progress=progress,
            caption=request.caption,
        )
        try:
            with self._uow(write=True) as uow:
                # Serials are re-checked under the write lock: a print from another window in between
                # makes this one stop rather than reuse its numbers.
                require(uow, Permission.PRINT)
                if uow.cards.serials_in_year(now.year, code) != base:
                    raise CardError("card.concurrent_print")
                uow.cards.record(prints)
                serials = [p.serial for p in prints]
                printed = {"cards": len(prints), "serials": serials, "workers": [p.worker_id for p in prints]}
                first = serials[0] if serials else ""
                record(uow, self._user(), "print", "card", first, None, printed, at=now)
                pending.commit()
                try:
                    uow.commit()
                except BaseException:
                    out.unlink(missing_ok=True)
                    raise
        finally:
            pending.discard()
        pages = pending.result
        log.info("printed %d cards (%s) to %s", len(contents), request.layout.value, out)
        return PrintOutcome(
            path=out,
            cards=len(contents),
            pages=pages,
            serials=tuple(c.serial for c in contents),
            reprints=sum(1 for p in prints if p.reason.is_reprint),
            warnings=tuple(warnings),
        )

    # -- verifying -----------------------------------------------------------------------------------------
    def verify(self, text: str) -> Verification:
        """Check QR text offline: format; the signature with the key of whoever printed it (the office,
        or the station whose code the serial carries: ``25-TL-000123``); then the print record."""
        from jamsos_desktop.services import card_keys

        try:
            fields, signature = split_payload(text)
        except CardError as exc:
            return Verification(False, exc.code)
        serial = parse_serial(fields.serial)
        assert serial is not None  # split_payload checked it
        base = Verification(
            False,
            "card.verify_tampered",
            serial=fields.serial,
            name=fields.name,
            nik_hint=fields.nik_hint,
            kpj=fields.kpj,
            funded_until=fields.until_month,
            station_code=serial.station_code,
        )
        with self._uow() as uow:
            known = card_keys.signatories(uow, self._data_dir)
            stations = {s.code: s.name for s in uow.sync.stations() if s.code}
            own = uow.sync.own()
        if own is not None and own.code:
            stations[own.code] = own.name
        stations.update({k.station_code: k.name for k in known if k.station_code})
        if serial.station_code:
            candidates = [k for k in known if not k.is_office and k.station_code == serial.station_code]
            station = stations.get(serial.station_code, "")
            if not candidates:
                # A station this database has no key of: not forged, just not checkable here.
                code = "card.verify_key_unknown" if station else "card.verify_station_unknown"
                return replace(base, code=code, station=station)
            base = replace(base, code="card.verify_tampered_station", station=station)
        else:
            candidates = known  # the office's keys first; then stations' (cards printed before codes)
            if not any(k.is_office for k in known):
                if own is None or own.is_office:
                    if not candidates:
                        raise CardError("card.no_key")
                else:
                    # A station that has not received the office's key yet cannot tell a forgery.
                    base = replace(base, code="card.verify_office_key_unknown")
        message = fields.message().encode("ascii")
        signer = next((k for k in candidates if k.verifier.verify(message, signature)), None)
        if signer is None:
            return base
        base = replace(
            base,
            valid=True,
            signed_by=signer.name,
            station="" if signer.is_office else signer.name,
        )
        with self._uow() as uow:
            record = uow.cards.by_serial(fields.serial)
            # A station's card from before serial codes: its number may be the office's card of someone
            # else; the record counts only when it is this person's.
            legacy = not signer.is_office and not serial.station_code
            if record is not None and legacy and payload_name(record.worker_name) != fields.name:
                record = None
            latest = uow.cards.latest_serial(record.worker_id) if record else None
        if record is None:
            return replace(base, code="card.verify_ok_unrecorded")
        newer = latest if latest and latest != fields.serial else None
        return replace(
            base,
            code="card.verify_superseded" if newer else "card.verify_ok",
            worker_id=record.worker_id,
            printed_at=record.printed_at,
            superseded_by=newer,
        )

    # -- handover events ---------------------------------------------------------------------------------
    def create_event(self, data: HandoverEventData) -> int:
        codes = validate_event(data)
        if codes:
            raise CardError(codes[0])
        with self._uow(write=True) as uow:
            require(uow, Permission.PRINT)
            event_id = uow.handovers.add(data, user=self._user(), now=self._clock())
            record(uow, self._user(), "create", "handover_event", event_id, None, data, at=self._clock())
            uow.commit()
        return event_id

    def update_event(self, event_id: int, data: HandoverEventData) -> None:
        codes = validate_event(data)
        if codes:
            raise CardError(codes[0])
        with self._uow(write=True) as uow:
            require(uow, Permission.PRINT)
            before = uow.handovers.get(event_id)
            if before is None or not uow.handovers.update(event_id, data):
                raise NotFoundError("handover.not_found", event_id=event_id)
            record(uow, self._user(), "update", "handover_event", event_id, before, data, at=self._clock())
            uow.commit()

    def events(self) -> list[HandoverEvent]:
        with self._uow() as uow:
            return uow.handovers.list()

    def event(self, event_id: int) -> HandoverEvent:
        with self._uow() as uow:
            found = uow.handovers.get(event_id)
        if found is None:
            raise NotFoundError("handover.not_found", event_id=event_id)
        return found

    def recipients(self, event_id: int) -> list[HandoverRecipient]:
        self.event(event_id)
        with self._uow() as uow:
            return uow.handovers.recipients(event_id)

    def add_recipients(self, event_id: int, worker_ids: Sequence[int]) -> int:
        """Add workers to the event's recipients (in the given order); returns how many were new."""
        self.event(event_id)
        added = 0
        new_ids: list[int] = []
        with self._uow(write=True) as uow:
            require(uow, Permission.PRINT)
            for worker_id in worker_ids:
                if uow.workers.get(worker_id) is None:
                    raise NotFoundError("worker.not_found", worker_id=worker_id)
                if uow.handovers.add_recipient(event_id, worker_id):
                    added += 1
                    new_ids.append(worker_id)
            if new_ids:
                record(
                    uow,
                    self._user(),
                    "add_recipients",
                    "handover_event",
                    event_id,
                    None,
                    {"workers": new_ids},
                    at=self._clock(),
                )
            uow.commit()
        return added

    def remove_recipient(self, event_id: int, worker_id: int) -> bool:
        with self._uow(write=True) as uow:
            require(uow, Permission.PRINT)
            removed = uow.handovers.remove_recipient(event_id, worker_id)
            if removed:
                record(
                    uow,
                    self._user(),
                    "remove_recipient",
                    "handover_event",
                    event_id,
                    {"worker_id": worker_id},
                    None,
                    at=self._clock(),
                )
            uow.commit()
        return removed

    def print_ceremony(
        self,
        event_id: int,
        out: Path,
        *,
        reason: CardReason | None = None,
        allow_missing_logo: bool = False,
        progress: Progress | None = None,
    ) -> PrintOutcome:
        """Oversized cards for the event's recipients, recorded as prints like any other card.

        A recipient who already has a card gets the ceremonial one as a reprint only with a reason;
        the ceremonial card is a first issue otherwise.
        """
        event = self.event(event_id)
        recipients = self.recipients(event_id)
        if not recipients:
            raise CardError("handover.no_recipients")
        ids = [r.worker_id for r in recipients]
        with self._uow() as uow:
            subjects = uow.cards.subjects(ids, programme_id=event.programme_id)
            already = uow.cards.printed_worker_ids(ids)
        if already and (reason is None or not reason.is_reprint):
            raise CardError("card.reprint_reason", count=len(already))
        from jamsos_desktop.domain.formatting import format_date

        request = PrintRequest(
            Selection(worker_ids=tuple(ids), programme_id=event.programme_id),
            layout=CardLayout.CEREMONY,
            reason=reason,
            allow_missing_logo=allow_missing_logo,
            caption=f"{event.name} \u00b7 {event.place} \u00b7 {format_date(event.event_date)}",
        )
        return self._print(subjects, already, request, out, progress or NullProgress())

    def print_minutes(self, event_id: int, out: Path, *, allow_missing_logo: bool = False) -> int:
        """The Berita Acara Serah Terima PDF; returns its page count."""
        from jamsos_desktop.services import card_pdf

        event = self.event(event_id)
        recipients = self.recipients(event_id)
        if not recipients:
            raise CardError("handover.no_recipients")
        office = self.office()
        serials: dict[int, str] = {}
        programme_name = ""
        with self._uow() as uow:
            for r in recipients:
                latest = uow.cards.latest_serial(r.worker_id)
                if latest:
                    serials[r.worker_id] = latest
            subjects = uow.cards.subjects([recipients[0].worker_id], programme_id=event.programme_id)
        if subjects and subjects[0].programme_name:
            programme_name = subjects[0].programme_name
        return card_pdf.write_minutes(
            out,
            event,
            recipients,
            office,
            serials=serials,
            programme_name=programme_name,
            allow_missing_logo=allow_missing_logo,
        )
