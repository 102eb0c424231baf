"""AMP: autocast and GradScaler."""
import torch
import torch.cuda.amp as amp
from torch.cuda.amp import GradScaler

with torch.cuda.amp.autocast():  # expect: AMP001@6*
    pass
scaler = torch.cuda.amp.GradScaler()  # expect: AMP002@10*
scaler2 = GradScaler()  # expect: AMP002@11*
with amp.autocast(dtype=torch.float16):  # expect: AMP001@6*
    pass


@torch.cuda.amp.custom_fwd  # expect: AMP003@2*
def fwd(ctx, x):
    return x


@torch.cuda.amp.custom_bwd  # expect: AMP004@2*
def bwd(ctx, g):
    return g


with torch.autocast("cuda"):  # expect: AMP005@6* DEV001@21*
    pass
with torch.autocast(device_type="cuda", dtype=torch.bfloat16):  # expect: AMP005@6* DEV001@33*
    pass
gs = torch.amp.GradScaler("cuda")  # expect: AMP006@6* DEV001@27*

# Suppressed: a prefix covers both rules on the line, a list names both.
with torch.autocast("cuda"):  # torchdevice: ignore[AMP, DEV]  # suppressed: AMP005@6* DEV001@21*
    pass
with torch.autocast("cuda"):  # torchdevice: ignore[DEV001]  # suppressed: DEV001@21*  # expect: AMP005@6*
    pass

# Near misses: keep rules, other autocasts.
ok = torch.amp.is_autocast_available("cpu")  # AMP007 keep
no_amp = torch.cuda.amp.amp_definitely_not_available()  # AMP009 keep


def autocast():
    return None


autocast()
