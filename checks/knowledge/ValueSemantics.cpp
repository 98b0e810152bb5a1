//===--- ValueSemantics.cpp - Objects of allocating types that stay in place =//

#include "knowledge/ValueSemantics.h"
#include "fixes/FixedCapacity.h"
#include "utils/ASTQueries.h"
#include "utils/LLVMCompat.h"
#include "utils/ParentIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

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

/// Whether \p T is a std::basic_string of the character type \p Char.
static bool isStringOf(QualType T, QualType Char, const ASTContext &Ctx) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  return Spec &&
         qualifiedName(Spec->getSpecializedTemplate()) == "std::basic_string" &&
         Ctx.hasSameUnqualifiedType(Spec->getTemplateArgs()[0].getAsType(),
                                    Char);
}

static std::optional<uint64_t>
constantLength(const Expr *E, QualType Char, const ASTContext &Ctx,
               llvm::SmallVectorImpl<const Expr *> &Parts);

/// The count argument of a constructor call \p E of a std::basic_string of
/// \p Char that makes it as long as the count: of a character
/// ('std::string(10, 'x')') or of the characters a pointer points to
/// ('std::string(p, 5)', whatever they are).
static const Expr *countArgument(const CXXConstructExpr *E, QualType Char,
                                 const ASTContext &Ctx) {
  const CXXConstructorDecl *Ctor = E->getConstructor();
  if (writtenArguments(E) != 2 || Ctor->getNumParams() < 2)
    return nullptr;
  QualType First = Ctor->getParamDecl(0)->getType();
  QualType Second = Ctor->getParamDecl(1)->getType();
  if (First->isIntegerType() && Ctx.hasSameUnqualifiedType(Second, Char))
    return E->getArg(0);
  if (First->isPointerType() &&
      Ctx.hasSameUnqualifiedType(First->getPointeeType(), Char) &&
      Second->isIntegerType())
    return E->getArg(1);
  return nullptr;
}

/// The length of a std::basic_string of \p Char that the constructor call
/// \p E makes from constants: from a literal, from a constant count
/// (countArgument), or by copying or moving such a string.
static std::optional<uint64_t>
constructedLength(const CXXConstructExpr *E, QualType Char,
                  const ASTContext &Ctx,
                  llvm::SmallVectorImpl<const Expr *> &Parts) {
  const CXXConstructorDecl *Ctor = E->getConstructor();
  if (!isStringOf(E->getType(), Char, Ctx) || !Ctor)
    return std::nullopt;
  if (writtenArguments(E) == 1 &&
      (Ctor->isCopyOrMoveConstructor() ||
       isa<StringLiteral>(E->getArg(0)->IgnoreParenImpCasts())))
    return constantLength(E->getArg(0), Char, Ctx, Parts);
  const Expr *CountArgument = countArgument(E, Char, Ctx);
  if (!CountArgument)
    return std::nullopt;
  std::optional<llvm::APSInt> Count =
      CountArgument->getIntegerConstantExpr(Ctx);
  if (!Count || Count->isNegative() || !Count->isRepresentableByInt64())
    return std::nullopt;
  return Count->getExtValue();
}

/// The length of an operand of a std::basic_string 'operator+': a
/// character, or a string of constant length.
static std::optional<uint64_t>
operandLength(const Expr *E, QualType Char, const ASTContext &Ctx,
              llvm::SmallVectorImpl<const Expr *> &Parts) {
  if (Ctx.hasSameUnqualifiedType(E->getType().getNonReferenceType(), Char))
    return 1;
  return constantLength(E, Char, Ctx, Parts);
}

/// The length of the std::basic_string of \p Char (or the literal of its
/// characters) that \p E makes from constants, when it is a constant: a
/// literal, a string constructed from constants (constructedLength), and
/// the standard 'operator+' of two such strings or of one and a character
/// ('std::string("ab") + "cd"'), whose intermediate strings are no longer
/// than the result. \p Parts gets the constructions, temporaries and
/// 'operator+' calls of \p E that make the string: when the result fits the
/// small-string buffer, none of them uses the heap.
static std::optional<uint64_t>
constantLength(const Expr *E, QualType Char, const ASTContext &Ctx,
               llvm::SmallVectorImpl<const Expr *> &Parts) {
  E = E->IgnoreParens();
  if (const auto *Literal = dyn_cast<StringLiteral>(E->IgnoreParenImpCasts()))
    return Ctx.hasSameUnqualifiedType(
               Ctx.getAsArrayType(Literal->getType())->getElementType(), Char)
               ? std::optional<uint64_t>(Literal->getLength())
               : std::nullopt;
  if (const auto *Full = dyn_cast<FullExpr>(E))
    return constantLength(Full->getSubExpr(), Char, Ctx, Parts);
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    return constantLength(Temporary->getSubExpr(), Char, Ctx, Parts);
  if (const auto *Cast = dyn_cast<CastExpr>(E);
      Cast && (Cast->getCastKind() == CK_NoOp ||
               Cast->getCastKind() == CK_ConstructorConversion))
    return constantLength(Cast->getSubExpr(), Char, Ctx, Parts);
  if (const auto *Bound = dyn_cast<CXXBindTemporaryExpr>(E)) {
    Parts.push_back(Bound);
    return constantLength(Bound->getSubExpr(), Char, Ctx, Parts);
  }
  std::optional<uint64_t> Length;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    Length = constructedLength(Construct, Char, Ctx, Parts);
  } else if (const auto *Plus = dyn_cast<CXXOperatorCallExpr>(E);
             Plus && Plus->getOperator() == OO_Plus &&
             Plus->getNumArgs() == 2 && Plus->getDirectCallee() &&
             qualifiedName(Plus->getDirectCallee()) == "std::operator+" &&
             isStringOf(Plus->getType(), Char, Ctx)) {
    std::optional<uint64_t> Left =
        operandLength(Plus->getArg(0), Char, Ctx, Parts);
    std::optional<uint64_t> Right =
        Left ? operandLength(Plus->getArg(1), Char, Ctx, Parts) : std::nullopt;
    if (Left && Right)
      Length = *Left + *Right;
  }
  if (Length)
    Parts.push_back(E);
  return Length;
}

