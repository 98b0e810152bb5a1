//===--- ValueSemantics.cpp - Objects of allocating types that stay in place =//

#include "knowledge/ValueSemantics.h"
#include "fixes/FixedCapacity.h"
#include "utils/ASTQueries.h"
#include "utils/LLVMCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace noalloc {

const LibraryEntry *standardLibrary(const ASTContext &Ctx,
                                    const KnowledgeBase &KB) {
  for (const LibraryEntry &L : KB.libraries()) {
    auto It = Ctx.Idents.find(L.Macro);
    if (It != Ctx.Idents.end() && It->getValue()->hasMacroDefinition())
      return &L;
  }
  return nullptr;
}

/// The arguments \p E is given in the source, not its default arguments.
static unsigned writtenArguments(const CXXConstructExpr *E) {
  unsigned N = 0;
  while (N < E->getNumArgs() && !isa<CXXDefaultArgExpr>(E->getArg(N)))
    ++N;
  return N;
}

/// A std::string from a literal that fits the small-string buffer.
static bool stringInPlace(const Expr *Arg, QualType Char,
                          const LibraryEntry &Lib) {
  const auto *Literal = dyn_cast<StringLiteral>(Arg->IgnoreParenImpCasts());
  return Literal && Char->isCharType() && Lib.StringCapacity &&
         Literal->getLength() <= *Lib.StringCapacity;
}

/// What a std::function holds in place when initialized with \p Arg: a
/// function pointer (the function itself when it is written out: 'g',
/// '&g'), or a lambda small enough for the library's buffer and trivially
/// copyable (which both libraries require to hold it in place).
static std::optional<InPlace> callableInPlace(const Expr *Arg,
                                              const LibraryEntry &Lib,
                                              const ASTContext &Ctx) {
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (E->getType()->isFunctionPointerType() || E->getType()->isFunctionType()) {
    if (const auto *AddrOf = dyn_cast<UnaryOperator>(E))
      if (AddrOf->getOpcode() == UO_AddrOf)
        E = AddrOf->getSubExpr()->IgnoreParens();
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    return InPlace{Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr};
  }
  const auto *Lambda = dyn_cast<LambdaExpr>(Arg->IgnoreImplicit());
  if (!Lambda || Lambda->getLambdaClass()->isGenericLambda() ||
      !Lib.FunctionBuffer)
    return std::nullopt;
  const CXXRecordDecl *Closure = Lambda->getLambdaClass();
  QualType T = compat::canonicalRecordType(Ctx, Closure);
  bool Fits = Ctx.getTypeSizeInChars(T).getQuantity() <= *Lib.FunctionBuffer &&
              Ctx.getTypeAlign(T) <= Ctx.getTypeAlign(Ctx.VoidPtrTy);
  if (!Fits || !Closure->isTriviallyCopyable())
    return std::nullopt;
  return InPlace{Lambda->getCallOperator()};
}

/// Whether \p Var's initial value is one \p Lib holds in place.
static std::optional<InPlace>
initialValueInPlace(const VarDecl *Var,
                    const ClassTemplateSpecializationDecl *Spec,
                    StringRef Template, const LibraryEntry &Lib,
                    const ASTContext &Ctx) {
  const auto *Construct =
      Var->getInit()
          ? dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit())
          : nullptr;
  if (!Construct)
    return std::nullopt;
  unsigned Written = writtenArguments(Construct);
  if (Written == 0)
    return llvm::is_contained(Lib.EmptyInPlace, Template)
               ? std::optional<InPlace>(InPlace())
               : std::nullopt;
  if (Written != 1)
    return std::nullopt;
  const Expr *Arg = Construct->getArg(0);
  if (Template == "std::basic_string" &&
      stringInPlace(Arg, Spec->getTemplateArgs()[0].getAsType(), Lib))
    return InPlace();
  if (Template == "std::function")
    return callableInPlace(Arg, Lib, Ctx);
  return std::nullopt;
}

std::optional<InPlace> heldInPlace(const VarDecl *Var, ASTContext &Ctx,
                                   const KnowledgeBase &KB) {
  const auto *Fn =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  if (!Var->isLocalVarDecl() || Var->isStaticLocal() || !Fn ||
      !Fn->getBody() || Var->getType()->isReferenceType())
    return std::nullopt;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Var->getType()->getAsCXXRecordDecl());
  const LibraryEntry *Lib = standardLibrary(Ctx, KB);
  if (!Spec || !Lib)
    return std::nullopt;
  std::string Template = qualifiedName(Spec->getSpecializedTemplate());
  const ReplacementEntry *R = KB.replacement(Template);
  if (!R)
    return std::nullopt;
  std::optional<InPlace> Held =
      initialValueInPlace(Var, Spec, Template, *Lib, Ctx);
  if (!Held)
    return std::nullopt;
  Uses U = summarizeUses(Var, Fn, *R, Template == "std::basic_string", Ctx);
  if (U.Escapes || U.Grows)
    return std::nullopt;
  return Held;
}

bool doesNothing(const CallExpr *Call, const FunctionEntry &Entry,
                 ASTContext &Ctx) {
  if (!Entry.NothingWhenNullArgument ||
      *Entry.NothingWhenNullArgument >= Call->getNumArgs())
    return false;
  return Call->getArg(*Entry.NothingWhenNullArgument)
      ->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
}

} // namespace noalloc
