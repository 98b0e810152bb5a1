//===--- FactExtractor.cpp - Parse once, keep the facts -------------------===//

#include "extract/FactExtractor.h"
#include "CheckRegistry.h"
#include "extract/CallableSlots.h"
#include "extract/FunctionPointers.h"
#include "extract/KnownLibraries.h"
#include "extract/ParameterGuards.h"
#include "extract/StoreWalk.h"
#include "extract/Suppressions.h"
#include "knowledge/HeapType.h"
#include "knowledge/StoredCallables.h"
#include "knowledge/ValueSemantics.h"
#include "link/HeapGraph.h"
#include "link/LibraryCallees.h"
#include "utils/ASTQueries.h"
#include "utils/LLVMCompat.h"
#include "utils/ParentIndex.h"
#include "utils/Paths.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclObjC.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprObjC.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtObjC.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SaveAndRestore.h"
#include <map>
#include <optional>
#include <tuple>
#include <utility>

using namespace clang;

namespace noalloc {

/// Whether the non-local thread_local \p Var is defined in this unit with
/// a dynamic initialization: its first use runs the unit's thread-local
/// initialization, every thread_local of the unit at once.
static bool initializedWithUnit(const VarDecl *Var) {
  const VarDecl *Definition = Var->getDefinition();
  return Var->getTLSKind() == VarDecl::TLS_Dynamic && Definition &&
         Definition->hasInit() && !Definition->hasConstantInitialization();
}

/// The call operator of \p Lambda that a conversion to a function pointer,
/// or the static invoker that pointer holds, of template arguments \p Args
/// runs: for a generic lambda, the specialization of the same arguments.
static const CXXMethodDecl *
lambdaCallOperator(const CXXRecordDecl *Lambda,
                   const TemplateArgumentList *Args) {
  if (!Args)
    return Lambda->getLambdaCallOperator();
  FunctionTemplateDecl *Template = Lambda->getDependentLambdaCallOperator();
  void *InsertPos = nullptr;
  return Template ? cast_or_null<CXXMethodDecl>(Template->findSpecialization(
                        Args->asArray(), InsertPos))
                  : nullptr;
}

/// The call operator that a lambda's conversion to a function pointer
/// \p Conversion makes the pointer call.
static const CXXMethodDecl *
convertedCallOperator(const CXXConversionDecl *Conversion) {
  return lambdaCallOperator(Conversion->getParent(),
                            Conversion->getTemplateSpecializationArgs());
}

namespace {

class Extractor;

/// Where the units that instantiate a class template implicitly place a
/// member the compiler declares (the class's name in the template), when
/// \p FD, such a member, is declared elsewhere: an explicit instantiation
/// definition ('template struct S<int>;') declares them at its own line,
/// and one definition must not look like two (an ODR violation). Invalid
/// otherwise.
static SourceLocation implicitMemberHome(const FunctionDecl *FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  if (!Method || !Method->isImplicit())
    return {};
  const CXXRecordDecl *Pattern =
      Method->getParent()->getTemplateInstantiationPattern();
  if (!Pattern || Pattern->getLocation() == Method->getLocation())
    return {};
  return Pattern->getLocation();
}

/// Walks one function's own code: not nested lambdas or local classes,
/// which are functions of their own.
class BodyScanner : public RecursiveASTVisitor<BodyScanner> {
public:
  BodyScanner(Extractor &X, size_t Function) : X(X), Function(Function) {}

  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseLambdaExpr(LambdaExpr *E);

  // What never runs: unevaluated operands and constant expressions
  // (operandsNeverRun, the direct checks' rule), the parts a constant
  // condition does not run (partsNeverRun).
  bool dataTraverseStmtPre(Stmt *S);
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    return operandsNeverRun(E) ||
           RecursiveASTVisitor::TraverseUnaryExprOrTypeTraitExpr(E);
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc, bool = true) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }
  bool TraverseConceptSpecializationExpr(ConceptSpecializationExpr *) {
    return true;
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    return operandsNeverRun(E) || RecursiveASTVisitor::TraverseCXXTypeidExpr(E);
  }
  bool TraverseConstantExpr(ConstantExpr *E) {
    return operandsNeverRun(E) || RecursiveASTVisitor::TraverseConstantExpr(E);
  }
  bool TraverseAttributedStmt(AttributedStmt *S) {
    // [[assume(expr)]] is never evaluated.
    return TraverseStmt(S->getSubStmt());
  }
  bool TraverseInitListExpr(InitListExpr *E);
  bool TraverseVarDecl(VarDecl *D);
  bool TraverseCXXThrowExpr(CXXThrowExpr *E);
  bool TraverseCXXCatchStmt(CXXCatchStmt *S);
  bool TraverseObjCAtThrowStmt(ObjCAtThrowStmt *S);
  // A call to a function that does not return, a member or an operator
  // too: what its arguments evaluate is on the failure path.
  bool TraverseCallExpr(CallExpr *E) {
    return traverseCall(E, [&] { return RecursiveASTVisitor::TraverseCallExpr(E); });
  }
  bool TraverseCXXMemberCallExpr(CXXMemberCallExpr *E) {
    return traverseCall(
        E, [&] { return RecursiveASTVisitor::TraverseCXXMemberCallExpr(E); });
  }
  bool TraverseCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
    return traverseCall(
        E, [&] { return RecursiveASTVisitor::TraverseCXXOperatorCallExpr(E); });
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseFunctionDecl(FunctionDecl *) { return true; }
  bool TraverseCXXMethodDecl(CXXMethodDecl *) { return true; }

  bool VisitCallExpr(CallExpr *E);
  bool VisitCXXConstructExpr(CXXConstructExpr *E);
  bool VisitCXXInheritedCtorInitExpr(CXXInheritedCtorInitExpr *E);
  bool VisitCXXNewExpr(CXXNewExpr *E);
  bool VisitCXXDeleteExpr(CXXDeleteExpr *E);
  bool VisitCXXThrowExpr(CXXThrowExpr *E);
  bool VisitObjCAtThrowStmt(ObjCAtThrowStmt *S);
  bool VisitObjCMessageExpr(ObjCMessageExpr *E);
  bool VisitCoroutineBodyStmt(CoroutineBodyStmt *S);
  bool VisitVarDecl(VarDecl *D);
  bool VisitReturnStmt(ReturnStmt *S);
  bool VisitInitListExpr(InitListExpr *E);
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E);
  bool VisitMaterializeTemporaryExpr(MaterializeTemporaryExpr *E);
  bool VisitDeclRefExpr(DeclRefExpr *E);
  // Once, where it is used (RecursiveASTVisitor may walk the expression
  // too, at the place that wrote it).
  bool TraverseCXXDefaultArgExpr(CXXDefaultArgExpr *E) {
    return traverseDefault(E->getExpr(), E->getUsedLocation());
  }
  bool TraverseCXXDefaultInitExpr(CXXDefaultInitExpr *E) {
    // A constructor's is best shown where it is written: the constructor's
    // own place says less (an implicit one's is the class name).
    if (isa_and_nonnull<CXXConstructorDecl>(Scanned))
      return TraverseStmt(E->getExpr());
    return traverseDefault(E->getExpr(), E->getUsedLocation());
  }

  void scan(const FunctionDecl *FD);
  /// A use of a non-local thread_local, or the declaration of a local one.
  void useThreadLocal(const VarDecl *Var, SourceLocation Loc);

private:
  /// The object a call runs on, how it dispatches, and for a call of a
  /// followed std::function the function that stands for it when it is
  /// empty (its targets are a call of their own).
  struct CallReceiver {
    const Expr *Object = nullptr;
    CallKind Kind = CallKind::Direct;
    std::optional<size_t> Empty;
  };
  /// Whether what the knowledge base says of the callee, or of the
  /// assignment, settles the call (recorded, or nothing to record).
  bool settledByKnowledge(const CallExpr *E, const FunctionDecl *Callee);
  /// None when the call runs a held or listed callable, which it records.
  /// \p Callee becomes the overrider a known dynamic type runs.
  std::optional<CallReceiver> receiverOf(const CallExpr *E,
                                         const FunctionDecl *&Callee);
  /// The memory of the object the call runs on or returns, and where the
  /// object is declared when it is outside the function (\p Outside).
  ObjectMemory calledObjectMemory(const CallExpr *E, const FunctionDecl *Callee,
                                  const Expr *Receiver,
                                  std::optional<SourceLocation> &Outside);
  /// Gives the calls [PassedFrom, PassedTo) of the functions the call
  /// passes the call's object.
  void passObject(size_t PassedFrom, size_t PassedTo,
                  const FunctionDecl *Callee, ObjectMemory Object,
                  std::optional<SourceLocation> Outside);
  bool traverseCall(const CallExpr *E, llvm::function_ref<bool()> Traverse);
  /// Scans a default evaluated at \p Used; the outermost use is the one
  /// written in the scanned function.
  bool traverseDefault(Expr *Default, SourceLocation Used);
  /// Destroys an object of type \p T; \p Member: a member of the class
  /// whose destructor is scanned.
  void destroy(QualType T, SourceLocation Loc, bool Bounded = false,
               const FieldDecl *Member = nullptr,
               const OwnResource *Own = nullptr);
  /// The memory resource of the program's own that the object \p E names
  /// is, or allocates only from, if the library function \p Callee of the
  /// call on it may use it.
  const OwnResource *ownResourceOf(const FunctionDecl *Callee, const Expr *E);
  /// Where the object \p E names is declared, if not in the scanned
  /// function: outside any function (a member, a global, a static member:
  /// an invalid location) or in an enclosing one (a lambda's capture).
  std::optional<SourceLocation> declaredOutside(const Expr *E) const;
  /// How the object \p E names uses memory: over a bounded resource, or
  /// as its type says.
  ObjectMemory objectMemory(const Expr *E);

  /// The name of the parameter \p E names, if it is of a std::pmr type and
  /// not shown bounded; "" otherwise.
  std::string unboundedParameter(const Expr *E);
  /// A call of a std::function variable that holds a known function: a
  /// call of that function.
  bool callHeldFunction(const CXXOperatorCallExpr *E);
  /// The call \p E of an object of a type the knowledge base says holds a
  /// callable (etl::delegate): a call of what its slot holds, which reaches
  /// its \p Operator only when the slot is not followed.
  bool callListedCallable(const CXXOperatorCallExpr *E,
                          const FunctionDecl *Operator);
  /// An assignment of a member held in place, which only the implicit
  /// assignment operators write (memberHeldInPlace): it uses no heap.
  bool assignsMemberInPlace(const CallExpr *E, const FunctionDecl *Callee);
  void addIndirectCall(const CallExpr *E);
  /// What the direct call \p E of user code is known to pass.
  std::vector<ParameterValue> knownArguments(const CallExpr *E,
                                             const FunctionDecl *Callee);
  void addArgumentCalls(const CallExpr *E, const FunctionEntry &Entry);
  bool handledAsBuiltin(const CallExpr *E, const FunctionDecl *Callee);

  Extractor &X;
  size_t Function;
  const FunctionDecl *Scanned = nullptr;
  /// Notes the prvalues that initialize the object \p Init makes: no
  /// temporary of theirs is destroyed here.
  void initializesInPlace(const Expr *Init);
  /// Whether the local \p D is the scanned function's return value itself.
  bool isReturnedInPlace(const VarDecl *D) const;

  /// The constructions of variables the library holds in place, and the
  /// temporaries and 'operator+' calls that make a string held in place
  /// (a variable's or a temporary's).
  llvm::DenseSet<const Expr *> InPlaceConstructions;
  /// Prvalues of a class with a destructor that initialize an object (the
  /// return value, a variable, a member): C++17 makes no temporary of them
  /// and, before, the copy is elided; the object's destructor is counted
  /// where the object is destroyed (a variable at its scope, the return
  /// value in the caller), not here.
  llvm::DenseSet<const CXXBindTemporaryExpr *> ElidedTemporaries;
  /// The constructions of variables over a bounded memory resource.
  llvm::DenseSet<const Expr *> BoundedConstructions;
  /// The constructions of variables over a memory resource of the
  /// program's own.
  llvm::DenseMap<const Expr *, const OwnResource *> OwnConstructions;
  /// The constructions of members by a constructor's initializers, each
  /// with its member when the constructor does not write the initializer.
  llvm::DenseMap<const Expr *, const FieldDecl *> MemberConstructions;
  llvm::DenseSet<const Expr *> Callees;
  llvm::DenseSet<const Expr *> FrameCalls;
  /// The parts of the statements traversed so far that never run.
  llvm::DenseSet<const Stmt *> NeverRun;
};