/// A std::basic_string of \p Char that \p Init makes from constants
/// (constantLength) within the small-string buffer.
static std::optional<InPlace> stringInPlace(const Expr *Init, QualType Char,
                                            const LibraryEntry &Lib,
                                            const ASTContext &Ctx) {
  InPlace Held;
  std::optional<uint64_t> Length =
      Char->isCharType() && Lib.StringCapacity
          ? constantLength(Init, Char, Ctx, Held.Parts)
          : std::nullopt;
  if (!Length || *Length > *Lib.StringCapacity)
    return std::nullopt;
  return Held;
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

/// Whether a std::any initialized with \p Arg holds it in place: a value
/// of a trivially copyable type (so nothrow move constructible, which both
/// libraries require) that fits the library's buffer and is aligned no
/// more than a pointer.
static bool anyValueInPlace(const Expr *Arg, const LibraryEntry &Lib,
                            const ASTContext &Ctx) {
  QualType T = Arg->IgnoreImplicit()->getType().getNonReferenceType();
  if (!Lib.AnyBuffer || T->isDependentType() || T->isIncompleteType() ||
      T->isArrayType() || T->isFunctionType() ||
      !T.isTriviallyCopyableType(Ctx))
    return false;
  // What the any holds is the value's type, decayed: a std::any itself is
  // a copy or a move, not a value.
  if (const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
      Record && qualifiedName(Record) == "std::any")
    return false;
  return Ctx.getTypeSizeInChars(T).getQuantity() <= *Lib.AnyBuffer &&
         Ctx.getTypeAlign(T) <= Ctx.getTypeAlign(Ctx.VoidPtrTy);
}

/// Whether \p Init, an initial value of an object of \p Spec (a variable's
/// or a member's), is one \p Lib holds in place.
static std::optional<InPlace> initialValueInPlace(
    const Expr *Init, const ClassTemplateSpecializationDecl *Spec,
    StringRef Template, const LibraryEntry &Lib, const ASTContext &Ctx) {
  if (!Init)
    return std::nullopt;
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  if (Construct && writtenArguments(Construct) == 0)
    return llvm::is_contained(Lib.EmptyInPlace, Template)
               ? std::optional<InPlace>(InPlace())
               : std::nullopt;
  if (Template == "std::basic_string" && Spec)
    return stringInPlace(Init, Spec->getTemplateArgs()[0].getAsType(), Lib,
                         Ctx);
  if (!Construct || writtenArguments(Construct) != 1)
    return std::nullopt;
  const Expr *Arg = Construct->getArg(0);
  if (Template == "std::function")
    return callableInPlace(Arg, Lib, Ctx);
  if (Template == "std::any" && anyValueInPlace(Arg, Lib, Ctx))
    return InPlace();
  return std::nullopt;
}

namespace {
/// An object of an allocating library type with replacement member lists
/// (whose uses noalloc can classify), and its library. Spec is null for a
/// class that is no template's specialization (std::any).
struct InPlaceCandidate {
  const ClassTemplateSpecializationDecl *Spec;
  std::string Template;
  const ReplacementEntry *Replacement;
  const LibraryEntry *Library;
};
} // namespace

static std::optional<InPlaceCandidate>
inPlaceCandidate(QualType T, const ASTContext &Ctx, const KnowledgeBase &KB) {
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record);
  const LibraryEntry *Lib = standardLibrary(Ctx, KB);
  if (!Record || !Lib)
    return std::nullopt;
  std::string Template = Spec ? qualifiedName(Spec->getSpecializedTemplate())
                              : qualifiedName(Record);
  const ReplacementEntry *R = KB.replacement(Template);
  if (!R)
    return std::nullopt;
  return InPlaceCandidate{Spec, std::move(Template), R, Lib};
}

/// The function whose automatic variable \p Var is, if noalloc can see
/// all its uses there: it has a body, and \p Var is not a reference.
static const FunctionDecl *owningFunction(const VarDecl *Var) {
  const auto *Fn =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  if (!Var->isLocalVarDecl() || Var->isStaticLocal() || !Fn || !Fn->getBody() ||
      Var->getType()->isReferenceType())
    return nullptr;
  return Fn;
}

std::optional<InPlace> heldInPlace(const VarDecl *Var, ASTContext &Ctx,
                                   const KnowledgeBase &KB) {
  const FunctionDecl *Fn = owningFunction(Var);
  if (!Fn)
    return std::nullopt;
  std::optional<InPlaceCandidate> C = inPlaceCandidate(Var->getType(), Ctx, KB);
  if (!C)
    return std::nullopt;
  std::optional<InPlace> Held = initialValueInPlace(
      Var->getInit(), C->Spec, C->Template, *C->Library, Ctx);
  if (!Held)
    return std::nullopt;
  Uses U = summarizeUses(Var, Fn, *C->Replacement,
                         C->Template == "std::basic_string", Ctx);
  if (U.Escapes || U.Grows)
    return std::nullopt;
  return Held;
}

std::optional<InPlace>
temporaryHeldInPlace(const MaterializeTemporaryExpr *Temporary,
                     const FunctionDecl *Fn, ASTContext &Ctx,
                     const KnowledgeBase &KB) {
  // Most temporaries are of other classes: the name rules them out first.
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Temporary->getType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->getIdentifier() || Spec->getName() != "basic_string")
    return std::nullopt;
  std::optional<InPlaceCandidate> C =
      inPlaceCandidate(Temporary->getType(), Ctx, KB);
  if (!C || C->Template != "std::basic_string")
    return std::nullopt;
  std::optional<InPlace> Held =
      stringInPlace(Temporary->getSubExpr(),
                    Spec->getTemplateArgs()[0].getAsType(), *C->Library, Ctx);
  if (!Held)
    return std::nullopt;
  if (Fn)
    indexDeclaration(*Fn, Ctx);
  Uses U = summarizeTemporaryUses(Temporary, *C->Replacement,
                                  /*StringLike=*/true, Ctx);
  if (U.Escapes || U.Grows)
    return std::nullopt;
  return Held;
}

bool movedInto(const VarDecl *Var, ASTContext &Ctx, const KnowledgeBase &KB) {
  const FunctionDecl *Fn = owningFunction(Var);
  if (!Fn || !Var->getInit())
    return false;
  const auto *Construct =
      dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit());
  std::optional<InPlaceCandidate> C = inPlaceCandidate(Var->getType(), Ctx, KB);
  if (!Construct || !Construct->getConstructor()->isMoveConstructor() || !C)
    return false;
  Uses U = summarizeUses(Var, Fn, *C->Replacement,
                         C->Template == "std::basic_string", Ctx);
  return !U.Escapes && !U.Grows;
}

