"""Shopkeeper never goes online (issue 14.5): with the network blocked in this process, building the demo,
importing, reporting, exporting and opening the window all work, and every DuckDB connection Shopkeeper
opens has extension autoload and autoinstall off (no query can fetch an extension)."""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "importers"))

from export_files import SHOPIFY_ORDERS, write_export  # noqa: E402

from shopkeeper.cli import main  # noqa: E402
from tests.gui.conftest import make_app  # noqa: E402


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any attempt to reach a host fails the test: connect, DNS, create_connection."""
    tried: list[str] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:  # noqa: ANN401
        if self.family == getattr(socket, "AF_UNIX", None):
            return real_connect(self, address)
        tried.append(f"connect {address!r}")
        raise NetworkUsed(f"Shopkeeper tried to connect to {address!r}")

    def refuse(*args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        tried.append(f"lookup {args[:1]!r}")
        raise NetworkUsed(f"Shopkeeper tried to reach {args[:1]!r}")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    return tried


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The settings of every DuckDB connection opened, read as it opens."""
    seen: list[dict[str, Any]] = []
    real = duckdb.connect

    def connect(*args: Any, **kwargs: Any) -> duckdb.DuckDBPyConnection:  # noqa: ANN401
        con = real(*args, **kwargs)
        settings = dict(con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN "
            "('autoload_known_extensions', 'autoinstall_known_extensions')").fetchall())
        seen.append({"target": args[0] if args else kwargs.get("database", ":memory:"), **settings})
        return con

    monkeypatch.setattr(duckdb, "connect", connect)
    return seen


def test_nothing_goes_online(no_network: list[str], connections: list[dict[str, Any]], tmp_path: Path,
                             qtbot: Any) -> None:  # noqa: ANN401
    # The guard itself works: a real attempt is caught.
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.com", 80))
    no_network.clear()
    shop = str(tmp_path / "shop.duckdb")
    assert main(["demo", "--db", shop]) == 0
    orders = write_export(tmp_path / "orders_export.csv", SHOPIFY_ORDERS, [
        {"Name": "#9001", "Email": "a@example.com", "Financial Status": "paid", "Currency": "USD", "Total": "12.00",
         "Subtotal": "12.00", "Id": "9001", "Created at": "2026-11-20 10:00:00 -0500", "Lineitem quantity": "1",
         "Lineitem name": "Mug", "Lineitem price": "12.00"}])
    assert main(["import", "--db", shop, str(orders)]) == 0
    for report in ("inventory", "reorder", "members", "promotions", "sales", "audit"):
        assert main(["report", report, "--json", "--db", shop]) == 0, report
    assert main(["stats", "--json", "--db", shop]) == 0
    assert main(["export", "orders", "--db", shop, "--out", str(tmp_path / "o.xlsx")]) == 0
    assert main(["privacy", "--db", shop]) == 0
    assert main(["check", "listings", "--db", shop]) in (0, 1)
    app = make_app(qtbot, Path(shop))
    app.shutdown()
    assert no_network == []
    assert connections, "no DuckDB connection was seen: the check looked at nothing"
    for con in connections:
        assert (con["autoload_known_extensions"], con["autoinstall_known_extensions"]) == ("false", "false"), con
