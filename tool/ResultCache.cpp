//===--- ResultCache.cpp - Translation units that need no parse -----------===//

#include "ResultCache.h"
#include "SafeOutput.h"
#include "facts/BoundedJSON.h"
#include "facts/ByteCoding.h"
#include "facts/CompactFacts.h"
#include "utils/Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;
using clang::tidy::ClangTidyError;

namespace noalloc {

// The launcher's and --results-dir's results: a line of JSON, then the
// facts in the compact form. 6: the facts in the compact form, not as JSON
// text in a JSON string; units that did not compile are kept too.
static constexpr int ResultVersion = 6;
// The cache's entries: all in the compact form (ByteCoding.h). 7: the
// dependencies and diagnostics too (their line of JSON was most of reading
// an entry). 8: the paths the parse looked for and did not find.
static constexpr int CacheVersion = 8;

ResultCache::ResultCache(std::string Directory)
    : Directory(std::move(Directory)) {}

std::string ResultCache::defaultDirectory() {
  SmallString<256> Path;
  if (auto XDG = sys::Process::GetEnv("XDG_CACHE_HOME"); XDG && !XDG->empty())
    Path = *XDG;
  else if (!sys::path::cache_directory(Path))
    return "";
  sys::path::append(Path, "noalloc");
  return std::string(Path);
}

std::string ResultCache::entryPath(StringRef Key) const {
  SmallString<256> Path(Directory);
  sys::path::append(Path, Key.take_front(2), Key + ".entry");
  return std::string(Path);
}

bool ResultCache::hasEntry(StringRef Key) const {
  return sys::fs::exists(entryPath(Key));
}

std::optional<uint64_t> ResultCache::contentHash(StringRef Path) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  std::optional<uint64_t> Hash;
  // An entry may name any path: a FIFO or a device would block the read.
  sys::fs::file_status Status;
  if (!sys::fs::status(Path, Status) && sys::fs::is_regular_file(Status))
    if (auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false))
      Hash = xxh3_64bits((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Lock(Mutex);
  Hashes[Path] = Hash;
  return Hash;
}

bool ResultCache::stillAbsent(StringRef Path) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Absences.find(Path);
    if (It != Absences.end())
      return It->second;
  }
  sys::fs::file_status Status;
  bool Absent = bool(sys::fs::status(Path, Status));
  std::lock_guard<std::mutex> Lock(Mutex);
  Absences[Path] = Absent;
  return Absent;
}

//===----------------------------------------------------------------------===//
// Serialisation of a translation unit's result
//===----------------------------------------------------------------------===//

static json::Value toJSON(const clang::tooling::DiagnosticMessage &M) {
  json::Array Fixes;
  // The values refer to the replacements' strings: no structured binding,
  // which copies them before LLVM 20 (LLVMCompat.h).
  for (const auto &File : M.Fix)
    for (const clang::tooling::Replacement &R : File.getValue())
      // Copies: a StringRef in a json::Value is a reference, and a portable
      // result renames copies of the diagnostics.
      Fixes.push_back(json::Array{R.getFilePath().str(), R.getOffset(),
                                  R.getLength(), R.getReplacementText().str()});
  return json::Object{{"message", M.Message},
                      {"file", M.FilePath},
                      {"offset", M.FileOffset},
                      {"fixes", std::move(Fixes)}};
}

static bool fromJSON(const json::Value &V, clang::tooling::DiagnosticMessage &M,
                     json::Path P) {
  json::ObjectMapper O(V, P);
  if (!O || !O.map("message", M.Message) || !O.map("file", M.FilePath))
    return false;
  std::optional<int64_t> Offset = V.getAsObject()->getInteger("offset");
  const json::Array *Fixes = V.getAsObject()->getArray("fixes");
  if (!Offset || *Offset < 0 || *Offset > UINT32_MAX || !Fixes)
    return false;
  M.FileOffset = unsigned(*Offset);
  for (const json::Value &F : *Fixes) {
    const json::Array *A = F.getAsArray();
    if (!A || A->size() != 4 || !(*A)[0].getAsString() ||
        !(*A)[1].getAsUINT64() || !(*A)[2].getAsUINT64() ||
        !(*A)[3].getAsString() || *(*A)[1].getAsUINT64() > UINT32_MAX ||
        *(*A)[2].getAsUINT64() > UINT32_MAX)
      return false;
    clang::tooling::Replacement R(
        *(*A)[0].getAsString(), *(*A)[1].getAsUINT64(), *(*A)[2].getAsUINT64(),
        *(*A)[3].getAsString());
    if (Error E = M.Fix[R.getFilePath()].add(R)) {
      consumeError(std::move(E));
      return false;
    }
  }
  return true;
}

