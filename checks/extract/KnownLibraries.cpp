//===--- KnownLibraries.cpp - The headers of the libraries noalloc knows --===//

#include "extract/KnownLibraries.h"
#include "utils/Paths.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/HeaderSearchOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace noalloc {

/// A header each of the C library, the OS and the C++ standard libraries
/// (libstdc++, libc++, and their target directories) has at the top of a
/// directory it is searched in.
static constexpr llvm::StringLiteral StandardHeaders[] = {
    "stdlib.h", "sys/types.h", "new", "bits/c++config.h", "__config_site"};

static std::string realPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return "";
  return std::string(Real.str());
}

KnownLibraries::KnownLibraries(const HeaderSearch &Search) : Everything(false) {
  FileManager &Files = Search.getFileMgr();
  auto Add = [&](llvm::StringRef Directory) {
    std::string Real = realPath(Directory);
    if (!Real.empty() && !llvm::is_contained(Directories, Real))
      Directories.push_back(std::move(Real));
  };
  llvm::SmallString<256> Builtin(Search.getHeaderSearchOpts().ResourceDir);
  llvm::sys::path::append(Builtin, "include");
  Add(Builtin);
  for (auto It = Search.system_dir_begin(), End = Search.search_dir_end();
       It != End; ++It) {
    OptionalDirectoryEntryRef Directory = It->getDirRef();
    if (!Directory)
      continue;
    for (llvm::StringRef Header : StandardHeaders) {
      llvm::SmallString<256> Path(Directory->getName());
      llvm::sys::path::append(Path, Header);
      if (Files.getOptionalFileRef(Path)) {
        Add(Directory->getName());
        break;
      }
    }
  }
}

bool KnownLibraries::underDirectory(llvm::StringRef Path) const {
  return llvm::any_of(Directories, [&](llvm::StringRef Directory) {
    return isUnder(Path, Directory);
  });
}

bool KnownLibraries::contains(const SourceManager &SM, SourceLocation Loc) {
  if (Everything)
    return true;
  FileID File = SM.getFileID(SM.getFileLoc(Loc));
  auto [It, New] = Known.try_emplace(File, false);
  if (!New)
    return It->second;
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry)
    return It->second = true; // The compiler's own: <built-in>, a module.
  std::string Real = Entry->getFileEntry().tryGetRealPathName().str();
  if (Real.empty())
    Real = realPath(Entry->getName());
  return It->second = underDirectory(Real);
}

} // namespace noalloc
