//===--- LocalStorage.cpp - Heap objects that can live on the stack -------===//

#include "fixes/LocalStorage.h"
#include "fixes/DestructionPoint.h"
#include "utils/ASTQueries.h"
#include "utils/ParentIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <variant>

using namespace clang;

namespace noalloc {
namespace {

/// The variable a call's result initializes, through casts.
const VarDecl *initializedVariable(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    auto Parents = parentsOf(Node, Ctx);
    if (Parents.size() != 1)
      return nullptr;
    if (const auto *Var = Parents[0].get<VarDecl>())
      return Var->getInit() && Var->isLocalVarDecl() && !Var->isStaticLocal()
                 ? Var
                 : nullptr;
    const auto *P = Parents[0].get<Expr>();
    if (!P ||
        !isa<CastExpr, ParenExpr, ExprWithCleanups, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, CXXConstructExpr>(P))
      return nullptr;
    Node = Parents[0];
  }
}

DynTypedNode parentOf(const Expr *E, ASTContext &Ctx) {
  return parentSkippingConversions(E, Ctx);
}

class References : public RecursiveASTVisitor<References> {
public:
  explicit References(const VarDecl *Var) : Var(Var) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == Var)
      Found.push_back(E);
    return true;
  }
  const VarDecl *Var;
  std::vector<const DeclRefExpr *> Found;
};

std::string text(SourceRange Range, const ASTContext &Ctx) {
  return Lexer::getSourceText(CharSourceRange::getTokenRange(Range),
                              Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

const Stmt *bodyOf(const VarDecl *Var) {
  const auto *Fn =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  return Fn ? Fn->getBody() : nullptr;
}

/// The statement \p E ends, with its ';': the whole line when \p WholeLine
/// and nothing else is on it.
CharSourceRange statementRange(const Expr *E, ASTContext &Ctx, bool WholeLine) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation After =
      Lexer::getLocForEndOfToken(E->getEndLoc(), 0, SM, Ctx.getLangOpts());
  if (After.isInvalid() || After.isMacroID())
    return CharSourceRange();
  auto [File, Offset] = SM.getDecomposedLoc(E->getBeginLoc());
  StringRef Buffer = SM.getBufferData(File);
  unsigned End = SM.getFileOffset(After);
  size_t Semi = Buffer.find_first_not_of(" \t", End);
  if (Semi == StringRef::npos || Buffer[Semi] != ';')
    return CharSourceRange();
  End = Semi + 1;
  unsigned Begin = Offset;
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  size_t LineEnd = Buffer.find('\n', End);
  // The whole line, with the newline before it, when nothing else is on it.
  if (WholeLine && LineStart > 0 &&
      Buffer.slice(LineStart, Offset).trim().empty() &&
      LineEnd != StringRef::npos && Buffer.slice(End, LineEnd).trim().empty()) {
    Begin = LineStart - 1;
    End = LineEnd;
  }
  SourceLocation FileStart = SM.getLocForStartOfFile(File);
  return CharSourceRange::getCharRange(FileStart.getLocWithOffset(Begin),
                                       FileStart.getLocWithOffset(End));
}

/// The edit that takes away the statement \p E ends ('free(p);',
/// 'delete p;'). Where that statement is the body of an if, an else, a loop
/// or a label, an empty block takes its place: removing it would hand the
/// body to the next statement, or leave none.
std::optional<FixItHint> statementRemoval(const Expr *E, ASTContext &Ctx) {
  auto Parents = parentsOf(*E, Ctx);
  bool InBlock = !Parents.empty() && Parents[0].get<CompoundStmt>();
  CharSourceRange Range = statementRange(E, Ctx, /*WholeLine=*/InBlock);
  if (Range.isInvalid())
    return std::nullopt;
  return InBlock ? FixItHint::CreateRemoval(Range)
                 : FixItHint::CreateReplacement(Range, "{}");
}

/// Why an object of type \p T may not move onto the stack, if it may not.
std::optional<std::string> tooLargeForStack(QualType T, ASTContext &Ctx,
                                            unsigned StackLimit) {
  uint64_t Size = Ctx.getTypeSizeInChars(T).getQuantity();
  if (Size <= StackLimit)
    return std::nullopt;
  return "no fix: '" + T.getAsString() + "' takes " + std::to_string(Size) +
         " bytes, more than StackLimit (" + std::to_string(StackLimit) +
         ") allows on the stack";
}

/// `T name<Init>` in place of the whole declaration of the owner.
FixItHint declareObject(const VarDecl *Var, StringRef Type, StringRef Init) {
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Var->getBeginLoc(),
                                     Var->getInit()->getEndLoc()),
      (Type + " " + Var->getName() + Init).str());
}

} // namespace

