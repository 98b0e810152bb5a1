//===--- SafeOutput.cpp - Every file noalloc writes -----------------------===//

#include "SafeOutput.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

using namespace llvm;

namespace noalloc {

static Error cannotWrite(StringRef Path, std::error_code EC) {
  return createStringError(EC, "cannot write '%s': %s", Path.str().c_str(),
                           EC.message().c_str());
}

Expected<std::string> resolveOutputTarget(StringRef Path) {
  std::string Target = Path.str();
  // As the kernel does: a bounded number of links.
  for (unsigned Links = 0; Links < 40; ++Links) {
    struct stat Status;
    if (::lstat(Target.c_str(), &Status) != 0) {
      if (errno == ENOENT)
        return Target;
      return cannotWrite(Path, std::error_code(errno, std::generic_category()));
    }
    if (S_ISREG(Status.st_mode))
      return Target;
    if (!S_ISLNK(Status.st_mode))
      return createStringError(
          std::make_error_code(std::errc::invalid_argument),
          "cannot write '%s': not a regular file (noalloc writes only "
          "regular files, or standard output as '-')",
          Path.str().c_str());
    char Buffer[4096];
    ssize_t Length = ::readlink(Target.c_str(), Buffer, sizeof Buffer);
    if (Length < 0 || size_t(Length) == sizeof Buffer)
      return cannotWrite(Path, std::error_code(errno ? errno : ENAMETOOLONG,
                                               std::generic_category()));
    StringRef Link(Buffer, Length);
    SmallString<256> Next;
    if (sys::path::is_absolute(Link)) {
      Next = Link;
    } else {
      Next = sys::path::parent_path(Target);
      sys::path::append(Next, Link);
    }
    Target = std::string(Next);
  }
  return cannotWrite(Path, std::make_error_code(std::errc::too_many_links));
}

int fileDescriptor(raw_fd_ostream &OS) {
  // raw_fd_ostream::get_fd is protected; a derived class may name it.
  struct Access : raw_fd_ostream {
    static int of(raw_fd_ostream &S) { return (S.*(&Access::get_fd))(); }
  };
  return Access::of(OS);
}

Error takeStandardOutputError() {
  outs().flush();
  if (!outs().has_error())
    return Error::success();
  std::error_code EC = outs().error();
  outs().clear_error();
  return createStringError(EC, "cannot write to standard output: %s",
                           EC.message().c_str());
}

/// Writes into a new temporary file beside \p Target; returns its path.
static Expected<std::string>
writeTemporary(StringRef Path, StringRef Target,
               function_ref<Error(raw_fd_ostream &)> Write) {
  SmallString<256> Temporary;
  int FD;
  if (std::error_code EC = sys::fs::createUniqueFile(
          Target + ".noalloc-tmp-%%%%%%%%", FD, Temporary))
    return cannotWrite(Path, EC);
  // An existing file keeps its permissions.
  struct stat Status;
  if (::stat(Target.str().c_str(), &Status) == 0)
    (void)::fchmod(FD, Status.st_mode & 07777);
  auto Fail = [&](Error E) -> Expected<std::string> {
    sys::fs::remove(Temporary);
    return std::move(E);
  };
  raw_fd_ostream OS(FD, /*shouldClose=*/true);
  if (Error E = Write(OS)) {
    OS.clear_error();
    return Fail(std::move(E));
  }
  OS.flush();
  std::error_code EC;
  if (!OS.has_error() && ::fsync(FD) != 0)
    EC = std::error_code(errno, std::generic_category());
  OS.close();
  if (OS.has_error()) {
    EC = OS.error();
    OS.clear_error();
  }
  if (EC)
    return Fail(cannotWrite(Path, EC));
  return std::string(Temporary);
}

Error writeFileSafely(StringRef Path,
                      function_ref<Error(raw_fd_ostream &)> Write) {
  if (Path == "-") {
    if (Error E = Write(outs()))
      return E;
    return takeStandardOutputError();
  }
  Expected<std::string> Target = resolveOutputTarget(Path);
  if (!Target)
    return Target.takeError();
  Expected<std::string> Temporary = writeTemporary(Path, *Target, Write);
  if (!Temporary)
    return Temporary.takeError();
  if (std::error_code EC = sys::fs::rename(*Temporary, *Target)) {
    sys::fs::remove(*Temporary);
    return cannotWrite(Path, EC);
  }
  return Error::success();
}

int unnamedTemporaryFile() {
  SmallString<128> Name;
  int FD;
  if (sys::fs::createTemporaryFile("noalloc-output", "txt", FD, Name))
    return -1;
  sys::fs::remove(Name);
  return FD;
}

std::string readWholeFile(int FD) {
  std::string Text;
  char Buffer[65536];
  off_t Offset = 0;
  ssize_t N;
  while ((N = ::pread(FD, Buffer, sizeof Buffer, Offset)) > 0) {
    Text.append(Buffer, N);
    Offset += N;
  }
  return Text;
}

} // namespace noalloc
