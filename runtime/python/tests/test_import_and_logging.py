"""Importing is silent; the fallback says one thing; TORCHDEVICE_LOG=debug names the caller."""

import logging
import os
import subprocess
import sys

import torch

import torchdevice
from torchdevice import _log

from conftest import PACKAGE_ROOT


def _run(code, tmp_path, **env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TORCHDEVICE_")}
    if os.environ.get("TORCHDEVICE_TEST_INSTALLED") != "1":
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_ROOT, env.get("PYTHONPATH")]))
    env.update(env_overrides)
    script = tmp_path / "user_script.py"
    script.write_text(code)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done, str(script)


def _expected_auto_device():
    if torch.cuda.is_available():
        return "cuda"
    backend = getattr(torch.backends, "mps", None)
    return "mps" if backend is not None and backend.is_available() else "cpu"


def test_import_prints_nothing(tmp_path):
    done, _ = _run("import torchdevice\n", tmp_path)
    assert (done.stdout, done.stderr) == ("", "")


def test_auto_device_prints_only_the_device(tmp_path):
    done, _ = _run("import torchdevice\nprint(torchdevice.device())\n", tmp_path)
    assert done.stdout.strip() == _expected_auto_device()
    assert done.stderr == ""


def test_unavailable_request_warns_once_at_the_callers_line(tmp_path):
    if torch.cuda.is_available():
        wanted = "mps"
    else:
        wanted = "cuda"
    code = ("import torchdevice\n"
            "torchdevice.device()\n"
            "torchdevice.device()\n"
            "torchdevice.synchronize()\n")
    done, script = _run(code, tmp_path, TORCHDEVICE_DEVICE=wanted)
    if done.stderr == "":  # the wanted device exists on this machine
        return
    assert done.stderr.count("DeviceFallbackWarning") == 1
    assert f"{script}:2" in done.stderr


def test_debug_log_names_caller_file_and_line(tmp_path):
    code = ("import torchdevice\n"
            "torchdevice.synchronize()\n"
            "torchdevice.memory_allocated()\n")
    done, script = _run(code, tmp_path, TORCHDEVICE_LOG="debug", TORCHDEVICE_DEVICE="cpu")
    assert f"synchronize() at {script}:2" in done.stderr
    assert f"memory_allocated() at {script}:3" in done.stderr


def test_info_level_shows_decisions_but_not_calls(tmp_path):
    code = ("import torch, torchdevice\n"
            "with torchdevice.autocast():\n"
            "    pass\n"
            "torchdevice.synchronize()\n")
    done, _ = _run(code, tmp_path, TORCHDEVICE_LOG="info", TORCHDEVICE_DEVICE="cpu")
    assert "autocast" in done.stderr and "disabled" in done.stderr
    assert "synchronize" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_default_level_is_quiet(tmp_path):
    code = ("import torchdevice\n"
            "with torchdevice.autocast():\n"
            "    pass\n"
            "torchdevice.GradScaler()\n"
            "torchdevice.Stream().synchronize()\n")
    done, _ = _run(code, tmp_path, TORCHDEVICE_DEVICE="cpu")
    assert (done.stdout, done.stderr) == ("", "")


def test_in_process_tracing(caplog):
    caplog.set_level(logging.DEBUG, logger="torchdevice")
    _log.configure("debug")
    torchdevice.empty_cache(); line = sys._getframe().f_lineno  # noqa: E702
    torchdevice.Stream(priority=0)
    _log.configure("quiet")
    torchdevice.empty_cache()
    messages = [r.getMessage() for r in caplog.records]
    assert f"torchdevice.empty_cache() at {__file__}:{line}" in messages
    assert any(m.startswith("torchdevice.Stream(") for m in messages)
    assert sum("empty_cache" in m for m in messages) == 1
