//===--- HtmlReport.h - Findings for people: one self-contained page ------===//
//
// --format=html: one page with everything inline (CSS and SVG, no script,
// no link out but to the checks' documentation): the summary, then the
// findings by root and by file, each with its chain drawn from the root or
// caller down to the heap site and the source line of every step. Built
// from the same findings as the other formats; the same input gives the
// same bytes.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_TOOL_HTMLREPORT_H
#define NOALLOC_TOOL_HTMLREPORT_H

#include "Reports.h"

namespace noalloc {

struct HtmlOptions {
  RunSummary Summary;
  /// The calls the run could not follow, as the text report says it
  /// ("6 calls through function pointers ..."); empty when none.
  std::string UnseenCalls;
  /// The base of the checks' documentation pages; no links when empty.
  std::string DocsURL;
  /// Paths are shown relative to it.
  std::string SourceRoot;
  /// For each finding, the root that reaches it; empty when the run has
  /// none (then the findings are grouped by file only).
  std::vector<std::string> Roots;
};

void writeHtml(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
               const HtmlOptions &Options, SourceFiles &Files,
               llvm::raw_ostream &OS);

} // namespace noalloc

#endif // NOALLOC_TOOL_HTMLREPORT_H
