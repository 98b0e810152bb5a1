//===--- ASTQueries.cpp - Small questions about declarations and expressions//

#include "utils/ASTQueries.h"
#include "utils/LLVMCompat.h"
#include "utils/ParentIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

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

/// A function of the program with C++ linkage in the global namespace
/// ('getline(Reader &, char *, size_t)'): its qualified name is a bare name
/// like a C function's, but it is not the C library's.
static bool isProgramGlobalFunction(const FunctionDecl *FD) {
  // Not an operator: a replacement 'operator new' is the program's heap.
  if (!FD->getASTContext().getLangOpts().CPlusPlus || FD->isExternC() ||
      FD->getBuiltinID() || !FD->getIdentifier() ||
      !FD->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return false;
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  return llvm::none_of(FD->redecls(), [&](const FunctionDecl *D) {
    return SM.isInSystemHeader(D->getLocation());
  });
}

/// The C library function that \p Name, declared in a system header, is
/// under another name: a reserved name given a symbol with an asm label
/// (glibc's '__realpath_alias', which is 'realpath'), a fortified '__X_chk' (X
/// with a check of the buffer's size, which aborts), or glibc's internal
/// '__getdelim' that its inline 'getline' calls at -O2. Empty if none.
static std::string cLibraryAlias(const FunctionDecl *FD, StringRef Name) {
  // Only a reserved name: 'sscanf' is labelled '__isoc99_sscanf', and is
  // known by its own name.
  if (const auto *Label = FD->getAttr<AsmLabelAttr>();
      Label && Name.starts_with("__")) {
    StringRef Symbol = Label->getLabel();
    if (!Symbol.empty() && Symbol != Name && llvm::all_of(Symbol, [](char C) {
          return llvm::isAlnum(C) || C == '_';
        }))
      return Symbol.str();
  }
  StringRef Fortified = Name;
  if (Fortified.consume_front("__") && Fortified.consume_back("_chk") &&
      !Fortified.empty())
    return Fortified.str();
  if (Name == "__getdelim")
    return "getdelim";
  return "";
}

/// Whether \p FD is a namespace-scope allocation or deallocation function
/// that is neither replaceable nor the reserved placement form: its own
/// code ('operator new(size_t, Arena &)', an arena with a heap fallback),
/// which the knowledge of the heap's 'operator new' does not describe.
static bool isOwnAllocationFunction(const FunctionDecl *FD) {
  switch (FD->getOverloadedOperator()) {
  case OO_New:
  case OO_Array_New:
  case OO_Delete:
  case OO_Array_Delete:
    return !isa<CXXMethodDecl>(FD) &&
           !FD->isReplaceableGlobalAllocationFunction() &&
           !FD->isReservedGlobalPlacementOperator();
  default:
    return false;
  }
}

std::string libraryFunctionName(const FunctionDecl *FD) {
  if (isOwnAllocationFunction(FD))
    return "";
  // The knowledge base's names are stored without a leading '::': the
  // '::' tells KnowledgeBase::function that it is not a C function.
  if (isProgramGlobalFunction(FD))
    return "::" + qualifiedName(FD);
  std::string Name =
      FD->isExternC() ? FD->getNameAsString() : qualifiedName(FD);
  StringRef Library = Name;
  if (FD->getBuiltinID() && Library.consume_front("__builtin_"))
    return Library.str();
  if (FD->isExternC() &&
      FD->getASTContext().getSourceManager().isInSystemHeader(
          FD->getLocation()))
    if (std::string Alias = cLibraryAlias(FD, Name); !Alias.empty())
      return Alias;
  return Name;
}

std::string knowledgeRecordName(const CXXRecordDecl *Record) {
  const NamedDecl *Named = Record;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    Named = Spec->getSpecializedTemplate();
  const auto *Outer = dyn_cast<CXXRecordDecl>(Record->getDeclContext());
  if (!Outer || !Record->getIdentifier())
    return qualifiedName(Named);
  return knowledgeRecordName(Outer) + "::" + Named->getNameAsString();
}

std::string knowledgeClass(const CXXMethodDecl *Method) {
  return knowledgeRecordName(Method->getParent());
}

/// The stream a standard non-member inserter or extractor writes or reads
/// ('std::operator>>(std::istream &, std::string &)'), or null.
static const CXXRecordDecl *streamOfOperator(const FunctionDecl *FD) {
  OverloadedOperatorKind Op = FD->getOverloadedOperator();
  if ((Op != OO_LessLess && Op != OO_GreaterGreater) ||
      isa<CXXMethodDecl>(FD) || FD->getNumParams() != 2 ||
      !FD->isInStdNamespace())
    return nullptr;
  QualType Stream = FD->getParamDecl(0)->getType();
  return Stream->isReferenceType()
             ? Stream->getPointeeType()->getAsCXXRecordDecl()
             : nullptr;
}

/// Whether \p Method is an assignment of 'nullptr' ('f = nullptr'), which
/// empties the object and copies nothing.
static bool isNullAssignment(const CXXMethodDecl *Method) {
  return Method->getOverloadedOperator() == OO_Equal &&
         Method->getNumParams() == 1 &&
         Method->getParamDecl(0)->getType()->isNullPtrType();
}

std::string knowledgeName(const FunctionDecl *FD) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(FD))
    return knowledgeClass(Method) + "::" + Method->getNameAsString() +
           (isNullAssignment(Method) ? "(nullptr)" : "");
  // Listed with the stream's member operators: 'std::operator>>' alone
  // also names std::byte's shift.
  if (const CXXRecordDecl *Stream = streamOfOperator(FD))
    return knowledgeRecordName(Stream) + "::" + FD->getNameAsString();
  return libraryFunctionName(FD);
}

