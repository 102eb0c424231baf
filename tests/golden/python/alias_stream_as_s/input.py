from torch.cuda import Stream as S
from torch.cuda import Event as E


def make():
    s = S()
    e = E(enable_timing=True)
    return s, e
