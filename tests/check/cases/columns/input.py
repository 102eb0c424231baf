"""Columns are 1-based and count characters (Unicode code points), not bytes; a tab is one column."""
import torch

x = torch.zeros(1)
naïve = x.to("cuda")  # expect: DEV001@14*
s = "é"; y = x.cuda()  # expect: MOV001@16*
rocket = "🚀"; z = x.cuda()  # expect: MOV001@21*
日本 = torch.device("cuda:0")  # expect: DEV002@19*
if x is not None:
	w = x.to("cuda")  # expect: DEV001@11*
m = torch.ones(
    2,
    device="cuda",  # expect: DEV001@12*
)
n = (x
     .cuda())  # expect: MOV001@7*
