"""The ``jamsos`` command line (CONTRACT.md): parsing, dispatch, JSON output, exit codes.

Commands live in small modules (``commands_*.py``) that add their sub-parsers; this module only wires
them and turns errors into one sentence and an exit code: 0 done, 1 done with rejections, 2 bad usage
or input, 3 refused for integrity or security, 4 an unexpected internal error (logged).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from types import ModuleType
from typing import NoReturn

from jamsos_desktop import __version__
from jamsos_desktop.cli.base import ContextOpener, Result, Session, default_lang, emit_json, emit_lines
from jamsos_desktop.domain.errors import JamsosError, UsageError
from jamsos_desktop.domain.messages import render

log = logging.getLogger("jamsos.cli")
EXIT_INTERNAL = 4
PACKAGE_SUFFIX = ".jamsync"
#: The modules that add the sub-commands (``jamsos_desktop.cli.<name>``), imported when the parser is built.
COMMAND_MODULE_NAMES = (
    "commands_core", "commands_workers", "commands_programmes", "commands_cards", "commands_safety",
    "commands_reports", "commands_sync",
)  # fmt: skip
#: Commands whose module is known without building every sub-parser: ``selftest`` (and the other core
#: commands) start without importing what the other commands need (a test keeps this in step).
COMMAND_OWNERS = {"init": "commands_core", "selftest": "commands_core", "demo": "commands_core", "stats": "commands_core"}
#: Global options followed by a value (the command is the first other word).
_VALUE_OPTIONS = frozenset({"--db", "--data-dir", "--user", "--lang"})


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"jamsos_desktop.cli.{name}")



class _ArgumentError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing and exiting, so errors follow the JSON contract."""

    def error(self, message: str) -> NoReturn:
        raise _ArgumentError(message)


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", default=default, metavar="TARGET", help="SQLite file or SQLAlchemy URL")
    parser.add_argument("--data-dir", default=default, metavar="DIR", help="per-user data directory")
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="print exactly one JSON object on stdout",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="show tracebacks",
    )
    parser.add_argument(
        "--user",
        default=default,
        metavar="NAME",
        help="log in as NAME (password from JAMSOS_PASSWORD); needed when the office requires it",
    )
    parser.add_argument(
        "--lang",
        choices=["id", "en"],
        default=argparse.SUPPRESS if suppress else default_lang(),
        help="language of messages (default id, or JAMSOS_LANG)",
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or, for a ``command`` of :data:`COMMAND_OWNERS`, one with only its module's
    sub-commands (what parsing that command needs)."""
    parser = _Parser(
        prog="jamsos",
        description="JamSos Desktop: registry of pekerja rentan enrolled in BPJS Ketenagakerjaan. "
        "Without a command, the desktop application starts.",
    )
    parser.add_argument("--version", action="version", version=f"jamsos {__version__}")
    _global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = _Parser(add_help=False)
    _global_options(common, suppress=True)
    owner = COMMAND_OWNERS.get(command or "")
    for name in (owner,) if owner else COMMAND_MODULE_NAMES:
        command_module(name).register(sub, common)
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The sub-command named in ``argv`` (the first word that is neither an option nor its value)."""
    value_next = False
    for token in argv:
        if value_next:
            value_next = False
        elif token == "--":
            return None
        elif token.startswith("-"):
            value_next = token in _VALUE_OPTIONS
        else:
            return token
    return None


def _default_opener(**kwargs):  # type: ignore[no-untyped-def]
    from jamsos_desktop.app import open_context

    return open_context(**kwargs)


def run(argv: list[str], opener: ContextOpener | None = None) -> int:
    opener = opener or _default_opener
    parser = build_parser(_command_in(argv))
    wants_json = "--json" in argv
    lang = "en" if ("--lang" in argv and "en" in argv) else default_lang()
    # `jamsos FILE.jamsync` (how Windows opens a double-clicked sync package): start the GUI with it.
    package = _package_to_open(argv)
    if package is not None:
        argv = [a for a in argv if a is not package]
    try:
        args = parser.parse_args(argv)
    except _ArgumentError as exc:
        return _fail(UsageError("usage.argument", detail=exc.message), wants_json, lang, debug=False)
    except SystemExit as exc:  # --help / --version printed and asked to stop
        return int(exc.code or 0)

    if args.command is None:
        from jamsos_desktop.cli.gui import start_gui

        args.open_file = package
        return start_gui(args, opener)

    from jamsos_desktop import startup
    from jamsos_desktop.app import setup_logging
    from jamsos_desktop.paths import resolve

    if args.command != "selftest":
        startup.started()  # a command's own work runs with the garbage collector (selftest: after its first paint)
    data_dir, _ = resolve(args.data_dir, args.db)
    setup_logging(data_dir, verbose=args.debug)
    session = Session(args, opener)
    try:
        result: Result = args.handler(args, session)
    except JamsosError as exc:
        return _fail(exc, args.json, args.lang, debug=args.debug)
    except KeyboardInterrupt:
        return _fail(UsageError("usage.interrupted"), args.json, args.lang, debug=False, code=130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one sentence, traceback in the log
        log.exception("unexpected error in %s", args.command)
        if args.debug:
            raise
        error = JamsosError("internal", detail=f"{type(exc).__name__}: {exc}")
        return _fail(error, args.json, args.lang, debug=False, code=EXIT_INTERNAL)
    finally:
        session.close()
    if args.json:
        emit_json(result.data)
    else:
        emit_lines(result.lines)
    if result.open_gui and result.exit_code == 0:
        from jamsos_desktop.cli.gui import start_gui

        return start_gui(args, opener)
    return result.exit_code


def _package_to_open(argv: list[str]) -> str | None:
    """The ``.jamsync`` file given in place of a command (``jamsos [options] FILE.jamsync``), if any."""
    takes_value = {"--db", "--data-dir", "--lang", "--user"}
    skip = False
    for arg in argv:
        if skip or arg in takes_value:
            skip = not skip
            continue
        if arg.startswith("-"):
            continue
        return arg if arg.lower().endswith(PACKAGE_SUFFIX) else None
    return None


def _fail(exc: JamsosError, as_json: bool, lang: str, *, debug: bool, code: int | None = None) -> int:
    if debug:
        log.error("error %s", exc.code, exc_info=exc)
    message = exc.message(lang)
    if as_json:
        emit_json(
            {"error": {"code": exc.code, "message": message, "message_en": exc.message("en"), **_params(exc)}}
        )
    else:
        sys.stderr.write(f"jamsos: {message}\n")
    return exc.exit_code if code is None else code


def _params(exc: JamsosError) -> dict[str, object]:
    extra: dict[str, object] = {}
    findings = getattr(exc, "findings", None)
    if findings:
        extra["findings"] = [
            {"field": f.field, "code": f.code, "message": f.message("id")} for f in findings
        ]
    existing = getattr(exc, "existing_id", None)
    if existing is not None:
        extra["existing_id"] = existing
    return extra


__all__ = ["build_parser", "render", "run"]
