import torch
from torch import cuda
import torchdevice
torchdevice.prefer("cpu")


def synchronize():
    print("user barrier")


class Pipeline:
    def synchronize(self):
        pass


def run(pipe):
    synchronize()
    pipe.synchronize()
    torchdevice.synchronize()


def probe(cuda):
    return cuda.is_available()


def local_variable(pool):
    cuda = pool.get("cuda")
    return cuda.is_available()


def module_level():
    return torchdevice.is_available()
