//===--- KnowledgeBase.h - What library code does with the heap -----------===//
//
// The knowledge base is data, not code: YAML files that say which library
// functions and types allocate, release or never touch the heap, and what
// fixed-capacity storage replaces them. noalloc embeds its default files and
// users add their own (FreeRTOS, Zephyr, their own pool allocator).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_KNOWLEDGEBASE_H
#define NOALLOC_CHECKS_KNOWLEDGEBASE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace noalloc {

enum class FunctionEffect {
  Allocates,
  Releases,
  Reallocates,
  /// Allocates only for some arguments or on first use; the condition says
  /// when, and cannot be decided statically.
  MayAllocate,
  /// Allocates only on its failure path: it throws (the exception object,
  /// and the message some exceptions copy, are heap-allocated).
  AllocatesOnFailure,
  /// Known never to touch the heap.
  None,
};

enum class TypeEffect {
  Allocates,
  /// Allocates exactly when one of its template arguments allocates
  /// (std::optional, std::pair, std::array, container adaptors).
  Wraps,
  None,
};

struct FunctionEntry {
  std::string Name;
  FunctionEffect Effect = FunctionEffect::Allocates;
  /// Allocates only when this (0-based) argument is a null pointer.
  std::optional<unsigned> WhenNullArgument;
  /// Does nothing when this (0-based) argument is a null pointer constant:
  /// free(NULL).
  std::optional<unsigned> NothingWhenNullArgument;
  std::string Condition;
  /// With AllocatesOnFailure: the exception it throws ('std::system_error').
  std::string Exception;
  std::string Replacement;
  /// For a constructor: the effect of its copy and move constructors, when
  /// it differs (a std::runtime_error copy shares the message).
  std::optional<FunctionEffect> CopyEffect;
  /// The (0-based) arguments that are functions it calls before it
  /// returns: qsort's comparator, pthread_once's init routine.
  std::vector<unsigned> CallsArguments;
  /// From a file that says 'language: c': the entry names a C library's
  /// function, not a function of the program with C++ linkage of the same
  /// name (a C++ overload 'getline(Reader &, char *, size_t)').
  bool CFunction = false;
  /// For a may-allocate function: the (0-based) argument that is its scanf
  /// format. A literal one with an allocating conversion ('%ms', '%m[')
  /// makes the call allocate (allocatingConversion).
  std::optional<unsigned> ScanfFormatArgument;
  /// For a constructor: the effect of its default constructor, when it
  /// differs (std::locale() shares the global locale, a locale by name
  /// allocates).
  std::optional<FunctionEffect> DefaultConstructorEffect;
  /// With WhenNullArgument: the effect when that argument is not null,
  /// none or may-allocate (realpath with a buffer mallocs for a path
  /// longer than its 1024-byte scratch buffer).
  std::optional<FunctionEffect> NotNullEffect;
  /// The overloads with this many parameters have OverloadEffect instead:
  /// std::basic_string::compare throws for a bad position, and its
  /// one-parameter overloads take none.
  std::optional<unsigned> OverloadParameters;
  std::optional<FunctionEffect> OverloadEffect;
  /// Uses no heap when this (0-based) argument is the constant 0: a
  /// position of 0 is never past a string's end (libc++'s
  /// 'str == "lit"' calls compare(0, npos, s, n)).
  std::optional<unsigned> NothingWhenZeroArgument;
  /// For a may-allocate function: the (0-based) argument whose string
  /// literal decides the call (newlocale's locale name). A literal in
  /// NoHeapStrings uses no heap, one in MayAllocateStrings stays
  /// may-allocate ("" reads the environment), any other allocates
  /// (allocatingString); a value that is not a literal stays may-allocate.
  std::optional<unsigned> StringArgument;
  std::vector<std::string> NoHeapStrings;
  std::vector<std::string> MayAllocateStrings;
  /// The headers that declare the function (RT-Thread's rtthread.h): the
  /// entry describes only a function declared in one of them, not a
  /// program's own function of a common name (its rt_free). Empty: any.
  std::vector<std::string> DeclaredIn;
};

struct TypeEntry {
  std::string Name;
  TypeEffect Effect = TypeEffect::Allocates;
  /// 0-based index of the Allocator template parameter, if any.
  std::optional<unsigned> AllocatorArgument;
  std::string Replacement;
  /// An exception class whose throw, and the throw of a class derived from
  /// it, is a failure path wherever it is written: a fixed-capacity
  /// library's overflow (etl::exception), through -I as through -isystem.
  bool FailureException = false;
  /// An object of it holds one callable, which its constructor or a static
  /// member returning one is given and its operator() calls, as a
  /// std::function does (etl::delegate): noalloc follows each object.
  bool HoldsCallable = false;
};

