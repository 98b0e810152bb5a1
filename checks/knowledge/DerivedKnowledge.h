//===--- DerivedKnowledge.h - Knowledge read from libraries' machine code -===//
//
// A knowledge list (--knowledge, KnowledgeFiles, .noalloc.yaml) may name
// compiled libraries beside YAML files: a shared object, an object file, a
// static archive, or `@system` for this system's libc, libm, libstdc++ and
// libgcc_s. Their exported functions are classified from their machine code
// (LibraryGraph.h) and added to the knowledge base as generated YAML, after
// the YAML files, leaving out what those already list: hand-written entries
// keep their reasons and overrides. noalloc-libscan writes the same YAML.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_KNOWLEDGE_DERIVEDKNOWLEDGE_H
#define NOALLOC_KNOWLEDGE_DERIVEDKNOWLEDGE_H

#include "knowledge/LibraryGraph.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace noalloc {

class KnowledgeBase;

/// The knowledge-list entry naming this system's C and C++ runtime libraries.
inline constexpr llvm::StringLiteral SystemLibraries = "@system";

/// Whether a knowledge-list entry names compiled code rather than YAML:
/// `@system`, or a file that starts as an ELF file or an archive does.
bool namesLibrary(llvm::StringRef Entry);

/// The library files an entry stands for (`@system`: those found here).
std::vector<std::string> libraryFiles(llvm::StringRef Entry);

/// What identifies the contents of the knowledge an entry names, without
/// its path: a YAML file's text hash, each library's build-id (or the hash
/// of its bytes). Computed once per process (safe from any thread).
std::string knowledgeContents(llvm::StringRef Entry);

/// The entry and its contents (knowledgeContents). A result cached under
/// one identity is stale under another.
std::string knowledgeIdentity(llvm::StringRef Entry);

/// The name the knowledge base uses for an exported symbol: `malloc`,
/// `std::basic_string::_M_create`, `operator new`; empty for none.
std::string knowledgeName(llvm::StringRef Symbol);

/// Each knowledge name's verdict: the strongest of its overloads' and
/// symbol versions'.
using DerivedByName = std::map<std::string, libscan::ExportVerdict>;

/// Classifies the exports of \p Paths, cached under \p CacheDir (empty:
/// $XDG_CACHE_HOME/noalloc/libscan) by their identities and the functions
/// \p KB says never touch the heap.
llvm::Expected<std::vector<libscan::ExportVerdict>>
scanLibraries(llvm::ArrayRef<std::string> Paths, const KnowledgeBase &KB,
              llvm::StringRef CacheDir = "");

/// Joins verdicts by knowledge name: the strongest effect wins, with its
/// reason. \p Each sees every verdict with its name first.
DerivedByName mergeByName(
    llvm::ArrayRef<libscan::ExportVerdict> Verdicts,
    llvm::function_ref<void(const libscan::ExportVerdict &, llvm::StringRef)>
        Each = nullptr);

/// Writes \p Names as a knowledge file, leaving out what \p KB lists and
/// what is unknown.
void writeDerivedYAML(llvm::raw_ostream &OS, const DerivedByName &Names,
                      const KnowledgeBase &KB,
                      llvm::ArrayRef<std::string> Paths);

} // namespace noalloc

#endif // NOALLOC_KNOWLEDGE_DERIVEDKNOWLEDGE_H
