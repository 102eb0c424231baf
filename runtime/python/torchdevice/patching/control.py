"""``patch()``, ``unpatch()``, ``patched()``: switching compatibility mode on and off.

All state of the mode lives here, in one object guarded by one lock; the counts of the report
live in :mod:`.report`.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Iterator, List, Optional

from .. import _compat, _config
from . import mechanism, table
from . import report as _report


class _Session:
    """The patch in force: its records and options (``applied`` None: not patched)."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.applied: Optional[List[mechanism.Applied]] = None
        self.pretend: bool = False


_session = _Session()


def patch(report: bool = False, pretend_cuda_available: bool = False) -> bool:
    """Redirect the ``torch.cuda`` calls of code that cannot be ported to the selected device.

    Does nothing when CUDA is available. ``report=True`` prints the redirected calls, counted by
    API, on stderr at exit. ``pretend_cuda_available=True`` also makes
    ``torch.cuda.is_available()`` answer True and ``torch.cuda.device_count()`` count the
    selected device (the compatibility lie; off by default, so libraries keep seeing the truth).

    Idempotent; calling it again with other options switches to them. Thread-safe. Returns True
    when the redirects are in force.
    """
    with _session.lock:
        if report:
            _report.enable_at_exit()
        if _session.applied is not None:
            if _session.pretend == pretend_cuda_available:
                return True
            mechanism.restore(_session.applied)
            _session.applied = None
        if _compat.cuda_available():
            _report.note_cuda_available()
            return False
        _config.selected_type()  # select now, before any lie can mislead the selection
        _session.applied = mechanism.apply(table.entries(pretend_cuda_available))
        _session.pretend = pretend_cuda_available
        return True


def unpatch() -> None:
    """Restore every object ``patch()`` replaced. A no-op when not patched. Thread-safe."""
    with _session.lock:
        if _session.applied is not None:
            mechanism.restore(_session.applied)
            _session.applied = None


def is_patched() -> bool:
    """True while the redirects are in force."""
    return _session.applied is not None


@contextlib.contextmanager
def patched(report: bool = False, pretend_cuda_available: bool = False) -> Iterator[bool]:
    """``with torchdevice.patched(): ...`` patches for the block, then returns to the state
    before it (still patched, with the earlier options, if it was). Yields ``patch()``'s
    result."""
    with _session.lock:
        before = _session.pretend if _session.applied is not None else None
        active = patch(report=report, pretend_cuda_available=pretend_cuda_available)
    try:
        yield active
    finally:
        if before is None:
            unpatch()
        else:
            patch(pretend_cuda_available=before)