const FunctionDecl *aliasDeclaration(const FunctionDecl *FD) {
  for (const FunctionDecl *Redecl : FD->redecls())
    if (Redecl->hasAttr<AliasAttr>())
      return Redecl;
  return nullptr;
}

bool isInlineOnlyDefinition(const FunctionDecl *Definition) {
  if (!Definition->isInlined() || !Definition->hasExternalFormalLinkage())
    return false;
  // C++'s inline functions are the same in every unit that defines them
  // (and clang asks the question of gnu_inline ones only).
  if (Definition->getASTContext().getLangOpts().CPlusPlus &&
      !Definition->hasAttr<GNUInlineAttr>())
    return false;
  return !Definition->isInlineDefinitionExternallyVisible();
}

const FunctionDecl *externalBody(const FunctionDecl *Definition) {
  if (!isInlineOnlyDefinition(Definition))
    return Definition;
  for (const FunctionDecl *Redecl : Definition->redecls())
    if (Redecl != Definition && Redecl->doesThisDeclarationHaveABody() &&
        !isInlineOnlyDefinition(Redecl))
      return Redecl;
  return Definition;
}

/// The function of \p Context or the namespaces in it whose mangled name
/// is \p Name.
static const FunctionDecl *findMangled(const DeclContext *Context,
                                       StringRef Name, MangleContext &Mangle) {
  for (const Decl *D : Context->decls()) {
    if (const auto *Inner = dyn_cast<DeclContext>(D);
        Inner && (isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D))) {
      if (const FunctionDecl *Found = findMangled(Inner, Name, Mangle))
        return Found;
      continue;
    }
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->isThisDeclarationADefinition() || isa<CXXMethodDecl>(FD) ||
        FD->isDependentContext() || !Mangle.shouldMangleDeclName(FD))
      continue;
    std::string Mangled;
    llvm::raw_string_ostream Out(Mangled);
    Mangle.mangleName(GlobalDecl(FD), Out);
    if (Out.str() == Name)
      return FD;
  }
  return nullptr;
}

const FunctionDecl *aliasTarget(const FunctionDecl *Alias, ASTContext &Ctx) {
  StringRef Name = Alias->getAttr<AliasAttr>()->getAliasee();
  // C, and C++'s extern "C": the name is the function's.
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      return FD;
  if (!Ctx.getLangOpts().CPlusPlus)
    return nullptr;
  std::unique_ptr<MangleContext> Mangle(Ctx.createMangleContext());
  return findMangled(Ctx.getTranslationUnitDecl(), Name, *Mangle);
}

DynTypedNode parentSkippingConversions(const Expr *&E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    auto Parents = parentsOf(Node, Ctx);
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

/// Whether \p E names \p Var.
static bool refersTo(const Expr *E, const VarDecl *Var) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref && Ref->getDecl() == Var;
}

