import torch
import torchdevice


def overlapped(x, y):
    side = torchdevice.Stream()
    main = torchdevice.current_stream()
    start = torchdevice.Event(enable_timing=True)
    end = torchdevice.Event(enable_timing=True)
    start.record()
    side.wait_stream(main)
    with torchdevice.stream(side):
        z = x * 2
    main.wait_stream(side)
    torchdevice.record_stream(z, main)
    end.record()
    end.synchronize()
    return z + y, start.elapsed_time(end)


def default():
    return torchdevice.default_stream()
