"""Device selection: which backend (cuda, mps or cpu) this process uses.

The choice is made lazily, on the first call that needs it, from (highest priority first):

1. the environment variable ``TORCHDEVICE_DEVICE`` = ``cuda`` | ``mps`` | ``cpu`` | ``auto``;
2. the preference given to :func:`prefer` (the port target; ported files call it at import);
3. ``auto``: the first available of cuda, mps, cpu.

If the wanted device is unavailable the first available of cuda -> mps -> cpu is used instead and
one :class:`DeviceFallbackWarning` is issued per process. The choice never changes afterwards; a
later :func:`prefer` with a different device is ignored with one warning.

``_reset()`` is the documented internal hook that forgets the choice (tests use it).
"""

from __future__ import annotations

import os
import threading
import warnings
from typing import Callable, List, Optional, Union

import torch

from . import _compat, _log

ENV_VAR = "TORCHDEVICE_DEVICE"
DEVICE_TYPES = ("cuda", "mps", "cpu")
"""Known backends, in fallback order."""


class DeviceFallbackWarning(UserWarning):
    """Issued once when the wanted device is unavailable and another one is used."""


_lock = threading.RLock()
_preferred: Optional[str] = None
_selected: Optional[str] = None
_reset_hooks: List[Callable[[], None]] = []


def _probe(device_type: str) -> bool:
    """True when ``device_type`` is usable in this process (tests replace this)."""
    if device_type == "cuda":
        return _compat.cuda_available()
    if device_type == "mps":
        return _compat.mps_available()
    return device_type == "cpu"


def _normalize(value: Union[str, torch.device], what: str) -> str:
    """Turn ``"cuda:1"``, ``torch.device("mps")``, ``" CPU "`` into a backend name."""
    name = value.type if isinstance(value, torch.device) else str(value).strip().lower()
    name = name.split(":", 1)[0]
    if name not in DEVICE_TYPES:
        raise ValueError(f"{what}: unknown device {value!r}; "
                         f"expected one of {', '.join(DEVICE_TYPES)}")
    return name


def _env_choice() -> Optional[str]:
    """The backend forced by ``TORCHDEVICE_DEVICE``, ``"auto"``, or None when unset."""
    raw = os.environ.get(ENV_VAR, "").strip().lower()
    if not raw:
        return None
    if raw == "auto":
        return "auto"
    if raw.split(":", 1)[0] not in DEVICE_TYPES:
        raise ValueError(f"{ENV_VAR}={raw!r} is not one of auto, {', '.join(DEVICE_TYPES)}")
    return _normalize(raw, ENV_VAR)


def _resolve() -> str:
    env = _env_choice()
    if env == "auto":
        wanted, source = None, f"{ENV_VAR}=auto"
    elif env is not None:
        wanted, source = env, f"{ENV_VAR}={env}"
    else:
        wanted, source = _preferred, "prefer()" if _preferred else "auto"
    if wanted is not None and _probe(wanted):
        chosen = wanted
    else:
        chosen = next(d for d in DEVICE_TYPES if d != wanted and _probe(d))
        if wanted is not None and _log.once("fallback"):
            warnings.warn(
                f"torchdevice: {wanted} requested by {source} is not available; using {chosen}",
                DeviceFallbackWarning, stacklevel=_log.external_stacklevel())
    _log.LOGGER.debug("selected device %s (from %s)", chosen, source)
    return chosen


def prefer(device_type: Union[str, torch.device]) -> None:
    """Record the preferred backend (the port's target). Does not select anything yet.

    ``"auto"`` (or None) states no preference. Before the first use the latest call wins. After
    the device was selected a call naming a different device warns once and changes nothing;
    ``TORCHDEVICE_DEVICE`` overrides the preference anyway.
    """
    global _preferred
    auto = device_type is None or (isinstance(device_type, str)
                                   and device_type.strip().lower() == "auto")
    name = None if auto else _normalize(device_type, "prefer()")
    with _lock:
        if _selected is None:
            _preferred = name
            return
        if name is None or _env_choice() is not None:
            return
        first = _preferred or _selected
        if name != first and _log.once("prefer-conflict"):
            warnings.warn(
                f"torchdevice: prefer({name!r}) ignored, device already selected as {_selected} "
                f"(first preference: {first})",
                DeviceFallbackWarning, stacklevel=_log.external_stacklevel())


def selected_type() -> str:
    """The selected backend name, choosing it on the first call."""
    global _selected
    if _selected is None:
        with _lock:
            if _selected is None:
                _selected = _resolve()
    return _selected


def is_resolved() -> bool:
    """True once the device was selected."""
    return _selected is not None


def backend():
    """The backend module (``torchdevice.backends.cuda`` / ``.mps`` / ``.cpu``) in use."""
    from . import backends

    return backends.get(selected_type())


def map_device(value=None) -> torch.device:
    """Map a device argument written for CUDA onto the selected backend.

    None -> the selected device; an int -> that index of it; ``"cuda"``/``"mps"`` (any index) ->
    the selected device (the port's accelerator); ``"cpu"`` and other types stay as they are.
    """
    selected = selected_type()
    index: Optional[int] = None
    if isinstance(value, int) and not isinstance(value, bool):
        index = value
    elif value is not None:
        dev = value if isinstance(value, torch.device) else torch.device(value)
        if dev.type not in ("cuda", "mps"):
            return dev
        index = dev.index
    if selected == "cuda":
        return torch.device("cuda", index) if index is not None else torch.device("cuda")
    return torch.device(selected)


def register_reset(hook: Callable[[], None]) -> None:
    """Run ``hook`` whenever ``_reset()`` is called (modules with cached per-device state)."""
    _reset_hooks.append(hook)


def _reset() -> None:
    """Forget the selection, the preference, one-time warnings and per-device caches.

    Internal hook for tests: the next call selects the device again from the environment.
    """
    global _preferred, _selected
    with _lock:
        _preferred = None
        _selected = None
        _log.reset_once()
        for hook in _reset_hooks:
            hook()
