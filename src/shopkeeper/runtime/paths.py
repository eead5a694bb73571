"""Where Shopkeeper keeps its files. The only module that asks platformdirs.

The shop file location is chosen, in order, by `--db PATH`, the `SHOPKEEPER_DB`
environment variable, then the last shop opened, then `shop.duckdb` in the
user data folder. `SHOPKEEPER_HOME` moves every folder at once (tests and
portable installs use it so the real data folder is never touched).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Shopkeeper"
APP_AUTHOR = "Shopkeeper"
DEFAULT_SHOP_FILE = "shop.duckdb"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def default_shop(self) -> Path:
        return self.data_dir / DEFAULT_SHOP_FILE

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def ui_state_file(self) -> Path:
        return self.config_dir / "ui-state.ini"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "shopkeeper.log"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def app_paths(environ: dict[str, str] | None = None) -> AppPaths:
    env = os.environ if environ is None else environ
    home = env.get("SHOPKEEPER_HOME")
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "data", root / "config", root / "logs", root / "cache")
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
    )


def choose_shop_file(
    paths: AppPaths, cli_db: str | None, environ: dict[str, str] | None = None
) -> Path:
    env = os.environ if environ is None else environ
    if cli_db:
        return Path(cli_db).expanduser().resolve()
    if env.get("SHOPKEEPER_DB"):
        return Path(env["SHOPKEEPER_DB"]).expanduser().resolve()
    return paths.default_shop