namespace {
/// Whether code names a declaration called \p Name, whatever it resolves
/// to (in a template, 'this->Items' and 'other.Items' may not resolve
/// before instantiation), or binds members by structure ('auto &[a] = *this'
/// names none).
class NameFinder : public RecursiveASTVisitor<NameFinder> {
public:
  NameFinder(DeclarationName Name, const ValueDecl *Resolved)
      : Name(Name), Resolved(Resolved) {}
  bool Found = false;

  bool VisitMemberExpr(MemberExpr *E) {
    return E->getMemberDecl() == Resolved ||
           note(E->getMemberDecl()->getDeclName());
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    return note(E->getMember());
  }
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    return note(E->getName());
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    return note(E->getDecl()->getDeclName());
  }
  bool VisitDependentScopeDeclRefExpr(DependentScopeDeclRefExpr *E) {
    return note(E->getDeclName());
  }
  bool VisitUnresolvedLookupExpr(UnresolvedLookupExpr *E) {
    return note(E->getName());
  }
  bool VisitDecompositionDecl(DecompositionDecl *) {
    Found = true;
    return false;
  }

private:
  bool note(DeclarationName N) {
    Found = Found || N == Name;
    return !Found;
  }
  DeclarationName Name;
  const ValueDecl *Resolved;
};
} // namespace

/// Whether \p S names \p Name other than as the member \p Resolved.
static bool mentions(const Stmt *S, DeclarationName Name,
                     const ValueDecl *Resolved = nullptr) {
  if (!S)
    return false;
  NameFinder Finder(Name, Resolved);
  Finder.TraverseStmt(const_cast<Stmt *>(S));
  return Finder.Found;
}

/// Whether moving out of an object of type \p T leaves it empty, holding no
/// heap memory: a container or string of the standard allocator (with a
/// std::pmr allocator, a move assignment between resources that differ
/// copies and leaves the source as it was).
static bool emptiedByMove(QualType T, const ASTContext &Ctx,
                          const KnowledgeBase &KB) {
  std::optional<InPlaceCandidate> C = inPlaceCandidate(T, Ctx, KB);
  if (!C || !C->Spec)
    return false;
  return llvm::any_of(
      C->Spec->getTemplateArgs().asArray(), [](const TemplateArgument &Arg) {
        if (Arg.getKind() != TemplateArgument::Type)
          return false;
        const auto *Alloc = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            Arg.getAsType()->getAsCXXRecordDecl());
        return Alloc && qualifiedName(Alloc->getSpecializedTemplate()) ==
                            "std::allocator";
      });
}

/// The variable \p E moves ('std::move(v)'), if it is one.
static const VarDecl *movedVariable(const Expr *E) {
  const auto *Move = dyn_cast<CallExpr>(E->IgnoreImplicit());
  const FunctionDecl *Callee = Move ? Move->getDirectCallee() : nullptr;
  if (!Callee || Move->getNumArgs() != 1 ||
      qualifiedName(Callee) != "std::move")
    return nullptr;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Move->getArg(0)->IgnoreParenImpCasts());
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// \p E as a call of a class's move assignment operator ('x = std::move(v)'),
/// if it is one.
static const CXXOperatorCallExpr *moveAssignment(const Expr *E) {
  const auto *Assign = dyn_cast<CXXOperatorCallExpr>(E);
  const auto *Method =
      Assign ? dyn_cast_or_null<CXXMethodDecl>(Assign->getDirectCallee())
             : nullptr;
  if (!Method || !Method->isMoveAssignmentOperator() ||
      Assign->getNumArgs() != 2)
    return nullptr;
  return Assign;
}

/// The variable the statement \p S moves out of into another object of its
/// class, as a whole: 'T t = std::move(v);', 'x = std::move(v);'.
static const VarDecl *movedOutBy(const Stmt *S) {
  if (const auto *Decl = dyn_cast<DeclStmt>(S)) {
    const auto *Var = Decl->isSingleDecl()
                          ? dyn_cast<VarDecl>(Decl->getSingleDecl())
                          : nullptr;
    const auto *Construct =
        Var && Var->getInit()
            ? dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit())
            : nullptr;
    if (!Construct || !Construct->getConstructor()->isMoveConstructor())
      return nullptr;
    return movedVariable(Construct->getArg(0));
  }
  const auto *E = dyn_cast<Expr>(S);
  const CXXOperatorCallExpr *Assign =
      E ? moveAssignment(E->IgnoreImplicit()) : nullptr;
  return Assign ? movedVariable(Assign->getArg(1)) : nullptr;
}

/// The block \p S is a statement of, and its place there; null if \p S
/// (past its full-expression) is not a statement of a block, or the block
/// holds a label, which a jump could reach from anywhere.
static std::pair<const CompoundStmt *, unsigned> statementOf(const Stmt *S,
                                                             ASTContext &Ctx) {
  auto Parents = parentsOf(*S, Ctx);
  if (!Parents.empty())
    if (const auto *Full = Parents[0].get<ExprWithCleanups>()) {
      S = Full;
      Parents = parentsOf(*S, Ctx);
    }
  const auto *Block =
      Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
  if (!Block || containsLabel(Block))
    return {nullptr, 0};
  auto Place = llvm::find(Block->body(), S);
  return {Block, static_cast<unsigned>(Place - Block->body_begin())};
}

/// Whether \p S may leave its block other than by its end or by an
/// exception: a return, break, continue or goto.
static bool mayJumpOut(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt, IndirectGotoStmt,
          CoreturnStmt>(S))
    return true;
  return llvm::any_of(S->children(), mayJumpOut);
}

bool assignsMovedFrom(const CallExpr *Call, ASTContext &Ctx,
                      const KnowledgeBase &KB) {
  const CXXOperatorCallExpr *Assign = moveAssignment(Call);
  if (!Assign)
    return false;
  const auto *Target =
      dyn_cast<DeclRefExpr>(Assign->getArg(0)->IgnoreParenImpCasts());
  const VarDecl *Var = Target ? dyn_cast<VarDecl>(Target->getDecl()) : nullptr;
  if (!Var || !emptiedByMove(Var->getType().getNonReferenceType(), Ctx, KB))
    return false;
  auto [Block, Place] = statementOf(Call, Ctx);
  return Block && Place > 0 &&
         movedOutBy(Block->body_begin()[Place - 1]) == Var;
}

