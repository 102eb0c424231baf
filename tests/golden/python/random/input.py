import random

import numpy as np
import torch


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def snapshot():
    return torch.get_rng_state(), torch.cuda.get_rng_state(), torch.cuda.get_rng_state_all()


def restore(cpu_state, dev_state, all_states):
    torch.set_rng_state(cpu_state)
    torch.cuda.set_rng_state(dev_state)
    torch.cuda.set_rng_state_all(all_states)
    return torch.cuda.initial_seed()
