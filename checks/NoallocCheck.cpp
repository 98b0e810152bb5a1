//===--- NoallocCheck.cpp - What every noalloc check shares ---------------===//

#include "NoallocCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;
using namespace clang::tidy;

namespace noalloc {

NoallocCheck::NoallocCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      KnowledgeFiles(Options.getLocalOrGlobal("KnowledgeFiles", "")) {
  Files = splitOptionList(KnowledgeFiles);
  auto KB = KnowledgeBase::get(Files);
  if (!KB) {
    configurationDiag("%0", DiagnosticIDs::Error)
        << llvm::toString(KB.takeError());
    return;
  }
  Knowledge = std::move(*KB);
}

void NoallocCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "KnowledgeFiles", KnowledgeFiles);
}

// Diagnostic format strings treat '%' specially ('operator%').
static std::string escapeFormat(StringRef Message) {
  std::string Escaped;
  for (char C : Message) {
    if (C == '%')
      Escaped += '%';
    Escaped += C;
  }
  return Escaped;
}

void NoallocCheck::report(SourceLocation Loc, const SourceManager &SM,
                          StringRef Message, ArrayRef<FixItHint> Fixes) {
  if (!Loc.isMacroID()) {
    diag(Loc, escapeFormat(Message)) << Fixes;
    return;
  }
  // Macro arguments are spelled at the use; macro bodies are not. Code
  // spelled in a macro is not rewritten.
  SourceLocation Use = SM.getFileLoc(Loc);
  diag(Use, escapeFormat(Message));
  if (!SM.isMacroBodyExpansion(Loc))
    return;
  SourceLocation Spelling = SM.getSpellingLoc(Loc);
  StringRef Macro = Lexer::getImmediateMacroName(Loc, SM, LangOptions());
  if (SM.isInSystemHeader(Spelling))
    return;
  diag(Spelling, "expanded from macro '%0'", DiagnosticIDs::Note) << Macro;
}

std::vector<std::string> splitOptionList(StringRef List) {
  llvm::SmallVector<StringRef, 4> Parts;
  List.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (StringRef P : Parts)
    if (!P.trim().empty())
      Result.push_back(P.trim().str());
  return Result;
}

std::string qualifiedName(const NamedDecl *D) {
  PrintingPolicy Policy(D->getASTContext().getLangOpts());
  Policy.SuppressInlineNamespace =
      llvm::to_underlying(PrintingPolicy::SuppressInlineNamespaceMode::All);
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
