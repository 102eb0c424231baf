"""A third-party-style training library written for CUDA only (test fixture, never ported).

It stands for a dependency (a model zoo, a training library) that assumes CUDA throughout. Without
``torchdevice.patch()`` it fails on a CPU-only torch; under ``patch()`` it runs unmodified. It
binds CUDA names in every usual style: module attributes at call time (``torch.cuda.X``), and
``from torch.cuda import ...`` / ``from torch.cuda.amp import ...`` / ``from torch import ...``
at import, so that importing it before torchdevice is a real test of the import order.
"""

import torch
import torch.nn.functional as F
from torch import Generator, nn
from torch.cuda import Event, synchronize
from torch.cuda.amp import GradScaler, autocast

DEVICE = torch.device("cuda")


class TinyNet(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)


def seed_everything(seed: int = 0) -> None:
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model() -> nn.Module:
    model = TinyNet().cuda()
    return model.to(DEVICE)


def make_batch(n: int = 8):
    generator = Generator(device="cuda")
    generator.manual_seed(0)
    inputs = torch.randn(n, 4, device="cuda", generator=generator)
    targets = torch.zeros(n, 2, device="cuda:0")
    return inputs.cuda(0), targets.to("cuda", non_blocking=True)


def train(steps: int = 3) -> dict:
    """A few mixed-precision steps on a side stream, timed with CUDA events."""
    seed_everything()
    model = build_model()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    scaler = GradScaler()
    inputs, targets = make_batch()
    stream = torch.cuda.Stream()
    start, end = Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    with torch.cuda.stream(stream):
        for _ in range(steps):
            optimizer.zero_grad()
            with autocast():
                loss = F.mse_loss(model(inputs), targets)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
    end.record()
    synchronize()
    torch.cuda.synchronize()
    return {"loss": loss.item(), "elapsed_ms": start.elapsed_time(end),
            "memory": torch.cuda.memory_allocated(), "model": model,
            "device": next(model.parameters()).device}


def load_checkpoint(path: str) -> dict:
    """Load weights saved on a CUDA machine onto "the GPU"."""
    model = build_model()
    model.load_state_dict(torch.load(path, map_location="cuda:0"))
    return {"model": model, "device": next(model.parameters()).device}
