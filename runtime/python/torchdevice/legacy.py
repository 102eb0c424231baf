"""Legacy typed tensor constructors (``torch.cuda.FloatTensor`` and friends)."""

from __future__ import annotations

import threading
from typing import Dict

import torch

from . import _config, _log

_DTYPES: Dict[str, torch.dtype] = {
    "FloatTensor": torch.float32,
    "DoubleTensor": torch.float64,
    "HalfTensor": torch.float16,
    "BFloat16Tensor": torch.bfloat16,
    "ByteTensor": torch.uint8,
    "CharTensor": torch.int8,
    "ShortTensor": torch.int16,
    "IntTensor": torch.int32,
    "LongTensor": torch.int64,
    "BoolTensor": torch.bool,
}
_classes: Dict[str, type] = {}
_lock = threading.Lock()


class _LegacyTensorType(type):
    """Metaclass: calling the class builds a tensor; ``isinstance`` checks dtype and device."""

    dtype: torch.dtype

    def __call__(cls, *args, **kwargs) -> torch.Tensor:
        target = dict(dtype=cls.dtype, device=_config.map_device(None))
        if kwargs:
            raise TypeError(f"{cls.__name__}() takes no keyword arguments")
        if not args:
            return torch.empty(0, **target)
        if all(isinstance(a, int) and not isinstance(a, bool) for a in args):
            return torch.zeros(args, **target)
        if len(args) == 1:
            (value,) = args
            if isinstance(value, torch.Size):
                return torch.zeros(value, **target)
            if isinstance(value, torch.Tensor):
                return value.to(**target)
            return torch.tensor(value, **target)
        raise TypeError(f"{cls.__name__}() expects sizes (ints) or one sequence of data")

    def __instancecheck__(cls, obj) -> bool:
        return (isinstance(obj, torch.Tensor) and obj.dtype == cls.dtype
                and obj.device.type == _config.selected_type())

    def __repr__(cls) -> str:
        return f"<torchdevice tensor type {cls.__name__}>"


@_log.traced
def tensor_type(name: str) -> type:
    """The class standing for ``torch.cuda.<name>`` on the selected device.

    ``name`` is ``"FloatTensor"``, ``"LongTensor"``, ... (a ``torch.cuda.`` prefix is allowed).
    Calling it with sizes gives a zero-filled tensor of that shape, with a sequence a tensor of that
    data, with a tensor that tensor converted; all with its dtype on the selected device.
    ``isinstance(x, tensor_type("FloatTensor"))`` is True for float32 tensors on that device.
    The same name always returns the same class.
    """
    short = str(name).rsplit(".", 1)[-1]
    if short not in _DTYPES:
        raise ValueError(f"unknown tensor type {name!r}; expected one of {', '.join(_DTYPES)}")
    with _lock:
        cls = _classes.get(short)
        if cls is None:
            namespace = {"dtype": _DTYPES[short], "__module__": "torchdevice",
                         "__doc__": f"Legacy ``{short}`` on the selected device."}
            cls = _LegacyTensorType(short, (), namespace)
            _classes[short] = cls
    return cls