class Extractor {
public:
  Extractor(ASTContext &Ctx, const KnowledgeBase &KB, KnownLibraries &Known)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), KB(KB), Known(Known),
        Suppress(Ctx.getDiagnostics()) {
    if (auto Main = SM.getFileEntryRefForID(SM.getMainFileID()))
      Facts.MainFile = absolutePath(Main->getName());
    auto Directory =
        SM.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory();
    Facts.Root = projectRoot(Facts.MainFile, Directory ? *Directory : "");
  }

  TranslationUnitFacts run();
  /// Gives the function of index \p I its name and signature, once.
  void describe(size_t I);

  /// The index of \p FD's facts, creating them (and scheduling its body)
  /// on first use.
  size_t function(const FunctionDecl *FD);
  /// The virtual members of a wrapper that a std::function made here
  /// holds its callable in (libc++'s __func): called only virtually, they
  /// are how it copies and destroys the callable (StoredCallables.h).
  void addWrapperMembers(const CXXRecordDecl *Wrapper);
  /// The index of an Objective-C method's facts. Method bodies are not
  /// analysed: a message send is a call noalloc cannot follow.
  size_t method(const ObjCMethodDecl *MD);

  SourcePoint point(SourceLocation Loc);
  bool inSystemHeader(SourceLocation Loc) {
    return Loc.isValid() && SM.isInSystemHeader(SM.getFileLoc(Loc));
  }
  /// Library code: a function of a system header, unless it has no body
  /// here and the header is not one of a library noalloc knows (a vendor
  /// SDK through -isystem): such a function is as unseen as user code
  /// that no analysed file defines, and no policy assumes it.
  bool isLibraryCode(const FunctionDecl *FD) {
    return inSystemHeader(FD->getLocation()) &&
           (FD->hasBody() || Known.contains(SM, FD->getLocation()));
  }
  FunctionFacts &facts(size_t Index) { return Facts.Functions[Index]; }
  /// What an object of type \p T uses, decided once per type: asked of
  /// each object a scanned call or construction names (rapidjson's
  /// documenttest.cpp: 10,526 questions, 0.03 billion instructions).
  ObjectMemory memoryOf(QualType T);
  /// The fields' names for the parameter guards of the unit's functions.
  FieldKeys FieldNames;

  HeapSite &addSite(size_t Function, SourceLocation Loc, SiteKind Kind,
                    std::string Description) {
    HeapSite S;
    S.Kind = Kind;
    S.Description = std::move(Description);
    // Where the direct check reports it, even in a default: its finding
    // and its fact name one place.
    S.Where = point(Loc);
    S.Accepted = suppressed(Loc, checkReportingSite(Kind));
    S.Guards = currentGuards();
    facts(Function).Sites.push_back(std::move(S));
    return facts(Function).Sites.back();
  }

  void addCall(size_t Caller, const FunctionDecl *Callee, SourceLocation Loc,
               CallKind Kind, ObjectMemory Object,
               std::optional<SourceLocation> ObjectOutside = std::nullopt,
               StringRef ObjectParameter = "") {
    // A trivial special member runs no code: the destructor of a lambda
    // that std::function's manager calls explicitly has no body to see.
    if (Callee->isTrivial())
      return;
    size_t Target = function(Callee);
    if (isa<CXXDestructorDecl>(Callee))
      Destructors.insert(Target);
    // What library code passes to user code's std::function parameters
    // (make_shared<Timer>(cb) constructs a Timer) is not followed.
    if (facts(Caller).InSystemHeader && !facts(Target).InSystemHeader)
      for (const ParmVarDecl *Parm : Callee->parameters())
        if (Callable.holds(Parm->getType()))
          LibraryArguments.try_emplace(
              {Callee->getCanonicalDecl(), Parm->getFunctionScopeIndex()},
              Caller);
    if (Kind == CallKind::Virtual)
      addCompiledOverride(cast<CXXMethodDecl>(Callee));
    size_t Before = facts(Caller).Calls.size();
    addCall(Caller, Target, Loc, Kind, Object, ObjectOutside, ObjectParameter);
    if (Kind == CallKind::Virtual && facts(Caller).Calls.size() > Before)
      facts(Caller).Calls.back().OpenToClients = openToClients(Callee, SM);
  }
  /// \p ObjectOutside: the object is declared outside the caller, at that
  /// location (invalid for a member or a global; CallSite::ObjectOutside).
  void addCall(size_t Caller, size_t Target, SourceLocation Loc, CallKind Kind,
               ObjectMemory Object,
               std::optional<SourceLocation> ObjectOutside = std::nullopt,
               StringRef ObjectParameter = "");
  void addIndirectCall(size_t Caller, const CallExpr *E, QualType Function,
                       QualType Class);
  /// A call of the function pointer \p Arg, passed to a library function
  /// that calls it (qsort's comparator in a variable or a parameter);
  /// \p Parameter: the key of the caller's parameter \p Arg reads, or "".
  void addArgumentCall(size_t Caller, const Expr *Arg, StringRef Parameter);
  /// The key of parameter \p I of \p FD (ParameterPrefix).
  std::string parameterKey(const FunctionDecl *FD, unsigned I);
  /// Whether the code of its function only reads \p P, never changes it.
  bool unchangedParameter(const ParmVarDecl *P);
  /// The key of the parameter of \p In, of function-pointer type and never
  /// changed, whose value \p E is ('cb', '*cb', 'obj.*m'), or "".
  std::string readParameter(const Expr *E, const FunctionDecl *In);
  /// The arguments \p Args of a call of \p Callee in \p Caller, whose
  /// code is \p In: for each function-pointer parameter, what it is passed
  /// (docs/facts.md, PassedPrefix).
  void passArguments(size_t Caller, const FunctionDecl *In,
                     const FunctionDecl *Callee,
                     llvm::ArrayRef<const Expr *> Args);
  /// Calls of \p Callee whose arguments noalloc does not see (an inheriting
  /// constructor's): its parameters are not followed.
  void passUnknown(const FunctionDecl *Callee);
  /// A call through the function pointer \p Pointer, of type \p Function
  /// (of class \p Class for a pointer to member), made at \p Loc.
  CallSite indirectCall(const Expr *Pointer, SourceLocation Loc,
                        QualType Function, QualType Class);
  /// The call of a std::function \p E, besides the call of its
  /// operator(): a call of what is stored into the slot \p Key. For a type
  /// the knowledge base says holds a callable, instead of the call of its
  /// \p Operator, which the call reaches when the slot is not followed.
  void addCallableCall(size_t Caller, const CXXOperatorCallExpr *E,
                       const std::string &Key,
                       const FunctionDecl *Operator = nullptr);
  /// The name of \p Slot in the facts: "noalloc:callable:" and its USR,
  /// "noalloc:callable-elements:" and its sequence's USR, or
  /// "noalloc:callable-parameter:", its index, ':' and its function's USR.
  std::string callableKey(CallableSlot Slot);
  /// The call \p E of a std::function that is no slot: what it may hold,
  /// as a slot of its own; its key.
  std::string calledSlot(size_t Caller, const CXXOperatorCallExpr *E);
  /// The operator() \p Call of a std::function whose targets are followed:
  /// what it does besides calling them, throw std::bad_function_call when
  /// it is empty ('noalloc:empty-std-function:' and its USR).
  size_t emptyFunction(const FunctionDecl *Call);
  /// The may-allocate library function \p Callee as a call's arguments
  /// make it allocate (a literal '%ms' scanf format): a function of its own,
  /// 'noalloc:allocating-call:' and its USR, whose summary allocates.
  size_t allocatingCall(const FunctionDecl *Callee);
  /// \p Callee as a call with a buffer runs it (realpath(path, buf)): a
  /// function of its own, 'noalloc:may-allocate-call:' and its USR, whose
  /// summary may allocate (its knowledge's not-null-effect, which the link
  /// reads with the condition).
  size_t mayAllocateCall(const FunctionDecl *Callee);
  /// A library function \p FD as some of its calls run it: a function of
  /// its own, \p Prefix and its USR, that \p Summary decides, once; \p Known:
  /// with \p FD's knowledge name, so that the report knows which check
  /// reports the call.
  size_t standIn(StringRef Prefix, const FunctionDecl *FD,
                 const LibrarySummary &Summary, bool Known);
  /// The stand-in keyed by \p Prefix and \p Key, which \p Describe names
  /// the first time.
  size_t standIn(StringRef Prefix, const Decl *Key,
                 const LibrarySummary &Summary,
                 llvm::function_ref<void(FunctionFacts &)> Describe);
  /// A throw of \p Class, a failure exception (isFailureException), as
  /// library code's throw is: a function of its own,
  /// 'noalloc:failure-throw:' and the class's USR, that allocates only on
  /// failure, throwing \p Exception.
  size_t failureThrow(const CXXRecordDecl *Class, StringRef Exception);
  /// The library function \p Callee as a call on an object over the
  /// resource \p R of the program's own runs it: a function of its own,
  /// OwnResourcePrefix, \p Callee's USR, '|' and the class's USR, that calls
  /// \p Callee, then R's do_allocate and do_deallocate; the summary step
  /// leaves the library's resource out of it (ownResourceCalls).
  size_t ownResourceCall(const FunctionDecl *Callee, const OwnResource &R);
  /// Whether user code's variable \p Var is, or allocates only from, a
  /// memory resource of the program's own of known dynamic type, once per
  /// variable.
  const OwnResource *ownResource(const VarDecl *Var) {
    auto [It, New] = OwnResources.try_emplace(Var);
    if (New && !inSystemHeader(Var->getLocation()))
      It->second = noalloc::ownResource(Var);
    return It->second ? &*It->second : nullptr;
  }
  /// A library object of class \p Class is made: any virtual call on it
  /// may run its virtual members, which nothing else names (a
  /// std::shared_ptr's control block calls the deleter in _M_dispose).
  void addVirtualMembers(const CXXRecordDecl *Class);
  /// A virtual call of \p M, a member of a class the library compiles: the
  /// object may be one of the library's own classes, whose overriders are
  /// compiled into it too (new_delete_resource()'s do_allocate, a
  /// basic_filebuf's overflow). They get a function of their own,
  /// CompiledOverridePrefix and M's USR, that overrides M and that M's
  /// knowledge (or that of a member it overrides) decides, once.
  void addCompiledOverride(const CXXMethodDecl *M);
  /// Marks \p FD address-taken by \p Reference: a reference to it, or a
  /// lambda's conversion to a function pointer.
  void takeAddress(const FunctionDecl *FD, const Expr *Reference) {
    FunctionFacts &F = facts(function(FD));
    F.AddressTaken = true;
    F.AddressEscapes |= !Pointers.Stored.contains(Reference);
    // C before C23: a pointer without a prototype ('void (*)()') may hold
    // any function that returns the same type.
    if (!Ctx.getLangOpts().CPlusPlus &&
        !Ctx.getLangOpts().requiresStrictPrototypes())
      castTo(F, noPrototypeSignature(FD->getReturnType()));
  }
  /// \p F may be called through a pointer whose function type is
  /// \p Signature.
  static void castTo(FunctionFacts &F, std::string Signature) {
    if (Signature != F.Signature &&
        !llvm::is_contained(F.CastSignatures, Signature))
      F.CastSignatures.push_back(std::move(Signature));
  }
  /// A function cast by \p E to a pointer of another function type.
  void castFunction(const FunctionDecl *FD, const ExplicitCastExpr *E);
  /// The functions whose address the value of the constant \p Var holds
  /// can be called through it, once per variable; a lambda's static
  /// invoker calls its call operator.
  void takeConstantAddresses(const VarDecl *Var);
  /// A resumption (or, with \p Destroy, a destruction) of a coroutine by
  /// \p Caller, a member of 'std::coroutine_handle<P>': a call of the
  /// bodies (the destroyers) of the coroutines of promise type P, of every
  /// coroutine for another handle.
  void resumeCoroutines(size_t Caller, const FunctionDecl *In,
                        const CallExpr *E, bool Destroy);
  /// If \p E converts a lambda to a function pointer, the lambda can be
  /// called through it, as a function of the pointer's type.
  void convertLambda(const CallExpr *E) {
    const auto *Conversion =
        dyn_cast_or_null<CXXConversionDecl>(E->getDirectCallee());
    if (!Conversion || !Conversion->getParent()->isLambda())
      return;
    const CXXMethodDecl *Op = convertedCallOperator(Conversion);
    if (!Op)
      return;
    takeAddress(Op, E);
    QualType Pointee = Conversion->getConversionType()->getPointeeType();
    if (Pointee.isNull())
      return;
    size_t I = function(Op);
    describe(I);
    facts(I).Signature = signatureOfType(Pointee, QualType());
  }

  /// The knowledge base's entry under \p FD's library name (a C library's
  /// entry is not the program's C++ overload of that name), once per
  /// function (naming it costs more than the rest of a call's facts).
  const FunctionEntry *entryByName(const FunctionDecl *FD) {
    auto [It, New] = NamedEntries.try_emplace(FD, nullptr);
    if (New)
      if (const FunctionEntry *E = KB.function(libraryFunctionName(FD));
          E && describes(*E, FD))
        It->second = E;
    return It->second;
  }

  /// The knowledge base's entry of member function \p FD, by the name the
  /// facts give it (its class template's: std::basic_string::compare).
  const FunctionEntry *memberEntry(const FunctionDecl *FD) {
    const FunctionFacts &F = facts(function(FD));
    return KB.function(F.KnowledgeName, F.CopyOrMove);
  }

  /// heldInPlace, once per variable.
  const std::optional<InPlace> &inPlace(const VarDecl *Var) {
    auto It = InPlaceVars.find(Var);
    if (It == InPlaceVars.end())
      It = InPlaceVars.insert({Var, heldInPlace(Var, Ctx, KB)}).first;
    return It->second;
  }

  /// memberHeldInPlace, once per member.
  bool inPlace(const FieldDecl *Field) {
    auto [It, New] = InPlaceMembers.try_emplace(Field, false);
    if (New)
      It->second = memberHeldInPlace(Field, Ctx, KB);
    return It->second;
  }

  /// Whether user code's variable or member \p Object allocates only from
  /// a bounded memory resource, once per declaration.
  template <typename VarOrField> bool bounded(const VarOrField *Object) {
    auto [It, New] = BoundedObjects.try_emplace(Object, false);
    if (New)
      It->second = !inSystemHeader(Object->getLocation()) &&
                   boundedResource(Object).has_value();
    return It->second;
  }

  std::string signature(const FunctionDecl *FD);
  std::string signatureOfType(QualType FunctionType, QualType Class);
  /// The signature of a C function type without a prototype.
  std::string noPrototypeSignature(QualType Returns) {
    return canonicalName(Returns) + " (no prototype)";
  }
  /// The spelling of \p T's canonical type, once per type: the functions
  /// of a unit share their parameter types.
  const std::string &canonicalName(QualType T) {
    QualType Canonical = T.getCanonicalType();
    auto [It, New] = CanonicalNames.try_emplace(Canonical.getAsOpaquePtr());
    if (New)
      It->second = Canonical.getAsString();
    return It->second;
  }
  std::string displayName(const FunctionDecl *FD);

  ASTContext &Ctx;
  const SourceManager &SM;
  const KnowledgeBase &KB;
  KnownLibraries &Known;
  CallableTypes Callable{KB};
  /// The throw-expression whose operand is being scanned, if any: the calls
  /// there are part of the throw.
  SourceLocation EnclosingThrow;
  /// Where the default argument or default member initializer being
  /// scanned is used, if any: the call that takes the default, the
  /// aggregate initialization or constructor that runs the initializer.
  SourceLocation DefaultUse;

  /// Where a call at \p Loc is the scanned function's: a default is
  /// evaluated where it is used, which is where the user looks (and the
  /// header that wrote it may be filtered out of the report).
  SourceLocation reportedAt(SourceLocation Loc) const {
    if (DefaultUse.isValid())
      return DefaultUse;
    return Rehomed.second.isValid() && Loc == Rehomed.first ? Rehomed.second
                                                            : Loc;
  }
  /// While a member the compiler declares, which an explicit instantiation
  /// declared at its own line, is scanned: that line, and where the units
  /// that instantiate the class implicitly place the member
  /// (implicitMemberHome). Its calls are placed there too.
  std::pair<SourceLocation, SourceLocation> Rehomed;
  /// Whether a NOLINT for \p Check covers \p Loc, where it is written or
  /// where its default is used.
  bool suppressed(SourceLocation Loc, StringRef Check) {
    return Suppress.covers(SM.getFileLoc(Loc), Check) ||
           (DefaultUse.isValid() &&
            Suppress.covers(SM.getFileLoc(DefaultUse), Check));
  }
  /// Whether the arguments of a call to a function that does not return
  /// are being scanned.
  bool InNoReturnCall = false;
  /// Whether a 'catch' handler of user code is being scanned.
  bool InCatch = false;
  /// The guards of the code of the user function being scanned, and its
  /// statement being scanned, whose sites and calls they guard; null
  /// otherwise.
  const ParameterGuards *Guards = nullptr;
  const Stmt *GuardedStmt = nullptr;
  /// What the call being recorded is known to pass (CallSite::Arguments).
  std::vector<ParameterValue> CallArguments;
  /// The guards of GuardedStmt.
  std::vector<ParameterValue> currentGuards() {
    if (!Guards || !GuardedStmt)
      return {};
    if (GuardsOf.first != GuardedStmt)
      GuardsOf = {GuardedStmt, Guards->of(GuardedStmt)};
    return GuardsOf.second;
  }
  std::pair<const Stmt *, std::vector<ParameterValue>> GuardsOf;
  /// The member whose construction or destruction, written nowhere, is
  /// being recorded (CallSite::Member); null otherwise.
  const FieldDecl *ImplicitMember = nullptr;
  /// A non-local thread_local of this unit whose destructor is registered
  /// for thread exit: the unit's thread-local initialization, which the
  /// first use of any of its dynamically initialized thread_locals runs,
  /// registers it.
  const VarDecl *UnitThreadExit = nullptr;

private:
  std::string absolutePath(StringRef Path) {
    llvm::SmallString<256> Abs(Path);
    // The file system's working directory is the compile command's, which
    // differs from the process's.
    (void)SM.getFileManager().getVirtualFileSystem().makeAbsolute(Abs);
    return normalizedPath(Abs);
  }
  std::string usr(const NamedDecl *D);
  /// '<file>@<offset>' of \p D, the file relative to the project root.
  std::string place(const Decl *D);
  /// The functions the unit walk found defined, and what global
  /// initializers do with functions (after every store is known).
  void addDefinitions(const UnitDefinitions &Definitions);
  /// The code of the alias \p Alias, of index \p I: a call of its target.
  void callAliasTarget(const FunctionDecl *Alias, size_t I);
  void addPointers();
  /// How the link finds \p W: the key docs/facts.md names ('writers').
  std::string writerKey(const UnseenWriter &W);
  /// What a call whose pointer or object \p Function returned reads.
  std::string returnedKey(const FunctionDecl *Function);
  PointerFacts slotFacts(std::string Key, const CallableStores::Stores &Stores);
  void addCallables();
  void addLibraryArguments();
  /// Names and signatures of the functions the library summary keeps
  /// (summarizeLibrary), and the callee names of the calls it keeps: the
  /// library's internals, half a template-heavy unit's functions, are
  /// dropped unnamed.
  void describeKept();
  /// Each coroutine's body as a function of its own, which a resumption
  /// runs: the coroutine without the allocation of its frame, which only
  /// the call that creates it makes; and the slots of the bodies by
  /// promise type (docs/facts.md).
  void addCoroutineBodies();
  /// The body of the coroutine of index \p I.
  FunctionFacts coroutineBody(size_t I, const CoroutineBodyStmt *Body);
  /// What destroying the coroutine of index \p I runs: the destructors its
  /// code calls (of the locals alive where it is suspended, the promise,
  /// the parameters' copies) and the release of its frame.
  FunctionFacts coroutineDestroyer(size_t I, const CoroutineBodyStmt *Body);
  /// Where --annotate writes a function-effect attribute (see Facts.h).
  void attributePoints(const FunctionDecl *FD, FunctionFacts &F);

  Suppressions Suppress;
  PointerStores Pointers;
  CallableStores Callables;
  /// The std::function parameters of user code that library code passes
  /// arguments to, and the first library function that does (its index).
  llvm::MapVector<std::pair<const FunctionDecl *, unsigned>, size_t>
      LibraryArguments;
  /// The stand-ins made so far, by prefix (a literal) and function.
  llvm::DenseMap<std::pair<const char *, const Decl *>, size_t> StandIns;
  TranslationUnitFacts Facts;
  llvm::DenseMap<const Decl *, size_t> Index;
  /// The polymorphic library classes whose virtual members are in.
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> MadeLibraryClasses;
  std::vector<std::pair<const FunctionDecl *, size_t>> Worklist;
  /// By index, the declaration that names a function not described yet.
  std::vector<const FunctionDecl *> Undescribed;
  /// Caller, index of the call among its calls, and callee of each call
  /// to a known function: its callee's name comes last (describeKept).
  std::vector<std::tuple<size_t, size_t, size_t>> NamedCalls;
  llvm::DenseMap<FileID, std::string> FileNames;
  /// One pointer per distinct string: a call's key compares no text.
  const char *intern(StringRef S) {
    return Interned.insert(S).first->getKeyData();
  }

  llvm::StringSet<> Interned;
  /// The calls written so far: caller, file, offset and callee (interned).
  llvm::DenseSet<std::tuple<size_t, const char *, unsigned, const char *>>
      SeenCalls;
  llvm::DenseMap<const VarDecl *, std::optional<InPlace>> InPlaceVars;
  llvm::DenseMap<const ValueDecl *, bool> BoundedObjects;
  llvm::DenseMap<const VarDecl *, std::optional<OwnResource>> OwnResources;
  llvm::DenseMap<std::pair<const Decl *, const Decl *>, size_t>
      OwnResourceCalls;
  llvm::DenseMap<const FieldDecl *, bool> InPlaceMembers;
  /// By type: whether a value of it may hold a std::function.
  llvm::DenseMap<const Type *, bool> HoldsCallable;
  llvm::DenseMap<const FunctionDecl *, const FunctionEntry *> NamedEntries;
  llvm::DenseMap<void *, std::string> CanonicalNames;
  /// By type, what an object of it uses (memoryOf).
  llvm::DenseMap<void *, ObjectMemory> MemoryOfType;
  llvm::DenseSet<const VarDecl *> ConstantsSeen;
  /// The coroutines defined here, by index.
  std::vector<std::pair<size_t, const CoroutineBodyStmt *>> Coroutines;
  /// Adds to \p F a release of its coroutine frame at \p Loc.
  void addFrameRelease(FunctionFacts &F, SourceLocation Loc,
                       std::string Description);
  /// The destructors called, by index.
  llvm::DenseSet<size_t> Destructors;
  /// The function-pointer parameters that calls pass arguments to, by key:
  /// whether one of them is not followed.
  std::map<std::string, bool> ParameterSlots;
  /// By function: the parameters its code may change.
  llvm::DenseMap<const FunctionDecl *, llvm::DenseSet<const ParmVarDecl *>>
      ChangedParameters;
  void passArgument(size_t Caller, const FunctionDecl *In,
                    const std::string &Key, const Expr *Arg, bool &Unknown);
  void addParameterSlots();
};

SourcePoint Extractor::point(SourceLocation Loc) {
  SourcePoint P;
  if (Loc.isInvalid())
    return P;
  Loc = SM.getFileLoc(Loc);
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  auto It = FileNames.find(File);
  if (It == FileNames.end()) {
    std::string Name;
    if (auto Entry = SM.getFileEntryRefForID(File))
      Name = absolutePath(Entry->getName());
    It = FileNames.insert({File, Name}).first;
  }
  P.File = It->second;
  P.Offset = Offset;
  P.Line = SM.getLineNumber(File, Offset);
  P.Column = SM.getColumnNumber(File, Offset);
  return P;
}

std::string Extractor::place(const Decl *D) {
  // The file as the written facts name it: the same on every machine.
  SourcePoint At = point(D->getLocation());
  std::string Place =
      relativeTo(At.File, Facts.Root) + "@" + std::to_string(At.Offset);
  // What has internal linkage in a header is each unit's own: units may
  // preprocess it apart, and the linker never joins them. A system
  // header's (<emmintrin.h>'s static inline intrinsics) is the same text in
  // every unit: one key, so that an inline function that calls it is one
  // body in every unit (units that compile it apart are still versions).
  const auto *Named = dyn_cast<NamedDecl>(D);
  if (Named && !Named->isExternallyVisible() && At.File != Facts.MainFile &&
      !SM.isInSystemHeader(SM.getFileLoc(D->getLocation())))
    Place += "@" + relativeTo(Facts.MainFile, Facts.Root);
  return Place;
}

/// Whether \p D is a lambda's member or is declared in one's body (a local
/// class, its members): clang's USR of a lambda outside the main file has
/// no place, so the local classes of two lambdas of one function share it.
static bool inLambda(const Decl *D) {
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent())
    if (const auto *Class = dyn_cast<CXXRecordDecl>(C);
        Class && Class->isLambda())
      return true;
  return false;
}

std::string Extractor::usr(const NamedDecl *D) {
  llvm::SmallString<128> Buf;
  if (index::generateUSRForDecl(D, Buf))
    Buf = "noalloc:" + D->getQualifiedNameAsString();
  std::string USR(Buf);
  // Internal linkage, locals and lambdas: USRs are not unique across
  // units. Code at one place of one file is one function: a lambda of a
  // header's inline function included by three units is one node, a
  // static function of two .cpp files two, and a header's static function
  // one per unit (place). The local classes of a function's lambdas too
  // ('FMT_STRING' in {fmt}'s headers): one per lambda. Overloads that
  // differ only by clang's enable_if attribute (absl's SpinLock
  // constructors) share clang's USR: the place of each, the same in every
  // unit that includes its header, tells them apart.
  if (!D->isExternallyVisible() || inLambda(D) || D->hasAttr<EnableIfAttr>())
    USR += "@" + place(D);
  // A template's specializations for two lambdas of one function, or for
  // two units' static functions, share clang's USR and D's place: the
  // places of those arguments tell them apart.
  llvm::SmallVector<const NamedDecl *, 2> Arguments;
  unlinkedTemplateArguments(D, Arguments);
  for (const NamedDecl *Argument : Arguments)
    USR += "@" + place(Argument);
  return USR;
}

