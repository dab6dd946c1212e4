"""User management (``usersDialog``) driven as an administrator would (pytest-qt, offscreen, a real
AppContext over a SQLite file), and refused to an operator through the window and the services."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from jamsos_desktop.domain.safety import AuditQuery, Role
from jamsos_desktop.services.access import PermissionDenied


@pytest.fixture
def admin(ui_context):  # type: ignore[no-untyped-def]
    ui_context.clock = lambda: datetime(2026, 11, 24, 9, 0)
    ui_context.users.create_first_administrator("admin", "Ibu Admin", "kata-sandi-admin")
    ui_context.users.login("admin", "kata-sandi-admin")
    return ui_context


def _window(qtbot, context):  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.main_window import MainWindow

    window = MainWindow(context, remember_state=False)
    qtbot.addWidget(window)
    window.show()
    return window


def _open_users(qtbot, window):  # type: ignore[no-untyped-def]
    action = window.safety.actions["usersAction"]
    assert action.isVisible() and action.isEnabled()
    action.trigger()
    dialog = window.findChild(object, "usersDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.users) > 0, timeout=5000)
    return dialog


def _row(dialog, username: str) -> list[str]:  # type: ignore[no-untyped-def]
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 0).text() == username:
            return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]
    raise AssertionError(f"{username} not listed")


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _fill_and_save(qtbot, dialog, form, **fields: str) -> None:  # type: ignore[no-untyped-def]
    for name, text in fields.items():
        edit = getattr(form, name)
        edit.clear()
        qtbot.keyClicks(edit, text)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        _click(qtbot, form.okButton)


def test_an_administrator_creates_changes_and_unlocks_users(qtbot, styled_app, admin) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, admin)
    dialog = _open_users(qtbot, window)
    assert _row(dialog, "admin")[:4] == ["admin", "Ibu Admin", "Administrator", "Aktif"]
    assert _row(dialog, "admin")[4] != "\u2013"  # the login just made

    # A new operator: the form refuses a weak password and two different ones before anything is sent.
    _click(qtbot, dialog.newButton)
    form = dialog.form
    assert form is not None and form.objectName() == "userFormDialog"
    qtbot.keyClicks(form.usernameEdit, "Sari")
    qtbot.keyClicks(form.fullNameEdit, "Sari Wulandari")
    form.roleCombo.setCurrentIndex(form.roleCombo.findData(Role.OPERATOR.value))
    qtbot.keyClicks(form.passwordEdit, "pendek")
    qtbot.keyClicks(form.confirmEdit, "pendek")
    _click(qtbot, form.okButton)
    assert form.isVisible() and "8" in form.errorLabel.text()
    for edit, text in ((form.passwordEdit, "kata-sandi-sari"), (form.confirmEdit, "kata-sandi-lain")):
        edit.clear()
        qtbot.keyClicks(edit, text)
    _click(qtbot, form.okButton)
    assert form.isVisible() and "tidak sama" in form.errorLabel.text()
    assert [u.username for u in admin.users.list()] == ["admin"]  # nothing sent yet
    _fill_and_save(qtbot, dialog, form, passwordEdit="kata-sandi-sari", confirmEdit="kata-sandi-sari")
    assert not form.isVisible()
    assert _row(dialog, "sari")[:4] == ["sari", "Sari Wulandari", "Operator", "Aktif"]
    assert _row(dialog, "sari")[4] == "\u2013"  # never logged in
    assert admin.users.authenticate("sari", "kata-sandi-sari").role is Role.OPERATOR

    # Promote her to verifier.
    dialog.select("sari")
    _click(qtbot, dialog.roleButton)
    form = dialog.form
    assert form.objectName() == "roleDialog" and not form.passwordEdit.isVisibleTo(form)
    form.roleCombo.setCurrentIndex(form.roleCombo.findData(Role.VERIFIER.value))
    _fill_and_save(qtbot, dialog, form)
    assert _row(dialog, "sari")[2] == "Verifikator"
    assert admin.users.get("sari").role is Role.VERIFIER

    # Five wrong passwords lock her out; the dialog shows it and the administrator unlocks her.
    for _ in range(5):
        with pytest.raises(Exception):  # noqa: B017 - wrong password, then the lock
            admin.users.authenticate("sari", "salah-salah")
    dialog.refresh()
    qtbot.waitUntil(lambda: _row(dialog, "sari")[3].startswith("Terkunci"), timeout=5000)
    dialog.select("sari")
    assert dialog.unlockButton.isEnabled()
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        _click(qtbot, dialog.unlockButton)
    assert _row(dialog, "sari")[3] == "Aktif" and not dialog.unlockButton.isEnabled()
    assert admin.users.authenticate("sari", "kata-sandi-sari").role is Role.VERIFIER

    # A new password for her (typed twice).
    dialog.select("sari")
    _click(qtbot, dialog.passwordButton)
    form = dialog.form
    assert form.objectName() == "passwordDialog" and not form.usernameEdit.isVisibleTo(form)
    _fill_and_save(qtbot, dialog, form, passwordEdit="sandi-baru-sari", confirmEdit="sandi-baru-sari")
    assert admin.users.authenticate("sari", "sandi-baru-sari").username == "sari"

    # Deactivate, then reactivate.
    dialog.select("sari")
    assert dialog.activeButton.text().replace("&", "") == "Nonaktifkan"
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.toggle_active(confirm=False)
    assert _row(dialog, "sari")[3] == "Nonaktif"
    assert dialog.activeButton.text().replace("&", "") == "Aktifkan lagi"
    with pytest.raises(Exception):  # noqa: B017 - an inactive account cannot log in
        admin.users.authenticate("sari", "sandi-baru-sari")
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        _click(qtbot, dialog.activeButton)
    assert _row(dialog, "sari")[3] == "Aktif"

    # Every action is in the audit trail, by the administrator, and the chain holds.
    actions = [e.action for e in admin.audit.search(AuditQuery(entity="user", actor="admin"))]
    for expected in ("create", "set_role", "unlock", "reset_password", "deactivate", "activate"):
        assert expected in actions, (expected, actions)
    role_change = next(e for e in admin.audit.search(AuditQuery(entity="user")) if e.action == "set_role")
    assert role_change.old_values()["role"] == "operator" and role_change.new_values() == {"role": "verifier"}
    assert admin.audit.verify()[1] == []


def test_the_last_administrator_cannot_be_demoted_or_deactivated(qtbot, styled_app, admin) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, admin)
    dialog = _open_users(qtbot, window)
    dialog.select("admin")
    _click(qtbot, dialog.roleButton)
    form = dialog.form
    form.roleCombo.setCurrentIndex(form.roleCombo.findData(Role.OPERATOR.value))
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        _click(qtbot, form.okButton)
    assert "administrator" in failed.args[0].lower()
    assert dialog.messageLabel.text() == failed.args[0]
    dialog.select("admin")
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.toggle_active(confirm=False)
    assert admin.users.get("admin").role is Role.ADMINISTRATOR and admin.users.get("admin").active
    assert _row(dialog, "admin")[2:4] == ["Administrator", "Aktif"]
    # With a second administrator, the first may step down.
    admin.users.create("budi", "Budi", Role.ADMINISTRATOR, "kata-sandi-budi")
    assert admin.users.set_role("admin", Role.VERIFIER).role is Role.VERIFIER


def test_an_operator_cannot_open_user_management_nor_use_the_service(qtbot, styled_app, admin) -> None:  # type: ignore[no-untyped-def]
    admin.users.create("sari", "Sari", Role.OPERATOR, "kata-sandi-sari")
    admin.users.login("sari", "kata-sandi-sari")
    window = _window(qtbot, admin)
    assert not window.safety.actions["usersAction"].isVisible()
    assert window.safety.show_users() is None  # even when reached another way
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "safetyError") is not None, timeout=3000)
    assert "tidak berhak" in window.findChild(QMessageBox, "safetyError").text()
    assert window.findChild(object, "usersDialog") is None
    before = admin.audit.count()
    for call in (
        lambda: admin.users.create("joko", "Joko", Role.ADMINISTRATOR, "kata-sandi-joko"),
        lambda: admin.users.set_role("sari", Role.ADMINISTRATOR),
        lambda: admin.users.reset_password("admin", "kata-sandi-baru"),
        lambda: admin.users.set_active("admin", False),
        lambda: admin.users.unlock("admin"),
    ):
        with pytest.raises(PermissionDenied) as denied:
            call()
        assert denied.value.exit_code == 3 and "tidak berhak" in denied.value.message("id")
    assert admin.audit.count() == before  # nothing written
    assert admin.users.get("sari").role is Role.OPERATOR and admin.users.get("admin").active


def test_a_users_dialog_opened_for_an_operator_offers_nothing(qtbot, styled_app, admin) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.safety.users import UsersDialog

    admin.users.create("sari", "Sari", Role.OPERATOR, "kata-sandi-sari")
    admin.users.login("sari", "kata-sandi-sari")
    dialog = UsersDialog(admin)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.users) == 2, timeout=5000)
    dialog.select("admin")
    for button in (dialog.newButton, dialog.roleButton, dialog.activeButton, dialog.passwordButton):
        assert not button.isEnabled(), button.objectName()
