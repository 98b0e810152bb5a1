//===--- DatabaseCheck.cpp - A compilation database, read strictly --------===//

#include "DatabaseCheck.h"
#include "facts/BoundedJSON.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace noalloc {

/// What is wrong with entry \p Index, or an empty string.
static std::string entryProblem(const json::Value &Entry, size_t Index) {
  const json::Object *O = Entry.getAsObject();
  std::string Where = "entry " + std::to_string(Index + 1) + ": ";
  if (!O)
    return Where + "expected an object";
  for (StringRef Key : {"directory", "file"})
    if (!O->getString(Key))
      return Where + "expected a string \"" + Key.str() + "\"";
  if (const json::Array *Arguments = O->getArray("arguments")) {
    if (Arguments->empty())
      return Where + "\"arguments\" is empty";
    for (const json::Value &A : *Arguments)
      if (!A.getAsString())
        return Where + "\"arguments\" must hold strings";
  } else if (!O->getString("command")) {
    return Where + "expected \"arguments\" (strings) or \"command\" (a string)";
  }
  return "";
}

static Error checkDatabaseFile(StringRef Path) {
  auto Fail = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             "invalid compilation database '%s': %s",
                             Path.str().c_str(), Why.str().c_str());
  };
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return Fail(Buffer.getError().message());
  Expected<json::Value> Parsed = parseJSON((*Buffer)->getBuffer());
  if (!Parsed)
    return Fail(toString(Parsed.takeError()));
  const json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return Fail("expected an array of compile commands");
  for (size_t I = 0; I < Entries->size(); ++I)
    if (std::string Problem = entryProblem((*Entries)[I], I); !Problem.empty())
      return Fail(Problem);
  return Error::success();
}

Error checkCompilationDatabase(StringRef BuildPath) {
  SmallString<256> Directory(BuildPath);
  sys::fs::make_absolute(Directory);
  auto NoDatabase = [&](StringRef Why) {
    return createStringError(inconvertibleErrorCode(),
                             "no compilation database in '%s': %s",
                             BuildPath.str().c_str(), Why.str().c_str());
  };
  if (!sys::fs::exists(Directory))
    return NoDatabase("no such file or directory");
  // The search clang's autoDetectFromDirectory makes.
  for (StringRef Dir = Directory; !Dir.empty();
       Dir = sys::path::parent_path(Dir)) {
    SmallString<256> Candidate(Dir);
    sys::path::append(Candidate, "compile_commands.json");
    if (sys::fs::exists(Candidate))
      return checkDatabaseFile(Candidate);
    Candidate = Dir;
    sys::path::append(Candidate, "compile_flags.txt");
    if (sys::fs::exists(Candidate))
      return Error::success();
  }
  return NoDatabase("neither it nor a directory above it holds "
                    "'compile_commands.json' or 'compile_flags.txt'");
}

} // namespace noalloc
