"""Data safety in the desktop application (pytest-qt, offscreen, a real AppContext): login dialog,
idle lock, audit viewer, NIK masking for operators, the Keamanan data menu."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from jamsos_desktop.domain.safety import Actor, Role


@pytest.fixture
def accounts(ui_context):  # type: ignore[no-untyped-def]
    ui_context.users.create_first_administrator("admin", "Ibu Admin", "kata-sandi-admin")
    ui_context.users.create("sari", "Sari", Role.OPERATOR, "kata-sandi-sari")
    return ui_context


def test_login_dialog_logs_in_and_says_why_when_refused(qtbot, styled_app, accounts) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.safety.login import LoginDialog

    dialog = LoginDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.usernameEdit, "sari")
    qtbot.keyClicks(dialog.passwordEdit, "salah-sekali")
    with qtbot.waitSignal(dialog.failed, timeout=5000) as failed:
        qtbot.mouseClick(dialog.loginButton, Qt.MouseButton.LeftButton)
    assert failed.args == ["auth.failed"]
    assert "salah" in dialog.errorLabel.text() and dialog.passwordEdit.text() == ""
    qtbot.keyClicks(dialog.passwordEdit, "kata-sandi-sari")
    with qtbot.waitSignal(dialog.loggedIn, timeout=5000) as logged:
        qtbot.mouseClick(dialog.loginButton, Qt.MouseButton.LeftButton)
    assert logged.args == ["sari"]
    assert accounts.access.actor.role is Role.OPERATOR and accounts.access.logged_in


def test_lockout_is_shown_in_the_dialog(qtbot, styled_app, accounts) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.safety.login import LoginDialog

    accounts.clock = lambda: datetime(2026, 11, 24, 9, 0)
    dialog = LoginDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.usernameEdit.setText("sari")
    codes = []
    for _ in range(6):
        dialog.passwordEdit.setText("salah-sekali")
        with qtbot.waitSignal(dialog.failed, timeout=5000) as failed:
            dialog.try_login()
        codes.append(failed.args[0])
    assert codes[:5] == ["auth.failed"] * 5 and codes[5] == "auth.locked"
    assert "09.05" in dialog.errorLabel.text()


def test_the_idle_watcher_fires_without_input(qtbot, styled_app) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.safety.login import IdleWatcher

    watcher = IdleWatcher(80)
    with qtbot.waitSignal(watcher.idle, timeout=3000):
        pass
    assert watcher.paused
    watcher.resume()
    assert not watcher.paused


def test_idle_lock_hides_the_window_until_the_password(qtbot, styled_app, accounts) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.main_window import MainWindow

    accounts.users.login("admin", "kata-sandi-admin")
    window = MainWindow(accounts, remember_state=False)
    qtbot.addWidget(window)
    window.show()
    window.safety.start_idle_lock(1)
    window.safety.idle.timeout_ms = 60  # a minute is too long for a test; the watcher checks often
    window.safety.idle._timer.setInterval(20)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    dialog = window.findChild(object, "lockDialog")
    assert dialog is not None and dialog.usernameEdit.text() == "admin"
    dialog.passwordEdit.setText("kata-sandi-admin")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.try_login()
    assert window.isVisible() and not window.safety.idle.paused


def test_audit_viewer_filters_and_masks_for_operators(qtbot, styled_app, accounts, add_worker) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.safety.audit import AuditDialog

    worker = add_worker("Munip")
    accounts.access.become(Actor("sari", Role.OPERATOR, user_id=2))
    dialog = AuditDialog(accounts)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.verified, timeout=5000) as verified:
        dialog.show()
    assert verified.args == [True] and "utuh" in dialog.chainLabel.text()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=5000)
    dialog.entityCombo.setCurrentIndex(dialog.entityCombo.findData("worker"))
    with qtbot.waitSignal(dialog.loaded, timeout=5000) as loaded:
        dialog.refresh()
    assert loaded.args == [1] and dialog.table.item(0, 3).text() == "register"
    dialog.table.setCurrentCell(0, 0)
    text = dialog.detail.toPlainText()
    assert "Munip" in text and worker.nik not in text and worker.nik[-4:] in text
    dialog.entityCombo.setCurrentIndex(dialog.entityCombo.findData("user"))
    dialog.dateCheck.setChecked(True)
    with qtbot.waitSignal(dialog.loaded, timeout=5000) as loaded:
        dialog.refresh()
    assert loaded.args[0] >= 2 and all(
        dialog.table.item(r, 4).text() == "user" for r in range(loaded.args[0])
    )


def test_operators_see_masked_niks_in_the_worker_list(qtbot, styled_app, ui_context, add_worker) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.workers.page import WorkersPage

    worker = add_worker("Munip")
    ui_context.access.become(Actor("sari", Role.OPERATOR, user_id=2))
    page = WorkersPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.busy, timeout=5000)
    column = [c[0] for c in page.model.COLUMNS].index("nik")
    qtbot.waitUntil(lambda: page.model.index(0, column).data() not in (None, ""), timeout=5000)
    shown = page.model.index(0, column).data()
    assert shown != worker.nik and shown.startswith(worker.nik[:6]) and shown.endswith(worker.nik[-4:])


def test_the_menu_follows_the_role_and_backs_up_in_the_background(qtbot, styled_app, accounts) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.main_window import MainWindow

    window = MainWindow(accounts, remember_state=False)
    qtbot.addWidget(window)
    actions = window.safety.actions
    assert actions["restoreAction"].isVisible() and not actions["lockAction"].isVisible()
    accounts.users.login("sari", "kata-sandi-sari")
    assert not actions["restoreAction"].isVisible() and not actions["privacyExportAction"].isVisible()
    assert actions["lockAction"].isVisible()
    with qtbot.waitSignal(window.safety.finished, timeout=10_000) as done:
        actions["backupAction"].trigger()
    assert done.args == ["backup", True]
    assert accounts.backups.list()
    with qtbot.waitSignal(window.safety.finished, timeout=10_000) as daily:
        window.safety.daily_backup()
    assert daily.args == ["daily", True]
