import torch


def run(x):
	if torch.cuda.is_available():
		x = x.cuda()
		torch.cuda.synchronize()
	return x
