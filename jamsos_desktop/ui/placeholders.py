"""Honest empty pages for capabilities of later issues: a title and what is coming, nothing to click."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class ComingPage(QWidget):
    def __init__(self, object_name: str, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        heading = QLabel(title, self)
        heading.setObjectName("pageTitle")
        frame = QFrame(self)
        frame.setObjectName("comingFrame")
        body = QLabel(text, frame)
        body.setObjectName("comingText")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(18, 16, 18, 16)
        inner.addWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(heading)
        layout.addWidget(frame)
        layout.addStretch(1)


def coming_pages() -> list[tuple[str, str, str, str]]:
    """(objectName, icon, title, what is coming) of the pages later issues fill."""
    return [
        (
            "programsPage",
            "programs",
            QCoreApplication.translate("ComingPage", "Program & Iuran"),
            QCoreApplication.translate(
                "ComingPage",
                "Di sini nanti dibuat program bantuan iuran (penyandang dana, bulan mulai, lama bantuan, "
                "iuran JKK + JKM per bulan) dan pekerja didaftarkan ke program itu. Halaman ini belum tersedia.",
            ),
        ),
        (
            "calendarPage",
            "calendar",
            QCoreApplication.translate("ComingPage", "Kalender Iuran"),
            QCoreApplication.translate(
                "ComingPage",
                "Di sini nanti terlihat iuran tiap bulan: yang dibayar penyandang dana, yang dibayar mandiri, "
                "jatuh tempo tanggal 15, dan siapa yang menunggak. Halaman ini belum tersedia.",
            ),
        ),
        (
            "cardsPage",
            "cards",
            QCoreApplication.translate("ComingPage", "Kartu"),
            QCoreApplication.translate(
                "ComingPage",
                "Di sini nanti dicetak kartu bukti kepesertaan (lembar A4 atau printer kartu) dan kartu besar "
                "untuk penyerahan simbolis, dengan catatan setiap cetak ulang. Halaman ini belum tersedia.",
            ),
        ),
        (
            "syncPage",
            "sync",
            QCoreApplication.translate("ComingPage", "Sinkronisasi"),
            QCoreApplication.translate(
                "ComingPage",
                "Di sini nanti laptop desa dan kantor bertukar data lewat berkas paket yang ditandatangani, "
                "tanpa internet. Halaman ini belum tersedia.",
            ),
        ),
        (
            "dashboardPage",
            "dashboard",
            QCoreApplication.translate("ComingPage", "Dasbor"),
            QCoreApplication.translate(
                "ComingPage",
                "Di sini nanti tampil ringkasan: jumlah pekerja per desa, kepesertaan aktif, anggaran "
                "terpakai dan tunggakan. Halaman ini belum tersedia.",
            ),
        ),
    ]
