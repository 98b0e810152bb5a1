//===--- BoundedJSON.cpp - JSON parsing with a nesting limit --------------===//

#include "facts/BoundedJSON.h"

using namespace llvm;

namespace noalloc {

/// The offset of the first bracket that opens level MaxDepth + 1, if any.
/// Brackets inside strings do not count; the parser checks the rest.
static std::optional<size_t> tooDeep(StringRef Text, unsigned MaxDepth) {
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '[' || C == '{') {
      if (++Depth > MaxDepth)
        return I;
    } else if ((C == ']' || C == '}') && Depth > 0)
      --Depth;
  }
  return std::nullopt;
}

Expected<json::Value> parseJSON(StringRef Text, unsigned MaxDepth) {
  if (std::optional<size_t> Offset = tooDeep(Text, MaxDepth)) {
    StringRef Before = Text.take_front(*Offset);
    size_t Line = Before.count('\n') + 1;
    size_t LineStart = Before.rfind('\n');
    size_t Column =
        *Offset - (LineStart == StringRef::npos ? 0 : LineStart + 1) + 1;
    // The position as llvm::json::parse gives it.
    return createStringError(inconvertibleErrorCode(),
                             "[%zu:%zu, byte=%zu]: nested more than %u levels "
                             "deep",
                             Line, Column, *Offset, MaxDepth);
  }
  return json::parse(Text);
}

} // namespace noalloc
