//===--- FixedCapacity.cpp - Fix-its toward fixed-capacity storage --------===//

#include "fixes/FixedCapacity.h"
#include "utils/ASTQueries.h"
#include "utils/ParentIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace noalloc {

static bool contains(const std::vector<std::string> &List, StringRef Name) {
  return llvm::is_contained(List, Name);
}

static std::optional<uint64_t> constantValue(const Expr *E, ASTContext &Ctx) {
  if (!E || E->isValueDependent())
    return std::nullopt;
  if (auto V = E->getIntegerConstantExpr(Ctx))
    if (V->isNonNegative())
      return V->getZExtValue();
  return std::nullopt;
}

namespace {

class UseScanner : public RecursiveASTVisitor<UseScanner> {
public:
  /// \p Object null: a temporary of type \p Type, whose uses classify()
  /// is asked about.
  UseScanner(const ValueDecl *Object, QualType Type, const ReplacementEntry &R,
             bool StringLike, ASTContext &Ctx)
      : Object(Object), Type(Type), R(R), StringLike(StringLike), Ctx(Ctx) {}
  UseScanner(const ValueDecl *Object, const ReplacementEntry &R,
             bool StringLike, ASTContext &Ctx)
      : UseScanner(Object, Object->getType(), R, StringLike, Ctx) {}

  /// Whether a scan also walks the code that templates instantiate (the
  /// code that runs), not only what is written.
  bool EveryInstantiation = false;
  bool shouldVisitTemplateInstantiations() const { return EveryInstantiation; }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == Object)
      classify(E);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->getMemberDecl() == Object)
      classify(E);
    return true;
  }
  /// 'auto &[v] = s': the binding names the member with no expression of
  /// its own, and its uses are the binding's.
  bool VisitDecompositionDecl(DecompositionDecl *D) {
    for (const BindingDecl *B : D->bindings())
      if (const auto *M = dyn_cast_or_null<MemberExpr>(
              B->getBinding() ? B->getBinding()->IgnoreImplicit() : nullptr);
          M && M->getMemberDecl() == Object)
        escape("a structured binding names it");
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *E) {
    for (const LambdaCapture &C : E->captures())
      if (C.capturesVariable() && C.getCapturedVar() == Object)
        escape("a lambda captures it");
    return true;
  }

  Uses Result;

private:
  void escape(StringRef Why) {
    if (!Result.Escapes)
      Result.EscapeReason = Why.str();
    Result.Escapes = true;
  }

  DynTypedNode parentOf(const Expr *&E) {
    return parentSkippingConversions(E, Ctx);
  }

  /// Constant-bounded for loops around \p E multiply the elements a
  /// push_back adds; any other loop makes the count unknown.
  std::optional<uint64_t> repetitions(const Expr *E) {
    uint64_t Times = 1;
    DynTypedNode Node = DynTypedNode::create(*E);
    while (true) {
      auto Parents = parentsOf(Node, Ctx);
      if (Parents.empty())
        return Times;
      const DynTypedNode &P = Parents[0];
      if (P.get<FunctionDecl>() || P.get<LambdaExpr>())
        return Times;
      if (const auto *For = P.get<ForStmt>()) {
        const auto *Cond = dyn_cast_or_null<BinaryOperator>(For->getCond());
        std::optional<uint64_t> Bound =
            Cond && (Cond->getOpcode() == BO_LT || Cond->getOpcode() == BO_NE)
                ? constantValue(Cond->getRHS(), Ctx)
                : std::nullopt;
        // for (i = 0; i < N; ++i): only a loop that starts at zero.
        const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit());
        const auto *IV = Init && Init->isSingleDecl()
                             ? dyn_cast<VarDecl>(Init->getSingleDecl())
                             : nullptr;
        // ... that tests and steps its own variable by one.
        const auto *Tested =
            Cond ? dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts())
                 : nullptr;
        const auto *Step = dyn_cast_or_null<UnaryOperator>(For->getInc());
        if (!Bound || !IV || constantValue(IV->getInit(), Ctx) != 0 ||
            !Tested || Tested->getDecl() != IV || !Step ||
            !Step->isIncrementOp() ||
            !isa<DeclRefExpr>(Step->getSubExpr()->IgnoreParenImpCasts()) ||
            cast<DeclRefExpr>(Step->getSubExpr()->IgnoreParenImpCasts())
                    ->getDecl() != IV)
          return std::nullopt;
        Times *= *Bound;
      } else if (P.get<WhileStmt>() || P.get<DoStmt>() ||
                 P.get<CXXForRangeStmt>()) {
        return std::nullopt;
      }
      Node = P;
    }
  }

  void member(StringRef Name, const CallExpr *Call) {
    if (contains(R.ReadMembers, Name))
      return;
    if (!contains(R.GrowthMembers, Name)) {
      escape("it calls '" + Name.str() + "'");
      return;
    }
    Result.Grows = true;
    // Members that only remove elements need no more room than there was.
    if (is_contained(
            {"pop_back", "pop_front", "clear", "erase", "shrink_to_fit"}, Name))
      return;
    if (Name == "reserve" && Call && Call->getNumArgs() == 1) {
      std::optional<uint64_t> N = constantValue(Call->getArg(0), Ctx);
      if (!N) {
        Result.CountableGrowth = false;
        return;
      }
      Result.Reserved = std::max(Result.Reserved.value_or(0), *N);
      return;
    }
    if ((Name == "push_back" || Name == "emplace_back") && Call) {
      std::optional<uint64_t> Times = repetitions(Call);
      if (Times && Result.Pushed)
        Result.Pushed = *Result.Pushed + *Times;
      else
        Result.Pushed.reset();
      return;
    }
    Result.CountableGrowth = false;
  }

  /// Whether \p Call gives back an object of the variable's own type
  /// ('text.substr(1)'): once fixed, it has the replacement's type too.
  bool givesSameType(const CallExpr *Call) {
    return Call &&
           Ctx.hasSameUnqualifiedType(Call->getType().getNonReferenceType(),
                                      Type.getNonReferenceType());
  }

  /// Classifies the uses of \p Call's result as uses of the variable,
  /// past the temporary that holds it. A statement of its own
  /// ('text.append("x");') leaves it unused.
  void classifyResult(const CallExpr *Call) {
    const Expr *E = Call;
    DynTypedNode Parent = parentOf(E);
    while (isa_and_nonnull<MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                           ExprWithCleanups>(Parent.get<Expr>())) {
      E = Parent.get<Expr>();
      Parent = parentOf(E);
    }
    if (!Parent.get<CompoundStmt>())
      classify(E);
  }

