"""Realistic use: timing a kernel, a side-stream prefetch, threads with their own streams."""

import threading
import time

import torch

import torchdevice


def test_elapsed_time_covers_the_work_it_brackets():
    a = torch.randn(768, 768)
    start = torchdevice.Event(enable_timing=True)
    end = torchdevice.Event(enable_timing=True)
    start.record()
    t0 = time.perf_counter()
    product = a @ a
    product = product @ a
    inner_ms = (time.perf_counter() - t0) * 1000.0
    end.record()
    end.synchronize()
    assert start.elapsed_time(end) >= inner_ms
    assert torch.allclose(product, a @ a @ a, rtol=1e-4, atol=1e-3)


def test_side_stream_prefetch_pattern_gives_correct_results():
    dev = torchdevice.device()
    batches = [torch.arange(12, dtype=torch.float32).reshape(3, 4) + i for i in range(4)]
    side = torchdevice.Stream()
    main = torchdevice.current_stream()
    totals = []
    for host in batches:
        with torchdevice.stream(side):
            assert torchdevice.current_stream() is side
            staged = torchdevice.pin_memory(host).to(dev, non_blocking=True) * 2
        main.wait_stream(side)
        torchdevice.record_stream(staged, main)
        assert torchdevice.current_stream() is main
        totals.append(staged.sum().item())
    assert totals == [2 * b.sum().item() for b in batches]


def test_threads_keep_their_own_current_streams_while_working():
    results = {}
    barrier = threading.Barrier(2)

    def worker(scale):
        mine = torchdevice.Stream()
        with torchdevice.stream(mine):
            barrier.wait(timeout=10)
            x = torch.full((64, 64), float(scale))
            y = (x @ x).sum().item()
            ok = torchdevice.current_stream() is mine
            barrier.wait(timeout=10)
            mine.synchronize()
        results[scale] = (ok, y)

    threads = [threading.Thread(target=worker, args=(s,)) for s in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results[1] == (True, 64.0 * 64 * 64)
    assert results[2] == (True, 4.0 * 64 * 64 * 64)
