"""Train a small classifier on synthetic data with mixed precision.

Written for NVIDIA GPUs: every tensor lives on the GPU, evaluation overlaps on a side
stream, epochs are timed with CUDA events. Run: python3 train.py [--epochs N]
"""
import argparse
import sys

import torch
import torch.nn as nn

from data import NUM_CLASSES, NUM_FEATURES, make_loaders
from model import MLP


def parse_args():
    parser = argparse.ArgumentParser(description="Train an MLP on synthetic blobs (CUDA).")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args()


def evaluate(model, loader, eval_stream):
    """Accuracy on the validation set, computed on a side stream."""
    model.eval()
    correct = torch.zeros((), dtype=torch.long, device="cuda:0")
    eval_stream.wait_stream(torch.cuda.current_stream())  # weights and `correct` are ready
    with torch.no_grad(), torch.cuda.stream(eval_stream):
        for x, y in loader:
            x = x.to("cuda:0", non_blocking=True)
            y = y.to("cuda:0", non_blocking=True)
            correct += (model(x).argmax(dim=1) == y).sum()
    torch.cuda.current_stream().wait_stream(eval_stream)
    return correct.item() / len(loader.dataset)


def main():
    args = parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    torch.cuda.manual_seed_all(args.seed)
    torch.backends.cudnn.benchmark = True

    device = torch.device("cuda")
    train_loader, val_loader = make_loaders(args.batch_size, args.seed)
    model = MLP(NUM_FEATURES, 64, NUM_CLASSES).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    criterion = nn.CrossEntropyLoss()
    scaler = torch.cuda.amp.GradScaler()
    eval_stream = torch.cuda.Stream()
    start = torch.cuda.Event(enable_timing=True)
    end = torch.cuda.Event(enable_timing=True)

    print(f"training on {device} for {args.epochs} epochs", flush=True)
    losses = []
    for epoch in range(1, args.epochs + 1):
        model.train()
        start.record()
        total, count = 0.0, 0
        for x, y in train_loader:
            x = x.to(device, non_blocking=True)
            y = y.to(device, non_blocking=True)
            optimizer.zero_grad(set_to_none=True)
            with torch.cuda.amp.autocast():
                loss = criterion(model(x), y)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
            total += loss.item() * x.size(0)
            count += x.size(0)
        end.record()
        torch.cuda.synchronize()
        epoch_ms = start.elapsed_time(end)
        accuracy = evaluate(model, val_loader, eval_stream)
        losses.append(total / count)
        print(f"epoch {epoch}/{args.epochs} loss {losses[-1]:.6f} val_acc {accuracy:.4f} "
              f"time {epoch_ms:.1f} ms", flush=True)

    allocated = torch.cuda.memory_allocated() / 2**20
    peak = torch.cuda.max_memory_allocated() / 2**20
    print(f"memory allocated {allocated:.2f} MiB peak {peak:.2f} MiB")

    ok = losses[-1] < 0.5 * losses[0] and accuracy > 0.75
    print(f"RESULT loss_first={losses[0]:.6f} loss_last={losses[-1]:.6f} "
          f"val_acc={accuracy:.4f} ok={ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