public:
  /// Classifies the use \p E, an expression of the object, makes of it.
  void classify(const Expr *E) {
    DynTypedNode Parent = parentOf(E);
    // In a template, a member of a dependent type: 'Items.size()'.
    if (const auto *D = Parent.get<CXXDependentScopeMemberExpr>()) {
      const Expr *DE = D;
      member(D->getMember().getAsString(), parentOf(DE).get<CallExpr>());
      return;
    }
    if (const auto *M = Parent.get<MemberExpr>()) {
      const Expr *ME = M;
      const auto *Call = parentOf(ME).get<CallExpr>();
      member(M->getMemberNameInfo().getAsString(), Call);
      if (givesSameType(Call))
        classifyResult(Call);
      return;
    }
    if (const auto *Op = Parent.get<CXXOperatorCallExpr>()) {
      std::string Name =
          std::string("operator") + getOperatorSpelling(Op->getOperator());
      if (Op->getNumArgs() > 0 &&
          Op->getArg(0)->IgnoreImpCasts() == E->IgnoreImpCasts() &&
          isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee())) {
        member(Name, Op);
        return;
      }
      // s == "x", out << s: fine for a view, not for a container.
      // s == "x", out << s: a view does these too; s + t it does not
      // before C++26.
      if (StringLike &&
          (Op->isComparisonOp() || Op->getOperator() == OO_LessLess))
        return;
      escape("it is an operand of '" + Name + "'");
      return;
    }
    if (const auto *Range = Parent.get<CXXForRangeStmt>()) {
      (void)Range;
      return;
    }
    if (const auto *Var = Parent.get<VarDecl>())
      if (Var->isImplicit() && Var->getType()->isReferenceType())
        return; // The __range variable of a range-for.
    if (StringLike)
      if (const auto *Call = Parent.get<CallExpr>())
        if (const FunctionDecl *Fn = Call->getDirectCallee())
          for (unsigned I = 0; I < Call->getNumArgs() && I < Fn->getNumParams();
               ++I)
            if (Call->getArg(I)->IgnoreImpCasts() == E->IgnoreImpCasts()) {
              QualType T = Fn->getParamDecl(I)->getType().getNonReferenceType();
              if (const auto *RD = T->getAsCXXRecordDecl())
                if (RD->getName() == "basic_string_view")
                  return;
            }
    escape("it is used as a whole (passed, returned or assigned)");
  }

private:
  const ValueDecl *Object;
  QualType Type;
  const ReplacementEntry &R;
  bool StringLike;
  ASTContext &Ctx;
};

} // namespace

Uses summarizeUses(const VarDecl *Var, const FunctionDecl *Fn,
                   const ReplacementEntry &Replacement, bool StringLike,
                   ASTContext &Ctx) {
  // Parents of Fn's code without clang's map, if Fn is an instantiation.
  indexDeclaration(*Fn, Ctx);
  UseScanner Scanner(Var, Replacement, StringLike, Ctx);
  // A constructor's parameters are also used by its member initializers.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Fn))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        Scanner.TraverseStmt(Init->getInit());
  Scanner.TraverseStmt(Fn->getBody());
  return Scanner.Result;
}

