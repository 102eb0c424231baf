import torch

torch.backends.cudnn.benchmark = True
torch.backends.cudnn.deterministic = True


def to_host(x):
    return x.to("cpu", non_blocking=True)
