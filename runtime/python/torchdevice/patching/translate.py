"""Translation of CUDA device arguments onto the runtime's selected device.

Only CUDA arguments are touched: ``"cuda"``, ``"cuda:N"``, ``torch.device("cuda", ...)`` and a
bare int (torch reads an int given as a device as a CUDA index). ``"cpu"``, ``"mps"``, ``"meta"``,
dtypes and tensors pass through as they are.

Indices follow what torch reports for tensors, so translated devices compare equal where torch's
would: on CUDA the index is kept; on MPS ``cuda:N`` becomes ``mps:0`` (MPS tensors report
``mps:0``) and an index-less ``cuda`` becomes ``mps``; the CPU has no index (``cpu``).
"""

from __future__ import annotations

from typing import Any, List, Optional

import torch

from .. import _config


def is_cuda(value: Any) -> bool:
    """True when ``value`` names a CUDA device."""
    if isinstance(value, str):
        return value == "cuda" or value.startswith("cuda:")
    if isinstance(value, torch.device):
        return value.type == "cuda"
    return isinstance(value, int) and not isinstance(value, bool)


def target(value: Any = None) -> torch.device:
    """The selected device standing for the CUDA device ``value`` (None: the current one)."""
    index: Optional[int]
    if value is None:
        index = None
    elif isinstance(value, int):
        index = value
    else:
        index = torch.device(value).index
    selected = _config.selected_type()
    if selected == "cuda":
        return torch.device("cuda", index) if index is not None else torch.device("cuda")
    if selected == "mps" and index is not None:
        return torch.device("mps", 0)
    return torch.device(selected)


def translate(value: Any) -> Any:
    """``target(value)`` for a CUDA device, ``value`` itself otherwise."""
    return target(value) if is_cuda(value) else value


def map_location(value: Any, seen: List[str]) -> Any:
    """``torch.load``'s ``map_location`` with CUDA devices translated.

    None becomes a restorer that sends storages saved on CUDA to the selected device and leaves
    the others where they were saved (what ``torch.load`` does on a CUDA machine). CUDA locations
    met are appended to ``seen`` (for the report).
    """
    if value is None:
        return _restorer(seen)
    if is_cuda(value):
        seen.append(str(value))
        return target(value)
    if isinstance(value, dict):
        translated = {}
        for key, location in value.items():
            if is_cuda(location):
                seen.append(str(location))
                location = str(target(location))
            translated[key] = location
        return translated
    return value  # a callable, or a device of another type: as written


def _restorer(seen: List[str]):
    def restore(storage, location: str):
        if not is_cuda(location):
            return None  # torch's default placement
        seen.append(location)
        return torch.serialization.default_restore_location(storage, str(target(location)))

    return restore
