"""Random number generator control for the selected device (public functions).

CUDA: ``torch.cuda`` functions. MPS: ``torch.mps`` ones where torch has them, else the global
``torch`` generator. CPU: the global ``torch`` generator (``torch.manual_seed`` etc.).
"""

from __future__ import annotations

import torch

from . import _config, _log


@_log.traced
def manual_seed(seed: int) -> None:
    """Seed the generator of the (current) device."""
    _config.backend().manual_seed(seed)


@_log.traced
def manual_seed_all(seed: int) -> None:
    """Seed the generators of all devices of the selected type."""
    _config.backend().manual_seed_all(seed)


@_log.traced
def seed() -> None:
    """Seed the device generator with a non-deterministic number."""
    _config.backend().seed()


@_log.traced
def seed_all() -> None:
    """Seed all device generators with a non-deterministic number."""
    _config.backend().seed_all()


@_log.traced
def initial_seed() -> int:
    """The seed of the device generator."""
    return _config.backend().initial_seed()


@_log.traced
def get_rng_state(device=None) -> torch.Tensor:
    """The device generator state as a ``ByteTensor``."""
    return _config.backend().get_rng_state(device)


@_log.traced
def set_rng_state(state: torch.Tensor, device=None) -> None:
    """Restore a state returned by :func:`get_rng_state`."""
    _config.backend().set_rng_state(state, device)


@_log.traced
def get_rng_state_all() -> list:
    """States of all devices of the selected type (one entry on mps and cpu)."""
    return _config.backend().get_rng_state_all()


@_log.traced
def set_rng_state_all(states) -> None:
    """Restore :func:`get_rng_state_all` states (mps/cpu use the first one)."""
    _config.backend().set_rng_state_all(states)
