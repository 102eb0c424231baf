"""LEG: torch.cuda.FloatTensor and friends."""
import torch
from torch.cuda import LongTensor

a = torch.cuda.FloatTensor(3)  # expect: LEG001@5*
b = torch.cuda.DoubleTensor([1.0])  # expect: LEG002@5*
c = torch.cuda.HalfTensor(2)  # expect: LEG003@5*
d = LongTensor([1, 2])  # expect: LEG005@5*
e = torch.cuda.BoolTensor(1)  # expect: LEG010@5*
if isinstance(a, torch.cuda.FloatTensor):  # expect: LEG001@18*
    pass
st = torch.cuda.FloatStorage(4)  # expect: LEG011@6
sp = torch.cuda.sparse.FloatTensor  # expect: LEG012@6

f = torch.cuda.FloatTensor(3)  # torchdevice: ignore[LEG]  # suppressed: LEG001@5*

# Near misses: the CPU types and the dtype API.
g = torch.FloatTensor(3)
h = torch.zeros(3, dtype=torch.float32)
kind = "torch.cuda.FloatTensor"


class FloatTensor:
    pass


FloatTensor()
