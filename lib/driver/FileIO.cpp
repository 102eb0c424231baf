#include "driver/FileIO.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace fs = std::filesystem;

namespace tdp {

std::optional<std::string> readWholeFile(const fs::path &Path, std::string &Error) {
  std::ifstream In(Path, std::ios::binary);
  if (!In) {
    Error = std::string("cannot read: ") + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream SS;
  SS << In.rdbuf();
  if (In.bad()) {
    Error = "read error";
    return std::nullopt;
  }
  return SS.str();
}

namespace {

[[noreturn]] void fail(const fs::path &Path, const std::string &What, int Error) {
  throw std::runtime_error(Path.string() + ": " + What + ": " + std::strerror(Error));
}

/// Closes a descriptor once (explicitly, to see the error, or at scope exit).
struct OwnedFd {
  int Value = -1;
  explicit OwnedFd(int V) : Value(V) {}
  ~OwnedFd() {
    if (Value >= 0)
      ::close(Value);
  }
  OwnedFd(const OwnedFd &) = delete;
  OwnedFd &operator=(const OwnedFd &) = delete;
  int release() { return std::exchange(Value, -1); }
};

} // namespace

fs::path temporarySiblingOf(const fs::path &Path) {
  thread_local std::mt19937_64 Gen{std::random_device{}()};
  static const char Hex[] = "0123456789abcdef";
  std::string S = "." + Path.filename().string() + ".tdp-";
  for (int I = 0; I < 12; ++I)
    S += Hex[Gen() % 16];
  return Path.parent_path() / (S + ".tmp");
}

void writeAll(int Fd, const char *Data, std::size_t Size, const fs::path &Name) {
  std::size_t Done = 0;
  while (Done < Size) {
    ssize_t N = ::write(Fd, Data + Done, Size - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      fail(Name, "write failed", errno);
    Done += static_cast<std::size_t>(N);
  }
}

void replaceFileAtomically(const fs::path &Path, mode_t Mode, bool Sync,
                           const std::function<void(int Fd, const fs::path &Temp)> &Fill) {
  fs::path Temp = temporarySiblingOf(Path);
  OwnedFd Out(::open(Temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (Out.Value < 0)
    fail(Temp, "cannot create temporary file", errno);
  try {
    Fill(Out.Value, Temp);
    if (::fchmod(Out.Value, Mode) != 0)
      fail(Temp, "cannot set permissions", errno);
    if (Sync && ::fsync(Out.Value) != 0)
      fail(Temp, "cannot finish temporary file", errno);
    if (::close(Out.release()) != 0)
      fail(Temp, "close failed", errno);
    if (::rename(Temp.c_str(), Path.c_str()) != 0)
      fail(Path, "cannot replace file", errno);
  } catch (...) {
    ::unlink(Temp.c_str());
    throw;
  }
}

void writeFileAtomically(const fs::path &Path, const std::string &Content, const std::optional<fs::path> &ModeFrom) {
  fs::path Dir = Path.parent_path().empty() ? fs::path(".") : Path.parent_path();
  std::error_code EC;
  fs::create_directories(Dir, EC);
  if (EC)
    throw std::runtime_error(Dir.string() + ": cannot create directory: " + EC.message());

  mode_t Mode = 0644;
  struct stat St;
  if (ModeFrom && ::stat(ModeFrom->c_str(), &St) == 0)
    Mode = St.st_mode & 07777;
  else if (::stat(Path.c_str(), &St) == 0)
    Mode = St.st_mode & 07777;
  replaceFileAtomically(Dir / Path.filename(), Mode, /*Sync=*/true, [&](int Fd, const fs::path &Temp) {
    writeAll(Fd, Content.data(), Content.size(), Temp);
  });
}

void mirrorFile(const fs::path &Source, const fs::path &Dest) {
  std::error_code EC;
  if (fs::is_symlink(fs::symlink_status(Source, EC))) {
    fs::path Target = fs::read_symlink(Source, EC);
    if (EC)
      throw std::runtime_error(Source.string() + ": cannot read link: " + EC.message());
    if (fs::is_symlink(fs::symlink_status(Dest, EC)) && fs::read_symlink(Dest, EC) == Target)
      return;
    fs::create_directories(Dest.parent_path(), EC);
    fs::remove(Dest, EC);
    fs::create_symlink(Target, Dest, EC);
    if (EC)
      throw std::runtime_error(Dest.string() + ": cannot create link: " + EC.message());
    return;
  }
  std::string Error;
  std::optional<std::string> Content = readWholeFile(Source, Error);
  if (!Content)
    throw std::runtime_error(Source.string() + ": " + Error);
  if (fs::is_regular_file(Dest, EC)) {
    std::string Ignored;
    if (std::optional<std::string> Existing = readWholeFile(Dest, Ignored); Existing && *Existing == *Content)
      return;
  }
  writeFileAtomically(Dest, *Content, Source);
}

} // namespace tdp
