import torch
import torchdevice

x = torch.zeros(2).to(torchdevice.device())
torchdevice.synchronize()
