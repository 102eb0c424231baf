"""A directive is a comment: '# torchdevice: ignore' inside a string literal suppresses nothing."""
import torch

x = torch.zeros(1)
a = x.to("cuda"); note = "# torchdevice: ignore"  # expect: DEV001@10*
b = x.cuda(); tag = '# torchdevice: ignore[MOV001]'  # expect: MOV001@7*
doc = """
# torchdevice: ignore-file
"""
c = torch.device("cuda")  # expect: DEV001@18*
