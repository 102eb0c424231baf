"""Every name of docs/runtime-api-contract.md exists with the contract's signature."""

import inspect
import os
import re

import pytest
import torch

import torchdevice
from torchdevice import amp

CONTRACT_DOC = os.path.join(os.path.dirname(__file__), "..", "..", "..", "docs",
                            "runtime-api-contract.md")

# name -> parameters as in the contract ("" = no parameters)
SIGNATURES = {
    "prefer": "device_type", "device": "index=None", "device_type": "",
    "device_string": "index=None", "is_available": "", "is_accelerator": "",
    "device_count": "", "current_device": "", "set_device": "device",
    "get_device_name": "device=None", "get_device_properties": "device=None",
    "get_device_capability": "device=None", "is_bf16_supported": "", "is_initialized": "",
    "init": "", "is_on_device": "tensor", "synchronize": "device=None",
    "manual_seed": "seed", "manual_seed_all": "seed", "seed": "", "seed_all": "",
    "initial_seed": "", "get_rng_state": "device=None", "set_rng_state": "state, device=None",
    "get_rng_state_all": "", "set_rng_state_all": "states",
    "memory_allocated": "device=None", "max_memory_allocated": "device=None",
    "memory_reserved": "device=None", "max_memory_reserved": "device=None",
    "memory_cached": "device=None", "max_memory_cached": "device=None", "empty_cache": "",
    "mem_get_info": "device=None", "reset_peak_memory_stats": "device=None",
    "reset_max_memory_allocated": "device=None", "reset_max_memory_cached": "device=None",
    "reset_accumulated_memory_stats": "device=None", "memory_stats": "device=None",
    "memory_summary": "device=None, abbreviated=False",
    "set_per_process_memory_fraction": "fraction, device=None",
    "current_stream": "device=None", "default_stream": "device=None", "set_stream": "stream",
    "stream": "stream", "record_stream": "tensor, stream",
    "pin_memory_supported": "", "pin_memory": "tensor", "distributed_backend": "",
    "tensor_type": "name",
}
CLASS_SIGNATURES = {
    (torchdevice, "Stream"): "device=None, priority=0, **kwargs",
    (torchdevice, "Event"): "enable_timing=False, blocking=False, interprocess=False",
    (torchdevice, "StreamContext"): "stream",
    (torchdevice, "autocast"): "device_type=None, dtype=None, enabled=True, cache_enabled=None",
    (torchdevice, "GradScaler"): "device=None, init_scale=65536.0, growth_factor=2.0, "
                                 "backoff_factor=0.5, growth_interval=2000, enabled=True",
    (amp, "autocast"): "enabled=True, dtype=torch.float16, cache_enabled=True",
    (amp, "GradScaler"): "init_scale=65536.0, growth_factor=2.0, backoff_factor=0.5, "
                         "growth_interval=2000, enabled=True",
}


def _params(func):
    parts = []
    for p in inspect.signature(func).parameters.values():
        if p.kind is p.VAR_KEYWORD:
            parts.append("**" + p.name)
        elif p.default is p.empty:
            parts.append(p.name)
        else:
            default = "torch.float16" if p.default is torch.float16 else repr(p.default)
            parts.append(f"{p.name}={default}")
    return ", ".join(parts)


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_function_signature(name):
    assert _params(getattr(torchdevice, name)) == SIGNATURES[name]
    assert name in torchdevice.__all__


@pytest.mark.parametrize("owner, name",
                         sorted(CLASS_SIGNATURES, key=lambda k: (k[0].__name__, k[1])))
def test_class_signature(owner, name):
    cls = getattr(owner, name)
    assert inspect.isclass(cls)
    assert _params(cls) == CLASS_SIGNATURES[(owner, name)]


def test_amp_decorators_signatures():
    assert _params(amp.custom_fwd) == "fwd=None, cast_inputs=None"
    assert _params(amp.custom_bwd) == "bwd"


@pytest.mark.skipif(not os.path.exists(CONTRACT_DOC), reason="contract document not present")
def test_tables_above_cover_every_call_in_contract_document():
    """A name added to the contract must be added here (and then implemented)."""
    with open(CONTRACT_DOC, encoding="utf-8") as f:
        text = f.read()
    documented = set(re.findall(r"(?<![\w.])((?:amp\.)?[A-Za-z_]\w*)\(", text))
    known = set(SIGNATURES) | {"amp.custom_fwd", "amp.custom_bwd"}
    known |= {("amp." if owner is amp else "") + name for owner, name in CLASS_SIGNATURES}
    assert documented - known == set()
    assert len(documented) > 40
    for name in known:
        owner, attr = (amp, name[4:]) if name.startswith("amp.") else (torchdevice, name)
        assert hasattr(owner, attr), name
