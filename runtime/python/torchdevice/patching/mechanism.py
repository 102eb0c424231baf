"""Applying the table and restoring it exactly: the only code that assigns torch attributes.

``apply(entries)`` replaces each ``owner.attr`` and returns the records that ``restore`` needs to
put back the very same objects (an attribute that ``owner`` only inherited is deleted again, so
``torch.Tensor.to is original`` and ``"to" not in vars(torch.Tensor)`` after the restore).

Two more things travel with each replacement, and are undone with it:

* **import order**: modules imported before the patch may hold the originals under their own
  names (``from torch.cuda.amp import autocast``). ``apply`` rebinds those module globals to the
  replacements, ``restore`` rebinds every module global that holds a replacement (also in
  modules imported while patched) back to the original. torch's and torchdevice's own modules
  are not touched.
* **TorchScript**: where the original is a TorchScript builtin (``torch.zeros``), the
  replacement is registered as the same builtin, so scripted code keeps compiling.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

import torch

from .table import Entry

_MISSING = object()
_OWN_PACKAGES = ("torch", "torchdevice")


@dataclass(frozen=True)
class Applied:
    """What ``restore`` needs for one replaced attribute."""

    entry: Entry
    original: Any      # getattr(owner, attr) before the patch
    stored: Any        # vars(owner)[attr] before the patch, or _MISSING if it was inherited
    replacement: Any
    jit_op: Optional[str]


def apply(entries: Sequence[Entry]) -> List[Applied]:
    """Replace every entry; on any error undo what was done and re-raise."""
    applied: List[Applied] = []
    jit_table = _jit_table()  # built now, from the unpatched torch
    try:
        for entry in entries:
            owner, attr = entry.owner, entry.attr
            original = getattr(owner, attr)
            stored = vars(owner).get(attr, _MISSING)
            replacement = entry.build(original, entry.key)
            setattr(owner, attr, replacement)
            applied.append(Applied(entry, original, stored, replacement,
                                   _jit_register(jit_table, original, replacement)))
        _rebind({id(a.original): (a.original, a.replacement) for a in applied})
    except BaseException:
        restore(applied)
        raise
    return applied


def restore(applied: Sequence[Applied]) -> None:
    """Put back every original object replaced by ``apply``."""
    _rebind({id(a.replacement): (a.replacement, a.original) for a in applied})
    for record in reversed(applied):
        owner, attr = record.entry.owner, record.entry.attr
        if record.stored is _MISSING:
            if attr in vars(owner):
                delattr(owner, attr)
        else:
            setattr(owner, attr, record.stored)
        _jit_unregister(record)


def _rebind(mapping: Dict[int, Tuple[Any, Any]]) -> None:
    """In every loaded module outside torch and torchdevice, replace globals that are ``old``
    by ``new`` for each ``id(old) -> (old, new)`` of ``mapping``."""
    if not mapping:
        return
    for name, module in list(sys.modules.items()):
        if not isinstance(module, types.ModuleType) or name.partition(".")[0] in _OWN_PACKAGES:
            continue
        try:
            namespace = vars(module)
        except Exception:  # noqa: BLE001 - an odd object in sys.modules: not ours to touch
            continue
        if not isinstance(namespace, dict):
            continue
        for attr, value in list(namespace.items()):
            pair = mapping.get(id(value))
            if pair is not None and pair[0] is value:
                namespace[attr] = pair[1]


def _jit_table() -> Optional[dict]:
    """TorchScript's table ``id(function) -> builtin op name`` (a private torch API), or None."""
    module = getattr(torch.jit, "_builtins", None)
    try:
        return module._get_builtin_table()
    except Exception:  # noqa: BLE001 - absent or changed: scripting support is best effort
        return None


def _jit_register(jit_table: Optional[dict], original: Any, replacement: Any) -> Optional[str]:
    """Register ``replacement`` as the TorchScript builtin ``original`` is, if it is one."""
    op = None if jit_table is None else jit_table.get(id(original))
    if op is not None:
        jit_table[id(replacement)] = op
    return op


def _jit_unregister(record: Applied) -> None:
    if record.jit_op is None:
        return
    jit_table = _jit_table()
    if jit_table is not None and jit_table.get(id(record.replacement)) == record.jit_op:
        del jit_table[id(record.replacement)]
