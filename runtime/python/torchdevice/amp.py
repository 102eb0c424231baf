"""``torchdevice.amp``: drop-in for ``torch.cuda.amp`` on the selected device.

``amp.autocast``/``amp.GradScaler`` take ``torch.cuda.amp``'s arguments and mean the selected
device; see :mod:`torchdevice.autocast_mode` and :mod:`torchdevice.grad_scaler` for what happens
on each device. ``custom_fwd``/``custom_bwd`` are the device-aware decorators.
"""

from __future__ import annotations

import torch

from . import autocast_mode, grad_scaler
from .autocast_mode import custom_bwd, custom_fwd

__all__ = ["autocast", "GradScaler", "custom_fwd", "custom_bwd"]


class autocast(autocast_mode.autocast):
    """``amp.autocast(enabled=True, dtype=torch.float16, cache_enabled=True)``, like
    ``torch.cuda.amp.autocast``, on the selected device."""

    def __init__(self, enabled: bool = True, dtype: torch.dtype = torch.float16,
                 cache_enabled: bool = True) -> None:
        super().__init__(None, dtype=dtype, enabled=enabled, cache_enabled=cache_enabled)


class GradScaler(grad_scaler.GradScaler):
    """``amp.GradScaler(init_scale=2.**16, growth_factor=2.0, backoff_factor=0.5,
    growth_interval=2000, enabled=True)``, like ``torch.cuda.amp.GradScaler``: returns
    ``torchdevice.GradScaler(None, ...)`` for the selected device."""

    @staticmethod
    def _native_types():
        return (grad_scaler.GradScaler,) + grad_scaler.native_types()

    def __new__(cls, init_scale: float = 2.0 ** 16, growth_factor: float = 2.0,
                backoff_factor: float = 0.5, growth_interval: int = 2000, enabled: bool = True):
        return grad_scaler.GradScaler(None, init_scale=init_scale, growth_factor=growth_factor,
                                      backoff_factor=backoff_factor,
                                      growth_interval=growth_interval, enabled=enabled)
