"""QRY: device queries."""
import torch
import torch as th
from torch import cuda
from torch.cuda import device_count as count

# Findings: through every import form.
if torch.cuda.is_available():  # expect: QRY001@4*
    pass
n = torch.cuda.device_count()  # expect: QRY002@5*
m = th.cuda.device_count()  # expect: QRY002@5*
k = cuda.device_count()  # expect: QRY002@5*
j = count()  # expect: QRY002@5*
cur = torch.cuda.current_device()  # expect: QRY003@7*
torch.cuda.set_device(0)  # expect: QRY004@1*
name = torch.cuda.get_device_name(0)  # expect: QRY005@8*
props = torch.cuda.get_device_properties(0)  # expect: QRY006@9*
cap = torch.cuda.get_device_capability()  # expect: QRY007@7*
bf16 = torch.cuda.is_bf16_supported()  # expect: QRY008@8*
mps_ok = torch.backends.mps.is_available()  # expect: QRY001@10*
util = torch.cuda.utilization()  # expect: QRY011@8
peer = torch.cuda.can_device_access_peer(0, 1)  # expect: QRY012@8
fn = torch.cuda.is_available  # expect: QRY001@6*

# Suppressed.
ok = torch.cuda.is_available()  # torchdevice: ignore[QRY001]  # suppressed: QRY001@6*
n2 = torch.cuda.device_count()  # torchdevice: ignore  # suppressed: QRY002@6*

# Near misses: keep rules and the user's own names.
arch = torch.cuda.get_arch_list()  # QRY014 keep


def is_available():
    return False


def device_count():
    return 0


is_available()
device_count()


def probe(torch):
    return torch.cuda.is_available()  # a parameter named torch is not the module


class Config:
    cuda = None


Config.cuda.is_available()
