import argparse
import logging

import torch

logger = logging.getLogger(__name__)

DEVICE = "cuda"


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--backend", default="cuda")
    return parser.parse_args()


def setup(rank, use_gpu):
    device = torch.device("cuda" if use_gpu else "cpu")
    local = torch.device(f"cuda:{rank}")
    first = torch.device("cuda:0")
    logger.info("running on cuda")
    print(f"cuda:{rank} is ready")
    return device, local, first


def load(path):
    state = torch.load(path, map_location="cuda:0")
    gen = torch.Generator(device="cuda")
    return state, gen


def place(x, device="cuda"):
    y = x.to("cuda")
    z = torch.zeros(2, device="cuda")
    if x.device.type == "cuda":
        logger.info("tensor already on cuda")
    return y, z


class Model:
    def __init__(self):
        self.device = "cuda"
        self.name = "cuda"
