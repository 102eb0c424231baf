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

std::string randomSuffix() {
  thread_local std::mt19937_64 Gen{std::random_device{}()};
  static const char Hex[] = "0123456789abcdef";
  std::string S;
  for (int I = 0; I < 12; ++I)
    S += Hex[Gen() % 16];
  return S;
}

[[noreturn]] void fail(const fs::path &Path, const std::string &What) {
  throw std::runtime_error(Path.string() + ": " + What + ": " + std::strerror(errno));
}

} // namespace

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

  fs::path Temp = Dir / ("." + Path.filename().string() + ".tdp-" + randomSuffix() + ".tmp");
  int Fd = ::open(Temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (Fd < 0)
    fail(Temp, "cannot create temporary file");
  std::size_t Done = 0;
  while (Done < Content.size()) {
    ssize_t N = ::write(Fd, Content.data() + Done, Content.size() - Done);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      int Saved = errno;
      ::close(Fd);
      ::unlink(Temp.c_str());
      errno = Saved;
      fail(Temp, "write failed");
    }
    Done += static_cast<std::size_t>(N);
  }
  if (::fchmod(Fd, Mode) != 0 || ::fsync(Fd) != 0) {
    int Saved = errno;
    ::close(Fd);
    ::unlink(Temp.c_str());
    errno = Saved;
    fail(Temp, "cannot finish temporary file");
  }
  if (::close(Fd) != 0) {
    ::unlink(Temp.c_str());
    fail(Temp, "close failed");
  }
  if (::rename(Temp.c_str(), Path.c_str()) != 0) {
    int Saved = errno;
    ::unlink(Temp.c_str());
    errno = Saved;
    fail(Path, "cannot replace file");
  }
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