/// The statements of \p Var's block after its declaration up to the last
/// that names it, if that one moves out of it and none before may leave
/// the block: at the end of its scope it is empty.
static std::optional<ArrayRef<Stmt *>>
usesUntilMovedOut(const VarDecl *Var, ASTContext &Ctx,
                  const KnowledgeBase &KB) {
  if (!Var->isLocalVarDecl() || Var->isStaticLocal() ||
      Var->getType()->isReferenceType() ||
      !emptiedByMove(Var->getType(), Ctx, KB))
    return std::nullopt;
  auto Parents = parentsOf(*Var, Ctx);
  const auto *Decl = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  auto [Block, Place] = Decl ? statementOf(Decl, Ctx)
                             : std::pair<const CompoundStmt *, unsigned>();
  if (!Block)
    return std::nullopt;
  ArrayRef<Stmt *> After(Block->body_begin() + Place + 1, Block->body_end());
  auto Last = llvm::find_if(llvm::reverse(After), [&](const Stmt *S) {
    return mentions(S, Var->getDeclName());
  });
  if (Last == After.rend() || movedOutBy(*Last) != Var)
    return std::nullopt;
  ArrayRef<Stmt *> UpToMove = After.take_front(After.rend() - Last);
  if (llvm::any_of(UpToMove.drop_back(), mayJumpOut))
    return std::nullopt;
  return UpToMove;
}

bool movedOutBeforeScopeEnd(const VarDecl *Var, ASTContext &Ctx,
                            const KnowledgeBase &KB) {
  return usesUntilMovedOut(Var, Ctx, KB).has_value();
}

bool movedThrough(const VarDecl *Var, ASTContext &Ctx,
                  const KnowledgeBase &KB) {
  std::optional<ArrayRef<Stmt *>> UpToMove = usesUntilMovedOut(Var, Ctx, KB);
  const auto *Construct =
      Var->getInit()
          ? dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit())
          : nullptr;
  if (!UpToMove || !Construct ||
      !Construct->getConstructor()->isMoveConstructor())
    return false;
  std::optional<InPlaceCandidate> C = inPlaceCandidate(Var->getType(), Ctx, KB);
  return llvm::none_of(UpToMove->drop_back(), [&](const Stmt *S) {
    Uses U = summarizeUsesIn(Var, S, *C->Replacement,
                             C->Template == "std::basic_string", Ctx);
    return U.Escapes || U.Grows;
  });
}

/// Whether \p Method, a member function of a class template's
/// specialization that this unit does not instantiate, only reads \p Field
/// wherever another unit instantiates it: its template's definition is
/// here, does not initialize the member (a constructor starts it as the
/// in-class initializer or its default constructor does), and uses it only
/// through \p C's read members ('Items.size()'), named as the template's
/// own member, never otherwise.
static bool onlyReads(const CXXMethodDecl *Method, const FieldDecl *Field,
                      const InPlaceCandidate &C, ASTContext &Ctx) {
  const FunctionDecl *Pattern = Method->getInstantiatedFromMemberFunction();
  const FunctionDecl *Definition = nullptr;
  const auto *Spec = cast<ClassTemplateSpecializationDecl>(Method->getParent());
  const FieldDecl *Own = nullptr;
  for (const FieldDecl *F :
       Spec->getSpecializedTemplate()->getTemplatedDecl()->fields())
    if (F->getDeclName() == Field->getDeclName())
      Own = F;
  if (Method->getTemplateSpecializationKind() != TSK_ImplicitInstantiation ||
      !Pattern || !Pattern->hasBody(Definition) || !Own)
    return false;
  DeclarationName Name = Field->getDeclName();
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if ((Init->getMember() && Init->getMember()->getDeclName() == Name) ||
          mentions(Init->getInit(), Name))
        return false;
  if (mentions(Definition->getBody(), Name, Own))
    return false;
  Uses U = summarizeUsesIn(Own, Definition->getBody(), *C.Replacement,
                           C.Template == "std::basic_string", Ctx);
  return !U.Escapes && !U.Grows;
}

/// A member template or a nested class: code that may use a member and
/// that noalloc would have to follow elsewhere.
static bool holdsCodeElsewhere(const Decl *D) {
  const auto *Nested = dyn_cast<CXXRecordDecl>(D);
  return isa<FunctionTemplateDecl>(D) || (Nested && !Nested->isImplicit());
}

/// For \p Class, a specialization of a class template: whether the code
/// other units may instantiate for it is its template's, all of it here
/// (an implicit instantiation of the primary template, which has no
/// friends, nested classes or member templates), and nothing of that code
/// but \p Field's own initializer names \p Field.
static bool templateCodeHere(const ClassTemplateSpecializationDecl *Spec,
                             const FieldDecl *Field) {
  if (Spec->getSpecializationKind() != TSK_ImplicitInstantiation ||
      !isa<ClassTemplateDecl *>(Spec->getSpecializedTemplateOrPartial()))
    return false;
  const CXXRecordDecl *Pattern =
      Spec->getSpecializedTemplate()->getTemplatedDecl();
  if (!Pattern || !Pattern->hasDefinition() || Pattern->hasFriends())
    return false;
  // Noalloc reads the specialization's in-class initializer, which the
  // first constructor that uses it instantiates.
  if (Field->hasInClassInitializer() && !Field->getInClassInitializer())
    return false;
  for (const Decl *D : Pattern->decls()) {
    if (holdsCodeElsewhere(D))
      return false;
    const auto *Other = dyn_cast<FieldDecl>(D);
    if (Other && Other->getDeclName() != Field->getDeclName() &&
        mentions(Other->getInClassInitializer(), Field->getDeclName()))
      return false;
  }
  return true;
}

/// Whether only the code of \p Field's class, all of it defined in this
/// unit, can use the member: it is private, and the class has no friends,
/// nested classes or member templates (code noalloc would have to follow
/// elsewhere), and no member function declared here but defined in
/// another unit. For a class template's specialization, each member
/// function this unit does not instantiate is its template's, here, and
/// only reads the member (onlyReads).
static bool onlyClassCodeUses(const FieldDecl *Field, const InPlaceCandidate &C,
                              ASTContext &Ctx) {
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Class || Field->getAccess() != AS_private || Class->isUnion() ||
      Class->isLambda() || Class->isDependentContext() || Class->hasFriends())
    return false;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class);
  if (Spec && !templateCodeHere(Spec, Field))
    return false;
  for (const Decl *D : Class->decls()) {
    if (holdsCodeElsewhere(D))
      return false;
    const auto *Method = dyn_cast<CXXMethodDecl>(D);
    if (Method && !Method->isImplicit() && !Method->isDefaulted() &&
        !Method->isDeleted() && !Method->hasBody() &&
        !(Spec && onlyReads(Method, Field, C, Ctx)))
      return false;
  }
  return true;
}

