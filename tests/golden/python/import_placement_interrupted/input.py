import sys
sys.path.insert(0, "src")
import torch

x = torch.zeros(1).cuda()
