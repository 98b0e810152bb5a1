//===--- Launch.h - noalloc launch and noalloc link -----------------------===//
//
// Analysis distributed with the build: `noalloc launch` runs as the
// compiler launcher and leaves each translation unit's result beside its
// object file; `noalloc link` collects them for one whole-program report.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_LAUNCH_H
#define NOALLOC_TOOL_LAUNCH_H

#include "TranslationUnitAnalysis.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>

namespace noalloc {

/// `noalloc launch <compiler> <args>...`: compiles, then analyses the same
/// translation unit with the built-in defaults (and the .clang-tidy and
/// .noalloc.yaml files above it) and writes `<object>.noalloc`. The build's
/// output and status are the compiler's.
int launchMain(llvm::ArrayRef<const char *> Command);

/// `noalloc link`: an error naming the first option given that only
/// applies when translation units are analysed.
std::optional<int> rejectAnalysisOnlyOptions();

/// `noalloc link DIR...`: the results the launcher left beside the object
/// files, joined as if this run had parsed them; \p Done sees each result
/// as it is read. Results whose facts were made with other knowledge than
/// the configuration of their unit names here (\p Options) are an error
/// naming each.
std::optional<int>
readLaunchedResults(const RunOptions &Options,
                    llvm::ArrayRef<std::string> Directories,
                    std::vector<std::string> &Files,
                    std::vector<TranslationUnitResult> &Results,
                    llvm::function_ref<void(TranslationUnitResult &)> Done);

} // namespace noalloc

#endif // NOALLOC_TOOL_LAUNCH_H