/// Whether no other unit can use \p Field, whatever its access: its class
/// has no linkage other units see (an unnamed namespace, a local class of a
/// function that is not inline, a template argument of either), so every
/// use, and every constructor and member function that can run, is code of
/// this unit (summarizeMemberUsesInUnit reads it all). Not an aggregate,
/// which braces initialize member by member with no constructor.
static bool everyUseInUnit(const FieldDecl *Field) {
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Class || Class->isUnion() || Class->isLambda() ||
      Class->isDependentContext() || Class->isExternallyVisible() ||
      !Class->hasDefinition() || Class->isAggregate())
    return false;
  // A template's in-class initializer is instantiated with its first use:
  // until then noalloc cannot read it.
  return !Field->hasInClassInitializer() || Field->getInClassInitializer();
}

/// Whether every constructor of \p Field's class starts the member with a
/// value \p C's library holds in place. Implicit and defaulted
/// constructors copy or move such a value, or start from the default.
static bool constructedInPlace(const FieldDecl *Field,
                               const InPlaceCandidate &C,
                               const ASTContext &Ctx) {
  auto InPlaceValue = [&](const Expr *Init) {
    if (!Init)
      return llvm::is_contained(C.Library->EmptyInPlace, C.Template);
    return initialValueInPlace(Init, C.Spec, C.Template, *C.Library, Ctx)
        .has_value();
  };
  if (!InPlaceValue(Field->getInClassInitializer()))
    return false;
  const auto *Class = cast<CXXRecordDecl>(Field->getParent());
  for (const CXXConstructorDecl *Ctor : Class->ctors()) {
    const FunctionDecl *Definition = nullptr;
    if (Ctor->isImplicit() || Ctor->isDefaulted() || !Ctor->hasBody(Definition))
      continue;
    for (const CXXCtorInitializer *Init :
         cast<CXXConstructorDecl>(Definition)->inits())
      if (Init->isWritten() && Init->getMember() == Field &&
          !InPlaceValue(Init->getInit()))
        return false;
  }
  return true;
}

/// The member of \p Spec, a specialization of the class template whose
/// member \p Field is, that \p Field declares.
static const FieldDecl *memberOf(const ClassTemplateSpecializationDecl *Spec,
                                 const FieldDecl *Field) {
  for (const FieldDecl *F : Spec->fields())
    if (F->getDeclName() == Field->getDeclName())
      return F;
  return nullptr;
}

bool memberHeldInPlace(const FieldDecl *Field, ASTContext &Ctx,
                       const KnowledgeBase &KB) {
  // A class template's own member: held in place when every
  // specialization this unit instantiates holds it.
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (const ClassTemplateDecl *Template =
          Class ? Class->getDescribedClassTemplate() : nullptr) {
    bool Any = false;
    for (const ClassTemplateSpecializationDecl *Spec :
         Template->specializations()) {
      if (!Spec->hasDefinition())
        continue;
      const FieldDecl *Member = memberOf(Spec, Field);
      if (!Member || !memberHeldInPlace(Member, Ctx, KB))
        return false;
      Any = true;
    }
    return Any;
  }
  std::optional<InPlaceCandidate> C =
      inPlaceCandidate(Field->getType(), Ctx, KB);
  // What a member std::function holds is not followed to its calls.
  if (!C || C->Template == "std::function")
    return false;
  bool ClassCodeOnly = onlyClassCodeUses(Field, *C, Ctx);
  if ((!ClassCodeOnly && !everyUseInUnit(Field)) ||
      !constructedInPlace(Field, *C, Ctx))
    return false;
  bool StringLike = C->Template == "std::basic_string";
  Uses U =
      ClassCodeOnly
          ? summarizeMemberUses(Field, *C->Replacement, StringLike, Ctx)
          : summarizeMemberUsesInUnit(Field, *C->Replacement, StringLike, Ctx);
  return !U.Escapes && !U.Grows;
}

/// How deep boundedResource follows names: resources over resources,
/// variables naming variables.
static constexpr unsigned MaxResourceDepth = 8;

bool isUpstreamResource(StringRef QualifiedName) {
  return QualifiedName == "std::pmr::monotonic_buffer_resource" ||
         QualifiedName == "std::pmr::unsynchronized_pool_resource" ||
         QualifiedName == "std::pmr::synchronized_pool_resource";
}

static bool isUpstreamResource(const CXXRecordDecl *Class) {
  return Class && isUpstreamResource(qualifiedName(Class));
}

static bool isPolymorphicAllocator(QualType T) {
  const CXXRecordDecl *Class = T.getNonReferenceType()->getAsCXXRecordDecl();
  return Class && qualifiedName(Class) == "std::pmr::polymorphic_allocator";
}

static bool isMemoryResourcePointer(QualType T) {
  const CXXRecordDecl *Class = T->getPointeeCXXRecordDecl();
  return Class && qualifiedName(Class) == "std::pmr::memory_resource";
}

/// A standard container over a polymorphic_allocator: std::pmr::vector,
/// std::pmr::string.
static bool isPmrContainer(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || !StringRef(qualifiedName(Spec)).starts_with("std::"))
    return false;
  return llvm::any_of(Spec->getTemplateArgs().asArray(),
                      [](const TemplateArgument &Arg) {
                        return Arg.getKind() == TemplateArgument::Type &&
                               isPolymorphicAllocator(Arg.getAsType());
                      });
}

namespace {
/// The memory resource an object uses, as far as noalloc can show it: a
/// bounded one, or an object of a memory resource class of the program's
/// own whose dynamic type is known.
struct KnownResource {
  /// As the code names it: 'arena', 'std::pmr::null_memory_resource()'.
  std::string Name;
  /// The program's own resource class; null for a bounded resource.
  const CXXRecordDecl *Own = nullptr;
};
} // namespace

/// Whether \p A and \p B are the same kind of resource: both bounded, or
/// both objects of the same class of the program's own.
static bool sameResource(const KnownResource &A, const KnownResource &B) {
  return A.Own == B.Own;
}