/// Whether \p Cond is true when \p Var is null: 'V == NULL', 'NULL == V',
/// '!V', or an '||' with one of them.
static bool trueWhenNull(const Expr *Cond, const VarDecl *Var,
                         ASTContext &Ctx) {
  Cond = Cond->IgnoreParenImpCasts();
  auto IsVar = [&](const Expr *E) { return refersTo(E, Var); };
  auto IsNull = [&](const Expr *E) {
    return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
  };
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond))
    return Not->getOpcode() == UO_LNot && IsVar(Not->getSubExpr());
  const auto *Binary = dyn_cast<BinaryOperator>(Cond);
  if (!Binary)
    return false;
  if (Binary->getOpcode() == BO_LOr)
    return trueWhenNull(Binary->getLHS(), Var, Ctx) ||
           trueWhenNull(Binary->getRHS(), Var, Ctx);
  return Binary->getOpcode() == BO_EQ &&
         ((IsVar(Binary->getLHS()) && IsNull(Binary->getRHS())) ||
          (IsNull(Binary->getLHS()) && IsVar(Binary->getRHS())));
}

bool returns(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && returns(Block->body_back());
  return isa_and_nonnull<ReturnStmt>(S);
}

/// Whether \p S assigns \p Var, changes it or takes its address.
static bool changes(const Stmt *S, const VarDecl *Var) {
  if (!S)
    return false;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S);
      Binary && Binary->isAssignmentOp() && refersTo(Binary->getLHS(), Var))
    return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(S);
      Unary &&
      (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf) &&
      refersTo(Unary->getSubExpr(), Var))
    return true;
  return llvm::any_of(S->children(),
                      [&](const Stmt *Child) { return changes(Child, Var); });
}

/// The body of the function or lambda whose code \p S is.
static const CompoundStmt *enclosingBody(const Stmt *S, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    auto Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *Fn = Node.get<FunctionDecl>())
      return dyn_cast_or_null<CompoundStmt>(Fn->getBody());
    if (const auto *Lambda = Node.get<LambdaExpr>())
      return dyn_cast_or_null<CompoundStmt>(Lambda->getBody());
  }
}

bool isNullGuarded(const Expr *Arg, const Stmt *Call, ASTContext &Ctx) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDeclOrParm())
    return false;
  const CompoundStmt *Body = enclosingBody(Call, Ctx);
  if (!Body || Var->getType().isVolatileQualified() || changes(Body, Var))
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At = SM.getExpansionLoc(Call->getBeginLoc());
  return llvm::any_of(Body->body(), [&](const Stmt *S) {
    const auto *If = dyn_cast<IfStmt>(S);
    return If && !If->getElse() && !If->getInit() &&
           !If->getConditionVariable() &&
           SM.isBeforeInTranslationUnit(SM.getExpansionLoc(If->getEndLoc()),
                                        At) &&
           trueWhenNull(If->getCond(), Var, Ctx) && returns(If->getThen());
  });
}

SourceLocation callLocation(const CallExpr *Call) {
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call))
    return Operator->getExprLoc();
  return Call->getBeginLoc();
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

namespace {
/// Reads raw tokens after a function declarator's ')'.
class DeclaratorTail {
public:
  DeclaratorTail(SourceLocation RParen, const ASTContext &Ctx)
      : SM(Ctx.getSourceManager()), LangOpts(Ctx.getLangOpts()),
        End(Lexer::getLocForEndOfToken(RParen, 0, SM, LangOpts)),
        Cursor(End) {}

