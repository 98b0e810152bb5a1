//===--- NoallocConfig.h - .noalloc.yaml ----------------------------------===//
//
// A project's noalloc configuration, found like .clang-format by walking up
// from each source file. It translates into clang-tidy's options, so the
// tool and the plugin read the same settings:
//
//   checks: '-*,noalloc-call,noalloc-new-delete'
//   knowledge: [rtos.yaml, libhal.a, "@system"]  # relative to this file
//   roots: ['Audio::process']
//   allowed-zones: ['*_init']
//   policy: strict                  # or lenient
//   header-filter: 'src/.*'
//   options: {noalloc-c-allocation.ReportMayAllocate: true}
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_NOALLOCCONFIG_H
#define NOALLOC_TOOL_NOALLOCCONFIG_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/MemoryBufferRef.h"

namespace noalloc {

inline constexpr llvm::StringLiteral ConfigFileName = ".noalloc.yaml";

/// Parses one .noalloc.yaml; its path (the buffer's identifier) anchors
/// relative knowledge files. Errors name the file, line and key.
llvm::Expected<clang::tidy::ClangTidyOptions>
parseNoallocConfig(llvm::MemoryBufferRef Config);

/// Checks every .noalloc.yaml above \p Sources before the run, so that a
/// broken one is an error instead of being skipped.
llvm::Error validateNoallocConfigs(llvm::ArrayRef<std::string> Sources);

} // namespace noalloc

#endif // NOALLOC_TOOL_NOALLOCCONFIG_H
