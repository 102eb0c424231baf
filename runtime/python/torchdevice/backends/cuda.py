"""CUDA backend: every call is the native ``torch.cuda`` one, looked up at call time.

Streams and events are native too; :mod:`torchdevice.streams` hands them out directly.
"""

from __future__ import annotations

import torch

_PASS_THROUGH = frozenset({
    "is_available", "device_count", "current_device", "set_device", "get_device_name",
    "get_device_properties", "get_device_capability", "is_bf16_supported", "is_initialized",
    "init", "synchronize",
    "manual_seed", "manual_seed_all", "seed", "seed_all", "initial_seed",
    "get_rng_state_all", "set_rng_state_all",
    "memory_allocated", "max_memory_allocated", "memory_reserved", "max_memory_reserved",
    "empty_cache", "mem_get_info", "reset_peak_memory_stats", "reset_accumulated_memory_stats",
    "memory_stats", "memory_summary", "set_per_process_memory_fraction",
})


def __getattr__(name: str):
    """``torchdevice.backends.cuda.X`` is ``torch.cuda.X`` for the functions listed above."""
    if name in _PASS_THROUGH:
        return getattr(torch.cuda, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def get_rng_state(device=None):
    """``torch.cuda.get_rng_state``; None means the current CUDA device."""
    return torch.cuda.get_rng_state() if device is None else torch.cuda.get_rng_state(device)


def set_rng_state(state, device=None) -> None:
    """``torch.cuda.set_rng_state``; None means the current CUDA device."""
    if device is None:
        torch.cuda.set_rng_state(state)
    else:
        torch.cuda.set_rng_state(state, device)
