"""SYN: synchronize."""
import torch
from torch.cuda import synchronize as sync

torch.cuda.synchronize()  # expect: SYN001@1*
torch.cuda.synchronize(0)  # expect: SYN001@1*
torch.mps.synchronize()  # expect: SYN001@1*
sync()  # expect: SYN001@1*
mode = torch.cuda.get_sync_debug_mode()  # expect: SYN002@8
torch.cuda.set_sync_debug_mode(1)  # expect: SYN002@1

torch.cuda.synchronize()  # torchdevice: ignore[SYN001]  # suppressed: SYN001@1*
torch.cuda.synchronize()  # torchdevice: ignore[SYN]  # suppressed: SYN001@1*


# Near misses: a user function and methods called synchronize.
def synchronize():
    pass


synchronize()


class Barrier:
    def synchronize(self):
        return None


Barrier().synchronize()
event = torch.cuda.Event()  # expect: STR002@9*
event.synchronize()


def run(torch):
    torch.cuda.synchronize()  # the parameter shadows the module
