"""Counts of redirected calls, and the report ``patch(report=True)`` prints at exit.

Counting is one dictionary increment per redirected call: no logging, no stack inspection.
Counts accumulate for the whole process (across ``patch()``/``unpatch()`` cycles); with several
threads calling at once an increment can occasionally be lost, which a usage report tolerates.
"""

from __future__ import annotations

import atexit
import sys
import threading
from typing import Dict

from .. import _config

_counts: Dict[str, int] = {}
_lock = threading.Lock()
_at_exit = False
_cuda_available_seen = False


def hit(key: str) -> None:
    """Count one redirected call of the API ``key`` (e.g. ``"torch.cuda.synchronize"``)."""
    _counts[key] = _counts.get(key, 0) + 1


def counts() -> Dict[str, int]:
    """Redirected calls so far, by API name."""
    return dict(_counts)


def reset() -> None:
    """Forget the counts (test hook)."""
    _counts.clear()


def note_cuda_available() -> None:
    """Remember that ``patch()`` found CUDA available and redirected nothing."""
    global _cuda_available_seen
    _cuda_available_seen = True


def enable_at_exit() -> None:
    """Print :func:`text` on stderr when the interpreter exits (registered once)."""
    global _at_exit
    with _lock:
        if not _at_exit:
            atexit.register(_print)
            _at_exit = True


def text() -> str:
    """The report: one line per redirected API, most used first."""
    if not _counts:
        reason = ("CUDA is available, nothing was redirected" if _cuda_available_seen
                  else "no CUDA call was redirected")
        return f"torchdevice.patch report: {reason}\n"
    where = _config.selected_type() if _config.is_resolved() else "the selected device"
    lines = [f"torchdevice.patch report: CUDA calls redirected to {where} in this run",
             "(port these call sites, or ask the library that makes them to support other "
             "devices)",
             f"{'calls':>9}  API"]
    for key, count in sorted(_counts.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"{count:>9}  {key}")
    return "\n".join(lines) + "\n"


def _print() -> None:
    sys.stderr.write(text())
    sys.stderr.flush()
