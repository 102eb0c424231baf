"""MOV: .cuda(), .is_cuda, .is_mps, pin_memory."""
import torch
from torch.utils.data import DataLoader

import mylib

model = torch.nn.Linear(2, 2)
x = torch.zeros(3)
ds = list(range(4))

# Findings.
a = x.cuda()  # expect: MOV001@7*
b = model.cuda(0)  # expect: MOV001@11*
c = x.cuda(non_blocking=True)  # expect: MOV001@7*
d = torch.ones(2).cuda().float()  # expect: MOV001@19*
e = x.cuda().cuda()  # expect: MOV001@7* MOV001@14*
if x.is_cuda:  # expect: MOV002@4*
    pass
on_mps = x.is_mps  # expect: MOV003@10*
p = x.pin_memory()  # expect: MOV004@7*
dl = DataLoader(ds, batch_size=2, pin_memory=True)  # expect: MOV005@46*
dl2 = torch.utils.data.DataLoader(ds, pin_memory=True)  # expect: MOV005@50*
dl3 = DataLoader(ds, pin_memory_device="cuda")  # expect: MOV007@40*

# Suppressed.
s1 = x.cuda()  # torchdevice: ignore[MOV001]  # suppressed: MOV001@8*
s2 = x.is_cuda  # torchdevice: ignore[MOV0]  # suppressed: MOV002@6*
s3 = x.cuda()  # torchdevice: ignore[DEV]  # expect: MOV001@8*

# Near misses.
y = x.to(x.device, non_blocking=True)  # MOV006 is a keep rule: no finding
mylib.cuda()  # an imported module's function, not a tensor method
x.is_cuda = True  # assigned, not read
q = x.cuda(0, True, None, 1)  # more arguments than Tensor.cuda takes
r = x.pin_memory(True)  # more arguments than Tensor.pin_memory takes
dl4 = DataLoader(ds, pin_memory=False)
flag = dl.pin_memory
cuda = 1


def use_gpu(cuda=True):
    return cuda


class Holder:
    def cuda(self):
        return self
