import torch
import torchdevice
torchdevice.prefer("mps")

device = torch.device(torchdevice.device_type() if torchdevice.is_available() else "cpu")


def run(model, x):
    model = model.to(torchdevice.device_type())
    x = x.to(device)
    if torchdevice.is_on_device(x):
        torchdevice.synchronize()
    torchdevice.manual_seed(0)
    used = torchdevice.memory_allocated()
    torchdevice.empty_cache()
    return model(x), used