Uses summarizeMemberUses(const FieldDecl *Field,
                         const ReplacementEntry &Replacement, bool StringLike,
                         ASTContext &Ctx) {
  UseScanner Scanner(Field, Replacement, StringLike, Ctx);
  const RecordDecl *Class = Field->getParent();
  indexDeclaration(*Class, Ctx);
  for (const FieldDecl *Member : Class->fields())
    if (const Expr *Init = Member->getInClassInitializer())
      Scanner.TraverseStmt(const_cast<Expr *>(Init));
  // Implicit members copy or move it as a whole, which keeps what every
  // object holds; the written ones are the class's own uses.
  for (const Decl *D : Class->decls()) {
    const auto *Fn = dyn_cast<FunctionDecl>(D);
    const FunctionDecl *Definition = nullptr;
    if (!Fn || Fn->isImplicit() || Fn->isDefaulted() ||
        !Fn->hasBody(Definition))
      continue;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten() && Init->getMember() != Field)
          Scanner.TraverseStmt(Init->getInit());
    Scanner.TraverseStmt(Definition->getBody());
  }
  return Scanner.Result;
}

Uses summarizeUsesIn(const ValueDecl *Object, const Stmt *Code,
                     const ReplacementEntry &Replacement, bool StringLike,
                     ASTContext &Ctx) {
  UseScanner Scanner(Object, Replacement, StringLike, Ctx);
  Scanner.TraverseStmt(const_cast<Stmt *>(Code));
  return Scanner.Result;
}

Uses summarizeTemporaryUses(const MaterializeTemporaryExpr *Temporary,
                            const ReplacementEntry &Replacement,
                            bool StringLike, ASTContext &Ctx) {
  UseScanner Scanner(nullptr, Temporary->getType(), Replacement, StringLike,
                     Ctx);
  Scanner.classify(Temporary);
  return Scanner.Result;
}

Uses summarizeMemberUsesInUnit(const FieldDecl *Field,
                               const ReplacementEntry &Replacement,
                               bool StringLike, ASTContext &Ctx) {
  UseScanner Scanner(Field, Replacement, StringLike, Ctx);
  Scanner.EveryInstantiation = true;
  Scanner.TraverseDecl(Ctx.getTranslationUnitDecl());
  return Scanner.Result;
}

std::optional<uint64_t> initialSize(const VarDecl *Var, ASTContext &Ctx,
                                    bool &FillValue) {
  FillValue = false;
  const Expr *Init = Var->getInit();
  if (!Init)
    return 0;
  Init = Init->IgnoreImplicit();
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
  if (!Construct)
    return std::nullopt;
  if (Construct->getNumArgs() == 0 ||
      isa<CXXDefaultArgExpr>(Construct->getArg(0)))
    return 0;
  const Expr *First = Construct->getArg(0)->IgnoreImplicit();
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(First))
    if (const auto *Elements =
            dyn_cast<InitListExpr>(List->getSubExpr()->IgnoreImplicit()))
      return Elements->getNumInits();
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (!Ctor || Ctor->getNumParams() == 0 ||
      !Ctor->getParamDecl(0)->getType()->isIntegerType())
    return std::nullopt;
  FillValue = Construct->getNumArgs() > 1 &&
              !isa<CXXDefaultArgExpr>(Construct->getArg(1));
  return constantValue(First, Ctx);
}

static bool canInclude(StringRef Header, Preprocessor &PP) {
  bool Angled = Header.starts_with("<");
  StringRef Name = Header.drop_front().drop_back();
  // Quoted names are looked up like angled ones: from the include paths.
  (void)Angled;
  ConstSearchDirIterator CurDir = nullptr;
  return PP.getHeaderSearchInfo()
      .LookupFile(Name, SourceLocation(), /*isAngled=*/true, nullptr, &CurDir,
                  {}, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr)
      .has_value();
}

const ReplacementTemplate *chooseTarget(const ReplacementEntry &Entry,
                                        StringRef Wanted, Preprocessor &PP) {
  for (const ReplacementTemplate &T : Entry.Targets) {
    if (Wanted != "auto" && T.Library != Wanted)
      continue;
    if (canInclude(T.Header, PP))
      return &T;
  }
  return nullptr;
}

std::string instantiate(StringRef Template, StringRef Argument,
                        uint64_t Capacity) {
  std::string Result;
  for (size_t I = 0; I < Template.size(); ++I) {
    if (Template.substr(I).starts_with("{0}")) {
      Result += Argument;
      I += 2;
    } else if (Template.substr(I).starts_with("{N}")) {
      Result += std::to_string(Capacity);
      I += 2;
    } else {
      Result += Template[I];
    }
  }
  return Result;
}

std::string listTargets(const ReplacementEntry &Entry) {
  std::string List;
  for (const ReplacementTemplate &T : Entry.Targets) {
    if (!List.empty())
      List += ", ";
    List += "'" + instantiate(T.Template, "T", 0) + "'";
  }
  // "{N}" reads better as N in prose.
  size_t Pos;
  while ((Pos = List.find(", 0>")) != std::string::npos)
    List.replace(Pos, 4, ", N>");
  while ((Pos = List.find("<0>")) != std::string::npos)
    List.replace(Pos, 3, "<N>");
  return List;
}

} // namespace noalloc
