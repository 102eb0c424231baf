"""Device selection: environment override, preference, fallback order, warnings, laziness."""

import warnings

import pytest
import torch

import torchdevice
from torchdevice import _config


def _select_with(monkeypatch, env=None):
    if env is None:
        monkeypatch.delenv(_config.ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(_config.ENV_VAR, env)
    _config._reset()


def test_env_cpu_selects_cpu_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert torchdevice.device() == torch.device("cpu")
        assert torchdevice.device_type() == "cpu"
        assert torchdevice.device_string() == "cpu"


def test_env_overrides_preference(monkeypatch, fake_devices):
    fake_devices["mps"] = True
    _select_with(monkeypatch, "cpu")
    torchdevice.prefer("mps")
    assert torchdevice.device_type() == "cpu"


def test_preference_used_without_env(monkeypatch, fake_devices):
    fake_devices["cuda"] = fake_devices["mps"] = True
    _select_with(monkeypatch)
    torchdevice.prefer("mps")
    assert torchdevice.device_type() == "mps"
    assert torchdevice.device() == torch.device("mps")


def test_latest_preference_before_first_use_wins(monkeypatch, fake_devices):
    fake_devices["cuda"] = fake_devices["mps"] = True
    _select_with(monkeypatch)
    torchdevice.prefer("cuda")
    torchdevice.prefer("mps")
    assert torchdevice.device_type() == "mps"


def test_auto_picks_first_available_ignoring_preference(monkeypatch, fake_devices):
    fake_devices["cuda"] = fake_devices["mps"] = True
    _select_with(monkeypatch, "auto")
    torchdevice.prefer("cpu")
    assert torchdevice.device_type() == "cuda"


def test_no_preference_means_auto(monkeypatch, fake_devices):
    fake_devices["mps"] = True
    _select_with(monkeypatch)
    assert torchdevice.device_type() == "mps"


def test_invalid_env_value_raises(monkeypatch):
    _select_with(monkeypatch, "tpu")
    with pytest.raises(ValueError, match="TORCHDEVICE_DEVICE"):
        torchdevice.device()


def test_prefer_auto_states_no_preference(monkeypatch, fake_devices):
    fake_devices["cuda"] = fake_devices["mps"] = True
    _select_with(monkeypatch)
    torchdevice.prefer("mps")
    torchdevice.prefer("auto")
    assert torchdevice.device_type() == "cuda"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        torchdevice.prefer("auto")  # no opinion: never a conflict


def test_invalid_preference_raises():
    with pytest.raises(ValueError):
        torchdevice.prefer("tpu")


def test_selection_is_lazy(monkeypatch, fake_devices):
    _select_with(monkeypatch)
    torchdevice.prefer("cuda")
    assert fake_devices["probed"] == []
    assert not torchdevice.is_initialized()
    with pytest.warns(torchdevice.DeviceFallbackWarning):
        torchdevice.device()
    assert torchdevice.is_initialized()


def test_fallback_warns_once_and_points_at_caller(monkeypatch, fake_devices):
    _select_with(monkeypatch)
    torchdevice.prefer("cuda")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert torchdevice.device_type() == "cpu"
        torchdevice.device()
        torchdevice.synchronize()
    fallback = [w for w in caught if issubclass(w.category, torchdevice.DeviceFallbackWarning)]
    assert len(fallback) == 1
    assert "cuda" in str(fallback[0].message) and "cpu" in str(fallback[0].message)
    assert fallback[0].filename == __file__


@pytest.mark.parametrize("wanted, available, expected", [
    ("cuda", {"mps"}, "mps"),
    ("mps", {"cuda"}, "cuda"),
    ("mps", set(), "cpu"),
    ("cuda", set(), "cpu"),
])
def test_fallback_order(monkeypatch, fake_devices, wanted, available, expected):
    for name in available:
        fake_devices[name] = True
    _select_with(monkeypatch, wanted)
    with pytest.warns(torchdevice.DeviceFallbackWarning):
        assert torchdevice.device_type() == expected


def test_available_preference_gives_no_warning(monkeypatch, fake_devices):
    fake_devices["mps"] = True
    _select_with(monkeypatch, "mps")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert torchdevice.device_type() == "mps"


def test_conflicting_prefer_after_selection_warns_once_and_keeps_first(monkeypatch, fake_devices):
    fake_devices["cuda"] = fake_devices["mps"] = True
    _select_with(monkeypatch)
    torchdevice.prefer("mps")
    assert torchdevice.device_type() == "mps"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        torchdevice.prefer("mps")  # same: silent
        torchdevice.prefer("cuda")
        torchdevice.prefer("cpu")
    assert len(caught) == 1
    assert issubclass(caught[0].category, torchdevice.DeviceFallbackWarning)
    assert torchdevice.device_type() == "mps"


def test_prefer_after_selection_is_silent_under_env_override(monkeypatch):
    torchdevice.device()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        torchdevice.prefer("cuda")
    assert torchdevice.device_type() == "cpu"


def test_prefer_accepts_device_objects_and_indices(monkeypatch, fake_devices):
    fake_devices["cuda"] = True
    _select_with(monkeypatch)
    torchdevice.prefer(torch.device("cuda", 1))
    assert torchdevice.device_type() == "cuda"


def test_is_available_and_is_accelerator_on_cpu():
    assert torchdevice.is_available() is True
    assert torchdevice.is_accelerator() is False


def test_is_accelerator_on_fake_mps(monkeypatch, fake_devices):
    fake_devices["mps"] = True
    _select_with(monkeypatch, "mps")
    assert torchdevice.is_accelerator() is True
    assert torchdevice.is_available() is True


def test_cuda_style_device_arguments_map_to_selected_device():
    assert torchdevice.device(1) == torch.device("cpu")
    assert torchdevice.device_string(3) == "cpu"
    assert _config.map_device("cuda:1") == torch.device("cpu")
    assert _config.map_device(torch.device("mps")) == torch.device("cpu")
    assert _config.map_device("meta") == torch.device("meta")


def test_device_indices_on_cuda(monkeypatch, fake_devices):
    fake_devices["cuda"] = True
    _select_with(monkeypatch, "cuda")
    assert torchdevice.device() == torch.device("cuda")
    assert torchdevice.device(1) == torch.device("cuda", 1)
    assert torchdevice.device_string(1) == "cuda:1"
    assert _config.map_device("cuda:2") == torch.device("cuda", 2)
    assert _config.map_device("cpu") == torch.device("cpu")


def test_is_on_device():
    assert torchdevice.is_on_device(torch.zeros(2))
    assert not torchdevice.is_on_device(torch.zeros(2, device="meta"))


def test_reset_hook_forgets_selection(monkeypatch, fake_devices):
    assert torchdevice.device_type() == "cpu"
    fake_devices["mps"] = True
    monkeypatch.setenv(_config.ENV_VAR, "mps")
    assert torchdevice.device_type() == "cpu"  # cached until reset
    _config._reset()
    assert torchdevice.device_type() == "mps"