/// What one standard library holds in the object itself, without the heap
/// (measured with the runtime oracle): the value semantics that make an
/// object of an allocating type heap-free.
struct LibraryEntry {
  /// 'libstdc++', 'libc++'.
  std::string Name;
  /// A macro its headers define: the translation unit uses the library
  /// when it is defined.
  std::string Macro;
  /// Class templates whose empty (default-constructed) objects own no
  /// heap memory: std::vector.
  std::vector<std::string> EmptyInPlace;
  /// Characters a std::string holds in place (its small-string buffer).
  std::optional<unsigned> StringCapacity;
  /// Bytes of a trivially copyable callable that a std::function holds in
  /// place.
  std::optional<unsigned> FunctionBuffer;
  /// Bytes of a trivially copyable value that a std::any holds in place.
  std::optional<unsigned> AnyBuffer;
};

/// One fixed-capacity replacement: `std::array<{0}, {N}>` from `<array>`.
struct ReplacementTemplate {
  std::string Library;
  std::string Template;
  std::string Header;
};

/// How to replace an allocating type, and what a replacement must support.
struct ReplacementEntry {
  std::string Type;
  std::vector<std::string> ReadMembers;
  std::vector<std::string> GrowthMembers;
  std::optional<ReplacementTemplate> FixedSize;
  std::optional<ReplacementTemplate> View;
  std::vector<ReplacementTemplate> Targets;
};

/// The merged knowledge of the default files and the user's. A later entry
/// with the same name replaces an earlier one, so users can override.
class KnowledgeBase {
public:
  /// The default knowledge plus \p UserFiles, loaded once per distinct list
  /// and shared between checks and threads. An entry naming compiled
  /// libraries (DerivedKnowledge.h) adds what their machine code shows.
  static llvm::Expected<std::shared_ptr<const KnowledgeBase>>
  get(llvm::ArrayRef<std::string> UserFiles);

  /// Parses one YAML file's text into this knowledge base.
  llvm::Error addYAML(llvm::StringRef Text, llvm::StringRef FileName);
  /// Adds what the exports of these libraries do, for the functions this
  /// knowledge base does not list.
  llvm::Error addDerived(llvm::ArrayRef<std::string> Entries);

  /// The entry under \p QualifiedName; for '::name', a function of the
  /// program with C++ linkage in the global namespace (libraryFunctionName),
  /// the entry under 'name' unless it names a C function.
  const FunctionEntry *function(llvm::StringRef QualifiedName) const;
  /// The entry of a constructor; for a copy or move constructor, its
  /// copy-effect when the entry gives one, and for a default constructor
  /// its default-constructor-effect.
  const FunctionEntry *function(llvm::StringRef QualifiedName, bool CopyOrMove,
                                bool DefaultConstructor = false) const;
  const TypeEntry *type(llvm::StringRef QualifiedName) const;
  const ReplacementEntry *replacement(llvm::StringRef QualifiedName) const;
  /// The libraries the replacements' targets name (std, etl, boost, ...),
  /// sorted: the values FixTarget takes besides auto.
  std::vector<std::string> replacementLibraries() const;
  /// The standard libraries, in the order their entries were first given.
  llvm::ArrayRef<LibraryEntry> libraries() const { return Libraries; }

  /// Names of the functions whose entries satisfy \p Pred, for matchers.
  template <typename Pred>
  std::vector<std::string> functionNames(Pred &&P) const {
    std::vector<std::string> Names;
    for (const auto &E : Functions)
      if (P(E.second))
        Names.push_back(E.second.Name);
    return Names;
  }

private:
  llvm::StringMap<FunctionEntry> Functions;
  /// The copy and move constructors of entries with a copy-effect.
  llvm::StringMap<FunctionEntry> Copies;
  /// The default constructors of entries with a default-constructor-effect.
  llvm::StringMap<FunctionEntry> Defaults;
  llvm::StringMap<TypeEntry> Types;
  llvm::StringMap<ReplacementEntry> Replacements;
  std::vector<LibraryEntry> Libraries;
};

llvm::StringRef effectName(FunctionEffect Effect);

} // namespace noalloc

#endif // NOALLOC_CHECKS_KNOWLEDGEBASE_H
