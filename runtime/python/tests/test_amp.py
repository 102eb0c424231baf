"""autocast and GradScaler on the CPU, plus the custom_fwd/custom_bwd decorators."""

import logging
import warnings

import pytest
import torch

import torchdevice
from torchdevice import _compat, amp


@pytest.fixture
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def _matmul_dtype():
    return (torch.ones(4, 4) @ torch.ones(4, 4)).dtype


def test_default_autocast_on_cpu_runs_disabled_fp32_quietly(no_warnings, caplog):
    caplog.set_level(logging.INFO, logger="torchdevice")
    for _ in range(3):
        ctx = torchdevice.autocast()
        with ctx:
            assert torch.is_autocast_cpu_enabled() is False
            assert _matmul_dtype() == torch.float32
        assert ctx.active is False
    notes = [r for r in caplog.records if r.name == "torchdevice" and "disabled" in r.getMessage()]
    assert len(notes) == 1 and notes[0].levelno == logging.INFO


@pytest.mark.parametrize("device_type", [None, "cuda", "mps"])
def test_accelerator_autocast_float16_is_disabled_on_cpu(no_warnings, device_type):
    with torchdevice.autocast(device_type, dtype=torch.float16):
        assert _matmul_dtype() == torch.float32


@pytest.mark.parametrize("device_type", [None, "cuda", "cpu"])
def test_bfloat16_autocast_really_runs_on_cpu(no_warnings, device_type):
    ctx = torchdevice.autocast(device_type, dtype=torch.bfloat16)
    with ctx:
        assert torch.is_autocast_cpu_enabled()
        assert _matmul_dtype() == torch.bfloat16
    assert ctx.active is True
    assert torch.is_autocast_cpu_enabled() is False


def test_explicit_cpu_autocast_uses_torch_cpu_default(no_warnings):
    with torchdevice.autocast("cpu"):
        assert _matmul_dtype() == torch.get_autocast_cpu_dtype() == torch.bfloat16


def test_explicit_cpu_float16_follows_this_torch(no_warnings):
    ctx = torchdevice.autocast("cpu", dtype=torch.float16)
    with ctx:
        supported = _compat.autocast_supported("cpu", torch.float16)
        expected = torch.float16 if supported else torch.float32
        assert _matmul_dtype() == expected
    assert ctx.active == (expected == torch.float16)


def test_enabled_false_switches_outer_autocast_off(no_warnings):
    with torchdevice.autocast(dtype=torch.bfloat16):
        with torchdevice.autocast(dtype=torch.bfloat16, enabled=False):
            assert _matmul_dtype() == torch.float32
        assert _matmul_dtype() == torch.bfloat16


def test_autocast_as_decorator(no_warnings):
    @torchdevice.autocast(dtype=torch.bfloat16)
    def inside():
        return _matmul_dtype()

    assert inside() == torch.bfloat16
    assert _matmul_dtype() == torch.float32


def test_autocast_is_a_torch_autocast():
    assert isinstance(torchdevice.autocast(), torch.autocast)
    assert isinstance(amp.autocast(), torchdevice.autocast)


def test_cuda_amp_style_autocast(no_warnings):
    with amp.autocast():
        assert _matmul_dtype() == torch.float32
    with amp.autocast(dtype=torch.bfloat16):
        assert _matmul_dtype() == torch.bfloat16
    with amp.autocast(enabled=False, dtype=torch.bfloat16):
        assert _matmul_dtype() == torch.float32

    @amp.autocast(dtype=torch.bfloat16)
    def decorated():
        return _matmul_dtype()

    assert decorated() == torch.bfloat16


