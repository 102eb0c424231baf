import time

import torch
import torchdevice


def timed(fn, *args):
    torchdevice.synchronize()
    start = time.perf_counter()
    out = fn(*args)
    torchdevice.synchronize()
    return out, time.perf_counter() - start