namespace {

/// The factors of a size as written: `n * sizeof(int)` is `n` and
/// `sizeof(int)`; a product spelled inside a macro is one factor.
void appendFactors(const Expr *E, std::vector<const Expr *> &Factors) {
  const auto *Product = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  if (Product && Product->getOpcode() == BO_Mul &&
      Product->getOperatorLoc().isFileID()) {
    appendFactors(Product->getLHS(), Factors);
    appendFactors(Product->getRHS(), Factors);
    return;
  }
  Factors.push_back(E);
}

bool isLiteral(const Expr *E) {
  return isa<IntegerLiteral>(E->IgnoreParenImpCasts()) &&
         E->getBeginLoc().isFileID();
}

/// The element count of a local array for \p Factors bytes (their product,
/// \p Count elements of \p Element), spelled as the user wrote the size:
/// `malloc(BLOCK)` of chars is `BLOCK` elements and `calloc(N, sizeof(int))`
/// of ints `N`, so that the fix keeps the macro or the constant; a size of
/// literals only is the number itself.
std::string countSpelling(std::vector<const Expr *> Factors, uint64_t Count,
                          QualType Element, StringRef ElementName,
                          ASTContext &Ctx) {
  uint64_t Size = Ctx.getTypeSizeInChars(Element).getQuantity();
  auto IsElementSize = [&](const Expr *E) {
    std::optional<llvm::APSInt> V = E->getIntegerConstantExpr(Ctx);
    return V && *V == Size;
  };
  // The factor that is the element's size goes: what is left counts them.
  // A 'sizeof' first: in 'calloc(4, sizeof(int))' the 4 counts the ints
  // (sizeof(int) is 2 on a 16-bit target); else the last literal, the size
  // argument of calloc.
  auto Each = llvm::find_if(Factors, [&](const Expr *E) {
    return IsElementSize(E) &&
           isa<UnaryExprOrTypeTraitExpr>(E->IgnoreParenImpCasts());
  });
  if (Each == Factors.end())
    for (auto F = Factors.rbegin(); F != Factors.rend(); ++F)
      if (IsElementSize(*F) && isLiteral(*F)) {
        Each = std::prev(F.base());
        break;
      }
  bool Divided = Size == 1 || Each != Factors.end();
  // A 'sizeof' goes even when it is 1: 'sizeof *p' names the variable that
  // the array is declared before.
  if (Each != Factors.end() &&
      (Size != 1 ||
       isa<UnaryExprOrTypeTraitExpr>((*Each)->IgnoreParenImpCasts())))
    Factors.erase(Each);
  if (llvm::all_of(Factors, isLiteral))
    return std::to_string(Count);
  std::string Product;
  for (const Expr *F : Factors) {
    std::string Text = text(F->getSourceRange(), Ctx);
    if (Text.empty())
      return std::to_string(Count);
    bool Compound =
        isa<BinaryOperator, ConditionalOperator>(F->IgnoreImpCasts());
    if (Compound && (Factors.size() > 1 || !Divided))
      Text = "(" + Text + ")";
    Product += (Product.empty() ? "" : " * ") + Text;
  }
  if (Divided)
    return Product;
  return (Factors.size() > 1 ? "(" + Product + ")" : Product) + " / sizeof(" +
         ElementName.str() + ")";
}

/// The one `free(Var)` of \p Body, or why a local array cannot take the
/// place of what \p Var points to.
std::variant<const CallExpr *, std::string>
onlyFree(const VarDecl *Var, const Stmt *Body, ASTContext &Ctx) {
  std::string Name = "'" + Var->getName().str() + "'";
  References Refs(Var);
  Refs.TraverseStmt(const_cast<Stmt *>(Body));
  const CallExpr *Free = nullptr;
  for (const DeclRefExpr *Ref : Refs.Found) {
    DynTypedNode Parent = parentOf(Ref, Ctx);
    if (const auto *Call = Parent.get<CallExpr>()) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      StringRef Called =
          Callee && Callee->getIdentifier() ? Callee->getName() : "";
      if (Called == "free" && Free)
        return Name + " is freed more than once";
      if (Called == "free")
        Free = Call;
      if (Called == "realloc" || Called == "reallocarray")
        return Name + " is passed to '" + Called.str() + "'";
      continue;
    }
    if (Parent.get<ArraySubscriptExpr>() || Parent.get<MemberExpr>())
      continue;
    if (const auto *Unary = Parent.get<UnaryOperator>())
      if (Unary->getOpcode() == UO_Deref || Unary->getOpcode() == UO_LNot)
        continue;
    if (const auto *Binary = Parent.get<BinaryOperator>())
      if (Binary->isComparisonOp() || Binary->isAdditiveOp())
        continue;
    if (Parent.get<IfStmt>())
      continue;
    // Returned, assigned, stored: it may outlive the function.
    return Name + " may outlive the function (returned, assigned or stored)";
  }
  if (!Free || Free->getBeginLoc().isMacroID())
    return Name + " is not freed in the same function";
  return Free;
}

