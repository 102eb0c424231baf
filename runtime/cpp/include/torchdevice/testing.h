#pragma once
// Hooks for tests of the runtime and of ported programs. Not included by <torchdevice/torchdevice.h>.

#include <torchdevice/event.h>
#include <torchdevice/export.h>
#include <torchdevice/stream.h>

#include <c10/core/DeviceType.h>

#include <functional>
#include <optional>

namespace torchdevice::testing {

/// Forget the selected device, the preference, the one-time warnings, the emulated default and
/// current streams (of every thread) and the availability probe: the next call selects again from
/// the environment. Not thread-safe against concurrent runtime calls.
TORCHDEVICE_API void reset();

/// Replace the check "is this device type usable?" used by the selection (empty: the real one).
/// Only the selection uses it: other calls still need the real device.
TORCHDEVICE_API void set_availability_probe(std::function<bool(c10::DeviceType)> probe);

/// The stream `event` was last recorded on (empty before the first record).
TORCHDEVICE_API std::optional<Stream> recorded_stream(const Event& event);

} // namespace torchdevice::testing
