"""Replacement functions, one builder per kind of redirect.

A builder takes ``(original, key)`` (the object being replaced and its report name) and returns
the replacement. Replacements translate CUDA device arguments only and pass everything else to
the original unchanged: a dtype stays a dtype, ``"cpu"`` stays the CPU, and no function gets a
keyword it does not take. They count a call only when they redirected something.
"""

from __future__ import annotations

import functools
import threading
from typing import Any, Callable

from .. import memory as _memory
from . import report
from .translate import is_cuda, map_location, target

Builder = Callable[[Any, str], Any]

_local = threading.local()


def runtime(fn: Callable) -> Builder:
    """Replace with the runtime function ``fn`` (same name and signature).

    While ``fn`` runs, torch functions it calls may call back into ``torch.cuda`` (the runtime's
    CPU ``manual_seed`` calls ``torch.manual_seed``, which calls ``torch.cuda.manual_seed_all``):
    such nested calls get the original, as torch would without the patch.
    """
    def build(original, key: str):
        @functools.wraps(fn)
        def redirect(*args, **kwargs):
            if getattr(_local, "busy", False):
                return original(*args, **kwargs)
            report.hit(key)
            _local.busy = True
            try:
                return fn(*args, **kwargs)
            finally:
                _local.busy = False

        return redirect

    return build


def always_true(original, key: str):
    """``torch.cuda.is_available`` under ``pretend_cuda_available=True``."""
    @functools.wraps(original)
    def is_available() -> bool:
        report.hit(key)
        return True

    return is_available


def device_argument(original, key: str):
    """``Tensor.to`` / ``Module.to``: a CUDA device as first argument or ``device=``."""
    @functools.wraps(original)
    def to(self, *args, **kwargs):
        if args and is_cuda(args[0]):
            args = (target(args[0]),) + args[1:]
            report.hit(key)
        elif is_cuda(kwargs.get("device")):
            kwargs["device"] = target(kwargs["device"])
            report.hit(key)
        return original(self, *args, **kwargs)

    return to


def tensor_cuda(original, key: str):
    """``Tensor.cuda(device=None, non_blocking=False, memory_format=...)``."""
    @functools.wraps(original)
    def cuda(self, device=None, non_blocking=False, **kwargs):
        report.hit(key)
        return self.to(target(device), non_blocking=non_blocking, **kwargs)

    return cuda


def module_cuda(original, key: str):
    """``Module.cuda(device=None)``: ``self.to(device)`` (subclass overrides of ``to`` run)."""
    @functools.wraps(original)
    def cuda(self, device=None):
        report.hit(key)
        return self.to(target(device))

    return cuda


def pin_memory(original, key: str):
    """``Tensor.pin_memory(device=None)``: the runtime's ``pin_memory`` (no-op off CUDA)."""
    @functools.wraps(original)
    def pin(self, device=None):
        report.hit(key)
        return _memory.pin_memory(self)

    return pin


def device_keyword(original, key: str):
    """Functions that take ``device=`` (factories): translate it, and ``pin_memory=True`` where
    the device cannot pin. Arguments that were not given are never added."""
    @functools.wraps(original)
    def factory(*args, **kwargs):
        if kwargs:
            redirected = False
            if is_cuda(kwargs.get("device")):
                kwargs["device"] = target(kwargs["device"])
                redirected = True
            if kwargs.get("pin_memory") and not _memory.pin_memory_supported():
                kwargs["pin_memory"] = False
                redirected = True
            if redirected:
                report.hit(key)
        return original(*args, **kwargs)

    return factory


def load(original, key: str):
    """``torch.load(f, map_location=None, ...)``: see :func:`translate.map_location`."""
    @functools.wraps(original)
    def load(*args, **kwargs):
        seen: list = []
        if len(args) > 1:
            args = (args[0], map_location(args[1], seen)) + args[2:]
        else:
            kwargs["map_location"] = map_location(kwargs.get("map_location"), seen)
        try:
            return original(*args, **kwargs)
        finally:
            if seen:
                report.hit(key)

    return load
