"""In English, no page or dialog a clerk can reach shows an Indonesian word of the interface.

The application runs with the English translation over demo data (workers, a programme with payments
and a handover); every page is opened and left to load, and the dialogs reachable from the pages and
menus are opened. The texts *of the interface* are collected — window titles, labels, buttons, group
box and tab titles, combo items and their tooltips, placeholders, tooltips, menu and action texts, the
header sections of every list and table, wizard page titles, chart titles, legends and axis labels —
and none may contain a typical Indonesian word. Table cells and list rows are data (names, villages)
and are not read; region, programme, funder, office and worker names are removed from a text before
it is checked, so ``Kec. Toboali`` becomes ``District Toboali`` and not a failure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QChartView
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
)

NOW = datetime(2026, 11, 24, 9, 0)

#: Words of the Indonesian interface that have no place in the English one (whole words, any case).
INDONESIAN_WORDS = (
    "pekerja", "simpan", "batal", "cari", "bulan", "tambah", "cetak", "iuran", "kartu", "peserta",
    "laporan", "kecamatan", "kelurahan", "desa", "nama", "tanggal", "jenis", "wilayah", "ulang",
    "tampilkan", "daftar", "ekspor", "impor", "semua", "belum", "sudah", "dari", "dan", "yang", "untuk",
    "tidak", "ada", "pemda", "mandiri", "terlambat", "nonaktif", "aktif", "lunas", "jatuh", "tempo",
    "berkas", "keluar", "pengaturan", "bantuan", "tutup", "hapus", "ubah", "pilih", "lanjut", "kembali",
    "selesai", "baru", "alasan", "penerima", "ahli", "waris", "pekerjaan", "penghasilan", "persetujuan",
    "alamat", "jumlah", "kuota", "dasbor", "kalender", "sinkronisasi", "pengguna", "cadangan", "pulihkan",
    "kunci", "masuk", "sandi", "acara", "penyerahan", "berita", "periksa", "muat", "memuat", "lahir",
    "perempuan", "laki", "suami", "istri", "anak", "orang", "tua", "kakek", "nenek", "saudara",
    "dibayar", "bayar", "pembayaran", "tagihan", "kuitansi", "penyandang", "dana", "mulai", "akhir",
    "berakhir", "tata", "letak", "lembar", "verifikasi", "kirim", "terima", "paket", "petugas", "kantor",
    "kabupaten", "ringkasan", "jejak", "basis", "data pribadi", "wajib", "isi", "diisi", "dipilih",
    "terdaftar", "panduan", "tentang", "bahasa", "januari", "februari", "maret", "mei", "juni", "juli",
    "agustus", "oktober", "desember", "agu", "okt", "des", "mencari", "menyimpan", "tersimpan", "gagal",
    "berhasil", "hari", "libur", "meninggal", "kecelakaan", "klaim", "ditolak", "diterima", "pindah",
    "kec", "kab", "keterangan", "catatan", "nomor", "ponsel", "telepon", "halaman", "baris", "kolom", "lihat",
)  # fmt: skip
INDONESIAN = re.compile(r"\b(" + "|".join(re.escape(w) for w in INDONESIAN_WORDS) + r")\b", re.IGNORECASE)


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _header_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None or isinstance(model, QAbstractListModel):
        return  # a list has no header sections
    for orientation, count in (
        (Qt.Orientation.Horizontal, model.columnCount(QModelIndex())),
        (Qt.Orientation.Vertical, model.rowCount(QModelIndex())),
    ):
        for section in range(min(count, 60)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield value


def _action_texts(widget: QWidget) -> Iterator[str]:
    for action in widget.actions():
        yield action.text()
        yield action.toolTip()
        yield action.statusTip()
        if action.menu() is not None:
            yield from _action_texts(action.menu())


def interface_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """``(where, text)`` of every interface string of ``root`` and its children (cells excluded)."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        where = f"{type(w).__name__}#{w.objectName() or '?'}"
        if w.isWindow():
            yield where + ".windowTitle", w.windowTitle()
        yield where + ".toolTip", w.toolTip()
        yield where + ".statusTip", w.statusTip()
        for text in _action_texts(w):
            yield where + ".action", text
        if isinstance(w, QMenu):
            yield where + ".title", w.title()
        if isinstance(w, QLabel | QAbstractButton):
            yield where + ".text", w.text()
        elif isinstance(w, QGroupBox):
            yield where + ".title", w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield where + ".tab", w.tabText(i)
                yield where + ".tabToolTip", w.tabToolTip(i)
        elif isinstance(w, QComboBox):
            if not w.property("dataCombo"):
                for i in range(w.count()):
                    yield where + ".item", w.itemText(i)
                    tip = w.itemData(i, Qt.ItemDataRole.ToolTipRole)
                    if isinstance(tip, str):
                        yield where + ".itemToolTip", tip
            if w.lineEdit() is not None:
                yield where + ".placeholder", w.lineEdit().placeholderText()
        elif isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit):
            yield where + ".placeholder", w.placeholderText()
        elif isinstance(w, QAbstractSpinBox):
            yield where + ".specialValue", w.specialValueText()
            if isinstance(w, QSpinBox):
                yield where + ".prefix", w.prefix()
                yield where + ".suffix", w.suffix()
        if isinstance(w, QListWidget) and w.objectName() == "navList":
            for i in range(w.count()):
                yield where + ".item", w.item(i).text()
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            for text in _header_texts(w.model()):
                yield where + ".header", text
        if isinstance(w, QChartView):
            chart = w.chart()
            yield where + ".chartTitle", chart.title()
            for axis in chart.axes():
                yield where + ".axisTitle", axis.titleText()
                if isinstance(axis, QBarCategoryAxis):
                    for category in axis.categories():
                        yield where + ".axisLabel", category
            for series in chart.series():
                yield where + ".series", series.name()
                if isinstance(series, QBarSeries) or hasattr(series, "barSets"):
                    for bar in series.barSets():
                        yield where + ".legend", bar.label()
        if isinstance(w, QWizard):
            for page_id in w.pageIds():
                page = w.page(page_id)
                yield where + ".pageTitle", page.title()
                yield where + ".pageSubTitle", page.subTitle()
        if isinstance(w, QMainWindow):
            yield where + ".statusMessage", w.statusBar().currentMessage()


