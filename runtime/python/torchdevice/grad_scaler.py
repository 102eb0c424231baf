"""``torchdevice.GradScaler``: loss scaling where the device uses it, a disabled scaler elsewhere.

* CUDA: the native scaler (``torch.amp.GradScaler("cuda")`` on torch >= 2.3, else
  ``torch.cuda.amp.GradScaler``).
* MPS on torch >= 2.8: native ``torch.amp.GradScaler("mps")``.
* CPU, and MPS on older torch: a :class:`GradScaler` that behaves like torch's
  ``GradScaler(enabled=False)``: ``scale`` returns its input, ``step`` calls
  ``optimizer.step()``, ``update``/``unscale_`` do nothing, ``get_scale()`` is 1.0. Its
  ``state_dict()`` holds the configured values, so a native scaler can load it.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

import torch

from . import _compat, _config, _log
from ._dispatch import NativeDispatchMeta


def _native_scaler(device_type: str, **options):
    if _compat.has_generic_grad_scaler():
        return torch.amp.GradScaler(device_type, **options)
    return torch.cuda.amp.GradScaler(**options)


def _wants_native(device) -> Optional[str]:
    """The device type to build a native scaler for, or None for the disabled scaler."""
    target = _config.map_device(device).type
    if target == "cuda" or (target == "mps" and _compat.mps_grad_scaler_supported()):
        return target
    return None


def native_types() -> tuple:
    """torch's scaler classes (instances count as ``torchdevice.GradScaler`` instances)."""
    generic = (torch.amp.GradScaler,) if _compat.has_generic_grad_scaler() else ()
    return (torch.cuda.amp.GradScaler,) + generic


class GradScaler(metaclass=NativeDispatchMeta):
    """``GradScaler(device=None, init_scale=2.**16, growth_factor=2.0, backoff_factor=0.5,
    growth_interval=2000, enabled=True)``, like ``torch.amp.GradScaler``; ``device`` None (or
    ``"cuda"``/``"mps"``) means the selected device."""

    @staticmethod
    def _native_types():
        return native_types()

    def __new__(cls, device=None, init_scale: float = 2.0 ** 16, growth_factor: float = 2.0,
                backoff_factor: float = 0.5, growth_interval: int = 2000, enabled: bool = True):
        _log.trace_call("torchdevice.GradScaler", (device,), dict(enabled=enabled))
        native = _wants_native(device) if cls is GradScaler else None
        if native is not None:
            return _native_scaler(native, init_scale=init_scale, growth_factor=growth_factor,
                                  backoff_factor=backoff_factor, growth_interval=growth_interval,
                                  enabled=enabled)
        return super().__new__(cls)

    def __init__(self, device=None, init_scale: float = 2.0 ** 16, growth_factor: float = 2.0,
                 backoff_factor: float = 0.5, growth_interval: int = 2000,
                 enabled: bool = True) -> None:
        self._device = _config.map_device(device).type
        if enabled:
            _log.info_once(f"gradscaler-{self._device}",
                           "GradScaler on %s is disabled: no loss scaling needed or supported",
                           self._device)
        self._init_scale = float(init_scale)
        self._growth_factor = float(growth_factor)
        self._backoff_factor = float(backoff_factor)
        self._growth_interval = int(growth_interval)

    def scale(self, outputs):
        """Return ``outputs`` unchanged (tensor or nested iterable of tensors)."""
        return outputs

    def unscale_(self, optimizer) -> None:
        """Nothing to unscale."""

    def step(self, optimizer, *args, **kwargs):
        """``optimizer.step(*args, **kwargs)``."""
        return optimizer.step(*args, **kwargs)

    def update(self, new_scale=None) -> None:
        """Nothing to update."""

    def get_scale(self) -> float:
        return 1.0

    def get_growth_factor(self) -> float:
        return self._growth_factor

    def set_growth_factor(self, new_factor: float) -> None:
        self._growth_factor = float(new_factor)

    def get_backoff_factor(self) -> float:
        return self._backoff_factor

    def set_backoff_factor(self, new_factor: float) -> None:
        self._backoff_factor = float(new_factor)

    def get_growth_interval(self) -> int:
        return self._growth_interval

    def set_growth_interval(self, new_interval: int) -> None:
        self._growth_interval = int(new_interval)

    def is_enabled(self) -> bool:
        return False

    def state_dict(self) -> Dict[str, Any]:
        """The configured values in the keys of torch's scaler state."""
        return {"scale": self._init_scale, "growth_factor": self._growth_factor,
                "backoff_factor": self._backoff_factor, "growth_interval": self._growth_interval,
                "_growth_tracker": 0}

    def load_state_dict(self, state_dict: Dict[str, Any]) -> None:
        """Take the configuration from a scaler state (from this class or a native scaler)."""
        self._init_scale = float(state_dict.get("scale", self._init_scale))
        self._growth_factor = float(state_dict.get("growth_factor", self._growth_factor))
        self._backoff_factor = float(state_dict.get("backoff_factor", self._backoff_factor))
        self._growth_interval = int(state_dict.get("growth_interval", self._growth_interval))

    def __repr__(self) -> str:
        return f"<torchdevice.GradScaler disabled on {self._device}>"
