"""Shared fixtures.

The package is imported from this source tree (``runtime/python`` goes first on ``sys.path``), so
the suite runs without installing anything. Set ``TORCHDEVICE_TEST_INSTALLED=1`` to test the
installed copy instead.

Every test starts with a fresh device selection forced to the CPU through ``TORCHDEVICE_DEVICE``
and ``torchdevice._config._reset()``; tests that need another device use ``fake_devices``.
"""

import os
import sys

PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if os.environ.get("TORCHDEVICE_TEST_INSTALLED") != "1" and PACKAGE_ROOT not in sys.path[:1]:
    sys.path.insert(0, PACKAGE_ROOT)

import pytest  # noqa: E402

from torchdevice import _config, _log  # noqa: E402


@pytest.fixture(autouse=True)
def cpu_selected(monkeypatch):
    """Select the CPU deterministically, quiet logging, and reset afterwards."""
    monkeypatch.setenv(_config.ENV_VAR, "cpu")
    monkeypatch.delenv(_log.ENV_VAR, raising=False)
    _config._reset()
    yield
    _log.configure("quiet")
    _config._reset()


@pytest.fixture
def fake_devices(monkeypatch):
    """Control which devices look available; returns the dict the availability probe reads."""
    available = {"cuda": False, "mps": False, "cpu": True}
    probed = []

    def probe(device_type):
        probed.append(device_type)
        return available[device_type]

    monkeypatch.setattr(_config, "_probe", probe)
    available["probed"] = probed  # type: ignore[assignment]
    return available


def select(monkeypatch, device_type):
    """Force ``device_type`` (faked as available) for the rest of a test."""
    monkeypatch.setattr(_config, "_probe", lambda d: d in ("cpu", device_type))
    monkeypatch.setenv(_config.ENV_VAR, device_type)
    _config._reset()
