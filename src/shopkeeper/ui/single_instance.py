"""One Shopkeeper per shop file.

DuckDB lets one process write a file. Before opening a shop, a second
Shopkeeper asks the first (over a local socket named after the shop) to come
to the front, and then quits quietly instead of failing on the file lock.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket


def server_name(shop: Path) -> str:
    digest = hashlib.sha1(str(shop.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"shopkeeper-{digest}"


def ask_running_instance_to_show(shop: Path, timeout_ms: int = 500) -> bool:
    """True when another Shopkeeper has this shop open (and was asked to come forward)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(shop))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(b"show\n")
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceGuard(QObject):
    """Listens for later Shopkeepers wanting this window shown, or a backup of its shop (ui/backup_requests.py).

    Signals:
        show_requested(): another launch asked for the window.
        backup_requested(str, object): `shopkeeper backup` asked for a backup in a folder; the object is a
            callable taking the answer's bytes.
    """

    show_requested = Signal()
    backup_requested = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)

    def listen(self, shop: Path) -> bool:
        self._server.close()
        name = server_name(shop)
        if not self._server.listen(name):
            # A crashed instance can leave a stale socket file behind on Unix.
            QLocalServer.removeServer(name)
            return self._server.listen(name)
        return True

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            conn.readyRead.connect(lambda conn=conn: self._read(conn))
            conn.disconnected.connect(conn.deleteLater)

    def _read(self, conn: QLocalSocket) -> None:
        if not conn.canReadLine():
            return
        line = bytes(conn.readLine().data()).decode("utf-8", "replace").rstrip("\n")
        request, _, argument = line.partition("\t")
        if request == "backup" and argument:
            def answer(data: bytes) -> None:
                try:
                    if conn.state() == QLocalSocket.LocalSocketState.ConnectedState:
                        conn.write(data)
                        conn.flush()
                except RuntimeError:
                    pass  # the command gave up waiting and its connection is gone

            self.backup_requested.emit(argument, answer)
        else:
            self.show_requested.emit()
