import torch
import torchdevice
torchdevice.prefer("cpu")

x = torch.zeros(2).to(torchdevice.device())
torchdevice.synchronize()