/// 'std::basic_string<char>::' for a member of that specialization.
static std::string qualifiedParent(const FunctionDecl *FD,
                                   const PrintingPolicy &Policy) {
  const auto *Parent = dyn_cast<NamedDecl>(FD->getDeclContext());
  if (!Parent)
    return "";
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  Parent->getNameForDiagnostic(OS, Policy, /*Qualified=*/true);
  return Name + "::";
}

namespace {
/// Names a lambda in a template argument by its file's name, as a lambda
/// itself is named ('run<(lambda at main.cpp:4:7)>'): no absolute path in
/// a message or in facts that are the same on every machine.
class FileNameOnly : public PrintingCallbacks {
public:
  std::string remapPath(StringRef Path) const override {
    return llvm::sys::path::filename(Path).str();
  }
};
} // namespace

std::string Extractor::displayName(const FunctionDecl *FD) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(FD))
    if (Method->getParent()->isLambda()) {
      SourcePoint P = point(Method->getParent()->getLocation());
      return "lambda at " + llvm::sys::path::filename(P.File).str() + ":" +
             std::to_string(P.Line) + ":" + std::to_string(P.Column);
    }
  static const FileNameOnly FileName;
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  compat::suppressInlineNamespaces(Policy);
  Policy.SuppressUnwrittenScope = true;
  Policy.Callbacks = &FileName;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  // Constructor and operator template arguments are deduced, not written.
  // A conversion template's specialization is named by its type: the
  // pattern's names the parameters by clang's placeholders ('operator
  // pair<type-parameter-0-0, type-parameter-0-1>'), and its declaration
  // name a class by its name alone ('operator pair').
  const auto *Conversion = dyn_cast<CXXConversionDecl>(FD);
  if (Conversion && FD->getTemplateSpecializationArgs())
    Name = qualifiedParent(FD, Policy) + "operator " +
           Conversion->getConversionType().getAsString(Policy);
  else if ((isa<CXXConstructorDecl>(FD) || FD->isOverloadedOperator()) &&
           FD->getTemplateSpecializationArgs())
    FD->getPrimaryTemplate()->getTemplatedDecl()->getNameForDiagnostic(
        OS, Policy, /*Qualified=*/false),
        Name = qualifiedParent(FD, Policy) + Name;
  else
    FD->getNameForDiagnostic(OS, Policy, /*Qualified=*/true);
  return preferredNames(Name);
}

std::string Extractor::signatureOfType(QualType FunctionType, QualType Class) {
  if (const auto *NoProto = FunctionType->getAs<FunctionNoProtoType>())
    return noPrototypeSignature(NoProto->getReturnType());
  const auto *Proto = FunctionType->getAs<FunctionProtoType>();
  if (!Proto)
    return canonicalName(FunctionType);
  std::string S = canonicalName(Proto->getReturnType()) + " ";
  if (!Class.isNull())
    S += canonicalName(Class) + "::";
  S += "(";
  for (unsigned I = 0; I < Proto->getNumParams(); ++I) {
    if (I)
      S += ", ";
    S += canonicalName(Proto->getParamType(I));
  }
  return S + (Proto->isVariadic() ? ", ...)" : ")");
}

std::string Extractor::signature(const FunctionDecl *FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  QualType Class;
  if (Method && Method->isInstance())
    Class = compat::canonicalRecordType(Ctx, Method->getParent());
  return signatureOfType(FD->getType(), Class);
}

static bool hasAnnotation(const FunctionDecl *FD, StringRef Annotation) {
  for (const FunctionDecl *Redecl : FD->redecls())
    for (const auto *A : Redecl->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == Annotation)
        return true;
  return false;
}

static bool hasEffectAttribute(const FunctionDecl *FD) {
  return llvm::any_of(FD->redecls(), [](const FunctionDecl *Redecl) {
    return isNonallocating(Redecl->getFunctionEffects());
  });
}

static bool isRoot(const FunctionDecl *FD) {
  return hasEffectAttribute(FD) || hasAnnotation(FD, "noalloc");
}

void Extractor::attributePoints(const FunctionDecl *FD, FunctionFacts &F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  // Lambdas and implicit members have no declarator to write in; clang
  // infers them from their bodies.
  if (F.InSystemHeader || FD->isImplicit() ||
      (Method && Method->getParent()->isLambda()))
    return;
  if (hasEffectAttribute(FD)) {
    F.AttributeBlocked = true;
    return;
  }
  const FunctionDecl *Written = FD->getTemplateInstantiationPattern();
  for (const FunctionDecl *Redecl : (Written ? Written : FD)->redecls()) {
    if (Redecl->isImplicit() || inSystemHeader(Redecl->getLocation()))
      continue;
    std::optional<SourceLocation> At = functionAttributeLocation(Redecl);
    if (!At) {
      F.AttributeBlocked = true;
      F.AttributeAt.clear();
      return;
    }
    F.AttributeAt.push_back(point(*At));
  }
}

static void collectOverrides(const CXXMethodDecl *M,
                             llvm::SetVector<const CXXMethodDecl *> &Out) {
  for (const CXXMethodDecl *O : M->overridden_methods())
    if (Out.insert(O->getCanonicalDecl()))
      collectOverrides(O, Out);
}

/// Whether \p FD returns, by value, an object that owns heap memory
/// (std::error_code::message's std::string, std::filesystem::current_path's
/// path).
static bool returnsHeapObject(const FunctionDecl *FD, const KnowledgeBase &KB) {
  QualType T = FD->getReturnType();
  return !T->isDependentType() && !T->isReferenceType() &&
         classifyType(T, KB).Use == HeapUse::Heap;
}

/// A library function compiled into the library (no body in the unit)
/// that returns an object owning heap memory makes that object: it
/// allocates, as noalloc-std-type reports at its calls, unless the
/// knowledge base answers for it. Not one that hands out a std::function:
/// what the std::function may hold decides it (unseenCallableSource).
static void summarizeCompiled(FunctionFacts &F, const FunctionDecl *Decl,
                              const KnowledgeBase &KB) {
  if (F.Defined || !F.InSystemHeader || F.HandsOutCallables ||
      KB.function(F.KnowledgeName, F.CopyOrMove) ||
      !returnsHeapObject(Decl, KB))
    return;
  F.Summary.Summarised = true;
  F.Summary.Allocates = true;
}

/// Decides a compiled function by \p Effect, one of none, allocates and
/// releases, whatever its name's entry says.
static void summarizeAs(FunctionFacts &F, FunctionEffect Effect) {
  F.Summary.Summarised = true;
  F.Summary.Allocates = Effect == FunctionEffect::Allocates;
  F.Summary.Releases = Effect == FunctionEffect::Releases;
}

/// A compiled default constructor whose knowledge entry gives it an effect
/// of its own (std::locale() shares the global locale, while a locale by
/// name allocates) is decided by that effect: the facts name constructors
/// without telling the default one apart.
static void summarizeDefaultConstructor(FunctionFacts &F,
                                        const FunctionDecl *Decl,
                                        const KnowledgeBase &KB) {
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(Decl);
  if (F.Defined || !F.InSystemHeader || !Ctor || !emptyLikeConstructor(Ctor))
    return;
  const FunctionEntry *General = KB.function(F.KnowledgeName);
  const FunctionEntry *Entry =
      KB.function(F.KnowledgeName, /*CopyOrMove=*/false,
                  /*DefaultConstructor=*/true);
  if (!Entry || Entry == General)
    return;
  summarizeAs(F, Entry->Effect);
}

/// A compiled overload whose knowledge entry gives the overloads of its
/// number of parameters an effect of their own (std::basic_string::compare
/// throws for a bad position; compare(const char *) takes none) is decided
/// by that effect: the facts name overloads alike.
static void summarizeOverload(FunctionFacts &F, const FunctionDecl *Decl,
                              const KnowledgeBase &KB) {
  if (F.Defined || !F.InSystemHeader)
    return;
  const FunctionEntry *Entry = KB.function(F.KnowledgeName, F.CopyOrMove);
  if (Entry && Entry->OverloadEffect &&
      Entry->OverloadParameters == Decl->getNumParams())
    summarizeAs(F, *Entry->OverloadEffect);
}

size_t Extractor::function(const FunctionDecl *FD) {
  const FunctionDecl *Canonical = FD->getCanonicalDecl();
  auto It = Index.find(Canonical);
  if (It != Index.end())
    return It->second;
  size_t I = Facts.Functions.size();
  Index[Canonical] = I;
  Facts.Functions.emplace_back();

  const FunctionDecl *Definition = nullptr;
  if (FD->hasBody(Definition) && Definition &&
      Definition->isThisDeclarationADefinition() &&
      !Definition->isDependentContext())
    Worklist.push_back({Definition = externalBody(Definition), I});
  // An alias is defined by its target: its code is a call of the target.
  else if ((Definition = aliasDeclaration(FD)))
    Worklist.push_back({Definition, I});
  const FunctionDecl *Decl = Definition ? Definition : FD;

  FunctionFacts &F = Facts.Functions[I];
  F.USR = usr(Canonical);
  Undescribed.resize(I + 1);
  Undescribed[I] = Decl;
  SourceLocation Home = implicitMemberHome(Decl);
  F.Where = point(Home.isValid() ? Home : Decl->getLocation());
  if (Definition)
    F.EndOffset =
        Home.isValid() ? F.Where.Offset : point(Definition->getEndLoc()).Offset;
  F.Defined = Definition != nullptr;
  F.Weak = Definition && Definition->hasAttr<WeakAttr>();
  // Implicitly declared builtins are the compiler's and the C library's.
  F.InSystemHeader = isLibraryCode(Decl) ||
                     (Decl->getBuiltinID() && Decl->getLocation().isInvalid());
  F.InlineOnly =
      Definition && !F.InSystemHeader && isInlineOnlyDefinition(Definition);
  F.Root = isRoot(Decl);
  attributePoints(Decl, F);
  F.Allowed = hasAnnotation(Decl, "noalloc::allow");
  F.Constructor = isa<CXXConstructorDecl>(Decl);
  // Declared by the compiler, or defaulted where the user declares it: no
  // code of its own.
  const auto *Special = dyn_cast<CXXMethodDecl>(Decl);
  F.Implicit = Special ? !Special->isUserProvided() : Decl->isImplicit();
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Decl))
    F.CopyOrMove = copiesLikeConstructor(Ctor);
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Decl)) {
    F.KnowledgeClass = knowledgeClass(Method);
    F.KnowledgeName = knowledgeName(Method);
    // In the order of the bases: the facts are the same on every run.
    llvm::SetVector<const CXXMethodDecl *> Overridden;
    collectOverrides(Method, Overridden);
    for (const CXXMethodDecl *O : Overridden)
      F.Overrides.push_back(usr(O));
    // A pure virtual destructor runs: every derived destructor calls it.
    F.PureVirtual =
        Method->isPureVirtual() && !isa<CXXDestructorDecl>(Method);
  } else {
    F.KnowledgeName = knowledgeName(Decl);
    // A program's own function named like one an entry's headers declare
    // (declared-in) is not the entry's: its body decides.
    if (const FunctionEntry *E = KB.function(F.KnowledgeName);
        E && !describes(*E, Decl))
      F.KnowledgeName.clear();
  }
  // A builtin ('std::move') or a function the knowledge base describes
  // hands out what it is given.
  if (!Definition && !Decl->isDependentContext() && !Decl->getBuiltinID() &&
      !KB.function(F.KnowledgeName, F.CopyOrMove))
    F.HandsOutCallables = handsOutCallables(Decl, HoldsCallable);
  summarizeCompiled(F, Decl, KB);
  summarizeDefaultConstructor(F, Decl, KB);
  summarizeOverload(F, Decl, KB);
  if (F.Constructor && isCallableWrapper(F.KnowledgeClass))
    addWrapperMembers(cast<CXXConstructorDecl>(Decl)->getParent());
  return I;
}

void Extractor::takeConstantAddresses(const VarDecl *Var) {
  if (!ConstantsSeen.insert(Var->getCanonicalDecl()).second)
    return;
  // The declaration with the initializer: before C++17 a static member's
  // definition is the template's out-of-line one, whose value depends on
  // the template's arguments and cannot be evaluated.
  const VarDecl *WithInit = nullptr;
  const Expr *Init = Var->getAnyInitializer(WithInit);
  if (!Init || Init->isValueDependent() || Init->containsErrors() ||
      WithInit->isTemplated())
    return;
  APValue *Value = WithInit->evaluateValue();
  if (!Value)
    return;
  llvm::SmallSetVector<const FunctionDecl *, 4> Functions;
  functionsInConstant(*Value, Functions);
  // A function whose reference the unit walk saw (a constexpr table of
  // user code, written out) goes where that reference says: stored into
  // the followed table, it escapes no further. One only the value shows
  // (built by library code) may be anywhere.
  auto Take = [&](const FunctionDecl *FD) {
    if (!facts(function(FD)).AddressTaken)
      takeAddress(FD, nullptr);
  };
  for (const FunctionDecl *FD : Functions) {
    const auto *Invoker = dyn_cast<CXXMethodDecl>(FD);
    if (!Invoker || !Invoker->isLambdaStaticInvoker()) {
      Take(FD);
      continue;
    }
    const CXXMethodDecl *Op = lambdaCallOperator(
        Invoker->getParent(), Invoker->getTemplateSpecializationArgs());
    if (!Op)
      continue;
    Take(Op);
    size_t I = function(Op);
    describe(I);
    facts(I).Signature = signatureOfType(Invoker->getType(), QualType());
  }
}

/// The slot of the coroutine bodies a handle of promise type \p Promise
/// resumes: all of them for a null type.
static std::string coroutinesKey(StringRef Promise, bool Destroy = false) {
  StringRef Slot = Destroy ? "noalloc:callable-coroutine-destroyers"
                           : "noalloc:callable-coroutines";
  return Promise.empty() ? Slot.str() : (Slot + ":" + Promise).str();
}

/// The promise type of the 'std::coroutine_handle' whose member is
/// \p Method, or null ('coroutine_handle<void>', code of its own).
static QualType handlePromise(const FunctionDecl *Method) {
  const auto *Handle =
      Method
          ? dyn_cast<ClassTemplateSpecializationDecl>(Method->getDeclContext())
          : nullptr;
  if (!Handle || Handle->getName() != "coroutine_handle" ||
      !Handle->isInStdNamespace() || Handle->getTemplateArgs().size() != 1 ||
      Handle->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  QualType Promise = Handle->getTemplateArgs()[0].getAsType();
  return Promise->isVoidType() ? QualType() : Promise;
}

void Extractor::resumeCoroutines(size_t Caller, const FunctionDecl *In,
                                 const CallExpr *E, bool Destroy) {
  QualType Promise = handlePromise(In);
  SourceLocation Loc = E->getExprLoc();
  CallSite C;
  C.Kind = CallKind::Indirect;
  C.Callee = "noalloc:callable";
  C.Pointer =
      coroutinesKey(Promise.isNull() ? "" : canonicalName(Promise), Destroy);
  C.CalleeName = "the coroutine";
  C.Where = point(reportedAt(Loc));
  C.Accepted = suppressed(Loc, "noalloc-call") ||
               suppressed(Loc, "noalloc-unknown-call");
  facts(Caller).Calls.push_back(std::move(C));
}

/// The function \p E (a coroutine's allocation or deallocation) calls, or
/// null.
static const FunctionDecl *frameFunction(const Expr *E) {
  const auto *Call = E ? dyn_cast<CallExpr>(E->IgnoreImplicit()) : nullptr;
  return Call ? Call->getDirectCallee() : nullptr;
}

/// The value of a call of \p Member in \p E ('await_ready()' of the final
/// awaiter) when the member's body is one return of a constant ('return
/// false;'), and the call itself, if found.
static std::pair<const CallExpr *, std::optional<bool>>
constantMemberCall(const Expr *E, StringRef Member, ASTContext &Ctx) {
  struct Finder : RecursiveASTVisitor<Finder> {
    StringRef Name;
    const CXXMemberCallExpr *Found = nullptr;
    bool shouldVisitImplicitCode() const { return true; }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
      const CXXMethodDecl *M = Call->getMethodDecl();
      if (M && M->getIdentifier() && M->getName() == Name)
        Found = Call;
      return !Found;
    }
  } Find;
  Find.Name = Member;
  if (E)
    Find.TraverseStmt(const_cast<Expr *>(E));
  if (!Find.Found)
    return {nullptr, std::nullopt};
  const FunctionDecl *Definition = nullptr;
  const Stmt *Body = Find.Found->getMethodDecl()->getBody(Definition);
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  const auto *Return = Block && Block->size() == 1
                           ? dyn_cast<ReturnStmt>(Block->body_front())
                           : nullptr;
  bool Value = false;
  if (Return && Return->getRetValue() &&
      Return->getRetValue()->EvaluateAsBooleanCondition(Value, Ctx))
    return {Find.Found, Value};
  return {Find.Found, std::nullopt};
}

/// Whether the coroutine \p Body may run past its final suspend point,
/// which frees its frame: its final awaiter does not always suspend
/// (std::suspend_never, an await_suspend that returns false, or what
/// noalloc cannot read as a constant). An await_suspend that returns a
/// handle resumes another coroutine.
static bool mayRunToEnd(const CoroutineBodyStmt *Body, ASTContext &Ctx) {
  const auto *Final = dyn_cast_or_null<Expr>(Body->getFinalSuspendStmt());
  const CoroutineSuspendExpr *Suspend = nullptr;
  for (const Expr *E = Final; E && !Suspend;) {
    E = E->IgnoreImplicit();
    Suspend = dyn_cast<CoroutineSuspendExpr>(E);
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else
      break;
  }
  if (!Suspend)
    return true;
  auto [Ready, Value] =
      constantMemberCall(Suspend->getReadyExpr(), "await_ready", Ctx);
  if (!Ready || !Value || *Value)
    return true;
  auto [Call, Suspends] =
      constantMemberCall(Suspend->getSuspendExpr(), "await_suspend", Ctx);
  if (!Call)
    return true;
  QualType Result = Call->getCallReturnType(Ctx);
  if (Result->isBooleanType())
    return !(Suspends && *Suspends);
  return false;
}

/// A function of coroutine \p F's, named \p Prefix and its USR, with its
/// name and place and none of its code.
static FunctionFacts coroutinePart(const FunctionFacts &F, StringRef Prefix) {
  FunctionFacts Part;
  Part.USR = (Prefix + F.USR).str();
  Part.Name = F.Name;
  Part.Where = F.Where;
  Part.EndOffset = F.EndOffset;
  Part.Defined = true;
  Part.InSystemHeader = F.InSystemHeader;
  Part.Implicit = true;
  Part.Allowed = F.Allowed;
  return Part;
}

