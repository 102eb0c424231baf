#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Train a small model.

The docstring spans several lines.
"""
from __future__ import annotations

import os
import sys

import torch
import torchdevice
torchdevice.prefer("cuda")

DEVICE = torchdevice.device_type()


def main() -> int:
    x = torch.ones(2, device=DEVICE)
    torchdevice.synchronize()
    print(x.sum().item(), os.getpid(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