#: Said in Indonesian on purpose: each language is offered in its own name, the language menu is titled
#: in both, and the region data's project is called *wilayah*.
NOT_INTERFACE = ("Bahasa Indonesia", "Language / Bahasa", "Bahasa / Language", "cahyadsn/wilayah")


def data_names(context) -> list[str]:  # type: ignore[no-untyped-def]
    """Names that are data, not interface: regions, programmes, funders, the workers, and the occupations
    (stored and reported as BPJS writes them; the form gives their English as tooltips)."""
    from jamsos_desktop.domain.worker import WorkerQuery
    from jamsos_desktop.domain.worker_types import OCCUPATIONS

    table = context.region_table()
    names = {context.regions.regency_name(), *NOT_INTERFACE, *OCCUPATIONS}
    names.update(p.name for p in table.provinces())
    names.update(r.name for r in table.children(context.regency()[:2]))
    for district, village in context.regions.all_villages():
        names.update((district.name, village.name))
    for programme in context.programmes.list():
        names.add(programme.name)
        names.update(f.name for f in getattr(programme, "funders", ()))
    names.update(s.name for s in context.registry.list(WorkerQuery()))
    names.update(e.name for e in context.cards.events())  # handover events, named by the office
    return sorted((n for n in names if n), key=len, reverse=True)


def indonesian_texts(root: QWidget, names: list[str]) -> list[str]:
    found: list[str] = []
    for where, text in interface_texts(root):
        if not text:
            continue
        plain = _plain(text)
        for name in names:
            plain = plain.replace(name, " ")
        match = INDONESIAN.search(plain)
        problem = f"{where}: {text!r}  [{match.group(0)}]" if match else ""
        if problem and problem not in found:
            found.append(problem)
    return found


def open_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.fixture
def english(styled_app) -> Iterator[None]:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui import i18n

    assert i18n.install(styled_app, "en") == "en"
    try:
        yield
    finally:
        i18n.install(styled_app, "id")


@pytest.fixture
def demo_context(ui_context):  # type: ignore[no-untyped-def]
    from jamsos_desktop.services.cards_demo import seed_demo_handover
    from jamsos_desktop.services.demo import generate_demo
    from jamsos_desktop.services.programme_demo import seed_demo_programme

    ui_context.clock = lambda: NOW
    generate_demo(
        ui_context.unit_of_work, ui_context.region_table(), ui_context.regency(),
        workers=40, seed=7, now=NOW, user="uji",
    )  # fmt: skip
    seed_demo_programme(ui_context.unit_of_work, now=NOW, seed=7)
    seed_demo_handover(ui_context.unit_of_work, now=NOW)
    return ui_context


