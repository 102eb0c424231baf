import torchdevice
def move(y):
    return y.to(torchdevice.device())
