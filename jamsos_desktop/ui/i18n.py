"""The application's language: Bahasa Indonesia by default, English selectable.

The clerk's choice is a user preference kept in QSettings (``JamSos/preferences``, apart from window
state and from the office settings in the database); ``JAMSOS_LANG`` overrides it (screenshots, tests).
The source strings are Indonesian, so Indonesian needs no translation file for our own strings;
``resources/translations/jamsos_en.qm`` carries English, and ``qtbase_id.qm`` gives Qt's own buttons
(OK, Batal, Lanjut >) Indonesian words, which Qt itself does not ship.
A change of language applies when JamSos is next started: the pages build their texts once.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from jamsos_desktop.domain.formatting import set_default_language
from jamsos_desktop.resources_path import resource_path

log = logging.getLogger(__name__)

DEFAULT = "id"
#: Language code -> its own name (shown in its own language, so a clerk can always find his).
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
#: Translation files per language, under resources/translations.
QM_FILES = {"id": ("qtbase_id.qm",), "en": ("jamsos_en.qm",)}

_translators: list[QTranslator] = []
_active = DEFAULT


def preferences() -> QSettings:
    """User preferences (language); window geometry lives in ``JamSos/window``."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "JamSos", "preferences")


def _normalise(value: object) -> str | None:
    text = str(value or "").strip().lower()
    if text.startswith("en"):
        return "en"
    if text.startswith(("id", "in")):
        return "id"
    return None


def chosen_language() -> str:
    """``JAMSOS_LANG``, else the stored preference, else Bahasa Indonesia."""
    return _normalise(os.environ.get("JAMSOS_LANG")) or _normalise(preferences().value("language")) or DEFAULT


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    settings = preferences()
    settings.setValue("language", lang)
    settings.sync()


def current() -> str:
    """The language the running application speaks (``"id"`` or ``"en"``), for formatting.py's ``lang``."""
    return _active


def install(app: QCoreApplication, lang: str | None = None) -> str:
    """Load the translations of ``lang`` (default: :func:`chosen_language`) into ``app``. Idempotent."""
    global _active
    lang = lang or chosen_language()
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    for name in QM_FILES[lang]:
        path = resource_path(f"translations/{name}")
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            log.warning("translation %s could not be loaded", path)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English))
    set_default_language(lang)  # numbers, money and dates on every page follow the language
    _active = lang
    return lang


def language_menu(parent: QWidget) -> QMenu:
    """The *Bahasa / Language* menu: one checkable entry per language; the choice applies on restart."""
    menu = QMenu(QCoreApplication.translate("LanguageMenu", "&Bahasa / Language"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    chosen = chosen_language()
    for code, name in LANGUAGES.items():
        action = QAction(name, menu)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: _choose(parent, str(action.data())))
    return menu


def _choose(parent: QWidget, lang: str) -> None:
    if lang == chosen_language():
        return
    set_language(lang)
    # Said in both languages: the clerk may not read the one he is leaving.
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "JamSos",
        "Bahasa akan berganti setelah JamSos ditutup dan dibuka lagi.\n"
        "The language will change the next time JamSos starts.",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("languageChangedBox")
    box.open()


def enum_label(value: object) -> str:
    """A domain enum's label in the running language (``label`` is Indonesian, ``label_en`` English)."""
    if _active == "en":
        english = getattr(value, "label_en", None)
        if isinstance(english, str):
            return english
    return str(getattr(value, "label", value))
