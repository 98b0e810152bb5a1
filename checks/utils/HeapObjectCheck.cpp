//===--- HeapObjectCheck.cpp - Objects whose type owns heap memory --------===//

#include "utils/HeapObjectCheck.h"
#include "knowledge/ValueSemantics.h"
#include "utils/ASTQueries.h"
#include "utils/CalleeOnce.h"
#include "utils/ParentIndex.h"
#include "utils/Phrases.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace noalloc {

namespace {
AST_MATCHER_P(CXXConstructExpr, couldBeReportedConstruction,
              const HeapObjectCheck *, Check) {
  return Check->mayReportConstruction(Node);
}
AST_MATCHER_P(CallExpr, couldBeReportedCall, const HeapObjectCheck *, Check) {
  return Check->mayReportCall(Node);
}
/// isInTemplateInstantiation() without its walk over the ancestors (and
/// without clang's parent map of the whole unit that the walk builds).
AST_MATCHER(Stmt, inInstantiatedCode) {
  return noalloc::isInInstantiatedCode(Node, Finder->getASTContext());
}
} // namespace

void HeapObjectCheck::registerMatchers(MatchFinder *Finder) {
  if (!knowledge())
    return;
  // What rules out most nodes first (the callee is asked once per
  // function), the instantiation test last. A construction's type is
  // classified only in user code: the plugin walks the system headers too.
  auto InUserCode = unless(isExpansionInSystemHeader());
  Finder->addMatcher(
      varDecl(unless(parmVarDecl()), isDefinition(), InUserCode).bind("var"),
      this);
  Finder->addMatcher(fieldDecl(unless(isImplicit()), InUserCode).bind("field"),
                     this);
  Finder->addMatcher(cxxConstructExpr(InUserCode,
                                      couldBeReportedConstruction(this),
                                      unless(inInstantiatedCode()))
                         .bind("construct"),
                     this);
  Finder->addMatcher(
      callExpr(calleeOnce(functionDecl(isExpansionInSystemHeader()), "fn"),
               couldBeReportedCall(this), InUserCode,
               unless(inInstantiatedCode()))
          .bind("call"),
      this);
}

HeapTypeVerdict HeapObjectCheck::verdictFor(QualType T) const {
  auto [It, Inserted] = Verdicts.try_emplace(T.getAsOpaquePtr());
  if (!Inserted)
    return It->second;
  HeapTypeVerdict V = classifyType(T, *knowledge());
  if (V.Use == HeapUse::None || !reports(V.Use))
    V = {};
  return It->second = V;
}

bool HeapObjectCheck::isAllocatingStdFunction(const FunctionDecl *Fn) const {
  auto [It, Inserted] = AllocatingLibraryFunctions.try_emplace(Fn);
  if (!Inserted)
    return It->second;
  // The name the facts use, so that noalloc-call leaves to this check
  // exactly the calls it reports (checkReportingCall).
  std::string Name = knowledgeName(Fn);
  const FunctionEntry *Entry = StringRef(Name).starts_with("std::")
                                   ? knowledge()->function(Name)
                                   : nullptr;
  return It->second = Entry && Entry->Effect == FunctionEffect::Allocates;
}

bool HeapObjectCheck::reportsLibraryCall(const CallExpr *Call) const {
  const FunctionDecl *Fn = Call->getDirectCallee();
  return Fn && reportsLibraryCalls() && isAllocatingStdFunction(Fn);
}

/// The link before \p Call in a chain: the call whose returned reference
/// \p Call works on ('os << a' in 'os << a << b', 'os.put(a)' in
/// 'os.put(a).put(b)', the inner 'std::getline(is, a)' of
/// 'std::getline(std::getline(is, a), b)').
static const CallExpr *innerChainLink(const CallExpr *Call) {
  const Expr *Operand = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    Operand = Member->getImplicitObjectArgument();
  else if (Call->getNumArgs() > 0)
    Operand = Call->getArg(0);
  if (!Operand)
    return nullptr;
  const auto *Inner = dyn_cast<CallExpr>(Operand->IgnoreParenImpCasts());
  // A new object is not a chain: 'std::make_unique<A>(std::make_unique<B>())'
  // allocates twice.
  return Inner && Inner->isLValue() ? Inner : nullptr;
}

