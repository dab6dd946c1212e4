"""The *Keamanan data* menu of the main window and the session around it (idle lock, daily backup).

Backups, checks and restores run on the background executor; their outcome comes back as a sentence in
the status bar or a message box. What an action may do is decided by the services (an operator who
tries a restore is refused there), the menu only leaves out what the role can never use.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMainWindow, QMessageBox

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.messages import render
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.ui import i18n
from jamsos_desktop.ui.programs.tasks import run_in_background

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext

log = logging.getLogger(__name__)


def _text(exc: BaseException) -> str:
    return exc.message(i18n.current()) if isinstance(exc, JamsosError) else f"{type(exc).__name__}: {exc}"


class SafetyActions(QObject):
    """Owns the menu's actions; ``finished(name, ok)`` is emitted when a background action ends."""

    finished = Signal(str, bool)

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.setObjectName("safetyActions")
        self._window = window
        self._context = context
        self.idle = None
        menu = window.menuBar().addMenu(self.tr("&Keamanan data"))
        menu.setObjectName("safetyMenu")
        self.menu = menu
        self.actions: dict[str, QAction] = {}
        for name, text, slot, permission in (
            ("usersAction", self.tr("Pen&gguna\u2026"), self.show_users, Permission.MANAGE_USERS),
            ("auditAction", self.tr("&Jejak audit\u2026"), self.show_audit, None),
            ("backupAction", self.tr("&Cadangkan sekarang"), self.backup_now, None),
            ("usbBackupAction", self.tr("Cadangkan ke &USB (terenkripsi)\u2026"), self.backup_to_usb, None),
            ("restoreAction", self.tr("&Pulihkan dari cadangan\u2026"), self.restore, Permission.RESTORE),
            ("checkAction", self.tr("Periksa &keutuhan basis data"), self.check, None),
            (
                "privacyExportAction",
                self.tr("&Ekspor data pribadi satu orang\u2026"),
                self.privacy_export,
                Permission.EXPORT_PERSONAL_DATA,
            ),
            ("lockAction", self.tr("&Kunci sekarang"), self.lock_now, None),
        ):
            action = QAction(text, window)
            action.setObjectName(name)
            action.triggered.connect(slot)
            action.setProperty("permission", permission.value if permission else "")
            menu.addAction(action)
            self.actions[name] = action
        context.access.on_change(lambda _actor: self.update_actions())
        self.update_actions()

    def update_actions(self) -> None:
        for action in self.actions.values():
            permission = action.property("permission")
            action.setVisible(not permission or self._context.access.can(Permission(permission)))
        self.actions["lockAction"].setVisible(self._context.access.logged_in)

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 10_000)

    def _error(self, title: str, exc: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, _text(exc), parent=self._window)
        box.setObjectName("safetyError")
        box.open()

    # -- audit --------------------------------------------------------------------------------------------
    def show_audit(self):  # type: ignore[no-untyped-def]
        from jamsos_desktop.ui.safety.audit import AuditDialog

        dialog = AuditDialog(self._context, self._window)
        dialog.open()
        return dialog

    # -- users ----------------------------------------------------------------------------------------------
    def show_users(self):  # type: ignore[no-untyped-def]
        """The user-management dialog, for administrators; anyone else gets the service's refusal."""
        from jamsos_desktop.services.access import PermissionDenied
        from jamsos_desktop.ui.safety.users import UsersDialog

        access = self._context.access
        if not access.can(Permission.MANAGE_USERS):
            self._error(self.tr("Pengguna"), PermissionDenied(Permission.MANAGE_USERS, access.actor))
            return None
        dialog = UsersDialog(self._context, self._window)
        dialog.open()
        return dialog

    # -- backups -----------------------------------------------------------------------------------------
    def backup_now(self) -> None:
        backups = self._context.backups
        self._status(self.tr("Mencadangkan\u2026"))
        run_in_background(
            lambda: backups.backup_now("manual"),
            lambda made: (
                self._status(self.tr("Cadangan disimpan: {path}").format(path=made.path)),
                self.finished.emit("backup", True),
            ),
            lambda exc: (self._error(self.tr("Cadangan gagal"), exc), self.finished.emit("backup", False)),
        )

    def daily_backup(self) -> None:
        """At start, once a day, in the background; quick_check first (the full check is the backup's)."""
        context = self._context

        def work() -> str:
            problems = context.backups.files.check(full=False) if context.backups.files.path else []
            if problems:
                raise JamsosError("check.failed", detail="; ".join(problems[:3]))
            made = context.backups.backup_if_due()
            return str(made.path) if made else ""

        run_in_background(
            work,
            lambda path: (
                self._status(self.tr("Cadangan harian: {path}").format(path=path)) if path else None,
                self.finished.emit("daily", True),
            ),
            lambda exc: (
                self._error(self.tr("Pemeriksaan basis data"), exc),
                self.finished.emit("daily", False),
            ),
        )

    def backup_to_usb(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Cadangkan ke USB"),
            str(Path.home() / "jamsos.jamsosbak"),
            self.tr("Cadangan JamSos (*.jamsosbak)"),
        )
        if not name:
            return
        passphrase = self._ask_passphrase(confirm=True)
        if passphrase is None:
            return
        backups = self._context.backups
        self._status(self.tr("Mencadangkan ke {path}\u2026").format(path=name))
        run_in_background(
            lambda: backups.export(Path(name), passphrase),
            lambda path: (
                self._status(self.tr("Cadangan terenkripsi disimpan: {path}").format(path=path)),
                self.finished.emit("usb", True),
            ),
            lambda exc: (self._error(self.tr("Cadangan gagal"), exc), self.finished.emit("usb", False)),
        )

    def _ask_passphrase(self, *, confirm: bool) -> str | None:
        first, ok = QInputDialog.getText(
            self._window,
            self.tr("Frasa sandi"),
            self.tr("Frasa sandi cadangan (paling sedikit 8 karakter):"),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not first:
            return None
        if confirm:
            second, ok = QInputDialog.getText(
                self._window,
                self.tr("Frasa sandi"),
                self.tr("Ulangi frasa sandi:"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return None
            if second != first:
                QMessageBox.warning(
                    self._window, self.tr("Frasa sandi"), render("user.password_mismatch", i18n.current())
                )
                return None
        return first

    def restore(self) -> None:
        from jamsos_desktop.services.backup import is_encrypted

        name, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Pulihkan dari cadangan"),
            str(self._context.backups.backup_dir),
            self.tr("Cadangan JamSos (*.sqlite3 *.jamsosbak)"),
        )
        if not name:
            return
        passphrase = self._ask_passphrase(confirm=False) if is_encrypted(Path(name)) else None
        answer = QMessageBox.question(
            self._window,
            self.tr("Pulihkan"),
            self.tr(
                "Semua data sekarang diganti dengan isi cadangan ini. Keadaan sekarang dicadangkan dulu. "
                "Lanjutkan?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        backups = self._context.backups
        run_in_background(
            lambda: backups.restore(Path(name), passphrase),
            self._restored,
            lambda exc: (
                self._error(self.tr("Pemulihan ditolak"), exc),
                self.finished.emit("restore", False),
            ),
        )

    def _restored(self, _safety: object) -> None:
        self.finished.emit("restore", True)
        QMessageBox.information(
            self._window,
            self.tr("Pulihkan"),
            self.tr("Data sudah dipulihkan. JamSos ditutup sekarang; buka lagi untuk melanjutkan."),
        )
        self._window.close()

    def check(self) -> None:
        context = self._context
        run_in_background(
            lambda: context.check(full=True),
            self._checked,
            lambda exc: self._error(self.tr("Pemeriksaan basis data"), exc),
        )

    def _checked(self, report) -> None:  # type: ignore[no-untyped-def]
        lang = i18n.current()
        lines = [
            self.tr("Basis data utuh.")
            if not report.problems
            else render("check.failed", lang, detail="; ".join(report.problems[:3]))
        ]
        lines.append(
            self.tr("Jejak audit utuh: {count} entri.").format(count=report.audit_entries)
            if not report.audit_problems
            else render("audit.broken", lang, detail=", ".join(report.audit_problems[:3]))
        )
        lines.extend(render(code, lang, **params) for code, params in report.location)
        box = QMessageBox(
            QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Critical,
            self.tr("Pemeriksaan basis data"),
            "\n\n".join(lines),
            parent=self._window,
        )
        box.setObjectName("checkResult")
        box.open()
        self.finished.emit("check", report.ok)

    # -- privacy -----------------------------------------------------------------------------------------
    def privacy_export(self) -> None:
        nik, ok = QInputDialog.getText(self._window, self.tr("Ekspor data pribadi"), self.tr("NIK:"))
        if not ok or not nik.strip():
            return
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Simpan data pribadi"),
            str(Path.home() / f"data-{nik.strip()}.json"),
            self.tr("JSON (*.json)"),
        )
        if not name:
            return
        privacy = self._context.privacy
        run_in_background(
            lambda: privacy.export_person_to(nik.strip(), Path(name)),
            lambda _r: (
                self._status(self.tr("Data pribadi disimpan: {path}").format(path=name)),
                self.finished.emit("privacy", True),
            ),
            lambda exc: (
                self._error(self.tr("Ekspor data pribadi"), exc),
                self.finished.emit("privacy", False),
            ),
        )

    # -- the session ---------------------------------------------------------------------------------------
    def start_idle_lock(self, minutes: int) -> None:
        from jamsos_desktop.ui.safety.login import IdleWatcher

        if minutes <= 0 or not self._context.access.logged_in:
            return
        self.idle = IdleWatcher(minutes * 60_000, self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.idle.idle.connect(self.lock_now)

    def lock_now(self):  # type: ignore[no-untyped-def]
        """Hide the window behind the login dialog; a wrong or cancelled unlock quits the application."""
        from jamsos_desktop.ui.safety.login import LoginDialog

        if self.idle is not None:
            self.idle.paused = True
        user = self._context.access.actor.username
        dialog = LoginDialog(self._context, self._window, locked_user=user)
        dialog.setObjectName("lockDialog")
        self._window.hide()
        dialog.accepted.connect(self._unlocked)
        dialog.rejected.connect(QApplication.quit)
        dialog.open()
        return dialog

    def _unlocked(self) -> None:
        self._window.show()
        if self.idle is not None:
            self.idle.resume()
        self.update_actions()
