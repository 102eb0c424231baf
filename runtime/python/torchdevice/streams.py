"""Streams and events: native ``torch.cuda`` ones on CUDA, emulated with CUDA's contracts elsewhere.

Emulation (CPU and MPS):

* the current stream is per thread and per device; every thread starts on the default stream;
* ``default_stream()`` is one object per device, distinct from any ``Stream()``;
* all streams of a device share the device's single queue, so work stays in issue order and
  ``wait_stream``/``wait_event`` only need to be correct, not to reorder anything;
* ``Event``: an unrecorded event's ``query()`` is True; ``record()`` without a stream records on
  the current stream; ``elapsed_time`` needs two recorded ``enable_timing=True`` events and
  measures completed work; equality is identity.

The backend module of the stream's device supplies ``record_mark``/``stream_query``/
``stream_synchronize`` (see ``backends.cpu`` and ``backends.mps``).
"""

from __future__ import annotations

import itertools
import threading
from typing import Dict, Optional, Tuple

import torch

from . import _compat, _config, _log, backends
from ._dispatch import NativeDispatchMeta

_ids = itertools.count(1)
_lock = threading.Lock()
_defaults: Dict[Tuple[str, int], "Stream"] = {}
_local = threading.local()


def _on_cuda() -> bool:
    return _config.selected_type() == "cuda"


def _key(device: torch.device) -> Tuple[str, int]:
    return device.type, device.index or 0


class Stream(metaclass=NativeDispatchMeta):
    """``Stream(device=None, priority=0)``: a ``torch.cuda.Stream`` on CUDA, emulated elsewhere.

    Attributes: ``device`` (``torch.device``), ``priority``, ``stream_id``.
    """

    @staticmethod
    def _native_types():
        return (torch.cuda.Stream,) + _compat.generic_types("Stream")

    def __new__(cls, device=None, priority: int = 0, **kwargs):
        _log.trace_call("torchdevice.Stream", (device,), dict(priority=priority, **kwargs))
        if cls is Stream and _on_cuda():
            return torch.cuda.Stream(device=device, priority=priority, **kwargs)
        return super().__new__(cls)

    def __init__(self, device=None, priority: int = 0, **kwargs) -> None:
        self.device: torch.device = _config.map_device(device)
        self.priority = int(priority)
        self.stream_id = next(_ids)
        self._backend = backends.get(self.device.type)

    def query(self) -> bool:
        """True when all work issued to this stream has completed."""
        return self._backend.stream_query(self)

    def synchronize(self) -> None:
        """Wait until all work issued to this stream has completed."""
        self._backend.stream_synchronize(self)

    def wait_event(self, event: "Event") -> None:
        """Make future work on this stream wait for ``event``."""
        event.wait(self)

    def wait_stream(self, stream: "Stream") -> None:
        """Make future work on this stream wait for the work issued to ``stream`` so far."""
        self.wait_event(stream.record_event())

    def record_event(self, event: Optional["Event"] = None) -> "Event":
        """Record ``event`` (a new one when None) on this stream and return it."""
        event = Event() if event is None else event
        event.record(self)
        return event

    def __repr__(self) -> str:
        kind = " default" if _defaults.get(_key(self.device)) is self else ""
        return f"<torchdevice.Stream device={self.device} id={self.stream_id}{kind}>"


