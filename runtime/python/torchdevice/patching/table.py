"""The one table of what ``torchdevice.patch()`` replaces: (object, attribute, replacement).

Each row names the object that holds the attribute, the attribute, and the builder of its
replacement (see :mod:`.wrappers` and :mod:`.stand_ins`). :mod:`.mechanism` applies the rows and
restores them; nothing else in the package touches torch.

Left alone on purpose: ``torch.device`` (a C type: replacing it breaks ``isinstance``; devices
are translated where they are passed instead), ``Tensor.cpu``/``Tensor.numpy`` (they must reach
the CPU), functions without a ``device`` argument, and ``torch.cuda.is_available`` /
``device_count`` unless ``pretend_cuda_available=True``.
"""

from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass
from typing import Any, Callable, List, Tuple

import torch

from . import stand_ins, wrappers

#: ``torch.cuda.<name>`` replaced by ``torchdevice.<name>`` (same name and signature).
CUDA_FUNCTIONS = (
    # device queries and synchronize
    "current_device", "set_device", "get_device_name", "get_device_properties",
    "get_device_capability", "is_bf16_supported", "init", "synchronize",
    # random
    "manual_seed", "manual_seed_all", "seed", "seed_all", "initial_seed", "get_rng_state",
    "set_rng_state", "get_rng_state_all", "set_rng_state_all",
    # memory
    "memory_allocated", "max_memory_allocated", "memory_reserved", "max_memory_reserved",
    "memory_cached", "max_memory_cached", "empty_cache", "mem_get_info",
    "reset_peak_memory_stats", "reset_max_memory_allocated", "reset_max_memory_cached",
    "reset_accumulated_memory_stats", "memory_stats", "memory_summary",
    "set_per_process_memory_fraction",
    # streams
    "current_stream", "default_stream", "set_stream", "stream",
)

#: The availability answers, replaced only under ``pretend_cuda_available=True``.
PRETEND_FUNCTIONS = ("is_available", "device_count")

#: Names with their own row, or moves to another device type whose ``device`` is an index of
#: that type (``Tensor.xpu(device=0)``): never taken as plain ``device=`` functions.
_SPECIAL = frozenset({"to", "cuda", "pin_memory", "is_pinned", "load", "Generator",
                      "cpu", "xpu", "ipu", "hpu", "mps", "mtia"})


@dataclass(frozen=True)
class Entry:
    """One row: ``owner.attr`` is replaced by ``build(original, key)``."""

    owner: Any
    owner_name: str
    attr: str
    build: Callable[[Any, str], Any]

    @property
    def key(self) -> str:
        """The API name in the report, e.g. ``"torch.cuda.synchronize"``."""
        return f"{self.owner_name}.{self.attr}"


def entries(pretend_cuda_available: bool = False) -> List[Entry]:
    """The rows for these options (rows whose attribute this torch lacks are left out)."""
    import torchdevice as td
    from torchdevice import amp, grad_scaler, streams

    cuda, cuda_amp, module = torch.cuda, torch.cuda.amp, torch.nn.Module
    runtime, stand_in = wrappers.runtime, stand_ins.stand_in
    rows: List[Tuple[Any, str, str, Callable]] = [
        (cuda, "torch.cuda", name, runtime(getattr(td, name))) for name in CUDA_FUNCTIONS]
    rows += [
        (cuda, "torch.cuda", "Stream", stand_in(streams.Stream)),
        (cuda, "torch.cuda", "Event", stand_in(streams.Event)),
        (cuda, "torch.cuda", "StreamContext", stand_in(streams.StreamContext)),
        (cuda, "torch.cuda", "device", stand_in(stand_ins.DeviceContext)),
        (cuda, "torch.cuda", "device_of", stand_in(stand_ins.DeviceContext)),
        (cuda_amp, "torch.cuda.amp", "autocast", stand_in(amp.autocast)),
        (cuda_amp, "torch.cuda.amp", "GradScaler",
         stand_in(amp.GradScaler, accepts=(grad_scaler.GradScaler,))),
        (cuda_amp, "torch.cuda.amp", "custom_fwd", runtime(amp.custom_fwd)),
        (cuda_amp, "torch.cuda.amp", "custom_bwd", runtime(amp.custom_bwd)),
        (torch.Tensor, "torch.Tensor", "to", wrappers.device_argument),
        (torch.Tensor, "torch.Tensor", "cuda", wrappers.tensor_cuda),
        (torch.Tensor, "torch.Tensor", "pin_memory", wrappers.pin_memory),
        (torch.Tensor, "torch.Tensor", "record_stream", runtime(td.record_stream)),
        (module, "torch.nn.Module", "to", wrappers.device_argument),
        (module, "torch.nn.Module", "cuda", wrappers.module_cuda),
        (module, "torch.nn.Module", "to_empty", wrappers.device_keyword),
        (torch, "torch", "load", wrappers.load),
        (torch, "torch", "Generator", stand_ins.generator),
    ]
    rows += [(owner, name_of_owner, name, wrappers.device_keyword)
             for owner, name_of_owner, name in device_keyword_functions()]
    if pretend_cuda_available:
        rows += [(cuda, "torch.cuda", "is_available", wrappers.always_true),
                 (cuda, "torch.cuda", "device_count", runtime(td.device_count))]
    return [Entry(*row) for row in rows if hasattr(row[0], row[2])]


@functools.lru_cache(maxsize=None)
def device_keyword_functions() -> Tuple[Tuple[Any, str, str], ...]:
    """``(owner, owner name, attribute)`` of the torch functions and Tensor methods that take a
    ``device`` argument: factories (``zeros``, ``randn``, ``tensor``, ``*_like``, ...) and
    ``Tensor.new_*``. Detected, never assumed: an ATen schema with a ``device`` argument, the
    signature line of a builtin's docstring, or a Python signature. Computed on the first patch
    (before anything is replaced) and kept.
    """
    found = []
    for owner, owner_name in ((torch, "torch"), (torch.Tensor, "torch.Tensor")):
        for name in dir(owner):
            if name.startswith("_") or name in _SPECIAL:
                continue
            value = getattr(owner, name, None)
            if callable(value) and not isinstance(value, type) and _takes_device(name, value):
                found.append((owner, owner_name, name))
    return tuple(found)


def _takes_device(name: str, fn: Any) -> bool:
    if inspect.isfunction(fn):
        try:
            return "device" in inspect.signature(fn).parameters
        except (TypeError, ValueError):
            return False
    try:
        schemas = torch._C._jit_get_schemas_for_operator(f"aten::{name}")
    except (AttributeError, RuntimeError):
        schemas = []
    if any(arg.name == "device" for schema in schemas for arg in schema.arguments):
        return True
    doc = getattr(fn, "__doc__", None)
    first = doc.strip().split("\n", 1)[0] if isinstance(doc, str) else ""
    return first.startswith(f"{name}(") and "device=" in first.split("->", 1)[0]
