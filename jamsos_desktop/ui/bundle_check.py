"""What a complete installation must contain, checked by ``selftest`` so a broken bundle fails CI.

The selftest shows every page, but features import some libraries only when used (spreadsheets, PDF
cards and their QR codes, schema upgrades); PyInstaller cannot see all of those, so they are imported
here by name. Resource files are looked up where the running copy finds them (package, source tree or
the bundle's folder).
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QTranslator

from jamsos_desktop.resources_path import resource_path
from jamsos_desktop.ui.icons import NAMES

#: Imported lazily by features; a bundle without one of them would fail only when a clerk needs it.
LAZY_MODULES = (
    "openpyxl",
    "openpyxl.worksheet.datavalidation",
    "defusedxml",
    "reportlab.pdfgen.canvas",
    "reportlab.graphics.barcode.qr",
    "reportlab.graphics.barcode.code128",
    "reportlab.platypus",
    "lxml.etree",
    "cryptography.hazmat.primitives.asymmetric.ed25519",
    "cryptography.hazmat.primitives.ciphers.aead",
    "zxingcpp",
    "segno",
    "argon2",
    "alembic.command",
    "alembic.runtime.migration",
    # An office server: importing psycopg loads libpq (from psycopg_binary), or fails here.
    "psycopg",
    "sqlalchemy.dialects.postgresql.psycopg",
    "alembic.ddl.postgresql",
    "jamsos_desktop.services.excel_import",
    "jamsos_desktop.services.excel_export",
    "jamsos_desktop.services.demo",
    "jamsos_desktop.services.card_pdf",
    "jamsos_desktop.services.report_pdf",
    "jamsos_desktop.services.report_xlsx",
    "jamsos_desktop.services.users",
    "jamsos_desktop.services.backup",
    "jamsos_desktop.services.sync",
    "PySide6.QtSvg",
    "PySide6.QtPrintSupport",
)

REQUIRED_RESOURCES = (
    "styles/app.qss",
    "regions/wilayah_kemendagri_2025.tsv.gz",
    "regions/NOTICE-wilayah.md",
    "translations/jamsos_en.qm",
    "translations/qtbase_id.qm",
    "help/bantuan.html",
    "postgres/1-create-database.sql",  # the office server's set-up (README: "Office server")
    "postgres/3-grant-desktops.sql",
    "icons/jamsos.png",
    "icons/jamsos.svg",
    "icons/LICENSE-icons.txt",
    *(f"icons/{name}.svg" for name in NAMES),
)


def missing() -> list[str]:
    """Modules that cannot be imported and resource files that are absent (empty: complete)."""
    problems: list[str] = []
    for module in LAZY_MODULES:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            problems.append(f"module {module}: {exc}")
    for name in REQUIRED_RESOURCES:
        path = resource_path(name)
        if not path.is_file():
            problems.append(f"resource {name}")
        elif path.suffix == ".qm" and not QTranslator().load(str(path)):
            problems.append(f"translation {name} cannot be loaded")
    return problems


class IncompleteInstallation(RuntimeError):
    """Raised by ``selftest`` when :func:`missing` finds something."""


def ensure_complete() -> None:
    problems = missing()
    if problems:
        raise IncompleteInstallation("incomplete installation: " + "; ".join(problems))
