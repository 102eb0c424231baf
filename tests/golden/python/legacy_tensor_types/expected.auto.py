import torch
import torchdevice


def build(n):
    weights = torchdevice.tensor_type("FloatTensor")(n, n)
    labels = torchdevice.tensor_type("LongTensor")(n)
    mask = torchdevice.tensor_type("BoolTensor")(n)
    halves = torchdevice.tensor_type("HalfTensor")(n)
    return weights, labels, mask, halves


def check(x):
    return isinstance(x, torchdevice.tensor_type("FloatTensor")) or isinstance(x, torch.FloatTensor)
