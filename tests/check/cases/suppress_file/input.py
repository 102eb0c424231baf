"""File-level suppression: `# torchdevice: ignore-file[IDS]` anywhere in the file."""
import torch

x = torch.zeros(1)
a = x.to("cuda")  # suppressed: DEV001@10*
b = torch.device("cuda:0")  # suppressed: DEV002@18*
torch.cuda.synchronize()  # suppressed: SYN001@1*
c = x.cuda()  # expect: MOV001@7*
torch.cuda.empty_cache()  # expect: MEM007@1*
g = torch.cuda.CUDAGraph()  # expect: UNS001@5


def late():
    return torch.cuda.synchronize()  # suppressed: SYN001@12*


# The directive may sit below the code it covers; ids are rule ids or prefixes.
# torchdevice: ignore-file[DEV, SYN001]
