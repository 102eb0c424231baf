"""Logging for torchdevice: quiet by default, verbose on request.

``TORCHDEVICE_LOG`` selects the level once at import:

* unset / ``quiet`` / ``warning``: nothing is printed by this logger (the single device-fallback
  message is a Python warning, see ``_config``);
* ``info``: also the one-line notes about decisions (e.g. autocast disabled on CPU);
* ``debug``: additionally every public call, with the caller's ``file:line``.

Messages go to the ``"torchdevice"`` logger, so applications can route them as usual.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import threading
from typing import Any, Callable, Optional, TypeVar

ENV_VAR = "TORCHDEVICE_LOG"
LOGGER = logging.getLogger("torchdevice")
LOGGER.addHandler(logging.NullHandler())

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
_LEVELS = {"": None, "quiet": None, "warning": logging.WARNING, "info": logging.INFO,
           "debug": logging.DEBUG}
_handler: Optional[logging.Handler] = None
_trace = False
_once_lock = threading.Lock()
_once_keys: set = set()

F = TypeVar("F", bound=Callable[..., Any])


def configure(level: Optional[str] = None) -> None:
    """Apply a ``TORCHDEVICE_LOG`` level name (read from the environment when ``level`` is None).

    Unknown names fall back to quiet. ``debug`` turns on call tracing.
    """
    global _handler, _trace
    name = (os.environ.get(ENV_VAR, "") if level is None else level).strip().lower()
    numeric = _LEVELS.get(name)
    _trace = numeric == logging.DEBUG
    if numeric is None:
        if _handler is not None:
            LOGGER.removeHandler(_handler)
            _handler = None
        LOGGER.setLevel(logging.NOTSET)
        return
    if _handler is None:
        _handler = logging.StreamHandler(sys.stderr)
        _handler.setFormatter(logging.Formatter("torchdevice %(levelname)s: %(message)s"))
        LOGGER.addHandler(_handler)
    LOGGER.setLevel(numeric)


def tracing() -> bool:
    """True when every public call is logged (``TORCHDEVICE_LOG=debug``)."""
    return _trace


def _outside_frame():
    """Return ``(frame, depth)`` of the first frame outside this package, counted from here."""
    frame = sys._getframe(1)
    depth = 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE_DIR):
        frame = frame.f_back
        depth += 1
    return frame, depth


def caller_location() -> str:
    """``file:line`` of the user code that called into torchdevice."""
    frame, _ = _outside_frame()
    if frame is None:
        return "<unknown>"
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"


def external_stacklevel() -> int:
    """``stacklevel`` for ``warnings.warn`` called from the caller of this function.

    Makes the warning point at the user's line instead of a line inside torchdevice.
    """
    _, depth = _outside_frame()
    return max(depth - 1, 1)


def _short(value: Any) -> str:
    shape = getattr(value, "shape", None)
    if shape is not None and hasattr(value, "dtype") and hasattr(value, "device"):
        return f"Tensor(shape={tuple(shape)}, dtype={value.dtype}, device={value.device})"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def trace_call(name: str, args: tuple = (), kwargs: Optional[dict] = None) -> None:
    """Log one public call with its arguments and the caller's ``file:line`` (debug only)."""
    if not _trace:
        return
    parts = [_short(a) for a in args]
    parts += [f"{k}={_short(v)}" for k, v in (kwargs or {}).items()]
    LOGGER.debug("%s(%s) at %s", name, ", ".join(parts), caller_location())


def traced(fn: F) -> F:
    """Decorator for public functions: logs each call when tracing is on, otherwise free."""
    name = "torchdevice." + fn.__name__

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if _trace:
            trace_call(name, args, kwargs)
        return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def once(key: str) -> bool:
    """Return True the first time ``key`` is seen in this process (until ``reset_once``)."""
    with _once_lock:
        if key in _once_keys:
            return False
        _once_keys.add(key)
        return True


def info_once(key: str, message: str, *args: Any) -> None:
    """Log ``message`` at info level, once per process for ``key``."""
    if once(key):
        LOGGER.info(message, *args)


def reset_once() -> None:
    """Forget which one-time messages were emitted (test hook)."""
    with _once_lock:
        _once_keys.clear()


configure()
