"""Compatibility mode for code that cannot be ported: ``torchdevice.patch()``.

Porting fixes the user's own code; dependencies that still call ``torch.cuda`` directly can run
under ``torchdevice.patch()`` (or ``with torchdevice.patched():``), which redirects their CUDA
calls to the runtime while CUDA is not available. Opt-in only: importing torchdevice patches
nothing. See ``docs/runtime.md`` ("Compatibility mode").

* :mod:`.table`: the one table of what is replaced;
* :mod:`.mechanism`: applies the table and restores it exactly;
* :mod:`.wrappers`, :mod:`.stand_ins`, :mod:`.translate`: the replacements;
* :mod:`.report`: the counts of redirected calls and the report at exit;
* :mod:`.control`: ``patch``/``unpatch``/``patched`` and the state they switch.
"""

from .control import is_patched, patch, patched, unpatch
from .report import counts

__all__ = ["patch", "unpatch", "patched", "is_patched", "counts"]
