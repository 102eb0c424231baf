"""Emulated streams and events on the CPU follow CUDA's contracts."""

import threading
import time

import pytest
import torch

import torchdevice
from torchdevice import Event, Stream


def test_real_classes_and_isinstance():
    s = Stream()
    e = Event()
    assert isinstance(s, Stream) and isinstance(e, Event)
    assert isinstance(torchdevice.default_stream(), Stream)
    assert not isinstance(e, Stream)
    assert not isinstance(object(), Event)
    assert type(s) is Stream


def test_stream_attributes():
    s = Stream(priority=-1)
    assert s.device == torch.device("cpu")
    assert s.priority == -1
    assert Stream(device="cuda:0").device == torch.device("cpu")
    assert Stream(device=0).device == torch.device("cpu")


def test_default_stream_is_distinct_singleton():
    default = torchdevice.default_stream()
    assert default is torchdevice.default_stream()
    assert default is torchdevice.default_stream("cpu")
    fresh = Stream()
    assert fresh is not default and fresh != default
    assert Stream() != fresh  # equality is identity
    assert fresh == fresh


def test_current_stream_starts_as_default():
    assert torchdevice.current_stream() is torchdevice.default_stream()


def test_set_stream_really_sets_current():
    s = Stream()
    torchdevice.set_stream(s)
    assert torchdevice.current_stream() is s
    torchdevice.set_stream(None)  # no-op, like torch.cuda.set_stream(None)
    assert torchdevice.current_stream() is s
    torchdevice.set_stream(torchdevice.default_stream())
    assert torchdevice.current_stream() is torchdevice.default_stream()


def test_stream_context_sets_and_restores_and_nests():
    outer, inner = Stream(), Stream()
    with torchdevice.stream(outer) as entered:
        assert entered is outer
        assert torchdevice.current_stream() is outer
        with torchdevice.stream(inner):
            assert torchdevice.current_stream() is inner
        assert torchdevice.current_stream() is outer
    assert torchdevice.current_stream() is torchdevice.default_stream()


def test_stream_none_is_noop():
    s = Stream()
    torchdevice.set_stream(s)
    with torchdevice.stream(None):
        assert torchdevice.current_stream() is s
    assert torchdevice.current_stream() is s


def test_stream_context_class_is_public():
    s = Stream()
    ctx = torchdevice.StreamContext(s)
    assert isinstance(ctx, torchdevice.StreamContext)
    with ctx:
        assert torchdevice.current_stream() is s
    assert torchdevice.current_stream() is torchdevice.default_stream()


def test_stream_context_restores_on_exception():
    s = Stream()
    with pytest.raises(KeyError):
        with torchdevice.stream(s):
            raise KeyError("boom")
    assert torchdevice.current_stream() is torchdevice.default_stream()


def test_current_stream_is_per_thread():
    barrier = threading.Barrier(2)
    seen = {}
    errors = []

    def worker(name):
        try:
            mine = Stream()
            torchdevice.set_stream(mine)
            barrier.wait(timeout=10)  # both threads have set their stream
            seen[name] = torchdevice.current_stream() is mine
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert seen == {"a": True, "b": True}
    assert torchdevice.current_stream() is torchdevice.default_stream()


def test_new_thread_starts_on_default_stream():
    torchdevice.set_stream(Stream())
    result = []
    t = threading.Thread(target=lambda: result.append(torchdevice.current_stream()))
    t.start()
    t.join()
    assert result == [torchdevice.default_stream()]


def test_stream_query_synchronize_and_waits():
    s1, s2 = Stream(), Stream()
    assert s1.query() is True
    s1.synchronize()
    event = s1.record_event()
    assert isinstance(event, Event) and event.query()
    s2.wait_event(event)
    s2.wait_stream(s1)
    mine = Event()
    assert s1.record_event(mine) is mine
    assert mine.device == torch.device("cpu")


def test_unrecorded_event():
    e = Event()
    assert e.query() is True
    assert e.device is None
    e.synchronize()  # returns at once
    e.wait()


def test_record_without_stream_uses_current_stream():
    s = Stream()
    e = Event()
    with torchdevice.stream(s):
        e.record()
    assert e._stream is s
    e.record()
    assert e._stream is torchdevice.default_stream()
    e.record(s)
    assert e._stream is s


def test_event_attributes_and_identity():
    e = Event(enable_timing=True, blocking=True, interprocess=True)
    assert (e.enable_timing, e.blocking, e.interprocess) == (True, True, True)
    assert e == e and e != Event(enable_timing=True)
    with pytest.raises(RuntimeError):
        e.ipc_handle()


def test_elapsed_time_measures_milliseconds():
    start, end = Event(enable_timing=True), Event(enable_timing=True)
    start.record()
    time.sleep(0.05)
    end.record()
    elapsed = start.elapsed_time(end)
    assert 50.0 <= elapsed < 5000.0


def test_elapsed_time_requires_recorded_events():
    start, end = Event(enable_timing=True), Event(enable_timing=True)
    start.record()
    with pytest.raises(RuntimeError, match="must be recorded before"):
        start.elapsed_time(end)
    with pytest.raises(RuntimeError, match="must be recorded before"):
        end.elapsed_time(start)


def test_elapsed_time_requires_enable_timing():
    start, end = Event(), Event(enable_timing=True)
    start.record()
    end.record()
    with pytest.raises(RuntimeError, match="enable_timing"):
        start.elapsed_time(end)
    with pytest.raises(RuntimeError, match="enable_timing"):
        end.elapsed_time(start)


def test_record_stream_is_noop_off_cuda():
    t = torch.ones(3)
    assert torchdevice.record_stream(t, Stream()) is None
    assert torch.equal(t, torch.ones(3))


def test_reset_hook_drops_default_streams():
    from torchdevice import _config

    before = torchdevice.default_stream()
    _config._reset()
    assert torchdevice.default_stream() is not before
