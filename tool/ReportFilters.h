//===--- ReportFilters.h - clang-tidy's filters over the whole report -----===//
//
// clang-tidy applies the header and line filters and WarningsAsErrors as each unit's
// diagnostics arrive; findings made by the link step (noalloc-call,
// noalloc-unknown-call) arrive later and are filtered here, like the rest.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_REPORTFILTERS_H
#define NOALLOC_TOOL_REPORTFILTERS_H

#include "TranslationUnitAnalysis.h"

namespace noalloc {

/// Drops findings on lines --line-filter does not name.
void applyLineFilter(std::vector<clang::tidy::ClangTidyError> &Errors,
                     const clang::tidy::ClangTidyGlobalOptions &Global);

/// Drops findings in headers that --header-filter does not match or
/// --exclude-header-filter matches (files other than \p MainFiles).
void applyHeaderFilters(std::vector<clang::tidy::ClangTidyError> &Errors,
                        const RunOptions &Options,
                        llvm::ArrayRef<std::string> MainFiles);

/// Makes errors of the findings whose check matches WarningsAsErrors (as
/// configured for \p AnyFile); returns how many there are.
unsigned markWarningsAsErrors(std::vector<clang::tidy::ClangTidyError> &Errors,
                              const RunOptions &Options,
                              llvm::StringRef AnyFile);

} // namespace noalloc

#endif // NOALLOC_TOOL_REPORTFILTERS_H
