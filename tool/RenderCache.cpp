//===--- RenderCache.cpp - One file's findings as text, kept --------------===//

#include "RenderCache.h"
#include "ResultCache.h"
#include "SafeOutput.h"
#include "utils/LLVMCompat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <unistd.h>

using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

static constexpr StringLiteral Magic = "noalloc-rendered 1\n";

RenderCache::RenderCache(ResultCache &Units, StringRef Fingerprint)
    : Units(Units), Fingerprint(Fingerprint.str()) {
  SmallString<256> Path(Units.directory());
  sys::path::append(Path, "rendered");
  Directory = std::string(Path);
  SmallString<256> Here;
  if (!sys::fs::current_path(Here))
    WorkingDirectory = std::string(Here);
}

namespace {
/// The bytes a key hashes, and the files whose contents it depends on.
struct KeyData {
  std::string Bytes;
  std::vector<std::string> Files;

  void text(StringRef S) {
    Bytes += utostr(S.size()) + ':';
    Bytes += S;
  }
  void number(uint64_t N) { Bytes += utostr(N) + ';'; }
  /// A file a finding names, as the renderer finds it.
  void file(StringRef Path, StringRef BuildDirectory) {
    text(Path);
    if (Path.empty())
      return;
    SmallString<256> Absolute(Path);
    if (!BuildDirectory.empty())
      compat::makeAbsolute(BuildDirectory, Absolute);
    Files.push_back(std::string(Absolute));
  }
  void message(const clang::tooling::DiagnosticMessage &M,
               StringRef BuildDirectory) {
    text(M.Message);
    file(M.FilePath, BuildDirectory);
    number(M.FileOffset);
    number(M.Ranges.size());
    for (const clang::tooling::FileByteRange &R : M.Ranges) {
      file(R.FilePath, BuildDirectory);
      number(R.FileOffset);
      number(R.Length);
    }
    std::vector<StringRef> Fixed;
    for (const auto &Entry : M.Fix)
      Fixed.push_back(Entry.getKey());
    llvm::sort(Fixed);
    for (StringRef File : Fixed)
      for (const clang::tooling::Replacement &R : M.Fix.find(File)->second) {
        file(R.getFilePath(), BuildDirectory);
        number(R.getOffset());
        number(R.getLength());
        text(R.getReplacementText());
      }
  }
};
} // namespace

std::optional<std::string> RenderCache::key(ArrayRef<ClangTidyError> Errors) {
  KeyData Data;
  Data.text(Magic);
  Data.text(Fingerprint);
  Data.text(WorkingDirectory);
  for (const ClangTidyError &E : Errors) {
    Data.text(E.DiagnosticName);
    for (const std::string &Alias : E.EnabledDiagnosticAliases)
      Data.text(Alias);
    Data.number(E.DiagLevel);
    Data.number(E.IsWarningAsError);
    Data.text(E.BuildDirectory);
    Data.message(E.Message, E.BuildDirectory);
    Data.number(E.Notes.size());
    for (const clang::tooling::DiagnosticMessage &Note : E.Notes)
      Data.message(Note, E.BuildDirectory);
  }
  llvm::sort(Data.Files);
  Data.Files.erase(std::unique(Data.Files.begin(), Data.Files.end()),
                   Data.Files.end());
  for (const std::string &File : Data.Files) {
    std::optional<uint64_t> Hash = Units.contentHash(File);
    if (!Hash)
      return std::nullopt;
    Data.text(File);
    Data.number(*Hash);
  }
  XXH128_hash_t Hash = xxh3_128bits(arrayRefFromStringRef(Data.Bytes));
  return utohexstr(Hash.high64, /*LowerCase=*/true, 16) +
         utohexstr(Hash.low64, /*LowerCase=*/true, 16);
}

/// What \p Render prints to standard output, caught in a temporary file;
/// none (and nothing rendered) if standard output cannot be redirected.
static std::optional<std::string> captured(function_ref<void()> Render) {
  int Temporary = unnamedTemporaryFile();
  if (Temporary < 0)
    return std::nullopt;
  outs().flush();
  int Saved = ::dup(STDOUT_FILENO);
  if (Saved < 0 || ::dup2(Temporary, STDOUT_FILENO) < 0) {
    if (Saved >= 0)
      ::close(Saved);
    ::close(Temporary);
    return std::nullopt;
  }
  Render();
  outs().flush();
  ::dup2(Saved, STDOUT_FILENO);
  ::close(Saved);
  std::string Text = readWholeFile(Temporary);
  ::close(Temporary);
  return Text;
}

void RenderCache::print(ArrayRef<ClangTidyError> Errors,
                        function_ref<void()> Render) {
  std::optional<std::string> Key = key(Errors);
  if (!Key) {
    Render();
    return;
  }
  SmallString<256> Path(Directory);
  sys::path::append(Path, *Key + ".txt");
  std::string Header = (Magic + *Key + "\n").str();
  if (auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false)) {
    StringRef Kept = (*Buffer)->getBuffer();
    if (Kept.consume_front(Header)) {
      outs() << Kept;
      return;
    }
  }
  std::optional<std::string> Text = captured(Render);
  if (!Text) {
    Render();
    return;
  }
  outs() << *Text;
  if (sys::fs::create_directories(Directory))
    return;
  if (Error E = writeFileSafely(Path, [&](raw_fd_ostream &OS) {
        OS << Header << *Text;
        return Error::success();
      }))
    consumeError(std::move(E));
}

} // namespace noalloc
