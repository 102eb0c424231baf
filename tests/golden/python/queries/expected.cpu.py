import torch
import torchdevice
torchdevice.prefer("cpu")


def describe():
    if not torchdevice.is_available():
        return "no accelerator"
    count = torchdevice.device_count()
    index = torchdevice.current_device()
    name = torchdevice.get_device_name(index)
    props = torchdevice.get_device_properties(index)
    major, minor = torchdevice.get_device_capability(index)
    bf16 = torchdevice.is_bf16_supported()
    return f"{count} x {name} ({major}.{minor}, {props.total_memory} bytes, bf16={bf16})"


def select(local_rank):
    torchdevice.set_device(local_rank)
    if not torchdevice.is_initialized():
        torchdevice.init()
