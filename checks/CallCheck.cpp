//===--- CallCheck.cpp - noalloc-call -------------------------------------===//

#include "CallCheck.h"
#include "FactExtractor.h"
#include "FactSink.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace noalloc {

static thread_local FactSink *CurrentSink = nullptr;

FactSink *currentFactSink() { return CurrentSink; }

ScopedFactSink::ScopedFactSink(FactSink &Sink) : Previous(CurrentSink) {
  CurrentSink = &Sink;
}

ScopedFactSink::~ScopedFactSink() { CurrentSink = Previous; }

static std::vector<std::string> splitList(StringRef List) {
  llvm::SmallVector<StringRef, 4> Parts;
  List.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (StringRef P : Parts)
    if (!P.trim().empty())
      Result.push_back(P.trim().str());
  return Result;
}

CallCheck::CallCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : NoallocCheck(Name, Context),
      Policy(Options.getLocalOrGlobal("Policy", "lenient")),
      Roots(Options.getLocalOrGlobal("Roots", "")),
      AllowedZones(Options.getLocalOrGlobal("AllowedZones", "")) {
  if (Policy != "lenient" && Policy != "strict")
    configurationDiag("invalid Policy '%0': expected 'lenient' or 'strict'",
                      DiagnosticIDs::Error)
        << Policy;
  Link.Strict = Policy == "strict";
  Link.Roots = splitList(Roots);
  Link.AllowedZones = splitList(AllowedZones);
}

void CallCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  NoallocCheck::storeOptions(Opts);
  Options.store(Opts, "Policy", Policy);
  Options.store(Opts, "Roots", Roots);
  Options.store(Opts, "AllowedZones", AllowedZones);
}

void CallCheck::registerMatchers(MatchFinder *Finder) {
  // Any declaration gives the AST; the work waits for the end of the unit.
  // (The tool confines matching to user code, so the translation unit
  // itself is not visited.)
  if (knowledge())
    Finder->addMatcher(functionDecl().bind("any"), this);
}

void CallCheck::markEnabled(FactSink &Sink) const {
  Sink.CallCheckEnabled = true;
}

void UnknownCallCheck::markEnabled(FactSink &Sink) const {
  Sink.UnknownCallCheckEnabled = true;
}

/// The location of \p P in this translation unit, if its file was read.
static SourceLocation locationOf(const SourcePoint &P, SourceManager &SM) {
  auto File = SM.getFileManager().getOptionalFileRef(P.File);
  if (!File)
    return SourceLocation();
  FileID ID = SM.translateFile(*File);
  if (ID.isInvalid())
    return SourceLocation();
  return SM.getComposedLoc(ID, P.Offset);
}

void CallCheck::check(const MatchFinder::MatchResult &Result) {
  Unit = Result.Context;
}

void CallCheck::onEndOfTranslationUnit() {
  if (!Unit)
    return;
  ASTContext &Context = *Unit;
  Unit = nullptr;
  // The tool links the whole program: hand the facts over, once.
  if (FactSink *Sink = currentFactSink()) {
    markEnabled(*Sink);
    if (!Sink->Facts) {
      Sink->Facts = extractFacts(Context, *knowledge());
      Sink->Link = Link;
      Sink->Link.KnowledgeFiles = knowledgeFiles();
    }
    return;
  }
  std::vector<TranslationUnitFacts> Units;
  Units.push_back(extractFacts(Context, *knowledge()));
  HeapGraph Graph(std::move(Units), *knowledge(), Link);
  SourceManager &SM = Context.getSourceManager();
  for (const CallFinding &F : findings(Graph)) {
    SourceLocation Loc = locationOf(F.Where, SM);
    if (Loc.isInvalid())
      continue;
    diag(Loc, "%0") << F.Message;
    for (const ChainStep &Step : F.Notes)
      if (SourceLocation NoteLoc = locationOf(Step.Where, SM);
          NoteLoc.isValid())
        diag(NoteLoc, "%0", DiagnosticIDs::Note) << Step.Message;
  }
}

} // namespace noalloc
