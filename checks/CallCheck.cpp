//===--- CallCheck.cpp - noalloc-call -------------------------------------===//

#include "CallCheck.h"
#include "extract/FactExtractor.h"
#include "extract/FactSink.h"
#include "utils/UnitKnowledge.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace noalloc {

static bool isPolicy(StringRef Value) {
  return Value == "lenient" || Value == "strict";
}

static bool isFailurePaths(StringRef Value) {
  return Value == "report" || Value == "accept";
}

bool CallCheck::isLinkTimeOption(StringRef Key, StringRef Value) {
  // Policy, FailurePaths, WholeProgram, Roots and AllowedZones are read as
  // the check's own or as global options (getLocalOrGlobal), ReportEveryCall as
  // its own.
  bool Own = Key.consume_front("noalloc-call.");
  if (Key == "Roots" || Key == "AllowedZones")
    return true;
  // A value the check refuses is a configuration error of every unit.
  if (Key == "Policy")
    return isPolicy(Value);
  if (Key == "FailurePaths")
    return isFailurePaths(Value);
  if (Key == "WholeProgram")
    return LinkOptions::parseWholeProgram(Value).has_value();
  return Own && Key == "ReportEveryCall" &&
         (Value == "true" || Value == "false");
}

CallCheck::CallCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : NoallocCheck(Name, Context), Context(Context),
      Policy(Options.getLocalOrGlobal("Policy", "lenient")),
      FailurePaths(Options.getLocalOrGlobal("FailurePaths", "report")),
      Roots(Options.getLocalOrGlobal("Roots", "")),
      AllowedZones(Options.getLocalOrGlobal("AllowedZones", "")),
      FactsDirectory(Options.getLocalOrGlobal("FactsDirectory", "")),
      WholeProgram(Options.getLocalOrGlobal("WholeProgram", "auto")),
      ReportEveryCall(Options.get("ReportEveryCall", false)) {
  if (!isPolicy(Policy))
    configurationDiag("invalid Policy '%0': expected 'lenient' or 'strict'",
                      DiagnosticIDs::Error)
        << Policy;
  if (!isFailurePaths(FailurePaths))
    configurationDiag(
        "invalid FailurePaths '%0': expected 'report' or 'accept'",
        DiagnosticIDs::Error)
        << FailurePaths;
  if (!LinkOptions::parseWholeProgram(WholeProgram))
    configurationDiag(
        "invalid WholeProgram '%0': expected 'auto', 'true' or 'false'",
        DiagnosticIDs::Error)
        << WholeProgram;
}

void CallCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  NoallocCheck::storeOptions(Opts);
  Options.store(Opts, "Policy", Policy);
  Options.store(Opts, "FailurePaths", FailurePaths);
  Options.store(Opts, "Roots", Roots);
  Options.store(Opts, "AllowedZones", AllowedZones);
  Options.store(Opts, "FactsDirectory", FactsDirectory);
  Options.store(Opts, "WholeProgram", WholeProgram);
  Options.store(Opts, "ReportEveryCall", ReportEveryCall);
}

void CallCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                    Preprocessor *) {
  this->PP = PP;
}

void CallCheck::registerMatchers(MatchFinder *Finder) {
  // Any declaration gives the AST; the work waits for the end of the unit.
  // The noalloc tool extracts and links the facts itself.
  if (knowledge() && !currentFactSink())
    Finder->addMatcher(functionDecl().bind("any"), this);
}

std::vector<CallFinding>
CallCheck::findings(const HeapGraph &Graph,
                    const ReportOptions &Options) const {
  return callFindings(Graph, *knowledge(), Options);
}

void CallCheck::check(const MatchFinder::MatchResult &Result) {
  Unit = Result.Context;
}

/// The location of \p P in this translation unit, if its file was read.
static SourceLocation locationOf(const SourcePoint &P, SourceManager &SM) {
  // Facts name files by path: opening a FIFO or a device would block.
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(P.File, Status) &&
      !llvm::sys::fs::is_regular_file(Status))
    return SourceLocation();
  auto File = SM.getFileManager().getOptionalFileRef(P.File);
  if (!File)
    return SourceLocation();
  FileID ID = SM.translateFile(*File);
  // A step in another translation unit's file: load it to point there.
  if (ID.isInvalid())
    ID = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
  if (ID.isInvalid())
    return SourceLocation();
  return SM.getComposedLoc(ID, P.Offset);
}