FunctionFacts Extractor::coroutineBody(size_t I,
                                       const CoroutineBodyStmt *Body) {
  // The frame's allocation: the global operator new's site, or a call of
  // the promise's operator new.
  std::string Allocation;
  if (const FunctionDecl *Callee = frameFunction(Body->getAllocate()))
    Allocation = facts(function(Callee)).USR;
  describe(I);
  const FunctionFacts &F = facts(I);
  FunctionFacts B = coroutinePart(F, "noalloc:coroutine-body:");
  bool HeapFrame = false;
  for (const HeapSite &Site : F.Sites)
    if (Site.Kind != SiteKind::CoroutineFrame)
      B.Sites.push_back(Site);
    else
      HeapFrame = true;
  for (const CallSite &Call : F.Calls)
    if (Call.Callee != Allocation)
      B.Calls.push_back(Call);
  // Run to its end, it frees its frame (the promise's operator delete, if
  // it has one, is among its calls).
  if (HeapFrame && mayRunToEnd(Body, Ctx))
    addFrameRelease(B, Body->getEndLoc(),
                    "frees its coroutine frame at its end");
  return B;
}

void Extractor::addFrameRelease(FunctionFacts &F, SourceLocation Loc,
                                std::string Description) {
  HeapSite S;
  S.Kind = SiteKind::OperatorDelete;
  S.Description = std::move(Description);
  S.Where = point(Loc);
  S.Accepted = Suppress.covers(SM.getFileLoc(Loc),
                               checkReportingSite(SiteKind::CoroutineFrame));
  F.Sites.push_back(std::move(S));
}

FunctionFacts Extractor::coroutineDestroyer(size_t I,
                                            const CoroutineBodyStmt *Body) {
  // Its destructors, and the promise's operator delete.
  std::string Deallocation;
  if (const FunctionDecl *Callee = frameFunction(Body->getDeallocate()))
    Deallocation = facts(function(Callee)).USR;
  const FunctionFacts &F = facts(I);
  FunctionFacts D = coroutinePart(F, "noalloc:coroutine-destroy:");
  llvm::StringSet<> Destroying;
  for (size_t T : Destructors)
    Destroying.insert(facts(T).USR);
  for (const CallSite &Call : F.Calls)
    if (Call.Kind == CallKind::Direct &&
        (Call.Callee == Deallocation || Destroying.contains(Call.Callee)))
      D.Calls.push_back(Call);
  if (llvm::any_of(F.Sites, [](const HeapSite &S) {
        return S.Kind == SiteKind::CoroutineFrame;
      }))
    addFrameRelease(D, Body->getBeginLoc(), "frees its coroutine frame");
  return D;
}

void Extractor::addCoroutineBodies() {
  std::map<std::string, std::vector<std::string>> Slots;
  for (auto [I, Body] : Coroutines) {
    FunctionFacts B = coroutineBody(I, Body);
    FunctionFacts D = coroutineDestroyer(I, Body);
    if (const VarDecl *Promise = Body->getPromiseDecl()) {
      const std::string &Type = canonicalName(Promise->getType());
      Slots[coroutinesKey(Type)].push_back(B.USR);
      Slots[coroutinesKey(Type, /*Destroy=*/true)].push_back(D.USR);
    }
    Slots[coroutinesKey("")].push_back(B.USR);
    Slots[coroutinesKey("", /*Destroy=*/true)].push_back(D.USR);
    Facts.Functions.push_back(std::move(B));
    Facts.Functions.push_back(std::move(D));
  }
  for (auto &[Key, Bodies] : Slots) {
    PointerFacts P;
    P.USR = Key;
    P.Functions = std::move(Bodies);
    Facts.Pointers.push_back(std::move(P));
  }
}

void Extractor::addWrapperMembers(const CXXRecordDecl *Wrapper) {
  for (const CXXMethodDecl *M : Wrapper->methods())
    if (M->isVirtual())
      function(M);
}

void Extractor::addVirtualMembers(const CXXRecordDecl *Class) {
  if (!Class || !Class->isDynamicClass() ||
      !inSystemHeader(Class->getLocation()) ||
      !MadeLibraryClasses.insert(Class->getCanonicalDecl()).second)
    return;
  // Those with a body: the others were never instantiated, so no object
  // of the class in this unit runs them. Not those whose call the
  // knowledge base answers for every override (memory_resource's do_*).
  for (const CXXMethodDecl *M : Class->methods()) {
    if (!M->isVirtual() || !M->hasBody())
      continue;
    llvm::SetVector<const CXXMethodDecl *> Overridden;
    collectOverrides(M, Overridden);
    if (llvm::none_of(Overridden, [&](const CXXMethodDecl *O) {
          return entryByName(O) != nullptr;
        }))
      function(M);
  }
}

/// Whether the library compiles \p Class, so that its vtable, and maybe
/// classes derived from it, are in the library and not in the unit: a
/// template's explicit instantiation declaration ('extern template class
/// basic_streambuf<char>'), or a class whose key function has no body here
/// (memory_resource's destructor). A template the unit instantiates
/// (a std::shared_ptr's control block) has all its classes in view.
static bool compiledInLibrary(const CXXRecordDecl *Class, ASTContext &Ctx) {
  switch (Class->getTemplateSpecializationKind()) {
  case TSK_ExplicitInstantiationDeclaration:
  case TSK_ExplicitInstantiationDefinition:
    return true;
  case TSK_ImplicitInstantiation:
    return false;
  case TSK_Undeclared:
  case TSK_ExplicitSpecialization:
    break;
  }
  if (Class->isDependentContext())
    return false;
  const CXXMethodDecl *Key = Ctx.getCurrentKeyFunction(Class);
  return Key && !Key->hasBody();
}

void Extractor::addCompiledOverride(const CXXMethodDecl *M) {
  M = M->getCanonicalDecl();
  if (!inSystemHeader(M->getLocation()) ||
      !compiledInLibrary(M->getParent(), Ctx))
    return;
  if (!StandIns
           .try_emplace({CompiledOverridePrefix.data(), M},
                        Facts.Functions.size())
           .second)
    return;
  // M and what it overrides, nearest first: the nearest entry answers.
  llvm::SmallVector<const CXXMethodDecl *, 4> Members{M};
  for (size_t K = 0; K < Members.size(); ++K)
    for (const CXXMethodDecl *O : Members[K]->overridden_methods())
      if (!llvm::is_contained(Members, O->getCanonicalDecl()))
        Members.push_back(O->getCanonicalDecl());
  const CXXMethodDecl *Known = M;
  for (const CXXMethodDecl *O : Members)
    if (entryByName(O)) {
      Known = O;
      break;
    }
  FunctionFacts F;
  F.USR = (CompiledOverridePrefix + usr(M)).str();
  F.Name = displayName(M);
  F.KnowledgeName = knowledgeName(Known);
  F.KnowledgeClass = knowledgeClass(Known);
  F.Where = point(M->getLocation());
  F.InSystemHeader = true;
  for (const CXXMethodDecl *O : Members)
    F.Overrides.push_back(usr(O));
  // An override returns what the member returns (error_category::message's
  // std::string).
  summarizeCompiled(F, M, KB);
  Facts.Functions.push_back(std::move(F));
}

size_t Extractor::method(const ObjCMethodDecl *MD) {
  const ObjCMethodDecl *Canonical = MD->getCanonicalDecl();
  auto [It, New] = Index.try_emplace(Canonical, Facts.Functions.size());
  if (!New)
    return It->second;
  FunctionFacts &F = Facts.Functions.emplace_back();
  F.USR = usr(Canonical);
  std::string Class;
  if (const ObjCInterfaceDecl *Interface = MD->getClassInterface())
    Class = Interface->getNameAsString();
  F.Name = (MD->isInstanceMethod() ? "-[" : "+[") + Class + " " +
           MD->getSelector().getAsString() + "]";
  F.KnowledgeName = F.Name;
  F.Where = point(MD->getLocation());
  F.InSystemHeader = inSystemHeader(MD->getLocation());
  return It->second;
}

/// \p C's member, to the call in \p Calls at its place that names another
/// member ("a_,b_").
/// Keeps of \p Known what \p Other holds too.
static void keepCommon(std::vector<ParameterValue> &Known,
                       const std::vector<ParameterValue> &Other) {
  llvm::erase_if(Known, [&](const ParameterValue &V) {
    return !llvm::is_contained(Other, V);
  });
}

static void addMember(std::vector<CallSite> &Calls, const CallSite &C) {
  if (C.Member.empty())
    return;
  for (CallSite &Known : llvm::reverse(Calls)) {
    if (Known.Where.Offset != C.Where.Offset || Known.Callee != C.Callee ||
        Known.Where.File != C.Where.File || Known.Member.empty())
      continue;
    if (!llvm::is_contained(llvm::split(Known.Member, ','), C.Member))
      Known.Member += "," + C.Member;
    return;
  }
}

void Extractor::addCall(size_t Caller, size_t Target, SourceLocation Loc,
                        CallKind Kind, ObjectMemory Object,
                        std::optional<SourceLocation> ObjectOutside,
                        StringRef ObjectParameter) {
  CallSite C;
  C.ObjectParameter = ObjectParameter.str();
  C.Kind = Kind;
  C.Callee = facts(Target).USR;
  C.Where = point(reportedAt(Loc));
  C.Object = Object;
  C.ObjectOutside = ObjectOutside.has_value();
  if (ObjectOutside && ObjectOutside->isValid())
    C.ObjectDeclared = point(*ObjectOutside);
  C.InThrow = EnclosingThrow.isValid();
  C.InNoReturnCall = InNoReturnCall;
  C.InCatch = InCatch;
  C.Guards = currentGuards();
  C.Arguments = CallArguments;
  if (ImplicitMember) {
    C.Member = ImplicitMember->getNameAsString();
    C.MemberType = typeName(ImplicitMember->getType(), Ctx);
  }
  // Implicit code can be visited twice (a default member initializer, by
  // the constructor and by the member): one call is one fact. Members of
  // one type destroyed at one place are one call that names them all.
  if (!SeenCalls
           .insert(
               {Caller, intern(C.Where.File), C.Where.Offset, intern(C.Callee)})
           .second) {
    // One fact for both: it is sure of what both are.
    for (CallSite &Known : facts(Caller).Calls)
      if (Known.Where.Offset == C.Where.Offset && Known.Callee == C.Callee &&
          Known.Where.File == C.Where.File) {
        keepCommon(Known.Guards, C.Guards);
        keepCommon(Known.Arguments, C.Arguments);
      }
    return addMember(facts(Caller).Calls, C);
  }
  SourceLocation FileLoc = SM.getFileLoc(Loc);
  // NOLINT for the check that reports the call itself accepts it too.
  StringRef Direct = checkReportingCall(
      C, KB.function(facts(Target).KnowledgeName, facts(Target).CopyOrMove));
  // A throw accepted where it is written accepts what its operand does.
  SourceLocation DirectLoc =
      C.InThrow && C.Object == ObjectMemory::None ? SM.getFileLoc(EnclosingThrow)
                                                   : FileLoc;
  C.Accepted = suppressed(Loc, "noalloc-call") ||
               suppressed(Loc, "noalloc-unknown-call") ||
               (!Direct.empty() && C.Object == ObjectMemory::None &&
                Suppress.covers(DirectLoc, Direct));
  NamedCalls.emplace_back(Caller, facts(Caller).Calls.size(), Target);
  facts(Caller).Calls.push_back(std::move(C));
}

CallSite Extractor::indirectCall(const Expr *Pointer, SourceLocation Loc,
                                 QualType Function, QualType Class) {
  CallSite C;
  C.Kind = CallKind::Indirect;
  C.Callee = signatureOfType(Function, Class);
  if (const auto *Proto = Function->getAs<FunctionProtoType>())
    C.Nonallocating = isNonallocating(Proto->getFunctionEffects());
  // The pointer as written: 'handler', '(motor.*action)'.
  C.CalleeName = Lexer::getSourceText(
                     CharSourceRange::getTokenRange(Pointer->getSourceRange()),
                     SM, Ctx.getLangOpts())
                     .str();
  // Written in a macro ('TCP_EVENT_ACCEPT(...)' expanding to
  // '(lpcb)->accept(...)'), it has no text of its own: as clang prints it.
  if (C.CalleeName.empty()) {
    llvm::raw_string_ostream OS(C.CalleeName);
    Pointer->printPretty(OS, nullptr, Ctx.getPrintingPolicy());
  }
  if (C.CalleeName.empty() || C.CalleeName.size() > 60)
    C.CalleeName = "a function pointer";
  C.Where = point(reportedAt(Loc));
  C.Accepted = suppressed(Loc, "noalloc-call") ||
               suppressed(Loc, "noalloc-unknown-call");
  C.Guards = currentGuards();
  return C;
}

void Extractor::addIndirectCall(size_t Caller, const CallExpr *E,
                                QualType Function, QualType Class) {
  SourceLocation Loc = E->getExprLoc();
  CallSite C =
      indirectCall(E->getCallee()->IgnoreImpCasts(), Loc, Function, Class);
  if (E->getCallee()->getType()->isBlockPointerType())
    C.Kind = CallKind::Block;
  if (const ValueDecl *Pointer = calledPointer(E, SM)) {
    C.Pointer = usr(Pointer);
    C.OpenToClients = openToClients(Pointer, SM);
  }
  facts(Caller).Calls.push_back(std::move(C));
}

void Extractor::addArgumentCall(size_t Caller, const Expr *Arg,
                                StringRef Parameter) {
  QualType Function = Arg->getType()->getPointeeType();
  if (Function.isNull() || !Function->isFunctionType())
    return;
  CallSite C = indirectCall(Arg->IgnoreImpCasts(), Arg->getExprLoc(), Function,
                            QualType());
  if (!Parameter.empty())
    C.Pointer = Parameter.str();
  else if (const ValueDecl *Pointer = passedPointer(Arg, SM)) {
    C.Pointer = usr(Pointer);
    C.OpenToClients = openToClients(Pointer, SM);
  }
  facts(Caller).Calls.push_back(std::move(C));
}

/// A parameter whose value is a function to call: a pointer to a function
/// or to a member function, a reference to a function.
static bool functionParameter(QualType T) {
  return T->isFunctionPointerType() || T->isMemberFunctionPointerType() ||
         T->isFunctionReferenceType();
}

std::string Extractor::parameterKey(const FunctionDecl *FD, unsigned I) {
  return (ParameterPrefix + std::to_string(I) + ":" + facts(function(FD)).USR)
      .str();
}

namespace {
/// The references to a function's parameters, and those among them that
/// only read the value: the parameters with other references may change.
class ParameterUses : public RecursiveASTVisitor<ParameterUses> {
public:
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) {
    if (E->getCastKind() == CK_LValueToRValue)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(E->getSubExpr()->IgnoreParens()))
        Read.insert(Ref);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *E) {
    // A capture by reference changes nothing itself: the lambda's body,
    // walked too, says what it does with it.
    for (const Expr *Init : E->capture_inits())
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
              Init ? Init->IgnoreParens() : nullptr))
        Read.insert(Ref);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *P = dyn_cast<ParmVarDecl>(E->getDecl()))
      Refs.emplace_back(E, P);
    return true;
  }
  llvm::DenseSet<const DeclRefExpr *> Read;
  std::vector<std::pair<const DeclRefExpr *, const ParmVarDecl *>> Refs;
};
} // namespace

bool Extractor::unchangedParameter(const ParmVarDecl *P) {
  // A reference to a function is never rebound.
  if (P->getType()->isFunctionReferenceType())
    return true;
  const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext());
  if (!FD)
    return false;
  auto [It, New] = ChangedParameters.try_emplace(FD);
  if (New) {
    ParameterUses Uses;
    Uses.TraverseDecl(const_cast<FunctionDecl *>(FD));
    for (auto [Ref, Parm] : Uses.Refs)
      if (!Uses.Read.contains(Ref))
        It->second.insert(Parm);
  }
  return !It->second.contains(P);
}

std::string Extractor::readParameter(const Expr *E, const FunctionDecl *In) {
  if (!In)
    return "";
  // A virtual member's callers may call an overrider, whose parameters are
  // its own: not followed.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(In);
      Method && Method->isVirtual())
    return "";
  while (true) {
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Deref = dyn_cast<UnaryOperator>(E);
             Deref && Deref->getOpcode() == UO_Deref)
      E = Deref->getSubExpr();
    else
      break;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  // The parameter of the function itself, not one a lambda captures (the
  // lambda may run after the function returns).
  const auto *Owner = P ? dyn_cast<FunctionDecl>(P->getDeclContext()) : nullptr;
  if (!Owner || Owner->getCanonicalDecl() != In->getCanonicalDecl() ||
      !functionParameter(P->getType()) || !unchangedParameter(P))
    return "";
  return parameterKey(In, P->getFunctionScopeIndex());
}

void Extractor::passUnknown(const FunctionDecl *Callee) {
  for (unsigned I = 0, E = Callee->getNumParams(); I < E; ++I)
    if (functionParameter(Callee->getParamDecl(I)->getType()))
      ParameterSlots[parameterKey(Callee, I)] = true;
}

/// The function-pointer parameters the unit's calls pass arguments to.
void Extractor::addParameterSlots() {
  for (const auto &[Key, Unknown] : ParameterSlots) {
    PointerFacts P;
    P.USR = Key;
    P.OtherWrites = Unknown;
    Facts.Pointers.push_back(std::move(P));
  }
}

/// The followed pointers the unit writes, with the functions stored.
void Extractor::addPointers() {
  // Checked as roots: a call through the pointer trusts the attribute.
  for (const FunctionDecl *FD : Pointers.EffectConversions)
    facts(function(FD)).Root = true;
  for (const auto &[Decl, Stores] : Pointers.Pointers) {
    PointerFacts P;
    P.USR = usr(Decl);
    P.OtherWrites = Stores.OtherWrites;
    P.Copied = Stores.Copied;
    P.NullStored = Stores.NullStored;
    for (const FunctionDecl *FD : Stores.Functions) {
      FunctionFacts &F = facts(function(FD));
      F.AddressTaken = true;
      P.Functions.push_back(F.USR);
    }
    for (const UnseenWriter &W : Stores.Writers)
      P.Writers.push_back(writerKey(W));
    for (const FunctionDecl *Returner : Stores.Returners)
      P.Writers.push_back(returnedKey(Returner));
    if (Stores.FromClients)
      P.Writers.push_back(ClientsWriter.str());
    // What its callers pass, when the parameter is followed: the link
    // looks for them in the program.
    for (const DeclRefExpr *Ref : Stores.Parameters) {
      const auto *Owner =
          dyn_cast<FunctionDecl>(Ref->getDecl()->getDeclContext());
      std::string Key = Owner ? readParameter(Ref, Owner) : "";
      if (Key.empty())
        P.OtherWrites = true;
      else
        P.Writers.push_back(std::move(Key));
    }
    llvm::sort(P.Writers);
    P.Writers.erase(std::unique(P.Writers.begin(), P.Writers.end()),
                    P.Writers.end());
    Facts.Pointers.push_back(std::move(P));
  }
  // The writer that a unit referring to one of them names: listed, it is
  // in the program.
  for (const VarDecl *Var : Pointers.Variables) {
    UnseenWriter Initializer;
    Initializer.Variable = Var;
    PointerFacts P;
    P.USR = writerKey(Initializer);
    Facts.Pointers.push_back(std::move(P));
  }
}

