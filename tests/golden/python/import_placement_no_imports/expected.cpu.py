#!/usr/bin/env python3
"""Only a docstring and a future import precede the code."""
from __future__ import annotations
import torchdevice
torchdevice.prefer("cpu")

DEVICE = torchdevice.device_type()
