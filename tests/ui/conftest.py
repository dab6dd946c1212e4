"""pytest-qt fixtures: a real AppContext on a temporary SQLite file and the pages built over it.

Qt runs headless; window state goes to a temporary folder so tests never touch the user's settings.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings (window geometry) writes under XDG_CONFIG_HOME on Linux: keep it out of the real home.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="jamsos-ui-tests-")

from collections.abc import Callable, Iterator  # noqa: E402
from datetime import date, datetime  # noqa: E402
from itertools import count  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from jamsos_desktop.domain.nik import make_nik  # noqa: E402
from jamsos_desktop.domain.worker import Worker, WorkerData  # noqa: E402
from jamsos_desktop.domain.worker_types import Sex  # noqa: E402

TOBOALI = "19.03.01"
RIAS = "19.03.01.2008"


@pytest.fixture
def ui_context(tmp_path: Path) -> Iterator[object]:
    """An AppContext over a fresh SQLite file (regency 19.03), clock fixed at 24 Nov 2026."""
    from jamsos_desktop.app import open_context

    ctx = open_context(data_dir=tmp_path / "data")
    ctx.clock = lambda: datetime(2026, 11, 24, 9, 0)
    ctx.user = lambda: "petugas.uji"
    yield ctx
    ctx.close()


@pytest.fixture
def styled_app(qapp):  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.app import application

    return application()


@pytest.fixture
def add_worker(ui_context) -> Callable[..., Worker]:  # type: ignore[no-untyped-def]
    """Register a worker through the registry (as the form would) and return him."""
    serials = count(1)

    def add(
        name: str = "Munip",
        *,
        born: date = date(1980, 5, 12),
        sex: Sex = Sex.MALE,
        village: str = RIAS,
        district: str = TOBOALI,
        nik: str | None = None,
        **fields: object,
    ) -> Worker:
        nik = nik or make_nik(district, born, sex, next(serials))
        data = WorkerData(name=name, sex=sex, birth_date=born, village_code=village, nik=nik, **fields)  # type: ignore[arg-type]
        return ui_context.registry.register(data).worker

    return add


@pytest.fixture
def page(qtbot, styled_app, ui_context):  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.workers.page import WorkersPage

    widget = WorkersPage(ui_context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.model.busy)  # the first list query runs in the background
    return widget
