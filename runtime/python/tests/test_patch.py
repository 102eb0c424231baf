"""Compatibility mode, end to end: an unported CUDA-only library runs under torchdevice.patch().

The fault list of the issue (one test each) is in test_patch_faults.py; the redirects API by API
in test_patch_redirects.py.
"""

import importlib.util
import math
import os
import subprocess
import sys
import threading

import pytest
import torch

import torchdevice
from torchdevice import patching
from torchdevice.patching import report, table

import thirdparty_cudalib
from conftest import PACKAGE_ROOT

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))

needs_no_cuda = pytest.mark.skipif(torch.cuda.is_available(),
                                   reason="compatibility mode changes nothing where CUDA works")


@pytest.fixture(autouse=True)
def unpatched():
    report.reset()
    yield
    torchdevice.unpatch()
    report.reset()


def snapshot():
    """Identity of every attribute the table can replace (all options on)."""
    return {(id(e.owner), e.attr): (getattr(e.owner, e.attr), e.attr in vars(e.owner))
            for e in table.entries(pretend_cuda_available=True)}


def save_as_if_on_cuda(obj, path, monkeypatch):
    """``torch.save`` with every storage tagged ``cuda:0``, as a CUDA machine writes it."""
    registry = torch.serialization._package_registry
    monkeypatch.setattr(torch.serialization, "_package_registry", list(registry))
    torch.serialization.register_package(0, lambda storage: "cuda:0", lambda storage, loc: None)
    torch.save(obj, path)
    monkeypatch.setattr(torch.serialization, "_package_registry", registry)


