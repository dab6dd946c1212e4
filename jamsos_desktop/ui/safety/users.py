"""User management for administrators (``usersDialog``): accounts with role, state and last login.

An administrator creates accounts (name, full name, role, an initial password typed twice), changes a
role, deactivates and reactivates, resets a password and unlocks an account locked after repeated wrong
passwords. The rules live in :class:`~jamsos_desktop.services.users.UserService`: only an administrator
may do any of it (an operator is refused there too, not only here), the last active administrator can
be neither demoted nor deactivated, and every change is written to the audit trail. Password hashing
(argon2id, ~0.1 s) runs on the background executor; the outcome comes back as one sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.formatting import format_datetime
from jamsos_desktop.domain.messages import render
from jamsos_desktop.domain.safety import Permission, Role, User, password_problem, username_problem
from jamsos_desktop.ui import i18n
from jamsos_desktop.ui.programs.tasks import run_in_background

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext


def _text(exc: BaseException) -> str:
    return exc.message(i18n.current()) if isinstance(exc, JamsosError) else f"{type(exc).__name__}: {exc}"


def _role_label(role: Role) -> str:
    return role.label if i18n.current() == "id" else role.label_en


class UserFormDialog(QDialog):
    """One form for three jobs: a new account (``create``), a new role (``role``), a new password
    (``password``). Input is checked before anything is sent: names, the strength rule, the two
    passwords equal."""

    def __init__(self, mode: str, parent: QWidget | None = None, *, user: User | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setObjectName(
            {"create": "userFormDialog", "role": "roleDialog", "password": "passwordDialog"}[mode]
        )
        who = user.username if user else ""
        self.setWindowTitle(
            {
                "create": self.tr("Pengguna baru"),
                "role": self.tr("Ubah peran {user}").format(user=who),
                "password": self.tr("Kata sandi baru untuk {user}").format(user=who),
            }[mode]
        )
        self._username = who
        self.usernameEdit = QLineEdit(self)
        self.usernameEdit.setObjectName("newUsernameEdit")
        self.usernameEdit.setMaxLength(32)
        self.fullNameEdit = QLineEdit(self)
        self.fullNameEdit.setObjectName("fullNameEdit")
        self.fullNameEdit.setMaxLength(100)
        self.roleCombo = QComboBox(self)
        self.roleCombo.setObjectName("roleCombo")
        for role in (Role.OPERATOR, Role.VERIFIER, Role.ADMINISTRATOR):
            self.roleCombo.addItem(_role_label(role), role.value)
        if user is not None:
            self.roleCombo.setCurrentIndex(self.roleCombo.findData(user.role.value))
        self.passwordEdit = QLineEdit(self)
        self.passwordEdit.setObjectName("newPasswordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmEdit = QLineEdit(self)
        self.confirmEdit.setObjectName("confirmPasswordEdit")
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("userFormError")
        self.errorLabel.setProperty("role", "error")
        self.errorLabel.setWordWrap(True)
        hint = QLabel(
            self.tr("Kata sandi paling sedikit 8 karakter dan tidak sama dengan nama pengguna."), self
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        form = QFormLayout()
        if mode == "create":
            form.addRow(self.tr("&Nama pengguna"), self.usernameEdit)
            form.addRow(self.tr("Nama &lengkap"), self.fullNameEdit)
        if mode in ("create", "role"):
            form.addRow(self.tr("&Peran"), self.roleCombo)
        if mode in ("create", "password"):
            form.addRow(self.tr("&Kata sandi"), self.passwordEdit)
            form.addRow(self.tr("&Ulangi kata sandi"), self.confirmEdit)
        for widget in (
            self.usernameEdit,
            self.fullNameEdit,
            self.roleCombo,
            self.passwordEdit,
            self.confirmEdit,
        ):
            if form.indexOf(widget) < 0:
                widget.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.okButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.okButton.setObjectName("userFormOkButton")
        self.okButton.setText(self.tr("&Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Batal"))
        self.buttons.accepted.connect(self.check_and_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if mode in ("create", "password"):
            layout.addWidget(hint)
        layout.addWidget(self.errorLabel)
        layout.addWidget(self.buttons)
        self.resize(440, 0)

    def role(self) -> Role:
        return Role(self.roleCombo.currentData())

    def problem(self) -> str | None:
        """The first thing wrong with the input, as a sentence; None when it may be sent."""
        lang = i18n.current()
        name = self.usernameEdit.text().strip() if self.mode == "create" else self._username
        if self.mode == "create":
            code = username_problem(name)
            if code:
                return render(code, lang, username=name)
            if not self.fullNameEdit.text().strip():
                return render("user.full_name_required", lang)
        if self.mode in ("create", "password"):
            code = password_problem(self.passwordEdit.text(), name)
            if code:
                return render(code, lang)
            if self.passwordEdit.text() != self.confirmEdit.text():
                return render("user.password_mismatch", lang)
        return None

    def check_and_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.errorLabel.setText(problem)
            return
        self.accept()


class UsersDialog(QDialog):
    """The accounts of this office. ``changed(message)`` after a saved change, ``failed(message)`` when
    the service refused it, ``loaded(count)`` when the list is (re)read."""

    loaded = Signal(int)
    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Pengguna"))
        self._context = context
        self.users: list[User] = []
        self.form: UserFormDialog | None = None

        intro = QLabel(
            self.tr(
                "Administrator mengatur pengguna, pengaturan dan stasiun; verifikator menyetujui pendaftaran, "
                "menyelesaikan konflik dan mencatat pembayaran pemda; operator mengisi data dan mencetak."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nama pengguna"),
                self.tr("Nama lengkap"),
                self.tr("Peran"),
                self.tr("Keadaan"),
                self.tr("Login terakhir"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.newButton = self._button("newUserButton", self.tr("&Tambah pengguna\u2026"), self.new_user)
        self.roleButton = self._button("changeRoleButton", self.tr("Ubah &peran\u2026"), self.change_role)
        self.activeButton = self._button("toggleActiveButton", self.tr("&Nonaktifkan"), self.toggle_active)
        self.passwordButton = self._button(
            "resetPasswordButton", self.tr("Atur ulang &kata sandi\u2026"), self.reset_password
        )
        self.unlockButton = self._button("unlockButton", self.tr("&Buka kunci"), self.unlock)
        self.messageLabel = QLabel(self)
        self.messageLabel.setObjectName("usersMessage")
        self.messageLabel.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Tutup"))
        close.rejected.connect(self.reject)

        buttons = QHBoxLayout()
        for b in (self.newButton, self.roleButton, self.activeButton, self.passwordButton, self.unlockButton):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.messageLabel)
        layout.addWidget(close)
        self.resize(820, 460)
        self._update_buttons()
        self.refresh()

    def _button(self, name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- the list ----------------------------------------------------------------------------------------
    def refresh(self, after=None) -> None:  # type: ignore[no-untyped-def]
        """Read the accounts again (off the UI thread); ``after()`` once the list shows them."""
        users = self._context.users

        def show(found: list[User]) -> None:
            self._fill(found)
            if after is not None:
                after()

        run_in_background(users.list, show, self._refused, owner=self)

    def _fill(self, users: list[User]) -> None:
        selected = self.current_user()
        self.users = list(users)
        now = self._context.clock()
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            if not user.active:
                state = self.tr("Nonaktif")
            elif user.locked_until is not None and user.locked_until > now:
                state = self.tr("Terkunci sampai {time}").format(time=f"{user.locked_until:%H.%M}")
            else:
                state = self.tr("Aktif")
            last = format_datetime(user.last_login_at, i18n.current()) if user.last_login_at else "\u2013"
            for column, text in enumerate(
                (user.username, user.full_name, _role_label(user.role), state, last)
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.username)
                self.table.setItem(row, column, item)
            if selected is not None and user.username == selected.username:
                self.table.selectRow(row)
        self._update_buttons()
        self.loaded.emit(len(self.users))

    def select(self, username: str) -> None:
        for row, user in enumerate(self.users):
            if user.username == username:
                self.table.selectRow(row)
                return

    def current_user(self) -> User | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or not 0 <= rows[0].row() < len(self.users):
            return None
        return self.users[rows[0].row()]

    def _update_buttons(self) -> None:
        user = self.current_user()
        allowed = self._context.access.can(Permission.MANAGE_USERS)
        self.newButton.setEnabled(allowed)
        for button in (self.roleButton, self.activeButton, self.passwordButton):
            button.setEnabled(allowed and user is not None)
        locked = (
            user is not None and user.locked_until is not None and user.locked_until > self._context.clock()
        )
        self.unlockButton.setEnabled(allowed and locked)
        self.activeButton.setText(
            self.tr("&Aktifkan lagi") if user is not None and not user.active else self.tr("&Nonaktifkan")
        )

    # -- actions -----------------------------------------------------------------------------------------
    def new_user(self) -> UserFormDialog:
        dialog = UserFormDialog("create", self)
        users = self._context.users

        def save() -> None:
            name, full, role, password = (
                dialog.usernameEdit.text().strip(),
                dialog.fullNameEdit.text().strip(),
                dialog.role(),
                dialog.passwordEdit.text(),
            )
            self._run(
                lambda: users.create(name, full, role, password),
                self.tr("Pengguna {user} dibuat sebagai {role}.").format(
                    user=name.lower(), role=_role_label(role)
                ),
                select=name.lower(),
            )

        return self._open(dialog, save)

    def change_role(self) -> UserFormDialog | None:
        user = self.current_user()
        if user is None:
            return None
        dialog = UserFormDialog("role", self, user=user)
        users = self._context.users

        def save() -> None:
            role = dialog.role()
            if role is user.role:
                return
            self._run(
                lambda: users.set_role(user.username, role),
                self.tr("Peran {user} sekarang {role}.").format(user=user.username, role=_role_label(role)),
                select=user.username,
            )

        return self._open(dialog, save)

    def reset_password(self) -> UserFormDialog | None:
        user = self.current_user()
        if user is None:
            return None
        dialog = UserFormDialog("password", self, user=user)
        users = self._context.users

        def save() -> None:
            password = dialog.passwordEdit.text()
            self._run(
                lambda: users.reset_password(user.username, password),
                self.tr("Kata sandi {user} sudah diganti; akunnya juga tidak terkunci lagi.").format(
                    user=user.username
                ),
                select=user.username,
            )

        return self._open(dialog, save)

    def toggle_active(self, *, confirm: bool = True) -> None:
        user = self.current_user()
        if user is None:
            return
        users = self._context.users
        if user.active:
            if confirm:
                answer = QMessageBox.question(
                    self,
                    self.tr("Nonaktifkan pengguna"),
                    self.tr("{user} tidak bisa masuk lagi sampai diaktifkan kembali. Lanjutkan?").format(
                        user=user.username
                    ),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
            self._run(
                lambda: users.set_active(user.username, False),
                self.tr("{user} dinonaktifkan.").format(user=user.username),
                select=user.username,
            )
        else:
            self._run(
                lambda: users.set_active(user.username, True),
                self.tr("{user} aktif lagi.").format(user=user.username),
                select=user.username,
            )

    def unlock(self) -> None:
        user = self.current_user()
        if user is None:
            return
        users = self._context.users
        self._run(
            lambda: users.unlock(user.username),
            self.tr("Kunci akun {user} dibuka.").format(user=user.username),
            select=user.username,
        )

    def _open(self, dialog: UserFormDialog, save) -> UserFormDialog:  # type: ignore[no-untyped-def]
        self.form = dialog
        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def _run(self, work, message: str, *, select: str = "") -> None:  # type: ignore[no-untyped-def]
        self.messageLabel.setText(self.tr("Menyimpan\u2026"))

        def done(_result: object) -> None:
            self.messageLabel.setProperty("role", "hint")
            self.messageLabel.setText(message)
            self.refresh(after=lambda: self._changed(select, message))

        run_in_background(work, done, self._refused, owner=self)

    def _changed(self, select: str, message: str) -> None:
        if select:
            self.select(select)
        self.changed.emit(message)

    def _refused(self, exc: BaseException) -> None:
        text = _text(exc)
        self.messageLabel.setProperty("role", "error")
        self.messageLabel.setText(text)
        self.failed.emit(text)
