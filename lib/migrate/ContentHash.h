// Hashes used by `migrate`: SHA-256 for file contents and the rule set (the state file), and a
// stable 64-bit hash of a path for --shard.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tdp::migrate {

/// Incremental SHA-256 (FIPS 180-4).
class Sha256 {
public:
  Sha256();
  void update(std::string_view Data);
  /// The digest as 64 lower-case hex digits; the object must not be updated afterwards.
  std::string hexDigest();

private:
  void block(const unsigned char *P);
  std::uint32_t H[8];
  unsigned char Buffer[64];
  std::size_t Buffered = 0;
  std::uint64_t Length = 0;
};

/// SHA-256 of Data as 64 hex digits.
std::string sha256Hex(std::string_view Data);

/// FNV-1a, 64 bits: stable across platforms and releases (it decides which shard owns a file).
std::uint64_t stableHash64(std::string_view Data);

} // namespace tdp::migrate
