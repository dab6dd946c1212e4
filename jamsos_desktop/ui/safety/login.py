"""The login dialog (``loginDialog``), also used to unlock after the idle lock, and the idle watcher.

The password check (argon2id, ~0.1 s) runs on the background executor; the dialog waits for its answer
and shows the reason in one sentence when it is refused (wrong password, account locked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.ui import i18n
from jamsos_desktop.ui.programs.tasks import run_in_background

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext


class LoginDialog(QDialog):
    loggedIn = Signal(str)
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, locked_user: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._context = context
        self.setWindowTitle(self.tr("Masuk ke JamSos") if not locked_user else self.tr("JamSos terkunci"))
        intro = QLabel(
            self.tr("Masukkan nama pengguna dan kata sandi Anda.")
            if not locked_user
            else self.tr("JamSos dikunci karena lama tidak dipakai. Masukkan kata sandi untuk melanjutkan."),
            self,
        )
        intro.setWordWrap(True)
        self.usernameEdit = QLineEdit(self)
        self.usernameEdit.setObjectName("usernameEdit")
        self.usernameEdit.setText(locked_user)
        self.passwordEdit = QLineEdit(self)
        self.passwordEdit.setObjectName("passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("loginErrorLabel")
        self.errorLabel.setProperty("role", "error")
        self.errorLabel.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.loginButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.loginButton.setObjectName("loginButton")
        self.loginButton.setText(self.tr("&Masuk"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Keluar dari JamSos"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Nama pengguna"), self.usernameEdit)
        form.addRow(self.tr("&Kata sandi"), self.passwordEdit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addWidget(self.buttons)
        (self.passwordEdit if locked_user else self.usernameEdit).setFocus()
        self.resize(420, 0)

    def try_login(self) -> None:
        username, password = self.usernameEdit.text().strip(), self.passwordEdit.text()
        if not username or not password:
            self.errorLabel.setText(self.tr("Isi nama pengguna dan kata sandi."))
            return
        self.loginButton.setEnabled(False)
        self.errorLabel.clear()
        users = self._context.users
        run_in_background(lambda: users.login(username, password), self._done, self._refused)

    def _done(self, actor: object) -> None:
        self.loginButton.setEnabled(True)
        self.passwordEdit.clear()
        self.loggedIn.emit(getattr(actor, "username", ""))
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.loginButton.setEnabled(True)
        self.passwordEdit.clear()
        self.passwordEdit.setFocus()
        text = exc.message(i18n.current()) if isinstance(exc, JamsosError) else str(exc)
        self.errorLabel.setText(text)
        self.failed.emit(getattr(exc, "code", "error"))


class IdleWatcher(QObject):
    """Emits ``idle`` once no key or mouse input reached the application for ``timeout_ms``."""

    idle = Signal()
    _INPUT = {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_ms = timeout_ms
        self.paused = False
        self._since = QElapsedTimer()
        self._since.start()
        self._timer = QTimer(self)
        self._timer.setInterval(max(20, min(30_000, timeout_ms // 4)))
        self._timer.timeout.connect(self._check)
        if timeout_ms > 0:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT:
            self._since.restart()
        return False

    def reset(self) -> None:
        self._since.restart()

    def _check(self) -> None:
        if not self.paused and self.timeout_ms > 0 and self._since.elapsed() >= self.timeout_ms:
            self.paused = True  # until the lock is lifted (resume())
            self.idle.emit()

    def resume(self) -> None:
        self.paused = False
        self._since.restart()


def idle_minutes(context: AppContext) -> int:
    try:
        return max(0, int(context.settings.get("idle_lock_minutes") or 10))
    except ValueError:
        return 10


def login_at_start(context: AppContext, parent: QWidget | None = None) -> bool:
    """Ask for a login when the office has accounts; False when the clerk gave up (quit)."""
    if not context.users.has_users():
        return True
    dialog = LoginDialog(context, parent)
    dialog.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
    return dialog.exec() == QDialog.DialogCode.Accepted
