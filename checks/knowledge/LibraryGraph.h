//===--- LibraryGraph.h - Direct-call graph of compiled libraries ---------===//
//
// Reads shared objects, relocatable objects and static archives (x86-64
// ELF), disassembles their code from every exported function, and builds
// the direct-call graph across all of them: PLT stubs, GOT slots and
// relocations resolved to symbol names, and names linked to the library
// that exports them. Each exported function is then classified by what it
// can reach: the allocator, only the release functions, an indirect call
// (unknown), or none of these.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_KNOWLEDGE_LIBRARYGRAPH_H
#define NOALLOC_KNOWLEDGE_LIBRARYGRAPH_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace noalloc {
namespace libscan {

/// Ordered: a name whose symbols differ takes the largest.
enum class Reach {
  None,
  Releases,
  /// Reaches the allocator only through a C++ throw helper: allocates only
  /// when it fails (std::__throw_out_of_range, __cxa_throw).
  FailsOnly,
  Unknown,
  Allocates
};

struct ExportVerdict {
  std::string Symbol;  // as exported (mangled for C++)
  std::string Library; // file name of the library exporting it
  Reach Effect = Reach::None;
  /// The names on the call path from the export: to the allocator (or the
  /// release functions), or for Unknown to the code that cannot be
  /// followed.
  std::vector<std::string> Path;
  /// Unknown: what cannot be followed and where.
  std::string Unfollowed;

  /// The path as reports write it: "a -> b -> malloc", and for Unknown
  /// ": " and what cannot be followed.
  std::string why() const;
};

class LibraryGraph {
public:
  LibraryGraph();
  ~LibraryGraph();

  /// Adds a shared object, object file or static archive.
  llvm::Error addFile(llvm::StringRef Path);
  /// Disassembles everything reachable from the exports and classifies
  /// every exported function. A function whose symbol \p KnownNone accepts
  /// (the knowledge base says it never touches the heap) does not make its
  /// callers unknown through its indirect calls; the allocator reached
  /// through its direct calls still counts (and contradicts the data).
  std::vector<ExportVerdict>
  classify(const std::function<bool(llvm::StringRef)> &KnownNone = nullptr);
  /// The GNU build-id of each file added, hex, or empty when it has none.
  const std::vector<std::pair<std::string, std::string>> &buildIDs() const {
    return BuildIDs;
  }

  struct Impl;

private:
  std::unique_ptr<Impl> P;
  std::vector<std::pair<std::string, std::string>> BuildIDs;
};

const char *reachName(Reach R);

} // namespace libscan
} // namespace noalloc

#endif // NOALLOC_KNOWLEDGE_LIBRARYGRAPH_H
