"""Regression tests: compatibility mode does not repeat the original TorchDevice's faults.

One test per fault listed in the issue.
"""

import logging

import pytest
import torch

import torchdevice
from torchdevice.patching import report, table, translate, wrappers

from conftest import select
from test_patch import run_script

pytestmark = pytest.mark.skipif(torch.cuda.is_available(),
                                reason="compatibility mode changes nothing where CUDA works")


@pytest.fixture(autouse=True)
def unpatched():
    report.reset()
    yield
    torchdevice.unpatch()
    report.reset()


def test_isinstance_torch_device_keeps_working():
    device_class = torch.device
    torchdevice.patch()
    assert torch.device is device_class
    made = torch.device("cuda:0")
    assert isinstance(made, torch.device) and type(made) is torch.device
    moved = torch.ones(1).to(made)
    assert isinstance(moved.device, torch.device)
    assert isinstance(torchdevice.device(), torch.device)


def test_isinstance_cuda_event_keeps_working():
    genuine_event_class = torch.cuda.Event
    genuine = object.__new__(genuine_event_class)  # a real torch.cuda.Event (no CUDA to init)

    class OldEvent(genuine_event_class):  # a library's subclass, defined before the patch
        pass

    torchdevice.patch()
    event = torch.cuda.Event(enable_timing=True)
    assert isinstance(event, torch.cuda.Event)
    assert isinstance(event, torchdevice.Event)
    assert isinstance(torchdevice.Event(), torch.cuda.Event)
    assert isinstance(genuine, torch.cuda.Event)
    assert isinstance(object.__new__(OldEvent), torch.cuda.Event)
    assert not isinstance(torch.cuda.Stream(), torch.cuda.Event)
    assert not isinstance(object(), torch.cuda.Event)

    class NewEvent(torch.cuda.Event):  # a subclass defined while patched
        pass

    mine = NewEvent(enable_timing=True)
    assert isinstance(mine, torch.cuda.Event) and isinstance(mine, NewEvent)
    assert not isinstance(event, NewEvent)
    assert issubclass(NewEvent, torch.cuda.Event)
    scaler = torch.cuda.amp.GradScaler()
    assert isinstance(scaler, torch.cuda.amp.GradScaler)
    assert isinstance(torch.cuda.Stream(), torch.cuda.Stream)


def test_module_to_dtype_stays_a_dtype_cast():
    torchdevice.patch()
    model = torch.nn.Linear(2, 2)
    assert model.to(torch.float16) is model
    assert model.weight.dtype == torch.float16 and model.weight.device.type == "cpu"
    model.to(torch.float64)
    assert model.weight.dtype == torch.float64
    model.to("cuda", torch.float32)
    assert model.weight.dtype == torch.float32
    x = torch.ones(2).to(torch.float16)
    assert x.dtype == torch.float16
    assert torch.ones(2).to(torch.ones(1, dtype=torch.int64)).dtype == torch.int64
    assert report.counts() == {"torch.nn.Module.to": 1}


def test_cpu_and_numpy_really_go_to_the_cpu(monkeypatch):
    cpu, numpy = torch.Tensor.cpu, torch.Tensor.numpy
    select(monkeypatch, "mps")  # the accelerator is MPS: a redirect of .cpu() would go there
    torchdevice.patch()
    assert torch.Tensor.cpu is cpu and torch.Tensor.numpy is numpy
    x = torch.arange(3.0)
    assert x.cpu().device.type == "cpu"
    assert x.numpy().tolist() == [0.0, 1.0, 2.0]
    assert x.to("cpu").device.type == "cpu"
    assert x.to(torch.device("cpu")).device.type == "cpu"
    assert torch.nn.Linear(1, 1).cpu().weight.device.type == "cpu"
    assert report.counts() == {}


