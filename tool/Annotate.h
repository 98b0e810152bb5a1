//===--- Annotate.h - --annotate: attributes that clang checks ------------===//
//
// --annotate writes [[clang::nonallocating]] (or nonblocking) on the user
// functions the linked program shows allocation-free, as fixes that --fix
// applies and --export-fixes writes. The choice (report/Annotations.h) is
// then checked by clang itself: the run's units are parsed again with the
// attributes written in and -Wfunction-effects, and what clang refuses is
// dropped, with the functions that rely on it, until clang accepts
// everything. So the attributes add no warning to the build.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_ANNOTATE_H
#define NOALLOC_TOOL_ANNOTATE_H

#include "TranslationUnitAnalysis.h"
#include "WholeProgram.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "report/Annotations.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <optional>

namespace noalloc {

/// The name of the findings that carry the attributes.
inline constexpr llvm::StringLiteral AnnotateName = "noalloc-annotate";

/// Adds to \p Annotations one finding per function to mark, its fix the
/// attribute on each declaration, every one accepted by clang on every
/// unit of \p Units. Returns an exit status when the run ends here.
std::optional<int>
annotate(const LinkedRun &Run,
         const clang::tooling::CompilationDatabase &Database,
         llvm::ArrayRef<TranslationUnitResult> Units, EffectAttribute Attribute,
         std::vector<clang::tidy::ClangTidyError> &Annotations);

} // namespace noalloc

#endif // NOALLOC_TOOL_ANNOTATE_H
