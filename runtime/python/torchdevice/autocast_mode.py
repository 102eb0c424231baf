"""``torchdevice.autocast``: ``torch.autocast`` aimed at the selected device.

``device_type`` None, ``"cuda"`` or ``"mps"`` means the selected device, with float16 as the
default dtype (the CUDA default); ``"cpu"`` is honoured as written (torch's CPU default dtype).

Where the resolved device cannot run the requested dtype under autocast the context runs
*disabled*, in float32, with one info-level log line per process and no warning:

* CPU + float16 requested for an accelerator (the usual ported CUDA code): disabled. torch 1.13
  has no float16 CPU autocast, and where newer torch has it, it is slower than float32 on most
  CPUs. Ask for ``dtype=torch.bfloat16`` to get real CPU autocast.
* explicit ``"cpu"`` with a dtype this torch's CPU autocast lacks: disabled.
* MPS on a torch without MPS autocast (< 2.5) or without that dtype: disabled.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Optional, Tuple

import torch

from . import _compat, _config, _log

ACCELERATOR_NAMES = (None, "cuda", "mps")


def resolve(device_type: Optional[str], dtype: Optional[torch.dtype]
            ) -> Tuple[str, Optional[torch.dtype], bool]:
    """Return ``(device_type, dtype, supported)`` for a requested autocast.

    ``supported`` False means the context must run disabled.
    """
    if device_type in ACCELERATOR_NAMES:
        target = _config.selected_type()
        dtype = torch.float16 if dtype is None else dtype
    else:
        target = device_type
    if target == "cuda":
        return target, dtype, True
    if target == "cpu" and dtype is None:
        return target, None, True  # torch's own CPU default (bfloat16)
    if target == "cpu" and device_type in ACCELERATOR_NAMES and dtype == torch.float16:
        return target, dtype, False
    if target in ("cpu", "mps"):
        return target, dtype, _compat.autocast_supported(target, dtype)
    return target, dtype, True  # other device types: torch decides


class autocast(torch.autocast):
    """``autocast(device_type=None, dtype=None, enabled=True, cache_enabled=None)``.

    Same use as ``torch.autocast``: context manager or decorator. Attributes ``requested`` (the
    arguments as given) and ``active`` (whether mixed precision really runs) help debugging.
    """

    def __init__(self, device_type: Optional[str] = None, dtype: Optional[torch.dtype] = None,
                 enabled: bool = True, cache_enabled: Optional[bool] = None) -> None:
        _log.trace_call("torchdevice.autocast", (device_type,),
                        dict(dtype=dtype, enabled=enabled))
        self.requested = (device_type, dtype)
        target, fast_dtype, supported = resolve(device_type, dtype)
        if enabled and not supported:
            _log.info_once(f"autocast-{target}-{fast_dtype}",
                           "autocast(%s) on %s runs disabled (float32): %s autocast is not "
                           "supported or not useful here", fast_dtype, target, fast_dtype)
        self.active = bool(enabled and supported)
        if not supported:
            # a disabled CPU autocast: switches autocast off inside, never warns
            target, fast_dtype = "cpu", torch.bfloat16
        super().__init__(target, dtype=fast_dtype, enabled=self.active,
                         cache_enabled=cache_enabled)


def _cast_inputs(value, device_type: str, dtype: torch.dtype):
    """Cast floating-point tensors on ``device_type`` inside ``value`` (nested) to ``dtype``."""
    if isinstance(value, torch.Tensor):
        if value.is_floating_point() and value.device.type == device_type:
            return value.to(dtype)
        return value
    if isinstance(value, dict):
        return {k: _cast_inputs(v, device_type, dtype) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and type(value) in (list, tuple):
        return type(value)(_cast_inputs(v, device_type, dtype) for v in value)
    return value


def _autocast_off_or_on(device_type: str, enabled: bool, dtype: Optional[torch.dtype]):
    """``torch.autocast(device_type, ...)``, or a null context where this torch has no autocast for
    ``device_type`` (MPS before torch 2.5): there autocast can only be off already."""
    if device_type in ("cuda", "cpu") or _compat.autocast_supported(device_type, torch.float16):
        if dtype is None:
            dtype = torch.bfloat16 if device_type == "cpu" else torch.float16
        return torch.autocast(device_type=device_type, enabled=enabled, dtype=dtype)
    return contextlib.nullcontext()


def custom_fwd(fwd=None, *, cast_inputs: Optional[torch.dtype] = None):
    """Decorator for ``torch.autograd.Function.forward`` (like ``torch.cuda.amp.custom_fwd``).

    When autocast is active and ``cast_inputs`` is given, the forward runs with autocast off and
    the floating-point inputs on the device cast to ``cast_inputs``; otherwise it runs as is and
    records the autocast state for :func:`custom_bwd`. The native decorator is used on CUDA
    (chosen at call time, so decorating never selects the device).
    """
    if fwd is None:
        return functools.partial(custom_fwd, cast_inputs=cast_inputs)
    native = _LazyNative("custom_fwd", fwd, cast_inputs=cast_inputs)

    @functools.wraps(fwd)
    def decorate_fwd(ctx, *args, **kwargs):
        dev = _config.selected_type()
        if dev == "cuda":
            return native()(ctx, *args, **kwargs)
        enabled, dtype = _compat.autocast_state(dev)
        ctx._dtype = dtype
        if cast_inputs is None or not enabled:
            ctx._fwd_used_autocast = enabled
            return fwd(ctx, *args, **kwargs)
        ctx._fwd_used_autocast = False
        with _autocast_off_or_on(dev, False, dtype):
            return fwd(ctx, *_cast_inputs(args, dev, cast_inputs),
                       **_cast_inputs(kwargs, dev, cast_inputs))

    return decorate_fwd


def custom_bwd(bwd):
    """Decorator for ``torch.autograd.Function.backward`` (like ``torch.cuda.amp.custom_bwd``):
    runs it in the autocast state of the matching :func:`custom_fwd` forward. Native on CUDA."""
    native = _LazyNative("custom_bwd", bwd)

    @functools.wraps(bwd)
    def decorate_bwd(ctx, *args, **kwargs):
        dev = _config.selected_type()
        if dev == "cuda":
            return native()(ctx, *args, **kwargs)
        enabled = bool(getattr(ctx, "_fwd_used_autocast", False))
        with _autocast_off_or_on(dev, enabled, getattr(ctx, "_dtype", None)):
            return bwd(ctx, *args, **kwargs)

    return decorate_bwd


class _LazyNative:
    """The CUDA-native decoration of a function, built on first use."""

    def __init__(self, name: str, fn, **kwargs) -> None:
        self._name, self._fn, self._kwargs, self._decorated = name, fn, kwargs, None

    def __call__(self):
        if self._decorated is None:
            if _compat.has_generic_custom_fwd():  # torch >= 2.4; torch.cuda.amp's is deprecated
                decorator = functools.partial(getattr(torch.amp, self._name), device_type="cuda")
            else:
                decorator = getattr(torch.cuda.amp, self._name)
            self._decorated = decorator(self._fn, **self._kwargs)
        return self._decorated
