// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/macros/Macros.h>
#include <c10/util/StringUtil.h>

#include <cstdint>
#include <exception>
#include <string>

namespace c10 {

class Error : public std::exception {
 public:
  Error(SourceLocation source_location, std::string msg);
  Error(std::string msg, std::string backtrace, const void* caller = nullptr);
  const std::string& msg() const;
  const std::string& what_without_backtrace() const noexcept;
  const char* what() const noexcept override;
};

class IndexError : public Error {
  using Error::Error;
};
class ValueError : public Error {
  using Error::Error;
};
class TypeError : public Error {
  using Error::Error;
};
class NotImplementedError : public Error {
  using Error::Error;
};
class OutOfMemoryError : public Error {
  using Error::Error;
};

namespace Warning {
void warn(const SourceLocation& source_location, const std::string& msg, bool verbatim);
void warn(SourceLocation source_location, const char* msg, bool verbatim);
} // namespace Warning

namespace detail {
[[noreturn]] void torchCheckFail(const char* func, const char* file, uint32_t line, const std::string& msg);
[[noreturn]] void torchCheckFail(const char* func, const char* file, uint32_t line, const char* msg);
[[noreturn]] void torchInternalAssertFail(const char* func, const char* file, uint32_t line, const char* condMsg,
                                          const char* userMsg);
[[noreturn]] void torchInternalAssertFail(const char* func, const char* file, uint32_t line, const char* condMsg,
                                          const std::string& userMsg);

/// The message of TORCH_CHECK: the user's arguments concatenated, else the default text.
template <typename... Args>
decltype(auto) torchCheckMsgImpl(const char* /*msg*/, const Args&... args) {
  return ::c10::str(args...);
}
inline const char* torchCheckMsgImpl(const char* msg) {
  return msg;
}
inline const char* torchCheckMsgImpl(const char* /*msg*/, const char* args) {
  return args;
}
} // namespace detail

} // namespace c10

#define TORCH_CHECK(cond, ...)                                                                        \
  if (C10_UNLIKELY(!(cond))) {                                                                        \
    ::c10::detail::torchCheckFail(                                                                    \
        __func__, __FILE__, static_cast<uint32_t>(__LINE__),                                          \
        ::c10::detail::torchCheckMsgImpl("Expected " #cond " to be true, but got false.", ##__VA_ARGS__)); \
  }

#define TORCH_INTERNAL_ASSERT(cond, ...)                                                                \
  if (C10_UNLIKELY(!(cond))) {                                                                           \
    ::c10::detail::torchInternalAssertFail(__func__, __FILE__, static_cast<uint32_t>(__LINE__),          \
                                           #cond " INTERNAL ASSERT FAILED. ", ::c10::str(__VA_ARGS__)); \
  }

#define TORCH_WARN(...) \
  ::c10::Warning::warn({__func__, __FILE__, static_cast<uint32_t>(__LINE__)}, ::c10::str(__VA_ARGS__), false)