/// The link after \p Call in its chain, if any.
static const CallExpr *outerChainLink(const CallExpr *Call, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*Call);
  while (true) {
    auto Parents = parentsOf(Node, Ctx);
    if (Parents.size() != 1)
      return nullptr;
    const Expr *P = Parents[0].get<Expr>();
    if (const auto *Outer = dyn_cast_or_null<CallExpr>(P))
      return innerChainLink(Outer) == Call ? Outer : nullptr;
    if (!isa_and_nonnull<ImplicitCastExpr, ParenExpr, MemberExpr>(P))
      return nullptr;
    Node = Parents[0];
  }
}

bool HeapObjectCheck::laterInReportedChain(const CallExpr *Call) const {
  for (const CallExpr *Inner = innerChainLink(Call); Inner;
       Inner = innerChainLink(Inner))
    if (reportsLibraryCall(Inner))
      return true;
  return false;
}

void HeapObjectCheck::noteLaterLinks(const CallExpr *Call, ASTContext &Ctx) {
  unsigned Later = 0;
  SourceLocation First;
  for (const CallExpr *Outer = outerChainLink(Call, Ctx); Outer;
       Outer = outerChainLink(Outer, Ctx)) {
    if (!reportsLibraryCall(Outer))
      continue;
    if (Later++ == 0)
      First = Ctx.getSourceManager().getFileLoc(callLocation(Outer));
  }
  if (Later > 0)
    diag(First,
         "and %0 more %plural{1:call|:calls}0 in this chain that "
         "%plural{1:allocates|:allocate}0 on the heap",
         DiagnosticIDs::Note)
        << Later;
}

bool HeapObjectCheck::mayReportConstruction(const CXXConstructExpr &E) const {
  const CXXConstructorDecl *Ctor = E.getConstructor();
  if (!Ctor || Ctor->isMoveConstructor())
    return false;
  if (verdictFor(E.getType()).Use != HeapUse::None)
    return true;
  if (!reportsLibraryCalls())
    return false;
  auto [It, Inserted] = AllocatingLibraryFunctions.try_emplace(Ctor);
  if (Inserted)
    It->second = allocatingLibraryConstructor(&E, *knowledge()) != nullptr;
  return It->second;
}

bool HeapObjectCheck::mayReportCall(const CallExpr &E) const {
  if (E.isPRValue() && verdictFor(E.getType()).Use != HeapUse::None)
    return true;
  const auto *Fn = dyn_cast_or_null<FunctionDecl>(E.getCalleeDecl());
  return Fn && reportsLibraryCalls() && isAllocatingStdFunction(Fn);
}

