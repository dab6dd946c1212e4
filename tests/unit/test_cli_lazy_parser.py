"""The command line builds only the sub-parsers a core command needs (selftest starts faster), and the
map of those commands stays in step with what the modules register."""

from __future__ import annotations

import argparse
import subprocess
import sys

from jamsos_desktop.cli.main import (
    COMMAND_MODULE_NAMES,
    COMMAND_OWNERS,
    _command_in,
    build_parser,
    command_module,
)


def _commands(parser) -> set[str]:  # type: ignore[no-untyped-def]
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return set(sub.choices)


def _registered_by(name: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    command_module(name).register(sub, argparse.ArgumentParser(add_help=False))
    return set(sub.choices)


def test_owners_are_the_modules_that_register_the_commands() -> None:
    full = _commands(build_parser())
    for command, owner in COMMAND_OWNERS.items():
        assert command in full and command in _registered_by(owner)
        assert _commands(build_parser(command)) == _registered_by(owner) < full
        others = [name for name in COMMAND_MODULE_NAMES if name != owner]
        assert not any(command in _registered_by(name) for name in others)


def test_the_command_is_found_after_global_options() -> None:
    assert _command_in(["--data-dir", "/tmp/x", "--json", "selftest"]) == "selftest"
    assert _command_in(["--lang", "en", "--db", "demo", "stats"]) == "stats"
    assert _command_in(["--json"]) is None
    assert _command_in(["--", "selftest"]) is None
    assert _command_in(["workers", "list"]) == "workers"


def test_selftest_parsing_imports_no_other_command_module() -> None:
    code = (
        "import sys; from jamsos_desktop.cli.main import build_parser; "
        "build_parser('selftest').parse_args(['selftest']); "
        "print(sorted(m for m in sys.modules if m.startswith('jamsos_desktop.cli.commands_')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['jamsos_desktop.cli.commands_core']"
