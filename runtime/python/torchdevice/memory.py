"""Memory queries (public functions), per backend:

* CUDA: the native ``torch.cuda`` counters.
* MPS: ``torch.mps`` counters; peaks sampled at torchdevice queries (see ``backends.mps``).
* CPU: this process's resident set size and its peak, system memory from the OS (see
  ``backends.cpu``); never GPU-like invented numbers.

Deprecated CUDA names (``memory_cached``, ``reset_max_memory_*``) map to their replacements.
"""

from __future__ import annotations

from typing import Tuple

import torch

from . import _config, _log


@_log.traced
def memory_allocated(device=None) -> int:
    """Bytes in use: CUDA/MPS tensor memory; CPU process RSS."""
    return _config.backend().memory_allocated(device)


@_log.traced
def max_memory_allocated(device=None) -> int:
    """Peak of :func:`memory_allocated` since start or the last reset."""
    return _config.backend().max_memory_allocated(device)


@_log.traced
def memory_reserved(device=None) -> int:
    """Bytes held by the allocator: CUDA cache, MPS driver allocations, CPU RSS."""
    return _config.backend().memory_reserved(device)


@_log.traced
def max_memory_reserved(device=None) -> int:
    """Peak of :func:`memory_reserved` since start or the last reset."""
    return _config.backend().max_memory_reserved(device)


@_log.traced
def memory_cached(device=None) -> int:
    """Deprecated alias of :func:`memory_reserved`."""
    return _config.backend().memory_reserved(device)


@_log.traced
def max_memory_cached(device=None) -> int:
    """Deprecated alias of :func:`max_memory_reserved`."""
    return _config.backend().max_memory_reserved(device)


@_log.traced
def empty_cache() -> None:
    """Release cached device memory (no-op on cpu)."""
    _config.backend().empty_cache()


@_log.traced
def mem_get_info(device=None) -> Tuple[int, int]:
    """``(free, total)`` bytes: device memory on CUDA/MPS, system memory on cpu."""
    return _config.backend().mem_get_info(device)


@_log.traced
def reset_peak_memory_stats(device=None) -> None:
    """Restart the ``max_*`` counters at the current values."""
    _config.backend().reset_peak_memory_stats(device)


@_log.traced
def reset_max_memory_allocated(device=None) -> None:
    """Deprecated: same as :func:`reset_peak_memory_stats` (as in torch)."""
    _config.backend().reset_peak_memory_stats(device)


@_log.traced
def reset_max_memory_cached(device=None) -> None:
    """Deprecated: same as :func:`reset_peak_memory_stats` (as in torch)."""
    _config.backend().reset_peak_memory_stats(device)


@_log.traced
def reset_accumulated_memory_stats(device=None) -> None:
    """Reset accumulated counters (CUDA only; nothing to reset elsewhere)."""
    _config.backend().reset_accumulated_memory_stats(device)


@_log.traced
def memory_stats(device=None) -> dict:
    """Dict of counters; mps/cpu provide the ``allocated_bytes.all.*`` and ``reserved_bytes.all.*``
    keys (cpu adds ``system.*``)."""
    return _config.backend().memory_stats(device)


@_log.traced
def memory_summary(device=None, abbreviated: bool = False) -> str:
    """Human-readable table of :func:`memory_stats`."""
    return _config.backend().memory_summary(device, abbreviated)


@_log.traced
def set_per_process_memory_fraction(fraction: float, device=None) -> None:
    """Cap the allocator (CUDA, MPS); validated and ignored on cpu."""
    _config.backend().set_per_process_memory_fraction(fraction, device)


@_log.traced
def pin_memory_supported() -> bool:
    """True only on CUDA, where page-locked host memory speeds up transfers."""
    return _config.selected_type() == "cuda"


@_log.traced
def pin_memory(tensor: torch.Tensor) -> torch.Tensor:
    """``tensor.pin_memory()`` where supported, else ``tensor`` itself."""
    return tensor.pin_memory() if pin_memory_supported() else tensor
