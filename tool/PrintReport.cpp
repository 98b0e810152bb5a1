//===--- PrintReport.cpp - The report, in the chosen format ---------------===//

#include "PrintReport.h"
#include "HtmlReport.h"
#include "RenderCache.h"
#include "Reports.h"
#include "SafeOutput.h"
#include "ToolOptions.h"
#include "utils/LLVMCompat.h"
#include "utils/Paths.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include <unistd.h>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

using cli::DocsURL;
using cli::Format;
using cli::Output;
using cli::OutputFormat;

/// SARIF's %SRCROOT%: --sarif-root, else the first of the compilation
/// database's directory, the git top level (of the current directory, else
/// of the first finding) and the current directory that holds every
/// finding's file (else the first of them). The notes' files do not
/// count: a chain goes through system headers, which no project holds;
/// files outside the root get absolute URIs.
static std::string sourceRoot(ArrayRef<ClangTidyError> Errors) {
  if (!cli::SarifRoot.empty())
    return normalizedPath(cli::SarifRoot);
  std::vector<std::string> Candidates;
  if (!cli::BuildPath.empty())
    Candidates.push_back(normalizedPath(cli::BuildPath));
  std::string Here = normalizedPath(".");
  if (auto Top = gitTopLevel(Here))
    Candidates.push_back(*Top);
  else if (!Errors.empty())
    if (auto Top = gitTopLevel(
            sys::path::parent_path(Errors.front().Message.FilePath)))
      Candidates.push_back(*Top);
  Candidates.push_back(Here);
  for (const std::string &Root : Candidates)
    if (llvm::all_of(Errors, [&](const ClangTidyError &E) {
          return E.Message.FilePath.empty() ||
                 isUnder(E.Message.FilePath, Root);
        }))
      return Root;
  return Candidates.front();
}

/// SARIF's informationUri: the home page the build names, else the
/// project that --docs-url's docs/checks/ belongs to.
static std::string homePage() {
  StringRef Home = NOALLOC_HOMEPAGE_URL;
  if (!Home.empty())
    return Home.str();
  StringRef Docs = DocsURL;
  Docs.consume_back("/");
  if (Docs.consume_back("/checks") && Docs.consume_back("/docs"))
    return (Docs + "/").str();
  return Docs.empty() ? "" : (Docs + "/").str();
}

/// clang-tidy's renderer writes to standard output: for --output, standard
/// output is the temporary file for the duration.
static Error renderText(raw_fd_ostream &OS,
                        llvm::function_ref<void()> Render) {
  if (&OS == &outs()) {
    Render();
    return Error::success();
  }
  outs().flush();
  int Saved = ::dup(1);
  if (Saved < 0 || ::dup2(fileDescriptor(OS), 1) < 0)
    return createStringError(std::error_code(errno, std::generic_category()),
                             "cannot redirect the report");
  Render();
  outs().flush();
  std::error_code EC = outs().error();
  outs().clear_error();
  ::dup2(Saved, 1);
  ::close(Saved);
  if (EC)
    return createStringError(EC, "cannot write '%s': %s",
                             Output.getValue().c_str(), EC.message().c_str());
  return Error::success();
}

/// For each finding of a run with roots, the root that reaches it.
static std::vector<std::string> reachingRoots(ArrayRef<ClangTidyError> Errors,
                                              const LinkedRun *Linked) {
  if (!Linked || !Linked->Graph->hasRoots())
    return {};
  std::vector<SourcePoint> Places;
  for (const ClangTidyError &E : Errors) {
    SourcePoint Where;
    Where.File = E.Message.FilePath;
    Where.Offset = E.Message.FileOffset;
    Places.push_back(std::move(Where));
  }
  return reachingRoots(*Linked->Graph, Places);
}

