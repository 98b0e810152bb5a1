//===--- UnitKnowledge.h - The knowledge a unit is analysed with ----------===//

#ifndef NOALLOC_CHECKS_UTILS_UNITKNOWLEDGE_H
#define NOALLOC_CHECKS_UTILS_UNITKNOWLEDGE_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <string>

namespace noalloc {

/// The knowledge lists that \p Effective names, global or a check's own
/// (noalloc-call's shapes the facts), by option name.
std::map<std::string, std::string>
knowledgeLists(const clang::tidy::ClangTidyOptions &Effective);

/// What identifies the knowledge a unit with the options \p Effective is
/// analysed with: the contents of every file its knowledge lists name, by
/// option name, not their paths (the facts record it, the same bytes on
/// every machine; the link and the plugin's FactsDirectory compare it).
std::string unitKnowledge(const clang::tidy::ClangTidyOptions &Effective);

/// What a file of analysed units holds: a unit's facts (.facts.json), or
/// a compiler launcher's result (.noalloc), made again in other ways.
enum class StoredAnalysis { Facts, Result };

/// Why the \p Kind at \p Path cannot be used: it was analysed with other
/// knowledge than \p MainFile has here, and how to make it again. The link
/// and the plugin's FactsDirectory say it in these words.
std::string otherKnowledgeMessage(llvm::StringRef Path,
                                  llvm::StringRef MainFile,
                                  StoredAnalysis Kind);

} // namespace noalloc

#endif // NOALLOC_CHECKS_UTILS_UNITKNOWLEDGE_H
