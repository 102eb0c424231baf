"""Host facts read from the operating system: memory of this process and of the machine, CPU name.

Linux ``/proc`` files are used when present; ``resource``/``os.sysconf``/``platform`` otherwise
(macOS). Every function returns real numbers or a documented best effort, never invented ones.
"""

from __future__ import annotations

import os
import platform
import sys
from typing import Dict, Optional, Tuple

_KIB = 1024


def _page_size() -> int:
    try:
        return int(os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return 4096


def _status_kib(field: str) -> Optional[int]:
    """A ``kB`` field of ``/proc/self/status`` (e.g. ``VmHWM``) in bytes, or None."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * _KIB
    except (OSError, ValueError, IndexError):
        pass
    return None


def _maxrss_bytes() -> Optional[int]:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * _KIB  # bytes on macOS, KiB else


def rss_bytes() -> int:
    """Resident set size of this process now, in bytes.

    From ``/proc/self/statm``; where that is missing, the peak from ``getrusage`` (an upper bound).
    """
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * _page_size()
    except (OSError, ValueError, IndexError):
        return _maxrss_bytes() or 0


def peak_rss_bytes() -> int:
    """Peak resident set size of this process in bytes (``VmHWM``, else ``ru_maxrss``)."""
    peak = _status_kib("VmHWM")
    if peak is None:
        peak = _maxrss_bytes()
    return max(peak or 0, rss_bytes())


def reset_peak_rss() -> bool:
    """Ask the kernel to restart the peak RSS at the current RSS (Linux >= 4.0).

    Returns False where that is not possible (other systems, restricted ``/proc``).
    """
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
        return True
    except OSError:
        return False


def _meminfo() -> Dict[str, int]:
    values: Dict[str, int] = {}
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                key, _, rest = line.partition(":")
                fields = rest.split()
                if fields:
                    values[key] = int(fields[0]) * (_KIB if fields[1:] == ["kB"] else 1)
    except (OSError, ValueError):
        pass
    return values


def system_memory() -> Tuple[int, int]:
    """``(available, total)`` physical memory of the machine in bytes.

    ``MemAvailable``/``MemTotal`` from ``/proc/meminfo``; else ``os.sysconf`` page counts
    (``available`` is then the free pages, a lower bound).
    """
    info = _meminfo()
    if "MemTotal" in info:
        return info.get("MemAvailable", info.get("MemFree", 0)), info["MemTotal"]
    page = _page_size()
    try:
        total = int(os.sysconf("SC_PHYS_PAGES")) * page
    except (ValueError, OSError, AttributeError):
        total = 0
    try:
        available = int(os.sysconf("SC_AVPHYS_PAGES")) * page
    except (ValueError, OSError, AttributeError):
        available = max(total - rss_bytes(), 0)
    return available, total


def cpu_name() -> str:
    """The CPU model, e.g. ``"AMD EPYC 7763 64-Core Processor"``."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as cpuinfo:
            for line in cpuinfo:
                key, _, value = line.partition(":")
                if key.strip() in ("model name", "Model", "Hardware") and value.strip():
                    return value.strip()
    except OSError:
        pass
    if sys.platform == "darwin":
        brand = _sysctl("machdep.cpu.brand_string")
        if brand:
            return brand
    return platform.processor() or platform.machine() or "CPU"


def _sysctl(name: str) -> Optional[str]:
    """Value of a macOS ``sysctl`` key, or None."""
    import subprocess

    try:
        done = subprocess.run(["sysctl", "-n", name], capture_output=True, text=True, timeout=5,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None