def _train_steps(scaler, steps=3):
    torch.manual_seed(0)
    model = torch.nn.Linear(4, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    start = model.weight.detach().clone()
    x, y = torch.randn(8, 4), torch.randn(8, 1)
    for _ in range(steps):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        scaled = scaler.scale(loss)
        assert scaled is loss
        scaled.backward()
        grad = model.weight.grad.clone()
        scaler.unscale_(opt)
        assert torch.equal(model.weight.grad, grad)
        scaler.step(opt)
        scaler.update()
    return start, model.weight.detach()


@pytest.mark.parametrize("make", [lambda: torchdevice.GradScaler(), lambda: amp.GradScaler(),
                                  lambda: torchdevice.GradScaler("cuda", init_scale=1024.0)])
def test_gradscaler_is_disabled_but_training_works(no_warnings, make):
    scaler = make()
    assert isinstance(scaler, torchdevice.GradScaler)
    assert scaler.is_enabled() is False
    assert scaler.get_scale() == 1.0
    start, end = _train_steps(scaler)
    assert not torch.equal(start, end)
    torch.manual_seed(0)  # same as plain SGD
    plain = torch.nn.Linear(4, 1)
    opt = torch.optim.SGD(plain.parameters(), lr=0.1)
    x, y = torch.randn(8, 4), torch.randn(8, 1)
    for _ in range(3):
        opt.zero_grad()
        torch.nn.functional.mse_loss(plain(x), y).backward()
        opt.step()
    assert torch.allclose(plain.weight.detach(), end)


def test_gradscaler_step_returns_optimizer_result():
    class Opt:
        def step(self, closure=None):
            return ("stepped", closure)

    assert torchdevice.GradScaler().step(Opt(), "c") == ("stepped", "c")


def test_gradscaler_state_dict_roundtrip():
    scaler = torchdevice.GradScaler(init_scale=512.0, growth_factor=3.0, growth_interval=7)
    state = scaler.state_dict()
    assert state["scale"] == 512.0 and state["growth_factor"] == 3.0
    assert state["growth_interval"] == 7
    other = amp.GradScaler()
    other.load_state_dict(state)
    assert other.state_dict() == state
    assert (other.get_growth_factor(), other.get_backoff_factor(), other.get_growth_interval()) \
        == (3.0, 0.5, 7)
    native = (torch.amp.GradScaler("cuda", enabled=False) if _compat.has_generic_grad_scaler()
              else torch.cuda.amp.GradScaler(enabled=False))
    native.load_state_dict(state)  # a torch scaler accepts it
    other.set_growth_factor(4.0)
    other.set_backoff_factor(0.25)
    other.set_growth_interval(9)
    assert (other.get_growth_factor(), other.get_backoff_factor(), other.get_growth_interval()) \
        == (4.0, 0.25, 9)


def test_gradscaler_info_logged_once(caplog):
    caplog.set_level(logging.INFO, logger="torchdevice")
    torchdevice.GradScaler()
    amp.GradScaler()
    assert len([r for r in caplog.records if "GradScaler" in r.getMessage()]) == 1
    assert torchdevice.GradScaler(enabled=False).is_enabled() is False


class _Scale(torch.autograd.Function):
    seen = {}

    @staticmethod
    @amp.custom_fwd(cast_inputs=torch.float32)
    def forward(ctx, x, factor=2.0):
        _Scale.seen["fwd"] = (torch.is_autocast_cpu_enabled(), x.dtype)
        return x * factor

    @staticmethod
    @amp.custom_bwd
    def backward(ctx, grad):
        _Scale.seen["bwd"] = torch.is_autocast_cpu_enabled()
        return grad * 2.0, None


class _Plain(torch.autograd.Function):
    seen = {}

    @staticmethod
    @amp.custom_fwd
    def forward(ctx, x):
        _Plain.seen["fwd"] = torch.is_autocast_cpu_enabled()
        return x * 3.0

    @staticmethod
    @amp.custom_bwd
    def backward(ctx, grad):
        _Plain.seen["bwd"] = (torch.is_autocast_cpu_enabled(), torch.get_autocast_cpu_dtype())
        return grad * 3.0


def test_custom_fwd_casts_inputs_and_disables_autocast():
    x = torch.ones(3, dtype=torch.bfloat16, requires_grad=True)
    with torchdevice.autocast(dtype=torch.bfloat16):
        y = _Scale.apply(x)
    assert _Scale.seen["fwd"] == (False, torch.float32)
    assert y.dtype == torch.float32
    y.sum().backward()
    assert _Scale.seen["bwd"] is False
    assert torch.equal(x.grad.float(), torch.full((3,), 2.0))


def test_custom_fwd_without_autocast_leaves_inputs():
    x = torch.ones(3, dtype=torch.bfloat16, requires_grad=True)
    assert _Scale.apply(x).dtype == torch.bfloat16
    assert _Scale.seen["fwd"] == (False, torch.bfloat16)


def test_custom_bwd_runs_backward_in_forward_autocast_state():
    x = torch.ones(3, requires_grad=True)
    with torchdevice.autocast(dtype=torch.bfloat16):
        y = _Plain.apply(x)
    assert _Plain.seen["fwd"] is True
    y.float().sum().backward()  # outside autocast
    assert _Plain.seen["bwd"] == (True, torch.bfloat16)
    assert torch.is_autocast_cpu_enabled() is False
