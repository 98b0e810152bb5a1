//===--- CAllocationCheck.cpp - noalloc-c-allocation ----------------------===//

#include "CAllocationCheck.h"
#include "fixes/LocalStorage.h"
#include "knowledge/ValueSemantics.h"
#include "utils/ASTQueries.h"
#include "utils/CalleeOnce.h"
#include "utils/RunsAtRunTime.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace noalloc {
namespace {
/// What hasAnyName needs first, without printing the qualified name: that
/// \p Node's own name ends one of the names, or that it has no identifier
/// (an operator or a constructor, left to hasAnyName).
AST_MATCHER_P(FunctionDecl, mayHaveAnyName, llvm::StringSet<>, Last) {
  const IdentifierInfo *Id = Node.getIdentifier();
  return !Id || Last.contains(Id->getName());
}
} // namespace

CAllocationCheck::CAllocationCheck(StringRef Name,
                                   tidy::ClangTidyContext *Context)
    : NoallocCheck(Name, Context),
      ReportMayAllocate(Options.get("ReportMayAllocate", false)),
      StackLimit(stackLimitOption()) {}

void CAllocationCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  NoallocCheck::storeOptions(Opts);
  Options.store(Opts, "ReportMayAllocate", ReportMayAllocate);
  Options.store(Opts, "StackLimit", StackLimit);
}

void CAllocationCheck::registerMatchers(MatchFinder *Finder) {
  if (!knowledge())
    return;
  // std:: functions belong to noalloc-std-type.
  std::vector<std::string> Names =
      knowledge()->functionNames([&](const FunctionEntry &E) {
        if (StringRef(E.Name).starts_with("std::"))
          return false;
        // Failure paths are noalloc-call's (FailurePaths).
        if (E.Effect == FunctionEffect::None ||
            E.Effect == FunctionEffect::AllocatesOnFailure)
          return false;
        // A scanf format or a string literal may make the call allocate
        // (allocatingConversion, allocatingString).
        return E.Effect != FunctionEffect::MayAllocate || ReportMayAllocate ||
               E.ScanfFormatArgument || E.StringArgument;
      });
  // The compiler's builtin of a library function is that function:
  // __builtin_malloc allocates like malloc. A function with C linkage is
  // the library's whatever namespace declares it (libraryFunctionName).
  std::vector<std::string> Qualified;
  llvm::StringSet<> Last;
  for (const std::string &Name : Names) {
    Qualified.push_back("::" + Name);
    Qualified.push_back("::__builtin_" + Name);
    StringRef Own = StringRef(Name).rsplit("::").second;
    Own = Own.empty() ? StringRef(Name) : Own;
    Last.insert(Own);
    Last.insert(("__builtin_" + Own).str());
  }
  std::vector<StringRef> QualifiedRefs(Qualified.begin(), Qualified.end());
  // With _FORTIFY_SOURCE, glibc's macros call '__asprintf_chk' where the
  // code says 'asprintf' (libraryFunctionName).
  std::vector<std::string> Fortified;
  for (const std::string &Name : Names)
    if (!StringRef(Name).contains("::"))
      Fortified.push_back("__" + Name + "_chk");
  for (const std::string &Name : Fortified)
    Last.insert(Name);
  std::vector<StringRef> CNames(Fortified.begin(), Fortified.end());
  for (const std::string &Name : Names)
    if (!StringRef(Name).contains("::"))
      CNames.push_back(Name);
  // The callee first: asked once per function, it rules out most calls.
  Finder->addMatcher(
      callExpr(calleeOnce(
                   functionDecl(mayHaveAnyName(std::move(Last)),
                                anyOf(hasAnyName(QualifiedRefs),
                                      allOf(isExternC(), hasAnyName(CNames)))),
                   "fn"),
               unless(isExpansionInSystemHeader()), runsAtRunTime())
          .bind("call"),
      this);
}

/// The library function the code names, not its fortified variant
/// ('__asprintf_chk' is 'asprintf').
static std::string shownName(const FunctionDecl *Fn) {
  if (Fn->isExternC() && !Fn->getBuiltinID())
    if (std::string Library = libraryFunctionName(Fn); Library != Fn->getName())
      return Library;
  return qualifiedName(Fn);
}

