//===--- ASTQueries.cpp - Small questions about declarations and expressions//

#include "utils/ASTQueries.h"
#include "utils/LLVMCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace noalloc {

std::string qualifiedName(const NamedDecl *D) {
  PrintingPolicy Policy(D->getASTContext().getLangOpts());
  compat::suppressInlineNamespaces(Policy);
  Policy.SuppressUnwrittenScope = true;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D->printQualifiedName(OS, Policy);
  return Name;
}

DynTypedNode parentSkippingConversions(const Expr *&E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return DynTypedNode();
    const auto *P = Parents[0].get<Expr>();
    const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(P);
    if (P && (isa<ParenExpr>(P) ||
              (Cast && Cast->getCastKind() != CK_ArrayToPointerDecay))) {
      E = P;
      Node = Parents[0];
      continue;
    }
    return Parents[0];
  }
}

bool isCertainlyNonNull(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts()))
    return Unary->getOpcode() == UO_AddrOf;
  return isa<StringLiteral>(E->IgnoreParenImpCasts());
}

bool isInInstantiation(const Decl *D) {
  for (const DeclContext *DC = isa<DeclContext>(D) ? cast<DeclContext>(D)
                                                   : D->getDeclContext();
       DC; DC = DC->getParent()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DC)) {
      if (FD->isTemplateInstantiation())
        return true;
    } else if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
      if (RD->getTemplateSpecializationKind() == TSK_ImplicitInstantiation)
        return true;
    }
  }
  return false;
}

} // namespace noalloc
