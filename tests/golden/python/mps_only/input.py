import torch

device = torch.device("mps" if torch.backends.mps.is_available() else "cpu")


def run(model, x):
    model = model.to("mps")
    x = x.to(device)
    if x.is_mps:
        torch.mps.synchronize()
    torch.mps.manual_seed(0)
    used = torch.mps.current_allocated_memory()
    torch.mps.empty_cache()
    return model(x), used
