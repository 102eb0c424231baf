"""MPS backend (Apple GPUs): ``torch.mps`` where this torch has it, emulation elsewhere.

torch runs all MPS work on one command queue, so emulated streams only need to order host
waits. Events are ``torch.mps.Event`` when available (torch >= 2.1); otherwise recording an event
synchronizes the device and takes the host time, so timings cover completed work.

Memory: ``memory_allocated`` is ``torch.mps.current_allocated_memory()`` (tensor bytes),
``memory_reserved`` is ``torch.mps.driver_allocated_memory()`` (all Metal allocations). torch has
no MPS peak counters: the ``max_*`` values are the largest readings seen by torchdevice queries
since start or the last reset. On torch without ``torch.mps`` (1.13) the counters read 0.
"""

from __future__ import annotations

import functools
import os
from typing import Tuple

import torch

from .. import _compat, _config, _log
from . import _sysinfo
from ._common import (DeviceProperties, HostMark, PeakTracker, check_fraction, memory_stats_dict,
                      memory_summary_text)

NAME = "mps"


def _mps(name: str):
    """``torch.mps.<name>`` or None when this torch lacks it."""
    return getattr(_compat.mps_module(), name, None)


# Device queries --------------------------------------------------------------------------------

def is_available() -> bool:
    return _compat.mps_available()


def device_count() -> int:
    count = _mps("device_count")
    return int(count()) if count else 1


def current_device() -> int:
    return 0


def set_device(device) -> None:
    """Accepted and ignored: torch exposes one MPS device."""
    _log.LOGGER.debug("set_device(%r) ignored on mps", device)


def get_device_name(device=None) -> str:
    return _sysinfo.cpu_name()  # Apple silicon: the GPU is part of the named chip


def _total_memory() -> int:
    recommended = _mps("recommended_max_memory")
    return int(recommended()) if recommended else _sysinfo.system_memory()[1]


def get_device_properties(device=None) -> DeviceProperties:
    return DeviceProperties("mps", get_device_name(), _total_memory(), os.cpu_count() or 1)


def get_device_capability(device=None) -> Tuple[int, int]:
    return (0, 0)


@functools.lru_cache(maxsize=None)
def is_bf16_supported() -> bool:
    """True when a bfloat16 tensor can live on MPS (macOS 14+ with a recent torch)."""
    try:
        torch.ones(1, dtype=torch.bfloat16, device="mps")
    except (RuntimeError, TypeError):
        return False
    return True


def is_initialized() -> bool:
    return True


def init() -> None:
    pass


def synchronize(device=None) -> None:
    """Wait for all queued MPS work."""
    native = _mps("synchronize")
    if native:
        native()
    else:  # torch 1.13: a copy to the host commits the queue and waits for it
        torch.zeros(1, device="mps").cpu()


# Random ----------------------------------------------------------------------------------------

def manual_seed(seed: int) -> None:
    (_mps("manual_seed") or torch.manual_seed)(seed)


manual_seed_all = manual_seed


def seed() -> None:
    (_mps("seed") or torch.seed)()


seed_all = seed


def initial_seed() -> int:
    return (_mps("initial_seed") or torch.initial_seed)()


def get_rng_state(device=None) -> torch.Tensor:
    return (_mps("get_rng_state") or torch.get_rng_state)()


def set_rng_state(state: torch.Tensor, device=None) -> None:
    (_mps("set_rng_state") or torch.set_rng_state)(state)


def get_rng_state_all() -> list:
    return [get_rng_state()]


def set_rng_state_all(states) -> None:
    """Restore the first state (a checkpoint from several GPUs restores its device 0)."""
    states = list(states)
    if states:
        set_rng_state(states[0])


# Memory ----------------------------------------------------------------------------------------

_allocated_peak = PeakTracker()
_reserved_peak = PeakTracker()


def _reading(name: str) -> int:
    native = _mps(name)
    return int(native()) if native else 0


def _sample() -> Tuple[int, int]:
    """Read both counters now and feed the peak trackers; returns ``(allocated, reserved)``."""
    allocated = _reading("current_allocated_memory")
    reserved = _reading("driver_allocated_memory")
    _allocated_peak.update(allocated)
    _reserved_peak.update(reserved)
    return allocated, reserved


def _reset_peaks() -> None:
    allocated, reserved = _reading("current_allocated_memory"), _reading("driver_allocated_memory")
    _allocated_peak.reset(allocated)
    _reserved_peak.reset(reserved)


def memory_allocated(device=None) -> int:
    return _sample()[0]


def max_memory_allocated(device=None) -> int:
    _sample()
    return _allocated_peak.peak


def memory_reserved(device=None) -> int:
    return _sample()[1]


def max_memory_reserved(device=None) -> int:
    _sample()
    return _reserved_peak.peak


def empty_cache() -> None:
    native = _mps("empty_cache")
    if native:
        native()


def mem_get_info(device=None) -> Tuple[int, int]:
    """``(total - driver-allocated, total)``; total is the recommended working set."""
    total = _total_memory()
    return max(total - _sample()[1], 0), total


def reset_peak_memory_stats(device=None) -> None:
    _reset_peaks()


def reset_accumulated_memory_stats(device=None) -> None:
    """torch keeps no accumulated MPS counters."""


def memory_stats(device=None) -> dict:
    allocated, reserved = _sample()
    return memory_stats_dict(allocated, _allocated_peak.peak, reserved, _reserved_peak.peak)


def memory_summary(device=None, abbreviated: bool = False) -> str:
    return memory_summary_text("mps", "peaks are the largest values seen by torchdevice queries",
                               memory_stats(device), abbreviated)


def set_per_process_memory_fraction(fraction: float, device=None) -> None:
    check_fraction(fraction)
    native = _mps("set_per_process_memory_fraction")
    if native:
        native(fraction)


# Stream / event hooks --------------------------------------------------------------------------

class NativeMark:
    """A recorded ``torch.mps.Event``."""

    def __init__(self, enable_timing: bool) -> None:
        self.event = _compat.mps_module().Event(enable_timing=enable_timing)
        self.event.record()

    def query(self) -> bool:
        return bool(self.event.query())

    def synchronize(self) -> None:
        self.event.synchronize()

    def wait(self, stream) -> None:
        self.event.wait()

    def elapsed_ms(self, end: "NativeMark") -> float:
        return float(self.event.elapsed_time(end.event))


def record_mark(enable_timing: bool):
    """Native MPS event where torch has one; otherwise synchronize, then take the host time."""
    if _compat.mps_has("Event"):
        return NativeMark(enable_timing)
    synchronize()
    return HostMark()


def stream_query(stream) -> bool:
    """True when all queued MPS work is done (the MPS queue is shared by all streams)."""
    if _compat.mps_has("Event"):
        return NativeMark(False).query()
    synchronize()
    return True


def stream_synchronize(stream) -> None:
    synchronize()


_config.register_reset(_reset_peaks)
