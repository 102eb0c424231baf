import torch
import torchdevice
torchdevice.prefer("cpu")

x = torch.ones(1, device=torchdevice.device_type())