  /// The end of the last token that belongs before the attribute.
  std::optional<SourceLocation> attributeLocation() {
    while (next()) {
      if (Tok.isOneOf(tok::amp, tok::ampamp)) {
        take(); // A ref-qualifier.
        continue;
      }
      if (Tok.is(tok::l_square)) {
        if (!skipBalanced(tok::l_square, tok::r_square))
          return std::nullopt; // An attribute already there.
        continue;
      }
      if (Tok.isOneOf(tok::l_brace, tok::semi, tok::arrow, tok::equal,
                      tok::colon, tok::comma))
        return End;
      if (!Tok.is(tok::raw_identifier))
        return std::nullopt;
      StringRef Word = Tok.getRawIdentifier();
      if (Word == "const" || Word == "volatile") {
        take();
      } else if (Word == "noexcept" || Word == "throw") {
        take();
        if (!next() || Tok.isNot(tok::l_paren))
          Cursor = End; // Not its argument: read that token again.
        else if (!skipBalanced(tok::l_paren, tok::r_paren))
          return std::nullopt;
      } else if (Word == "override" || Word == "final" || Word == "try" ||
                 Word == "requires") {
        return End;
      } else {
        return std::nullopt; // A macro, or a GNU attribute.
      }
    }
    return std::nullopt;
  }

private:
  /// Lexes the next token into Tok, past comments: the attribute goes
  /// before a comment that follows the declarator ('f() /* ISR */ {').
  bool next() {
    do {
      if (Lexer::getRawToken(Cursor, Tok, SM, LangOpts,
                             /*IgnoreWhiteSpace=*/true) ||
          Tok.is(tok::eof))
        return false;
      Cursor = Tok.getEndLoc();
    } while (Tok.is(tok::comment));
    return true;
  }
  void take() { End = Cursor = Tok.getEndLoc(); }
  /// Takes Tok (an Open token) and everything up to its matching Close.
  bool skipBalanced(tok::TokenKind Open, tok::TokenKind Close) {
    unsigned Depth = 0;
    do {
      if (Tok.is(Open))
        ++Depth;
      else if (Tok.is(Close))
        --Depth;
      take();
    } while (Depth > 0 && next());
    return Depth == 0;
  }

  const SourceManager &SM;
  const LangOptions &LangOpts;
  SourceLocation End;
  /// Where the next token is lexed: after End, and after comments.
  SourceLocation Cursor;
  Token Tok;
};
} // namespace

namespace {
/// unlinkedTemplateArguments' walk over declarations and types.
class UnlinkedArguments {
public:
  explicit UnlinkedArguments(SmallVectorImpl<const NamedDecl *> &Out)
      : Out(Out) {}

  /// The template arguments of \p D, if it is a specialization, and of
  /// every declaration around it.
  void contexts(const Decl *D, unsigned Depth) {
    if (Depth > MaxDepth || !Visited.insert(D).second)
      return;
    const auto *C = dyn_cast<DeclContext>(D);
    for (C = C ? C : D->getDeclContext(); C; C = C->getParent()) {
      ArrayRef<TemplateArgument> Args;
      if (const auto *FD = dyn_cast<FunctionDecl>(C)) {
        if (const TemplateArgumentList *List =
                FD->getTemplateSpecializationArgs())
          Args = List->asArray();
      } else if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(C))
        Args = S->getTemplateArgs().asArray();
      for (const TemplateArgument &A : Args)
        argument(A, Depth + 1);
    }
  }

private:
  static constexpr unsigned MaxDepth = 8;

  void add(const NamedDecl *D) {
    // A specialization is told apart by its own arguments.
    const auto *Class = dyn_cast<CXXRecordDecl>(D);
    if (Class && Class->getTemplateSpecializationKind() != TSK_Undeclared)
      return;
    const auto *Tag = dyn_cast<TagDecl>(D);
    bool Unnamed =
        Tag && !Tag->getIdentifier() && !Tag->getTypedefNameForAnonDecl();
    if ((Unnamed || !D->isExternallyVisible()) && !llvm::is_contained(Out, D))
      Out.push_back(D);
  }

  void argument(const TemplateArgument &A, unsigned Depth) {
    switch (A.getKind()) {
    case TemplateArgument::Type:
      type(A.getAsType(), Depth);
      break;
    case TemplateArgument::Declaration:
      add(A.getAsDecl());
      break;
    case TemplateArgument::Pack:
      for (const TemplateArgument &P : A.pack_elements())
        argument(P, Depth);
      break;
    default:
      break;
    }
  }