/// The bytes `malloc(N)` or `calloc(n, size)` asks for, if constant, and
/// the factors they are written as.
std::optional<uint64_t> constantBytes(const CallExpr *Call, ASTContext &Ctx,
                                      std::vector<const Expr *> &Factors) {
  uint64_t Bytes = 1;
  for (const Expr *Arg : Call->arguments()) {
    std::optional<llvm::APSInt> V = Arg->getIntegerConstantExpr(Ctx);
    if (!V)
      return std::nullopt;
    Bytes *= V->getZExtValue();
    appendFactors(Arg, Factors);
  }
  return Bytes;
}

} // namespace

/// \p Declaration on a line of its own before \p Var's, indented like it.
static FixItHint declareBefore(const VarDecl *Var,
                               const std::string &Declaration,
                               const SourceManager &SM) {
  SourceLocation DeclBegin = Var->getBeginLoc();
  unsigned Column = SM.getSpellingColumnNumber(DeclBegin);
  return FixItHint::CreateInsertion(
      DeclBegin, Declaration + "\n" + std::string(Column - 1, ' '));
}

LocalStorageFix localArrayFor(const CallExpr *Malloc, ASTContext &Ctx,
                              unsigned StackLimit) {
  LocalStorageFix Fix;
  // Only malloc and calloc: valloc and friends promise an alignment.
  StringRef Allocator = Malloc->getDirectCallee()->getName();
  bool Zeroed = Allocator == "calloc";
  if ((Allocator != "malloc" && !Zeroed) ||
      Malloc->getNumArgs() != (Zeroed ? 2u : 1u))
    return Fix;
  auto NoFix = [&](const std::string &Why) {
    Fix.Note = "no fix: " + Why;
    return Fix;
  };
  // The fix's shape: `T *p = malloc(...)` in a function. Other uses
  // (assigned to a global, returned, passed on) are not candidates.
  const VarDecl *Var = initializedVariable(Malloc, Ctx);
  const Stmt *Body = Var ? bodyOf(Var) : nullptr;
  if (!Var || !Body || !Var->getType()->isPointerType())
    return Fix;
  if (Malloc->getBeginLoc().isMacroID())
    return NoFix("the call is written in a macro");
  std::vector<const Expr *> Factors;
  std::optional<uint64_t> Bytes = constantBytes(Malloc, Ctx, Factors);
  if (!Bytes)
    return NoFix("the number of bytes is not a constant");
  QualType Element = Var->getType()->getPointeeType();
  if (Element->isVoidType() || Element->isIncompleteType() ||
      Element.isConstQualified())
    return NoFix("a '" + Var->getType().getAsString() +
                 "' could hold anything, so the alignment it needs is unknown");
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  std::string ElementName = Element.getUnqualifiedType().getAsString(Policy);
  uint64_t Size = Ctx.getTypeSizeInChars(Element).getQuantity();
  uint64_t N = *Bytes;
  if (Size == 0 || N == 0 || N % Size != 0)
    return NoFix(std::to_string(N) + " bytes are not a whole number of '" +
                 ElementName + "' elements");
  if (N > StackLimit)
    return NoFix(std::to_string(N) + " bytes are more than StackLimit (" +
                 std::to_string(StackLimit) + ") allows on the stack");
  auto Free = onlyFree(Var, Body, Ctx);
  if (const std::string *Why = std::get_if<std::string>(&Free))
    return NoFix(*Why);
  std::optional<FixItHint> FreeRemoval =
      statementRemoval(std::get<const CallExpr *>(Free), Ctx);
  if (!FreeRemoval)
    return NoFix("'free(" + Var->getName().str() +
                 ")' is not a statement of its own");
  std::string Storage = Var->getName().str() + "_storage";
  std::string Declared =
      ElementName + " " + Storage + "[" +
      countSpelling(Factors, N / Size, Element, ElementName, Ctx) + "]";
  std::string Array =
      Declared +
      (Zeroed ? (Ctx.getLangOpts().CPlusPlus ? "{}" : " = {0}") : "") + ";";
  Fix.Hints = {
      declareBefore(Var, Array, Ctx.getSourceManager()),
      FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Var->getInit()->getSourceRange()),
          Storage),
      *FreeRemoval};
  Fix.Note = "replace with a local array '" + Declared +
             "': it is freed in the same function";
  return Fix;
}

