import torch
import torchdevice
torchdevice.prefer("cpu")


def report(tag):
    allocated = torchdevice.memory_allocated() / 2**20
    peak = torchdevice.max_memory_allocated() / 2**20
    reserved = torchdevice.memory_reserved() / 2**20
    free, total = torchdevice.mem_get_info()
    print(f"[{tag}] allocated={allocated:.1f}MiB peak={peak:.1f}MiB reserved={reserved:.1f}MiB free={free}")
    print(torchdevice.memory_summary(abbreviated=True))


def reset():
    torchdevice.empty_cache()
    torchdevice.reset_peak_memory_stats()
    torchdevice.set_per_process_memory_fraction(0.9)
    return torchdevice.memory_stats()