  void type(QualType T, unsigned Depth) {
    if (T.isNull() || Depth > MaxDepth)
      return;
    T = T.getCanonicalType();
    if (QualType Pointee = T->getPointeeType(); !Pointee.isNull())
      return type(Pointee, Depth + 1);
    if (const ArrayType *Array = T->getAsArrayTypeUnsafe())
      return type(Array->getElementType(), Depth + 1);
    if (const auto *Function = T->getAs<FunctionProtoType>()) {
      type(Function->getReturnType(), Depth + 1);
      for (QualType Param : Function->getParamTypes())
        type(Param, Depth + 1);
      return;
    }
    if (const TagDecl *Tag = T->getAsTagDecl()) {
      add(Tag);
      contexts(Tag, Depth + 1);
    }
  }

  SmallVectorImpl<const NamedDecl *> &Out;
  llvm::SmallPtrSet<const Decl *, 8> Visited;
};
} // namespace

void unlinkedTemplateArguments(const Decl *D,
                               SmallVectorImpl<const NamedDecl *> &Out) {
  UnlinkedArguments(Out).contexts(D, 0);
}

/// Where a C definition takes the attribute: the start of its declaration,
/// before a macro that begins it (an export macro expands to specifiers),
/// if it is in the file of the declarator.
static std::optional<SourceLocation> declarationStart(const FunctionDecl *D,
                                                      SourceLocation RParen) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  SourceLocation Start = SM.getExpansionLoc(D->getBeginLoc());
  if (Start.isInvalid() || SM.getFileID(Start) != SM.getFileID(RParen))
    return std::nullopt;
  return Start;
}

std::optional<SourceLocation> functionAttributeLocation(const FunctionDecl *D) {
  const TypeSourceInfo *TSI = D->getTypeSourceInfo();
  if (!TSI)
    return std::nullopt;
  auto Function = TSI->getTypeLoc().getAsAdjusted<FunctionTypeLoc>();
  if (!Function || Function.getRParenLoc().isInvalid() ||
      Function.getRParenLoc().isMacroID())
    return std::nullopt;
  // GCC refuses a GNU attribute after the declarator of a definition
  // ("attributes should be specified before the declarator in a function
  // definition"); at the start of the declaration both compilers give it
  // to the function. C++'s [[clang::nonallocating]] cannot go there, and
  // GCC takes it after the declarator.
  if (!D->getASTContext().getLangOpts().CPlusPlus &&
      D->doesThisDeclarationHaveABody())
    return declarationStart(D, Function.getRParenLoc());
  return DeclaratorTail(Function.getRParenLoc(), D->getASTContext())
      .attributeLocation();
}

bool isInThrowOperand(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    auto Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return false;
    const auto *Parent = Parents[0].get<Stmt>();
    if (!Parent || isa<LambdaExpr>(Parent))
      return false;
    if (isa<CXXThrowExpr>(Parent))
      return true;
    Node = Parents[0];
  }
}

bool isInCatchHandler(const DynTypedNode &Start, ASTContext &Ctx) {
  DynTypedNode Node = Start;
  while (true) {
    auto Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return false;
    const DynTypedNode &Parent = Parents[0];
    if (Parent.get<CXXCatchStmt>())
      return true;
    const auto *D = Parent.get<Decl>();
    if (Parent.get<LambdaExpr>() || (D && !isa<VarDecl>(D)))
      return false;
    Node = Parent;
  }
}

const Stmt *runTimeBranch(const IfStmt *If) {
  return If->isNegatedConsteval() ? If->getThen() : If->getElse();
}

bool operandsNeverRun(const Stmt *S) {
  if (const auto *Trait = dyn_cast<UnaryExprOrTypeTraitExpr>(S))
    // sizeof of a variable-length array is evaluated.
    return Trait->isArgumentType() ||
           !Trait->getArgumentExpr()->getType()->isVariablyModifiedType();
  if (const auto *Typeid = dyn_cast<CXXTypeidExpr>(S))
    return !Typeid->isPotentiallyEvaluated();
  if (const auto *Constant = dyn_cast<ConstantExpr>(S))
    return Constant->isImmediateInvocation() || Constant->hasAPValueResult();
  return isa<CXXNoexceptExpr, RequiresExpr, ConceptSpecializationExpr>(S);
}

bool containsLabel(const Stmt *S, bool IgnoreCaseStmts) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S) || (isa<SwitchCase>(S) && !IgnoreCaseStmts))
    return true;
  IgnoreCaseStmts |= isa<SwitchStmt>(S);
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return containsLabel(Child, IgnoreCaseStmts);
  });
}

