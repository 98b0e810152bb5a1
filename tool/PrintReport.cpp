//===--- PrintReport.cpp - The report, in the chosen format ---------------===//

#include "PrintReport.h"
#include "Reports.h"
#include "ToolOptions.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"
#include <unistd.h>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

using cli::DocsURL;
using cli::Fix;
using cli::Format;
using cli::Output;
using cli::OutputFormat;

std::optional<int> printReport(const std::vector<ClangTidyError> &Errors,
                               const LinkedRun *Linked,
                               const RunOptions &Options, StringRef AnyFile) {
  if (Format == OutputFormat::Text) {
    // clang-tidy's renderer writes to standard output; --output points it
    // at the file for the duration.
    int Saved = -1, FD = -1;
    if (!Output.empty()) {
      if (std::error_code EC = sys::fs::openFileForWrite(Output, FD)) {
        WithColor::error(errs(), "noalloc")
            << "cannot write '" << Output << "': " << EC.message() << "\n";
        return 2;
      }
      outs().flush();
      Saved = ::dup(1);
      ::dup2(FD, 1);
    }
    ClangTidyContext PrintContext(makeOptionsProvider(Options));
    PrintContext.setCurrentFile(AnyFile);
    unsigned WarningsAsErrors = 0;
    // clang-tidy's renderer also applies the fixes: each file is written to
    // a temporary and renamed, and conflicting fixes are skipped.
    handleErrors(Errors, PrintContext, Fix ? FB_Fix : FB_NoFix,
                 WarningsAsErrors, vfs::getRealFileSystem());
    if (Saved >= 0) {
      outs().flush();
      ::dup2(Saved, 1);
      ::close(Saved);
      ::close(FD);
    }
    return std::nullopt;
  }
  SourceFiles Sources;
  std::vector<std::string> Checks;
  auto Provider = makeOptionsProvider(Options);
  ClangTidyOptions All = Provider->getOptions(AnyFile);
  All.Checks = "-*,noalloc-*";
  Checks = getCheckNames(All, false, false);
  std::string Destination = Output.empty() ? "-" : Output.getValue();
  Error E = writeToOutput(Destination, [&](raw_ostream &OS) {
    if (Format == OutputFormat::Sarif)
      writeSarif(Errors, Checks, DocsURL, Sources, OS);
    else
      writeJson(Errors,
                Linked ? functionSummaries(*Linked->Graph,
                                           Linked->Options.Policy)
                       : std::vector<FunctionSummary>(),
                Sources, OS);
    return Error::success();
  });
  if (E) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  return std::nullopt;
}

} // namespace noalloc