std::optional<std::vector<TranslationUnitFacts>>
CallCheck::factsDirectoryUnits(StringRef MainFile, StringRef Root) {
  std::vector<TranslationUnitFacts> Units;
  // What the link compares: facts made with other knowledge would join
  // verdicts this unit's knowledge does not give.
  std::string Knowledge = unitKnowledge(Context->getOptions());
  bool Stale = false;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(FactsDirectory, EC), End;
       It != End && !EC; It.increment(EC)) {
    if (!StringRef(It->path()).ends_with(".facts.json"))
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(It->path());
    if (!Buffer)
      continue;
    // Facts name files relative to the project root: this unit's, since
    // the directory holds the facts of one project.
    auto Facts = factsFromJSON((*Buffer)->getBuffer(), Root);
    if (!Facts) {
      configurationDiag("cannot use facts '%0': %1", DiagnosticIDs::Error)
          << It->path() << llvm::toString(Facts.takeError());
      continue;
    }
    // This unit's own facts are fresher than a file's.
    if (Facts->MainFile == MainFile)
      continue;
    if (Facts->Knowledge != Knowledge) {
      configurationDiag("%0", DiagnosticIDs::Error)
          << otherKnowledgeMessage(It->path(), MainFile, StoredAnalysis::Facts);
      Stale = true;
      continue;
    }
    Units.push_back(std::move(*Facts));
  }
  if (EC)
    configurationDiag("cannot read FactsDirectory '%0': %1",
                      DiagnosticIDs::Error)
        << FactsDirectory << EC.message();
  if (Stale)
    return std::nullopt;
  return Units;
}

void CallCheck::reportInThisUnit(const std::vector<CallFinding> &Findings,
                                 SourceManager &SM) {
  // Which files are this unit's must be decided before any note loads
  // another unit's file into the source manager.
  std::vector<bool> Here;
  for (const CallFinding &F : Findings) {
    auto File = SM.getFileManager().getOptionalFileRef(F.Where.File);
    Here.push_back(File && SM.translateFile(*File).isValid());
  }
  for (size_t I = 0; I < Findings.size(); ++I) {
    const CallFinding &F = Findings[I];
    SourceLocation Loc = Here[I] ? locationOf(F.Where, SM) : SourceLocation();
    if (Loc.isInvalid())
      continue;
    diag(Loc, "%0") << F.Message;
    for (const ChainStep &Step : F.Notes)
      if (SourceLocation NoteLoc = locationOf(Step.Where, SM);
          NoteLoc.isValid())
        diag(NoteLoc, "%0", DiagnosticIDs::Note) << Step.Message;
  }
}

/// noalloc-c-allocation's ReportMayAllocate, which the verdicts follow.
static bool reportsMayAllocate(const tidy::ClangTidyContext &Context) {
  const auto &Options = Context.getOptions().CheckOptions;
  auto It = Options.find("noalloc-c-allocation.ReportMayAllocate");
  return It != Options.end() && optionIsTrue(It->second.Value);
}

void CallCheck::onEndOfTranslationUnit() {
  if (!Unit)
    return;
  ASTContext &Ctx = *Unit;
  Unit = nullptr;
  std::vector<TranslationUnitFacts> Units;
  Units.push_back(extractFacts(Ctx, *knowledge(),
                               PP ? KnownLibraries(PP->getHeaderSearchInfo())
                                  : KnownLibraries()));
  if (!FactsDirectory.empty()) {
    // As the link: no verdict at all rather than one from stale facts.
    auto Others = factsDirectoryUnits(Units[0].MainFile, Units[0].Root);
    if (!Others)
      return;
    for (TranslationUnitFacts &Other : *Others)
      Units.push_back(std::move(Other));
  }
  LinkOptions Link;
  // Without the other units' facts, this unit cannot tell that a pointer
  // it only sets to null is null in the whole program.
  Link.PartialProgram = FactsDirectory.empty();
  Link.Roots = optionList(Roots);
  Link.AllowedZones = optionList(AllowedZones);
  Link.KnowledgeFiles = knowledgeFiles();
  Link.WholeProgram = LinkOptions::parseWholeProgram(WholeProgram)
                          .value_or(std::optional<bool>());
  HeapGraph Graph(std::move(Units), *knowledge(), Link);
  ReportOptions Report;
  Report.Policy = noalloc::Policy::fromOptions(Policy, FailurePaths,
                                               reportsMayAllocate(*Context));
  Report.CheckEnabled = [this](StringRef Check) {
    return Context->isCheckEnabled(Check);
  };
  Report.EveryCall = ReportEveryCall;
  // Findings in this translation unit's files only: the other units
  // report their own when clang-tidy runs on them.
  reportInThisUnit(findings(Graph, Report), Ctx.getSourceManager());
}

} // namespace noalloc