/// The value of \p Cond when it folds to an integer constant without side
/// effects or labels, as the code generator folds it.
static std::optional<llvm::APSInt> constantValue(const Expr *Cond,
                                                 ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (!Cond || Cond->isValueDependent() || Cond->isTypeDependent() ||
      !Cond->EvaluateAsInt(Result, Ctx) || containsLabel(Cond))
    return std::nullopt;
  return Result.Val.getInt();
}

static std::optional<bool> constantCondition(const Expr *Cond,
                                             ASTContext &Ctx) {
  if (std::optional<llvm::APSInt> Value = constantValue(Cond, Ctx))
    return Value->getBoolValue();
  return std::nullopt;
}

/// What the code generator leaves out when \p Cond folds to a constant that
/// selects \p RunsIfTrue or \p RunsIfFalse (either may be null): the
/// condition and the part it does not select, unless that part holds a label
/// (CodeGenFunction::ConstantFoldsToSimpleInteger, ContainsLabel).
static llvm::SmallVector<const Stmt *, 2> foldedParts(const Expr *Cond,
                                                      const Stmt *RunsIfTrue,
                                                      const Stmt *RunsIfFalse,
                                                      ASTContext &Ctx) {
  std::optional<bool> Value = constantCondition(Cond, Ctx);
  const Stmt *Skipped = Value && *Value ? RunsIfFalse : RunsIfTrue;
  if (!Value || containsLabel(Skipped))
    return {};
  if (!Skipped)
    return {Cond};
  return {Cond, Skipped};
}

/// The branch of an 'if' that never runs, and its condition when it folds.
static llvm::SmallVector<const Stmt *, 2> ifPartsNeverRun(const IfStmt *If,
                                                          ASTContext &Ctx) {
  const Stmt *Then = If->getThen();
  const Stmt *Else = If->getElse();
  const Stmt *Dropped = nullptr;
  if (If->isConsteval()) {
    Dropped = runTimeBranch(If) == Then ? Else : Then;
  } else if (If->isConstexpr()) {
    if (std::optional<const Stmt *> Taken = If->getNondiscardedCase(Ctx))
      Dropped = *Taken == Then ? Else : Then;
  } else {
    return foldedParts(If->getCond(), Then, Else, Ctx);
  }
  if (!Dropped)
    return {};
  return {Dropped};
}

/// The body of a loop whose condition folds to false, and a for loop's
/// increment, never run unless a label in the body is jumped to.
static llvm::SmallVector<const Stmt *, 2> loopPartsNeverRun(const Expr *Cond,
                                                            const Stmt *Body,
                                                            const Stmt *Inc,
                                                            ASTContext &Ctx) {
  std::optional<bool> Value = constantCondition(Cond, Ctx);
  if (!Value || *Value || containsLabel(Body))
    return {};
  if (!Inc)
    return {Body};
  return {Body, Inc};
}

/// Whether the case \p Label selects \p Value ('case 1 ... 5' included).
static bool selects(const CaseStmt *Label, const llvm::APSInt &Value,
                    ASTContext &Ctx) {
  const Expr *RHS = Label->getRHS();
  if (Label->getLHS()->isValueDependent() || (RHS && RHS->isValueDependent()))
    return false;
  llvm::APSInt Low = Label->getLHS()->EvaluateKnownConstInt(Ctx);
  llvm::APSInt High = RHS ? RHS->EvaluateKnownConstInt(Ctx) : Low;
  return llvm::APSInt::compareValues(Low, Value) <= 0 &&
         llvm::APSInt::compareValues(Value, High) <= 0;
}

