//===--- WholeProgram.cpp - One link and one set of options per run -------===//

#include "WholeProgram.h"
#include "CheckRegistry.h"
#include "utils/OptionLists.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

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
  using Source = std::pair<std::string, std::string>;

  OneValuePerRun(StringRef Name, StringRef Default)
      : Name(Name), Default(Default) {}

  /// The value that applies to \p File, and where it was set.
  Source sourceFor(ClangTidyOptionsProvider &Provider, StringRef File) const {
    return optionSource(Provider, File, Name, Default);
  }
  /// \p Here: sourceFor a file of the run.
  Error add(const Source &Here) {
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

/// Joins the options \p Effective of one directory into \p Run.
static void joinOptions(const ClangTidyOptions &Effective, RunLevelOptions &Run,
                        bool &ReportMayAllocate) {
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
}

Expected<RunLevelOptions>
resolveRunLevelOptions(ClangTidyOptionsProvider &Provider,
                       ArrayRef<std::string> Files) {
  RunLevelOptions Run;
  OneValuePerRun Unseen("Policy", "lenient");
  OneValuePerRun Failures("FailurePaths", "report");
  OneValuePerRun Whole("WholeProgram", "auto");
  bool ReportMayAllocate = false;
  // Files of one directory read the same configuration files: each
  // directory's options are read and joined once (joining them again
  // changes nothing), the policies checked for every file, in order.
  StringMap<std::array<OneValuePerRun::Source, 3>> ByDirectory;
  for (const std::string &File : Files) {
    SmallString<256> Directory(File);
    sys::fs::make_absolute(Directory);
    sys::path::remove_filename(Directory);
    auto [Known, New] = ByDirectory.try_emplace(Directory);
    if (New) {
      Known->second = {Unseen.sourceFor(Provider, File),
                       Failures.sourceFor(Provider, File),
                       Whole.sourceFor(Provider, File)};
      joinOptions(Provider.getOptions(File), Run, ReportMayAllocate);
    }
    if (Error E = Unseen.add(Known->second[0]))
      return std::move(E);
    if (Error E = Failures.add(Known->second[1]))
      return std::move(E);
    if (Error E = Whole.add(Known->second[2]))
      return std::move(E);
  }
  // Deterministic whatever the order of the files.
  for (std::vector<std::string> *List :
       {&Run.Link.Roots, &Run.Link.AllowedZones, &Run.Link.KnowledgeFiles})
    llvm::sort(*List);
  Run.Policy =
      Policy::fromOptions(Unseen.value(), Failures.value(), ReportMayAllocate);
  Run.Link.WholeProgram = LinkOptions::parseWholeProgram(Whole.value())
                              .value_or(std::optional<bool>());
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

static tooling::DiagnosticMessage message(std::string Text, SourcePoint Where) {
  tooling::DiagnosticMessage M;
  M.Message = std::move(Text);
  M.FilePath = std::move(Where.File);
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
  // Enabled or not: the summary line counts them after the same filters
  // (takeUnfollowedCalls), then drops them if the check is off.
  llvm::append_range(Findings, unknownCallFindings(Graph, Report));
  // Moved, not copied, and into room made once: a ClangTidyError is
  // copied when its vector grows.
  Errors.reserve(Errors.size() + Findings.size());
  for (CallFinding &F : Findings) {
    if (Run.RunFiles && !Run.RunFiles->count(F.Where.File))
      continue;
    ClangTidyError E(F.Check, ClangTidyError::Warning, "", false);
    E.Message = message(std::move(F.Message), std::move(F.Where));
    E.Notes.reserve(F.Notes.size());
    for (ChainStep &Step : F.Notes)
      E.Notes.push_back(
          message(std::move(Step.Message), std::move(Step.Where)));
    Errors.push_back(std::move(E));
    F = CallFinding(); // What is left of it: its notes' room.
  }
}

} // namespace noalloc