/// Whether \p E initializes an object this check reports by itself: a
/// variable or member of a reported type, directly or as a part of its
/// initializer (the elements of an initializer list, constructor
/// arguments), or a reported temporary it is an argument of.
bool HeapObjectCheck::initializesReportedDecl(const Expr *E,
                                              ASTContext &Ctx) const {
  auto Reported = [&](QualType T) {
    return verdictFor(T).Use != HeapUse::None;
  };
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    // An in-class initializer has two parents: its member and the
    // constructors' CXXDefaultInitExpr.
    auto Parents = parentsOf(Node, Ctx);
    for (const DynTypedNode &Parent : Parents) {
      if (const auto *Var = Parent.get<VarDecl>())
        return !isa<ParmVarDecl>(Var) && Reported(Var->getType());
      if (const auto *Field = Parent.get<FieldDecl>())
        return Reported(Field->getType());
      if (const auto *Ctor = Parent.get<CXXConstructorDecl>()) {
        // The parent map skips the CXXCtorInitializer: find it.
        for (const CXXCtorInitializer *Init : Ctor->inits())
          if (Init->isAnyMemberInitializer() &&
              DynTypedNode::create(*Init->getInit()) == Node)
            return Reported(Init->getAnyMember()->getType());
        return false;
      }
    }
    if (Parents.size() != 1)
      return false;
    const Expr *P = Parents[0].get<Expr>();
    if (!P)
      return false;
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      // An operand of a reported library call: 'a + b + c' is one string.
      const FunctionDecl *Fn = Call->getDirectCallee();
      return Fn && Call->isPRValue() &&
             Ctx.getSourceManager().isInSystemHeader(Fn->getLocation()) &&
             Reported(Call->getType());
    }
    if (const auto *Outer = dyn_cast<CXXConstructExpr>(P)) {
      // The enclosing construction is reported itself, unless it moves.
      if (Outer->getConstructor() &&
          !Outer->getConstructor()->isMoveConstructor() &&
          Reported(Outer->getType()))
        return true;
    } else if (!isa<ExprWithCleanups, MaterializeTemporaryExpr,
                    CXXBindTemporaryExpr, ImplicitCastExpr, ParenExpr,
                    CXXFunctionalCastExpr, InitListExpr,
                    CXXStdInitializerListExpr, CXXDefaultInitExpr>(P)) {
      return false;
    }
    Node = Parents[0];
  }
}

/// The innermost declaration around \p E: the function or the member whose
/// code it is.
static const Decl *enclosingDecl(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    auto Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return nullptr;
    if (const auto *D = Parents[0].get<Decl>())
      return D;
    Node = Parents[0];
  }
}

/// 'Settings' (aka 'std::map<std::string, int>'), as clang says it.
static std::string describeType(QualType T, const ASTContext &Ctx) {
  std::string Written = typeName(T, Ctx);
  std::string Canonical = typeName(T, Ctx, /*UserWritten=*/false);
  const auto *Typedef = T->getAs<TypedefType>();
  // std::string and std::pmr::vector need no explanation.
  if (Written == Canonical || !Typedef ||
      Ctx.getSourceManager().isInSystemHeader(
          Typedef->getDecl()->getLocation()))
    return quoted(Written);
  return quoted(Written) + " (aka " + quoted(Canonical) + ")";
}

/// A library constructor the knowledge base says allocates, on an object
/// whose type does not own memory (std::runtime_error copies its message).
/// In a throw's operand it is part of the throw, noalloc-throw's finding.
void HeapObjectCheck::reportLibraryConstruction(const CXXConstructExpr *E,
                                                ASTContext &Ctx) {
  if (!reportsLibraryCalls() ||
      !allocatingLibraryConstructor(E, *knowledge()) ||
      isInThrowOperand(E, Ctx))
    return;
  if (const auto *Fn = dyn_cast_or_null<FunctionDecl>(enclosingDecl(E, Ctx)))
    if (Fn->isImplicit())
      return;
  report(E->getBeginLoc(), Ctx.getSourceManager(),
         "construction of " +
             quoted(typeName(E->getType(), Ctx, /*UserWritten=*/false)) +
             " allocates on the heap");
}

void HeapObjectCheck::reportHeldInPlace(SourceLocation Loc,
                                        const std::string &What,
                                        ASTContext &Ctx) {
  if (reportsHeldInPlace())
    report(Loc, Ctx.getSourceManager(),
           What + " does not use the heap here, but its type can");
}

void HeapObjectCheck::reportHeldInPlace(const ValueDecl *Object, StringRef Name,
                                        ASTContext &Ctx) {
  reportHeldInPlace(
      Object->getLocation(),
      Name.str() + " of type " + describeType(Object->getType(), Ctx), Ctx);
}