/// The statements of a 'switch' on a constant that the jump to its case
/// passes over: those before the case, and those after the first 'break'
/// or 'return' that follows it. Only when every case label is a statement
/// of the body itself (no Duff's device) and the body holds no label that a
/// goto could jump to; with no case and no default, the whole body.
static llvm::SmallVector<const Stmt *, 2>
switchPartsNeverRun(const SwitchStmt *Switch, ASTContext &Ctx) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch->getBody());
  std::optional<llvm::APSInt> Value = constantValue(Switch->getCond(), Ctx);
  if (!Body || !Value || containsLabel(Body, /*IgnoreCaseStmts=*/true))
    return {};
  size_t Labels = 0, Chosen = Body->size(), Default = Body->size();
  for (auto [I, Part] : llvm::enumerate(Body->body()))
    for (const Stmt *S = Part; const auto *Label = dyn_cast<SwitchCase>(S);
         S = Label->getSubStmt(), ++Labels) {
      if (isa<DefaultStmt>(Label))
        Default = I;
      else if (Chosen == Body->size() &&
               selects(cast<CaseStmt>(Label), *Value, Ctx))
        Chosen = I;
    }
  size_t Written = 0;
  for (const SwitchCase *C = Switch->getSwitchCaseList(); C;
       C = C->getNextSwitchCase())
    ++Written;
  if (Labels != Written)
    return {};
  if (Chosen == Body->size())
    Chosen = Default;
  if (Chosen == Body->size())
    return {Body};
  llvm::SmallVector<const Stmt *, 2> Skipped(Body->body_begin(),
                                             Body->body_begin() + Chosen);
  for (size_t I = Chosen; I < Body->size(); ++I) {
    const Stmt *S = Body->body_begin()[I];
    while (const auto *Label = dyn_cast<SwitchCase>(S))
      S = Label->getSubStmt();
    if (isa<BreakStmt, ReturnStmt>(S)) {
      Skipped.append(Body->body_begin() + I + 1, Body->body_end());
      break;
    }
  }
  return Skipped;
}

llvm::SmallVector<const Stmt *, 2> partsNeverRun(const Stmt *S,
                                                 ASTContext &Ctx) {
  if (const auto *If = dyn_cast<IfStmt>(S))
    return ifPartsNeverRun(If, Ctx);
  if (const auto *Choice = dyn_cast<ConditionalOperator>(S))
    return foldedParts(Choice->getCond(), Choice->getTrueExpr(),
                       Choice->getFalseExpr(), Ctx);
  // GNU 'A ?: B' runs B when A is false.
  if (const auto *Choice = dyn_cast<BinaryConditionalOperator>(S))
    return foldedParts(Choice->getCommon(), nullptr, Choice->getFalseExpr(),
                       Ctx);
  if (const auto *Switch = dyn_cast<SwitchStmt>(S))
    return switchPartsNeverRun(Switch, Ctx);
  if (const auto *Logic = dyn_cast<BinaryOperator>(S);
      Logic && Logic->isLogicalOp()) {
    // 'A && B' runs B when A is true, 'A || B' when A is false.
    bool And = Logic->getOpcode() == BO_LAnd;
    return foldedParts(Logic->getLHS(), And ? Logic->getRHS() : nullptr,
                       And ? nullptr : Logic->getRHS(), Ctx);
  }
  if (const auto *While = dyn_cast<WhileStmt>(S))
    return loopPartsNeverRun(While->getCond(), While->getBody(), nullptr, Ctx);
  if (const auto *For = dyn_cast<ForStmt>(S))
    return loopPartsNeverRun(For->getCond(), For->getBody(), For->getInc(),
                             Ctx);
  return {};
}

bool isDroppedPart(const Stmt *Parent, const Stmt *Child, ASTContext &Ctx) {
  return Child && llvm::is_contained(partsNeverRun(Parent, Ctx), Child);
}

bool hasCompileTimeInitializer(const VarDecl *D) {
  return D->isConstexpr() && !D->needsDestruction(D->getASTContext());
}

/// Whether \p Arg is an explicit template argument of the name \p S
/// ('sized<N>()'): a constant expression.
static bool isTemplateArgumentOf(const Stmt *S, const Expr *Arg) {
  ArrayRef<TemplateArgumentLoc> Args;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(S))
    Args = Ref->template_arguments();
  else if (const auto *Member = dyn_cast_or_null<MemberExpr>(S))
    Args = Member->template_arguments();
  else if (const auto *Overload = dyn_cast_or_null<OverloadExpr>(S))
    Args = Overload->template_arguments();
  return Arg && llvm::any_of(Args, [&](const TemplateArgumentLoc &Loc) {
           return Loc.getSourceExpression() == Arg;
         });
}