std::optional<std::string>
CAllocationCheck::allocationMessage(const CallExpr &Call,
                                    const FunctionEntry &Entry,
                                    StringRef Culprit, ASTContext &Ctx) const {
  if (!Entry.WhenNullArgument || *Entry.WhenNullArgument >= Call.getNumArgs())
    return (Culprit + " allocates on the heap").str();
  // realpath(path, buffer) allocates only for a null buffer.
  unsigned Index = *Entry.WhenNullArgument;
  const Expr *Arg = Call.getArg(Index);
  if (isCertainlyNonNull(Arg) || isNullGuarded(Arg, &Call, Ctx)) {
    if (Entry.NotNullEffect != FunctionEffect::MayAllocate ||
        !ReportMayAllocate)
      return std::nullopt;
    return (Culprit + " may allocate on the heap: " + Entry.Condition).str();
  }
  std::string Position = std::to_string(Index + 1);
  if (Arg->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return (Culprit + " with a null argument " + Position +
            " allocates on the heap")
        .str();
  return (Culprit + " allocates on the heap when argument " + Position +
          " is null")
      .str();
}

std::optional<std::string> CAllocationCheck::mayAllocateMessage(
    const CallExpr &Call, const FunctionEntry &Entry, StringRef Culprit) const {
  if (std::string Conversion = allocatingConversion(&Call, Entry);
      !Conversion.empty())
    return (Culprit + " with the conversion '" + Conversion +
            "' allocates on the heap")
        .str();
  if (std::optional<std::string> String = allocatingString(&Call, Entry))
    return (Culprit + " with the string \"" + *String +
            "\" allocates on the heap")
        .str();
  if (!ReportMayAllocate)
    return std::nullopt;
  return (Culprit + " may allocate on the heap: " +
          (unreadScanfFormat(&Call, Entry)
               ? "its format is not a string literal; "
               : "") +
          Entry.Condition)
      .str();
}

std::optional<std::string> CAllocationCheck::message(const CallExpr &Call,
                                                     const FunctionEntry &Entry,
                                                     StringRef Culprit,
                                                     ASTContext &Ctx) const {
  switch (Entry.Effect) {
  case FunctionEffect::Allocates:
    return allocationMessage(Call, Entry, Culprit, Ctx);
  case FunctionEffect::Releases:
    return (Culprit + " releases heap memory").str();
  case FunctionEffect::Reallocates:
    return (Culprit + " reallocates heap memory").str();
  case FunctionEffect::MayAllocate:
    return mayAllocateMessage(Call, Entry, Culprit);
  case FunctionEffect::AllocatesOnFailure:
  case FunctionEffect::None:
    return std::nullopt;
  }
  llvm_unreachable("unknown function effect");
}

void CAllocationCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  const FunctionEntry *Entry = knowledge()->function(libraryFunctionName(Fn));
  // noalloc-new-delete owns the global operator new and delete.
  if (!Entry || !describes(*Entry, Fn) ||
      Fn->isReplaceableGlobalAllocationFunction() ||
      doesNothing(Call, *Entry, *Result.Context))
    return;
  // A 'catch' handler runs only on a failure path: noalloc-call's
  // (FailurePaths), as checkReportingCall says.
  if (isInCatchHandler(*Call, *Result.Context))
    return;
  std::optional<std::string> Message = message(
      *Call, *Entry, "call to '" + shownName(Fn) + "'", *Result.Context);
  if (!Message)
    return;
  LocalStorageFix Fix;
  if (Entry->Effect == FunctionEffect::Allocates && !Entry->WhenNullArgument)
    Fix = localArrayFor(Call, *Result.Context, StackLimit);
  report(Call->getBeginLoc(), *Result.SourceManager, *Message, Fix.Hints);
  if (!Fix.Note.empty())
    diag(Call->getBeginLoc(), "%0", DiagnosticIDs::Note) << Fix.Note;
}

} // namespace noalloc
