"""Compatibility mode, API by API: what each redirect does on the CPU."""

import pytest
import torch

import torchdevice
from torchdevice.patching import report, table

pytestmark = pytest.mark.skipif(torch.cuda.is_available(),
                                reason="compatibility mode changes nothing where CUDA works")

CPU = torch.device("cpu")


@pytest.fixture(autouse=True)
def patched():
    report.reset()
    torchdevice.patch()
    yield
    torchdevice.unpatch()
    report.reset()


def test_device_queries():
    assert torch.cuda.current_device() == 0
    assert torch.cuda.get_device_name() == torchdevice.get_device_name()
    assert torch.cuda.get_device_properties(0).total_memory > 0
    assert torch.cuda.get_device_capability() == (0, 0)
    assert isinstance(torch.cuda.is_bf16_supported(), bool)
    torch.cuda.set_device(1)
    torch.cuda.init()
    torch.cuda.synchronize()
    with torch.cuda.device(1), torch.cuda.device_of(torch.ones(1)):
        assert torch.zeros(1, device="cuda").device == CPU


def test_memory_queries():
    assert torch.cuda.memory_allocated() > 0
    assert torch.cuda.max_memory_allocated() >= torch.cuda.memory_allocated() > 0
    free, total = torch.cuda.mem_get_info()
    assert 0 < free <= total
    assert "allocated_bytes.all.current" in torch.cuda.memory_stats()
    assert isinstance(torch.cuda.memory_summary(), str)
    torch.cuda.empty_cache()
    torch.cuda.reset_peak_memory_stats()
    torch.cuda.set_per_process_memory_fraction(0.5)


def test_random_seeds_the_generator_of_the_selected_device():
    torch.cuda.manual_seed(3)
    first = torch.rand(3)
    torch.cuda.manual_seed_all(3)
    assert torch.equal(torch.rand(3), first)
    state = torch.cuda.get_rng_state()
    again = torch.rand(3)
    torch.cuda.set_rng_state(state)
    assert torch.equal(torch.rand(3), again)
    assert torch.cuda.initial_seed() == 3
    torch.manual_seed(5)  # torch calls torch.cuda.manual_seed_all itself: no loop
    assert report.counts()["torch.cuda.manual_seed_all"] == 2


def test_streams_and_events():
    stream = torch.cuda.Stream(device="cuda:0", priority=-1)
    assert torch.cuda.current_stream() is torch.cuda.default_stream()
    with torch.cuda.stream(stream):
        assert torch.cuda.current_stream() is stream
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        x = torch.ones(100, device="cuda") * 2
        x.record_stream(stream)
        end.record()
    end.synchronize()
    assert start.elapsed_time(end) >= 0.0
    assert torch.cuda.current_stream() is torch.cuda.default_stream()
    torch.cuda.current_stream().wait_stream(stream)
    with torch.cuda.StreamContext(stream):
        assert torch.cuda.current_stream() is stream
    torch.cuda.set_stream(stream)
    assert torch.cuda.current_stream() is stream


def test_amp():
    model = torch.nn.Linear(2, 2).cuda()
    scaler = torch.cuda.amp.GradScaler(init_scale=1024.0)
    with torch.cuda.amp.autocast():
        loss = model(torch.ones(1, 2, device="cuda")).sum()
    assert loss.dtype == torch.float32  # float16 autocast runs disabled on the CPU
    assert scaler.scale(loss) is loss and scaler.get_scale() == 1.0

    class Double(torch.autograd.Function):
        @staticmethod
        @torch.cuda.amp.custom_fwd(cast_inputs=torch.float32)
        def forward(ctx, x):
            return x * 2

        @staticmethod
        @torch.cuda.amp.custom_bwd
        def backward(ctx, grad):
            return grad * 2

    x = torch.ones(2, requires_grad=True)
    Double.apply(x).sum().backward()
    assert x.grad.tolist() == [2.0, 2.0]