static json::Value toJSON(const ClangTidyError &E) {
  json::Array Notes;
  for (const auto &N : E.Notes)
    Notes.push_back(toJSON(N));
  return json::Object{{"check", E.DiagnosticName},
                      {"level", int(E.DiagLevel)},
                      {"build_directory", E.BuildDirectory},
                      {"message", toJSON(E.Message)},
                      {"notes", std::move(Notes)}};
}

static std::optional<ClangTidyError> errorFromJSON(const json::Value &V) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return std::nullopt;
  auto Check = O->getString("check");
  auto Level = O->getInteger("level");
  auto BuildDirectory = O->getString("build_directory");
  // Only the levels a finding can have: the report indexes tables by it.
  if (!Check || Check->empty() || !Level || !BuildDirectory ||
      (*Level != ClangTidyError::Remark && *Level != ClangTidyError::Warning &&
       *Level != ClangTidyError::Error))
    return std::nullopt;
  ClangTidyError E(*Check, ClangTidyError::Level(*Level), *BuildDirectory,
                   /*IsWarningAsError=*/false);
  json::Path::Root Root;
  const json::Value *Message = O->get("message");
  const json::Array *Notes = O->getArray("notes");
  if (!Message || !Notes || !fromJSON(*Message, E.Message, Root))
    return std::nullopt;
  for (const json::Value &N : *Notes) {
    E.Notes.emplace_back();
    if (!fromJSON(N, E.Notes.back(), Root))
      return std::nullopt;
  }
  return E;
}

/// Whether every offset of \p M (and of its fixes) lies within its file as
/// it is now; a file that is gone is the report's concern, not a crash.
static bool pointsIntoFile(const clang::tooling::DiagnosticMessage &M,
                           StringMap<std::optional<uint64_t>> &Sizes) {
  auto Within = [&](StringRef File, uint64_t End) {
    if (File.empty())
      return End == 0;
    auto [It, New] = Sizes.try_emplace(File);
    if (New) {
      uint64_t Size;
      if (!sys::fs::file_size(File, Size))
        It->second = Size;
    }
    return !It->second || End <= *It->second;
  };
  if (!Within(M.FilePath, M.FileOffset))
    return false;
  for (const auto &[File, Replacements] : M.Fix)
    for (const clang::tooling::Replacement &R : Replacements)
      if (!Within(R.getFilePath(), uint64_t(R.getOffset()) + R.getLength()))
        return false;
  return true;
}

/// Offsets are read back into source files: one past a file's end would
/// place a diagnostic in another file's buffer.
static bool pointsIntoFiles(const TranslationUnitResult &Result) {
  StringMap<std::optional<uint64_t>> Sizes;
  for (const ClangTidyError &E : Result.Diagnostics) {
    if (!pointsIntoFile(E.Message, Sizes))
      return false;
    for (const auto &Note : E.Notes)
      if (!pointsIntoFile(Note, Sizes))
        return false;
  }
  return true;
}