/// Whether \p Child, a part of \p Parent, never runs at run time: true or
/// false when \p Parent decides it, none when its own parents do.
static std::optional<bool> partNeverRuns(const DynTypedNode &Parent,
                                         const DynTypedNode &Child,
                                         ASTContext &Ctx) {
  const Stmt *ChildStmt = Child.get<Stmt>();
  if (const auto *Fn = Parent.get<FunctionDecl>())
    return Fn->isImmediateFunction();
  if (const auto *Lambda = Parent.get<LambdaExpr>())
    return ChildStmt == Lambda->getBody() &&
           Lambda->getCallOperator()->isImmediateFunction();
  if (Parent.get<StaticAssertDecl>() || Parent.get<EnumConstantDecl>() ||
      Parent.get<TemplateArgumentLoc>())
    return true;
  // An expression in a type: decltype, typeof, a constant array bound, a
  // noexcept specifier; the bound of a variable-length array runs.
  if (const auto *Type = Parent.get<TypeLoc>(); Type && Child.get<Expr>())
    return !isa<VariableArrayType>(Type->getTypePtr());
  if (const auto *Var = Parent.get<VarDecl>())
    if (ChildStmt && ChildStmt == Var->getInit() &&
        hasCompileTimeInitializer(Var))
      return true;
  const Stmt *S = Parent.get<Stmt>();
  if (S && (operandsNeverRun(S) || isTemplateArgumentOf(S, Child.get<Expr>())))
    return true;
  if (S && isDroppedPart(S, ChildStmt, Ctx))
    return true;
  return std::nullopt;
}

std::optional<bool> neverRunsAlong(
    const DynTypedNode &Start,
    llvm::function_ref<std::optional<DynTypedNode>(const DynTypedNode &)>
        FirstParent,
    ASTContext &Ctx) {
  DynTypedNode Node = Start;
  const Stmt *Below = nullptr;
  while (true) {
    std::optional<DynTypedNode> Parent = FirstParent(Node);
    if (!Parent)
      return std::nullopt;
    if (Parent->getNodeKind().isNone())
      return false;
    if (std::optional<bool> Decided = partNeverRuns(*Parent, Node, Ctx))
      return *Decided;
    // A switch on a constant drops statements of its body, not its body.
    if (const auto *Switch = Parent->get<SwitchStmt>();
        Switch && Node.get<Stmt>() == Switch->getBody() &&
        isDroppedPart(Switch, Below, Ctx))
      return true;
    Below = Node.get<Stmt>();
    Node = *Parent;
  }
}

bool neverRunsAtRunTime(const DynTypedNode &Start, ASTContext &Ctx) {
  // The parent index decided it while it walked the unit (a throw, a new,
  // a delete), without a climb or a record of an instantiation's parents.
  if (const auto *S = Start.get<Stmt>())
    if (std::optional<bool> Known = indexedNeverRuns(*S, Ctx))
      return *Known;
  return *neverRunsAlong(
      Start,
      [&](const DynTypedNode &Node) {
        auto Parents = parentsOf(Node, Ctx);
        return std::optional(Parents.empty() ? DynTypedNode() : Parents[0]);
      },
      Ctx);
}

const CXXConstructExpr *thrownConstruction(const CXXThrowExpr *T) {
  const Expr *E = T->getSubExpr();
  while (E) {
    E = E->IgnoreImplicit();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else
      return dyn_cast<CXXConstructExpr>(E);
  }
  return nullptr;
}

std::pair<QualType, QualType> calledFunctionType(QualType T) {
  if (const auto *Member = T->getAs<MemberPointerType>()) {
    QualType Class;
    if (const Type *C = compat::memberPointerClass(Member))
      Class = QualType(C, 0);
    return {Member->getPointeeType(), Class};
  }
  if (T->isPointerType() || T->isReferenceType())
    return {T->getPointeeType(), QualType()};
  return {T, QualType()};
}

bool isNonallocating(FunctionEffectsRef Effects) {
  return llvm::any_of(Effects.effects(), [](const FunctionEffect &E) {
    return E.kind() == FunctionEffect::Kind::NonAllocating ||
           E.kind() == FunctionEffect::Kind::NonBlocking;
  });
}

bool callsNonallocating(QualType T) {
  if (T.isNull())
    return false;
  const auto *Proto = calledFunctionType(T).first->getAs<FunctionProtoType>();
  return Proto && isNonallocating(Proto->getFunctionEffects());
}

} // namespace noalloc
