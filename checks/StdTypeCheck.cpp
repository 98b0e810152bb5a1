//===--- StdTypeCheck.cpp - noalloc-std-type ------------------------------===//

#include "StdTypeCheck.h"
#include "fixes/FixedCapacity.h"
#include "fixes/LocalStorage.h"
#include "utils/ASTQueries.h"
#include "utils/ParentIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace noalloc {

StdTypeCheck::StdTypeCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : HeapObjectCheck(Name, Context),
      FixTarget(Options.get("FixTarget", "auto")),
      DefaultCapacity(Options.get("DefaultCapacity", 0U)),
      StackLimit(stackLimitOption()),
      ReportHeldInPlace(Options.get("ReportHeldInPlace", false)),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
  checkFixTarget();
}

/// FixTarget is auto or a library the knowledge base's replacements name:
/// another value would silently offer no fix at all.
void StdTypeCheck::checkFixTarget() {
  if (FixTarget == "auto" || !knowledge())
    return;
  std::vector<std::string> Libraries = knowledge()->replacementLibraries();
  if (llvm::is_contained(Libraries, FixTarget))
    return;
  std::string Expected = "'auto'";
  for (const std::string &Library : Libraries)
    Expected +=
        (&Library == &Libraries.back() ? " or '" : ", '") + Library + "'";
  configurationDiag("invalid FixTarget '%0': expected %1", DiagnosticIDs::Error)
      << FixTarget << Expected;
}

void StdTypeCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  HeapObjectCheck::storeOptions(Opts);
  Options.store(Opts, "FixTarget", FixTarget);
  Options.store(Opts, "DefaultCapacity", DefaultCapacity);
  Options.store(Opts, "StackLimit", StackLimit);
  Options.store(Opts, "ReportHeldInPlace", ReportHeldInPlace);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void StdTypeCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                       Preprocessor *) {
  Inserter.registerPreprocessor(PP);
  this->PP = PP;
}

void StdTypeCheck::registerMatchers(MatchFinder *Finder) {
  HeapObjectCheck::registerMatchers(Finder);
  if (!knowledge())
    return;
  // const std::string& parameters that a std::string_view could replace.
  Finder->addMatcher(
      parmVarDecl(unless(isExpansionInSystemHeader()),
                  hasType(lValueReferenceType(pointee(isConstQualified()))))
          .bind("parameter"),
      this);
}

void StdTypeCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Param = Result.Nodes.getNodeAs<ParmVarDecl>("parameter")) {
    checkStringParameter(Param, *Result.Context);
    return;
  }
  HeapObjectCheck::check(Result);
}

std::optional<FixItHint> StdTypeCheck::include(SourceLocation Where,
                                               StringRef Header) {
  const SourceManager &SM = PP->getSourceManager();
  return Inserter.createIncludeInsertion(SM.getFileID(SM.getFileLoc(Where)),
                                         Header);
}

static std::string sourceText(SourceRange Range, const ASTContext &Ctx) {
  return Lexer::getSourceText(CharSourceRange::getTokenRange(Range),
                              Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

/// The function a local variable lives in, if it has a body.
static const FunctionDecl *functionOf(const VarDecl *Var) {
  const auto *Fn =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  return Fn && Fn->getBody() ? Fn : nullptr;
}

static bool isStringLiteralInit(const VarDecl *Var) {
  const auto *Construct =
      Var->getInit()
          ? dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit())
          : nullptr;
  return Construct && Construct->getNumArgs() >= 1 &&
         isa<StringLiteral>(Construct->getArg(0)->IgnoreImpCasts());
}

/// The fix of one local variable of a library type, once the type as
/// written is known to be the one the knowledge base replaces: one member
/// per kind of replacement.
class StdTypeCheck::VariableFix {
public:
  VariableFix(StdTypeCheck &Check, const VarDecl *Var,
              const ReplacementEntry &R,
              const ClassTemplateSpecializationDecl &Spec, TypeLoc Written,
              std::string Argument, ASTContext &Ctx)
      : Check(Check), Var(Var), R(R), Written(Written),
        Argument(std::move(Argument)), Ctx(Ctx),
        Name("'" + Var->getName().str() + "'"),
        Element(Spec.getTemplateArgs()[0].getAsType()) {}

  Fix forFunction();
  Fix forString(const Uses &U);
  Fix forFixedSize(uint64_t Size);
  Fix forGrowth(const Uses &U, std::optional<uint64_t> Initial);

  const std::string &name() const { return Name; }

private:
  void replace(const std::string &Type, StringRef Header,
               const std::string &Why);
  /// Whether \p Capacity elements are more than the stack may take, with
  /// the note that says so.
  bool tooLarge(uint64_t Capacity);
  Fix replaceWithTarget(uint64_t Capacity, const std::string &Why,
                        StringRef Missing);

  StdTypeCheck &Check;
  const VarDecl *Var;
  const ReplacementEntry &R;
  TypeLoc Written;
  std::string Argument;
  ASTContext &Ctx;
  std::string Name;
  QualType Element;
  Fix F;
};

void StdTypeCheck::VariableFix::replace(const std::string &Type,
                                        StringRef Header,
                                        const std::string &Why) {
  F.Hints.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Written.getSourceRange()), Type));
  if (auto Include = Check.include(Var->getLocation(), Header))
    F.Hints.push_back(*Include);
  F.Notes.push_back("replace with '" + Type + "': " + Why);
}

