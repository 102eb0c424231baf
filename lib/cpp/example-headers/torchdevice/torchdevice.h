// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// Lite form of the TorchDevice runtime's <torchdevice/torchdevice.h>, the header ported code includes.
#pragma once

#include <torchdevice/device.h>
#include <torchdevice/event.h>
#include <torchdevice/guard.h>
#include <torchdevice/memory.h>
#include <torchdevice/stream.h>