/// Every file name \p E holds (its message's, its notes', its fixes' and its
/// build directory) passed through \p Rename.
static void renameFiles(ClangTidyError &E,
                        function_ref<std::string(StringRef)> Rename) {
  auto RenameIn = [&](clang::tooling::DiagnosticMessage &M) {
    M.FilePath = Rename(M.FilePath);
    llvm::StringMap<clang::tooling::Replacements> Fix;
    for (const auto &File : M.Fix)
      for (const clang::tooling::Replacement &R : File.getValue()) {
        std::string Name = Rename(R.getFilePath());
        // The same replacements under another name: they cannot conflict.
        cantFail(Fix[Name].add(clang::tooling::Replacement(
            Name, R.getOffset(), R.getLength(), R.getReplacementText())));
      }
    M.Fix = std::move(Fix);
  };
  RenameIn(E.Message);
  for (auto &Note : E.Notes)
    RenameIn(Note);
  E.BuildDirectory = Rename(E.BuildDirectory);
}

namespace {
/// An entry's two parts: one line of JSON (everything but the facts) and,
/// after it, the facts in the compact form, which the line's "facts" says
/// the size and the root of (or null: none).
struct EntryParts {
  json::Object Top;
  StringRef Facts;
};
} // namespace

/// The facts of \p Entry into \p Sink; relative paths resolved against
/// \p LinkRoot if given, else the root the entry names.
static bool readFacts(const EntryParts &Entry,
                      std::optional<StringRef> LinkRoot, FactSink &Sink) {
  const json::Value *About = Entry.Top.get("facts");
  if (!About)
    return false;
  if (About->getAsNull())
    return Entry.Facts.empty();
  const json::Object *O = About->getAsObject();
  std::optional<StringRef> Root = O ? O->getString("root") : std::nullopt;
  std::optional<int64_t> Size = O ? O->getInteger("size") : std::nullopt;
  if (!Root || !Size || uint64_t(*Size) != Entry.Facts.size())
    return false;
  auto Facts = decodeFacts(Entry.Facts, LinkRoot ? *LinkRoot : *Root);
  if (!Facts) {
    consumeError(Facts.takeError());
    return false;
  }
  Sink.Facts = std::move(*Facts);
  return true;
}

/// A result as stored: everything but the dependency hashes. A portable
/// result (--results-dir) names files relative to the root of the link that
/// reads it, \p LinkRoot; a cache entry must not be one (nothing says
/// whether the files it read have changed).
static std::optional<TranslationUnitResult>
resultFromEntry(const EntryParts &Entry, std::optional<StringRef> LinkRoot) {
  const json::Object &Top = Entry.Top;
  const json::Array *Dependencies = Top.getArray("dependencies");
  const json::Array *Diagnostics = Top.getArray("diagnostics");
  auto MainFile = Top.getString("main_file");
  if (!Dependencies || !Diagnostics || !MainFile)
    return std::nullopt;
  std::optional<bool> Compiled = Top.getBoolean("compiled");
  if (!Compiled || MainFile->empty())
    return std::nullopt;
  bool Portable = false;
  if (const json::Value *Flag = Top.get("portable")) {
    if (!Flag->getAsBoolean() || !LinkRoot)
      return std::nullopt;
    Portable = *Flag->getAsBoolean();
  }
  auto Resolve = [&](StringRef Path) {
    if (!Portable)
      return Path.str();
    return Path == "." ? LinkRoot->str() : resolvedAgainst(Path, *LinkRoot);
  };
  TranslationUnitResult Result;
  Result.MainFile = Resolve(*MainFile);
  Result.Compiled = *Compiled;
  for (const json::Value &D : *Dependencies) {
    const json::Array *Pair = D.getAsArray();
    if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsString())
      return std::nullopt;
    Result.Dependencies.push_back((*Pair)[0].getAsString()->str());
  }
  for (const json::Value &D : *Diagnostics) {
    std::optional<ClangTidyError> E = errorFromJSON(D);
    if (!E)
      return std::nullopt;
    if (Portable)
      renameFiles(*E, Resolve);
    Result.Diagnostics.push_back(std::move(*E));
  }
  if (!readFacts(Entry, Portable ? LinkRoot : std::nullopt, Result.Facts) ||
      !pointsIntoFiles(Result))
    return std::nullopt;
  return Result;
}

