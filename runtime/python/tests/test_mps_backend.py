"""MPS backend logic against a fake ``torch.mps`` (no Apple GPU needed)."""

import time
import types

import pytest
import torch

import torchdevice

from conftest import select


class FakeMpsEvent:
    def __init__(self, enable_timing=False):
        self.enable_timing = enable_timing
        self.time = None

    def record(self):
        self.time = time.perf_counter()

    def query(self):
        return True

    def synchronize(self):
        pass

    def wait(self):
        pass

    def elapsed_time(self, end):
        return 42.0


@pytest.fixture
def mps(monkeypatch):
    log = []
    fake = types.SimpleNamespace(
        synchronize=lambda: log.append(("sync", time.perf_counter())),
        current_allocated_memory=lambda: fake.allocated,
        driver_allocated_memory=lambda: fake.allocated + 100,
        recommended_max_memory=lambda: 1000,
        empty_cache=lambda: log.append(("empty",)),
        manual_seed=lambda s: log.append(("seed", s)),
        set_per_process_memory_fraction=lambda f: log.append(("fraction", f)),
        allocated=10,
    )
    monkeypatch.setattr(torch, "mps", fake, raising=False)
    select(monkeypatch, "mps")
    fake.log = log
    return fake


def test_device_and_simple_calls(mps):
    assert torchdevice.device() == torch.device("mps")
    assert torchdevice.distributed_backend() == "gloo"
    assert torchdevice.pin_memory_supported() is False
    torchdevice.synchronize()
    torchdevice.manual_seed(3)
    torchdevice.empty_cache()
    torchdevice.set_per_process_memory_fraction(0.5)
    assert [entry[0] for entry in mps.log] == ["sync", "seed", "empty", "fraction"]
    assert mps.log[1] == ("seed", 3) and mps.log[3] == ("fraction", 0.5)


def test_memory_counters_and_sampled_peaks(mps):
    assert torchdevice.memory_allocated() == 10
    assert torchdevice.memory_reserved() == 110
    mps.allocated = 500
    assert torchdevice.memory_allocated() == 500
    mps.allocated = 50
    assert torchdevice.max_memory_allocated() == 500
    assert torchdevice.max_memory_reserved() == 600
    torchdevice.reset_peak_memory_stats()
    assert torchdevice.max_memory_allocated() == 50
    assert torchdevice.mem_get_info() == (850, 1000)
    assert torchdevice.get_device_properties().total_memory == 1000
    assert torchdevice.memory_stats()["allocated_bytes.all.peak"] == 50
    assert "mps" in torchdevice.memory_summary()


def test_events_without_native_event_synchronize_before_host_time(mps):
    start, end = torchdevice.Event(enable_timing=True), torchdevice.Event(enable_timing=True)
    start.record()
    end.record()
    syncs = [entry for entry in mps.log if entry[0] == "sync"]
    assert len(syncs) == 2
    assert start._mark.time >= syncs[0][1] and end._mark.time >= syncs[1][1]
    assert start.elapsed_time(end) >= 0.0


def test_events_use_native_mps_event(mps):
    mps.Event = FakeMpsEvent
    start, end = torchdevice.Event(enable_timing=True), torchdevice.Event(enable_timing=True)
    start.record()
    end.record()
    assert start._mark.event.enable_timing is True
    assert start.elapsed_time(end) == 42.0
    assert not [entry for entry in mps.log if entry[0] == "sync"]
    assert torchdevice.Stream().query() is True


def test_streams_are_emulated_on_mps(mps):
    s = torchdevice.Stream()
    assert s.device == torch.device("mps")
    with torchdevice.stream(s):
        assert torchdevice.current_stream() is s
    assert torchdevice.current_stream() is torchdevice.default_stream()
    s.synchronize()
    assert mps.log[-1][0] == "sync"


def test_gradscaler_disabled_without_mps_support(mps, monkeypatch):
    from torchdevice import _compat

    monkeypatch.setattr(_compat, "mps_grad_scaler_supported", lambda: False)
    assert torchdevice.GradScaler().is_enabled() is False


def test_autocast_disabled_where_torch_lacks_mps_autocast(mps, monkeypatch):
    from torchdevice import _compat
    from torchdevice.autocast_mode import resolve

    monkeypatch.setattr(_compat, "autocast_supported", lambda d, t: False)
    assert resolve(None, None) == ("mps", torch.float16, False)
    with torchdevice.autocast():
        assert (torch.ones(2, 2) @ torch.ones(2, 2)).dtype == torch.float32


def test_elapsed_time_across_devices_raises(mps):
    mps.Event = FakeMpsEvent
    on_mps, on_cpu = torchdevice.Event(enable_timing=True), torchdevice.Event(enable_timing=True)
    on_mps.record()
    on_cpu.record(torchdevice.Stream(device="cpu"))
    assert on_cpu.device == torch.device("cpu") and on_mps.device == torch.device("mps")
    with pytest.raises(RuntimeError, match="same device"):
        on_mps.elapsed_time(on_cpu)
