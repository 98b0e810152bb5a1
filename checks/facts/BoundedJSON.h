//===--- BoundedJSON.h - JSON parsing with a nesting limit ----------------===//
//
// llvm::json::parse recurses once per nesting level: a file of a million
// '[' overflows the stack. Every JSON noalloc reads (facts, cache entries,
// launcher results, baselines, compilation databases) is parsed here.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_FACTS_BOUNDEDJSON_H
#define NOALLOC_FACTS_BOUNDEDJSON_H

#include "llvm/Support/JSON.h"

namespace noalloc {

/// Deeper than any file noalloc writes (facts nest 6 levels), far below
/// what the recursive parser survives on a thread's stack.
constexpr unsigned MaxJSONDepth = 64;

/// llvm::json::parse, but nesting deeper than \p MaxDepth is an error
/// ("line:column: ..."), found without recursion.
llvm::Expected<llvm::json::Value> parseJSON(llvm::StringRef Text,
                                            unsigned MaxDepth = MaxJSONDepth);

} // namespace noalloc

#endif // NOALLOC_FACTS_BOUNDEDJSON_H