static std::optional<EntryParts> parseEntry(StringRef Text) {
  auto [Line, Facts] = Text.split('\n');
  Expected<json::Value> Parsed = parseJSON(Line);
  if (!Parsed) {
    consumeError(Parsed.takeError());
    return std::nullopt;
  }
  json::Object *Top = Parsed->getAsObject();
  if (!Top || Top->getString("format") != "noalloc-cache" ||
      Top->getInteger("version") != ResultVersion)
    return std::nullopt;
  return EntryParts{std::move(*Top), Facts};
}

std::optional<TranslationUnitResult> ResultCache::lookup(StringRef Key) {
  auto Buffer = MemoryBuffer::getFile(entryPath(Key));
  if (!Buffer)
    return std::nullopt;
  return fromEntry((*Buffer)->getBuffer());
}

static json::Array toJSON(ArrayRef<ClangTidyError> Diagnostics) {
  json::Array Found;
  for (const ClangTidyError &E : Diagnostics)
    Found.push_back(toJSON(E));
  return Found;
}

/// An entry of either kind, as written: \p Line (its main file,
/// dependencies and diagnostics) with the fields every entry has, then the
/// facts in the compact form, named relative to \p Root.
static std::string entryText(const TranslationUnitResult &Result,
                             json::Object Line, std::string Root) {
  std::string Facts;
  json::Value About = nullptr;
  if (const std::optional<TranslationUnitFacts> &F = Result.Facts.Facts) {
    Facts = encodeFacts(*F);
    About = json::Object{{"root", std::move(Root)}, {"size", Facts.size()}};
  }
  Line["format"] = "noalloc-cache";
  Line["version"] = ResultVersion;
  Line["compiled"] = Result.Compiled;
  Line["facts"] = std::move(About);
  std::string Text;
  raw_string_ostream(Text) << json::Value(std::move(Line)) << '\n' << Facts;
  return Text;
}

/// A launcher's result: the JSON form, with the hash of every file it read.
static std::optional<std::string>
resultText(ResultCache &Hasher, const TranslationUnitResult &Result) {
  json::Array Dependencies;
  for (const std::string &Path : Result.Dependencies) {
    std::optional<uint64_t> Hash = Hasher.contentHash(Path);
    if (!Hash)
      return std::nullopt; // What cannot be read back cannot be checked.
    Dependencies.push_back(json::Array{Path, utohexstr(*Hash)});
  }
  // The facts name files relative to their project root; the entry, which
  // belongs to this machine, says which.
  const FactSink &Sink = Result.Facts;
  return entryText(Result,
                   json::Object{{"main_file", Result.MainFile},
                                {"dependencies", std::move(Dependencies)},
                                {"diagnostics", toJSON(Result.Diagnostics)}},
                   Sink.Facts ? Sink.Facts->Root : "");
}

//===----------------------------------------------------------------------===//
// The cache's entries, in the compact form
//===----------------------------------------------------------------------===//

static constexpr StringLiteral EntryMagic = "noalloc-cache";

/// The fields the JSON form keeps: message, place and fix-its.
static void writeMessage(ByteWriter &W,
                         const clang::tooling::DiagnosticMessage &M) {
  W.text(M.Message);
  W.text(M.FilePath);
  W.number(M.FileOffset);
  size_t Count = 0;
  for (const auto &File : M.Fix)
    Count += File.getValue().size();
  W.number(Count);
  for (const auto &File : M.Fix)
    for (const clang::tooling::Replacement &R : File.getValue()) {
      W.text(R.getFilePath());
      W.number(R.getOffset());
      W.number(R.getLength());
      W.text(R.getReplacementText());
    }
}

static bool readMessage(ByteReader &R, clang::tooling::DiagnosticMessage &M) {
  R.text(M.Message);
  R.text(M.FilePath);
  R.number(M.FileOffset);
  for (uint64_t I = 0, Count = R.count(); I < Count; ++I) {
    StringRef File = R.text();
    unsigned Offset = 0, Length = 0;
    R.number(Offset);
    R.number(Length);
    StringRef Text = R.text();
    if (R.failed())
      return false;
    if (Error E = M.Fix[File].add(
            clang::tooling::Replacement(File, Offset, Length, Text))) {
      consumeError(std::move(E));
      return false;
    }
  }
  return !R.failed();
}

