import torch


def report(tag):
    allocated = torch.cuda.memory_allocated() / 2**20
    peak = torch.cuda.max_memory_allocated() / 2**20
    reserved = torch.cuda.memory_reserved() / 2**20
    free, total = torch.cuda.mem_get_info()
    print(f"[{tag}] allocated={allocated:.1f}MiB peak={peak:.1f}MiB reserved={reserved:.1f}MiB free={free}")
    print(torch.cuda.memory_summary(abbreviated=True))


def reset():
    torch.cuda.empty_cache()
    torch.cuda.reset_peak_memory_stats()
    torch.cuda.set_per_process_memory_fraction(0.9)
    return torch.cuda.memory.memory_stats()