/// The overrider in \p Class of std::pmr::memory_resource's member
/// \p Member ('do_allocate'), if \p Class derives from it.
static const CXXMethodDecl *resourceOverrider(const CXXRecordDecl *Class,
                                              StringRef Member) {
  const CXXRecordDecl *Resource = nullptr;
  Class->forallBases([&](const CXXRecordDecl *Base) {
    if (qualifiedName(Base) == "std::pmr::memory_resource")
      Resource = Base;
    return true;
  });
  if (!Resource)
    return nullptr;
  for (const CXXMethodDecl *M : Resource->methods())
    if (M->getDeclName().isIdentifier() && M->getName() == Member)
      return M->getCorrespondingMethodInClass(Class);
  return nullptr;
}

/// A memory resource class of the program's own: its do_allocate and
/// do_deallocate are user code (not a library resource's, nor pure).
static const CXXRecordDecl *ownResourceClass(QualType T) {
  const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition() || Class->isDependentContext())
    return nullptr;
  Class = Class->getDefinition();
  const SourceManager &SM = Class->getASTContext().getSourceManager();
  for (StringRef Member : {"do_allocate", "do_deallocate"}) {
    const CXXMethodDecl *M = resourceOverrider(Class, Member);
    if (!M || M->isPureVirtual() ||
        SM.isInSystemHeader(SM.getFileLoc(M->getLocation())))
      return nullptr;
  }
  return Class;
}

/// An object of a memory resource class of the program's own whose
/// dynamic type is known, of type \p T (or pointed to by it): its class is
/// final, or it is the variable or member \p Var itself (not a reference,
/// nor a pointer).
static std::optional<KnownResource> ownResourceObject(QualType T,
                                                      const ValueDecl *Var) {
  bool Object = Var && !T->isReferenceType() && !T->isPointerType();
  const CXXRecordDecl *Own = ownResourceClass(
      T->isPointerType() ? T->getPointeeType() : T.getNonReferenceType());
  if (!Own || !(Object || Own->isEffectivelyFinal()))
    return std::nullopt;
  return KnownResource{Var ? Var->getNameAsString() : qualifiedName(Own), Own};
}

static std::optional<KnownResource> resourceOf(const Expr *E, unsigned Depth);
static std::optional<KnownResource> boundedMember(const FieldDecl *Field,
                                                  unsigned Depth);

/// An object of a resource type named \p Name, constructed by \p Init with
/// a bounded upstream.
static std::optional<KnownResource>
upstreamBounded(const Expr *Init, StringRef Name, unsigned Depth) {
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  if (!Construct)
    return std::nullopt;
  unsigned Written = writtenArguments(Construct);
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  for (unsigned I = 0; I < Written && I < Ctor->getNumParams(); ++I)
    if (isMemoryResourcePointer(Ctor->getParamDecl(I)->getType())) {
      std::optional<KnownResource> Upstream =
          resourceOf(Construct->getArg(I), Depth + 1);
      // An upstream of the program's own may be the heap.
      return Upstream && !Upstream->Own
                 ? std::optional<KnownResource>({Name.str()})
                 : std::nullopt;
    }
  return std::nullopt; // The default upstream: the heap.
}

/// The resource a variable names: a resource object, or a reference, a
/// const pointer or a polymorphic_allocator, which cannot change.
static std::optional<KnownResource> resourceOfVariable(const VarDecl *Var,
                                                       unsigned Depth) {
  const VarDecl *Definition = Var->getDefinition();
  if (isa<ParmVarDecl>(Var) || !Definition || !Definition->getInit() ||
      Depth > MaxResourceDepth)
    return std::nullopt;
  QualType T = Var->getType();
  if (isUpstreamResource(T->getAsCXXRecordDecl()))
    return upstreamBounded(Definition->getInit(), Var->getName(), Depth);
  bool Fixed = T->isReferenceType() || isPolymorphicAllocator(T) ||
               (T->isPointerType() && T.isConstQualified());
  if (!Fixed)
    return std::nullopt;
  return resourceOf(Definition->getInit(), Depth + 1);
}

/// The bounded resource \p E evaluates to, if noalloc can show one.
static std::optional<KnownResource> resourceOf(const Expr *E, unsigned Depth) {
  if (!E || Depth > MaxResourceDepth)
    return std::nullopt;
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
    return resourceOf(Cast->getSubExpr(), Depth + 1);
  // polymorphic_allocator<T>(&arena), or a copy of one.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return isPolymorphicAllocator(E->getType()) && Construct->getNumArgs() == 1
               ? resourceOf(Construct->getArg(0), Depth + 1)
               : std::nullopt;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && qualifiedName(Callee) == "std::pmr::null_memory_resource")
      return KnownResource{"std::pmr::null_memory_resource()"};
    return std::nullopt;
  }
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(E);
      AddressOf && AddressOf->getOpcode() == UO_AddrOf)
    E = AddressOf->getSubExpr()->IgnoreParens();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (std::optional<KnownResource> Own =
          ownResourceObject(Var ? Var->getType() : E->getType(), Var))
    return Own;
  if (Var)
    return resourceOfVariable(Var, Depth + 1);
  // A member of the object being constructed or used: 'this->arena'.
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
        Field && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      return boundedMember(Field, Depth + 1);
  return std::nullopt;
}

static std::optional<KnownResource> knownResource(const VarDecl *Var,
                                                  unsigned Depth);

/// The variable \p E names, looking through std::move and casts.
static const VarDecl *namedVariable(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (Call->isCallToStdMove() && Call->getNumArgs() == 1)
      E = Call->getArg(0)->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// A std::pmr container constructed with an allocator argument that is a
/// bounded resource, or moved from a container over one (moving takes the
/// allocator along; copying does not: select_on_container_copy_construction
/// gives the copy the default resource).
static std::optional<KnownResource> containerResource(const Expr *Init,
                                                      unsigned Depth) {
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  if (!Construct)
    return std::nullopt;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  unsigned Written = writtenArguments(Construct);
  if (Ctor->isMoveConstructor() && Written == 1)
    if (const VarDecl *From = namedVariable(Construct->getArg(0)))
      return knownResource(From, Depth + 1);
  for (unsigned I = 0; I < Written && I < Ctor->getNumParams(); ++I) {
    QualType Param = Ctor->getParamDecl(I)->getType();
    if (isPolymorphicAllocator(Param) || isMemoryResourcePointer(Param))
      return resourceOf(Construct->getArg(I), 0);
  }
  return std::nullopt; // The default resource.
}

namespace {
/// The calls of one function in the whole unit, the code templates
/// instantiate included, and whether anything else names it (its address
/// taken, a reference to it).
class CallsOf : public RecursiveASTVisitor<CallsOf> {
public:
  explicit CallsOf(const FunctionDecl *Fn) : Fn(Fn->getCanonicalDecl()) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitCallExpr(CallExpr *E) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(E->getCallee()->IgnoreParenImpCasts());
    if (Ref && Ref->getDecl()->getCanonicalDecl() == Fn)
      Calls.push_back(E);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Names += E->getDecl()->getCanonicalDecl() == Fn;
    return true;
  }

  const FunctionDecl *Fn;
  std::vector<const CallExpr *> Calls;
  /// Every name of the function: one per call when nothing else names it.
  size_t Names = 0;
};
} // namespace