static void writeError(ByteWriter &W, const ClangTidyError &E) {
  W.text(E.DiagnosticName);
  W.number(E.DiagLevel);
  W.text(E.BuildDirectory);
  writeMessage(W, E.Message);
  W.number(E.Notes.size());
  for (const clang::tooling::DiagnosticMessage &Note : E.Notes)
    writeMessage(W, Note);
}

static std::optional<ClangTidyError> readError(ByteReader &R) {
  StringRef Check = R.text();
  uint64_t Level = R.number();
  StringRef BuildDirectory = R.text();
  // Only the levels a finding can have: the report indexes tables by it.
  if (R.failed() || Check.empty() ||
      (Level != ClangTidyError::Remark && Level != ClangTidyError::Warning &&
       Level != ClangTidyError::Error))
    return std::nullopt;
  ClangTidyError E(Check, ClangTidyError::Level(Level), BuildDirectory,
                   /*IsWarningAsError=*/false);
  if (!readMessage(R, E.Message))
    return std::nullopt;
  for (uint64_t I = 0, Count = R.count(); I < Count; ++I)
    if (!readMessage(R, E.Notes.emplace_back()))
      return std::nullopt;
  if (R.failed())
    return std::nullopt;
  return E;
}

std::optional<std::string>
ResultCache::toEntry(const TranslationUnitResult &Result) {
  std::string Out;
  ByteWriter W(Out);
  W.text(EntryMagic);
  W.number(CacheVersion);
  W.text(Result.MainFile);
  W.flag(Result.Compiled);
  W.number(Result.Dependencies.size());
  for (const std::string &Path : Result.Dependencies) {
    std::optional<uint64_t> Hash = contentHash(Path);
    if (!Hash)
      return std::nullopt; // What cannot be read back cannot be checked.
    W.text(Path);
    W.number(*Hash);
  }
  W.number(Result.AbsentFiles.size());
  for (const std::string &Path : Result.AbsentFiles)
    W.text(Path);
  W.list(Result.Diagnostics,
         [&](const ClangTidyError &E) { writeError(W, E); });
  // The facts name files relative to their project root; the entry, which
  // belongs to this machine, says which.
  const std::optional<TranslationUnitFacts> &Facts = Result.Facts.Facts;
  W.flag(Facts.has_value());
  if (Facts) {
    W.text(Facts->Root);
    W.text(encodeFacts(*Facts));
    // Each function's key after its USR (the hash of its facts), if known.
    bool Keyed = Result.FactKeys.size() == Facts->Functions.size();
    W.flag(Keyed);
    for (size_t I = 0; Keyed && I < Facts->Functions.size(); ++I)
      W.text(StringRef(Result.FactKeys[I])
                 .drop_front(Facts->Functions[I].USR.size()));
  }
  return Out;
}

/// The facts at \p R into \p Result, if the entry has them.
static bool readEntryFacts(ByteReader &R, TranslationUnitResult &Result) {
  bool HasFacts = false;
  R.flag(HasFacts);
  if (!HasFacts)
    return !R.failed();
  StringRef Root = R.text();
  StringRef Bytes = R.text();
  if (R.failed())
    return false;
  auto Facts = decodeFacts(Bytes, Root);
  if (!Facts) {
    consumeError(Facts.takeError());
    return false;
  }
  bool Keyed = false;
  R.flag(Keyed);
  for (size_t I = 0; Keyed && I < Facts->Functions.size(); ++I)
    Result.FactKeys.push_back(Facts->Functions[I].USR + R.text().str());
  Result.Facts.Facts = std::move(*Facts);
  return !R.failed();
}