bool StdTypeCheck::VariableFix::tooLarge(uint64_t Capacity) {
  // Fixed-capacity storage lives where the variable does: on the stack.
  uint64_t ElementSize =
      Element->isFunctionType() || Element->isIncompleteType()
          ? 1
          : Ctx.getTypeSizeInChars(Element).getQuantity();
  if (Capacity * ElementSize <= Check.StackLimit)
    return false;
  F.Notes.push_back("no fix: " + std::to_string(Capacity) + " elements (" +
                    std::to_string(Capacity * ElementSize) +
                    " bytes) are more than StackLimit (" +
                    std::to_string(Check.StackLimit) + ") allows on the stack");
  return true;
}

HeapObjectCheck::Fix StdTypeCheck::VariableFix::replaceWithTarget(
    uint64_t Capacity, const std::string &Why, StringRef Missing) {
  if (tooLarge(Capacity))
    return F;
  const ReplacementTemplate *Target =
      chooseTarget(R, Check.FixTarget, *Check.PP);
  if (!Target)
    F.Notes.push_back(("no fix: no " + Missing +
                       " can be included here; use one of " + listTargets(R))
                          .str());
  else
    replace(instantiate(Target->Template, Argument, Capacity), Target->Header,
            Why);
  return F;
}

HeapObjectCheck::Fix StdTypeCheck::VariableFix::forFunction() {
  // The lambda it holds decides the room the replacement needs.
  const auto *Construct =
      Var->getInit()
          ? dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit())
          : nullptr;
  const auto *Lambda =
      Construct && Construct->getNumArgs() == 1
          ? dyn_cast<LambdaExpr>(Construct->getArg(0)->IgnoreImplicit())
          : nullptr;
  if (!Lambda) {
    F.Notes.push_back("no fix: " + Name +
                      " does not hold a lambda; a fixed-size wrapper needs "
                      "to know what it holds: " +
                      listTargets(R));
    return F;
  }
  uint64_t Size = std::max<uint64_t>(
      1, Ctx.getTypeSizeInChars(Lambda->getType()).getQuantity());
  const ReplacementTemplate *Target =
      chooseTarget(R, Check.FixTarget, *Check.PP);
  if (!Target) {
    F.Notes.push_back("no fix: no fixed-size function wrapper can be "
                      "included here; use " +
                      listTargets(R) +
                      ", or 'std::function_ref' (C++26) if it need not own "
                      "the lambda");
    return F;
  }
  replace(instantiate(Target->Template, Argument, Size), Target->Header,
          "the lambda it holds takes " + std::to_string(Size) +
              (Size == 1 ? " byte" : " bytes"));
  return F;
}

HeapObjectCheck::Fix StdTypeCheck::VariableFix::forString(const Uses &U) {
  // Read-only, from a literal: a view of the literal.
  if (!U.Grows && R.View && isStringLiteralInit(Var)) {
    replace(R.View->Template, R.View->Header,
            "it is only read, and its characters are a literal's");
    return F;
  }
  if (U.Reserved && *U.Reserved > 0)
    return replaceWithTarget(*U.Reserved,
                             "capacity " + std::to_string(*U.Reserved) +
                                 " from 'reserve(" +
                                 std::to_string(*U.Reserved) + ")'",
                             "fixed-capacity string library");
  if (Check.DefaultCapacity)
    return replaceWithTarget(Check.DefaultCapacity,
                             "capacity " +
                                 std::to_string(Check.DefaultCapacity) +
                                 " is assumed (DefaultCapacity): check it",
                             "fixed-capacity string library");
  F.Notes.push_back("no fix: the length of " + Name +
                    " cannot be bounded; choose N for one of " +
                    listTargets(R));
  return F;
}

