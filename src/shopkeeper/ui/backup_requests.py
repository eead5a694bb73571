"""`shopkeeper backup` while the window has the shop open: the window writes the backup.

DuckDB lets one process open a shop file, and a second process cannot even
read it while the window holds it. So the command asks the window over the
local socket the single-instance guard already listens on (one line,
`backup<TAB>folder`), and the window makes the backup on its DB worker, where
a copy after a CHECKPOINT is consistent, and answers one line: `ok<TAB>path`
or `error<TAB>message as JSON` (the Message, worded by the command line).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtNetwork import QLocalSocket

from shopkeeper.domain.message_texts import params_from_json, params_json
from shopkeeper.domain.messages import Message
from shopkeeper.ui.single_instance import server_name

BACKUP = "backup"
# A large shop's copy and check take seconds; the window may be busy with an import first.
_ANSWER_WAIT_MS = 10 * 60 * 1000


def ask_running_instance_to_back_up(shop: Path, folder: Path, connect_ms: int = 1000) -> Path | Message | None:
    """The backup the window with `shop` open wrote, its refusal, or None when no window answers."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(shop))
    if not socket.waitForConnected(connect_ms):
        return None
    socket.write(f"{BACKUP}\t{folder}\n".encode())
    socket.waitForBytesWritten(connect_ms)
    answer = b""
    while not answer.endswith(b"\n") and socket.waitForReadyRead(_ANSWER_WAIT_MS):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    status, _, rest = answer.decode("utf-8").rstrip("\n").partition("\t")
    if status == "ok":
        return Path(rest)
    if status == "error":
        refusal = params_from_json(rest).get("message")
        return refusal if isinstance(refusal, Message) else None
    return None


def ok_answer(path: Path) -> bytes:
    return f"ok\t{path}\n".encode()


def error_answer(message: Message) -> bytes:
    return f"error\t{params_json({'message': message})}\n".encode()