/// The rewrites of \p Var's uses when the std::unique_ptr it holds becomes
/// the object itself ('p->x' is 'p.x', '*p' is 'p', 'p.get()' is '&p'),
/// none when one uses it as an owner.
static std::optional<std::vector<FixItHint>>
objectUsesOfUniquePtr(const VarDecl *Var, const Stmt *Body, ASTContext &Ctx) {
  std::vector<FixItHint> Uses;
  References Refs(Var);
  Refs.TraverseStmt(const_cast<Stmt *>(Body));
  std::string Name = Var->getName().str();
  for (const DeclRefExpr *Use : Refs.Found) {
    DynTypedNode Parent = parentOf(Use, Ctx);
    const auto *Op = Parent.get<CXXOperatorCallExpr>();
    if (Op && Op->getOperator() == OO_Arrow) {
      // p->member: the arrow becomes a dot.
      DynTypedNode Member = parentOf(Op, Ctx);
      const auto *ME = Member.get<MemberExpr>();
      if (!ME || !ME->isArrow() || ME->getOperatorLoc().isMacroID())
        return std::nullopt;
      Uses.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(ME->getOperatorLoc()), "."));
      continue;
    }
    if (Op && Op->getOperator() == OO_Star && Op->getNumArgs() == 1) {
      Uses.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Op->getSourceRange()), Name));
      continue;
    }
    if (const auto *ME = Parent.get<MemberExpr>();
        ME && !ME->isArrow() && ME->getMemberNameInfo().getAsString() == "get")
      if (const auto *Get = parentOf(ME, Ctx).get<CXXMemberCallExpr>()) {
        Uses.push_back(FixItHint::CreateReplacement(
            CharSourceRange::getTokenRange(Get->getSourceRange()), "&" + Name));
        continue;
      }
    return std::nullopt;
  }
  return Uses;
}

