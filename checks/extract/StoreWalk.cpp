//===--- StoreWalk.cpp - What user code stores into its callables ---------===//

#include "extract/StoreWalk.h"
#include "utils/ASTQueries.h"
#include "utils/LLVMCompat.h"
#include "utils/ParentIndex.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/SaveAndRestore.h"
#include <optional>
#include <type_traits>

using namespace clang;

namespace noalloc {
namespace {

/// An override declared here and defined in another file: a virtual call
/// may reach it, so the link must know it exists, bodiless.
bool isUnseenOverride(const FunctionDecl *FD) {
  const auto *M = dyn_cast<CXXMethodDecl>(FD);
  if (!M || M->size_overridden_methods() == 0 || M->isImplicit() ||
      M->isPureVirtual() || M->hasBody() || M != M->getCanonicalDecl())
    return false;
  // A class template's member that is not instantiated yet has its body.
  const FunctionDecl *Pattern = M->getTemplateInstantiationPattern();
  return !(Pattern && Pattern->hasBody());
}

/// Finds every function defined in user code, instantiations included,
/// and the functions whose address a global initializer takes.
class DefinitionCollector {
public:
  void function(const FunctionDecl *FD) {
    if (FD->isDependentContext() || FD->isInvalidDecl())
      return;
    // An alias is defined here too, by the function it names.
    if ((FD->isThisDeclarationADefinition() && FD->hasBody()) ||
        isUnseenOverride(FD) || FD->hasAttr<AliasAttr>())
      add(UnitDefinitions::Kind::Defined, FD, nullptr);
  }
  /// Functions whose address a global initializer takes: handler tables.
  void reference(const DeclRefExpr *E) {
    if (const auto *FD = dyn_cast<FunctionDecl>(E->getDecl()))
      if (!FD->isDependentContext() && InGlobalInitializer)
        add(UnitDefinitions::Kind::Referenced, FD, E);
  }
  /// `(handler_fn)on_event`, `reinterpret_cast<Hook>(&grab)`: user code
  /// stores functions into pointers of other types (GLib's
  /// `(GDestroyNotify)`, handler tables, message maps).
  void cast(const ExplicitCastExpr *E) {
    if (!calledFunctionType(E->getType()).first->isFunctionType())
      return;
    const Expr *From = E->getSubExpr();
    while (true) {
      From = From->IgnoreParenCasts();
      const auto *Address = dyn_cast<UnaryOperator>(From);
      if (!Address || Address->getOpcode() != UO_AddrOf)
        break;
      From = Address->getSubExpr();
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(From);
    const auto *FD = Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
    if (FD && !FD->isDependentContext() && !E->getType()->isDependentType())
      add(UnitDefinitions::Kind::Cast, FD, E);
  }
  void memberCall(const CXXMemberCallExpr *E) {
    if (InGlobalInitializer)
      add(UnitDefinitions::Kind::MemberCall, nullptr, E);
  }
  /// Traverses \p D's initializer by \p Traverse, a global's as a global
  /// initializer.
  bool variable(const VarDecl *D, llvm::function_ref<bool()> Traverse) {
    if (!Result.ThreadExit && !D->isLocalVarDecl() &&
        D->isThisDeclarationADefinition() && registersThreadExit(D))
      Result.ThreadExit = D;
    llvm::SaveAndRestore Global(InGlobalInitializer,
                                D->hasGlobalStorage() && !D->isLocalVarDecl());
    return Traverse();
  }
  /// Traverses a function's body by \p Traverse, outside any global
  /// initializer.
  bool functionBody(llvm::function_ref<bool()> Traverse) {
    llvm::SaveAndRestore Global(InGlobalInitializer, false);
    return Traverse();
  }

  UnitDefinitions Result;

private:
  void add(UnitDefinitions::Kind What, const FunctionDecl *FD,
           const Expr *Node) {
    Result.Events.push_back({What, FD, Node});
  }

  bool InGlobalInitializer = false;
};

/// Visits each node once, parents before their children, and tells both
/// collectors; std::function slots only in C++. With an index recorder, it
/// also tells the checks' parent index what it meets (the index's second
/// pass).
class StoreWalk : public RecursiveASTVisitor<StoreWalk> {
  using Base = RecursiveASTVisitor<StoreWalk>;

public:
  StoreWalk(ASTContext &Ctx, const CallableTypes &Types,
            InstantiationRecorder *Index)
      : SM(Ctx.getSourceManager()), Pointers(Ctx), Slots(Ctx, Types),
        WithSlots(Ctx.getLangOpts().CPlusPlus), Index(Index) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  /// Every declaration of the unit, whatever the traversal scope (the
  /// tool's leaves the library out, whose instantiations TraverseDecl
  /// visits in part).
  bool TraverseTranslationUnitDecl(TranslationUnitDecl *D) {
    for (Decl *Child : D->decls())
      if (!canIgnoreChildDeclWhileTraversingDeclContext(Child) &&
          !TraverseDecl(Child))
        return false;
    return true;
  }
  bool TraverseDecl(Decl *D) {
    bool Skipped = skippedByUnitWalks(D, SM);
    if (Skipped && !mayInstantiateLibrary(D)) {
      if (Index)
        Index->skipped(D);
      return true;
    }
    bool Indexed = D && Index && Index->enterDecl(D);
    llvm::SaveAndRestore Library(Pointers.InLibrary,
                                 Pointers.InLibrary || Skipped);
    bool Result = Base::TraverseDecl(D);
    if (Indexed)
      Index->leave();
    return Result;
  }
  // The index's second pass sees each statement, TypeLoc and attribute.
  bool dataTraverseStmtPre(Stmt *S) {
    if (Index && Index->recording())
      Index->enterStmt(S);
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    if (Index && Index->recording())
      Index->leave();
    return true;
  }
  bool TraverseTypeLoc(TypeLoc TL NOALLOC_TYPELOC_TRAVERSAL_PARAMS) {
    return indexed(TL, nullptr, [&] {
      return Base::TraverseTypeLoc(TL NOALLOC_TYPELOC_TRAVERSAL_ARGS);
    });
  }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc NNS) {
    return indexed(NNS, nullptr,
                   [&] { return Base::TraverseNestedNameSpecifierLoc(NNS); });
  }
  bool TraverseAttr(Attr *A) {
    return indexed(A, A, [&] { return Base::TraverseAttr(A); });
  }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    // 'sizeof table' reads nothing (its functions are still defined); the
    // size of a variable-length array is evaluated.
    bool Evaluated = !E->isArgumentType() &&
                     E->getArgumentExpr()->getType()->isVariablyModifiedType();
    llvm::SaveAndRestore NoStores(Unevaluated, Unevaluated || !Evaluated);
    return RecursiveASTVisitor::TraverseUnaryExprOrTypeTraitExpr(E);
  }
  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    both(Init);
    return RecursiveASTVisitor::TraverseConstructorInitializer(Init);
  }
  bool TraverseVarDecl(VarDecl *D) {
    if (library())
      return RecursiveASTVisitor::TraverseVarDecl(D);
    return Definitions.variable(
        D, [&] { return RecursiveASTVisitor::TraverseVarDecl(D); });
  }
  bool TraverseFunctionDecl(FunctionDecl *D) {
    return Definitions.functionBody(
        [&] { return RecursiveASTVisitor::TraverseFunctionDecl(D); });
  }