/// SARIF, JSON or HTML, from the same findings.
static void writeStructuredReport(ArrayRef<ClangTidyError> Errors,
                                  const LinkedRun *Linked,
                                  const RunOptions &Options, StringRef AnyFile,
                                  const RunSummary &Summary, raw_ostream &OS) {
  SourceFiles Sources;
  if (Format == OutputFormat::Html) {
    HtmlOptions Html{Summary, Summary.Unfollowed.describe(), DocsURL,
                     sourceRoot(Errors), reachingRoots(Errors, Linked)};
    writeHtml(Errors, Html, Sources, OS);
  } else if (Format == OutputFormat::Sarif) {
    auto Provider = makeOptionsProvider(Options);
    ClangTidyOptions All = Provider->getOptions(AnyFile);
    All.Checks = "-*,noalloc-*";
    writeSarif(Errors, compat::enabledCheckNames(All),
               SarifOptions{DocsURL, sourceRoot(Errors), homePage()}, Sources,
               OS);
  } else {
    writeJson(Errors,
              Linked ? functionSummaries(*Linked->Graph, Linked->Options.Policy)
                     : std::vector<FunctionSummary>(),
              Summary, Sources, OS);
  }
}

/// clang's text format, one file's findings at a time: clang's
/// SourceManager finds a file by scanning all it has loaded, so one
/// renderer for the findings of 10,000 files is quadratic.
static Error writeText(ArrayRef<ClangTidyError> Errors,
                       const RunOptions &Options, StringRef AnyFile,
                       RenderCache *Rendered, raw_fd_ostream &OS) {
  ClangTidyContext PrintContext(makeOptionsProvider(Options));
  PrintContext.setCurrentFile(AnyFile);
  unsigned WarningsAsErrors = 0;
  // Fixes are applied apart (applyFixes): checked first, written safely.
  return renderText(OS, [&] {
    // Where standard output is now: colours are not kept.
    if (PrintContext.getOptions().UseColor.value_or(
            sys::Process::StandardOutHasColors()))
      Rendered = nullptr;
    ArrayRef<ClangTidyError> Rest = Errors;
    while (!Rest.empty()) {
      size_t N = 1;
      while (N < Rest.size() &&
             Rest[N].Message.FilePath == Rest.front().Message.FilePath)
        ++N;
      ArrayRef<ClangTidyError> File = Rest.take_front(N);
      auto Render = [&] {
        handleErrors(File, PrintContext, FB_NoFix, WarningsAsErrors,
                     vfs::getRealFileSystem());
      };
      if (Rendered)
        Rendered->print(File, Render);
      else
        Render();
      Rest = Rest.drop_front(N);
    }
  });
}

/// A failed run writes no report but text on standard output: the
/// compiler's and configuration diagnostics that failed it go to standard
/// error, in clang's format.
static Error writeFailures(ArrayRef<ClangTidyError> Errors,
                           const RunOptions &Options, StringRef AnyFile) {
  std::vector<ClangTidyError> Failures;
  for (const ClangTidyError &E : Errors)
    if (StringRef(E.DiagnosticName).starts_with("clang-"))
      Failures.push_back(E);
  return writeText(Failures, Options, AnyFile, nullptr, errs());
}

std::optional<int> printReport(const std::vector<ClangTidyError> &Errors,
                               const LinkedRun *Linked,
                               const RunOptions &Options, StringRef AnyFile,
                               const RunSummary &Summary,
                               RenderCache *Rendered) {
  std::string Destination = Output.empty() ? "-" : Output.getValue();
  bool TextOnStandardOutput =
      Format == OutputFormat::Text && Destination == "-";
  Error E = Error::success();
  if (Summary.failed() && !TextOnStandardOutput) {
    E = writeFailures(Errors, Options, AnyFile);
  } else if (Format == OutputFormat::Text) {
    E = writeFileSafely(Destination, [&](raw_fd_ostream &OS) {
      return writeText(Errors, Options, AnyFile, Rendered, OS);
    });
  } else {
    E = writeFileSafely(Destination, [&](raw_fd_ostream &OS) {
      writeStructuredReport(Errors, Linked, Options, AnyFile, Summary, OS);
      return Error::success();
    });
  }
  if (E) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  return std::nullopt;
}

} // namespace noalloc
