import torch
import torchdevice

x = torch.ones(1, device=torchdevice.device_type())
