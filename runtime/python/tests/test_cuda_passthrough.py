"""On CUDA every call is the native torch.cuda one (checked with recording fakes: no GPU needed)."""

import types

import pytest
import torch

import torchdevice
from torchdevice import amp

from conftest import select


@pytest.fixture
def cuda(monkeypatch):
    """Select "cuda" and replace the torch.cuda functions used with recording fakes."""
    select(monkeypatch, "cuda")
    calls = []

    def fake(name, result=None):
        def record(*args, **kwargs):
            calls.append((name, args, kwargs))
            return result
        monkeypatch.setattr(torch.cuda, name, record, raising=False)

    for name, result in [("synchronize", None), ("memory_allocated", 11),
                         ("max_memory_allocated", 12), ("memory_reserved", 13),
                         ("max_memory_reserved", 14), ("reset_peak_memory_stats", None),
                         ("mem_get_info", (1, 2)), ("manual_seed", None), ("device_count", 4),
                         ("set_device", None), ("get_rng_state", "state"),
                         ("set_rng_state", None), ("get_device_capability", (9, 0)),
                         ("current_stream", "current"), ("default_stream", "default"),
                         ("set_stream", None), ("empty_cache", None), ("memory_summary", "s"),
                         ("is_initialized", True)]:
        fake(name, result)

    class FakeStream:
        def __init__(self, device=None, priority=0, **kwargs):
            self.args = (device, priority)

    class FakeEvent:
        def __init__(self, enable_timing=False, blocking=False, interprocess=False):
            self.args = (enable_timing, blocking, interprocess)

    class FakeContext:
        def __init__(self, stream):
            self.stream = stream

    class FakeScaler:
        def __init__(self, *args, **kwargs):
            self.args, self.kwargs = args, kwargs

    monkeypatch.setattr(torch.cuda, "Stream", FakeStream)
    monkeypatch.setattr(torch.cuda, "Event", FakeEvent)
    monkeypatch.setattr(torch.cuda, "StreamContext", FakeContext)
    monkeypatch.setattr(torch.cuda.amp, "GradScaler", FakeScaler)
    monkeypatch.setattr(torch.amp, "GradScaler", FakeScaler, raising=False)
    return types.SimpleNamespace(calls=calls, Stream=FakeStream, Event=FakeEvent,
                                 Context=FakeContext, Scaler=FakeScaler)


def test_selection_answers(cuda):
    assert torchdevice.device_type() == "cuda"
    assert torchdevice.distributed_backend() == "nccl"
    assert torchdevice.pin_memory_supported() is True
    assert torchdevice.is_accelerator() is True


def test_functions_pass_through_with_arguments(cuda):
    torchdevice.synchronize(1)
    assert torchdevice.memory_allocated(0) == 11
    assert torchdevice.max_memory_allocated() == 12
    assert torchdevice.memory_reserved() == 13
    assert torchdevice.memory_cached() == 13
    assert torchdevice.max_memory_cached() == 14
    torchdevice.reset_max_memory_allocated()
    assert torchdevice.mem_get_info() == (1, 2)
    torchdevice.manual_seed(5)
    assert torchdevice.device_count() == 4
    torchdevice.set_device(2)
    assert torchdevice.get_rng_state() == "state"
    torchdevice.set_rng_state("s", 1)
    assert torchdevice.get_device_capability() == (9, 0)
    torchdevice.empty_cache()
    assert torchdevice.memory_summary(0, True) == "s"
    assert torchdevice.is_initialized() is True
    assert cuda.calls == [
        ("synchronize", (1,), {}), ("memory_allocated", (0,), {}),
        ("max_memory_allocated", (None,), {}), ("memory_reserved", (None,), {}),
        ("memory_reserved", (None,), {}), ("max_memory_reserved", (None,), {}),
        ("reset_peak_memory_stats", (None,), {}), ("mem_get_info", (None,), {}),
        ("manual_seed", (5,), {}), ("device_count", (), {}), ("set_device", (2,), {}),
        ("get_rng_state", (), {}), ("set_rng_state", ("s", 1), {}),
        ("get_device_capability", (None,), {}), ("empty_cache", (), {}),
        ("memory_summary", (0, True), {}), ("is_initialized", (), {}),
    ]


def test_streams_and_events_are_native(cuda):
    s = torchdevice.Stream(device=1, priority=-1)
    assert type(s) is cuda.Stream and s.args == (1, -1)
    assert isinstance(s, torchdevice.Stream)
    e = torchdevice.Event(enable_timing=True)
    assert type(e) is cuda.Event and e.args == (True, False, False)
    assert isinstance(e, torchdevice.Event)
    ctx = torchdevice.stream(s)
    assert type(ctx) is cuda.Context and ctx.stream is s
    assert torchdevice.current_stream() == "current"
    assert torchdevice.default_stream(0) == "default"
    torchdevice.set_stream(s)
    assert ("set_stream", (s,), {}) in cuda.calls


def test_record_stream_calls_tensor_method(cuda):
    seen = []

    class FakeTensor:
        def record_stream(self, stream):
            seen.append(stream)

    torchdevice.record_stream(FakeTensor(), "s")
    assert seen == ["s"]


def test_grad_scaler_is_native(cuda):
    scaler = torchdevice.GradScaler(init_scale=8.0)
    assert type(scaler) is cuda.Scaler
    assert scaler.kwargs["init_scale"] == 8.0
    assert isinstance(scaler, torchdevice.GradScaler)
    assert type(amp.GradScaler()) is cuda.Scaler


def test_pin_memory_is_native(cuda, monkeypatch):
    pinned = []
    monkeypatch.setattr(torch.Tensor, "pin_memory", lambda self: pinned.append(self) or self)
    t = torch.ones(2)
    torchdevice.pin_memory(t)
    assert pinned == [t]


def test_autocast_resolves_to_cuda_float16(cuda):
    from torchdevice.autocast_mode import resolve

    assert resolve(None, None) == ("cuda", torch.float16, True)
    assert resolve("mps", torch.bfloat16) == ("cuda", torch.bfloat16, True)
    assert resolve("cpu", None) == ("cpu", None, True)


def test_custom_fwd_uses_native_decorator_on_cuda(cuda, monkeypatch):
    used = []

    def native_fwd(fwd=None, *, cast_inputs=None, device_type=None):
        used.append(("fwd", cast_inputs))
        return fwd

    def native_bwd(bwd=None, *, device_type=None):
        used.append(("bwd", None))
        return bwd

    monkeypatch.setattr(torch.cuda.amp, "custom_fwd", native_fwd)
    monkeypatch.setattr(torch.cuda.amp, "custom_bwd", native_bwd)
    monkeypatch.setattr(torch.amp, "custom_fwd", native_fwd, raising=False)
    monkeypatch.setattr(torch.amp, "custom_bwd", native_bwd, raising=False)

    @amp.custom_fwd(cast_inputs=torch.float32)
    def forward(ctx, x):
        return x + 1

    @amp.custom_bwd
    def backward(ctx, g):
        return g

    assert used == []  # decorating selects nothing
    assert forward(None, 1) == 2 and backward(None, 3) == 3
    assert used == [("fwd", torch.float32), ("bwd", None)]