std::string Extractor::writerKey(const UnseenWriter &W) {
  if (W.Variable)
    return "noalloc:variable:" + usr(W.Variable);
  // Where the call's pointer or object comes from, as the link's
  // CallSite::Pointer names it: the call that returned it, or the followed
  // pointer it is read from.
  std::string Returned;
  if (W.ReturnedBy)
    Returned = "|" + returnedKey(W.ReturnedBy);
  else if (W.Through)
    Returned = "|" + usr(W.Through);
  if (W.Pointer) {
    // The signature of the functions it may call, as an indirect call's.
    auto [Function, Class] = calledFunctionType(QualType(W.Pointer, 0));
    return "noalloc:indirect:" + signatureOfType(Function, Class) + Returned;
  }
  std::string USR = facts(function(W.Function)).USR;
  return W.Virtual ? "noalloc:virtual:" + USR + Returned : USR;
}

std::string Extractor::returnedKey(const FunctionDecl *Function) {
  return ReturnedPrefix.str() + facts(function(Function)).USR;
}

std::string Extractor::callableKey(CallableSlot Slot) {
  if (Slot.Index == CallableSlot::Elements)
    return "noalloc:callable-elements:" + usr(cast<NamedDecl>(Slot.Decl));
  if (Slot.Index < 0)
    return "noalloc:callable:" + usr(cast<NamedDecl>(Slot.Decl));
  return "noalloc:callable-parameter:" + std::to_string(Slot.Index) + ":" +
         usr(cast<NamedDecl>(Slot.Decl));
}

PointerFacts Extractor::slotFacts(std::string Key,
                                  const CallableStores::Stores &Stores) {
  PointerFacts P;
  P.USR = std::move(Key);
  P.OtherWrites = !Stores.Unfollowed.empty();
  P.Unfollowed = Stores.Unfollowed;
  for (const FunctionDecl *FD : Stores.Functions)
    P.Functions.push_back(facts(function(FD)).USR);
  for (CallableSlot Source : Stores.Sources)
    P.Sources.push_back(callableKey(Source));
  return P;
}

/// The std::function slots the unit writes, with what is stored.
void Extractor::addCallables() {
  for (const auto &[Slot, Stores] : Callables.Slots)
    Facts.Pointers.push_back(slotFacts(callableKey(Slot), Stores));
}

std::string Extractor::calledSlot(size_t Caller, const CXXOperatorCallExpr *E) {
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(E->getExprLoc()));
  std::string Key = "noalloc:callable-call:" +
                    (P.isValid() ? std::to_string(P.getLine()) + ":" +
                                       std::to_string(P.getColumn())
                                 : std::string("0:0")) +
                    ":" + facts(Caller).USR;
  Facts.Pointers.push_back(slotFacts(Key, calledStores(E, Ctx, Callable)));
  return Key;
}

void Extractor::addLibraryArguments() {
  for (const auto &[Parameter, CallerIndex] : LibraryArguments) {
    describe(CallerIndex);
    // 'std::allocator::construct', without its template arguments.
    std::string Caller;
    unsigned Depth = 0;
    for (char C : facts(CallerIndex).Name) {
      Depth += C == '<';
      if (!Depth)
        Caller += C;
      Depth -= C == '>' && Depth;
    }
    PointerFacts P;
    P.USR = callableKey({Parameter.first, int(Parameter.second)});
    P.OtherWrites = true;
    P.Unfollowed = "parameter " + std::to_string(Parameter.second + 1) +
                   " of '" + Parameter.first->getNameAsString() +
                   "': library code ('" + Caller + "') passes it";
    Facts.Pointers.push_back(std::move(P));
  }
}

void Extractor::addCallableCall(size_t Caller, const CXXOperatorCallExpr *E,
                                const std::string &Key,
                                const FunctionDecl *Operator) {
  CallSite C;
  C.Kind = CallKind::Indirect;
  C.Callee = Operator ? facts(function(Operator)).USR : "noalloc:callable";
  C.Pointer = Key;
  C.CalleeName = Lexer::getSourceText(CharSourceRange::getTokenRange(
                                          E->getArg(0)->getSourceRange()),
                                      SM, Ctx.getLangOpts())
                     .str();
  if (C.CalleeName.empty() || C.CalleeName.size() > 60)
    C.CalleeName = "a std::function";
  SourceLocation Loc = E->getExprLoc();
  C.Where = point(reportedAt(Loc));
  C.Accepted = suppressed(Loc, "noalloc-call") ||
               suppressed(Loc, "noalloc-unknown-call");
  facts(Caller).Calls.push_back(std::move(C));
}

size_t Extractor::standIn(StringRef Prefix, const Decl *Key,
                          const LibrarySummary &Summary,
                          llvm::function_ref<void(FunctionFacts &)> Describe) {
  auto [It, New] =
      StandIns.try_emplace({Prefix.data(), Key}, Facts.Functions.size());
  if (New) {
    FunctionFacts F;
    Describe(F);
    F.InSystemHeader = true;
    F.Summary = Summary;
    F.Summary.Summarised = true;
    Facts.Functions.push_back(std::move(F));
  }
  return It->second;
}

size_t Extractor::standIn(StringRef Prefix, const FunctionDecl *FD,
                          const LibrarySummary &Summary, bool Known) {
  return standIn(Prefix, FD->getCanonicalDecl(), Summary,
                 [&](FunctionFacts &F) {
                   F.USR = (Prefix + usr(FD)).str();
                   F.Name = displayName(FD);
                   if (Known)
                     F.KnowledgeName = knowledgeName(FD);
                   F.Where = point(FD->getLocation());
                 });
}

size_t Extractor::failureThrow(const CXXRecordDecl *Class,
                               StringRef Exception) {
  LibrarySummary Fails;
  Fails.AllocatesOnFailure = true;
  Fails.Exception = Exception.str();
  return standIn(FailureThrowPrefix, Class->getCanonicalDecl(), Fails,
                 [&](FunctionFacts &F) {
                   F.USR = (FailureThrowPrefix + usr(Class)).str();
                   F.Name = Exception.str();
                   F.Where = point(Class->getLocation());
                 });
}

size_t Extractor::emptyFunction(const FunctionDecl *Call) {
  LibrarySummary Fails;
  Fails.AllocatesOnFailure = true;
  Fails.Exception = "std::bad_function_call";
  return standIn("noalloc:empty-std-function:", Call, Fails, false);
}

size_t Extractor::mayAllocateCall(const FunctionDecl *Callee) {
  LibrarySummary MayAllocate;
  MayAllocate.MayAllocate = true;
  return standIn(MayAllocateCallPrefix, Callee, MayAllocate, true);
}

size_t Extractor::allocatingCall(const FunctionDecl *Callee) {
  LibrarySummary Allocates;
  Allocates.Allocates = true;
  return standIn("noalloc:allocating-call:", Callee, Allocates, true);
}

size_t Extractor::ownResourceCall(const FunctionDecl *Callee,
                                  const OwnResource &R) {
  auto [It, New] = OwnResourceCalls.try_emplace(
      {Callee->getCanonicalDecl(), R.Class->getCanonicalDecl()},
      Facts.Functions.size());
  if (!New)
    return It->second;
  size_t Twin = It->second;
  Facts.Functions.emplace_back();
  std::vector<CallSite> Calls;
  for (const FunctionDecl *Target :
       {Callee, static_cast<const FunctionDecl *>(R.Allocate),
        static_cast<const FunctionDecl *>(R.Deallocate)}) {
    size_t I = function(Target);
    describe(I);
    CallSite &C = Calls.emplace_back();
    C.Callee = facts(I).USR;
    C.CalleeName = facts(I).Name;
    C.Where = point(Target->getLocation());
  }
  FunctionFacts &F = facts(Twin);
  F.USR = (OwnResourcePrefix + Calls[0].Callee + "|" + usr(R.Class)).str();
  F.Name = Calls[0].CalleeName;
  F.Where = point(Callee->getLocation());
  F.InSystemHeader = true;
  F.Constructor = isa<CXXConstructorDecl>(Callee);
  F.Summary.Summarised = true;
  F.Calls = std::move(Calls);
  return Twin;
}

void Extractor::describe(size_t I) {
  if (I >= Undescribed.size())
    return;
  if (const FunctionDecl *Decl = std::exchange(Undescribed[I], nullptr)) {
    facts(I).Name = displayName(Decl);
    facts(I).Signature = signature(Decl);
  }
}

void Extractor::describeKept() {
  size_t N = Facts.Functions.size();
  std::vector<bool> Keep(N);
  for (size_t I = 0; I < N; ++I)
    // An overrider is reached by a virtual call of another unit (a
    // shared_ptr's control block): a chain can name it.
    Keep[I] = !facts(I).InSystemHeader || facts(I).AddressTaken ||
              !facts(I).Overrides.empty();
  for (auto [Caller, Call, Target] : NamedCalls)
    if (!facts(Caller).InSystemHeader)
      Keep[Target] = true;
  // The summary keeps functions by USR: two that share one go together.
  llvm::StringSet<> KeptUSRs;
  for (size_t I = 0; I < N; ++I)
    if (Keep[I])
      KeptUSRs.insert(facts(I).USR);
  for (size_t I = 0; I < N; ++I)
    if (Keep[I] || KeptUSRs.contains(facts(I).USR))
      describe(I);
  // The library's calls go with its bodies.
  for (auto [Caller, Call, Target] : NamedCalls)
    if (!facts(Caller).InSystemHeader)
      facts(Caller).Calls[Call].CalleeName = facts(Target).Name;
}

void Extractor::castFunction(const FunctionDecl *FD,
                             const ExplicitCastExpr *E) {
  auto [To, Class] = calledFunctionType(E->getType());
  size_t I = function(FD);
  describe(I);
  castTo(facts(I), signatureOfType(To, Class));
}

void Extractor::callAliasTarget(const FunctionDecl *Alias, size_t I) {
  const FunctionDecl *Target = aliasTarget(Alias, Ctx);
  // Not found (a C++ member's mangled name): unseen, as undefined.
  if (!Target) {
    facts(I).Defined = false;
    return;
  }
  addCall(I, Target, Alias->getAttr<AliasAttr>()->getLocation(),
          CallKind::Direct, ObjectMemory::None);
}

void Extractor::addDefinitions(const UnitDefinitions &Definitions) {
  UnitThreadExit = Definitions.ThreadExit;
  for (const UnitDefinitions::Event &E : Definitions.Events)
    switch (E.What) {
    case UnitDefinitions::Kind::Defined:
      function(E.Function);
      break;
    case UnitDefinitions::Kind::Referenced:
      takeAddress(E.Function, E.Node);
      break;
    case UnitDefinitions::Kind::MemberCall:
      convertLambda(cast<CallExpr>(E.Node));
      break;
    case UnitDefinitions::Kind::Cast:
      castFunction(E.Function, cast<ExplicitCastExpr>(E.Node));
      break;
    }
}

TranslationUnitFacts Extractor::run() {
  UnitStores Stores = collectStores(Ctx, Callable);
  Pointers = std::move(Stores.Pointers);
  Callables = std::move(Stores.Callables);
  addDefinitions(Stores.Definitions);
  addPointers();
  addCallables();
  while (!Worklist.empty()) {
    auto [FD, I] = Worklist.back();
    Worklist.pop_back();
    if (!FD->hasBody()) {
      callAliasTarget(FD, I);
      continue;
    }
    BodyScanner(*this, I).scan(FD);
    if (const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(FD->getBody()))
      Coroutines.emplace_back(I, Body);
  }
  // The body scans asked the checks' parent index last (heldInPlace's
  // uses of a variable); the facts grow to the unit's peak from here on
  // (rapidjson's readertest.cpp: 13.6 MiB of it the index). Freed before
  // the checks' questions were answered, it was built again (json's
  // unit-json_patch.cpp: 0.084 billion instructions).
  releaseParentIndex(Ctx);
  addParameterSlots();
  addLibraryArguments();
  describeKept();
  addCoroutineBodies();
  return std::move(Facts);
}

//===----------------------------------------------------------------------===//
// BodyScanner
//===----------------------------------------------------------------------===//

/// The construction a member initializer runs: its own, or the in-class
/// initializer's ('v_ = std::vector<int>(16)' makes the member itself).
static const Expr *constructionOf(const Expr *Init) {
  if (const auto *Default = dyn_cast<CXXDefaultInitExpr>(Init))
    Init = Default->getExpr();
  Init = Init->IgnoreImplicit();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init);
      Cast && isa<CXXConstructExpr>(Cast->getSubExpr()->IgnoreImplicit()))
    return Cast->getSubExpr()->IgnoreImplicit();
  return Init;
}

void BodyScanner::scan(const FunctionDecl *FD) {
  Scanned = FD;
  std::optional<ParameterGuards> Guards;
  if (!X.facts(Function).InSystemHeader) {
    Guards.emplace(*FD, X.Ctx, X.FieldNames);
    std::vector<std::string> &Written = X.facts(Function).WrittenFields;
    llvm::append_range(Written, Guards->writtenFields());
    llvm::sort(Written);
    Written.erase(llvm::unique(Written), Written.end());
  }
  llvm::SaveAndRestore<const ParameterGuards *> Guarding(
      X.Guards, Guards ? &*Guards : nullptr);
  llvm::SaveAndRestore<const Stmt *> Guarded(X.GuardedStmt, nullptr);
  llvm::SaveAndRestore Home(
      X.Rehomed, std::make_pair(FD->getLocation(), implicitMemberHome(FD)));
  // A member held in place is made, copied and destroyed without the heap.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      const FieldDecl *Member = Init->getMember();
      if (Member && X.inPlace(Member))
        continue;
      if (Member && X.bounded(Member))
        BoundedConstructions.insert(constructionOf(Init->getInit()));
      else if (Member)
        MemberConstructions[constructionOf(Init->getInit())] =
            Init->isWritten() ? nullptr : Member;
      initializesInPlace(Init->getInit());
      TraverseStmt(Init->getInit());
    }
  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(FD)) {
    // Members and bases are destroyed after the body; a union's variant
    // members are not.
    const CXXRecordDecl *Class = Dtor->getParent();
    for (const FieldDecl *Field : Class->fields())
      if (!Class->isUnion() && !X.inPlace(Field))
        destroy(Field->getType(), Dtor->getLocation(), X.bounded(Field), Field);
    for (const CXXBaseSpecifier &Base : Class->bases())
      destroy(Base.getType(), Dtor->getLocation());
  }
  TraverseStmt(FD->getBody());
}

bool BodyScanner::dataTraverseStmtPre(Stmt *S) {
  // Called before each statement's parts are traversed, whether the
  // traversal recurses or queues them.
  if (NeverRun.contains(S))
    return false;
  for (const Stmt *Part : partsNeverRun(S, X.Ctx))
    NeverRun.insert(Part);
  // What its visit records is guarded as it is.
  X.GuardedStmt = S;
  return true;
}

bool BodyScanner::TraverseInitListExpr(InitListExpr *E) {
  if (!RecursiveASTVisitor::TraverseInitListExpr(E))
    return false;
  // The elements the list leaves out are made by its array filler, which
  // RecursiveASTVisitor does not traverse ('Buffer Arr[3] = {}') unless a
  // designator's hole holds it.
  InitListExpr *Semantic = E->isSemanticForm() ? E : E->getSemanticForm();
  Expr *Filler = Semantic ? Semantic->getArrayFiller() : nullptr;
  return !Filler || llvm::is_contained(Semantic->inits(), Filler) ||
         TraverseStmt(Filler);
}

bool BodyScanner::TraverseVarDecl(VarDecl *D) {
  // A constexpr variable's initializer runs at compile time; the functions
  // its value points to may be called through it.
  if (!hasCompileTimeInitializer(D))
    return RecursiveASTVisitor::TraverseVarDecl(D);
  X.takeConstantAddresses(D);
  return true;
}

bool BodyScanner::TraverseLambdaExpr(LambdaExpr *E) {
  // Captures are initialized here; the body is the call operator's.
  for (Expr *Init : E->capture_inits())
    if (Init)
      TraverseStmt(Init);
  X.function(E->getCallOperator());
  return true;
}

static ObjectMemory memoryOfUncached(QualType T, const KnowledgeBase &KB) {
  switch (classifyType(T, KB).Use) {
  case HeapUse::None:
    return ObjectMemory::None;
  case HeapUse::Heap:
    return ObjectMemory::Heap;
  case HeapUse::MemoryResource:
    return ObjectMemory::MemoryResource;
  case HeapUse::CustomAllocator:
    return ObjectMemory::CustomAllocator;
  }
  llvm_unreachable("unknown heap use");
}

ObjectMemory Extractor::memoryOf(QualType T) {
  auto [It, New] = MemoryOfType.try_emplace(T.getAsOpaquePtr());
  if (New)
    It->second = memoryOfUncached(T, KB);
  return It->second;
}

/// The object an expression names, if the object checks report it where
/// it is declared: a variable or member, not a reference or a parameter.
static const ValueDecl *namedObject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  // s.append(a).append(b): the chain returns the same object.
  while (const auto *Chained = dyn_cast<CXXMemberCallExpr>(E)) {
    if (!Chained->isGLValue() || !Chained->getImplicitObjectArgument())
      break;
    E = Chained->getImplicitObjectArgument()->IgnoreParenImpCasts();
  }
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    D = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(E))
    D = Member->getMemberDecl();
  if (!D || isa<ParmVarDecl>(D) || !isa<VarDecl, FieldDecl>(D))
    return nullptr;
  return D;
}

std::optional<SourceLocation>
BodyScanner::declaredOutside(const Expr *E) const {
  const ValueDecl *D = namedObject(E);
  if (!D)
    return std::nullopt;
  const auto *Var = dyn_cast<VarDecl>(D);
  const DeclContext *Owner = Var ? Var->getParentFunctionOrMethod() : nullptr;
  if (!Owner)
    return SourceLocation();
  // A lambda's or a block's capture is declared in an enclosing function.
  const auto *OwnerDecl = dyn_cast<Decl>(Owner);
  if (!OwnerDecl || !Scanned ||
      OwnerDecl->getCanonicalDecl() == Scanned->getCanonicalDecl())
    return std::nullopt;
  return Var->getLocation();
}

/// Library code that creates or destroys an object of \p T: the object
/// is the owning type's, reported by the object checks.
ObjectMemory libraryObjectMemory(const Decl *Callee, QualType T,
                                 Extractor &X) {
  if (!X.inSystemHeader(Callee->getLocation()))
    return ObjectMemory::None;
  return X.memoryOf(T);
}

/// How a call of \p Callee on \p Object is dispatched. When the object's
/// dynamic type is known (a variable or member of class type, not a
/// reference or pointer) or the class or the function is 'final', only one
/// function can run: \p Callee becomes it and the call is direct.
static CallKind dispatch(const FunctionDecl *&Callee, const Expr *Object) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || !Method->isVirtual())
    return CallKind::Direct;
  if (const CXXMethodDecl *Known =
          Method->getDevirtualizedMethod(Object, /*IsAppleKext=*/false)) {
    Callee = Known;
    return CallKind::Direct;
  }
  return CallKind::Virtual;
}