@pytest.mark.parametrize("move", [
    lambda x: x.to("cuda"), lambda x: x.to("cuda:1"), lambda x: x.to(torch.device("cuda", 0)),
    lambda x: x.to(0), lambda x: x.to(device="cuda"), lambda x: x.cuda(),
    lambda x: x.cuda(1), lambda x: x.cuda("cuda:0", non_blocking=True),
    lambda x: x.cuda(memory_format=torch.contiguous_format),
])
def test_tensor_moves(move):
    assert move(torch.ones(2)).device == CPU


def test_tensor_move_keeps_the_other_arguments():
    y = torch.ones(2).to("cuda", torch.float16, non_blocking=True, copy=True)
    assert (y.device, y.dtype) == (CPU, torch.float16)
    y = torch.ones(2).to(device="cuda:0", dtype=torch.float64)
    assert y.dtype == torch.float64


def test_module_moves():
    model = torch.nn.Linear(2, 2)
    assert model.cuda() is model and model.cuda(0) is model
    assert model.to("cuda:0") is model and model.to(device=torch.device("cuda")) is model
    assert model.weight.device == CPU
    empty = torch.nn.Linear(2, 2, device="meta").to_empty(device="cuda")
    assert empty.weight.device == CPU


@pytest.mark.parametrize("make", [
    lambda: torch.zeros(2, device="cuda"), lambda: torch.ones(2, device="cuda:0"),
    lambda: torch.empty(2, device=torch.device("cuda")), lambda: torch.randn(2, device=0),
    lambda: torch.arange(3, device="cuda"), lambda: torch.full((2,), 1.0, device="cuda"),
    lambda: torch.tensor([1, 2], device="cuda"), lambda: torch.as_tensor([1], device="cuda"),
    lambda: torch.zeros_like(torch.ones(2), device="cuda"),
    lambda: torch.ones(1).new_zeros(2, device="cuda"),
    lambda: torch.ones(1).new_tensor([1.0], device="cuda:0"),
    lambda: torch.nn.Linear(2, 2, device="cuda").weight,
])
def test_factories(make):
    assert make().device == CPU


def test_pin_memory_where_the_device_cannot_pin():
    x = torch.zeros(2, pin_memory=True)
    assert not x.is_pinned()
    assert x.pin_memory() is x
    assert report.counts() == {"torch.zeros": 1, "torch.Tensor.pin_memory": 1}


def test_device_keyword_functions_are_detected_not_assumed():
    found = {(owner_name, name) for _, owner_name, name in table.device_keyword_functions()}
    for expected in ("zeros", "randn", "tensor", "as_tensor", "arange", "empty_like", "eye"):
        assert ("torch", expected) in found
    assert ("torch.Tensor", "new_zeros") in found and ("torch.Tensor", "new_tensor") in found
    for absent in ("cat", "add", "load", "Generator", "from_numpy"):
        assert ("torch", absent) not in found
    for absent in ("to", "cuda", "cpu", "xpu", "add"):
        assert ("torch.Tensor", absent) not in found


def test_generator():
    generator = torch.Generator(device="cuda")
    assert isinstance(generator, torch.Generator) and generator.device == CPU
    assert torch.Generator("cuda:0").device == CPU
    assert torch.Generator().device == CPU
    assert issubclass(torch._C.Generator, torch.Generator)
    assert report.counts() == {"torch.Generator": 2}


@pytest.mark.parametrize("location", ["cuda", "cuda:1", torch.device("cuda", 0), "cpu",
                                      {"cuda:0": "cuda:1"}, lambda storage, loc: storage])
def test_load_map_location(tmp_path, location):
    path = tmp_path / "t.pt"
    torch.save({"w": torch.arange(3.0)}, path)
    assert torch.load(path, map_location=location)["w"].device == CPU
    assert torch.load(path, location)["w"].tolist() == [0.0, 1.0, 2.0]  # positional
