"""Pieces shared by the emulating backends (cpu, mps): device properties and host-timed marks."""

from __future__ import annotations

import time


class DeviceProperties:
    """What ``get_device_properties`` returns where torch has no native properties object.

    Same attribute names as ``torch.cuda.get_device_properties``: ``name``, ``total_memory``
    (bytes), ``major``, ``minor``, ``multi_processor_count``; plus ``type`` (``"cpu"``/``"mps"``).
    """

    def __init__(self, type: str, name: str, total_memory: int, multi_processor_count: int,
                 major: int = 0, minor: int = 0) -> None:
        self.type = type
        self.name = name
        self.total_memory = total_memory
        self.major = major
        self.minor = minor
        self.multi_processor_count = multi_processor_count

    def __repr__(self) -> str:
        return (f"DeviceProperties(type={self.type!r}, name={self.name!r}, "
                f"total_memory={self.total_memory // (1024 * 1024)}MB, major={self.major}, "
                f"minor={self.minor}, multi_processor_count={self.multi_processor_count})")


class HostMark:
    """A recorded event point whose work is complete when it is taken.

    Backends create it only after all earlier work finished (CPU runs eagerly; MPS synchronizes
    first), so the host clock read here is the time the recorded work completed.
    """

    def __init__(self) -> None:
        self.time = time.perf_counter()

    def query(self) -> bool:
        return True

    def synchronize(self) -> None:
        pass

    def wait(self, stream) -> None:  # the work is already done: nothing to wait for
        pass

    def elapsed_ms(self, end: "HostMark") -> float:
        return (end.time - self.time) * 1000.0


def memory_stats_dict(allocated: int, allocated_peak: int, reserved: int, reserved_peak: int,
                      **extra: int) -> dict:
    """A ``memory_stats()`` dict using the CUDA key names for the numbers a backend really has."""
    stats = {
        "allocated_bytes.all.current": allocated,
        "allocated_bytes.all.peak": allocated_peak,
        "reserved_bytes.all.current": reserved,
        "reserved_bytes.all.peak": reserved_peak,
    }
    stats.update(extra)
    return stats


def memory_summary_text(title: str, note: str, stats: dict, abbreviated: bool = False) -> str:
    """Format ``stats`` (from :func:`memory_stats_dict`) as a small table."""
    def mib(value: int) -> str:
        return f"{value / (1024 * 1024):12.1f} MiB"

    lines = [f"torchdevice memory summary: {title}", f"  ({note})"]
    for key in sorted(stats):
        if abbreviated and not key.endswith((".current", ".peak")):
            continue
        lines.append(f"  {key:<32}{mib(stats[key])}")
    return "\n".join(lines) + "\n"


class PeakTracker:
    """Peak of a memory counter the backend cannot track itself, sampled at each query.

    ``update`` feeds a fresh reading and returns the largest reading since the last ``reset``.
    """

    def __init__(self) -> None:
        self.peak = 0

    def update(self, value: int) -> int:
        self.peak = max(self.peak, value)
        return self.peak

    def reset(self, value: int) -> None:
        self.peak = value


def check_fraction(fraction: float) -> None:
    """Reject a memory fraction outside ``[0, 1]`` like ``torch.cuda`` does."""
    if not isinstance(fraction, (int, float)) or isinstance(fraction, bool):
        raise TypeError("Invalid type for fraction argument, must be `float`")
    if not 0 <= fraction <= 1:
        raise ValueError(f"Invalid fraction value: {fraction}. Allowed range: 0~1")