ObjectMemory BodyScanner::objectMemory(const Expr *E) {
  // A parameter's object is its caller's: left to noalloc-call, unless
  // every caller gives one over a bounded resource.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (const auto *Parm = dyn_cast<ParmVarDecl>(Ref->getDecl());
        Parm && X.bounded(Parm))
      return ObjectMemory::BoundedResource;
  const ValueDecl *D = namedObject(E);
  if (!D)
    return ObjectMemory::None;
  if (const auto *Var = dyn_cast<VarDecl>(D); Var && X.bounded(Var))
    return ObjectMemory::BoundedResource;
  // Its resource's do_allocate is code of the program's own, which the
  // calls on it reach (ownResourceOf): noalloc-call's.
  if (const auto *Var = dyn_cast<VarDecl>(D); Var && X.ownResource(Var))
    return ObjectMemory::None;
  if (const auto *Field = dyn_cast<FieldDecl>(D); Field && X.bounded(Field))
    return ObjectMemory::BoundedResource;
  return X.memoryOf(D->getType());
}

const OwnResource *BodyScanner::ownResourceOf(const FunctionDecl *Callee,
                                              const Expr *E) {
  if (X.facts(Function).InSystemHeader ||
      !X.inSystemHeader(Callee->getLocation()))
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var ? X.ownResource(Var) : nullptr;
}

std::string BodyScanner::unboundedParameter(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Parm = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!Parm || X.bounded(Parm) ||
      X.memoryOf(Parm->getType().getNonReferenceType()) !=
          ObjectMemory::MemoryResource)
    return "";
  return Parm->getNameAsString();
}

/// A call through a pointer, a block or a member pointer: its function type
/// (and class) says which functions it may reach.
void BodyScanner::addIndirectCall(const CallExpr *E) {
  QualType T = E->getCallee()->getType();
  QualType Class;
  if (const auto *Ptr = T->getAs<PointerType>())
    T = Ptr->getPointeeType();
  else if (const auto *Block = T->getAs<BlockPointerType>())
    T = Block->getPointeeType();
  if (const auto *Bin =
          dyn_cast<BinaryOperator>(E->getCallee()->IgnoreParens())) {
    // (object.*member)(): the member pointer's function type.
    if (const auto *MP = Bin->getRHS()->getType()->getAs<MemberPointerType>()) {
      T = MP->getPointeeType();
      if (const Type *C = compat::memberPointerClass(MP))
        Class = QualType(C, 0);
    }
  }
  if (!T->isFunctionType())
    return;
  X.addIndirectCall(Function, E, T, Class);
  // A call through a parameter its function never changes runs what its
  // callers pass.
  const Expr *Called = E->getCallee()->IgnoreParens();
  if (const auto *Member = dyn_cast<BinaryOperator>(Called);
      Member && Member->isPtrMemOp())
    Called = Member->getRHS();
  std::string Parameter = X.readParameter(Called, Scanned);
  CallSite &Added = X.facts(Function).Calls.back();
  if (Added.Kind == CallKind::Indirect && Added.Pointer.empty())
    Added.Pointer = std::move(Parameter);
}

/// Handles a call of 'operator new'/'delete' or of a builtin; true when the
/// call needs nothing more (a heap site, or the compiler's own builtin).
bool BodyScanner::handledAsBuiltin(const CallExpr *E,
                                   const FunctionDecl *Callee) {
  SourceLocation Loc = E->getExprLoc();
  auto AddOperator = [&](bool New) {
    X.addSite(Function, Loc,
              New ? SiteKind::OperatorNew : SiteKind::OperatorDelete,
              New ? "calls 'operator new'" : "calls 'operator delete'");
    return true;
  };
  if (Callee->isReplaceableGlobalAllocationFunction())
    return AddOperator(Callee->getOverloadedOperator() == OO_New ||
                       Callee->getOverloadedOperator() == OO_Array_New);
  unsigned Builtin = Callee->getBuiltinID();
  if (!Builtin)
    return false;
  if (Builtin == Builtin::BI__builtin_operator_new ||
      Builtin == Builtin::BI__builtin_operator_delete)
    return AddOperator(Builtin == Builtin::BI__builtin_operator_new);
  if (Builtin == Builtin::BI__builtin_coro_resume ||
      Builtin == Builtin::BI__builtin_coro_destroy) {
    X.resumeCoroutines(Function, Scanned, E,
                       Builtin == Builtin::BI__builtin_coro_destroy);
    return true;
  }
  // The compiler's own builtins (__builtin_expect, __builtin_va_end,
  // __builtin_isnan) are not calls. Library functions are, under their
  // library name: malloc declared implicitly, __builtin_malloc and
  // __builtin_memcpy, as far as the knowledge base knows them.
  std::string BuiltinName(X.Ctx.BuiltinInfo.getName(Builtin));
  StringRef Name = BuiltinName;
  Name.consume_front("__builtin_");
  return !X.Ctx.BuiltinInfo.isPredefinedLibFunction(Builtin) &&
         !X.KB.function(Name);
}

/// Whether \p Call is 'std::addressof(x)' or '__builtin_addressof(x)'.
static bool isAddressOf(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || Call->getNumArgs() != 1)
    return false;
  if (Callee->getBuiltinID() == Builtin::BI__builtin_addressof)
    return true;
  return Callee->isInStdNamespace() && Callee->getIdentifier() &&
         Callee->getName() == "addressof";
}

/// The function \p Arg names: 'f', '&f', 'std::addressof(f)' (libc++'s
/// call_once passes its proxy so), a lambda converted to a pointer.
static const FunctionDecl *namedFunction(const Expr *Arg) {
  Arg = Arg->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(Arg); Call && isAddressOf(Call))
    Arg = Call->getArg(0)->IgnoreParenImpCasts();
  // '&f', or '+[]{...}', which converts a lambda to a pointer.
  if (const auto *U = dyn_cast<UnaryOperator>(Arg);
      U && (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Plus))
    Arg = U->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg))
    return dyn_cast<FunctionDecl>(Ref->getDecl());
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Arg))
    if (const auto *Conversion =
            dyn_cast_or_null<CXXConversionDecl>(Call->getDirectCallee()))
      if (Conversion->getParent()->isLambda())
        return convertedCallOperator(Conversion);
  return nullptr;
}

/// The functions a library function runs before it returns (the knowledge
/// base's calls-argument: qsort's comparator, pthread_once's init routine)
/// are the caller's calls: where the argument names them, or through the
/// pointer it passes.
void BodyScanner::addArgumentCalls(const CallExpr *E,
                                   const FunctionEntry &Entry) {
  for (unsigned I : Entry.CallsArguments) {
    if (I >= E->getNumArgs())
      continue;
    if (const FunctionDecl *FD = namedFunction(E->getArg(I)))
      X.addCall(Function, FD, E->getArg(I)->getExprLoc(), CallKind::Direct,
                ObjectMemory::None);
    else
      X.addArgumentCall(Function, E->getArg(I),
                        X.readParameter(E->getArg(I), Scanned));
  }
}

/// libstdc++'s std::call_once hands pthread_once '__once_proxy', compiled
/// into the library, which calls the callable that the
/// 'once_flag::_Prepare_execution' object \p In made holds (through a
/// thread-local pointer it sets): that callable's call operator, or null.
static const FunctionDecl *onceCallable(const FunctionDecl *In) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const CXXRecordDecl *Callable = nullptr;
    bool VisitCXXConstructExpr(CXXConstructExpr *E) {
      const CXXRecordDecl *Class = E->getConstructor()->getParent();
      if (Class->getIdentifier() && Class->getName() == "_Prepare_execution" &&
          E->getNumArgs() == 1)
        Callable = E->getArg(0)->getType()->getAsCXXRecordDecl();
      return !Callable;
    }
  } Find;
  if (In && In->getBody())
    Find.TraverseStmt(In->getBody());
  return Find.Callable && Find.Callable->isLambda()
             ? Find.Callable->getLambdaCallOperator()
             : nullptr;
}

void Extractor::passArguments(size_t Caller, const FunctionDecl *In,
                              const FunctionDecl *Callee,
                              llvm::ArrayRef<const Expr *> Args) {
  // Compiled library code, and a virtual member (its overriders' parameters
  // are their own): not followed.
  if (isLibraryCode(Callee) && !Callee->hasBody())
    return;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      Method && Method->isVirtual())
    return;
  // Through a declaration without a prototype ('void init();' in C before
  // C23) the unit cannot tell which arguments are function-pointer
  // parameters: any may be, passed something not followed.
  if (!Callee->hasPrototype())
    for (unsigned I = Callee->getNumParams(), E = Args.size(); I < E; ++I)
      if (functionParameter(Args[I]->getType()))
        ParameterSlots[parameterKey(Callee, I)] = true;
  for (unsigned I = 0,
                E = std::min<size_t>(Args.size(), Callee->getNumParams());
       I < E; ++I)
    if (functionParameter(Callee->getParamDecl(I)->getType())) {
      std::string Key = parameterKey(Callee, I);
      bool Unknown = false;
      passArgument(Caller, In, Key, Args[I], Unknown);
      ParameterSlots[Key] |= Unknown;
    }
}

void Extractor::passArgument(size_t Caller, const FunctionDecl *In,
                             const std::string &Key, const Expr *Arg,
                             bool &Unknown) {
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Arg))
    Arg = Default->getExpr();
  Arg = Arg->IgnoreParens();
  if (const auto *Choice = dyn_cast<ConditionalOperator>(Arg)) {
    passArgument(Caller, In, Key, Choice->getTrueExpr(), Unknown);
    passArgument(Caller, In, Key, Choice->getFalseExpr(), Unknown);
    return;
  }
  if (Arg->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return;
  if (const FunctionDecl *FD = namedFunction(Arg)) {
    // A pointer to a virtual member calls the object's overrider.
    const auto *Method = dyn_cast<CXXMethodDecl>(FD);
    size_t Before = facts(Caller).Calls.size();
    addCall(Caller, FD, Arg->getExprLoc(),
            Method && Method->isVirtual() ? CallKind::Virtual
                                          : CallKind::Direct,
            ObjectMemory::None);
    if (facts(Caller).Calls.size() > Before)
      facts(Caller).Calls.back().Pointer = (PassedPrefix + Key).str();
    if (FD->isInStdNamespace() && FD->getIdentifier() &&
        FD->getName() == "__once_proxy")
      if (const FunctionDecl *Callable = onceCallable(In))
        addCall(Caller, Callable, Arg->getExprLoc(), CallKind::Direct,
                ObjectMemory::None);
    return;
  }
  // A followed pointer's value, to a parameter that goes nowhere else: the
  // call runs what the pointer holds.
  const ValueDecl *Pointer =
      Pointers.PassedReads.contains(Arg) ? passedPointer(Arg, SM) : nullptr;
  std::string Source = Pointer ? usr(Pointer) : readParameter(Arg, In);
  auto [Function, Class] = calledFunctionType(Arg->getType());
  if (Source.empty() || !Function->isFunctionType()) {
    Unknown = true;
    return;
  }
  CallSite C = indirectCall(Arg, Arg->getExprLoc(), Function, Class);
  C.Pointer = (PassedPrefix + Key + "|" + Source).str();
  C.OpenToClients = Pointer && openToClients(Pointer, SM);
  facts(Caller).Calls.push_back(std::move(C));
}

bool BodyScanner::settledByKnowledge(const CallExpr *E,
                                     const FunctionDecl *Callee) {
  // A member of a library class is known by its class template's name:
  // str.compare(0, n, s) uses no heap.
  if (isa<CXXMemberCallExpr>(E))
    if (const FunctionEntry *Entry = X.memberEntry(Callee);
        Entry && doesNothing(E, *Entry, X.Ctx))
      return true;

  // realpath(path, buffer): the allocating form needs a null argument, and
  // the other may allocate on some input; free(NULL) does nothing.
  if (const FunctionEntry *Entry = X.entryByName(Callee)) {
    if (Entry->WhenNullArgument && *Entry->WhenNullArgument < E->getNumArgs() &&
        (isCertainlyNonNull(E->getArg(*Entry->WhenNullArgument)) ||
         isNullGuarded(E->getArg(*Entry->WhenNullArgument), E, X.Ctx))) {
      if (Entry->NotNullEffect == FunctionEffect::MayAllocate)
        X.addCall(Function, X.mayAllocateCall(Callee), E->getExprLoc(),
                  CallKind::Direct, ObjectMemory::None);
      return true;
    }
    if (doesNothing(E, *Entry, X.Ctx))
      return true;
    addArgumentCalls(E, *Entry);
    if (!allocatingConversion(E, *Entry).empty() ||
        allocatingString(E, *Entry)) {
      X.addCall(Function, X.allocatingCall(Callee), E->getExprLoc(),
                CallKind::Direct, ObjectMemory::None);
      return true;
    }
  }

  // A move assignment to a member held in place, or to a variable just
  // moved from, which is empty: it releases nothing.
  return assignsMemberInPlace(E, Callee) || assignsMovedFrom(E, X.Ctx, X.KB);
}

std::optional<BodyScanner::CallReceiver>
BodyScanner::receiverOf(const CallExpr *E, const FunctionDecl *&Callee) {
  CallReceiver R;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const auto *ME = dyn_cast<MemberExpr>(E->getCallee()->IgnoreParens());
    R.Object = Member->getImplicitObjectArgument();
    if (!(ME && ME->hasQualifier()))
      R.Kind = dispatch(Callee, R.Object);
    return R;
  }
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
  if (!Op)
    return R;
  if (callHeldFunction(Op) || callListedCallable(Op, Callee))
    return std::nullopt;
  if (std::optional<CallableSlot> Slot = calledCallable(Op, X.SM, X.Callable)) {
    X.addCallableCall(Function, Op, X.callableKey(*Slot));
    R.Empty = X.emptyFunction(Callee);
  } else if (Op->getOperator() == OO_Call &&
             isStdFunction(Op->getArg(0)->getType()) &&
             !X.facts(Function).InSystemHeader) {
    // Not the library's operator(), whose summary holds what its own
    // unit stores.
    X.addCallableCall(Function, Op, X.calledSlot(Function, Op));
    R.Empty = X.emptyFunction(Callee);
  }
  if (isa<CXXMethodDecl>(Callee) && Op->getNumArgs() > 0) {
    R.Object = Op->getArg(0);
    R.Kind = dispatch(Callee, R.Object);
  }
  return R;
}

ObjectMemory
BodyScanner::calledObjectMemory(const CallExpr *E, const FunctionDecl *Callee,
                                const Expr *Receiver,
                                std::optional<SourceLocation> &Outside) {
  ObjectMemory Object = Receiver ? objectMemory(Receiver) : ObjectMemory::None;
  if (Object != ObjectMemory::None && Object != ObjectMemory::BoundedResource)
    Outside = declaredOutside(Receiver);
  // A library call that returns an owning object: a new one, over the
  // default resource even when it is made from a bounded one (substr).
  if ((Object == ObjectMemory::None ||
       Object == ObjectMemory::BoundedResource) &&
      E->isPRValue())
    if (ObjectMemory Made = libraryObjectMemory(Callee, E->getType(), X);
        Made != ObjectMemory::None || Object == ObjectMemory::None)
      Object = Made;
  return Object;
}

void BodyScanner::passObject(size_t PassedFrom, size_t PassedTo,
                             const FunctionDecl *Callee, ObjectMemory Object,
                             std::optional<SourceLocation> Outside) {
  if (PassedTo == PassedFrom)
    return;
  // A call noalloc-std-type reports by its callee ('os << std::endl')
  // leaves what it runs to it too.
  const FunctionFacts &Called = X.facts(X.function(Callee));
  if (Object == ObjectMemory::None &&
      checkReportingCall(
          Object, X.EnclosingThrow.isValid(), X.InCatch,
          X.KB.function(Called.KnowledgeName, Called.CopyOrMove)) ==
          "noalloc-std-type")
    Object = ObjectMemory::Heap;
  for (size_t I = PassedFrom; I < PassedTo; ++I) {
    CallSite &Passed = X.facts(Function).Calls[I];
    Passed.Object = Object;
    Passed.ObjectOutside = Outside.has_value();
    if (Outside && Outside->isValid())
      Passed.ObjectDeclared = X.point(*Outside);
  }
}

bool BodyScanner::VisitCallExpr(CallExpr *E) {
  if (FrameCalls.contains(E) || InPlaceConstructions.contains(E))
    return true;
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee) {
    addIndirectCall(E);
    return true;
  }
  Callees.insert(E->getCallee()->IgnoreParenImpCasts());
  if (handledAsBuiltin(E, Callee))
    return true;
  llvm::ArrayRef<const Expr *> Args(E->getArgs(), E->getNumArgs());
  if (isa<CXXOperatorCallExpr>(E) && isa<CXXMethodDecl>(Callee) &&
      !Args.empty())
    Args = Args.drop_front(); // The object.
  size_t PassedFrom = X.facts(Function).Calls.size();
  X.passArguments(Function, Scanned, Callee, Args);
  size_t PassedTo = X.facts(Function).Calls.size();

  X.convertLambda(E);
  if (settledByKnowledge(E, Callee))
    return true;
  std::optional<CallReceiver> R = receiverOf(E, Callee);
  if (!R)
    return true;
  std::optional<SourceLocation> Outside;
  ObjectMemory Object = calledObjectMemory(E, Callee, R->Object, Outside);
  std::string Parameter = R->Object ? unboundedParameter(R->Object) : "";
  // The functions passed run on the call's object: the check that reports
  // the call reports them.
  passObject(PassedFrom, PassedTo, Callee, Object, Outside);
  const OwnResource *Own = R->Object && R->Kind == CallKind::Direct
                               ? ownResourceOf(Callee, R->Object)
                               : nullptr;
  if (R->Empty)
    X.addCall(Function, *R->Empty, E->getExprLoc(), R->Kind, Object, Outside);
  else if (Own)
    X.addCall(Function, X.ownResourceCall(Callee, *Own), E->getExprLoc(),
              R->Kind, Object, Outside);
  else {
    llvm::SaveAndRestore Passing(X.CallArguments,
                                 R->Kind == CallKind::Direct
                                     ? knownArguments(E, Callee)
                                     : std::vector<ParameterValue>());
    X.addCall(Function, Callee, E->getExprLoc(), R->Kind, Object, Outside,
              Parameter);
  }
  return true;
}

std::vector<ParameterValue>
BodyScanner::knownArguments(const CallExpr *E, const FunctionDecl *Callee) {
  // Only the link's specialisations of user code read them.
  if (X.facts(Function).InSystemHeader || X.isLibraryCode(Callee))
    return {};
  llvm::ArrayRef<const Expr *> Args(E->getArgs(), E->getNumArgs());
  if (isa<CXXOperatorCallExpr>(E) && isa<CXXMethodDecl>(Callee) &&
      !Args.empty())
    Args = Args.drop_front(); // The object.
  return noalloc::knownArguments(*Callee, Args, X.Ctx, X.Guards, E);
}

bool BodyScanner::assignsMemberInPlace(const CallExpr *E,
                                       const FunctionDecl *Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || !(Method->isCopyAssignmentOperator() ||
                   Method->isMoveAssignmentOperator()))
    return false;
  const Expr *Object = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    Object = Member->getImplicitObjectArgument();
  else if (isa<CXXOperatorCallExpr>(E) && E->getNumArgs() > 0)
    Object = E->getArg(0);
  const auto *ME =
      Object ? dyn_cast<MemberExpr>(Object->IgnoreParenImpCasts()) : nullptr;
  const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  return Field && X.inPlace(Field);
}