/// A reference parameter \p Parm of a function that only this unit can
/// call (internal linkage, not a member, not a template, its address never
/// taken): bounded when every call passes a variable boundedResource shows
/// bounded, or the parameter itself (a recursive call).
static std::optional<KnownResource> boundedParameter(const ParmVarDecl *Parm,
                                                     unsigned Depth) {
  const auto *Fn = dyn_cast_or_null<FunctionDecl>(Parm->getDeclContext());
  QualType T = Parm->getType();
  if (!Fn || !T->isLValueReferenceType() || isa<CXXMethodDecl>(Fn) ||
      Fn->isExternallyVisible() || Fn->isTemplated() ||
      Fn->isTemplateInstantiation() || Depth > MaxResourceDepth)
    return std::nullopt;
  QualType Object = T.getNonReferenceType();
  if (!isPmrContainer(Object) && !isPolymorphicAllocator(Object) &&
      !isUpstreamResource(Object->getAsCXXRecordDecl()))
    return std::nullopt;
  CallsOf Uses(Fn);
  Uses.TraverseDecl(Fn->getASTContext().getTranslationUnitDecl());
  if (Uses.Calls.empty() || Uses.Names != Uses.Calls.size())
    return std::nullopt;
  unsigned Index = Parm->getFunctionScopeIndex();
  std::optional<KnownResource> Bounded;
  for (const CallExpr *Call : Uses.Calls) {
    if (Index >= Call->getNumArgs() ||
        isa<CXXDefaultArgExpr>(Call->getArg(Index)))
      return std::nullopt;
    const VarDecl *Var = namedVariable(Call->getArg(Index));
    if (Var == Parm)
      continue;
    std::optional<KnownResource> Here =
        Var ? knownResource(Var, Depth + 1) : std::nullopt;
    if (!Here || (Bounded && !sameResource(*Bounded, *Here)))
      return std::nullopt;
    Bounded = Here;
  }
  return Bounded;
}

/// boundedResource, \p Depth names deep.
static std::optional<KnownResource> knownResource(const VarDecl *Var,
                                                  unsigned Depth) {
  if (!Var)
    return std::nullopt;
  // The resource itself.
  if (std::optional<KnownResource> Own = ownResourceObject(Var->getType(), Var))
    return Own;
  if (const auto *Parm = dyn_cast<ParmVarDecl>(Var))
    return boundedParameter(Parm, Depth);
  if (!Var->getInit() || Depth > MaxResourceDepth)
    return std::nullopt;
  QualType T = Var->getType();
  // A reference names one object for its whole life.
  if (T->isReferenceType())
    return knownResource(namedVariable(Var->getInit()), Depth + 1);
  if (isUpstreamResource(T->getAsCXXRecordDecl()) || isPolymorphicAllocator(T))
    return resourceOfVariable(Var, Depth);
  if (isPmrContainer(T))
    return containerResource(Var->getInit(), Depth);
  return std::nullopt;
}

/// The bounded resource an object of type \p T named \p Name uses when
/// \p Init, a member's initial value, constructs it.
static std::optional<KnownResource> boundedInitialValue(const Expr *Init,
                                                        QualType T,
                                                        StringRef Name,
                                                        unsigned Depth) {
  if (!Init)
    return std::nullopt;
  if (const auto *Default = dyn_cast<CXXDefaultInitExpr>(Init))
    Init = Default->getExpr();
  if (isUpstreamResource(T->getAsCXXRecordDecl()))
    return upstreamBounded(Init, Name, Depth);
  if (isPolymorphicAllocator(T))
    return resourceOf(Init, Depth + 1);
  if (isPmrContainer(T))
    return containerResource(Init, Depth);
  return std::nullopt;
}

/// Whether an implicit or defaulted copy constructor can copy objects of
/// \p Class: a std::pmr container member's copy gets the default
/// resource. A memory resource member cannot be copied, which deletes it.
static bool copiesImplicitly(const CXXRecordDecl *Class) {
  for (const CXXConstructorDecl *Ctor : Class->ctors())
    if (Ctor->isCopyConstructor() && !Ctor->isImplicit())
      return Ctor->isDefaulted() && !Ctor->isDeleted();
  return llvm::none_of(Class->fields(), [](const FieldDecl *F) {
    return isUpstreamResource(F->getType()->getAsCXXRecordDecl());
  });
}

/// Whether every object of \p Field's class constructs the member over a
/// bounded resource: every constructor, each defined in this unit, gives
/// it one (written, or the in-class initializer), and none copies it
/// (moving takes the allocator along). Whatever the class's code does
/// afterwards, a resource's upstream and a container's resource cannot
/// change (polymorphic_allocator does not propagate on assignment).
static std::optional<KnownResource> boundedMember(const FieldDecl *Field,
                                                  unsigned Depth) {
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Class || Class->isDependentContext() || Class->isUnion() ||
      Depth > MaxResourceDepth || copiesImplicitly(Class))
    return std::nullopt;
  QualType T = Field->getType();
  std::optional<KnownResource> InClass = boundedInitialValue(
      Field->getInClassInitializer(), T, Field->getName(), Depth);
  // Without a bounded in-class initializer, an implicit default
  // constructor starts it from the default resource.
  if (!InClass && !Class->hasUserDeclaredConstructor())
    return std::nullopt;
  std::optional<KnownResource> Bounded = InClass;
  for (const CXXConstructorDecl *Ctor : Class->ctors()) {
    const FunctionDecl *Definition = nullptr;
    if (Ctor->isImplicit() || Ctor->isDeleted() ||
        (Ctor->isDefaulted() && !Ctor->isDefaultConstructor()))
      continue;
    if (Ctor->isDefaulted()) {
      if (!InClass)
        return std::nullopt;
      continue;
    }
    if (!Ctor->hasBody(Definition))
      return std::nullopt; // Defined elsewhere: it may start it otherwise.
    const Expr *Written = nullptr;
    for (const CXXCtorInitializer *Init :
         cast<CXXConstructorDecl>(Definition)->inits())
      if (Init->isWritten() && Init->getMember() == Field)
        Written = Init->getInit();
    std::optional<KnownResource> Here =
        Written ? boundedInitialValue(Written, T, Field->getName(), Depth)
                : InClass;
    if (!Here || (Bounded && !sameResource(*Bounded, *Here)))
      return std::nullopt;
    Bounded = Here;
  }
  return Bounded;
}