/// The temporary that \p E is the value of, if one is materialized: past
/// its CXXBindTemporaryExpr, parentheses, a functional cast
/// ('std::string("ab").size()') and a conversion to const.
static const MaterializeTemporaryExpr *materializedTemporary(const Expr *E,
                                                             ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    auto Parents = parentsOf(Node, Ctx);
    const Expr *P = Parents.size() == 1 ? Parents[0].get<Expr>() : nullptr;
    if (const auto *Temporary = dyn_cast_or_null<MaterializeTemporaryExpr>(P))
      return Temporary;
    const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(P);
    if (!isa_and_nonnull<CXXBindTemporaryExpr, ParenExpr,
                         CXXFunctionalCastExpr>(P) &&
        !(Cast && Cast->getCastKind() == CK_NoOp))
      return nullptr;
    Node = Parents[0];
  }
}

bool HeapObjectCheck::makesTemporaryInPlace(const Expr *E, SourceLocation Loc,
                                            ASTContext &Ctx) {
  const MaterializeTemporaryExpr *Temporary = materializedTemporary(E, Ctx);
  if (!Temporary ||
      !temporaryHeldInPlace(Temporary, /*Fn=*/nullptr, Ctx, *knowledge()))
    return false;
  reportHeldInPlace(Loc,
                    "temporary of type " +
                        quoted(typeName(E->getType(), Ctx,
                                        /*UserWritten=*/false)),
                    Ctx);
  return true;
}

void HeapObjectCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (const auto *Field = Result.Nodes.getNodeAs<FieldDecl>("field"))
    return checkField(Field, Ctx);
  if (const auto *Var = Result.Nodes.getNodeAs<VarDecl>("var"))
    return checkVariable(Var, Ctx);
  // What never runs at run time (neverRunsAtRunTime) makes no object then;
  // what a 'catch' handler makes, only on a failure path: noalloc-call's
  // (FailurePaths), as checkReportingCall says.
  if (const auto *E = Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    if (!neverRunsAtRunTime(*E, Ctx) && !isInCatchHandler(*E, Ctx))
      checkConstruction(E, Ctx);
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (neverRunsAtRunTime(*Call, Ctx) || isInCatchHandler(*Call, Ctx))
    return;
  checkCall(Call, Result.Nodes.getNodeAs<FunctionDecl>("fn"), Ctx);
}

void HeapObjectCheck::checkVariable(const VarDecl *Var, ASTContext &Ctx) {
  if (isInInstantiation(Var))
    return;
  HeapTypeVerdict V = verdictFor(Var->getType());
  // The parent walk last: the matcher sees every variable of user code.
  if (V.Use == HeapUse::None || neverRunsAtRunTime(*Var, Ctx) ||
      isInCatchHandler(*Var, Ctx))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = Var->getName().empty()
                         ? "variable"
                         : "variable " + quoted(Var->getName());
  // An empty vector, a short string: the library holds it in place.
  if (heldInPlace(Var, Ctx, *knowledge())) {
    reportHeldInPlace(Var, Name, Ctx);
    return;
  }
  // Moved into and out of: it hands the memory on, and is empty when
  // destroyed.
  if (V.Use == HeapUse::Heap && movedThrough(Var, Ctx, *knowledge())) {
    reportHeldInPlace(Var, Name, Ctx);
    return;
  }
  // Moving hands the memory over: destroying it is its only heap use.
  if (V.Use == HeapUse::Heap && movedInto(Var, Ctx, *knowledge())) {
    report(Var->getLocation(), SM,
           Name + " of type " + describeType(Var->getType(), Ctx) +
               " allocates nothing, moved into and only read, but "
               "releases heap memory");
    return;
  }
  std::optional<std::string> Consequence = objectConsequence(Var, V, Ctx);
  if (!Consequence)
    return;
  Fix F = Var->getLocation().isMacroID() ? Fix() : fixVariable(Var, V, Ctx);
  report(Var->getLocation(), SM,
         Name + " of type " + describeType(Var->getType(), Ctx) + " " +
             *Consequence,
         F.Hints);
  for (const std::string &Note : F.Notes)
    diag(Var->getLocation(), "%0", DiagnosticIDs::Note) << Note;
}

