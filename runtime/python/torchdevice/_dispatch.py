"""Metaclass for public classes that hand out native torch objects where torch has them.

``torchdevice.Stream()`` returns a ``torch.cuda.Stream`` on CUDA and an emulated ``Stream``
elsewhere; with this metaclass ``isinstance(obj, torchdevice.Stream)`` is True for both.
"""

from __future__ import annotations

from typing import Callable, Tuple


class NativeDispatchMeta(type):
    """A class may define ``_native_types``: a callable returning native classes whose instances
    also count as instances of that class (not of its subclasses)."""

    def __instancecheck__(cls, obj) -> bool:
        if type.__instancecheck__(cls, obj):
            return True
        natives: Callable[[], Tuple[type, ...]] = cls.__dict__.get("_native_types")
        if natives is None:
            return False
        return isinstance(obj, natives.__func__())  # staticmethod in the class dict
