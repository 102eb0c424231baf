"""DEV: device strings in device positions, and torch.cuda.device."""
import argparse
import logging

import torch

log = logging.getLogger(__name__)
rank = 0
x = torch.zeros(3)

# Findings: every device position of docs/rule-format.md.
a = torch.device("cuda")  # expect: DEV001@18*
b = torch.device("cuda:1")  # expect: DEV002@18*
c = torch.device(type="cuda")  # expect: DEV001@23*
d = x.to("cuda")  # expect: DEV001@10*
e = x.to(f"cuda:{rank}")  # expect: DEV002@10*
f = torch.ones(2, device="cuda:0")  # expect: DEV002@26*
g = torch.load("m.pt", map_location="cuda")  # expect: DEV001@37*
h = torch.Generator(device="cuda")  # expect: DEV001@28*
i = torch.device("mps")  # expect: DEV003@18*
j = torch.device("mps:0")  # expect: DEV004@18*
k = torch.device("cuda" if rank else "cpu")  # expect: DEV001@18*
DEVICE = "cuda"  # expect: DEV001@10*
main_device = "mps"  # expect: DEV003@15*
if x.device.type == "cuda":  # expect: DEV001@21*
    pass
if "cuda" != x.device.type:  # expect: DEV001@4*
    pass


class Trainer:
    def __init__(self, device="cuda"):  # expect: DEV001@31*
        self.device = "cuda:0"  # expect: DEV002@23*


parser = argparse.ArgumentParser()
parser.add_argument("--device", default="cuda")  # expect: DEV001@41*
with torch.cuda.device(1):  # expect: DEV005@6
    pass

# Suppressed: the comment names the rule, a prefix of it, or nothing.
s1 = x.to("cuda")  # torchdevice: ignore[DEV001]  # suppressed: DEV001@11*
s2 = x.to("cuda:0")  # torchdevice: ignore[DEV]  # suppressed: DEV002@11*
s3 = x.to("mps")  # torchdevice: ignore  # suppressed: DEV003@11*
s4 = x.to("cuda")  # torchdevice: ignore[MOV001, DEV001]  # suppressed: DEV001@11*
# A suppression for another rule does not hide this one.
s5 = x.to("cuda")  # torchdevice: ignore[MOV]  # expect: DEV001@11*

# Near misses: "cuda" outside a device position is text, not a device.
log.info("running on cuda")
print("cuda", f"cuda:{rank} ready")
message = "cuda"
names = ["cuda", "mps"]
cuda = "gpu"
lookup = {"cuda": 1}
x.to("cpu")
torch.device("cpu")
torch.device(f"cuda-{rank}")
backend_name = "cuda:x"
ctx = torch.cuda.device_of(x)  # keep rule DEV006: no finding


def describe(cuda):
    return cuda.upper()


def set_device(name="cpu"):
    return name
