import argparse
import logging

import torch
import torchdevice
torchdevice.prefer("mps")

logger = logging.getLogger(__name__)

DEVICE = torchdevice.device_type()


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", default=torchdevice.device_type())
    parser.add_argument("--backend", default="cuda")
    return parser.parse_args()


def setup(rank, use_gpu):
    device = torch.device(torchdevice.device_type() if use_gpu else "cpu")
    local = torch.device(torchdevice.device_string(rank))
    first = torch.device(torchdevice.device_string(0))
    logger.info("running on cuda")
    print(f"cuda:{rank} is ready")
    return device, local, first


def load(path):
    state = torch.load(path, map_location=torchdevice.device_string(0))
    gen = torch.Generator(device=torchdevice.device_type())
    return state, gen


def place(x, device=torchdevice.device_type()):
    y = x.to(torchdevice.device_type())
    z = torch.zeros(2, device=torchdevice.device_type())
    if x.device.type == torchdevice.device_type():
        logger.info("tensor already on cuda")
    return y, z


class Model:
    def __init__(self):
        self.device = torchdevice.device_type()
        self.name = "cuda"
