//===--- WholeProgram.cpp - One link and one set of options per run -------===//

#include "WholeProgram.h"
#include "CheckRegistry.h"
#include "utils/OptionLists.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

/// The value of noalloc-call's option \p Name in \p Options, as the check
/// reads it (its own key first, then the global one).
static std::optional<std::string>
callOption(const ClangTidyOptions &Options, StringRef Name) {
  for (std::string Key : {"noalloc-call." + Name.str(), Name.str()}) {
    auto It = Options.CheckOptions.find(Key);
    if (It != Options.CheckOptions.end())
      return It->second.Value;
  }
  return std::nullopt;
}

std::vector<std::string>
knowledgeFilesFor(const ClangTidyOptions &Effective) {
  return optionList(callOption(Effective, "KnowledgeFiles").value_or(""));
}

/// Where noalloc-call's option \p Name that applies to \p File was set, and
/// to what.
static std::pair<std::string, std::string>
optionSource(ClangTidyOptionsProvider &Provider, StringRef File,
             StringRef Name, StringRef Default) {
  std::pair<std::string, std::string> Found{Default.str(), "the default"};
  // Sources come in increasing priority: the last one that sets it wins.
  for (const auto &[Options, Source] : Provider.getRawOptions(File))
    if (std::optional<std::string> Value = callOption(Options, Name))
      Found = {*Value, Source};
  return Found;
}

namespace {
/// An option that has one value for the whole program: the first file's,
/// and an error naming both places if another file differs.
class OneValuePerRun {
public:
  OneValuePerRun(StringRef Name, StringRef Default)
      : Name(Name), Default(Default) {}

  Error add(ClangTidyOptionsProvider &Provider, StringRef File) {
    std::pair<std::string, std::string> Here =
        optionSource(Provider, File, Name, Default);
    if (Found && Found->first != Here.first)
      return createStringError(
          inconvertibleErrorCode(),
          "conflicting %s for one program: '%s' in %s, '%s' in %s",
          Name.str().c_str(), Found->first.c_str(), Found->second.c_str(),
          Here.first.c_str(), Here.second.c_str());
    Found = Here;
    return Error::success();
  }
  StringRef value() const { return Found ? StringRef(Found->first) : Default; }

private:
  StringRef Name, Default;
  std::optional<std::pair<std::string, std::string>> Found;
};
} // namespace

/// Whether the check-local boolean option \p Key is set to true.
static bool isTrue(const ClangTidyOptions &Options, StringRef Key) {
  auto It = Options.CheckOptions.find(Key);
  return It != Options.CheckOptions.end() && optionIsTrue(It->second.Value);
}

static void addAll(std::vector<std::string> &To,
                   const std::vector<std::string> &From) {
  for (const std::string &Item : From)
    if (!llvm::is_contained(To, Item))
      To.push_back(Item);
}

Expected<RunLevelOptions>
resolveRunLevelOptions(ClangTidyOptionsProvider &Provider,
                       ArrayRef<std::string> Files) {
  RunLevelOptions Run;
  OneValuePerRun Unseen("Policy", "lenient");
  OneValuePerRun Failures("FailurePaths", "report");
  bool ReportMayAllocate = false;
  for (const std::string &File : Files) {
    ClangTidyOptions Effective = Provider.getOptions(File);
    addAll(Run.Link.Roots,
           optionList(callOption(Effective, "Roots").value_or("")));
    addAll(Run.Link.AllowedZones,
           optionList(callOption(Effective, "AllowedZones").value_or("")));
    addAll(Run.Link.KnowledgeFiles, knowledgeFilesFor(Effective));
    Run.EveryCall |= isTrue(Effective, "noalloc-call.ReportEveryCall");
    ReportMayAllocate |=
        isTrue(Effective, "noalloc-c-allocation.ReportMayAllocate");
    CachedGlobList Checks(Effective.Checks.value_or(""));
    for (const CheckInfo &C : allChecks())
      if (Checks.contains(C.Name))
        Run.EnabledChecks.insert(C.Name.str());
    for (OneValuePerRun *Option : {&Unseen, &Failures})
      if (Error E = Option->add(Provider, File))
        return std::move(E);
  }
  // Deterministic whatever the order of the files.
  for (std::vector<std::string> *List :
       {&Run.Link.Roots, &Run.Link.AllowedZones, &Run.Link.KnowledgeFiles})
    llvm::sort(*List);
  Run.Policy =
      Policy::fromOptions(Unseen.value(), Failures.value(), ReportMayAllocate);
  return Run;
}

Expected<LinkedRun> linkProgram(ProgramFacts Program,
                                RunLevelOptions Options) {
  auto KB = KnowledgeBase::get(Options.Link.KnowledgeFiles);
  if (!KB)
    return KB.takeError();
  LinkedRun Run;
  Run.Knowledge = std::move(*KB);
  Run.Graph =
      std::make_unique<HeapGraph>(std::move(Program), *Run.Knowledge, Options.Link);
  Run.Options = std::move(Options);
  return std::move(Run);
}

static tooling::DiagnosticMessage message(const std::string &Text,
                                          const SourcePoint &Where) {
  tooling::DiagnosticMessage M;
  M.Message = Text;
  M.FilePath = Where.File;
  M.FileOffset = Where.Offset;
  return M;
}

void reportFromLinkedProgram(const LinkedRun &Run,
                             std::vector<ClangTidyError> &Errors) {
  const HeapGraph &Graph = *Run.Graph;
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    if (StringRef(E.DiagnosticName).starts_with("clang-"))
      return false;
    SourcePoint P;
    P.File = E.Message.FilePath;
    P.Offset = E.Message.FileOffset;
    return !Graph.isReported(P);
  });
  ReportOptions Report;
  Report.Policy = Run.Options.Policy;
  Report.CheckEnabled = [&](StringRef Check) {
    return Run.Options.enabled(Check);
  };
  Report.EveryCall = Run.Options.EveryCall;
  std::vector<CallFinding> Findings;
  if (Run.Options.enabled("noalloc-call"))
    Findings = callFindings(Graph, *Run.Knowledge, Report);
  if (Run.Options.enabled("noalloc-unknown-call"))
    llvm::append_range(Findings, unknownCallFindings(Graph, Report));
  for (const CallFinding &F : Findings) {
    if (Run.RunFiles && !Run.RunFiles->count(F.Where.File))
      continue;
    ClangTidyError E(F.Check, ClangTidyError::Warning, "", false);
    E.Message = message(F.Message, F.Where);
    for (const ChainStep &Step : F.Notes)
      E.Notes.push_back(message(Step.Message, Step.Where));
    Errors.push_back(std::move(E));
  }
}

} // namespace noalloc
