"""`jamsos FILE.jamsync` (a double-clicked sync package) starts the GUI with the file; commands keep theirs."""

from __future__ import annotations

from jamsos_desktop.cli.main import _package_to_open


def test_a_package_in_place_of_a_command_is_opened() -> None:
    assert (
        _package_to_open([r"C:\Users\ani\Downloads\desa-rias.jamsync"])
        == r"C:\Users\ani\Downloads\desa-rias.jamsync"
    )
    assert _package_to_open(["--data-dir", "D:/data", "paket.JAMSYNC"]) == "paket.JAMSYNC"


def test_commands_and_option_values_are_left_alone() -> None:
    assert _package_to_open(["sync", "import", "paket.jamsync"]) is None
    assert _package_to_open(["--db", "x.jamsync", "stats"]) is None
    assert _package_to_open(["selftest"]) is None
    assert _package_to_open([]) is None