  bool VisitFunctionDecl(FunctionDecl *D) {
    if (!library())
      Definitions.function(D);
    return slots(D);
  }
  bool VisitVarDecl(VarDecl *D) { return both(D); }
  bool VisitFieldDecl(FieldDecl *D) { return both(D); }
  bool VisitCallExpr(CallExpr *E) { return both(E); }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
    if (!library())
      Definitions.memberCall(E);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) { return both(E); }
  bool VisitLambdaExpr(LambdaExpr *E) { return both(E); }
  bool VisitUnaryOperator(UnaryOperator *E) { return both(E); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) { return slots(S); }
  bool VisitBinaryOperator(BinaryOperator *E) { return pointers(E); }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) { return pointers(E); }
  bool VisitExplicitCastExpr(ExplicitCastExpr *E) {
    if (!library() && !Unevaluated)
      Definitions.cast(E);
    return pointers(E);
  }
  bool VisitInitListExpr(InitListExpr *E) {
    if (E->isSemanticForm())
      fieldInits(E->getType(), E->inits());
    return true;
  }
  bool VisitCXXParenListInitExpr(CXXParenListInitExpr *E) {
    fieldInits(E->getType(), E->getInitExprs());
    return true;
  }
  // A condition only tests what it reads.
  bool VisitIfStmt(IfStmt *S) { return condition(S->getCond()); }
  bool VisitWhileStmt(WhileStmt *S) { return condition(S->getCond()); }
  bool VisitDoStmt(DoStmt *S) { return condition(S->getCond()); }
  bool VisitForStmt(ForStmt *S) { return condition(S->getCond()); }
  bool VisitConditionalOperator(ConditionalOperator *E) {
    return condition(E->getCond());
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (!library())
      Definitions.reference(E);
    return reference(E, E->getDecl());
  }
  bool VisitMemberExpr(MemberExpr *E) {
    return reference(E, E->getMemberDecl());
  }

  UnitStores take() && {
    return {std::move(Pointers.Result), std::move(Slots.Result),
            std::move(Definitions.Result)};
  }

