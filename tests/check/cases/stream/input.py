"""STR: streams and events."""
import torch
from torch.cuda import Stream as S

x = torch.zeros(2)
s = torch.cuda.Stream()  # expect: STR001@5*
s2 = S()  # expect: STR001@6*
e = torch.cuda.Event(enable_timing=True)  # expect: STR002@5*
me = torch.mps.Event()  # expect: STR002@6*
cur = torch.cuda.current_stream()  # expect: STR003@7*
dflt = torch.cuda.default_stream()  # expect: STR004@8*
with torch.cuda.stream(s):  # expect: STR005@6*
    pass
torch.cuda.set_stream(s)  # expect: STR007@1*
x.record_stream(s)  # expect: STR008@3*
ext = torch.cuda.ExternalStream(0)  # expect: STR009@7
isinstance(s, torch.cuda.Stream)  # expect: STR001@15*


def make() -> torch.cuda.Event:  # expect: STR002@15*
    return torch.cuda.Event()  # expect: STR002@12*


# Suppressed.
s3 = torch.cuda.Stream()  # torchdevice: ignore[STR001]  # suppressed: STR001@6*
x.record_stream(s)  # torchdevice: ignore  # suppressed: STR008@3*

# Near misses.
streams = torch.cuda.streams  # STR011 keep


class Stream:
    pass


Stream()
x.record_stream(s, 1)  # more arguments than Tensor.record_stream takes
