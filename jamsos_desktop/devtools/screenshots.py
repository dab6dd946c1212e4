"""Screenshots of the whole application at a laptop's 1366 × 768, in one language, for review.

    QT_QPA_PLATFORM=offscreen python -m jamsos_desktop.devtools.screenshots --lang en --out shots/en
    QT_SCALE_FACTOR=1.5 ... --out shots/en-150       # high-DPI check

Builds a demo database in a temporary folder, then saves the main window on every page, the worker
form, the first-run wizard's pages, the guide and the About box. Look at them for clipped or
untranslated text.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

WIDTH, HEIGHT = 1366, 768


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    parser.add_argument("--workers", type=int, default=400)
    args = parser.parse_args(argv)
    os.environ["JAMSOS_LANG"] = args.lang
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="jamsos-shots-config-")

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QWizard

    from jamsos_desktop.app import open_context
    from jamsos_desktop.services.cards_demo import seed_demo_handover
    from jamsos_desktop.services.demo import generate_demo
    from jamsos_desktop.services.programme_demo import seed_demo_programme
    from jamsos_desktop.ui.app import SAMPLE_NIK, application
    from jamsos_desktop.ui.first_run import FirstRunWizard
    from jamsos_desktop.ui.help import HelpDialog, about_box
    from jamsos_desktop.ui.main_window import MainWindow

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    context = open_context(data_dir=Path(tempfile.mkdtemp(prefix="jamsos-shots-")))
    now = datetime(2025, 11, 24, 9, 0)
    context.clock = lambda: now  # the pages' "this month" agrees with the demo's payments
    generate_demo(
        context.unit_of_work,
        context.region_table(),
        context.regency(),
        workers=args.workers,
        seed=2025,
        now=now,
        user="petugas",
    )
    # A programme with its payments and the launch's handover, so the calendar, cards, programme and
    # dashboard pages show the texts a clerk reads (statuses, months, legends), not empty frames.
    seed_demo_programme(context.unit_of_work, now=now, seed=2025)
    seed_demo_handover(context.unit_of_work, now=now)
    app = application()

    def settle(rounds: int = 6) -> None:
        for _ in range(rounds):
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    window = MainWindow(context, remember_state=False)
    window.resize(WIDTH, HEIGHT)
    window.show()
    settle(20)
    saved: list[str] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        settle()
        widget.grab().save(str(out / f"{name}.png"))
        saved.append(name)

    for page in window.pages():
        window.show_page(page.objectName())
        settle(40)  # pages load in the background
        save(window, page.objectName())
    window.show_page("workersPage")
    form = window.workersPage.add_worker()
    form.ui.nikEdit.setText(SAMPLE_NIK)
    save(form, "workerForm")
    form.reject()

    wizard = FirstRunWizard(context, window)
    wizard.show()
    wizard.administratorPage.nameEdit.setText("Hj. Siti Ma'rifah")
    index = 0
    while True:
        save(wizard, f"firstRun{index}-{wizard.currentPage().objectName()}")
        if wizard.currentPage() is wizard.programmePage:
            wizard.programmePage.createCheck.setChecked(True)
            save(wizard, f"firstRun{index}-{wizard.currentPage().objectName()}-filled")
        if wizard.currentId() == max(wizard.pageIds()):
            break
        wizard.next()
        index += 1
    wizard.button(QWizard.WizardButton.CancelButton).click()

    help_dialog = HelpDialog(window)
    help_dialog.show()
    save(help_dialog, "help")
    help_dialog.close()
    box = about_box(window)
    save(box, "about")
    box.close()
    window.close()
    context.close()
    print("\n".join(str(out / f"{name}.png") for name in saved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
