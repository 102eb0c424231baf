"""CPU backend: one device, eager execution, host numbers from the operating system.

Work on the CPU runs synchronously in issue order, so synchronization is a no-op and an event's
host time at record is the completion time of everything before it.

Memory numbers are the process's resident set size (RSS), not tensor bytes: torch's CPU
allocator has no cache, so "allocated" and "reserved" are both the RSS and their peaks the RSS
high-water mark. ``reset_peak_memory_stats`` restarts the kernel's high-water mark where Linux
allows it (``/proc/self/clear_refs``); elsewhere it keeps a baseline and reports the larger of a
new process peak above that baseline and the RSS seen at torchdevice calls since the reset.
"""

from __future__ import annotations

import os
from typing import Optional, Tuple

import torch

from .. import _log
from . import _sysinfo
from ._common import (DeviceProperties, HostMark, PeakTracker, check_fraction, memory_stats_dict,
                      memory_summary_text)

NAME = "cpu"


# Device queries --------------------------------------------------------------------------------

def is_available() -> bool:
    return True


def device_count() -> int:
    return 1


def current_device() -> int:
    return 0


def set_device(device) -> None:
    """Accepted and ignored: there is one CPU device (lets multi-GPU code run unchanged)."""
    _log.LOGGER.debug("set_device(%r) ignored on cpu", device)


def get_device_name(device=None) -> str:
    return _sysinfo.cpu_name()


def get_device_properties(device=None) -> DeviceProperties:
    return DeviceProperties("cpu", _sysinfo.cpu_name(), _sysinfo.system_memory()[1],
                            os.cpu_count() or 1)


def get_device_capability(device=None) -> Tuple[int, int]:
    return (0, 0)


def is_bf16_supported() -> bool:
    return True


def is_initialized() -> bool:
    return True


def init() -> None:
    pass


def synchronize(device=None) -> None:
    """Nothing to wait for: CPU work has completed when the call that issued it returns."""


# Random ----------------------------------------------------------------------------------------

def manual_seed(seed: int) -> None:
    torch.manual_seed(seed)


manual_seed_all = manual_seed


def seed() -> None:
    torch.seed()


seed_all = seed


def initial_seed() -> int:
    return torch.initial_seed()


def get_rng_state(device=None) -> torch.Tensor:
    return torch.get_rng_state()


def set_rng_state(state: torch.Tensor, device=None) -> None:
    torch.set_rng_state(state)


def get_rng_state_all() -> list:
    return [torch.get_rng_state()]


def set_rng_state_all(states) -> None:
    """Restore the first state (a checkpoint from several GPUs restores its device 0)."""
    states = list(states)
    if states:
        torch.set_rng_state(states[0])


# Memory ----------------------------------------------------------------------------------------

class _RssPeak:
    """Peak RSS since start or since the last reset (see module docstring)."""

    def __init__(self) -> None:
        self.baseline: Optional[int] = None
        self.observed = PeakTracker()

    def reset(self) -> None:
        if _sysinfo.reset_peak_rss():
            self.baseline = None
        else:
            self.baseline = _sysinfo.peak_rss_bytes()
        self.observed.reset(_sysinfo.rss_bytes())

    def value(self) -> int:
        current = _sysinfo.rss_bytes()
        peak = _sysinfo.peak_rss_bytes()
        observed = self.observed.update(current)
        if self.baseline is None or peak > self.baseline:
            return max(peak, current)
        return observed


_peak = _RssPeak()


def memory_allocated(device=None) -> int:
    """Resident set size of this process, in bytes."""
    return _sysinfo.rss_bytes()


def max_memory_allocated(device=None) -> int:
    """Peak resident set size since start or the last reset, in bytes."""
    return _peak.value()


memory_reserved = memory_allocated
max_memory_reserved = max_memory_allocated


def empty_cache() -> None:
    """Nothing cached: torch's CPU allocator returns memory to the system allocator directly."""


def mem_get_info(device=None) -> Tuple[int, int]:
    """``(available, total)`` system memory in bytes (``MemAvailable``, ``MemTotal``)."""
    return _sysinfo.system_memory()


def reset_peak_memory_stats(device=None) -> None:
    _peak.reset()


def reset_accumulated_memory_stats(device=None) -> None:
    """No accumulated counters exist on the CPU."""


def memory_stats(device=None) -> dict:
    current = _sysinfo.rss_bytes()
    peak = _peak.value()
    available, total = _sysinfo.system_memory()
    return memory_stats_dict(current, peak, current, peak, **{
        "system.available_bytes": available, "system.total_bytes": total})


def memory_summary(device=None, abbreviated: bool = False) -> str:
    return memory_summary_text("cpu", "process resident set size; system memory from the OS",
                               memory_stats(device), abbreviated)


def set_per_process_memory_fraction(fraction: float, device=None) -> None:
    """Validated like CUDA, then ignored: the CPU has no torch-managed memory limit."""
    check_fraction(fraction)
    _log.LOGGER.debug("set_per_process_memory_fraction(%r) has no effect on cpu", fraction)


# Stream / event hooks --------------------------------------------------------------------------

def record_mark(enable_timing: bool) -> HostMark:
    """Work before this point is done (eager CPU), so the host clock is the completion time."""
    return HostMark()


def stream_query(stream) -> bool:
    return True


def stream_synchronize(stream) -> None:
    pass
