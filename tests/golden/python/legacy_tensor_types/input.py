import torch


def build(n):
    weights = torch.cuda.FloatTensor(n, n)
    labels = torch.cuda.LongTensor(n)
    mask = torch.cuda.BoolTensor(n)
    halves = torch.cuda.HalfTensor(n)
    return weights, labels, mask, halves


def check(x):
    return isinstance(x, torch.cuda.FloatTensor) or isinstance(x, torch.FloatTensor)
