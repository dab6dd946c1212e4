"""A .jamsync file handed over by Windows goes to the sync page, or the clerk is told why not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QWidget

from jamsos_desktop.ui.packages import open_package_file


class _SyncPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("syncPage")
        self.imported: list[Path] = []

    def import_file(self, path: Path) -> None:
        self.imported.append(path)


class _Window(QMainWindow):
    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page

    def show_page(self, name: str) -> QWidget:
        if name != self.page.objectName():
            raise KeyError(name)
        return self.page


def test_the_sync_page_imports_the_package(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    package = tmp_path / "desa-rias.jamsync"
    package.write_bytes(b"x")
    page = _SyncPage()
    window = _Window(page)
    qtbot.addWidget(window)
    assert open_package_file(window, package) is None
    assert page.imported == [package]


def test_without_a_sync_page_the_clerk_is_told(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    package = tmp_path / "desa-rias.jamsync"
    package.write_bytes(b"x")
    placeholder = QWidget()
    placeholder.setObjectName("syncPage")
    window = _Window(placeholder)
    qtbot.addWidget(window)
    box = open_package_file(window, package)
    assert box is not None and "desa-rias.jamsync" in box.text()
    box.close()
    missing = open_package_file(window, tmp_path / "gone.jamsync")
    assert missing is not None and "gone.jamsync" in missing.text()
    missing.close()
