import torch


def describe():
    if not torch.cuda.is_available():
        return "no accelerator"
    count = torch.cuda.device_count()
    index = torch.cuda.current_device()
    name = torch.cuda.get_device_name(index)
    props = torch.cuda.get_device_properties(index)
    major, minor = torch.cuda.get_device_capability(index)
    bf16 = torch.cuda.is_bf16_supported()
    return f"{count} x {name} ({major}.{minor}, {props.total_memory} bytes, bf16={bf16})"


def select(local_rank):
    torch.cuda.set_device(local_rank)
    if not torch.cuda.is_initialized():
        torch.cuda.init()
