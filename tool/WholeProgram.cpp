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

/// Where the policy that applies to \p File was set, and to what.
static std::pair<std::string, std::string>
policySource(ClangTidyOptionsProvider &Provider, StringRef File) {
  std::pair<std::string, std::string> Found{"lenient", "the default"};
  // Sources come in increasing priority: the last one that sets it wins.
  for (const auto &[Options, Source] : Provider.getRawOptions(File))
    if (std::optional<std::string> Value = callOption(Options, "Policy"))
      Found = {*Value, Source};
  return Found;
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
  std::optional<std::pair<std::string, std::string>> Policy;
  for (const std::string &File : Files) {
    ClangTidyOptions Effective = Provider.getOptions(File);
    addAll(Run.Link.Roots,
           optionList(callOption(Effective, "Roots").value_or("")));
    addAll(Run.Link.AllowedZones,
           optionList(callOption(Effective, "AllowedZones").value_or("")));
    addAll(Run.Link.KnowledgeFiles, knowledgeFilesFor(Effective));
    auto EveryCall = Effective.CheckOptions.find("noalloc-call.ReportEveryCall");
    if (EveryCall != Effective.CheckOptions.end())
      Run.EveryCall |= StringRef(EveryCall->second.Value).equals_insensitive(
                           "true") ||
                       EveryCall->second.Value == "1";
    CachedGlobList Checks(Effective.Checks.value_or(""));
    for (const CheckInfo &C : allChecks())
      if (Checks.contains(C.Name))
        Run.EnabledChecks.insert(C.Name.str());
    std::pair<std::string, std::string> Here = policySource(Provider, File);
    if (Policy && Policy->first != Here.first)
      return createStringError(
          inconvertibleErrorCode(),
          "conflicting Policy for one program: '%s' in %s, '%s' in %s",
          Policy->first.c_str(), Policy->second.c_str(), Here.first.c_str(),
          Here.second.c_str());
    Policy = Here;
  }
  // Deterministic whatever the order of the files.
  for (std::vector<std::string> *List :
       {&Run.Link.Roots, &Run.Link.AllowedZones, &Run.Link.KnowledgeFiles})
    llvm::sort(*List);
  Run.Policy = Policy && Policy->first == "strict" ? Policy::Strict
                                                    : Policy::Lenient;
  return Run;
}

Expected<LinkedRun> linkProgram(std::vector<TranslationUnitFacts> Units,
                                RunLevelOptions Options) {
  auto KB = KnowledgeBase::get(Options.Link.KnowledgeFiles);
  if (!KB)
    return KB.takeError();
  LinkedRun Run;
  Run.Knowledge = std::move(*KB);
  Run.Graph =
      std::make_unique<HeapGraph>(std::move(Units), *Run.Knowledge, Options.Link);
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
