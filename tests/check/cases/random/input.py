"""RNG: seeds and RNG state."""
import random

import numpy as np
import torch

torch.cuda.manual_seed(0)  # expect: RNG001@1*
torch.cuda.manual_seed_all(0)  # expect: RNG002@1*
torch.mps.manual_seed(1)  # expect: RNG001@1*
torch.cuda.seed()  # expect: RNG003@1*
s0 = torch.cuda.initial_seed()  # expect: RNG005@6*
state = torch.cuda.get_rng_state()  # expect: RNG006@9*
torch.cuda.set_rng_state(state)  # expect: RNG007@1*
states = torch.cuda.get_rng_state_all()  # expect: RNG008@10*
torch.cuda.set_rng_state_all(states)  # expect: RNG009@1*
gens = torch.cuda.default_generators  # expect: RNG010@8

torch.cuda.manual_seed(0)  # torchdevice: ignore[RNG001]  # suppressed: RNG001@1*

# Near misses: other libraries' and device-neutral seeds.
torch.manual_seed(0)
random.seed(0)
np.random.seed(0)
cpu_state = torch.get_rng_state()
rng_mod = torch.cuda.random  # RNG011 keep


def manual_seed(n):
    return n


manual_seed(3)
