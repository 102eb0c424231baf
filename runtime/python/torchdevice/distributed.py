"""Distributed helpers."""

from __future__ import annotations

from . import _config, _log


@_log.traced
def distributed_backend() -> str:
    """``"nccl"`` on CUDA, ``"gloo"`` on mps and cpu (torch.distributed has no MPS backend)."""
    return "nccl" if _config.selected_type() == "cuda" else "gloo"