bool BodyScanner::callListedCallable(const CXXOperatorCallExpr *E,
                                     const FunctionDecl *Operator) {
  if (E->getOperator() != OO_Call || E->getNumArgs() == 0 ||
      !X.Callable.listed(E->getArg(0)->getType()) ||
      X.facts(Function).InSystemHeader)
    return false;
  std::optional<CallableSlot> Slot = calledCallable(E, X.SM, X.Callable);
  X.addCallableCall(Function, E,
                    Slot ? X.callableKey(*Slot) : X.calledSlot(Function, E),
                    Operator);
  return true;
}

bool BodyScanner::callHeldFunction(const CXXOperatorCallExpr *E) {
  if (E->getOperator() != OO_Call || E->getNumArgs() == 0)
    return false;
  const auto *Ref = dyn_cast<DeclRefExpr>(E->getArg(0)->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return false;
  const std::optional<InPlace> &Held = X.inPlace(Var);
  if (!Held || !Held->Callee)
    return false;
  X.addCall(Function, Held->Callee, E->getExprLoc(), CallKind::Direct,
            ObjectMemory::None);
  return true;
}

bool BodyScanner::VisitCXXConstructExpr(CXXConstructExpr *E) {
  const CXXConstructorDecl *Ctor = E->getConstructor();
  if (!Ctor || Ctor->isTrivial() || InPlaceConstructions.contains(E))
    return true;
  X.passArguments(Function, Scanned, Ctor,
                  llvm::ArrayRef<const Expr *>(E->getArgs(), E->getNumArgs()));
  if (BoundedConstructions.contains(E)) {
    X.addCall(Function, Ctor, E->getBeginLoc(), CallKind::Direct,
              ObjectMemory::BoundedResource);
    return true;
  }
  if (const OwnResource *Own = OwnConstructions.lookup(E);
      Own && X.inSystemHeader(Ctor->getLocation())) {
    X.addCall(Function, X.ownResourceCall(Ctor, *Own), E->getBeginLoc(),
              CallKind::Direct, ObjectMemory::None);
    return true;
  }
  // A member a constructor makes is declared outside it (ObjectOutside).
  ObjectMemory Object = libraryObjectMemory(Ctor, E->getType(), X);
  std::optional<SourceLocation> Outside;
  auto Member = MemberConstructions.find(E);
  if (Object != ObjectMemory::None && Member != MemberConstructions.end())
    Outside = SourceLocation();
  llvm::SaveAndRestore Implicit(
      X.ImplicitMember,
      Member != MemberConstructions.end() ? Member->second : nullptr);
  X.addCall(Function, Ctor, E->getBeginLoc(), CallKind::Direct, Object,
            Outside);
  X.addVirtualMembers(Ctor->getParent());
  return true;
}

// An inheriting constructor ('using Base::Base') runs the base's.
bool BodyScanner::VisitCXXInheritedCtorInitExpr(CXXInheritedCtorInitExpr *E) {
  const CXXConstructorDecl *Ctor = E->getConstructor();
  X.passUnknown(Ctor);
  X.addCall(Function, Ctor, E->getBeginLoc(), CallKind::Direct,
            libraryObjectMemory(Ctor, E->getType(), X));
  X.addVirtualMembers(Ctor->getParent());
  return true;
}

bool BodyScanner::traverseDefault(Expr *Default, SourceLocation Used) {
  llvm::SaveAndRestore Use(X.DefaultUse,
                           X.DefaultUse.isValid() ? X.DefaultUse : Used);
  return TraverseStmt(Default);
}

bool BodyScanner::VisitCXXNewExpr(CXXNewExpr *E) {
  // The object is destroyed by its 'delete'.
  if (E->hasInitializer())
    initializesInPlace(E->getInitializer());
  const FunctionDecl *New = E->getOperatorNew();
  if (!New)
    return true;
  if (New->isReplaceableGlobalAllocationFunction())
    X.addSite(Function, E->getBeginLoc(), SiteKind::New,
              E->isArray() ? "allocates with 'new[]'" : "allocates with 'new'");
  else if (!New->isReservedGlobalPlacementOperator())
    X.addCall(Function, New, E->getBeginLoc(), CallKind::Direct,
              ObjectMemory::None);
  return true;
}

void BodyScanner::destroy(QualType T, SourceLocation Loc, bool Bounded,
                          const FieldDecl *Member, const OwnResource *Own) {
  T = X.Ctx.getBaseElementType(T);
  const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition() || Class->hasTrivialDestructor())
    return;
  const CXXDestructorDecl *Dtor = Class->getDestructor();
  // A deleted destructor never runs: an anonymous union's, whose variant
  // members the enclosing class does not destroy.
  if (!Dtor || Dtor->isDeleted())
    return;
  if (Bounded) {
    X.addCall(Function, Dtor, Loc, CallKind::Direct,
              ObjectMemory::BoundedResource);
    return;
  }
  if (Own && X.inSystemHeader(Dtor->getLocation())) {
    X.addCall(Function, X.ownResourceCall(Dtor, *Own), Loc, CallKind::Direct,
              ObjectMemory::None);
    return;
  }
  // A member a destructor destroys is declared outside it (ObjectOutside).
  ObjectMemory Object = libraryObjectMemory(Dtor, T, X);
  std::optional<SourceLocation> Outside;
  if (Member && Object != ObjectMemory::None)
    Outside = SourceLocation();
  llvm::SaveAndRestore Implicit(X.ImplicitMember, Member);
  X.addCall(Function, Dtor, Loc, CallKind::Direct, Object, Outside);
}

bool BodyScanner::VisitCXXDeleteExpr(CXXDeleteExpr *E) {
  QualType T = E->getDestroyedType();
  if (!T.isNull() && !T->isDependentType()) {
    const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
    if (Class && Class->hasDefinition() && !Class->hasTrivialDestructor())
      if (const FunctionDecl *Dtor = Class->getDestructor()) {
        CallKind Kind = dispatch(Dtor, E->getArgument());
        X.addCall(Function, Dtor, E->getBeginLoc(), Kind, ObjectMemory::None);
      }
  }
  const FunctionDecl *Delete = E->getOperatorDelete();
  if (!Delete)
    return true;
  if (Delete->isReplaceableGlobalAllocationFunction())
    X.addSite(Function, E->getBeginLoc(), SiteKind::Delete,
              E->isArrayForm() ? "releases memory with 'delete[]'"
                               : "releases memory with 'delete'");
  else if (!Delete->isReservedGlobalPlacementOperator())
    X.addCall(Function, Delete, E->getBeginLoc(), CallKind::Direct,
              ObjectMemory::None);
  return true;
}

bool BodyScanner::TraverseCXXThrowExpr(CXXThrowExpr *E) {
  // A failure exception's throw is a call of its own (failureThrow): what
  // its operand does is the code's as written.
  bool Failure =
      E->getSubExpr() && isFailureException(E->getSubExpr()->getType(), X.KB);
  llvm::SaveAndRestore InThrow(X.EnclosingThrow,
                               Failure ? SourceLocation() : E->getThrowLoc());
  return RecursiveASTVisitor::TraverseCXXThrowExpr(E);
}

// A handler runs only after its try block threw: what it calls is that
// failure's path, as a library's throw is its own. Library handlers keep
// their summaries (they mostly clean up and rethrow).
bool BodyScanner::TraverseCXXCatchStmt(CXXCatchStmt *S) {
  llvm::SaveAndRestore InCatch(
      X.InCatch, X.InCatch || !X.inSystemHeader(S->getCatchLoc()));
  return RecursiveASTVisitor::TraverseCXXCatchStmt(S);
}

bool BodyScanner::TraverseObjCAtThrowStmt(ObjCAtThrowStmt *S) {
  llvm::SaveAndRestore InThrow(X.EnclosingThrow, S->getThrowLoc());
  return RecursiveASTVisitor::TraverseObjCAtThrowStmt(S);
}

bool BodyScanner::traverseCall(const CallExpr *E,
                               llvm::function_ref<bool()> Traverse) {
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee || !Callee->isNoReturn())
    return Traverse();
  llvm::SaveAndRestore InNoReturnCall(X.InNoReturnCall, true);
  return Traverse();
}

bool BodyScanner::VisitCXXThrowExpr(CXXThrowExpr *E) {
  const Expr *Operand = E->getSubExpr();
  if (!Operand)
    return true;
  std::string Exception =
      typeName(Operand->getType(), X.Ctx, /*UserWritten=*/false);
  if (isFailureException(Operand->getType(), X.KB))
    X.addCall(
        Function,
        X.failureThrow(Operand->getType()->getAsCXXRecordDecl(), Exception),
        E->getThrowLoc(), CallKind::Direct, ObjectMemory::None);
  else
    X.addSite(Function, E->getThrowLoc(), SiteKind::Throw,
              "throws, which allocates the exception object")
        .Exception = std::move(Exception);
  return true;
}

// The GNU runtime's objc_exception_throw allocates the unwind header, for a
// rethrow ('@throw;' in a handler) too: measured 1 per throw.
bool BodyScanner::VisitObjCAtThrowStmt(ObjCAtThrowStmt *S) {
  HeapSite &Thrown = X.addSite(Function, S->getThrowLoc(), SiteKind::Throw,
                           "throws, which allocates the exception's header");
  if (const Expr *Operand = S->getThrowExpr())
    Thrown.Exception =
        typeName(Operand->getType(), X.Ctx, /*UserWritten=*/false);
  return true;
}

bool BodyScanner::VisitObjCMessageExpr(ObjCMessageExpr *E) {
  if (const ObjCMethodDecl *Method = E->getMethodDecl())
    X.addCall(Function, X.method(Method), E->getSelectorStartLoc(),
              CallKind::Direct, ObjectMemory::None);
  return true;
}

bool BodyScanner::VisitCoroutineBodyStmt(CoroutineBodyStmt *S) {
  const auto *Allocate =
      S->getAllocate() ? dyn_cast<CallExpr>(S->getAllocate()->IgnoreImplicit())
                       : nullptr;
  if (!Allocate || !Allocate->getDirectCallee())
    return true;
  if (Allocate->getDirectCallee()->isReplaceableGlobalAllocationFunction()) {
    X.addSite(Function, S->getBeginLoc(), SiteKind::CoroutineFrame,
              "allocates its coroutine frame");
    FrameCalls.insert(Allocate);
    if (S->getDeallocate())
      if (const auto *Free =
              dyn_cast<CallExpr>(S->getDeallocate()->IgnoreImplicit()))
        FrameCalls.insert(Free);
  }
  return true;
}

void BodyScanner::useThreadLocal(const VarDecl *Var, SourceLocation Loc) {
  bool Local = Var->isLocalVarDecl();
  // Its own destructor, or that of the unit's whose initialization it runs.
  const VarDecl *Registered = registersThreadExit(Var) ? Var
                              : !Local && initializedWithUnit(Var)
                                  ? X.UnitThreadExit
                                  : nullptr;
  if (!Registered)
    return;
  std::string Name = Local ? Var->getName().str() : qualifiedName(Var);
  std::string Description =
      (Local ? "declares thread_local '" : "uses thread_local '") + Name +
      "', whose first use in a thread ";
  if (Registered != Var)
    Description += "initializes '" + qualifiedName(Registered) + "', which ";
  Description += "allocates to register its destructor for thread exit";
  X.addSite(Function, Loc, SiteKind::ThreadExit, std::move(Description))
      .Variable = Name;
}

bool BodyScanner::VisitVarDecl(VarDecl *D) {
  if (D->isLocalVarDecl() && D->getTLSKind() == VarDecl::TLS_Dynamic)
    useThreadLocal(D, D->getLocation());
  // __attribute__((cleanup(fn))) calls fn(&var) at the end of its scope.
  if (const auto *Cleanup = D->getAttr<CleanupAttr>())
    if (const FunctionDecl *Fn = Cleanup->getFunctionDecl())
      X.addCall(Function, Fn, D->getLocation(), CallKind::Direct,
                ObjectMemory::None);
  if (isa<ParmVarDecl>(D) || D->getType()->isReferenceType())
    return true;
  initializesInPlace(D->getInit());
  if (!D->hasLocalStorage())
    return true;
  // Held in place: neither constructing nor destroying it uses the heap.
  if (const std::optional<InPlace> &Held = X.inPlace(D)) {
    InPlaceConstructions.insert(D->getInit()->IgnoreImplicit());
    InPlaceConstructions.insert(Held->Parts.begin(), Held->Parts.end());
    return true;
  }
  bool Bounded = X.bounded(D);
  const OwnResource *Own = Bounded ? nullptr : X.ownResource(D);
  if (Bounded)
    BoundedConstructions.insert(D->getInit()->IgnoreImplicit());
  else if (Own)
    OwnConstructions[D->getInit()->IgnoreImplicit()] = Own;
  // Moved out of before its scope ends, it is destroyed empty.
  if (!isReturnedInPlace(D) && !movedOutBeforeScopeEnd(D, X.Ctx, X.KB))
    destroy(D->getType(), D->getLocation(), Bounded, nullptr, Own);
  return true;
}

bool BodyScanner::isReturnedInPlace(const VarDecl *D) const {
  // In the outermost scope, every return returns the named return value
  // (clang's NRVO): it becomes the caller's object, destroyed here only
  // when an exception leaves. A nested scope can end without returning it.
  if (!D->isNRVOVariable())
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Scanned->getBody());
  return Body && llvm::any_of(Body->body(), [&](const Stmt *S) {
           const auto *Declaration = dyn_cast<DeclStmt>(S);
           return Declaration && llvm::is_contained(Declaration->decls(), D);
         });
}

/// \p E without parentheses and the casts that only name the type it
/// already makes ('std::unique_ptr<int>(p)').
static const Expr *ignoreSameObjectCasts(const Expr *E) {
  for (;;) {
    E = E->IgnoreParens();
    const auto *Cast = dyn_cast<CastExpr>(E);
    if (!Cast || (Cast->getCastKind() != CK_ConstructorConversion &&
                  Cast->getCastKind() != CK_NoOp))
      return E;
    E = Cast->getSubExpr();
  }
}

/// The prvalue that \p E, initializing an object, is made from: through
/// the copy or move a compiler elides before C++17 ('return T();' is a
/// temporary moved into the return value there).
static const Expr *initializingPrvalue(const Expr *E) {
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E->IgnoreParens()))
    E = Cleanups->getSubExpr();
  E = ignoreSameObjectCasts(E);
  const auto *Construct = dyn_cast<CXXConstructExpr>(E);
  if (!Construct || !Construct->isElidable() || Construct->getNumArgs() != 1)
    return E;
  const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(
      ignoreSameObjectCasts(Construct->getArg(0)));
  return Temporary ? ignoreSameObjectCasts(Temporary->getSubExpr()) : E;
}

void BodyScanner::initializesInPlace(const Expr *Init) {
  if (!Init)
    return;
  const Expr *E = initializingPrvalue(Init);
  // Either arm of '?:' initializes the object.
  if (const auto *Conditional = dyn_cast<ConditionalOperator>(E)) {
    initializesInPlace(Conditional->getTrueExpr());
    initializesInPlace(Conditional->getFalseExpr());
    return;
  }
  // A temporary of another type is converted, then destroyed.
  if (const auto *Temporary = dyn_cast<CXXBindTemporaryExpr>(E);
      Temporary &&
      X.Ctx.hasSameUnqualifiedType(Temporary->getType(), Init->getType())) {
    ElidedTemporaries.insert(Temporary);
    // Before C++17, an arm of '?:' is itself a copy of a temporary.
    initializesInPlace(Temporary->getSubExpr());
  }
}

bool BodyScanner::VisitInitListExpr(InitListExpr *E) {
  // The members of an aggregate, which its own destructor destroys (an
  // array's elements are destroyed with the array, a std::initializer_list's
  // with its temporary array: each keeps its temporaries).
  if (E->getType()->isRecordType())
    for (const Expr *Init : E->inits())
      initializesInPlace(Init);
  return true;
}

bool BodyScanner::VisitReturnStmt(ReturnStmt *S) {
  // The caller destroys the returned object.
  if (const Expr *Value = S->getRetValue();
      Value && !Value->getType()->isReferenceType() && Value->isPRValue())
    initializesInPlace(Value);
  return true;
}

bool BodyScanner::VisitMaterializeTemporaryExpr(MaterializeTemporaryExpr *E) {
  // Visited before its parts: a string held in place makes none of them
  // use the heap, as a variable's initial value (VisitVarDecl).
  if (std::optional<InPlace> Held =
          temporaryHeldInPlace(E, Scanned, X.Ctx, X.KB))
    InPlaceConstructions.insert(Held->Parts.begin(), Held->Parts.end());
  return true;
}

bool BodyScanner::VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E) {
  if (ElidedTemporaries.contains(E) || InPlaceConstructions.contains(E))
    return true;
  if (const CXXDestructorDecl *Dtor = E->getTemporary()->getDestructor()) {
    X.addCall(Function, Dtor, E->getBeginLoc(), CallKind::Direct,
              libraryObjectMemory(Dtor, E->getType(), X));
  }
  return true;
}

bool BodyScanner::VisitDeclRefExpr(DeclRefExpr *E) {
  if (const auto *Var = dyn_cast<VarDecl>(E->getDecl())) {
    if (!Var->isLocalVarDecl() && Var->getTLSKind() == VarDecl::TLS_Dynamic)
      useThreadLocal(Var, E->getLocation());
    // A library's constant table of functions: the unit walk sees only
    // user code's global initializers.
    if (!Var->isLocalVarDecl() && Var->isConstexpr() &&
        X.inSystemHeader(Var->getLocation()))
      X.takeConstantAddresses(Var);
  }
  const auto *FD = dyn_cast<FunctionDecl>(E->getDecl());
  if (!FD || Callees.contains(E))
    return true;
  X.takeAddress(FD, E);
  return true;
}

} // namespace

/// What the body of the library function of node \p I may do.
static LibrarySummary summaryOf(const HeapGraph &Graph, int I) {
  const HeapGraph::Node &N = Graph.node(I);
  LibrarySummary S;
  S.Summarised = true;
  S.Allocates = N.reaches(Cause::Allocation);
  S.Releases = N.reaches(Cause::Release);
  S.Unknown = N.reaches(Cause::Unseen) || N.reaches(Cause::Assumed);
  S.MayAllocate = N.reaches(Cause::MayAllocate);
  S.AllocatesOnFailure = N.reaches(Cause::Failure);
  S.Exception = Graph.failureException(I);
  S.Bounded = N.reaches(Cause::Bounded);
  return S;
}

/// The work of a memory resource, which a bounded resource answers without
/// the heap.
static bool isResourceWork(StringRef KnowledgeName) {
  StringRef Member = KnowledgeName;
  if (!Member.consume_front("std::pmr::memory_resource::"))
    return false;
  Member.consume_front("do_");
  return Member == "allocate" || Member == "deallocate";
}

