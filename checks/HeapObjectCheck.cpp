//===--- HeapObjectCheck.cpp - Objects whose type owns heap memory --------===//

#include "HeapObjectCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace noalloc {

void HeapObjectCheck::registerMatchers(MatchFinder *Finder) {
  if (!knowledge())
    return;
  auto InUserCode = unless(isExpansionInSystemHeader());
  Finder->addMatcher(
      varDecl(InUserCode, unless(parmVarDecl()), isDefinition()).bind("var"),
      this);
  Finder->addMatcher(fieldDecl(InUserCode, unless(isImplicit())).bind("field"),
                     this);
  Finder->addMatcher(
      cxxConstructExpr(InUserCode, unless(isInTemplateInstantiation()))
          .bind("construct"),
      this);
  Finder->addMatcher(
      callExpr(InUserCode, unless(isInTemplateInstantiation()),
               callee(functionDecl(isExpansionInSystemHeader()).bind("fn")))
          .bind("call"),
      this);
}

HeapTypeVerdict HeapObjectCheck::verdictFor(QualType T) const {
  HeapTypeVerdict V = classifyType(T, *knowledge());
  if (V.Use == HeapUse::None || !reports(V.Use))
    return {};
  return V;
}

/// Skips the nodes that only carry a value to where it is stored.
static DynTypedNode storageParent(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return Node;
    const Expr *P = Parents[0].get<Expr>();
    if (!P || !(isa<ExprWithCleanups, MaterializeTemporaryExpr,
                    CXXBindTemporaryExpr, ImplicitCastExpr, ParenExpr,
                    CXXFunctionalCastExpr>(P) ||
                (isa<CXXConstructExpr>(P) &&
                 cast<CXXConstructExpr>(P)->getConstructor() &&
                 (cast<CXXConstructExpr>(P)
                      ->getConstructor()
                      ->isCopyOrMoveConstructor()))))
      return Parents[0];
    Node = Parents[0];
  }
}

bool HeapObjectCheck::initializesReportedDecl(const Expr *E,
                                              ASTContext &Ctx) const {
  DynTypedNode Parent = storageParent(E, Ctx);
  if (const auto *Var = Parent.get<VarDecl>())
    return !isa<ParmVarDecl>(Var) && verdictFor(Var->getType()).Use !=
                                         HeapUse::None;
  if (const auto *Field = Parent.get<FieldDecl>())
    return verdictFor(Field->getType()).Use != HeapUse::None;
  if (const auto *Init = Parent.get<CXXCtorInitializer>())
    return Init->isAnyMemberInitializer() &&
           verdictFor(Init->getAnyMember()->getType()).Use != HeapUse::None;
  return false;
}

static std::string quoted(StringRef S) { return "'" + S.str() + "'"; }

void HeapObjectCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;

  if (const auto *Var = Result.Nodes.getNodeAs<VarDecl>("var")) {
    if (isInInstantiation(Var))
      return;
    HeapTypeVerdict V = verdictFor(Var->getType());
    if (V.Use == HeapUse::None)
      return;
    std::string Name = Var->getName().empty()
                           ? "variable"
                           : "variable " + quoted(Var->getName());
    report(Var->getLocation(), SM,
           Name + " of type " + quoted(typeName(Var->getType(), Ctx)) + " " +
               consequence(V, Ctx));
    return;
  }

  if (const auto *Field = Result.Nodes.getNodeAs<FieldDecl>("field")) {
    if (isInInstantiation(Field))
      return;
    HeapTypeVerdict V = verdictFor(Field->getType());
    if (V.Use == HeapUse::None)
      return;
    report(Field->getLocation(), SM,
           "member " + quoted(Field->getName()) + " of type " +
               quoted(typeName(Field->getType(), Ctx)) + " " +
               consequence(V, Ctx));
    return;
  }

  if (const auto *Construct =
          Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    // Moving hands over the buffer; it does not allocate.
    if (!Ctor || Ctor->isMoveConstructor())
      return;
    HeapTypeVerdict V = verdictFor(Construct->getType());
    if (V.Use == HeapUse::None || initializesReportedDecl(Construct, Ctx))
      return;
    report(Construct->getBeginLoc(), SM,
           "construction of " + quoted(typeName(Construct->getType(), Ctx)) +
               " " + consequence(V, Ctx));
    return;
  }

  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  std::string FnName = quoted(qualifiedName(Fn));
  HeapTypeVerdict V = verdictFor(Call->getType());
  if (V.Use != HeapUse::None) {
    if (initializesReportedDecl(Call, Ctx))
      return;
    report(Call->getBeginLoc(), SM,
           "call to " + FnName + " returns " +
               quoted(typeName(Call->getType(), Ctx, /*UserWritten=*/false)) +
               ", which " +
               consequence(V, Ctx));
    return;
  }
  if (!reportsLibraryCalls())
    return;
  // Other library functions belong to noalloc-c-allocation.
  std::string Name = qualifiedName(Fn);
  if (!StringRef(Name).starts_with("std::"))
    return;
  const FunctionEntry *Entry = knowledge()->function(Name);
  if (!Entry || Entry->Effect != FunctionEffect::Allocates)
    return;
  report(Call->getBeginLoc(), SM, "call to " + FnName + " allocates on the heap");
}

} // namespace noalloc
