#include "migrate/MirrorIO.h"

#include "driver/FileIO.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace tdp::migrate {
namespace {

[[noreturn]] void fail(const fs::path &Path, const std::string &What, int Error) {
  throw std::runtime_error(Path.string() + ": " + What + ": " + std::strerror(Error));
}

struct Fd {
  int Value = -1;
  explicit Fd(int V) : Value(V) {}
  ~Fd() {
    if (Value >= 0)
      ::close(Value);
  }
  Fd(const Fd &) = delete;
  Fd &operator=(const Fd &) = delete;
};

bool readFully(int F, char *Buf, std::size_t N, std::size_t &Got) {
  Got = 0;
  while (Got < N) {
    ssize_t R = ::read(F, Buf + Got, N - Got);
    if (R < 0 && errno == EINTR)
      continue;
    if (R < 0)
      return false;
    if (R == 0)
      break;
    Got += static_cast<std::size_t>(R);
  }
  return true;
}

bool sameBytes(const fs::path &A, const fs::path &B) {
  Fd FA(::open(A.c_str(), O_RDONLY | O_CLOEXEC)), FB(::open(B.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (FA.Value < 0 || FB.Value < 0)
    return false;
  std::vector<char> BA(1 << 16), BB(1 << 16);
  for (;;) {
    std::size_t NA = 0, NB = 0;
    if (!readFully(FA.Value, BA.data(), BA.size(), NA) || !readFully(FB.Value, BB.data(), BB.size(), NB))
      return false;
    if (NA != NB || std::memcmp(BA.data(), BB.data(), NA) != 0)
      return false;
    if (NA == 0)
      return true;
  }
}

} // namespace

void ensureRealDirectory(const fs::path &Dir) {
  struct stat St;
  if (::lstat(Dir.c_str(), &St) == 0) {
    if (S_ISDIR(St.st_mode)) {
      if ((St.st_mode & (S_IWUSR | S_IXUSR)) != (S_IWUSR | S_IXUSR))
        ::chmod(Dir.c_str(), (St.st_mode & 07777) | S_IWUSR | S_IXUSR);
      return;
    }
    // A link or a file left where a directory now is: it is inside the out-root, so ours.
    if (::unlink(Dir.c_str()) != 0)
      fail(Dir, "cannot replace with a directory", errno);
  }
  if (::mkdir(Dir.c_str(), 0755) != 0 && errno != EEXIST)
    fail(Dir, "cannot create directory", errno);
}

bool holdsContent(const fs::path &Dest, std::string_view Content) {
  Fd F(::open(Dest.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (F.Value < 0)
    return false;
  struct stat St;
  if (::fstat(F.Value, &St) != 0 || !S_ISREG(St.st_mode) || static_cast<std::size_t>(St.st_size) != Content.size())
    return false;
  std::string Buf(Content.size(), '\0');
  std::size_t Got = 0;
  return readFully(F.Value, Buf.data(), Buf.size(), Got) && Got == Content.size() && Buf == Content;
}

void writeMirroredFile(const fs::path &Dest, std::string_view Content, const fs::path &Source) {
  struct stat Src;
  mode_t Mode = ::stat(Source.c_str(), &Src) == 0 ? (Src.st_mode & 07777) : 0644;
  // Not synced one by one: the state's hashes catch a file lost in a crash (docs/migrate.md).
  replaceFileAtomically(Dest, Mode, /*Sync=*/false, [&](int Fd, const fs::path &Temp) {
    writeAll(Fd, Content.data(), Content.size(), Temp);
  });
}

bool copyFileInto(const fs::path &Source, const fs::path &Dest) {
  struct stat Src, Dst;
  if (::stat(Source.c_str(), &Src) != 0)
    fail(Source, "cannot read", errno);
  mode_t Mode = Src.st_mode & 07777;
  if (::lstat(Dest.c_str(), &Dst) == 0 && S_ISREG(Dst.st_mode) && Dst.st_size == Src.st_size &&
      sameBytes(Source, Dest)) {
    if ((Dst.st_mode & 07777) != Mode)
      ::chmod(Dest.c_str(), Mode);
    return false;
  }
  Fd In(::open(Source.c_str(), O_RDONLY | O_CLOEXEC));
  if (In.Value < 0)
    fail(Source, "cannot read", errno);
  replaceFileAtomically(Dest, Mode, /*Sync=*/false, [&](int Out, const fs::path &Temp) {
    std::vector<char> Buf(1 << 16);
    for (;;) {
      std::size_t N = 0;
      if (!readFully(In.Value, Buf.data(), Buf.size(), N))
        fail(Source, "read failed", errno);
      if (N == 0)
        return;
      writeAll(Out, Buf.data(), N, Temp);
    }
  });
  return true;
}

bool placeLink(const std::string &Target, const fs::path &Dest) {
  std::error_code EC;
  fs::file_status St = fs::symlink_status(Dest, EC);
  if (fs::is_symlink(St) && fs::read_symlink(Dest, EC).string() == Target && !EC)
    return false;
  if (fs::is_directory(St)) // a directory where a link now is (an earlier run's mirror)
    fs::remove_all(Dest, EC);
  fs::path Temp = temporarySiblingOf(Dest);
  if (::symlink(Target.c_str(), Temp.c_str()) != 0)
    fail(Temp, "cannot create link", errno);
  if (::rename(Temp.c_str(), Dest.c_str()) != 0) {
    int E = errno;
    ::unlink(Temp.c_str());
    fail(Dest, "cannot replace with a link", E);
  }
  return true;
}

} // namespace tdp::migrate