class Event(metaclass=NativeDispatchMeta):
    """``Event(enable_timing=False, blocking=False, interprocess=False)``.

    A ``torch.cuda.Event`` on CUDA, emulated elsewhere (``blocking`` and ``interprocess`` are
    accepted and have no effect there: host waits always block and there is no IPC).
    """

    @staticmethod
    def _native_types():
        return (torch.cuda.Event,) + _compat.generic_types("Event")

    def __new__(cls, enable_timing: bool = False, blocking: bool = False,
                interprocess: bool = False):
        _log.trace_call("torchdevice.Event", (), dict(enable_timing=enable_timing))
        if cls is Event and _on_cuda():
            return torch.cuda.Event(enable_timing=enable_timing, blocking=blocking,
                                    interprocess=interprocess)
        return super().__new__(cls)

    def __init__(self, enable_timing: bool = False, blocking: bool = False,
                 interprocess: bool = False) -> None:
        self.enable_timing = bool(enable_timing)
        self.blocking = bool(blocking)
        self.interprocess = bool(interprocess)
        self._mark = None
        self._stream: Optional[Stream] = None

    @property
    def device(self) -> Optional[torch.device]:
        """Device of the stream it was last recorded on (None before the first record)."""
        return None if self._stream is None else self._stream.device

    def record(self, stream: Optional[Stream] = None) -> None:
        """Record on ``stream``, or on the current stream when None."""
        stream = current_stream() if stream is None else stream
        self._mark = backends.get(stream.device.type).record_mark(self.enable_timing)
        self._stream = stream

    def query(self) -> bool:
        """True when the recorded work has completed (always True before any record)."""
        return self._mark is None or self._mark.query()

    def synchronize(self) -> None:
        """Wait for the recorded work (returns at once if never recorded)."""
        if self._mark is not None:
            self._mark.synchronize()

    def wait(self, stream: Optional[Stream] = None) -> None:
        """Make future work on ``stream`` (default: the current one) wait for this event."""
        if self._mark is not None:
            self._mark.wait(current_stream() if stream is None else stream)

    def elapsed_time(self, end_event: "Event") -> float:
        """Milliseconds between this event and ``end_event`` (both recorded, with timing)."""
        if not (self.enable_timing and getattr(end_event, "enable_timing", False)):
            raise RuntimeError("Both events must be created with argument 'enable_timing=True'.")
        end_mark = getattr(end_event, "_mark", None)
        if self._mark is None or end_mark is None:
            raise RuntimeError("Both events must be recorded before calculating elapsed time.")
        if type(self._mark) is not type(end_mark):
            raise RuntimeError("Both events must belong to the same device.")
        end_event.synchronize()
        return self._mark.elapsed_ms(end_mark)

    def ipc_handle(self):
        raise RuntimeError("interprocess events exist only on CUDA")

    def __repr__(self) -> str:
        state = "recorded" if self._mark is not None else "unrecorded"
        return f"<torchdevice.Event {state} timing={self.enable_timing}>"


def _current_map() -> Dict[Tuple[str, int], Stream]:
    current = getattr(_local, "current", None)
    if current is None:
        current = _local.current = {}
    return current


def _default_for(device: torch.device) -> Stream:
    key = _key(device)
    with _lock:
        stream = _defaults.get(key)
        if stream is None:
            stream = object.__new__(Stream)
            Stream.__init__(stream, device)
            _defaults[key] = stream
    return stream


@_log.traced
def default_stream(device=None):
    """The default stream of ``device`` (the selected device when None)."""
    if _on_cuda():
        return torch.cuda.default_stream(device)
    return _default_for(_config.map_device(device))


@_log.traced
def current_stream(device=None):
    """The current stream of ``device`` in this thread (the default stream until one is set)."""
    if _on_cuda():
        return torch.cuda.current_stream(device)
    dev = _config.map_device(device)
    stream = _current_map().get(_key(dev))
    return stream if stream is not None else _default_for(dev)


@_log.traced
def set_stream(stream) -> None:
    """Make ``stream`` the current stream of its device in this thread (None: no-op)."""
    if _on_cuda():
        torch.cuda.set_stream(stream)
        return
    if stream is not None:
        _current_map()[_key(stream.device)] = stream


class StreamContext(metaclass=NativeDispatchMeta):
    """Context manager making ``stream`` current for its device; ``StreamContext(None)`` does
    nothing. ``torch.cuda.StreamContext`` on CUDA."""

    @staticmethod
    def _native_types():
        return (torch.cuda.StreamContext,)

    def __new__(cls, stream):
        if cls is StreamContext and _on_cuda():
            return torch.cuda.StreamContext(stream)
        return super().__new__(cls)

    def __init__(self, stream) -> None:
        self.stream = stream
        self._saved: list = []

    def __enter__(self):
        if self.stream is not None:
            self._saved.append(current_stream(self.stream.device))
            set_stream(self.stream)
        return self.stream

    def __exit__(self, *exc_info) -> None:
        if self.stream is not None:
            set_stream(self._saved.pop())


@_log.traced
def stream(stream):
    """``with torchdevice.stream(s):`` runs the block with ``s`` current; ``stream(None)`` is a
    no-op context."""
    return StreamContext(stream)


@_log.traced
def record_stream(tensor: torch.Tensor, stream) -> None:
    """``tensor.record_stream(stream)`` on CUDA; a no-op elsewhere (no caching allocator to
    protect: the emulated streams share one in-order queue)."""
    if _on_cuda():
        tensor.record_stream(stream)


def _reset() -> None:
    """Drop default streams and this thread's current streams (``_config._reset`` hook)."""
    with _lock:
        _defaults.clear()
    _local.__dict__.clear()


_config.register_reset(_reset)
