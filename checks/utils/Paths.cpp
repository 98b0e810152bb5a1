//===--- Paths.cpp - One name for each file -------------------------------===//

#include "utils/Paths.h"
#include "utils/LLVMCompat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace noalloc {

/// Climbs one directory from \p Dir as the operating system would.
static void climb(SmallVectorImpl<char> &Dir) {
  StringRef Path(Dir.data(), Dir.size());
  if (Path == sys::path::root_path(Path))
    return; // "/.." is "/".
  SmallString<256> Real;
  // Lexically, the parent of a link would be the link's own directory.
  if (sys::fs::is_symlink_file(Dir) && !sys::fs::real_path(Dir, Real))
    Dir.assign(Real.begin(), Real.end());
  sys::path::remove_filename(Dir);
}

std::string normalizedPath(StringRef Path, StringRef WorkingDirectory) {
  SmallString<256> Absolute(Path);
  if (WorkingDirectory.empty())
    sys::fs::make_absolute(Absolute);
  else
    compat::makeAbsolute(WorkingDirectory, Absolute);
  SmallString<256> Out(sys::path::root_path(Absolute));
  for (auto It = sys::path::begin(sys::path::relative_path(Absolute)),
            End = sys::path::end(sys::path::relative_path(Absolute));
       It != End; ++It) {
    if (*It == ".")
      continue;
    if (*It == "..")
      climb(Out);
    else
      sys::path::append(Out, *It);
  }
  return std::string(Out);
}

bool isUnder(StringRef Path, StringRef Dir) {
  if (Dir.empty() || !Path.starts_with(Dir))
    return false;
  return Path.size() == Dir.size() || Dir.ends_with("/") ||
         sys::path::is_separator(Path[Dir.size()]);
}

std::optional<std::string> gitTopLevel(StringRef Directory) {
  for (StringRef Dir = Directory; !Dir.empty();
       Dir = sys::path::parent_path(Dir)) {
    SmallString<256> Git(Dir);
    sys::path::append(Git, ".git");
    if (sys::fs::exists(Git))
      return Dir.str();
    if (Dir == sys::path::root_path(Dir))
      break;
  }
  return std::nullopt;
}

std::string projectRoot(StringRef MainFile, StringRef CompileDirectory) {
  if (auto Top = gitTopLevel(sys::path::parent_path(MainFile)))
    return *Top;
  if (isUnder(MainFile, CompileDirectory))
    return CompileDirectory.rtrim('/').str();
  return "";
}

std::string relativeTo(StringRef Path, StringRef Root) {
  if (!isUnder(Path, Root) || Path.size() == Root.size())
    return Path.str();
  return Path.drop_front(Root.size()).ltrim('/').str();
}

std::string resolvedAgainst(StringRef Path, StringRef Root) {
  if (Root.empty() || Path.empty() || sys::path::is_absolute(Path))
    return Path.str();
  SmallString<256> Joined(Root);
  sys::path::append(Joined, Path);
  return std::string(Joined);
}

} // namespace noalloc
