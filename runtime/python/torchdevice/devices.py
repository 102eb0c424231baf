"""Device selection and device queries (public functions).

The selection itself lives in :mod:`torchdevice._config`; these functions answer for the selected
device and mirror the ``torch.cuda`` functions they replace.
"""

from __future__ import annotations

from typing import Tuple, Union

import torch

from . import _config, _log
from ._config import prefer as _prefer


@_log.traced
def prefer(device_type: Union[str, torch.device]) -> None:
    """Record the device the code was ported to: ``"cuda"``, ``"mps"``, ``"cpu"`` or ``"auto"``
    (no preference).

    Ported files call it at import; nothing is selected until first use. ``TORCHDEVICE_DEVICE``
    overrides it.
    """
    _prefer(device_type)


@_log.traced
def device(index=None) -> torch.device:
    """The selected device: ``cuda`` (``cuda:<index>`` with an index), ``mps`` or ``cpu``."""
    return _config.map_device(index)


@_log.traced
def device_type() -> str:
    """``"cuda"``, ``"mps"`` or ``"cpu"``."""
    return _config.selected_type()


@_log.traced
def device_string(index=None) -> str:
    """``str(device(index))``: ``"cuda:1"``, ``"cuda"``, ``"mps"`` or ``"cpu"``."""
    return str(_config.map_device(index))


@_log.traced
def is_available() -> bool:
    """True: the selected device is usable (selection falls back to one that is).

    Code that asked ``torch.cuda.is_available()`` to decide whether to use the GPU gets the
    selected device; use :func:`is_accelerator` to ask whether that is a GPU.
    """
    _config.selected_type()
    return True


@_log.traced
def is_accelerator() -> bool:
    """True when the selected device is not the CPU."""
    return _config.selected_type() != "cpu"


@_log.traced
def device_count() -> int:
    """Number of devices of the selected type (1 for mps and cpu)."""
    return _config.backend().device_count()


@_log.traced
def current_device() -> int:
    """Index of the current device (0 for mps and cpu)."""
    return _config.backend().current_device()


@_log.traced
def set_device(device) -> None:
    """``torch.cuda.set_device`` on CUDA; accepted and ignored on mps and cpu (one device)."""
    _config.backend().set_device(device)


@_log.traced
def get_device_name(device=None) -> str:
    """GPU name on CUDA; the chip or CPU model name on mps and cpu."""
    return _config.backend().get_device_name(device)


@_log.traced
def get_device_properties(device=None):
    """Native properties on CUDA; on mps/cpu an object with ``name``, ``total_memory``,
    ``major``/``minor`` (0) and ``multi_processor_count`` (CPU cores)."""
    return _config.backend().get_device_properties(device)


@_log.traced
def get_device_capability(device=None) -> Tuple[int, int]:
    """CUDA compute capability; ``(0, 0)`` on mps and cpu."""
    return _config.backend().get_device_capability(device)


@_log.traced
def is_bf16_supported() -> bool:
    """Whether bfloat16 works on the selected device."""
    return _config.backend().is_bf16_supported()


@_log.traced
def is_initialized() -> bool:
    """True once the device was selected (and, on CUDA, CUDA was initialized). Selects nothing."""
    return _config.is_resolved() and _config.backend().is_initialized()


@_log.traced
def init() -> None:
    """Select the device now (and initialize CUDA on CUDA)."""
    _config.backend().init()


@_log.traced
def is_on_device(tensor: torch.Tensor) -> bool:
    """True when ``tensor`` lives on the selected device type (replaces ``tensor.is_cuda``)."""
    return tensor.device.type == _config.selected_type()


@_log.traced
def synchronize(device=None) -> None:
    """Wait for all work on the device (no-op on cpu)."""
    _config.backend().synchronize(device)