HeapObjectCheck::Fix StdTypeCheck::VariableFix::forFixedSize(uint64_t Size) {
  if (tooLarge(Size))
    return F;
  std::string Type = instantiate(R.FixedSize->Template, Argument, Size);
  const auto *Construct =
      dyn_cast_or_null<CXXConstructExpr>(Var->getInit()->IgnoreImplicit());
  bool FromList =
      Construct && Construct->getNumArgs() > 0 &&
      isa<CXXStdInitializerListExpr>(Construct->getArg(0)->IgnoreImplicit());
  replace(Type, R.FixedSize->Header,
          "its size never changes from " + std::to_string(Size));
  // vector<T> v(8) counts; array<T, 8> v{} value-initializes the same.
  if (!FromList && Construct && Construct->getParenOrBraceRange().isValid())
    F.Hints.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Construct->getParenOrBraceRange()),
        "{}"));
  return F;
}

HeapObjectCheck::Fix
StdTypeCheck::VariableFix::forGrowth(const Uses &U,
                                     std::optional<uint64_t> Initial) {
  std::optional<uint64_t> Capacity;
  std::string Why;
  bool Counted = Initial && U.CountableGrowth && U.Pushed;
  if (U.Reserved && (!Counted || *U.Reserved >= *Initial + *U.Pushed)) {
    Capacity = U.Reserved;
    Why = "capacity " + std::to_string(*Capacity) + " from 'reserve(" +
          std::to_string(*Capacity) + ")'";
  } else if (Counted) {
    Capacity = *Initial + *U.Pushed;
    Why = "capacity " + std::to_string(*Capacity) +
          " from the elements it is given";
  } else if (Check.DefaultCapacity) {
    Capacity = Check.DefaultCapacity;
    Why = "capacity " + std::to_string(*Capacity) +
          " is assumed (DefaultCapacity): check it";
  }
  if (!Capacity || *Capacity == 0) {
    // Only elements removed: the size it starts with is what is unknown.
    bool OnlyShrinks = U.CountableGrowth && U.Pushed == 0u && !U.Reserved;
    F.Notes.push_back("no fix: " + Name +
                      (OnlyShrinks ? " starts with a size that cannot be "
                                     "bounded"
                                   : " grows by an amount that cannot be "
                                     "bounded") +
                      "; choose N for one of " + listTargets(R));
    return F;
  }
  return replaceWithTarget(*Capacity, Why, "fixed-capacity library");
}

/// The specialization a fix replaces: only what the knowledge base says of
/// the type itself (std::string, std::vector<T>; not
/// std::optional<std::string>).
static const ClassTemplateSpecializationDecl *
replacedSpecialization(const VarDecl *Var, const ReplacementEntry &R) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Var->getType()->getAsCXXRecordDecl());
  if (!Spec || qualifiedName(Spec->getSpecializedTemplate()) != R.Type)
    return nullptr;
  if (R.Type == "std::basic_string" &&
      !Spec->getTemplateArgs()[0].getAsType()->isCharType())
    return nullptr;
  return Spec;
}

HeapObjectCheck::Fix StdTypeCheck::fixVariable(const VarDecl *Var,
                                               const HeapTypeVerdict &Verdict,
                                               ASTContext &Ctx) {
  if (!PP || !Var->isLocalVarDecl() || Var->isStaticLocal() || !Verdict.Entry ||
      isInInstantiation(Var) || Var->getDeclContext()->isDependentContext())
    return {};
  const ReplacementEntry *R = knowledge()->replacement(Verdict.Entry->Name);
  const FunctionDecl *Fn = functionOf(Var);
  TypeSourceInfo *TSI = Var->getTypeSourceInfo();
  if (!R || !Fn || !TSI || Var->getType()->getContainedDeducedType())
    return {};
  // The type as written, without 'const': the part a fix replaces.
  TypeLoc TL = TSI->getTypeLoc().getUnqualifiedLoc();
  if (TL.getBeginLoc().isMacroID() || TL.getEndLoc().isMacroID())
    return {};
  const ClassTemplateSpecializationDecl *Spec = replacedSpecialization(Var, *R);
  if (!Spec)
    return {};
  bool IsString = R->Type == "std::basic_string";
  std::string Argument;
  // getAsAdjusted: before clang 22, 'std::vector<int>' is an elaborated
  // type around the specialization.
  if (auto TST = TL.getAsAdjusted<TemplateSpecializationTypeLoc>();
      TST && TST.getNumArgs() > 0)
    Argument = sourceText(TST.getArgLoc(0).getSourceRange(), Ctx);
  else if (!IsString)
    return {};

  Uses U = summarizeUses(Var, Fn, *R, /*StringLike=*/IsString, Ctx);
  bool FillValue = false;
  std::optional<uint64_t> Initial = initialSize(Var, Ctx, FillValue);
  // Never filled, never grown: nothing to size, nothing to say.
  if (!U.Escapes && !U.Grows && Initial == 0 && !isStringLiteralInit(Var))
    return {};
  VariableFix Fixer(*this, Var, *R, *Spec, TL, std::move(Argument), Ctx);
  if (U.Escapes)
    return {{}, {"no fix: " + Fixer.name() + " escapes: " + U.EscapeReason}};
  // std::vector<bool> packs its bits and hands out proxies: a container of
  // bools would change what 'v[i]' is (a program that tests the proxy).
  if (R->Type == "std::vector" &&
      Spec->getTemplateArgs()[0].getAsType()->isBooleanType())
    return {{},
            {"no fix: " + Fixer.name() +
             " packs its bits and its elements are proxies, which a "
             "container of 'bool' is not; a fixed number of bits is "
             "'std::bitset<N>'"}};
  if (R->Type == "std::function")
    return Fixer.forFunction();
  if (IsString)
    return Fixer.forString(U);
  // A size that never changes: std::array.
  if (!U.Grows && Initial && *Initial > 0 && !FillValue && R->FixedSize)
    return Fixer.forFixedSize(*Initial);
  return Fixer.forGrowth(U, Initial);
}

