from torch.cuda import Stream as S
from torch.cuda import Event as E
import torchdevice
torchdevice.prefer("cpu")


def make():
    s = torchdevice.Stream()
    e = torchdevice.Event(enable_timing=True)
    return s, e
