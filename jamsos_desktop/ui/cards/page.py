"""The cards page (``cardsPage``): make the cards' PDF, preview it with QtPdf, save or print it; verify
a card; handover events with their ceremonial cards and Berita Acara.

Making a PDF is the print: its cards get serials and every card is recorded (with the reason) when the
file is complete. Both the PDF and the printer job run in the background with progress and cancel.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.cards import CardLayout, CardReason, HandoverEventData
from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.formatting import format_date, format_number, mask_nik
from jamsos_desktop.domain.worker import WorkerQuery
from jamsos_desktop.ui import i18n
from jamsos_desktop.ui.cards.tasks import Job, print_pdf

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext

_PENDING, _VILLAGE, _NIKS, _ALL = "pending", "village", "niks", "all"

#: The domain's Indonesian layout names (``CardLayout.label``), shown through ``self.tr(label)``: listed
#: here so that lupdate puts them in the .ts under this page's context.
_LAYOUT_LABELS = (
    QT_TRANSLATE_NOOP("CardsPage", "Lembar A4 (10 kartu, garis potong)"),
    QT_TRANSLATE_NOOP("CardsPage", "Satu kartu per halaman (printer kartu PVC)"),
    QT_TRANSLATE_NOOP("CardsPage", "Kartu besar seremonial (A4 mendatar)"),
)


def error_text(exc: BaseException) -> str:
    if isinstance(exc, JamsosError):
        return exc.message(i18n.current())
    return f"{type(exc).__name__}: {exc}"


class VerifyDialog(QDialog):
    """*Verifikasi kartu*: type or scan (a USB scanner types the QR text and Enter)."""

    verified = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Verifikasi kartu"))
        self._context = context
        self.qrEdit = QLineEdit(self)
        self.qrEdit.setObjectName("qrTextEdit")
        self.qrEdit.setPlaceholderText(self.tr("Pindai kode QR kartu, atau tempel teksnya lalu tekan Enter"))
        self.qrEdit.returnPressed.connect(self.check)
        self.resultLabel = QLabel(self)
        self.resultLabel.setObjectName("verifyResult")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setMinimumHeight(72)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Teks kode QR:"), self))
        layout.addWidget(self.qrEdit)
        layout.addWidget(self.resultLabel)
        layout.addWidget(buttons)
        self.resize(560, 220)

    def check(self) -> None:
        text = self.qrEdit.text()
        try:
            result = self._context.cards.verify(text)
        except JamsosError as exc:
            self._show(False, exc.message(i18n.current()))
            return
        lines = [result.message(i18n.current())]
        if result.nik_hint and result.nik_hint != "-":
            hint = result.nik_hint
            lines.append(self.tr("NIK: {nik}").format(nik=hint[:6] + "\u2022" * 6 + hint[6:]))
        if result.kpj:
            lines.append(self.tr("KPJ: {kpj}").format(kpj=result.kpj))
        if result.printed_at:
            lines.append(self.tr("Dicetak {when}").format(when=format_date(result.printed_at.date())))
        self._show(result.valid and not result.superseded_by, "\n".join(lines))
        self.qrEdit.selectAll()  # the next scan replaces this one
        self.verified.emit(result)

    def _show(self, good: bool, text: str) -> None:
        self.resultLabel.setText(text)
        color = "#0F5132" if good else "#9A1B1B"
        self.resultLabel.setStyleSheet(f"color: {color}; font-weight: bold;")


class CardsPage(QWidget):
    """Print cards, preview, save, print, verify; handover events."""

    documentReady = Signal(str)  # path of the PDF now in the preview
    printFinished = Signal(int)  # pages sent to the printer
    jobFailed = Signal(str)  # the sentence shown to the clerk
    pendingLoaded = Signal(int)  # the cards not printed yet were counted (the list shows the first)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardsPage")
        self._context = context
        self._job: Job | None = None
        self._current: Path | None = None
        self._dialog: QDialog | None = None
        self._confirm_logo = self._ask_missing_logo

        title = QLabel(self.tr("Kartu"), self)
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("cardsTabs")
        self.tabs.addTab(self._build_print_tab(), self.tr("Cetak kartu"))
        self.tabs.addTab(self._build_handover_tab(), self.tr("Penyerahan simbolis"))

        # Preview (QtPdf) with its actions.
        self.document = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setObjectName("cardsPreview")
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.previewLabel = QLabel(
            self.tr("Belum ada dokumen. Pilih pekerja lalu tekan \u201cBuat kartu\u201d."), self
        )
        self.previewLabel.setObjectName("previewLabel")
        self.previewLabel.setWordWrap(True)
        self.saveButton = QPushButton(self.tr("Simpan PDF\u2026"), self)
        self.saveButton.setObjectName("savePdfButton")
        self.saveButton.clicked.connect(self.save_pdf)
        self.printButton = QPushButton(self.tr("Cetak ke printer\u2026"), self)
        self.printButton.setObjectName("printButton")
        self.printButton.clicked.connect(self.print_with_dialog)
        self.verifyButton = QPushButton(self.tr("Verifikasi kartu\u2026"), self)
        self.verifyButton.setObjectName("verifyButton")
        self.verifyButton.clicked.connect(self.open_verify)
        for button in (self.saveButton, self.printButton):
            button.setEnabled(False)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("cardsProgress")
        self.progress.setVisible(False)
        self.cancelButton = QPushButton(self.tr("Batal"), self)
        self.cancelButton.setObjectName("cancelButton")
        self.cancelButton.setVisible(False)
        self.cancelButton.clicked.connect(self.cancel)
        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("cardsStatus")
        self.statusLabel.setWordWrap(True)

        right = QWidget(self)
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.previewLabel, 1)
        bar.addWidget(self.saveButton)
        bar.addWidget(self.printButton)
        rlayout.addLayout(bar)
        rlayout.addWidget(self.preview, 1)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tabs)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 700])

        status = QHBoxLayout()
        status.addWidget(self.statusLabel, 1)
        status.addWidget(self.progress)
        status.addWidget(self.cancelButton)
        status.addWidget(self.verifyButton)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(title)
        layout.addWidget(split, 1)
        layout.addLayout(status)
        self._loaded = False  # lists load when the page is first shown: the window starts fast

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        self.refresh_pending()
        self.refresh_events()

    # -- building -------------------------------------------------------------------------------------
    def _build_print_tab(self) -> QWidget:
        tab = QWidget(self)
        who = QGroupBox(self.tr("Siapa yang dicetak"), tab)
        self.whoGroup = QButtonGroup(tab)
        self.pendingRadio = QRadioButton(self.tr("Semua yang belum dicetak"), who)
        self.pendingRadio.setObjectName("pendingRadio")
        self.villageRadio = QRadioButton(self.tr("Satu desa"), who)
        self.villageRadio.setObjectName("villageRadio")
        self.nikRadio = QRadioButton(self.tr("NIK tertentu"), who)
        self.nikRadio.setObjectName("nikRadio")
        self.allRadio = QRadioButton(self.tr("Semua pekerja aktif"), who)
        self.allRadio.setObjectName("allRadio")
        for value, radio in (
            (_PENDING, self.pendingRadio),
            (_VILLAGE, self.villageRadio),
            (_NIKS, self.nikRadio),
            (_ALL, self.allRadio),
        ):
            radio.setProperty("choice", value)
            self.whoGroup.addButton(radio)
        self.pendingRadio.setChecked(True)
        self.villageCombo = QComboBox(who)
        self.villageCombo.setObjectName("cardVillageCombo")
        for district, village in self._context.regions.all_villages():
            self.villageCombo.addItem(f"{village.name} \u2014 {district.name}", village.code)
        self.nikEdit = QLineEdit(who)
        self.nikEdit.setObjectName("cardNikEdit")
        self.nikEdit.setPlaceholderText(self.tr("NIK dipisah spasi atau koma"))
        wl = QVBoxLayout(who)
        wl.addWidget(self.pendingRadio)
        wl.addWidget(self.villageRadio)
        wl.addWidget(self.villageCombo)
        wl.addWidget(self.nikRadio)
        wl.addWidget(self.nikEdit)
        wl.addWidget(self.allRadio)

        form = QFormLayout()
        self.programmeCombo = QComboBox(tab)
        self.programmeCombo.setObjectName("cardProgrammeCombo")
        self.programmeCombo.addItem(self.tr("Program terakhir tiap pekerja"), None)
        for programme in self._programmes():
            self.programmeCombo.addItem(programme[1], programme[0])
        self.layoutCombo = QComboBox(tab)
        self.layoutCombo.setObjectName("layoutCombo")
        for layout in CardLayout:
            self.layoutCombo.addItem(self.tr(layout.label), layout.value)
        self.reasonCombo = QComboBox(tab)
        self.reasonCombo.setObjectName("reasonCombo")
        for reason in CardReason:
            self.reasonCombo.addItem(i18n.enum_label(reason), reason.value)
        form.addRow(self.tr("Program"), self.programmeCombo)
        form.addRow(self.tr("Tata letak"), self.layoutCombo)
        form.addRow(self.tr("Alasan cetak"), self.reasonCombo)

        self.createButton = QPushButton(self.tr("Buat kartu"), tab)
        self.createButton.setObjectName("createCardsButton")
        self.createButton.setDefault(True)
        self.createButton.clicked.connect(self.create_cards)

        self.pendingLabel = QLabel(tab)
        self.pendingLabel.setObjectName("pendingLabel")
        self.pendingList = QListWidget(tab)
        self.pendingList.setObjectName("pendingList")

        layout = QVBoxLayout(tab)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.createButton)
        layout.addWidget(self.pendingLabel)
        layout.addWidget(self.pendingList, 1)
        return tab

    def _build_handover_tab(self) -> QWidget:
        tab = QWidget(self)
        self.eventList = QListWidget(tab)
        self.eventList.setObjectName("handoverList")
        self.eventList.currentItemChanged.connect(lambda *_: self.refresh_recipients())

        box = QGroupBox(self.tr("Acara baru"), tab)
        self.eventNameEdit = QLineEdit(box)
        self.eventNameEdit.setObjectName("eventNameEdit")
        self.eventDateEdit = QDateEdit(box)
        self.eventDateEdit.setObjectName("eventDateEdit")
        self.eventDateEdit.setCalendarPopup(True)
        self.eventDateEdit.setDisplayFormat("dd-MM-yyyy")
        today = self._context.clock().date()
        self.eventDateEdit.setDate(QDate(today.year, today.month, today.day))
        self.eventPlaceEdit = QLineEdit(box)
        self.eventPlaceEdit.setObjectName("eventPlaceEdit")
        self.officialsEdit = QPlainTextEdit(box)
        self.officialsEdit.setObjectName("officialsEdit")
        self.officialsEdit.setPlaceholderText(
            self.tr("Satu per baris, \u201cJabatan: Nama\u201d; yang pertama menyerahkan")
        )
        self.officialsEdit.setFixedHeight(70)
        self.createEventButton = QPushButton(self.tr("Buat acara"), box)
        self.createEventButton.setObjectName("createEventButton")
        self.createEventButton.clicked.connect(self.create_event)
        form = QFormLayout(box)
        form.addRow(self.tr("Nama acara"), self.eventNameEdit)
        form.addRow(self.tr("Tanggal"), self.eventDateEdit)
        form.addRow(self.tr("Tempat"), self.eventPlaceEdit)
        form.addRow(self.tr("Pejabat"), self.officialsEdit)
        form.addRow(self.createEventButton)

        self.recipientList = QListWidget(tab)
        self.recipientList.setObjectName("recipientList")
        self.recipientSearch = QLineEdit(tab)
        self.recipientSearch.setObjectName("recipientSearch")
        self.recipientSearch.setPlaceholderText(self.tr("Cari pekerja (nama atau NIK) lalu Enter"))
        self.recipientSearch.returnPressed.connect(self.search_recipients)
        self.candidateList = QListWidget(tab)
        self.candidateList.setObjectName("candidateList")
        self.candidateList.setMaximumHeight(110)
        self.addRecipientButton = QPushButton(self.tr("Tambah penerima"), tab)
        self.addRecipientButton.setObjectName("addRecipientButton")
        self.addRecipientButton.clicked.connect(self.add_recipient)
        self.ceremonyButton = QPushButton(self.tr("Kartu seremonial"), tab)
        self.ceremonyButton.setObjectName("ceremonyButton")
        self.ceremonyButton.clicked.connect(self.print_ceremony)
        self.minutesButton = QPushButton(self.tr("Berita Acara"), tab)
        self.minutesButton.setObjectName("minutesButton")
        self.minutesButton.clicked.connect(self.print_minutes)

        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("Acara penyerahan"), tab))
        layout.addWidget(self.eventList, 1)
        layout.addWidget(box)
        layout.addWidget(QLabel(self.tr("Perwakilan penerima"), tab))
        layout.addWidget(self.recipientList, 1)
        layout.addWidget(self.recipientSearch)
        layout.addWidget(self.candidateList)
        buttons = QHBoxLayout()
        buttons.addWidget(self.addRecipientButton)
        buttons.addWidget(self.ceremonyButton)
        buttons.addWidget(self.minutesButton)
        layout.addLayout(buttons)
        return tab

    def _programmes(self) -> list[tuple[int, str]]:
        service = getattr(self._context, "programmes", None)
        if service is None:
            return []
        try:
            return [(p.id, p.name) for p in service.list()]
        except JamsosError:
            return []

    # -- lists ------------------------------------------------------------------------------------------
    def refresh_pending(self) -> None:
        """Count the cards not printed yet and list the first in handout order, off the UI thread
        (at 100,000 workers the query takes seconds)."""
        from jamsos_desktop.ui.programs.tasks import run_in_background

        cards, programme = self._context.cards, self.programmeCombo.currentData()
        self.pendingLabel.setText(self.tr("Menghitung kartu yang belum dicetak\u2026"))
        run_in_background(
            lambda: cards.pending_preview(programme_id=programme, limit=500), self._show_pending, owner=self
        )

    def _show_pending(self, result: tuple[int, list[Any]]) -> None:
        total, first = result
        self.pendingLabel.setText(
            self.tr("{count} kartu belum dicetak (urutan pembagian: kecamatan, desa, nama)").format(
                count=format_number(total)
            )
        )
        self.pendingList.clear()
        for p in first:  # the first villages in handout order; the count above is the total
            self.pendingList.addItem(f"{p.district_name} \u203a {p.village_name} \u203a {p.name}")
        self.pendingLoaded.emit(total)

    def refresh_events(self) -> None:
        current = self.current_event()
        self.eventList.clear()
        for event in self._context.cards.events():
            item = QListWidgetItem(
                self.tr("%1 \u2014 %2 (%3 penerima)")
                .replace("%3", format_number(event.recipients))
                .replace("%1", format_date(event.event_date))
                .replace("%2", event.name)
            )
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            self.eventList.addItem(item)
            if event.id == current:
                self.eventList.setCurrentItem(item)
        if self.eventList.currentItem() is None and self.eventList.count():
            self.eventList.setCurrentRow(0)

    def current_event(self) -> int | None:
        item = self.eventList.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def refresh_recipients(self) -> None:
        self.recipientList.clear()
        event_id = self.current_event()
        if event_id is None:
            return
        for r in self._context.cards.recipients(event_id):
            self.recipientList.addItem(f"{r.position}. {r.name} \u2014 {r.village_name}")

    # -- actions: print tab -----------------------------------------------------------------------------
    def selection(self) -> Any:
        from jamsos_desktop.services.cards import Selection

        choice = self.whoGroup.checkedButton().property("choice")
        programme = self.programmeCombo.currentData()
        if choice == _VILLAGE:
            return Selection(programme_id=programme, village_codes=(self.villageCombo.currentData(),))
        if choice == _NIKS:
            niks = tuple(n for n in self.nikEdit.text().replace(",", " ").split() if n)
            return Selection(programme_id=programme, niks=niks)
        if choice == _PENDING:
            return Selection(programme_id=programme, pending_only=True)
        return Selection(programme_id=programme)

    def create_cards(self) -> Job | None:
        from jamsos_desktop.services.cards import PrintRequest

        allow = self._logo_consent()
        if allow is None:
            return None
        layout = CardLayout(self.layoutCombo.currentData())
        reason = CardReason(self.reasonCombo.currentData())
        request = PrintRequest(self.selection(), layout=layout, reason=reason, allow_missing_logo=allow)
        out = self._new_output("kartu")
        return self._run(
            lambda progress: self._context.cards.print_cards(request, out, progress),
            lambda outcome: self._document_done(
                outcome.path,
                self.tr("{cards} kartu, {pages} halaman, dicatat dengan nomor {first}\u2013{last}.").format(
                    cards=format_number(outcome.cards),
                    pages=format_number(outcome.pages),
                    first=outcome.serials[0],
                    last=outcome.serials[-1],
                ),
            ),
            self.tr("Membuat kartu\u2026"),
        )

    def _logo_consent(self) -> bool | None:
        """False when the logo is fine, True when the clerk agrees to print without it, None to stop."""
        problem = self._context.cards.logo_problem()
        if not problem:
            return False
        return True if self._confirm_logo(problem) else None

    def _ask_missing_logo(self, problem: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Logo tidak ditemukan"),
            problem + "\n\n" + self.tr("Cetak tanpa logo?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _new_output(self, stem: str) -> Path:
        folder = self._context.data_dir / "cards"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{stem}-{datetime.now():%Y%m%d-%H%M%S-%f}.pdf"

    # -- actions: handover tab --------------------------------------------------------------------------
    def create_event(self) -> int | None:
        qd = self.eventDateEdit.date()
        data = HandoverEventData(
            name=self.eventNameEdit.text().strip(),
            event_date=date(qd.year(), qd.month(), qd.day()),
            place=self.eventPlaceEdit.text().strip(),
            officials=self.officialsEdit.toPlainText().strip(),
            programme_id=self.programmeCombo.currentData(),
        )
        try:
            event_id = self._context.cards.create_event(data)
        except JamsosError as exc:
            self._fail_message(exc.message(i18n.current()))
            return None
        self.refresh_events()
        for row in range(self.eventList.count()):
            if self.eventList.item(row).data(Qt.ItemDataRole.UserRole) == event_id:
                self.eventList.setCurrentRow(row)
        self.statusLabel.setText(self.tr("Acara dibuat."))
        return event_id

    def search_recipients(self) -> None:
        self.candidateList.clear()
        text = self.recipientSearch.text().strip()
        if not text:
            return
        for w in self._context.registry.list(WorkerQuery(text=text))[:30]:
            nik = mask_nik(w.nik) or self.tr("tanpa NIK")  # tr() outside f-strings: lupdate reads no f-string
            item = QListWidgetItem(f"{w.name} \u2014 {nik} \u2014 {w.village_name}")
            item.setData(Qt.ItemDataRole.UserRole, w.id)
            self.candidateList.addItem(item)
        if self.candidateList.count():
            self.candidateList.setCurrentRow(0)

    def add_recipient(self) -> None:
        event_id = self.current_event()
        item = self.candidateList.currentItem()
        if event_id is None or item is None:
            return
        self._context.cards.add_recipients(event_id, [int(item.data(Qt.ItemDataRole.UserRole))])
        self.refresh_recipients()
        self.refresh_events()

    def print_ceremony(self) -> Job | None:
        event_id = self.current_event()
        if event_id is None:
            return None
        allow = self._logo_consent()
        if allow is None:
            return None
        reason = CardReason(self.reasonCombo.currentData())
        out = self._new_output("seremonial")
        return self._run(
            lambda progress: self._context.cards.print_ceremony(
                event_id, out, reason=reason, allow_missing_logo=allow, progress=progress
            ),
            lambda outcome: self._document_done(
                outcome.path, self.tr("{cards} kartu seremonial.").format(cards=outcome.cards)
            ),
            self.tr("Membuat kartu seremonial\u2026"),
        )

    def print_minutes(self) -> Job | None:
        event_id = self.current_event()
        if event_id is None:
            return None
        allow = self._logo_consent()
        if allow is None:
            return None
        out = self._new_output("berita-acara")
        return self._run(
            lambda progress: (
                self._context.cards.print_minutes(event_id, out, allow_missing_logo=allow),
                out,
            )[1],
            lambda path: self._document_done(path, self.tr("Berita Acara Serah Terima.")),
            self.tr("Membuat Berita Acara\u2026"),
        )

    # -- preview, save, print -----------------------------------------------------------------------------
    def _document_done(self, path: Path, text: str) -> None:
        self._current = Path(path)
        self.document.load(str(path))
        self.previewLabel.setText(text)
        self.statusLabel.setText(self.tr("Selesai: {path}").format(path=path))
        self.saveButton.setEnabled(True)
        self.printButton.setEnabled(True)
        self.refresh_pending()
        self.refresh_events()
        self.documentReady.emit(str(path))

    def save_pdf(self, target: str | None = None) -> Path | None:
        if self._current is None:
            return None
        if not target:
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Simpan PDF"), str(Path.home() / self._current.name), self.tr("PDF (*.pdf)")
            )
        if not target:
            return None
        try:
            shutil.copyfile(self._current, target)
        except OSError as exc:
            self._fail_message(
                self.tr("Berkas tidak bisa disimpan: {detail}").format(detail=exc.strerror or exc)
            )
            return None
        self.statusLabel.setText(self.tr("Disimpan: {path}").format(path=target))
        return Path(target)

    def print_with_dialog(self) -> Job | None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self._current is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.print_to(printer)

    def print_to(self, printer: Any) -> Job | None:
        """Send the document in the preview to ``printer`` in the background."""
        if self._current is None:
            return None
        path = str(self._current)
        self._printer = printer  # kept alive until the job ends
        return self._run(
            lambda progress: print_pdf(path, printer, progress),
            self._printed,
            self.tr("Mengirim ke printer\u2026"),
        )

    def _printed(self, pages: int) -> None:
        self.statusLabel.setText(self.tr("{pages} halaman dikirim ke printer.").format(pages=pages))
        self.printFinished.emit(pages)

    def open_verify(self) -> VerifyDialog:
        dialog = VerifyDialog(self._context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.open()
        return dialog

    # -- background -------------------------------------------------------------------------------------
    def _run(self, work: Any, on_done: Any, label: str) -> Job | None:
        if self._job is not None and self._job.running:
            return None
        job = Job(work, self)
        self._job = job
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancelButton.setVisible(True)
        self.createButton.setEnabled(False)
        self.statusLabel.setText(label)
        job.progressed.connect(self._progressed)
        job.finished.connect(lambda value: (self._idle(), on_done(value)))
        job.failed.connect(lambda exc: (self._idle(), self._fail_message(error_text(exc))))
        return job.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.statusLabel.setText(self.tr("Membatalkan\u2026"))

    def _idle(self) -> None:
        self.progress.setVisible(False)
        self.cancelButton.setVisible(False)
        self.createButton.setEnabled(True)

    def _fail_message(self, text: str) -> None:
        self.statusLabel.setText(text)
        self.jobFailed.emit(text)