/// The library functions that calls on objects over a bounded memory
/// resource reach.
static llvm::StringSet<> boundedEntryPoints(const TranslationUnitFacts &Facts) {
  llvm::StringSet<> Entries;
  for (const FunctionFacts &F : Facts.Functions) {
    if (StringRef(F.USR).starts_with(OwnResourcePrefix))
      Entries.insert(F.Calls.front().Callee);
    if (!F.InSystemHeader)
      for (const CallSite &C : F.Calls)
        if (C.Object == ObjectMemory::BoundedResource)
          Entries.insert(C.Callee);
  }
  return Entries;
}

/// The link of one unit's \p Functions, with its pointers: what the other
/// units store into them is not in view.
static HeapGraph unitGraph(const TranslationUnitFacts &Facts,
                           std::vector<FunctionFacts> Functions,
                           const KnowledgeBase &KB) {
  std::vector<TranslationUnitFacts> Local(1);
  Local[0].MainFile = Facts.MainFile;
  Local[0].Root = Facts.Root;
  Local[0].Pointers = Facts.Pointers;
  Local[0].Functions = std::move(Functions);
  LinkOptions Partial;
  Partial.PartialProgram = true;
  // What library code does itself: the user code it calls is kept apart
  // (LibraryCallees).
  Partial.LibraryAlone = true;
  return HeapGraph(std::move(Local), KB, std::move(Partial));
}

/// What the library functions in \p Entries do with the memory resource's
/// own work left out (the library's calls of it cut), by USR.
static llvm::StringMap<LibrarySummary>
summariesWithoutResource(const TranslationUnitFacts &Facts,
                         const KnowledgeBase &KB,
                         const llvm::StringSet<> &Entries) {
  std::vector<FunctionFacts> Functions = Facts.Functions;
  llvm::StringSet<> Work;
  for (const FunctionFacts &F : Functions)
    if (isResourceWork(F.KnowledgeName))
      Work.insert(F.USR);
  for (FunctionFacts &F : Functions)
    if (F.InSystemHeader)
      for (CallSite &C : F.Calls)
        C.Accepted |= Work.contains(C.Callee);
  HeapGraph Graph = unitGraph(Facts, std::move(Functions), KB);
  llvm::StringMap<LibrarySummary> Summaries;
  for (const auto &Entry : Entries)
    if (int I = Graph.find(Entry.getKey()); I >= 0 &&
                                            Graph.node(I).Facts.Defined &&
                                            Graph.node(I).Facts.InSystemHeader)
      Summaries[Entry.getKey()] = summaryOf(Graph, I);
  return Summaries;
}

/// A standard memory resource, whose members obtain memory only from its
/// upstream.
static bool isResourceClass(StringRef KnowledgeClass) {
  return KnowledgeClass == "std::pmr::memory_resource" ||
         isUpstreamResource(KnowledgeClass);
}

/// Whether the resource's work a call does, what its summary \p With has
/// beyond \p Without, takes memory from the resource, and may so exhaust
/// it (std::bad_alloc): anything but giving memory back. The knowledge
/// base says which work is which (memory_resource::do_allocate allocates,
/// do_deallocate and release release): a push_back takes memory, a
/// container's destructor or deallocate only gives it back.
static bool takesMemory(const LibrarySummary &With,
                        const LibrarySummary &Without) {
  return (With.Allocates && !Without.Allocates) ||
         (With.Unknown && !Without.Unknown) ||
         (With.MayAllocate && !Without.MayAllocate) ||
         (With.AllocatesOnFailure && !Without.AllocatesOnFailure);
}

/// What a call of \p Callee on an object over a bounded resource does, if
/// it uses the resource; none when it does not, or noalloc cannot tell
/// (the call then stays a call of \p Callee). It is bounded when it takes
/// memory from the resource; giving memory back to a bounded resource is
/// no use of the heap.
static std::optional<LibrarySummary>
boundedSummary(const FunctionFacts &Callee,
               const llvm::StringMap<LibrarySummary> &WithoutResource) {
  if (!Callee.InSystemHeader)
    return std::nullopt;
  const LibrarySummary &With = Callee.Summary;
  LibrarySummary S;
  S.Summarised = true;
  if (isResourceClass(Callee.KnowledgeClass)) {
    // All a resource's members do is its work; making one takes nothing.
    S.Bounded = !Callee.Constructor && takesMemory(With, S);
    return S;
  }
  auto It = WithoutResource.find(Callee.USR);
  if (It == WithoutResource.end())
    return std::nullopt;
  const LibrarySummary &Without = It->second;
  bool GivesBack = With.Releases && !Without.Releases;
  bool Takes = takesMemory(With, Without);
  if (!Takes && !GivesBack)
    return std::nullopt;
  S = Without;
  S.Bounded = Takes;
  return S;
}

/// The functions of the program's own that override a memory resource's
/// work (an arena's do_allocate), which a library function's calls reach
/// through its virtual call of it: those that override what the library's
/// compiled overrides of that work override.
static llvm::StringSet<>
resourceOverriders(const std::vector<FunctionFacts> &Functions) {
  llvm::StringSet<> Work, Overriders;
  for (const FunctionFacts &F : Functions)
    if (StringRef(F.USR).starts_with(CompiledOverridePrefix) &&
        isResourceWork(F.KnowledgeName))
      for (const std::string &O : F.Overrides)
        Work.insert(O);
  for (const FunctionFacts &F : Functions)
    if (!F.InSystemHeader &&
        llvm::any_of(F.Overrides,
                     [&](const std::string &O) { return Work.contains(O); }))
      Overriders.insert(F.USR);
  return Overriders;
}

/// Where each function of \p Functions is, by USR (the first of a USR).
static llvm::StringMap<size_t>
indexByUSR(const std::vector<FunctionFacts> &Functions) {
  llvm::StringMap<size_t> Index;
  for (size_t I = 0; I < Functions.size(); ++I)
    Index.try_emplace(Functions[I].USR, I);
  return Index;
}

/// Calls on objects over a bounded memory resource reach the library
/// function with the resource's work left out: a function of its own,
/// 'noalloc:bounded:' and the library function's USR, whose summary says
/// it allocates from a bounded resource.
static void
boundLibraryCalls(std::vector<FunctionFacts> &Functions,
                  const llvm::StringMap<LibrarySummary> &WithoutResource,
                  const llvm::StringSet<> &Overriders) {
  llvm::StringMap<size_t> Index = indexByUSR(Functions);
  std::vector<FunctionFacts> Added;
  for (size_t I = 0, E = Functions.size(); I < E; ++I) {
    if (Functions[I].InSystemHeader)
      continue;
    for (CallSite &C : Functions[I].Calls) {
      auto It = Index.find(C.Callee);
      if (C.Object != ObjectMemory::BoundedResource || It == Index.end())
        continue;
      const FunctionFacts &Callee = Functions[It->second];
      std::optional<LibrarySummary> S = boundedSummary(Callee, WithoutResource);
      if (!S)
        continue;
      std::string USR = "noalloc:bounded:" + Callee.USR;
      if (!Index.count(USR)) {
        Index[USR] = E + Added.size();
        FunctionFacts &B = Added.emplace_back();
        B.USR = USR;
        B.Name = Callee.Name;
        B.Where = Callee.Where;
        B.InSystemHeader = true;
        B.Constructor = Callee.Constructor;
        B.Summary = *S;
        // Its user code and the stored callable's operations, as the
        // summary keeps them; no resource of the program's own.
        for (const CallSite &Call : Callee.Calls)
          if (!Overriders.contains(Call.Callee))
            B.Calls.push_back(Call);
      }
      C.Callee = USR;
    }
  }
  llvm::append_range(Functions, std::move(Added));
}

/// A library function as calls on an object over a memory resource of the
/// program's own run it (OwnResourcePrefix, made by the body scan with the
/// calls of the function, the class's do_allocate and do_deallocate): its
/// summary and calls without the resource's work, which the class's
/// members do instead, those the function used. When noalloc cannot leave
/// the resource out, it stays a call of the function and of both members.
static void
ownResourceCalls(std::vector<FunctionFacts> &Functions,
                 const llvm::StringMap<LibrarySummary> &WithoutResource,
                 const llvm::StringSet<> &Overriders) {
  llvm::StringMap<size_t> Index = indexByUSR(Functions);
  for (FunctionFacts &F : Functions) {
    if (!StringRef(F.USR).starts_with(OwnResourcePrefix) || F.Calls.size() != 3)
      continue;
    auto Callee = Index.find(F.Calls[0].Callee);
    auto Without = WithoutResource.find(F.Calls[0].Callee);
    if (Callee == Index.end() || Without == WithoutResource.end())
      continue;
    const FunctionFacts &Library = Functions[Callee->second];
    const LibrarySummary &With = Library.Summary;
    const LibrarySummary &Alone = Without->second;
    bool Unknown = With.Unknown && !Alone.Unknown;
    bool Allocates = Unknown || (With.Allocates && !Alone.Allocates) ||
                     (With.MayAllocate && !Alone.MayAllocate) ||
                     (With.AllocatesOnFailure && !Alone.AllocatesOnFailure);
    bool Releases = Unknown || (With.Releases && !Alone.Releases);
    std::vector<CallSite> Calls;
    for (const CallSite &C : Library.Calls)
      if (!Overriders.contains(C.Callee))
        Calls.push_back(C);
    if (Allocates)
      Calls.push_back(F.Calls[1]);
    if (Releases)
      Calls.push_back(F.Calls[2]);
    F.Summary = Alone;
    F.Calls = std::move(Calls);
  }
}

/// Whether the unit's functions may come back from its graph joined by USR
/// (as any link joins them): not if two user definitions share a USR,
/// whose places the graph keeps apart from the facts.
static bool joinsByUSR(const TranslationUnitFacts &Facts) {
  llvm::StringSet<> Defined;
  return llvm::all_of(Facts.Functions, [&](const FunctionFacts &F) {
    return !F.Defined || F.InSystemHeader || Defined.insert(F.USR).second;
  });
}

/// The bit of \p Op in callableOperationsReached's answer.
static unsigned operationBit(CallableOperation Op) {
  return Op == CallableOperation::None ? 0 : 1u << unsigned(Op);
}

/// Which of the stored callable's operations (operationBit) each node of
/// \p Graph reaches through the calls redirectCallableOperations cut.
static std::vector<unsigned> callableOperationsReached(const HeapGraph &Graph) {
  std::vector<unsigned> Reached(Graph.size(), 0);
  std::vector<std::vector<int>> Callers(Graph.size());
  for (int I = 0, E = Graph.size(); I < E; ++I) {
    const FunctionFacts &F = Graph.node(I).Facts;
    const std::vector<LinkedCall> &Calls = Graph.node(I).Calls;
    for (int C = 0, CE = Calls.size(); C < CE && !F.Allowed; ++C) {
      Reached[I] |= operationBit(redirectedOperation(Calls[C]));
      if (!Calls[C].Accepted)
        for (int T : Graph.targets(I, C))
          if (!Graph.node(T).Facts.Allowed)
            Callers[T].push_back(I);
    }
  }
  std::vector<int> Work;
  for (int I = 0, E = Graph.size(); I < E; ++I)
    if (Reached[I])
      Work.push_back(I);
  while (!Work.empty()) {
    int T = Work.back();
    Work.pop_back();
    for (int I : Callers[T])
      if ((Reached[I] | Reached[T]) != Reached[I]) {
        Reached[I] |= Reached[T];
        Work.push_back(I);
      }
  }
  return Reached;
}

/// Calls of the stored callable's operations in \p Bits, made at \p Where.
static std::vector<CallSite> callableOperationCalls(unsigned Bits,
                                                    const SourcePoint &Where) {
  std::vector<CallSite> Calls;
  for (CallableOperation Op : CallableOperations)
    if (Bits & operationBit(Op)) {
      CallSite &C = Calls.emplace_back();
      C.Callee = callableOperationUSR(Op).str();
      C.CalleeName = callableOperationName(Op).str();
      C.Where = Where;
    }
  return Calls;
}

/// What the callables the unit stores into std::function do when copied
/// and when destroyed: a function for each operation the unit has parts
/// of, which the link joins with the other units'. The summaries leave out
/// the user code the parts reach (a callable's destructor): it stays their
/// calls, \p UserCallees.
static std::vector<FunctionFacts>
storedCallableOperations(const HeapGraph &Graph,
                         const std::vector<std::optional<LibrarySummary>> &Sums,
                         const std::vector<unsigned> &Reached,
                         const LibraryCallees &UserCallees) {
  std::vector<FunctionFacts> Operations;
  for (CallableOperation Op : CallableOperations) {
    FunctionFacts O;
    std::vector<CallSite> User;
    unsigned Bits = 0;
    for (int I = 0, E = Graph.size(); I < E; ++I) {
      const FunctionFacts &F = Graph.node(I).Facts;
      if (storedCallablePart(F) != Op || !Sums[I])
        continue;
      if (!O.Summary.Summarised)
        O.Where = F.Where;
      joinSummary(O.Summary, *Sums[I]);
      O.Summary.Summarised = true;
      Bits |= Reached[I];
      llvm::append_range(User, UserCallees.of(I));
    }
    if (!O.Summary.Summarised)
      continue;
    O.USR = callableOperationUSR(Op).str();
    O.Name = O.KnowledgeName = callableOperationName(Op).str();
    O.InSystemHeader = true;
    // A callable holding a std::function copies or destroys it too.
    O.Calls = callableOperationCalls(Bits, O.Where);
    llvm::append_range(O.Calls, std::move(User));
    Operations.push_back(std::move(O));
  }
  return Operations;
}

/// The library functions user code calls.
static llvm::StringSet<> libraryEntryPoints(const TranslationUnitFacts &Facts) {
  llvm::StringSet<> EntryPoints;
  for (const FunctionFacts &F : Facts.Functions)
    if (!F.InSystemHeader)
      for (const CallSite &C : F.Calls)
        EntryPoints.insert(C.Callee);
    // What ownResourceCalls reads: the library function, as it is.
    else if (StringRef(F.USR).starts_with(OwnResourcePrefix))
      EntryPoints.insert(F.Calls.front().Callee);
  return EntryPoints;
}

/// Whether library function \p F stays in the facts, summarised: user code
/// calls it, or code of another unit may reach it, an indirect call if its
/// address is taken, a virtual call if it overrides (another unit's
/// release of a std::shared_ptr this unit makes runs its control block's
/// _M_dispose; the library's compiled overriders, which another unit's
/// virtual call of the member may reach).
static bool keepsLibraryFunction(const FunctionFacts &F,
                                 const llvm::StringSet<> &EntryPoints) {
  return EntryPoints.contains(F.USR) || F.AddressTaken ||
         (F.Defined && !F.Overrides.empty()) ||
         StringRef(F.USR).starts_with(CompiledOverridePrefix);
}

namespace {
/// What the unit's graph says of each library function, by node: taken
/// before the graph gives the facts back.
struct LibraryFindings {
  std::vector<std::optional<LibrarySummary>> Summaries;
  /// For the functions kept: the user code they call, and the calls their
  /// library code dispatches (LibraryCallees).
  std::vector<std::vector<CallSite>> KeptCalls;
  /// The stored callable's operations each reaches (operationBit).
  std::vector<unsigned> Reached;
  std::vector<FunctionFacts> CallableOperations;
};
} // namespace

/// Summarises each library function of the unit's \p Graph, and finds what
/// the kept ones call.
static LibraryFindings findLibrary(const HeapGraph &Graph,
                                   const llvm::StringSet<> &EntryPoints,
                                   bool CutsCallableOperations) {
  LibraryFindings Found;
  Found.Summaries.resize(Graph.size());
  Found.KeptCalls.resize(Graph.size());
  LibraryCallees Callees(Graph);
  for (int I = 0, E = Graph.size(); I < E; ++I) {
    const FunctionFacts &F = Graph.node(I).Facts;
    if (!F.InSystemHeader)
      continue;
    Found.Summaries[I] = summaryOf(Graph, I);
    if (F.Defined && keepsLibraryFunction(F, EntryPoints))
      Found.KeptCalls[I] = Callees.of(I);
  }
  // A unit may store callables and never copy or destroy them ('return
  // [words] {...};' into a std::function).
  Found.Reached = CutsCallableOperations ? callableOperationsReached(Graph)
                                         : std::vector<unsigned>(Graph.size());
  Found.CallableOperations =
      storedCallableOperations(Graph, Found.Summaries, Found.Reached, Callees);
  return Found;
}

/// \p Functions with the library's reduced to the kept ones, each defined
/// one replaced by its summary and kept calls.
static std::vector<FunctionFacts>
keptFunctions(std::vector<FunctionFacts> Functions, const HeapGraph &Graph,
              LibraryFindings &Found, const llvm::StringSet<> &EntryPoints) {
  std::vector<FunctionFacts> Kept;
  for (FunctionFacts &F : Functions) {
    if (F.InSystemHeader && !keepsLibraryFunction(F, EntryPoints))
      continue;
    // Without a body, the knowledge base answers.
    if (F.InSystemHeader && F.Defined) {
      int I = Graph.find(F.USR);
      F.Summary = *Found.Summaries[I];
      F.Defined = false;
      F.Calls = std::move(Found.KeptCalls[I]);
      llvm::append_range(F.Calls,
                         callableOperationCalls(Found.Reached[I], F.Where));
      F.Sites.clear();
    }
    Kept.push_back(std::move(F));
  }
  llvm::append_range(Kept, std::move(Found.CallableOperations));
  return Kept;
}

/// Replaces the library functions that user code calls by what they do, and
/// drops the library's internals.
static void summarizeLibrary(TranslationUnitFacts &Facts,
                             const KnowledgeBase &KB) {
  llvm::StringSet<> EntryPoints = libraryEntryPoints(Facts);
  dropHeldValueQueries(Facts);
  bool CutsCallableOperations = redirectCallableOperations(Facts);
  // Only a unit with calls on objects over a bounded resource pays for a
  // second graph, and for the copy of its facts it takes.
  llvm::StringSet<> BoundedEntries = boundedEntryPoints(Facts);
  llvm::StringMap<LibrarySummary> WithoutResource;
  if (!BoundedEntries.empty())
    WithoutResource = summariesWithoutResource(Facts, KB, BoundedEntries);
  // The graph takes the facts and gives them back: a copy would double
  // the unit's facts while its AST is still alive (json: +17 MiB).
  bool Join = joinsByUSR(Facts);
  HeapGraph Graph =
      unitGraph(Facts, Join ? std::move(Facts.Functions) : Facts.Functions, KB);
  LibraryFindings Found =
      findLibrary(Graph, EntryPoints, CutsCallableOperations);
  if (Join)
    Facts.Functions = std::move(Graph).takeFunctions();
  Facts.Functions =
      keptFunctions(std::move(Facts.Functions), Graph, Found, EntryPoints);
  if (!BoundedEntries.empty()) {
    llvm::StringSet<> Overriders = resourceOverriders(Facts.Functions);
    boundLibraryCalls(Facts.Functions, WithoutResource, Overriders);
    ownResourceCalls(Facts.Functions, WithoutResource, Overriders);
  }
}

TranslationUnitFacts extractFacts(ASTContext &Ctx,
                                  const KnowledgeBase &Knowledge,
                                  KnownLibraries Known) {
  TranslationUnitFacts Facts = Extractor(Ctx, Knowledge, Known).run();
  summarizeLibrary(Facts, Knowledge);
  return Facts;
}

} // namespace noalloc