void HeapObjectCheck::checkField(const FieldDecl *Field, ASTContext &Ctx) {
  if (isInInstantiation(Field))
    return;
  HeapTypeVerdict V = verdictFor(Field->getType());
  if (V.Use == HeapUse::None)
    return;
  std::string Name = "member " + quoted(Field->getName());
  if (memberHeldInPlace(Field, Ctx, *knowledge())) {
    reportHeldInPlace(Field, Name, Ctx);
    return;
  }
  std::optional<std::string> Consequence = objectConsequence(Field, V, Ctx);
  if (!Consequence)
    return;
  report(Field->getLocation(), Ctx.getSourceManager(),
         Name + " of type " + describeType(Field->getType(), Ctx) + " " +
             *Consequence);
}

void HeapObjectCheck::checkConstruction(const CXXConstructExpr *Construct,
                                        ASTContext &Ctx) {
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  // Moving hands over the buffer; it does not allocate.
  if (!Ctor || Ctor->isMoveConstructor())
    return;
  HeapTypeVerdict V = verdictFor(Construct->getType());
  if (V.Use == HeapUse::None)
    return reportLibraryConstruction(Construct, Ctx);
  if (initializesReportedDecl(Construct, Ctx) ||
      makesTemporaryInPlace(Construct, Construct->getBeginLoc(), Ctx))
    return;
  // Implicit special members copy or build members reported already.
  if (const auto *Fn =
          dyn_cast_or_null<FunctionDecl>(enclosingDecl(Construct, Ctx)))
    if (Fn->isImplicit())
      return;
  report(Construct->getBeginLoc(), Ctx.getSourceManager(),
         "construction of " +
             quoted(typeName(Construct->getType(), Ctx,
                             /*UserWritten=*/false)) +
             " " + consequence(V, Ctx));
}

/// How a finding names \p Fn: its qualified name, but a conversion by
/// the type it converts to ('Reading::operator std::pair<std::string,
/// int>'), which its declaration name gives by the class's name alone
/// ('operator pair'), the name the knowledge base is asked by.
static std::string printedName(const FunctionDecl *Fn, const ASTContext &Ctx) {
  if (const auto *Conversion = dyn_cast<CXXConversionDecl>(Fn))
    return qualifiedName(Conversion->getParent()) + "::operator " +
           typeName(Conversion->getConversionType(), Ctx,
                    /*UserWritten=*/false);
  return qualifiedName(Fn);
}

void HeapObjectCheck::checkCall(const CallExpr *Call, const FunctionDecl *Fn,
                                ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = callLocation(Call);
  std::string FnName = quoted(printedName(Fn, Ctx));
  // Only a prvalue is a new object; append() returns a reference.
  HeapTypeVerdict V =
      Call->isPRValue() ? verdictFor(Call->getType()) : HeapTypeVerdict();
  if (V.Use != HeapUse::None) {
    if (initializesReportedDecl(Call, Ctx) ||
        makesTemporaryInPlace(Call, Loc, Ctx))
      return;
    report(Loc, SM,
           "call to " + FnName + " returns " +
               quoted(typeName(Call->getType(), Ctx, /*UserWritten=*/false)) +
               ", which " + consequence(V, Ctx));
    return;
  }
  // Other library functions belong to noalloc-c-allocation.
  if (!reportsLibraryCalls() || !isAllocatingStdFunction(Fn))
    return;
  // 'os << a << b << c' is one finding, at its first allocating link.
  if (laterInReportedChain(Call))
    return;
  Fix F = Loc.isMacroID() ? Fix() : fixLibraryCall(Call, Ctx);
  report(Loc, SM, "call to " + FnName + " allocates on the heap", F.Hints);
  for (const std::string &Note : F.Notes)
    diag(Loc, "%0", DiagnosticIDs::Note) << Note;
  noteLaterLinks(Call, Ctx);
}

} // namespace noalloc
