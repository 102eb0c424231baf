from torch import cuda


def info():
    if cuda.is_available():
        cuda.synchronize()
        return cuda.get_device_name(0)
    return None
