"""Random state control on the CPU uses torch's global generator."""

import torch

import torchdevice


def test_manual_seed_makes_draws_reproducible():
    torchdevice.manual_seed(1234)
    first = torch.rand(5)
    torchdevice.manual_seed(1234)
    assert torch.equal(torch.rand(5), first)
    assert torchdevice.initial_seed() == 1234
    assert torch.initial_seed() == 1234


def test_manual_seed_all_seeds_the_cpu_generator():
    torchdevice.manual_seed_all(99)
    first = torch.randn(3)
    torch.manual_seed(99)
    assert torch.equal(torch.randn(3), first)


def test_seed_and_seed_all_pick_new_seeds():
    torchdevice.manual_seed(7)
    torchdevice.seed()
    assert torchdevice.initial_seed() != 7
    torchdevice.manual_seed(7)
    torchdevice.seed_all()
    assert torchdevice.initial_seed() != 7


def test_rng_state_roundtrip():
    state = torchdevice.get_rng_state()
    assert isinstance(state, torch.Tensor) and state.dtype == torch.uint8
    expected = torch.rand(4)
    torch.rand(10)
    torchdevice.set_rng_state(state)
    assert torch.equal(torch.rand(4), expected)
    torchdevice.set_rng_state(state, device="cuda")  # device names the port's accelerator
    assert torch.equal(torch.rand(4), expected)


def test_rng_state_all_roundtrip():
    states = torchdevice.get_rng_state_all()
    assert isinstance(states, list) and len(states) == 1
    expected = torch.rand(4)
    torchdevice.set_rng_state_all(states)
    assert torch.equal(torch.rand(4), expected)
