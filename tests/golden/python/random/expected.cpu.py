import random

import numpy as np
import torch
import torchdevice
torchdevice.prefer("cpu")


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torchdevice.manual_seed(seed)
    torchdevice.manual_seed_all(seed)


def snapshot():
    return torch.get_rng_state(), torchdevice.get_rng_state(), torchdevice.get_rng_state_all()


def restore(cpu_state, dev_state, all_states):
    torch.set_rng_state(cpu_state)
    torchdevice.set_rng_state(dev_state)
    torchdevice.set_rng_state_all(all_states)
    return torchdevice.initial_seed()