/// "(a, b)" as written, "{}" for no arguments (which value-initializes, as
/// make_unique does).
static std::string argumentsText(const CallExpr *Call, ASTContext &Ctx) {
  if (Call->getNumArgs() == 0)
    return "{}";
  return "(" +
         text(SourceRange(Call->getArg(0)->getBeginLoc(),
                          Call->getArg(Call->getNumArgs() - 1)->getEndLoc()),
              Ctx) +
         ")";
}

LocalStorageFix automaticObjectFor(const CallExpr *MakeUnique, ASTContext &Ctx,
                                   unsigned StackLimit) {
  LocalStorageFix Fix;
  const FunctionDecl *Callee = MakeUnique->getDirectCallee();
  const auto *Ref =
      dyn_cast<DeclRefExpr>(MakeUnique->getCallee()->IgnoreImpCasts());
  const VarDecl *Var = initializedVariable(MakeUnique, Ctx);
  const Stmt *Body = Var ? bodyOf(Var) : nullptr;
  if (!Callee || !Ref || !Ref->hasExplicitTemplateArgs() ||
      Ref->getNumTemplateArgs() != 1 || !Var || !Body ||
      MakeUnique->getBeginLoc().isMacroID() || Var->getBeginLoc().isMacroID())
    return Fix;
  QualType T = Ref->template_arguments()[0].getArgument().getAsType();
  const auto *Class = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (T.isNull() || T->isArrayType() || T->isIncompleteType() ||
      (Class && Class->isAbstract()))
    return Fix;
  if (std::optional<std::string> Why = tooLargeForStack(T, Ctx, StackLimit)) {
    Fix.Note = *Why;
    return Fix;
  }
  std::string Name = Var->getName().str();
  std::optional<std::vector<FixItHint>> Uses =
      objectUsesOfUniquePtr(Var, Body, Ctx);
  if (!Uses) {
    Fix.Note = "no fix: '" + Name +
               "' is used as an owner (moved, reset, "
               "released, passed or returned)";
    return Fix;
  }
  // `auto p = std::make_unique<T>(a, b)` becomes `T p(a, b)`; with no
  // arguments `T p{}`, which value-initializes as make_unique does.
  std::string Type = text(Ref->template_arguments()[0].getSourceRange(), Ctx);
  Fix.Hints.push_back(declareObject(Var, Type, argumentsText(MakeUnique, Ctx)));
  llvm::append_range(Fix.Hints, *Uses);
  Fix.Note = "replace with an automatic object '" + Type + " " + Name +
             "': it never leaves the function";
  return Fix;
}

namespace {
/// What becomes of the uses of a pointer to a new object when the object
/// becomes a local.
struct PointerUses {
  std::vector<FixItHint> Rewrites;
  const CXXDeleteExpr *Delete = nullptr;
  /// Why there is no fix ("is deleted more than once"), or empty.
  std::string Refused;
};
} // namespace

