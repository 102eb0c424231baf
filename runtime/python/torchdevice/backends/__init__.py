"""Per-device implementations behind the public API.

Each backend module (:mod:`.cuda`, :mod:`.mps`, :mod:`.cpu`) offers the same functions: device
queries, ``synchronize``, random state, memory queries and, for the emulating backends, the
event/stream hooks ``record_mark``, ``stream_query`` and ``stream_synchronize``.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def get(device_type: str) -> ModuleType:
    """The backend module for ``"cuda"``, ``"mps"`` or ``"cpu"``."""
    if device_type not in ("cuda", "mps", "cpu"):
        raise ValueError(f"torchdevice has no backend for device type {device_type!r}")
    return importlib.import_module(f"{__name__}.{device_type}")
