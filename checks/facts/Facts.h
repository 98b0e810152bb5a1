//===--- Facts.h - What one translation unit knows about the heap ---------===//
//
// Each translation unit is parsed once into facts: the functions it defines
// or calls, their direct heap sites and their call sites. Facts are plain
// data, serialisable (docs/facts.md describes the format), so that a link
// step can join the facts of a whole program without parsing again.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_FACTS_H
#define NOALLOC_CHECKS_FACTS_H

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace noalloc {

/// A place in a file, by absolute path.
struct SourcePoint {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// Code in a function's own body that uses the heap.
struct HeapSite {
  /// What happens, as the end of a sentence about the function:
  /// "allocates with 'new'", "throws, which allocates the exception object".
  std::string Description;
  SourcePoint Where;
  /// False for sites that only release memory (delete, free).
  bool Allocates = true;
  /// Suppressed with NOLINT: accepted by the user, it does not propagate.
  bool Accepted = false;
};

enum class CallKind {
  Direct,
  /// Dispatched to any override of the callee.
  Virtual,
  /// Through a function pointer or a pointer to member: any function of
  /// the same signature whose address is taken.
  Indirect,
};

struct CallSite {
  CallKind Kind = CallKind::Direct;
  /// The callee's USR, or the signature for an indirect call.
  std::string Callee;
  /// The callee as the user names it: 'std::vector<int>::push_back'.
  std::string CalleeName;
  SourcePoint Where;
  /// Suppressed with NOLINT at the call: accepted, it does not propagate.
  bool Accepted = false;
  /// Where noalloc-call may report: user code, and not an operation on an
  /// object that noalloc-std-type reports already.
  bool Reportable = false;
};

struct FunctionFacts {
  /// Cross-translation-unit identity; internal linkage adds the main file.
  std::string USR;
  /// As the user names it: 'Logger::log', 'std::vector<int>::push_back'.
  std::string Name;
  SourcePoint Where;
  /// The end of the definition, to attribute findings to functions.
  unsigned EndOffset = 0;
  bool Defined = false;
  bool InSystemHeader = false;
  /// Name used to look up a function without a body in the knowledge base.
  std::string KnowledgeName;
  /// If a member of a class template specialization: the template's name,
  /// for the knowledge base's per-type defaults.
  std::string KnowledgeClass;
  /// Marked [[clang::nonallocating]], [[clang::nonblocking]] or
  /// [[clang::annotate("noalloc")]].
  bool Root = false;
  /// Marked [[clang::annotate("noalloc::allow")]].
  bool Allowed = false;
  bool AddressTaken = false;
  /// A constructor: chains say "constructs 'T'".
  bool Constructor = false;
  /// For a library function, what its body does, decided within the
  /// translation unit (0 nothing, 1 releases, 2 allocates), by the lenient
  /// and the strict policy; -1 when not summarised. Library internals are
  /// not kept: the facts stay small and chains stop at the entry point.
  int Summary = -1;
  int StrictSummary = -1;
  /// Canonical function type, for indirect calls.
  std::string Signature;
  /// USRs of the virtual functions this one overrides, transitively.
  std::vector<std::string> Overrides;
  std::vector<HeapSite> Sites;
  std::vector<CallSite> Calls;
};

struct TranslationUnitFacts {
  /// Bumped whenever the format changes; older facts are rebuilt.
  static constexpr unsigned FormatVersion = 1;
  std::string MainFile;
  std::vector<FunctionFacts> Functions;
};

llvm::json::Value toJSON(const TranslationUnitFacts &Facts);
llvm::Expected<TranslationUnitFacts> factsFromJSON(llvm::StringRef Text);

} // namespace noalloc

#endif // NOALLOC_CHECKS_FACTS_H