static PointerUses pointerUsesOfNew(const VarDecl *Var, const Stmt *Body,
                                    ASTContext &Ctx) {
  PointerUses Result;
  std::string Name = Var->getName().str();
  References Refs(Var);
  Refs.TraverseStmt(const_cast<Stmt *>(Body));
  for (const DeclRefExpr *Use : Refs.Found) {
    DynTypedNode Parent = parentOf(Use, Ctx);
    if (const auto *D = Parent.get<CXXDeleteExpr>()) {
      if (Result.Delete || D->isArrayForm()) {
        Result.Refused = "is deleted more than once";
        return Result;
      }
      Result.Delete = D;
      continue;
    }
    if (const auto *ME = Parent.get<MemberExpr>(); ME && ME->isArrow()) {
      Result.Rewrites.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(ME->getOperatorLoc()), "."));
      continue;
    }
    if (const auto *Unary = Parent.get<UnaryOperator>();
        Unary && Unary->getOpcode() == UO_Deref) {
      Result.Rewrites.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Unary->getSourceRange()), Name));
      continue;
    }
    // f(p): the callee gets the object's address, as before.
    if (Parent.get<CallExpr>() && !Parent.get<CXXMemberCallExpr>()) {
      Result.Rewrites.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Use->getSourceRange()), "&" + Name));
      continue;
    }
    Result.Refused = "is used as a pointer of its own "
                     "(compared, assigned, returned or stored)";
    return Result;
  }
  return Result;
}

/// The new-expression's initializer as the local's: "(a, b)", "{a, b}", or
/// "{}" for none or "()" (value-initialization either way).
static std::string initializerText(const CXXNewExpr *New, ASTContext &Ctx) {
  std::string Init = "{}";
  if (const Expr *Initializer = New->getInitializer()) {
    SourceRange Parens = New->getDirectInitRange();
    if (Parens.isValid())
      Init = text(Parens, Ctx);
    else if (isa<InitListExpr>(Initializer))
      Init = text(Initializer->getSourceRange(), Ctx);
  }
  return Init == "()" ? "{}" : Init;
}

LocalStorageFix automaticObjectForNew(const CXXNewExpr *New, ASTContext &Ctx,
                                      unsigned StackLimit) {
  LocalStorageFix Fix;
  const VarDecl *Var = initializedVariable(New, Ctx);
  const Stmt *Body = Var ? bodyOf(Var) : nullptr;
  if (!Var || !Body || New->isArray() || New->getNumPlacementArgs() ||
      New->getBeginLoc().isMacroID() || Var->getBeginLoc().isMacroID() ||
      !Var->getType()->isPointerType())
    return Fix;
  QualType T = New->getAllocatedType();
  const auto *Class = T->getAsCXXRecordDecl();
  if (T->isIncompleteType() || (Class && Class->isAbstract()) ||
      !Ctx.hasSameUnqualifiedType(T, Var->getType()->getPointeeType()))
    return Fix;
  if (std::optional<std::string> Why = tooLargeForStack(T, Ctx, StackLimit)) {
    Fix.Note = *Why;
    return Fix;
  }
  std::string Name = Var->getName().str();
  PointerUses Uses = pointerUsesOfNew(Var, Body, Ctx);
  if (!Uses.Refused.empty()) {
    Fix.Note = "no fix: '" + Name + "' " + Uses.Refused;
    return Fix;
  }
  const CXXDeleteExpr *Delete = Uses.Delete;
  std::optional<FixItHint> DeleteRemoval =
      Delete && !Delete->getBeginLoc().isMacroID()
          ? statementRemoval(Delete, Ctx)
          : std::nullopt;
  if (!DeleteRemoval) {
    Fix.Note = "no fix: '" + Name + "' is not deleted in the same function";
    return Fix;
  }
  if (std::optional<std::string> Why = destructionMoves(Var, Delete, Ctx)) {
    Fix.Note = *Why;
    return Fix;
  }
  std::string Type = New->getAllocatedTypeSourceInfo()
                         ? text(New->getAllocatedTypeSourceInfo()
                                    ->getTypeLoc()
                                    .getSourceRange(),
                                Ctx)
                         : T.getAsString();
  Fix.Hints.push_back(declareObject(Var, Type, initializerText(New, Ctx)));
  llvm::append_range(Fix.Hints, Uses.Rewrites);
  Fix.Hints.push_back(*DeleteRemoval);
  Fix.Note = "replace with an automatic object '" + Type + " " + Name +
             "': it is deleted in the same function";
  return Fix;
}

} // namespace noalloc
