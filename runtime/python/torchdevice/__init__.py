"""torchdevice: the runtime of code ported from CUDA-only PyTorch to any device.

Ported code calls these functions instead of ``torch.cuda.*``. They act on the selected device
(CUDA, MPS or CPU; see :mod:`torchdevice._config` and ``docs/runtime.md``): native ``torch.cuda``
calls on CUDA, ``torch.mps`` where it exists on MPS, faithful emulation on the CPU.

Importing this package selects nothing and prints nothing.
"""

from . import amp
from ._config import DeviceFallbackWarning
from .autocast_mode import autocast
from .devices import (current_device, device, device_count, device_string, device_type,
                      get_device_capability, get_device_name, get_device_properties, init,
                      is_accelerator, is_available, is_bf16_supported, is_initialized,
                      is_on_device, prefer, set_device, synchronize)
from .distributed import distributed_backend
from .grad_scaler import GradScaler
from .legacy import tensor_type
from .memory import (empty_cache, max_memory_allocated, max_memory_cached, max_memory_reserved,
                     mem_get_info, memory_allocated, memory_cached, memory_reserved,
                     memory_stats, memory_summary, pin_memory, pin_memory_supported,
                     reset_accumulated_memory_stats, reset_max_memory_allocated,
                     reset_max_memory_cached, reset_peak_memory_stats,
                     set_per_process_memory_fraction)
from .patching import patch, patched, unpatch
from .random import (get_rng_state, get_rng_state_all, initial_seed, manual_seed,
                     manual_seed_all, seed, seed_all, set_rng_state, set_rng_state_all)
from .streams import (Event, Stream, StreamContext, current_stream, default_stream,
                      record_stream, set_stream, stream)

__version__ = "0.1.0"

__all__ = [
    # device selection
    "prefer", "device", "device_type", "device_string", "is_available", "is_accelerator",
    "device_count", "current_device", "set_device", "get_device_name", "get_device_properties",
    "get_device_capability", "is_bf16_supported", "is_initialized", "init", "is_on_device",
    "DeviceFallbackWarning",
    # sync
    "synchronize",
    # random
    "manual_seed", "manual_seed_all", "seed", "seed_all", "initial_seed", "get_rng_state",
    "set_rng_state", "get_rng_state_all", "set_rng_state_all",
    # memory
    "memory_allocated", "max_memory_allocated", "memory_reserved", "max_memory_reserved",
    "memory_cached", "max_memory_cached", "empty_cache", "mem_get_info", "reset_peak_memory_stats",
    "reset_max_memory_allocated", "reset_max_memory_cached", "reset_accumulated_memory_stats",
    "memory_stats", "memory_summary", "set_per_process_memory_fraction",
    # streams
    "Stream", "Event", "current_stream", "default_stream", "set_stream", "stream",
    "StreamContext", "record_stream",
    # amp
    "amp", "autocast", "GradScaler",
    # compatibility mode for code that cannot be ported
    "patch", "unpatch", "patched",
    # other
    "pin_memory_supported", "pin_memory", "distributed_backend", "tensor_type",
]
