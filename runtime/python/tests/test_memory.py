"""CPU memory numbers are the process's and the machine's real ones."""

import os

import pytest
import torch

import torchdevice
from torchdevice.backends import _sysinfo
from torchdevice.backends import cpu as cpu_backend

MiB = 1024 * 1024
linux_only = pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")


def _statm_rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _meminfo(key):
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise KeyError(key)


@linux_only
def test_memory_allocated_is_resident_set_size():
    assert abs(torchdevice.memory_allocated() - _statm_rss()) < 32 * MiB
    allocated = torchdevice.memory_allocated()
    assert torchdevice.memory_reserved() == pytest.approx(allocated, abs=32 * MiB)
    assert torchdevice.memory_cached() == pytest.approx(torchdevice.memory_reserved(), abs=32 * MiB)


def test_allocation_shows_up_and_peak_is_at_least_current():
    before = torchdevice.memory_allocated()
    big = torch.ones(64 * MiB)  # 256 MiB of float32, touched
    during = torchdevice.memory_allocated()
    assert during - before >= 200 * MiB
    assert torchdevice.max_memory_allocated() >= during
    assert torchdevice.max_memory_reserved() >= during
    assert torchdevice.max_memory_cached() >= during
    del big


def test_reset_peak_forgets_earlier_peak():
    big = torch.ones(64 * MiB)
    peak_with_big = torchdevice.max_memory_allocated()
    del big
    torchdevice.reset_peak_memory_stats()
    after = torchdevice.max_memory_allocated()
    assert after >= torchdevice.memory_allocated() - 8 * MiB
    assert after < peak_with_big - 128 * MiB


def test_deprecated_resets_also_reset_peak():
    for reset in (torchdevice.reset_max_memory_allocated, torchdevice.reset_max_memory_cached):
        big = torch.ones(64 * MiB)
        peak = torchdevice.max_memory_allocated()
        del big
        reset()
        assert torchdevice.max_memory_allocated() < peak - 128 * MiB


def test_peak_baseline_when_kernel_cannot_reset(monkeypatch):
    """Without /proc/self/clear_refs: peak since reset = new process peak, else RSS seen."""
    readings = {"rss": 100, "peak": 500}
    monkeypatch.setattr(_sysinfo, "rss_bytes", lambda: readings["rss"])
    monkeypatch.setattr(_sysinfo, "peak_rss_bytes", lambda: readings["peak"])
    monkeypatch.setattr(_sysinfo, "reset_peak_rss", lambda: False)
    peak = cpu_backend._RssPeak()
    assert peak.value() == 500  # no reset yet: the process peak
    peak.reset()
    assert peak.value() == 100  # old peak is from before the reset
    readings["rss"] = 300
    assert peak.value() == 300
    readings["rss"] = 150
    assert peak.value() == 300  # largest RSS seen since the reset
    readings.update(rss=200, peak=800)  # new process high-water mark after the reset
    assert peak.value() == 800


def test_peak_after_kernel_reset_uses_kernel_counter(monkeypatch):
    readings = {"rss": 100, "peak": 500}
    monkeypatch.setattr(_sysinfo, "rss_bytes", lambda: readings["rss"])
    monkeypatch.setattr(_sysinfo, "peak_rss_bytes", lambda: readings["peak"])
    monkeypatch.setattr(_sysinfo, "reset_peak_rss", lambda: readings.update(peak=100) or True)
    peak = cpu_backend._RssPeak()
    peak.reset()
    assert peak.value() == 100
    readings.update(peak=250, rss=120)
    assert peak.value() == 250


@linux_only
def test_mem_get_info_is_system_memory():
    before = _meminfo("MemAvailable")
    free, total = torchdevice.mem_get_info()
    after = _meminfo("MemAvailable")
    assert total == _meminfo("MemTotal")
    assert 0 < free <= total
    assert min(before, after) - 64 * MiB <= free <= max(before, after) + 64 * MiB


def test_memory_stats_and_summary():
    stats = torchdevice.memory_stats()
    assert isinstance(stats, dict)
    for key in ("allocated_bytes.all.current", "allocated_bytes.all.peak",
                "reserved_bytes.all.current", "reserved_bytes.all.peak",
                "system.total_bytes", "system.available_bytes"):
        assert isinstance(stats[key], int) and stats[key] > 0
    assert stats["allocated_bytes.all.peak"] >= stats["allocated_bytes.all.current"] - 8 * MiB
    summary = torchdevice.memory_summary()
    assert isinstance(summary, str) and "cpu" in summary and "allocated_bytes.all.peak" in summary
    assert "system.total_bytes" not in torchdevice.memory_summary(abbreviated=True)


def test_cache_and_accumulated_stats_calls_are_harmless():
    torchdevice.empty_cache()
    torchdevice.reset_accumulated_memory_stats()
    assert torchdevice.memory_allocated() > 0


def test_memory_fraction_is_validated():
    torchdevice.set_per_process_memory_fraction(0.5)
    with pytest.raises(ValueError):
        torchdevice.set_per_process_memory_fraction(1.5)
    with pytest.raises(ValueError):
        torchdevice.set_per_process_memory_fraction(-0.1)


def test_pin_memory_off_cuda_returns_same_tensor():
    t = torch.ones(4)
    assert torchdevice.pin_memory_supported() is False
    assert torchdevice.pin_memory(t) is t