def test_device_indices_compare_like_torch(monkeypatch):
    torchdevice.patch()
    # CPU: tensors report "cpu" without an index, and so do translated devices
    for written in ("cuda", "cuda:0", "cuda:1", torch.device("cuda", 0), 0):
        assert torch.zeros(1, device=written).device == translate.target(written)
        assert translate.target(written) == torch.device("cpu")
    # MPS: tensors report mps:0, torch says mps != mps:0; an indexed CUDA device maps to mps:0
    select(monkeypatch, "mps")
    assert translate.target("cuda:0") == torch.device("mps:0")
    assert translate.target("cuda:3") == torch.device("mps:0")
    assert translate.target(torch.device("cuda", 1)) == torch.device("mps", 0)
    assert translate.target(2) == torch.device("mps:0")
    assert translate.target("cuda") == torch.device("mps")
    assert translate.target(None) == torch.device("mps")
    assert translate.translate("mps") == "mps" and translate.translate("mps:0") == "mps:0"


def test_no_device_argument_forced_on_functions_that_do_not_take_it():
    names = ("cat", "add", "matmul", "stack", "where", "sum", "save", "manual_seed")
    originals = [getattr(torch, name) for name in names]
    torchdevice.patch()
    assert [getattr(torch, name) for name in names] == originals
    received = []

    def original(*args, **kwargs):
        received.append(kwargs)

    factory = wrappers.device_keyword(original, "torch.fake")
    factory(2, dtype=torch.float32)
    factory(2)
    factory(2, device="cpu")
    assert received == [{"dtype": torch.float32}, {}, {"device": "cpu"}]
    x = torch.ones(2)
    assert torch.cat([x, x]).shape == (4,)
    assert torch.zeros_like(x).device == x.device


def test_is_available_tells_the_truth_unless_asked():
    truth = torch.cuda.is_available
    torchdevice.patch()
    assert torch.cuda.is_available is truth and torch.cuda.is_available() is False
    assert torch.cuda.device_count() == 0
    torchdevice.patch(pretend_cuda_available=True)
    assert torch.cuda.is_available() is True
    assert torch.cuda.device_count() == 1
    torchdevice.patch()
    assert torch.cuda.is_available is truth


def test_no_per_call_logging_by_default(caplog, capfd):
    caplog.set_level(logging.DEBUG)
    torchdevice.patch()  # selects the device: one debug line, once per process
    caplog.clear()
    x = torch.ones(2)
    for _ in range(50):
        torch.cuda.synchronize()
        x = x.to("cuda").cuda()
        torch.zeros(1, device="cuda:0")
        torch.cuda.Event(enable_timing=True).record()
    assert caplog.records == []
    assert capfd.readouterr() == ("", "")
    assert report.counts()["torch.cuda.synchronize"] == 50


def test_works_whatever_the_import_order(tmp_path):
    code = (
        "import sys\n"
        "import thirdparty_cudalib   # binds torch.cuda names before torchdevice exists\n"
        "assert 'torchdevice' not in sys.modules\n"
        "import torchdevice\n"
        "torchdevice.patch()\n"
        "result = thirdparty_cudalib.train(steps=2)\n"
        "print(result['device'])\n"
        "torchdevice.unpatch()\n"
        "import torch\n"
        "assert thirdparty_cudalib.Event is torch.cuda.Event\n"
        "assert thirdparty_cudalib.autocast is torch.cuda.amp.autocast\n"
        "assert thirdparty_cudalib.Generator is torch.Generator is torch._C.Generator\n")
    done = run_script(code, tmp_path)
    assert done.stdout == "cpu\n"


def test_unpatch_restores_every_original_object():
    rows = table.entries(pretend_cuda_available=True)
    before = [(getattr(e.owner, e.attr), vars(e.owner).get(e.attr, None), e.attr in vars(e.owner))
              for e in rows]
    torchdevice.patch(pretend_cuda_available=True)
    replaced = [getattr(e.owner, e.attr) for e in rows]
    assert all(now is not old for now, (old, _, _) in zip(replaced, before))
    torchdevice.unpatch()
    for entry, (original, stored, owned) in zip(rows, before):
        assert getattr(entry.owner, entry.attr) is original, entry.key
        assert vars(entry.owner).get(entry.attr, None) is stored, entry.key
        assert (entry.attr in vars(entry.owner)) is owned, entry.key
    assert torch.Tensor.to is torch.Tensor.__base__.to and "to" not in vars(torch.Tensor)