private:
  /// Traverses \p Node by \p Inner, inside the index's node for it when
  /// the index records.
  template <typename Node, typename Fn>
  bool indexed(const Node &N, const void *Key, Fn Inner) {
    if (!N || !Index || !Index->recording())
      return Inner();
    if constexpr (std::is_pointer_v<Node>)
      Index->enterOther(DynTypedNode::create(*N), Key);
    else
      Index->enterOther(DynTypedNode::create(N), Key);
    bool Result = Inner();
    Index->leave();
    return Result;
  }
  /// In the instantiation of a library template: only the stores into
  /// followed pointers count, and only some (PointerStoreCollector).
  bool library() const { return Pointers.InLibrary; }
  template <typename Node> bool both(const Node *N) {
    if (Unevaluated)
      return true;
    Pointers.visit(N);
    return slots(N);
  }
  template <typename Node> bool slots(const Node *N) {
    if (WithSlots && !Unevaluated && !library())
      Slots.visit(N);
    return true;
  }
  template <typename Node> bool pointers(const Node *N) {
    if (!Unevaluated)
      Pointers.visit(N);
    return true;
  }
  /// The fields of an aggregate of type \p T and their initializers
  /// \p Inits: the bases come first, then the fields; unnamed bit-fields
  /// take none.
  void fieldInits(QualType T, ArrayRef<Expr *> Inits) {
    const RecordDecl *Record = T->getAsRecordDecl();
    if (!Record || Record->isUnion() || Unevaluated)
      return;
    unsigned I = 0;
    if (const auto *Class = dyn_cast<CXXRecordDecl>(Record))
      I = Class->getNumBases();
    for (const FieldDecl *Field : Record->fields()) {
      if (Field->isBitField() && !Field->getDeclName())
        continue;
      if (I >= Inits.size())
        return;
      Pointers.fieldInit(Field, Inits[I]);
      if (WithSlots && !library())
        Slots.fieldInit(Field, Inits[I]);
      ++I;
    }
  }
  bool condition(const Expr *E) {
    if (!Unevaluated)
      Pointers.condition(E);
    return true;
  }
  bool reference(const Expr *E, const ValueDecl *D) {
    if (Unevaluated)
      return true;
    Pointers.reference(E, D);
    if (WithSlots && !library())
      Slots.reference(E);
    return true;
  }

  const SourceManager &SM;
  PointerStoreCollector Pointers;
  CallableSlotCollector Slots;
  DefinitionCollector Definitions;
  bool WithSlots;
  InstantiationRecorder *Index;
  /// In an operand that is never evaluated: no stores, only definitions.
  bool Unevaluated = false;
};

} // namespace

bool mayInstantiateLibrary(const Decl *D) {
  if (const auto *DC = dyn_cast<DeclContext>(D); DC && DC->isDependentContext())
    return false;
  if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl, ClassTemplateDecl,
          FunctionTemplateDecl, CXXRecordDecl>(D))
    return true;
  const auto *FD = dyn_cast<FunctionDecl>(D);
  return FD && FD->getTemplateInstantiationPattern();
}

bool registersThreadExit(const VarDecl *Var) {
  return Var->getTLSKind() == VarDecl::TLS_Dynamic &&
         Var->needsDestruction(Var->getASTContext()) ==
             QualType::DK_cxx_destructor;
}

bool skippedByUnitWalks(const Decl *D, const SourceManager &SM) {
  if (!D || isa<TranslationUnitDecl>(D))
    return false;
  if (SM.isInSystemHeader(SM.getFileLoc(D->getLocation())))
    return true;
  const auto *DC = dyn_cast<DeclContext>(D);
  return DC && DC->isDependentContext();
}

static UnitStores walkStores(ASTContext &Ctx, const CallableTypes &Types,
                             InstantiationRecorder *Index) {
  StoreWalk Walk(Ctx, Types, Index);
  Walk.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(Walk).take();
}

namespace {
/// The stores walkUnitOnce found, until the fact extractor takes them;
/// dropped with their ASTContext.
struct EarlyStores {
  const ASTContext *Ctx = nullptr;
  const KnowledgeBase *Knowledge = nullptr;
  std::optional<UnitStores> Stores;
};
thread_local EarlyStores Early;
} // namespace

void walkUnitOnce(ASTContext &Ctx, const CallableTypes &Types) {
  Early = EarlyStores();
  buildParentIndex(Ctx, [&](InstantiationRecorder &Index) {
    Early.Stores = walkStores(Ctx, Types, &Index);
  });
  Early.Ctx = &Ctx;
  Early.Knowledge = &Types.knowledge();
  Ctx.AddDeallocation(
      [](void *Dying) {
        if (Early.Ctx == Dying)
          Early = EarlyStores();
      },
      &Ctx);
}

UnitStores collectStores(ASTContext &Ctx, const CallableTypes &Types) {
  if (Early.Ctx == &Ctx && Early.Knowledge == &Types.knowledge() &&
      Early.Stores) {
    UnitStores Stores = std::move(*Early.Stores);
    Early = EarlyStores();
    return Stores;
  }
  return walkStores(Ctx, Types, nullptr);
}

} // namespace noalloc
