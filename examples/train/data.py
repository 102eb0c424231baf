"""Synthetic, deterministic data: random inputs labelled by a fixed teacher network."""
import torch
from torch.utils.data import DataLoader, TensorDataset

NUM_FEATURES = 16
NUM_CLASSES = 4


def make_teacher_data(num_samples, seed):
    """Returns (features, labels); the same seed always gives the same tensors.

    Labels come from a fixed random "teacher" network, so the task is learnable but not linear.
    """
    teacher = torch.Generator().manual_seed(1234)
    w1 = torch.randn(NUM_FEATURES, 32, generator=teacher)
    w2 = torch.randn(32, NUM_CLASSES, generator=teacher)
    g = torch.Generator().manual_seed(seed)
    features = torch.randn(num_samples, NUM_FEATURES, generator=g)
    labels = (torch.tanh(features @ w1 / 4) @ w2).argmax(dim=1)
    return features, labels


def make_loaders(batch_size, seed):
    """Training loader (shuffled with its own generator) and validation loader.

    Batches are put in pinned memory so the host-to-GPU copies can run asynchronously.
    """
    train_set = TensorDataset(*make_teacher_data(2048, seed))
    val_set = TensorDataset(*make_teacher_data(512, seed + 1))
    shuffle_gen = torch.Generator().manual_seed(seed)
    train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, drop_last=True,
                              generator=shuffle_gen, num_workers=0, pin_memory=True)
    val_loader = DataLoader(val_set, batch_size=256, shuffle=False, num_workers=0, pin_memory=True)
    return train_loader, val_loader