def run_script(code, tmp_path):
    """Run ``code`` in a fresh interpreter on the CPU, thirdparty_cudalib importable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TORCHDEVICE_")}
    env["TORCHDEVICE_DEVICE"] = "cpu"
    paths = [TESTS_DIR, env.get("PYTHONPATH")]
    if os.environ.get("TORCHDEVICE_TEST_INSTALLED") != "1":
        paths.insert(1, PACKAGE_ROOT)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, paths))
    script = tmp_path / "user_script.py"
    script.write_text(code)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return done


# --- the third-party library -----------------------------------------------------------------

@needs_no_cuda
@pytest.mark.parametrize("call", [thirdparty_cudalib.train, thirdparty_cudalib.build_model,
                                  thirdparty_cudalib.make_batch])
def test_thirdparty_library_fails_without_patch(call):
    with pytest.raises((AssertionError, RuntimeError, TypeError)):
        call()


@needs_no_cuda
def test_thirdparty_library_runs_unmodified_under_patch():
    assert torchdevice.patch() is True
    result = thirdparty_cudalib.train(steps=3)
    assert math.isfinite(result["loss"])
    assert result["device"] == torch.device("cpu")
    assert result["elapsed_ms"] >= 0.0
    assert result["memory"] > 0  # CPU: process RSS
    redirected = patching.counts()
    for api in ("torch.nn.Module.cuda", "torch.nn.Module.to", "torch.Tensor.cuda",
                "torch.Tensor.to", "torch.randn", "torch.zeros", "torch.Generator",
                "torch.cuda.Stream", "torch.cuda.Event", "torch.cuda.stream",
                "torch.cuda.synchronize", "torch.cuda.manual_seed_all",
                "torch.cuda.memory_allocated", "torch.cuda.amp.autocast",
                "torch.cuda.amp.GradScaler"):
        assert redirected.get(api, 0) >= 1, api
    assert redirected["torch.cuda.synchronize"] == 2  # the imported name and the attribute


@needs_no_cuda
def test_checkpoint_saved_on_cuda_loads_under_patch(tmp_path, monkeypatch):
    path = str(tmp_path / "ckpt.pt")
    weights = thirdparty_cudalib.TinyNet().state_dict()
    save_as_if_on_cuda(weights, path, monkeypatch)
    with pytest.raises((AssertionError, RuntimeError)):
        torch.load(path)
    with torchdevice.patched():
        loaded = thirdparty_cudalib.load_checkpoint(path)
        assert loaded["device"] == torch.device("cpu")
        for name, value in loaded["model"].state_dict().items():
            assert torch.equal(value, weights[name])
        assert torch.equal(torch.load(path)["fc.weight"], weights["fc.weight"])  # no map_location
    assert patching.counts()["torch.load"] == 2


# --- switching on and off --------------------------------------------------------------------

@needs_no_cuda
def test_context_manager_patches_for_the_block_only():
    before = snapshot()
    with torchdevice.patched() as active:
        assert active and patching.is_patched()
        thirdparty_cudalib.train(steps=1)
    assert not patching.is_patched()
    assert snapshot() == before


@needs_no_cuda
def test_nested_context_returns_to_the_outer_options():
    torchdevice.patch()
    with torchdevice.patched(pretend_cuda_available=True):
        assert torch.cuda.is_available()
    assert patching.is_patched()
    assert not torch.cuda.is_available()
    with torchdevice.patched():
        pass
    assert patching.is_patched()


@needs_no_cuda
def test_patch_is_idempotent_and_unpatch_without_patch_is_a_no_op():
    before = snapshot()
    torchdevice.unpatch()
    assert snapshot() == before
    torchdevice.patch()
    replaced = torch.cuda.synchronize
    assert torchdevice.patch() is True
    assert torch.cuda.synchronize is replaced
    torchdevice.unpatch()
    torchdevice.unpatch()
    assert snapshot() == before


def test_importing_torchdevice_patches_nothing(tmp_path):
    done = run_script(
        "import torch\n"
        "names = [(torch.cuda, 'synchronize'), (torch.cuda, 'Event'), (torch, 'zeros'),\n"
        "         (torch, 'Generator'), (torch, 'load'), (torch.nn.Module, 'to')]\n"
        "before = [getattr(o, n) for o, n in names]\n"
        "to_inherited = 'to' not in vars(torch.Tensor)\n"
        "import torchdevice\n"
        "from torchdevice.patching import table\n"
        "assert [getattr(o, n) for o, n in names] == before\n"
        "assert to_inherited and 'to' not in vars(torch.Tensor)\n"
        "print(len(table.entries(pretend_cuda_available=True)))\n", tmp_path)
    assert int(done.stdout) > 60
    assert done.stderr == ""


def test_nothing_is_replaced_where_cuda_is_available(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    before = snapshot()
    assert torchdevice.patch(pretend_cuda_available=True) is False
    assert not patching.is_patched()
    assert snapshot() == before
    assert "CUDA is available" in report.text()


@needs_no_cuda
def test_patch_and_unpatch_from_many_threads():
    before, original_sync = snapshot(), torch.cuda.synchronize
    barrier = threading.Barrier(8)
    seen, errors = [], []

    def run(action):
        try:
            barrier.wait()
            action()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def patch_and_look():
        torchdevice.patch()
        seen.append(torch.cuda.synchronize)

    def flip():
        for i in range(20):
            torchdevice.patch(pretend_cuda_available=i % 3 == 0)
            torchdevice.unpatch()

    for action in (patch_and_look, torchdevice.unpatch, flip):
        threads = [threading.Thread(target=run, args=(action,)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if action is patch_and_look:
            assert len(set(map(id, seen))) == 1 and seen[0] is not original_sync
        else:
            assert snapshot() == before
    assert errors == []


@needs_no_cuda
def test_module_imported_while_patched_gets_the_originals_back():
    original_event, original_autocast = torch.cuda.Event, torch.cuda.amp.autocast
    torchdevice.patch()
    spec = importlib.util.spec_from_file_location("thirdparty_while_patched",
                                                  thirdparty_cudalib.__file__)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        assert module.Event is torch.cuda.Event is not original_event
        module.train(steps=1)
        torchdevice.unpatch()
        assert module.Event is original_event
        assert module.autocast is original_autocast
    finally:
        del sys.modules[spec.name]


@needs_no_cuda
def test_torchscript_still_compiles_patched_factories():
    torchdevice.patch()

    @torch.jit.script
    def scripted(x: torch.Tensor) -> torch.Tensor:
        return torch.zeros(2) + torch.ones_like(x)

    assert scripted(torch.ones(2)).tolist() == [1.0, 1.0]
    wrapper = torch.zeros
    assert torch.jit._builtins._find_builtin(wrapper) == "aten::zeros"
    torchdevice.unpatch()
    assert torch.jit._builtins._find_builtin(wrapper) is None
    assert scripted(torch.ones(2)).tolist() == [1.0, 1.0]


# --- the report ------------------------------------------------------------------------------

@needs_no_cuda
def test_counts_only_redirected_calls():
    torchdevice.patch()
    x = torch.ones(2)
    x.to(torch.float64)
    x.to("cpu")
    torch.zeros(2)
    assert patching.counts() == {}
    torch.cuda.synchronize()
    torch.cuda.synchronize()
    x.to("cuda")
    assert patching.counts() == {"torch.cuda.synchronize": 2, "torch.Tensor.to": 1}


@needs_no_cuda
def test_report_printed_at_exit(tmp_path):
    done = run_script(
        "import torchdevice, thirdparty_cudalib\n"
        "torchdevice.patch(report=True)\n"
        "thirdparty_cudalib.train(steps=2)\n"
        "print('trained')\n", tmp_path)
    assert done.stdout == "trained\n"
    lines = done.stderr.splitlines()
    assert lines[0] == "torchdevice.patch report: CUDA calls redirected to cpu in this run"
    rows = dict(reversed(line.split()) for line in lines[3:])
    assert rows["torch.cuda.synchronize"] == "2"
    assert rows["torch.cuda.Event"] == "2"
    assert rows["torch.nn.Module.cuda"] == "1"
    assert rows["torch.cuda.amp.autocast"] == "2"


@needs_no_cuda
def test_no_report_unless_asked(tmp_path):
    done = run_script(
        "import torchdevice, thirdparty_cudalib\n"
        "torchdevice.patch()\n"
        "thirdparty_cudalib.train(steps=2)\n", tmp_path)
    assert (done.stdout, done.stderr) == ("", "")
