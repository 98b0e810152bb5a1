//===--- JoinFindings.h - One list of findings from many units ------------===//
//
// The findings of a run arrive per translation unit, with paths relative to
// each compile command's directory, and a header's findings once per unit
// that includes it. Here they become one list: absolute paths, each finding
// once, in one order (file, offset, check, message).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_JOINFINDINGS_H
#define NOALLOC_TOOL_JOINFINDINGS_H

#include "TranslationUnitAnalysis.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

namespace noalloc {

/// Drops repeated findings (same file, offset, check and message; the first
/// stays) and sorts the rest by file, offset, check and message.
void sortAndDeduplicate(std::vector<clang::tidy::ClangTidyError> &Errors);

/// The findings of every unit, with absolute paths (fix-its included),
/// sorted and de-duplicated.
std::vector<clang::tidy::ClangTidyError>
joinTranslationUnits(std::vector<TranslationUnitResult> &Results);

} // namespace noalloc

#endif // NOALLOC_TOOL_JOINFINDINGS_H
