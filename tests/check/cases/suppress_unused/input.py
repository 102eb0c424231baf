# check-args: --report-unused-suppressions
"""--report-unused-suppressions: a directive that hides nothing is reported as TDP100 at its '#'."""
import torch

x = torch.zeros(1)
a = x.to("cuda")  # torchdevice: ignore[DEV001]  # suppressed: DEV001@10*
b = x.to("cpu")  # torchdevice: ignore  # expect: TDP100@18
c = x.cuda()  # torchdevice: ignore[DEV]  # expect: MOV001@7* TDP100@15
d = x.cuda().to("cuda")  # torchdevice: ignore  # suppressed: MOV001@7* DEV001@17*
torch.backends.cudnn.benchmark = True  # torchdevice: ignore[BKN001]  # expect: TDP100@40
e = x.cuda()  #torchdevice:ignore[MOV001]  # suppressed: MOV001@7*

# Prose is not a directive: "ignored", "ignore-list", no comment marker.
f = x.cuda()  # torchdevice: ignored on purpose  # expect: MOV001@7*
g = x.cuda()  # see torchdevice: ignore  # expect: MOV001@7*
# torchdevice: ignore-file[LEG]  # expect: TDP100@1
