//===--- Suppressions.cpp - NOLINT comments -------------------------------===//

#include "extract/Suppressions.h"
#include "clang-tidy/GlobList.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace noalloc {

/// The globs after a NOLINT marker ending at \p Rest: "(a,b)" or "*" when
/// none are given.
static std::string globsAfter(StringRef Rest) {
  if (!Rest.consume_front("("))
    return "*";
  return Rest.take_until([](char C) { return C == ')'; }).str();
}

static bool matches(StringRef Globs, StringRef Check) {
  return tidy::GlobList(Globs, /*KeepNegativeGlobs=*/false).contains(Check);
}

/// Finds \p Marker in \p Line as a whole word (NOLINT, not NOLINTNEXTLINE).
static bool findMarker(StringRef Line, StringRef Marker, std::string &Globs) {
  for (size_t Pos = Line.find(Marker); Pos != StringRef::npos;
       Pos = Line.find(Marker, Pos + 1)) {
    StringRef Rest = Line.substr(Pos + Marker.size());
    if (!Rest.empty() && (isalnum(Rest[0]) || Rest[0] == '_'))
      continue;
    Globs = globsAfter(Rest);
    return true;
  }
  return false;
}

/// The line that contains \p Offset, without its newline.
static StringRef lineAt(StringRef Buffer, unsigned Offset) {
  size_t Begin = Buffer.rfind('\n', Offset); // Searches before Offset.
  Begin = Begin == StringRef::npos ? 0 : Begin + 1;
  size_t End = Buffer.find('\n', Offset);
  return Buffer.slice(Begin, End == StringRef::npos ? Buffer.size() : End);
}

const std::vector<Suppressions::Block> &Suppressions::blocks(FileID File) {
  auto It = Blocks.find(File);
  if (It != Blocks.end())
    return It->second;
  std::vector<Block> &Result = Blocks[File];
  StringRef Buffer = SM.getBufferData(File);
  std::vector<std::pair<unsigned, std::string>> Open;
  for (size_t Pos = Buffer.find("NOLINT"); Pos != StringRef::npos;
       Pos = Buffer.find("NOLINT", Pos + 1)) {
    StringRef Rest = Buffer.substr(Pos);
    std::string Globs;
    if (Rest.consume_front("NOLINTBEGIN")) {
      Open.push_back({unsigned(Pos), globsAfter(Rest)});
    } else if (Rest.consume_front("NOLINTEND") && !Open.empty()) {
      Result.push_back({Open.back().first, unsigned(Pos), Open.back().second});
      Open.pop_back();
    }
  }
  return Result;
}

bool Suppressions::covers(SourceLocation Loc, StringRef Check) {
  if (Loc.isInvalid())
    return false;
  Loc = SM.getFileLoc(Loc);
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return false;
  std::string Globs;
  StringRef Line = lineAt(Buffer, Offset);
  if (findMarker(Line, "NOLINT", Globs) && matches(Globs, Check))
    return true;
  unsigned LineBegin = Line.data() - Buffer.data();
  if (LineBegin > 0) {
    StringRef Previous = lineAt(Buffer, LineBegin - 1);
    if (findMarker(Previous, "NOLINTNEXTLINE", Globs) && matches(Globs, Check))
      return true;
  }
  for (const Block &B : blocks(File))
    if (B.Begin <= Offset && Offset <= B.End && matches(B.Globs, Check))
      return true;
  return false;
}

} // namespace noalloc
