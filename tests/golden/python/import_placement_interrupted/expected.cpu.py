import sys
import torchdevice
torchdevice.prefer("cpu")
sys.path.insert(0, "src")
import torch

x = torch.zeros(1).to(torchdevice.device())
