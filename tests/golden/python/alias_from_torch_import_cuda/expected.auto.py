from torch import cuda
import torchdevice


def info():
    if torchdevice.is_available():
        torchdevice.synchronize()
        return torchdevice.get_device_name(0)
    return None
