"""An operator in the window (issue 7): what only a verifier or administrator may do is not offered, and
the same act tried directly on the service is refused with nothing written (pytest-qt, offscreen, a real
AppContext over a SQLite file)."""

from __future__ import annotations

from datetime import date

import pytest

from jamsos_desktop.domain.nik import make_nik
from jamsos_desktop.domain.safety import Actor, Role
from jamsos_desktop.domain.worker import WorkerData
from jamsos_desktop.domain.worker_types import Sex, WorkerStatus
from jamsos_desktop.services.access import PermissionDenied

RIAS, TOBOALI = "19.03.01.2008", "19.03.01"


def _as(context, role: Role, name: str) -> None:  # type: ignore[no-untyped-def]
    context.access.become(Actor(name, role, user_id=7))
    context.user = lambda: name


def _statuses(dialog) -> list[str]:  # type: ignore[no-untyped-def]
    combo = dialog.ui.statusCombo
    return [combo.itemData(i) for i in range(combo.count())]


def test_an_operator_cannot_approve_a_registration(qtbot, styled_app, ui_context, add_worker) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.workers.form import WorkerFormDialog

    draft = add_worker("Munip")
    _as(ui_context, Role.OPERATOR, "budi")
    new = WorkerFormDialog(ui_context)
    qtbot.addWidget(new)
    assert _statuses(new) == ["draft"]  # a new record starts as a draft, nothing else offered
    edit = WorkerFormDialog(ui_context, draft.id)
    qtbot.addWidget(edit)
    offered = _statuses(edit)
    assert "draft" in offered and "verified" not in offered and "registered" not in offered
    before = ui_context.audit.count()
    born = date(1980, 5, 12)
    approved = WorkerData(
        name="Munip",
        sex=Sex.MALE,
        birth_date=born,
        village_code=RIAS,
        nik=draft.nik,
        status=WorkerStatus.VERIFIED,
    )
    with pytest.raises(PermissionDenied) as denied:
        ui_context.registry.update(draft.id, approved, expected_version=draft.version)
    assert "tidak berhak" in denied.value.message("id")
    with pytest.raises(PermissionDenied):
        ui_context.registry.register(
            WorkerData(
                name="Irman",
                sex=Sex.MALE,
                birth_date=born,
                village_code=RIAS,
                nik=make_nik(TOBOALI, born, Sex.MALE, 77),
                status=WorkerStatus.REGISTERED,
            )
        )
    assert ui_context.audit.count() == before and ui_context.registry.get(draft.id).status is WorkerStatus.DRAFT

    _as(ui_context, Role.VERIFIER, "vera")
    verifier = WorkerFormDialog(ui_context, draft.id)
    qtbot.addWidget(verifier)
    assert {"verified", "registered"} <= set(_statuses(verifier))


def test_the_programmes_page_leaves_an_operator_receipts_only(qtbot, styled_app, ui_context, add_worker) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.domain.programme import Funder, FunderKind, Month, ProgrammeData
    from jamsos_desktop.ui.programs.page import ProgramsPage

    workers = [add_worker("Munip"), add_worker("Irman"), add_worker("Suriono")]
    programme = ui_context.programmes.create(
        ProgrammeData(
            name="Pekerja Rentan 2026",
            funders=(Funder(name="APBD Kabupaten", kind=FunderKind.APBD_KABUPATEN),),
            start=Month.of(2026, 1),
            funded_months=6,
        )
    )
    ui_context.programmes.enrol(programme.id, worker_ids=[w.id for w in workers[:2]])
    paid = ui_context.payments.record_self_payment(
        programme.id, receipt="KW-1", first="2026-07", amount=16_800, worker_id=workers[0].id
    ).payment
    _as(ui_context, Role.OPERATOR, "budi")
    page = ProgramsPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.current_programme_id() == programme.id, timeout=5000)
    enabled = {
        b.objectName(): b.isEnabled()
        for b in (
            page.newButton,
            page.editButton,
            page.enrolButton,
            page.funderPayButton,
            page.selfPayButton,
            page.importButton,
            page.reverseButton,
        )
    }
    assert enabled == {
        "newProgramButton": False,
        "editProgramButton": False,
        "enrolButton": False,
        "funderPaymentButton": False,
        "selfPaymentButton": True,
        "importPaymentsButton": True,
        "reverseButton": False,
    }
    assert "verifikator" in page.enrolButton.toolTip()

    # The same acts straight on the services: refused, nothing written.
    before = ui_context.audit.count()
    for call in (
        lambda: ui_context.programmes.enrol(programme.id, worker_ids=[workers[2].id]),
        lambda: ui_context.payments.record_funder_payment(
            programme.id, invoice="INV-1", first="2026-01", amount=33_600
        ),
        lambda: ui_context.payments.reverse_self_payment(paid.id, "salah"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert ui_context.audit.count() == before
    assert ui_context.programmes.enrolled_count(programme.id) == 2
    assert ui_context.payments.funder_payments(programme.id) == []
    # A receipt is data entry: the operator may.
    ui_context.payments.record_self_payment(
        programme.id, receipt="KW-2", first="2026-07", amount=16_800, worker_id=workers[1].id
    )

    # Promoted to verifier in the same session, the buttons follow.
    _as(ui_context, Role.VERIFIER, "budi")
    assert page.enrolButton.isEnabled() and page.funderPayButton.isEnabled() and page.reverseButton.isEnabled()