HeapObjectCheck::Fix StdTypeCheck::fixLibraryCall(const CallExpr *Call,
                                                  ASTContext &Ctx) {
  Fix F;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || qualifiedName(Callee) != "std::make_unique")
    return F;
  LocalStorageFix Local = automaticObjectFor(Call, Ctx, StackLimit);
  F.Hints = std::move(Local.Hints);
  if (!Local.Note.empty())
    F.Notes.push_back(Local.Note);
  return F;
}

/// Whether \p T is std::string (std::basic_string of char).
static bool isCharString(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  return Spec &&
         qualifiedName(Spec->getSpecializedTemplate()) == "std::basic_string" &&
         Spec->getTemplateArgs()[0].getAsType()->isCharType();
}

/// Whether the argument \p Arg, bound to a 'const std::string &', binds to
/// a std::string_view as well: a std::string, or a std::string built from
/// a C string for the call. Not an object converted by its own operator
/// (two user-defined conversions), nor a string built any other way.
static bool bindsToView(const Expr *Arg) {
  while (true) {
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Arg))
      Arg = Default->getExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Arg);
             Cast && Cast->getCastKind() != CK_UserDefinedConversion &&
             Cast->getCastKind() != CK_ConstructorConversion)
      Arg = Cast->getSubExpr();
    else if (isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, FullExpr,
                 ParenExpr>(Arg))
      Arg = cast<Expr>(*Arg->child_begin());
    else
      break;
  }
  const auto *Construct = dyn_cast<CXXConstructExpr>(Arg);
  if (!Construct || isa<CXXTemporaryObjectExpr>(Construct))
    return !isa<ImplicitCastExpr>(Arg) && isCharString(Arg->getType());
  // The converting constructor from 'const char *' (its allocator
  // defaulted), or a copy of a std::string.
  if (Construct->getNumArgs() == 0 || Construct->isListInitialization())
    return false;
  for (unsigned I = 1; I < Construct->getNumArgs(); ++I)
    if (!isa<CXXDefaultArgExpr>(Construct->getArg(I)))
      return false;
  QualType From = Construct->getArg(0)->IgnoreImpCasts()->getType();
  if (isCharString(From))
    return true;
  if (From->isArrayType())
    From = QualType(From->getArrayElementTypeNoTypeQual(), 0);
  else if (From->isPointerType())
    From = From->getPointeeType();
  return From->isCharType();
}

/// Argument \p Index of \p Use, a call or a construction of \p Fn, or
/// null where it is left to its default.
static const Expr *argumentFor(const Expr *Use, const FunctionDecl *Fn,
                               unsigned Index) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Use))
    return Index < Construct->getNumArgs() ? Construct->getArg(Index) : nullptr;
  const auto *Call = cast<CallExpr>(Use);
  // A member operator's object is its first argument.
  Index += isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Fn);
  return Index < Call->getNumArgs() ? Call->getArg(Index) : nullptr;
}

/// Whether \p Use constructs an object by an implicit conversion
/// ('Holder h = text;'): a second user-defined conversion, from the
/// std::string to the view, would not be allowed there.
static bool isImplicitConversion(const Expr *Use, ASTContext &Ctx) {
  auto Parents = parentsOf(*Use, Ctx);
  const auto *Cast =
      Parents.size() == 1 ? Parents[0].get<ImplicitCastExpr>() : nullptr;
  return Cast && Cast->getCastKind() == CK_ConstructorConversion;
}

