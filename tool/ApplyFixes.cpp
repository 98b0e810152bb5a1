//===--- ApplyFixes.cpp - --fix, checked first and written safely ---------===//

#include "ApplyFixes.h"
#include "SafeOutput.h"
#include "utils/Paths.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"
#include <map>
#include <sys/file.h>
#include <unistd.h>

using namespace llvm;
using clang::tidy::ClangTidyError;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace noalloc {

static std::string realPath(StringRef Path) {
  SmallString<256> Real;
  if (sys::fs::real_path(Path, Real)) {
    Real = Path;
    sys::fs::make_absolute(Real);
  }
  return std::string(Real);
}

/// The directory holding every one of \p MainFiles.
static std::string sourcesDirectory(ArrayRef<std::string> MainFiles) {
  std::string Common;
  for (const std::string &File : MainFiles) {
    std::string Dir = sys::path::parent_path(realPath(File)).str();
    if (Common.empty())
      Common = Dir;
    while (!Common.empty() && !isUnder(Dir, Common))
      Common = sys::path::parent_path(Common).str();
  }
  return Common;
}

std::string projectRoot(ArrayRef<std::string> MainFiles) {
  std::string Common = sourcesDirectory(MainFiles);
  return gitTopLevel(Common).value_or(Common);
}

static bool isThirdPartyDirectory(StringRef Name) {
  static constexpr StringLiteral ThirdParty[] = {
      "third_party", "third-party", "thirdparty", "3rdparty",   "external",
      "extern",      "vendor",      "_deps",      "subprojects"};
  std::string Lower = Name.lower();
  return is_contained(ThirdParty, StringRef(Lower));
}

bool isProjectFile(StringRef File, StringRef Root, StringRef Sources) {
  std::string Real = realPath(File);
  if (Root.empty() || !isUnder(Real, Root))
    return false;
  StringRef Path = StringRef(Real).drop_front(Root.size());
  // Each directory between the root and the file.
  SmallString<256> Dir(Root);
  for (auto It = sys::path::begin(Path), End = sys::path::end(Path);
       It != End; ++It) {
    if (std::next(It) == End)
      break; // The file itself.
    sys::path::append(Dir, *It);
    // Where the analysed sources are is the project, whatever its name.
    if (isUnder(Sources, Dir))
      continue;
    SmallString<256> Cache(Dir);
    sys::path::append(Cache, "CMakeCache.txt");
    if (isThirdPartyDirectory(*It) || sys::fs::exists(Cache))
      return false;
  }
  return true;
}

Expected<FixLock> FixLock::acquire(StringRef Root) {
  SmallString<256> Path;
  sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Path);
  sys::path::append(Path, "noalloc-fix-" + utohexstr(xxh3_64bits(Root)) +
                              ".lock");
  int FD = ::open(Path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (FD < 0)
    return createStringError(std::error_code(errno, std::generic_category()),
                             "cannot lock '%s' for --fix: %s", Path.c_str(),
                             strerror(errno));
  // The second run waits, then analyses what the first one wrote.
  if (::flock(FD, LOCK_EX | LOCK_NB) != 0) {
    WithColor::note(errs(), "noalloc")
        << "waiting for another 'noalloc --fix' on '" << Root << "'\n";
    while (::flock(FD, LOCK_EX) != 0)
      if (errno != EINTR) {
        ::close(FD);
        return createStringError(
            std::error_code(errno, std::generic_category()),
            "cannot lock '%s' for --fix: %s", Path.c_str(), strerror(errno));
      }
  }
  return FixLock(FD);
}

FixLock::~FixLock() {
  if (FD >= 0)
    ::close(FD); // Releases the lock.
}

/// Adds \p R to \p Fixes. Insertions at one offset (#include lines of
/// several findings) are joined in order, each text once; anything else
/// that overlaps is a conflict.
static bool addReplacement(Replacements &Fixes, const Replacement &R) {
  if (llvm::is_contained(Fixes, R))
    return true; // The same fix from another unit.
  Error Err = Fixes.add(R);
  if (!Err)
    return true;
  consumeError(std::move(Err));
  if (R.getLength() != 0)
    return false;
  Replacements Joined;
  bool Inserted = false;
  for (const Replacement &Old : Fixes) {
    Replacement New = Old;
    if (!Inserted && Old.getLength() == 0 && Old.getOffset() == R.getOffset()) {
      Inserted = true;
      if (!Old.getReplacementText().contains(R.getReplacementText()))
        New = Replacement(Old.getFilePath(), Old.getOffset(), 0,
                          (Old.getReplacementText() + R.getReplacementText())
                              .str());
    }
    if (Error E = Joined.add(New)) {
      consumeError(std::move(E));
      return false;
    }
  }
  if (!Inserted)
    return false;
  Fixes = std::move(Joined);
  return true;
}

/// Adds every replacement of \p E to \p Files, or none if one overlaps a
/// fix already taken.
static bool addFindingFixes(const ClangTidyError &E,
                            std::map<std::string, Replacements> &Files) {
  std::map<std::string, Replacements> Tentative;
  for (const auto &[File, Fixes] : E.Message.Fix) {
    auto It = Files.find(File.str());
    Replacements Merged = It == Files.end() ? Replacements() : It->second;
    for (const Replacement &R : Fixes)
      if (!addReplacement(Merged, R))
        return false;
    Tentative[File.str()] = std::move(Merged);
  }
  for (auto &[File, Merged] : Tentative)
    Files[File] = std::move(Merged);
  return true;
}

static bool writeFixedFile(StringRef File, const Replacements &Fixes) {
  auto Fail = [&](const Twine &Why) {
    WithColor::error(errs(), "noalloc")
        << "cannot apply the fixes to '" << File << "': " << Why << "\n";
    return false;
  };
  auto Buffer = MemoryBuffer::getFile(File);
  if (!Buffer)
    return Fail(Buffer.getError().message());
  Expected<std::string> Fixed = clang::tooling::applyAllReplacements(
      (*Buffer)->getBuffer(), Fixes);
  if (!Fixed)
    return Fail(toString(Fixed.takeError()));
  if (Error E = writeFileSafely(File, [&](raw_fd_ostream &OS) {
        OS << *Fixed;
        return Error::success();
      }))
    return Fail(toString(std::move(E)));
  return true;
}

std::optional<int> applyFixes(ArrayRef<ClangTidyError> Errors,
                              ArrayRef<std::string> MainFiles,
                              ArrayRef<std::string> Failed, bool FixErrors,
                              bool OutsideProject) {
  bool CompilerErrors = !Failed.empty();
  for (const ClangTidyError &E : Errors)
    CompilerErrors |= E.DiagnosticName == "clang-diagnostic-error";
  if (CompilerErrors && !FixErrors) {
    WithColor::note(errs(), "noalloc")
        << "found compiler errors: fixes have not been applied "
           "(--fix-errors applies them anyway)\n";
    return std::nullopt;
  }
  std::string Root = projectRoot(MainFiles);
  std::string Sources = sourcesDirectory(MainFiles);
  std::map<std::string, Replacements> Files;
  unsigned Overlapping = 0, Outside = 0;
  for (const ClangTidyError &E : Errors) {
    if (StringRef(E.DiagnosticName).starts_with("clang-") ||
        E.Message.Fix.empty())
      continue;
    bool InProject = llvm::all_of(E.Message.Fix, [&](const auto &Entry) {
      return llvm::all_of(Entry.second, [&](const Replacement &R) {
        return isProjectFile(R.getFilePath(), Root, Sources);
      });
    });
    if (!InProject && !OutsideProject)
      ++Outside;
    else if (!addFindingFixes(E, Files))
      ++Overlapping;
  }
  auto Fixes = [](unsigned N) {
    return std::to_string(N) + (N == 1 ? " fix has" : " fixes have");
  };
  if (Outside)
    WithColor::note(errs(), "noalloc")
        << Fixes(Outside) << " not been applied: outside '" << Root
        << "', or in a third-party or build directory "
           "(--fix-outside-project applies them)\n";
  if (Overlapping)
    WithColor::note(errs(), "noalloc")
        << Fixes(Overlapping)
        << " not been applied: they overlap the fixes of other findings\n";
  bool Written = true;
  for (const auto &[File, Fixes] : Files)
    Written &= writeFixedFile(File, Fixes);
  if (!Written)
    return 2;
  return std::nullopt;
}

} // namespace noalloc