static std::optional<BoundedResource>
bounded(const std::optional<KnownResource> &R) {
  if (!R || R->Own)
    return std::nullopt;
  return BoundedResource{R->Name};
}

std::optional<BoundedResource> boundedResource(const FieldDecl *Field) {
  return bounded(boundedMember(Field, 0));
}

std::optional<BoundedResource> boundedResource(const VarDecl *Var) {
  return bounded(knownResource(Var, 0));
}

static std::optional<OwnResource> own(const std::optional<KnownResource> &R) {
  if (!R || !R->Own)
    return std::nullopt;
  return OwnResource{R->Name, R->Own, resourceOverrider(R->Own, "do_allocate"),
                     resourceOverrider(R->Own, "do_deallocate")};
}

std::optional<OwnResource> ownResource(const VarDecl *Var) {
  return own(knownResource(Var, 0));
}

/// \p Call's argument \p Index, if it has one.
static const Expr *argument(const CallExpr *Call,
                            std::optional<unsigned> Index) {
  return Index && *Index < Call->getNumArgs() ? Call->getArg(*Index) : nullptr;
}

bool describes(const FunctionEntry &Entry, const FunctionDecl *FD) {
  if (Entry.DeclaredIn.empty())
    return true;
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  return llvm::any_of(FD->redecls(), [&](const FunctionDecl *D) {
    StringRef File = SM.getFilename(SM.getFileLoc(D->getLocation()));
    return llvm::any_of(Entry.DeclaredIn, [&](StringRef Header) {
      return File == Header || (File.ends_with(Header) &&
                                llvm::sys::path::is_separator(
                                    File[File.size() - Header.size() - 1]));
    });
  });
}

/// The narrow string literal \p Call passes as its function's
/// string-argument, if it passes one.
static const StringLiteral *stringArgument(const CallExpr *Call,
                                           const FunctionEntry &Entry) {
  const Expr *Arg = argument(Call, Entry.StringArgument);
  const auto *Literal =
      Arg ? dyn_cast<StringLiteral>(Arg->IgnoreParenImpCasts()) : nullptr;
  return Literal && Literal->getCharByteWidth() == 1 ? Literal : nullptr;
}

bool doesNothing(const CallExpr *Call, const FunctionEntry &Entry,
                 ASTContext &Ctx) {
  if (const Expr *Null = argument(Call, Entry.NothingWhenNullArgument))
    return Null->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
  if (const StringLiteral *Literal = stringArgument(Call, Entry))
    return llvm::is_contained(Entry.NoHeapStrings, Literal->getString());
  const Expr *Zero = argument(Call, Entry.NothingWhenZeroArgument);
  if (!Zero || Zero->isValueDependent())
    return false;
  std::optional<llvm::APSInt> Value = Zero->getIntegerConstantExpr(Ctx);
  return Value && Value->isZero();
}

/// The first conversion of scanf format \p Format with the
/// assignment-allocation character 'm', as written; "" if none.
static std::string allocatingConversion(StringRef Format) {
  for (size_t I = 0; (I = Format.find('%', I)) != StringRef::npos;) {
    size_t Start = I++;
    if (Format.substr(I).starts_with("%")) {
      ++I;
      continue;
    }
    // '%2$', '*' and a width come before 'm'.
    size_t Digits = Format.find_first_not_of("0123456789", I);
    if (Digits != StringRef::npos && Format[Digits] == '$')
      I = Digits + 1;
    if (Format.substr(I).starts_with("*"))
      ++I;
    I = std::min(Format.find_first_not_of("0123456789", I), Format.size());
    bool Allocates = Format.substr(I).starts_with("m");
    size_t Conversion = Format.find_first_not_of("mhlLqjztm", I);
    if (Conversion == StringRef::npos)
      return "";
    if (Allocates)
      return Format.slice(Start, Conversion + 1).str();
    I = Conversion + 1;
    // A scanset may hold '%': it ends at the first ']' after '[', '[^',
    // '[]' or '[^]'.
    if (Format[Conversion] == '[') {
      I += Format.substr(I).starts_with("^");
      I += Format.substr(I).starts_with("]");
      I = std::min(Format.find(']', I), Format.size());
    }
  }
  return "";
}

/// The scanf format argument of \p Call, if its function has one.
static const Expr *scanfFormat(const CallExpr *Call,
                               const FunctionEntry &Entry) {
  if (!Entry.ScanfFormatArgument ||
      *Entry.ScanfFormatArgument >= Call->getNumArgs())
    return nullptr;
  return Call->getArg(*Entry.ScanfFormatArgument)->IgnoreParenImpCasts();
}

std::string allocatingConversion(const CallExpr *Call,
                                 const FunctionEntry &Entry) {
  const auto *Format =
      dyn_cast_or_null<StringLiteral>(scanfFormat(Call, Entry));
  if (!Format)
    return "";
  if (Format->getCharByteWidth() == 1)
    return allocatingConversion(Format->getString());
  // A wide format (wscanf's L"%ms"): its conversions are ASCII.
  std::string Narrow;
  for (unsigned I = 0, E = Format->getLength(); I != E; ++I) {
    uint32_t C = Format->getCodeUnit(I);
    Narrow += C < 0x80 ? char(C) : '?';
  }
  return allocatingConversion(StringRef(Narrow));
}

std::optional<std::string> allocatingString(const CallExpr *Call,
                                            const FunctionEntry &Entry) {
  const StringLiteral *Literal = stringArgument(Call, Entry);
  if (!Literal ||
      llvm::is_contained(Entry.NoHeapStrings, Literal->getString()) ||
      llvm::is_contained(Entry.MayAllocateStrings, Literal->getString()))
    return std::nullopt;
  return Literal->getString().str();
}

bool unreadScanfFormat(const CallExpr *Call, const FunctionEntry &Entry) {
  const Expr *Format = scanfFormat(Call, Entry);
  return Format && !isa<StringLiteral>(Format);
}

} // namespace noalloc