std::optional<TranslationUnitResult> ResultCache::fromEntry(StringRef Text) {
  // Anything unexpected is a miss: the entry is rebuilt and overwritten.
  ByteReader R(Text);
  if (R.text() != EntryMagic || R.number() != CacheVersion)
    return std::nullopt;
  TranslationUnitResult Result;
  R.text(Result.MainFile);
  R.flag(Result.Compiled);
  // The files it read first: the first that changed ends the reading.
  for (uint64_t I = 0, Count = R.count(); I < Count; ++I) {
    StringRef Path = R.text();
    uint64_t Hash = R.number();
    if (R.failed() || contentHash(Path) != Hash)
      return std::nullopt;
    Result.Dependencies.push_back(Path.str());
  }
  // Then the paths it did not find: one that appeared ends it too.
  for (uint64_t I = 0, Count = R.count(); I < Count; ++I) {
    StringRef Path = R.text();
    if (R.failed() || !stillAbsent(Path))
      return std::nullopt;
    Result.AbsentFiles.push_back(Path.str());
  }
  for (uint64_t I = 0, Count = R.count(); I < Count; ++I) {
    std::optional<ClangTidyError> E = readError(R);
    if (!E)
      return std::nullopt;
    Result.Diagnostics.push_back(std::move(*E));
  }
  if (!readEntryFacts(R, Result) || R.failed() || !R.atEnd() ||
      Result.MainFile.empty() || !pointsIntoFiles(Result))
    return std::nullopt;
  Result.FromCache = true;
  return Result;
}

/// A temporary file renamed into place: readers see all or nothing.
static Error writeEntry(StringRef Path, StringRef Text) {
  return writeFileSafely(Path, [&](raw_fd_ostream &OS) {
    OS << Text;
    return Error::success();
  });
}

/// A unit that does not compile can, its errors and its failure kept,
/// unless nothing says what it read (it crashed, or its source is missing)
/// or a file it includes was not found: that file may appear.
bool ResultCache::replayable(const TranslationUnitResult &Result) {
  return Result.Compiled ||
         (!Result.Dependencies.empty() && !Result.MissingFile);
}

void ResultCache::store(StringRef Key, const TranslationUnitResult &Result) {
  if (!replayable(Result) || Directory.empty())
    return;
  std::optional<std::string> Entry = toEntry(Result);
  if (!Entry)
    return;
  std::string Path = entryPath(Key);
  if (sys::fs::create_directories(sys::path::parent_path(Path)))
    return;
  if (Error E = writeEntry(Path, *Entry))
    consumeError(std::move(E));
}

Error writeResult(StringRef Path, const TranslationUnitResult &Result) {
  ResultCache Hasher("");
  std::optional<std::string> Entry = resultText(Hasher, Result);
  if (!Entry)
    return createStringError(inconvertibleErrorCode(),
                             "a file of '%s' cannot be read back",
                             Result.MainFile.c_str());
  return writeEntry(Path, *Entry);
}

std::string portableResult(const TranslationUnitResult &Result,
                           StringRef Root) {
  std::vector<ClangTidyError> Diagnostics = Result.Diagnostics;
  // The compile directory is often the root itself (a Bazel execution root).
  auto Relative = [&](StringRef File) {
    return File == Root ? std::string(".") : relativeTo(File, Root);
  };
  for (ClangTidyError &E : Diagnostics)
    renameFiles(E, Relative);
  return entryText(Result,
                   json::Object{{"main_file", Relative(Result.MainFile)},
                                {"dependencies", json::Array()},
                                {"diagnostics", toJSON(Diagnostics)},
                                {"portable", true}},
                   "");
}

Expected<TranslationUnitResult> readResult(StringRef Path, StringRef LinkRoot) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  return parseResult((*Buffer)->getBuffer(), Path, LinkRoot);
}

Expected<TranslationUnitResult> parseResult(StringRef Text, StringRef Path,
                                            StringRef LinkRoot) {
  std::optional<EntryParts> Entry = parseEntry(Text);
  std::optional<TranslationUnitResult> Result =
      Entry ? resultFromEntry(*Entry, LinkRoot) : std::nullopt;
  if (!Result)
    return createStringError(inconvertibleErrorCode(),
                             "'%s' is not a result of this noalloc version, or "
                             "is damaged: rebuild to make it again",
                             Path.str().c_str());
  return std::move(*Result);
}

} // namespace noalloc
