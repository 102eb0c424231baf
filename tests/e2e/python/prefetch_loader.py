"""A data loader wrapper that copies the next batch to the GPU on a side stream while the
current batch is being used (the classic "CUDA prefetcher"). Checks that every batch
arrives complete, correct and in order. Needs an NVIDIA GPU.
"""
import sys

import torch
from torch.utils.data import DataLoader, Dataset

NUM_ITEMS = 1000
FEATURES = 32


class IndexedDataset(Dataset):
    """Item i is (i, a feature row that is a known function of i, i % 7)."""

    def __len__(self):
        return NUM_ITEMS

    def __getitem__(self, i):
        x = torch.arange(FEATURES, dtype=torch.float32) * 0.01 + i
        return torch.tensor(i), x, torch.tensor(i % 7)


class CUDAPrefetcher:
    """Iterates a DataLoader, keeping the next batch in flight on a side stream."""

    def __init__(self, loader):
        self.batches = iter(loader)
        self.stream = torch.cuda.Stream()
        self.next_batch = None
        self.preload()

    def preload(self):
        try:
            batch = next(self.batches)
        except StopIteration:
            self.next_batch = None
            return
        batch = [t.pin_memory() for t in batch]
        with torch.cuda.stream(self.stream):
            self.next_batch = [t.cuda(non_blocking=True) for t in batch]

    def __iter__(self):
        return self

    def __next__(self):
        torch.cuda.current_stream().wait_stream(self.stream)
        batch = self.next_batch
        if batch is None:
            raise StopIteration
        for t in batch:
            t.record_stream(torch.cuda.current_stream())
        self.preload()
        return batch


def main():
    torch.set_num_threads(2)
    torch.manual_seed(0)
    batch_size = 64
    loader = DataLoader(IndexedDataset(), batch_size=batch_size, shuffle=False, num_workers=0)
    offsets = (torch.arange(FEATURES, dtype=torch.float32) * 0.01).cuda()

    seen, bad, checksum = 0, 0, 0.0
    for n, (idx, x, y) in enumerate(CUDAPrefetcher(loader)):
        expected_idx = torch.arange(n * batch_size, n * batch_size + idx.numel(), device="cuda")
        in_order = torch.equal(idx, expected_idx)
        rows_ok = torch.allclose(x - offsets, idx.unsqueeze(1).float().expand_as(x))
        labels_ok = torch.equal(y, idx % 7)
        if not (in_order and rows_ok and labels_ok and x.is_cuda):
            bad += 1
            print(f"batch {n}: in_order={in_order} rows_ok={rows_ok} labels_ok={labels_ok}")
        checksum += (x.sum() * 2.0).item()  # some work on the compute stream
        seen += idx.numel()
    torch.cuda.synchronize()

    expected_checksum = 2.0 * sum(FEATURES * i + 0.01 * FEATURES * (FEATURES - 1) / 2
                                  for i in range(NUM_ITEMS))
    rel_err = abs(checksum - expected_checksum) / expected_checksum
    num_batches = (NUM_ITEMS + batch_size - 1) // batch_size
    ok = seen == NUM_ITEMS and bad == 0 and n + 1 == num_batches and rel_err < 1e-5
    print(f"RESULT batches={n + 1} items={seen} bad={bad} rel_err={rel_err:.2e} ok={ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
