"""Classes that stand in for torch classes while patched (``torch.cuda.Event``, ...).

A stand-in is a subclass of the runtime class that does the work, so ``torch.cuda.Event()``
builds a runtime event and a class derived from ``torch.cuda.Event`` while patched is a runtime
event class too. Its metaclass keeps ``isinstance`` truthful in both directions:
``isinstance(e, torch.cuda.Event)`` is True for runtime events (``torchdevice.Event()``) and for
genuine ``torch.cuda.Event`` objects made before the patch, and False for anything else.
"""

from __future__ import annotations

from typing import Tuple

from .._dispatch import NativeDispatchMeta
from . import report
from .translate import is_cuda, target


class StandInType(NativeDispatchMeta):
    """Metaclass of the stand-ins. Class attributes it reads:

    ``_td_key``: report name, counted on every construction (None: the class counts itself);
    ``_td_accepts``: runtime classes whose instances count as instances (exact type check, so no
    metaclass of theirs is consulted and no lookup loops back here);
    ``_td_originals``: the replaced torch classes (ordinary ``isinstance``).
    """

    def __call__(cls, *args, **kwargs):
        key = getattr(cls, "_td_key", None)
        if key:
            report.hit(key)
        return super().__call__(*args, **kwargs)

    def __instancecheck__(cls, obj) -> bool:
        if type.__instancecheck__(cls, obj):
            return True
        if "_td_originals" not in cls.__dict__:  # a user's subclass: ordinary check
            return False
        return (any(type.__instancecheck__(c, obj) for c in cls._td_accepts)
                or isinstance(obj, cls._td_originals))

    def __subclasscheck__(cls, sub) -> bool:
        if type.__subclasscheck__(cls, sub):
            return True
        if "_td_originals" not in cls.__dict__:
            return False
        return (any(type.__subclasscheck__(c, sub) for c in cls._td_accepts)
                or issubclass(sub, cls._td_originals))


def _namespace(original: type, key, accepts: Tuple[type, ...]) -> dict:
    return {"__module__": __name__, "__qualname__": original.__name__,
            "__doc__": f"Stands in for ``{original.__module__}.{original.__qualname__}`` while "
                       f"torchdevice.patch() is active.",
            "_td_key": key, "_td_accepts": accepts, "_td_originals": (original,)}


def stand_in(runtime_class: type, accepts: Tuple[type, ...] = ()):
    """Builder: a subclass of ``runtime_class`` standing for the original class.

    ``accepts`` (default: ``runtime_class``) lists the runtime classes whose instances count as
    instances of the original; give it when ``runtime_class()`` returns objects of another class.
    """
    def build(original: type, key: str) -> type:
        namespace = _namespace(original, key, accepts or (runtime_class,))
        return StandInType(original.__name__, (runtime_class,), namespace)

    return build


def generator(original: type, key: str) -> type:
    """``torch.Generator(device="cpu")``: a genuine generator, on the selected device when the
    device is CUDA. ``isinstance(g, torch.Generator)`` stays True for every generator."""
    def __new__(cls, device="cpu"):
        if is_cuda(device):
            report.hit(key)
            device = target(device)
        return original(device)

    namespace = _namespace(original, None, ())
    namespace["__new__"] = __new__
    return StandInType(original.__name__, (), namespace)


class DeviceContext:
    """Runtime side of ``torch.cuda.device(d)`` / ``torch.cuda.device_of(t)`` off CUDA: the
    selected device is the only one, so there is nothing to switch."""

    def __init__(self, device) -> None:
        self.idx = -1 if device is None else 0

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info) -> bool:
        return False