def test_the_word_list_catches_indonesian_and_spares_english_and_data(qapp) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("<b>Simpan</b> pekerja")
    assert indonesian_texts(label, [])
    assert not indonesian_texts(QLabel("Save the worker — Dec 26"), [])
    assert indonesian_texts(QLabel("Des 26"), [])
    assert not indonesian_texts(QLabel("District Air Bara"), ["Air Bara"])
    assert indonesian_texts(QLabel("Kec. Pulau Besar"), ["Pulau Besar"])


def test_every_page_and_dialog_speaks_english(qtbot, english, demo_context) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.main_window import MainWindow

    ctx = demo_context
    names = data_names(ctx)
    window = MainWindow(ctx, remember_state=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems: list[str] = []

    def check(widget: QWidget) -> None:
        problems.extend(p for p in indonesian_texts(widget, names) if p not in problems)

    # Every page, loaded.
    workers = window.show_page("workersPage")
    qtbot.waitUntil(lambda: not workers.model.busy and workers.model.rowCount() > 0, timeout=15_000)
    programs = window.show_page("programsPage")
    qtbot.waitUntil(lambda: programs.current_programme() is not None, timeout=15_000)
    calendar = window.show_page("calendarPage")
    qtbot.waitUntil(
        lambda: calendar._grid is not None and any(c.isdigit() for c in calendar.listCount.text()),
        timeout=15_000,
    )
    calendar.stripEdit.setText(workers.model.summary_at(0).name)
    with qtbot.waitSignal(calendar.stripLoaded, timeout=15_000):
        calendar.show_strip()
    cards = window.show_page("cardsPage")
    qtbot.waitUntil(lambda: cards.pendingList.count() > 0, timeout=15_000)
    window.show_page("syncPage")
    dashboard = window.show_page("dashboardPage")
    qtbot.waitUntil(lambda: dashboard.snapshot is not None, timeout=15_000)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        check(window.stack.currentWidget())
    check(window)
    # A list whose rows mix data and interface words: the handover events ("… (5 recipients)").
    for row in range(cards.eventList.count()):
        text = cards.eventList.item(row).text()
        for name in names:
            text = text.replace(name, " ")
        if INDONESIAN.search(text):
            problems.append(f"handoverList row: {cards.eventList.item(row).text()!r}")
    assert cards.eventList.count() > 0

    # The dialogs a clerk opens from the pages and the menus.
    def dialog(opened: QWidget | None) -> None:
        assert opened is not None
        qtbot.waitUntil(opened.isVisible)
        check(opened)
        opened.close()

    workers.table.selectRow(0)
    form = workers.add_worker()
    form.ui.nikEdit.setText("1903")  # too short: the registry's findings come back in English too
    form.ui.nameEdit.setText("")
    assert not form.save()
    dialog(form)
    dialog(workers.edit_selected())
    dialog(workers.deactivate_selected())
    dialog(workers.import_list())
    dialog(programs.new_programme())
    dialog(programs.edit_programme())
    dialog(programs.enrol())
    dialog(programs.pay_funder())
    dialog(programs.pay_self())
    dialog(cards.open_verify())
    dialog(window.safety.show_audit())
    # Dialogs of capabilities that may not be in every build yet: opened when the page offers them.
    for owner, opener in (
        (window.safety, "show_users"),
        (calendar, "edit_holidays"),
        (calendar, "record_event"),
    ):
        if hasattr(owner, opener):
            dialog(getattr(owner, opener)())
    dialog(window.show_about())
    from jamsos_desktop.ui.help import show_help

    help_dialog = show_help(window)
    assert "bantuan_en" in help_dialog.browser.source().toString()
    dialog(help_dialog)

    assert problems == [], "Indonesian in the English interface:\n" + "\n".join(problems)


def test_the_first_run_wizard_and_login_speak_english(qtbot, english, ui_context) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.first_run import FirstRunWizard
    from jamsos_desktop.ui.safety.login import LoginDialog

    names = data_names(ui_context)
    problems: list[str] = []
    wizard = FirstRunWizard(ui_context)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    problems += indonesian_texts(wizard, names)
    login = LoginDialog(ui_context)
    qtbot.addWidget(login)
    problems += indonesian_texts(login, names)
    assert problems == [], "Indonesian in the English interface:\n" + "\n".join(problems)


def test_domain_labels_shown_through_tr_have_english(qapp) -> None:  # type: ignore[no-untyped-def]
    """Labels kept in the domain and services (Indonesian) but shown through ``self.tr(label)``: each one
    must be in the .ts under the page's context, so a label renamed in the domain without the page's
    QT_TRANSLATE_NOOP list following it fails here rather than showing Indonesian to an English user."""
    from PySide6.QtCore import QTranslator

    from jamsos_desktop.domain.calendar import ActionList, MonthStatus, Payer
    from jamsos_desktop.domain.cards import CardLayout
    from jamsos_desktop.domain.worker import DEFAULT_PURPOSE
    from jamsos_desktop.domain.worker_types import OCCUPATIONS
    from jamsos_desktop.resources_path import resource_path
    from jamsos_desktop.services.reports import ReportName
    from jamsos_desktop.ui.calendar.page import ActionListModel

    translator = QTranslator()
    assert translator.load(str(resource_path("translations/jamsos_en.qm")))
    expected = [
        *(("ActionListModel", column) for column in ActionListModel.COLUMNS),
        *(("CalendarPage", e.label) for e in (*ActionList, *MonthStatus, *Payer)),
        *(("CardsPage", e.label) for e in CardLayout),
        *(("DashboardPage", text) for name in ReportName for text in (name.label, name.description)),
        *(("WorkerFormDialog", text) for text in (*OCCUPATIONS, DEFAULT_PURPOSE)),
    ]
    missing = [f"[{context}] {text}" for context, text in expected if not translator.translate(context, text)]
    assert missing == [], "no English for:\n" + "\n".join(missing)


def test_the_import_wizard_speaks_english_down_to_the_row_messages(  # type: ignore[no-untyped-def]
    qtbot, english, ui_context, tmp_path
) -> None:
    """A village list with an unknown column and a bad row: the mapping page's column names, the
    preview's outcome column and the registry's reasons in the cells' tooltips are all English."""
    from openpyxl import Workbook
    from PySide6.QtCore import Qt

    from jamsos_desktop.domain.excel_rules import Column
    from jamsos_desktop.ui.workers.import_wizard import ImportWizard

    headers = ["NIK", "Nama", "L/P", "Tgl Lahir", "Kampung"]
    book = Workbook()
    book.active.append(headers)
    book.active.append(["1903011208902835", "Yusuf", "L", "12-08-1990", "Rias"])
    book.active.append(["19030112", "Ahmad", "X", "31-02-1990", "Rias"])
    path = tmp_path / "desa.xlsx"
    book.save(path)
    names = [*data_names(ui_context), *headers, "Yusuf", "Ahmad"]

    wizard = ImportWizard(ui_context, None)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choose_file = lambda: str(path)  # type: ignore[method-assign]
    with qtbot.waitSignal(wizard.previewReady, timeout=60_000):
        wizard._browse()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == ImportWizard.PAGE_MAPPING)
    problems = indonesian_texts(wizard, names)
    wizard.set_mapping(4, Column.VILLAGE)
    with qtbot.waitSignal(wizard.previewReady, timeout=60_000):
        wizard.mappingButton.click()
    problems += indonesian_texts(wizard, names)
    model = wizard.previewTable.model()
    tips = [
        model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    outcomes = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert any(tips), "the bad row should explain itself"
    for text in [*filter(None, tips), *outcomes]:
        plain = text
        for name in names:  # a message names the file's own column ("Tgl Lahir: ...")
            plain = plain.replace(name, " ")
        match = INDONESIAN.search(plain)
        if match:
            problems.append(f"preview cell: {text!r}  [{match.group(0)}]")
    assert problems == [], "Indonesian in the English interface:\n" + "\n".join(problems)


def test_no_tr_call_hides_where_lupdate_cannot_see_it() -> None:
    """lupdate reads neither a ``tr()`` inside an f-string nor the text of ``tr(variable)``: such a string
    never reaches the .ts and stays Indonesian in English. A ``tr(variable)`` is allowed only where the
    module lists the possible texts with QT_TRANSLATE_NOOP (checked by the test above)."""
    import ast
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "jamsos_desktop" / "ui"
    hidden: list[str] = []
    for path in sorted(ui.rglob("*.py")):
        if "generated" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        noop = "QT_TRANSLATE_NOOP" in path.read_text(encoding="utf-8")
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name not in ("tr", "translate") or not node.args:
                continue
            text = node.args[-1] if name == "translate" else node.args[0]
            where = f"{path.relative_to(ui)}:{node.lineno}: {ast.unparse(node)}"
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)) and not noop:
                hidden.append(where)
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for sub in ast.walk(node):
                    if (
                        isinstance(sub, ast.Call)
                        and ast.unparse(sub.func).endswith(("tr", "translate"))
                        and any(isinstance(a, ast.Constant) for a in sub.args)
                    ):
                        hidden.append(
                            f"{path.relative_to(ui)}:{sub.lineno}: {ast.unparse(sub)} in an f-string"
                        )
    assert hidden == [], "strings lupdate cannot collect:\n" + "\n".join(hidden)
