//===--- NoallocCheck.cpp - What every noalloc check shares ---------------===//

#include "utils/NoallocCheck.h"
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
  Files = optionList(KnowledgeFiles);
  auto KB = KnowledgeBase::get(Files);
  if (!KB) {
    configurationDiag("%0", DiagnosticIDs::Error)
        << llvm::toString(KB.takeError());
    return;
  }
  Knowledge = std::move(*KB);
}

unsigned NoallocCheck::stackLimitOption() {
  constexpr unsigned Default = 4096;
  // Signed, so that '-5' is said to be negative rather than no integer.
  std::optional<int64_t> Limit =
      Options.getLocalOrGlobal<int64_t>("StackLimit");
  if (!Limit)
    return Default;
  if (*Limit < 0 || *Limit > std::numeric_limits<unsigned>::max()) {
    configurationDiag("invalid StackLimit '%0': expected a non-negative "
                      "number of bytes",
                      DiagnosticIDs::Error)
        << std::to_string(*Limit);
    return Default;
  }
  return unsigned(*Limit);
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

} // namespace noalloc
