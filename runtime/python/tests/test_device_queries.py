"""Device queries, distributed backend and legacy tensor types on the CPU."""

import os

import pytest
import torch

import torchdevice


def _cpuinfo_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.strip() in ("model name", "Model", "Hardware") and value.strip():
                    return value.strip()
    except OSError:
        pass
    return None


def test_counts_and_indices():
    assert torchdevice.device_count() == 1
    assert torchdevice.current_device() == 0
    torchdevice.set_device(3)  # multi-GPU code runs unchanged
    torchdevice.set_device(torch.device("cuda", 1))
    assert torchdevice.current_device() == 0


def test_device_properties_describe_the_host():
    props = torchdevice.get_device_properties()
    assert (props.major, props.minor) == (0, 0)
    assert props.multi_processor_count == os.cpu_count()
    if os.path.exists("/proc/meminfo"):
        with open("/proc/meminfo") as f:
            total = int(next(l for l in f if l.startswith("MemTotal:")).split()[1]) * 1024
        assert props.total_memory == total
    model = _cpuinfo_model()
    if model:
        assert props.name == model
    assert torchdevice.get_device_name() == props.name
    assert torchdevice.get_device_name(0) == props.name
    assert "total_memory" in repr(props)


def test_capability_bf16_and_init():
    assert torchdevice.is_initialized() is False
    torchdevice.init()
    assert torchdevice.is_initialized() is True
    assert torchdevice.get_device_capability() == (0, 0)
    assert torchdevice.is_bf16_supported() is True
    torchdevice.synchronize()
    torchdevice.synchronize("cuda:0")


def test_distributed_backend_is_gloo_off_cuda():
    assert torchdevice.distributed_backend() == "gloo"


ALL_TYPES = {
    "FloatTensor": torch.float32, "DoubleTensor": torch.float64, "HalfTensor": torch.float16,
    "BFloat16Tensor": torch.bfloat16, "ByteTensor": torch.uint8, "CharTensor": torch.int8,
    "ShortTensor": torch.int16, "IntTensor": torch.int32, "LongTensor": torch.int64,
    "BoolTensor": torch.bool,
}


@pytest.mark.parametrize("name, dtype", sorted(ALL_TYPES.items(), key=lambda kv: kv[0]))
def test_tensor_type_constructs_and_checks(name, dtype):
    cls = torchdevice.tensor_type(name)
    assert cls is torchdevice.tensor_type(name)
    sized = cls(2, 3)
    assert sized.shape == (2, 3) and sized.dtype == dtype and sized.device.type == "cpu"
    assert not sized.any()
    data = cls([1, 0, 1])
    assert data.dtype == dtype and data.tolist() == torch.tensor([1, 0, 1], dtype=dtype).tolist()
    assert isinstance(sized, cls)
    other = next(d for d in ALL_TYPES.values() if d != dtype)
    assert not isinstance(torch.zeros(1, dtype=other), cls)
    assert not isinstance([1, 2], cls)


def test_tensor_type_constructor_forms():
    ft = torchdevice.tensor_type("FloatTensor")
    assert ft().shape == (0,)
    assert ft(torch.Size([4, 2])).shape == (4, 2)
    assert ft((2, 3)).tolist() == [2.0, 3.0]  # a tuple is data, as in the legacy constructor
    converted = ft(torch.arange(3))
    assert converted.dtype == torch.float32 and converted.tolist() == [0.0, 1.0, 2.0]
    assert torchdevice.tensor_type("torch.cuda.FloatTensor") is ft
    with pytest.raises(TypeError):
        ft(2, "x")
    with pytest.raises(TypeError):
        ft(2, device="cpu")


def test_tensor_type_checks_the_selected_device():
    ft = torchdevice.tensor_type("FloatTensor")
    assert isinstance(torch.zeros(2), ft)
    assert not isinstance(torch.zeros(2, device="meta"), ft)


def test_unknown_tensor_type_raises():
    with pytest.raises(ValueError, match="FloatTensor"):
        torchdevice.tensor_type("ComplexTensor")
