"""Lint, types and the layer contracts run with the tests, so a break shows up where everything else does.

Each tool runs from the repository root in a fresh interpreter, on this checkout's
sources (not an installed copy), and reads its settings from pyproject.toml:
ruff's rule set, mypy's strict core, import-linter's layers (the window over the
services over the importers over storage over the domain, no Qt in the core, no
cycles). Their own report is the failure message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "src"

pytestmark = pytest.mark.slow


def _run(module: str, args: list[str], *, code: str | None = None) -> subprocess.CompletedProcess[str]:
    pytest.importorskip(module, reason=f"{module} is not installed (pip install -e .[test])")
    env = dict(os.environ)
    # The checkout under test, ahead of any installed (editable) copy of shopkeeper.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SOURCES), env.get("PYTHONPATH", "")) if p)
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", module, *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)


def _require_clean(result: subprocess.CompletedProcess[str], says: str) -> None:
    if result.returncode != 0 or says not in result.stdout:
        pytest.fail(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}", pytrace=False)


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", ["check", "--no-fix", "src", "tests", "benchmarks", "bootstrap.py", "packaging"])
    _require_clean(result, "All checks passed")


def test_mypy_finds_nothing() -> None:
    # The files and the strict core come from [tool.mypy]; the cache (.mypy_cache, ignored by git)
    # keeps a second run to a few seconds.
    result = _run("mypy", [])
    _require_clean(result, "Success: no issues found")


def test_layer_contracts_are_kept(tmp_path: Path) -> None:
    # importlinter has no __main__: its console script's entry point, called the same way.
    entry = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    result = _run("importlinter", ["--no-logo", "--cache-dir", str(tmp_path / "import-linter")], code=entry)
    _require_clean(result, " 0 broken")
