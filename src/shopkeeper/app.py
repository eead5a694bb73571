"""The composition root: builds every object the window needs and hands them in.

Nothing else creates services or reaches for globals: paths, the clock, the
DB worker, translations and window state are made here once and passed down
as constructor arguments.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from shopkeeper import __version__
from shopkeeper.db.database import Database
from shopkeeper.db.shop_backups import BackupInfo
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.errors import DamagedShopFileError, KnownError, ShopWriteFailed
from shopkeeper.domain.messages import Message
from shopkeeper.runtime.clock import Clock, SystemClock
from shopkeeper.runtime.paths import AppPaths
from shopkeeper.runtime.recent_shops import RecentShops, recent_shops_for, shop_to_open
from shopkeeper.runtime.resources import app_icon_path
from shopkeeper.runtime.work_folders import remove_stale_work_folders
from shopkeeper.services.shop_files import backups_dir_for, is_empty, open_shop, platform_shop_names, set_shop_name
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.demo_import_question import OWN_SHOP, ask_where_to_import
from shopkeeper.ui.dialogs.restore_dialog import RestoreDialog, ask_to_restore, backup_to_offer, when
from shopkeeper.ui.dialogs.shop_name_question import ask_shop_name
from shopkeeper.ui.errors import install_excepthook, show_error
from shopkeeper.ui.gui_thread_gc import collect_on_gui_thread
from shopkeeper.ui.i18n import LANGUAGES, Translations, normalise_language
from shopkeeper.ui.import_flow import ImportFlow
from shopkeeper.ui.main_window import TAB_NAMES, MainWindow, WindowActions
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.single_instance import InstanceGuard, ask_running_instance_to_show
from shopkeeper.ui.ui_state import UiState

log = logging.getLogger(__name__)

DEMO_FILE = "demo-shop.duckdb"


class ShopkeeperApp:
    """Owns the long-lived objects and wires the window's actions to them."""

    def __init__(self, *, qt_app: QApplication, paths: AppPaths, clock: Clock, ui_state: UiState,
                 translations: Translations, recent: RecentShops, screenshot: bool) -> None:
        self.qt_app = qt_app
        self.paths = paths
        self.clock = clock
        self.ui_state = ui_state
        self.translations = translations
        self.recent = recent
        self.screenshot = screenshot
        # Before the worker thread exists: no cycle collection may start on it (ui/gui_thread_gc.py).
        collect_on_gui_thread(qt_app)
        self.shop_path: Path | None = None
        self.open_error: BaseException | None = None
        self.failed_shop: Path | None = None  # the shop that last failed to open: File > Restore still offers its backups
        self.worker = DbWorker()
        self.guard = InstanceGuard()
        self.window: MainWindow | None = None
        self.imports = ImportFlow(worker=self.worker, parent_widget=lambda: self.window,
                                  cache_dir=paths.cache_dir, log_file=paths.log_file)
        self.imports.shop_failed.connect(self.reopen)
        self.guard.show_requested.connect(self._bring_forward)
        self.guard.backup_requested.connect(self._backup_for_command)

    # -- window -------------------------------------------------------------------
    def build_window(self) -> MainWindow:
        actions = WindowActions(
            new_shop=self.new_shop,
            open_shop=self.open_shop_dialog,
            recent_shops=self.recent.existing,
            import_files=self.import_files,
            choose_import_files=self._choose_import_files,
            choose_import_files_into_shop=self._choose_import_files_into_shop,
            import_history=self.imports.show_history,
            column_mappings=self.imports.show_mappings,
            backup=self.backup,
            restore=self.restore,
            set_language=self.set_language,
            about=self.about,
            show_error=lambda exc: show_error(self.window, exc, self.paths.log_file),
        )
        window = MainWindow(worker=self.worker, clock=self.clock, ui_state=self.ui_state, actions=actions,
                            language=self.translations.language, languages=LANGUAGES)
        self.window = window
        return window

    def _bring_forward(self) -> None:
        if self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def reload(self) -> None:
        """Show the open shop afresh in the window (after it was opened, or the window rebuilt)."""
        if self.window is None:
            return
        self.window.shop_opened(self.shop_path)
        self.window.broadcast(Changes.everything())

    # -- shops --------------------------------------------------------------------
    def reopen(self, failure: ShopWriteFailed) -> None:
        """After the shop file failed under an import, open it anew and say what it holds.

        DuckDB refuses every statement on a connection whose write failed, so the
        failed import could not always be looked up: the reopened shop is asked.
        """

        def tell(kept: bool | None) -> None:
            show_error(self.window, failure.with_kept(kept), self.paths.log_file)

        def ask() -> None:
            if failure.kept is not None or failure.key is None:
                tell(failure.kept)
                return
            from shopkeeper.services.imports import was_kept

            key = failure.key
            self.worker.query(self.worker, QueryOp(lambda db: was_kept(db, *key)), tell, lambda _exc: tell(None))

        if self.shop_path is None:
            tell(failure.kept)
            return
        self.open_shop_at(self.shop_path, close_first=True, then=ask, or_else=lambda: tell(failure.kept))

    def open_shop_at(self, path: Path, *, demo_if_new: bool = False, name: str | None = None,
                     close_first: bool = False, then: Callable[[], None] | None = None,
                     or_else: Callable[[], None] | None = None,
                     before_open: Callable[[], object] | None = None) -> None:
        """Open `path` on the worker; `then` runs once it is open, `or_else` before its failure is shown.

        `before_open` runs on the worker once the current shop is closed (when `close_first`), before the
        open: a restore puts the backup in place there.
        """
        backups = backups_dir_for(path, self.paths.backups_dir)
        today = self.clock.today()
        now = self.clock.now()
        purged: list[Message] = []

        def opener() -> Database:
            if before_open is not None:
                before_open()
            db = open_shop(path, backups_dir=backups, today=today)
            try:
                if name:
                    set_shop_name(db, name)
                if demo_if_new and is_empty(db):
                    from shopkeeper.demo.shop import build_demo_shop

                    build_demo_shop(db, today=today)
                    db.checkpoint()
                purged.extend(_retention_purge(db, now))
            except BaseException:
                db.close()
                raise
            return db

        def opened(_db: object) -> None:
            self.shop_path = path
            self.open_error = None
            self.failed_shop = None
            self.recent.add(path)
            if not self.screenshot:
                self.guard.listen(path)
            if self.window is not None:
                self.window.shop_opened(path)
                for message in purged:
                    self.window.statusBar().showMessage(window_text(message), 15000)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self.open_error = exc
            self.failed_shop = path
            if or_else is not None:
                or_else()
            if self.screenshot:
                return
            backup = backup_to_offer(exc)
            if backup is not None and isinstance(exc, DamagedShopFileError):
                # The way back in one click: the damaged file is kept among the backups by the restore.
                if ask_to_restore(self.window, exc):
                    self.restore_into(backup, path)
                return
            show_error(self.window, exc, self.paths.log_file)

        # Opening counts as a change of everything: the window's broadcast reloads every tab.
        self.worker.replace_database(self.worker, opener, opened, failed, close_first=close_first)

    def _is_demo(self, path: Path | None) -> bool:
        return path is not None and path == self.paths.data_dir / DEMO_FILE

    def new_shop(self) -> None:
        target = self._ask_new_shop_path()
        if target is not None:
            self.open_shop_at(target, name=target.stem)

    def _ask_new_shop_path(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, QCoreApplication.translate("App", "New shop"), str(self.paths.data_dir / "my-shop.duckdb"), QCoreApplication.translate("App", "Shopkeeper shops (*.duckdb)")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix != ".duckdb":
            target = target.with_suffix(".duckdb")
        if target.exists():
            QMessageBox.warning(self.window, QCoreApplication.translate("App", "New shop"),
                                QCoreApplication.translate("App", "{path} already exists. Choose another name, or open it with File > Open shop.")
                                .format(path=target))
            return None
        return target

    def import_files(self, paths: list[Path], shop_name: str | None = None) -> None:
        """Files dropped or chosen go into the open shop; into the demo only when the seller says so.

        `shop_name`: the platform shop they are from (None: the platform's only shop, or the first, named after
        the platform; a file of a platform with several shops is then refused, asking which).
        """
        if self._is_demo(self.shop_path):
            where = ask_where_to_import(self.window)
            if where is None:
                return
            if where == OWN_SHOP:
                target = self._ask_new_shop_path()
                if target is not None:
                    self.open_shop_at(target, name=target.stem, then=lambda: self.imports.run(paths, shop_name=shop_name))
                return
        self.imports.run(paths, shop_name=shop_name)

    def open_shop_dialog(self, path: Path | None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, QCoreApplication.translate("App", "Open shop"), str(self.paths.data_dir), QCoreApplication.translate("App", "Shopkeeper shops (*.duckdb);;All files (*)")
            )
            if not chosen:
                return
            path = Path(chosen)
        if ask_running_instance_to_show(path):
            QMessageBox.information(self.window, QCoreApplication.translate("App", "Open shop"),
                                    QCoreApplication.translate("App", "That shop is already open in another Shopkeeper window."))
            return
        self.open_shop_at(path)

    def backup(self) -> None:
        """File › Backup now…: a checked copy of the open shop, by default among its backups."""
        if self.shop_path is None:
            return
        from shopkeeper.db.shop_backups import free_backup_path
        from shopkeeper.domain.backup_retention import BackupKind

        folder = backups_dir_for(self.shop_path, self.paths.backups_dir)
        suggested = free_backup_path(folder, self.shop_path.stem, BackupKind.MANUAL, datetime.now(UTC))
        chosen, _ = QFileDialog.getSaveFileName(self.window, QCoreApplication.translate("App", "Back up shop"),
                                                str(suggested),
                                                QCoreApplication.translate("App", "Shopkeeper shops (*.duckdb)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix != ".duckdb":
            target = target.with_suffix(".duckdb")

        def copy(db: Database) -> BackupInfo:
            from shopkeeper.db.shop_backups import check_backup
            from shopkeeper.services.backups import write_backup

            return check_backup(write_backup(db, target, verify=True), whole=False)

        def backed_up(info: BackupInfo) -> None:
            QMessageBox.information(self.window, QCoreApplication.translate("App", "Backup"),
                                    QCoreApplication.translate("App", "Shop backed up to {path} ({orders:,} orders, "
                                                                      "{members:,} members).").format(
                                        path=info.file.path, orders=info.orders, members=info.members))

        self.worker.query(self.worker, QueryOp(copy), backed_up,
                          lambda exc: show_error(self.window, exc, self.paths.log_file))

    def _backup_for_command(self, folder: str, answer: Callable[[bytes], None]) -> None:
        """`shopkeeper backup` of the shop this window has open: the copy is made here, on the DB worker."""
        from shopkeeper.domain.backup_retention import BackupKind
        from shopkeeper.services.backups import back_up
        from shopkeeper.ui.backup_requests import error_answer, ok_answer

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, KnownError):
                log.error("backup asked by the command line failed", exc_info=(type(exc), exc, exc.__traceback__))
                exc = KnownError(Message("shop.backup.cannot_write", {"folder": folder, "reason": type(exc).__name__}))
            answer(error_answer(exc.message))

        self.worker.query(self.worker, QueryOp(lambda db: back_up(db, Path(folder), BackupKind.MANUAL, verify=True)),
                          lambda path: answer(ok_answer(path)), refused)

    def restore(self) -> None:
        """File › Restore…: choose one of the shop's backups (or any file) to put in its place.

        After a shop failed to open (damaged), it is that shop's backups: the one the seller needs back.
        """
        shop = self.failed_shop or self.shop_path
        if shop is None:
            return
        from shopkeeper.services.backups import list_backups

        dialog = RestoreDialog(self.window, self.worker, shop, list_backups)
        if dialog.exec() == RestoreDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.restore_into(dialog.chosen, shop)

    def restore_into(self, backup: Path, shop: Path) -> None:
        """Close `shop` if open, put `backup` in its place (checked, the shop kept aside), and open it."""
        from shopkeeper.services.backups import Restored, restore_backup

        done: list[Restored] = []
        was_open = self.shop_path == shop and self.open_error is None

        def put_back() -> None:
            done.append(restore_backup(backup, shop))

        def restored() -> None:
            kept = done[0].kept if done else None
            QMessageBox.information(
                self.window, QCoreApplication.translate("App", "Shop restored"),
                QCoreApplication.translate("App", "The shop was restored from the backup taken {when} ({orders:,} "
                                                  "orders, {members:,} members).").format(
                    when=when(done[0].backup), orders=done[0].backup.orders, members=done[0].backup.members)
                + ("\n\n" + QCoreApplication.translate("App", "The shop as it was is kept in {path}.").format(path=kept)
                   if kept else ""))

        def not_restored() -> None:
            if was_open and not done:
                # The restore refused before replacing anything: the shop it closed is as it was.
                self.open_shop_at(shop)

        self.open_shop_at(shop, close_first=was_open, before_open=put_back, then=restored, or_else=not_restored)

    def _choose_import_files(self) -> None:
        files = self.imports.choose_files(self.ui_state.last_import_folder())
        if files:
            self.ui_state.set_last_import_folder(str(files[0].parent))
            self.import_files(files)

    def _choose_import_files_into_shop(self) -> None:
        """File › Import into a shop…: files of a platform the seller runs several shops on, and which one."""
        files = self.imports.choose_files(self.ui_state.last_import_folder())
        if not files:
            return
        self.ui_state.set_last_import_folder(str(files[0].parent))

        def ask(names: list[str]) -> None:
            name = ask_shop_name(self.window, names)
            if name is not None:
                self.import_files(files, shop_name=name)

        self.worker.query(self.worker, QueryOp(platform_shop_names), ask, lambda _exc: ask([]))

    # -- language and about -------------------------------------------------------
    def set_language(self, code: str) -> None:
        if code == self.translations.language or self.window is None:
            return
        self.ui_state.set_language(code)
        self.translations.install(self.qt_app, code)
        old = self.window
        old_tab = old.tabs.currentIndex()
        self.ui_state.set_geometry(old.saveGeometry())
        window = self.build_window()
        window.tabs.setCurrentIndex(old_tab)
        window.show()
        # Deleted: the worker drops whatever was still queued for the old window and its tabs.
        old.close()
        old.deleteLater()
        self.reload()

    def about(self) -> None:
        QMessageBox.about(
            self.window,
            QCoreApplication.translate("App", "About Shopkeeper"),
            QCoreApplication.translate("App", "<h3>Shopkeeper {version}</h3><p>An offline workbench for sellers who run shops on several "
               "platforms.</p><p>Shop file: {shop}<br>Backups: {backups}<br>Log folder: {logs}</p>").format(
                version=__version__, shop=self.shop_path or "—",
                backups=backups_dir_for(self.shop_path, self.paths.backups_dir), logs=self.paths.log_dir
            ),
        )

    def shutdown(self) -> None:
        self.worker.shutdown()


def _wait_until_settled(app: ShopkeeperApp, timeout_s: float = 60.0) -> None:
    """Pump events until the worker has no jobs left for a few rounds (pages, charts, header)."""
    deadline = time.monotonic() + timeout_s
    quiet_rounds = 0
    while time.monotonic() < deadline and quiet_rounds < 5:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < 30:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        quiet_rounds = quiet_rounds + 1 if app.worker.is_idle() else 0


def run_app(args: argparse.Namespace, paths: AppPaths, started: datetime) -> int:
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    existing = QApplication.instance()  # pytest-qt's, under the tests
    qt_app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qt_app.setApplicationName("Shopkeeper")
    qt_app.setOrganizationName("Shopkeeper")
    qt_app.setApplicationVersion(__version__)
    qt_app.setWindowIcon(QIcon(str(app_icon_path())))
    # Wayland and the Linux desktop entry find the icon and the window's group by this name.
    QGuiApplication.setDesktopFileName("shopkeeper")
    remove_stale_work_folders(paths.cache_dir)
    ui_state = UiState(paths.ui_state_file)
    translations = Translations()
    translations.install(qt_app, normalise_language(args.lang or ui_state.language()))
    if not args.screenshot:
        install_excepthook(paths.log_file)

    recent = recent_shops_for(paths)
    explicit = bool(args.db) or bool(os.environ.get("SHOPKEEPER_DB"))
    shop = shop_to_open(paths, args.db)
    demo_if_new = False
    if not explicit and not shop.exists():
        # No shop yet: open the demo so every tab shows what Shopkeeper does.
        shop = paths.data_dir / DEMO_FILE
        demo_if_new = True

    if not args.screenshot and ask_running_instance_to_show(shop):
        print(f"Shopkeeper already has {shop} open; brought that window to the front.")
        return 0

    app = ShopkeeperApp(qt_app=qt_app, paths=paths, clock=SystemClock(), ui_state=ui_state,
                        translations=translations, recent=recent, screenshot=bool(args.screenshot))
    window = app.build_window()
    if args.tab:
        window.show_tab(args.tab)
    app.open_shop_at(shop, demo_if_new=demo_if_new)
    window.show()
    log.info("window shown %.2f s after start", (datetime.now() - started).total_seconds())

    if args.screenshot:
        return _take_screenshot(app, args)
    code = qt_app.exec()
    app.shutdown()
    return code


def _take_screenshot(app: ShopkeeperApp, args: argparse.Namespace) -> int:
    window = app.window
    assert window is not None
    window.resize(1280, 800)
    _wait_until_settled(app)
    if app.open_error is not None:
        exc = app.open_error
        message = str(exc) if isinstance(exc, KnownError) else repr(exc)
        print(f"shopkeeper: {message}", file=sys.stderr)
        app.shutdown()
        return 2
    if args.tab:
        window.show_tab(args.tab)
        _wait_until_settled(app)
    target = Path(args.screenshot)
    target.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(target), "PNG")
    app.shutdown()
    window.close()
    if not ok:
        print(f"shopkeeper: could not write {target}", file=sys.stderr)
        return 1
    print(f"Screenshot of the {args.tab or TAB_NAMES[window.tabs.currentIndex()]} tab written to {target}")
    return 0


def _retention_purge(db: Database, now: datetime) -> list[Message]:
    """The retention setting's purge at open (services/privacy_retention.py), and what to tell the seller.

    A failure never keeps the shop shut: it opens, and the purge is tried again at the next open."""
    from shopkeeper.services.privacy_retention import purge_if_due

    try:
        done = purge_if_due(db, now)
    except Exception:  # noqa: BLE001 - the seller still gets their shop; the log keeps the cause
        log.exception("the retention purge at open failed; the shop opens without it")
        return []
    if done is None or not done.people or done.cutoff is None:
        return []
    log.info("retention purge at open erased %d people's personal data", done.people)
    return [Message("privacy.purge.done", {"people": done.people, "cutoff": done.cutoff.date().isoformat()})]
