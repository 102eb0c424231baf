"""Torch version and feature detection.

Everything that differs between torch 1.13 and 2.x is asked here, by feature and not by version
where torch lets us, so the rest of the package never touches an attribute that may be missing.
Nothing in this module runs at import time beyond reading ``torch.__version__``.
"""

from __future__ import annotations

import functools
import re
import warnings
from typing import Optional, Tuple

import torch


def _parse_version(text: str) -> Tuple[int, int]:
    match = re.match(r"(\d+)\.(\d+)", text)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


#: ``(major, minor)`` of the running torch, e.g. ``(1, 13)``.
TORCH_VERSION: Tuple[int, int] = _parse_version(torch.__version__)


def mps_module():
    """Return ``torch.mps`` (torch >= 2.0) or None."""
    return getattr(torch, "mps", None)


def mps_has(name: str) -> bool:
    """True when ``torch.mps`` exists and has the attribute ``name``."""
    module = mps_module()
    return module is not None and hasattr(module, name)


def mps_available() -> bool:
    """True when an MPS device can be used now."""
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def cuda_available() -> bool:
    """True when a CUDA device can be used now."""
    return bool(torch.cuda.is_available())


def generic_types(name: str) -> tuple:
    """``(torch.<name>,)`` where torch has that device-generic class (Stream, Event), else ()."""
    cls = getattr(torch, name, None)
    return (cls,) if isinstance(cls, type) else ()


def has_generic_grad_scaler() -> bool:
    """True when ``torch.amp.GradScaler`` (device-generic, torch >= 2.3) exists."""
    return hasattr(torch.amp, "GradScaler")


def has_generic_custom_fwd() -> bool:
    """True when ``torch.amp.custom_fwd`` / ``custom_bwd`` take a ``device_type`` (torch >= 2.4)."""
    return hasattr(torch.amp, "custom_fwd") and hasattr(torch.amp, "custom_bwd")


def mps_grad_scaler_supported() -> bool:
    """True when torch implements loss scaling on MPS (kernels landed in torch 2.8)."""
    return has_generic_grad_scaler() and TORCH_VERSION >= (2, 8)


@functools.lru_cache(maxsize=None)
def autocast_supported(device_type: str, dtype: torch.dtype) -> bool:
    """True when ``torch.autocast(device_type, dtype=dtype)`` would really be enabled.

    Asked by building (never entering) an autocast object: torch disables it, with a warning we
    swallow here, or raises, when the device or the dtype is unsupported in this version.
    """
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            probe = torch.autocast(device_type, dtype=dtype)
    except (RuntimeError, ValueError, TypeError):
        return False
    return bool(getattr(probe, "_enabled", not caught))


def autocast_state(device_type: str) -> Tuple[bool, Optional[torch.dtype]]:
    """Return ``(enabled, dtype)`` of the autocast state of ``device_type`` in this thread."""
    if hasattr(torch, "get_autocast_dtype"):  # torch >= 2.4: device-generic queries
        try:
            enabled = bool(torch.is_autocast_enabled(device_type))
            return enabled, torch.get_autocast_dtype(device_type)
        except (RuntimeError, TypeError, ValueError):
            return False, None
    if device_type == "cpu":
        return bool(torch.is_autocast_cpu_enabled()), torch.get_autocast_cpu_dtype()
    if device_type == "cuda":
        return bool(torch.is_autocast_enabled()), torch.get_autocast_gpu_dtype()
    return False, None
