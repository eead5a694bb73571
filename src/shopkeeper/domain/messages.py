"""What the core says to a person, as a code with parameters.

The core never writes a sentence for the seller: it returns a `Message`
(a stable code such as ``import.refused.not_a_regular_file`` and the values
the sentence needs). The command line renders it in English, the window
renders it translated; nothing parses a sentence back into meaning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