/// Whether another function of \p Fn's name is declared in its scope (a
/// class's copy and move constructors aside): a call might choose another
/// one once the parameter is a view, or find two equally good.
static bool isOverloaded(const FunctionDecl *Fn) {
  for (const NamedDecl *D : Fn->getDeclContext()->lookup(Fn->getDeclName())) {
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(D);
    if (D != Fn && !(Ctor && Ctor->isCopyOrMoveConstructor()))
      return true;
  }
  return false;
}

/// Why the type of \p Fn's parameter \p Index cannot change here, or
/// empty. A parameter type is an interface: every declaration and every
/// use of the function must change with it, so all of them must be in
/// this translation unit and must accept a std::string_view.
static std::string interfaceObstacle(const FunctionDecl *Fn, unsigned Index,
                                     ASTContext &Ctx) {
  std::string Name = "'" + Fn->getNameAsString() + "'";
  if (Fn->isExternallyVisible() ||
      !Ctx.getSourceManager().isInMainFile(Fn->getLocation()))
    return Name + " can be declared or called in another translation unit";
  if (Fn->getMostRecentDecl() != Fn)
    return Name + " is declared again";
  if (isOverloaded(Fn))
    return Name + " is overloaded: a call could choose another function";
  auto Everywhere = [&](auto Matcher) {
    return match(traverse(TK_AsIs, translationUnitDecl(
                                       forEachDescendant(Matcher.bind("n")))),
                 *Ctx.getTranslationUnitDecl(), Ctx);
  };
  auto Uses =
      Everywhere(expr(anyOf(callExpr(callee(functionDecl(equalsNode(Fn)))),
                            cxxConstructExpr(hasDeclaration(equalsNode(Fn))))));
  auto Named = Everywhere(expr(anyOf(declRefExpr(to(equalsNode(Fn))),
                                     memberExpr(member(equalsNode(Fn))))));
  if (Named.size() > Uses.size())
    return Name + " is named other than in a call: its type would change";
  for (const BoundNodes &Node : Uses) {
    const auto *Use = Node.getNodeAs<Expr>("n");
    if (isImplicitConversion(Use, Ctx))
      return "a construction of " + Name +
             " is an implicit conversion, which a 'std::string_view' "
             "parameter would not allow";
    const Expr *Arg = argumentFor(Use, Fn, Index);
    if (Arg && !bindsToView(Arg))
      return "a call of " + Name +
             " passes an argument that a 'std::string_view' cannot take";
  }
  return "";
}

void StdTypeCheck::checkStringParameter(const ParmVarDecl *Param,
                                        ASTContext &Ctx) {
  if (!PP)
    return;
  if (!isCharString(Param->getType()))
    return;
  const ReplacementEntry *R = knowledge()->replacement("std::basic_string");
  const auto *Fn = dyn_cast<FunctionDecl>(Param->getDeclContext());
  // Only a function declared once: another declaration would disagree.
  if (!R || !R->View || !Fn || !Fn->doesThisDeclarationHaveABody() ||
      Fn->getPreviousDecl() || Fn->isTemplated() || isInInstantiation(Fn) ||
      (isa<CXXMethodDecl>(Fn) && cast<CXXMethodDecl>(Fn)->isVirtual()))
    return;
  TypeSourceInfo *TSI = Param->getTypeSourceInfo();
  if (!TSI || TSI->getTypeLoc().getBeginLoc().isMacroID())
    return;
  Uses U = summarizeUses(Param, Fn, *R, /*StringLike=*/true, Ctx);
  if (U.Escapes || U.Grows)
    return;
  std::string Obstacle =
      interfaceObstacle(Fn, Param->getFunctionScopeIndex(), Ctx);
  // 'const std::string &name': everything before the name.
  std::vector<FixItHint> Hints;
  if (Obstacle.empty()) {
    Hints.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(Param->getBeginLoc(),
                                      Param->getLocation()),
        R->View->Template + " "));
    if (auto Include = include(Param->getLocation(), R->View->Header))
      Hints.push_back(*Include);
  }
  report(Param->getLocation(), Ctx.getSourceManager(),
         "parameter '" + Param->getName().str() +
             "' of type 'const std::string &' makes callers that pass a "
             "literal or a view build a temporary on the heap; it is only "
             "read: take '" +
             R->View->Template + "'",
         Hints);
  if (!Obstacle.empty())
    diag(Param->getLocation(), "no fix: %0", DiagnosticIDs::Note) << Obstacle;
}

} // namespace noalloc
