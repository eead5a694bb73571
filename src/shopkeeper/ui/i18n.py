"""Installing the interface language.

English is written in the source; Simplified Chinese comes from
resources/i18n/shopkeeper_zh_CN.qm, compiled from the .ts kept in the repo.
Qt's own strings (standard buttons) come from Qt's translations when present.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from shopkeeper.runtime.resources import translations_dir

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}


def system_language() -> str:
    for name in QLocale.system().uiLanguages():
        if name.lower().startswith("zh"):
            return "zh_CN"
    return "en"


def normalise_language(code: str | None) -> str:
    if not code:
        return system_language()
    code = code.replace("-", "_")
    if code.lower().startswith("zh"):
        return "zh_CN"
    return "en"


class Translations:
    """Holds the installed translators so they live as long as the app."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, app: QCoreApplication, language: str) -> bool:
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        if language == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            # English needs a file only for plural forms ("1 SKU", "115 SKUs", not "115 SKU(s)").
            plurals = QTranslator(app)
            if plurals.load(str(translations_dir() / "shopkeeper_en.qm")):
                app.installTranslator(plurals)
                self._installed.append(plurals)
            else:
                log.warning("English plural forms not found; counts read 'SKU(s)'")
            return True
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        ours = QTranslator(app)
        qm = translations_dir() / f"shopkeeper_{language}.qm"
        if not ours.load(str(qm)):
            log.warning("translation %s not found; staying in English", qm)
            self.language = "en"
            return False
        app.installTranslator(ours)
        self._installed.append(ours)
        qt_base = QTranslator(app)
        if qt_base.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_base)
            self._installed.append(qt_base)
        return True
