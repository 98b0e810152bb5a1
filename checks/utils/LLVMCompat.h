//===--- LLVMCompat.h - Where LLVM/Clang 19 to 22 differ ------------------===//
//
// noalloc builds against LLVM/Clang 19 to 22 (CMakeLists.txt checks the
// range). Where their APIs differ, the code calls these helpers; they are
// the only place that tests LLVM_VERSION_MAJOR. Built and tested: 19 and 22
// (scripts/test-llvm); the boundaries at 20 and 21 follow LLVM's history,
// untested.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_UTILS_LLVMCOMPAT_H
#define NOALLOC_CHECKS_UTILS_LLVMCOMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/AST/Type.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/TargetParser/Triple.h"
#include <memory>

// clang's resource directory: in the Options library since LLVM 22, in the
// driver and the frontend before.
#if LLVM_VERSION_MAJOR >= 22
#include "clang/Options/OptionUtils.h"
#else
#include "clang/Driver/Driver.h"
#include "clang/Frontend/CompilerInvocation.h"
#endif

// clang-tidy's module registry: in ClangTidyModule.h since LLVM 22, in a
// header of its own before (deprecated in 22).
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

// RecursiveASTVisitor::TraverseTypeLoc's parameters after the TypeLoc, for
// an override: LLVM 22 added whether to traverse the qualifier.
#if LLVM_VERSION_MAJOR >= 22
#define NOALLOC_TYPELOC_TRAVERSAL_PARAMS , bool TraverseQualifier = true
#define NOALLOC_TYPELOC_TRAVERSAL_ARGS , TraverseQualifier
#else
#define NOALLOC_TYPELOC_TRAVERSAL_PARAMS
#define NOALLOC_TYPELOC_TRAVERSAL_ARGS
#endif

// A structured binding of a StringMap entry, 'for (auto &[Key, Value] : Map)',
// binds a copy of the value before LLVM 20 (its std::get returns it by
// value): whatever refers into Value dies with the iteration. Where
// something keeps a reference (a json::Value of a StringRef), iterate the
// entries and use getValue().

namespace noalloc::compat {

/// Prints names without inline namespaces: 'std::vector', not
/// 'std::__1::vector'. Before LLVM 20, clang drops an inline namespace only
/// where the shorter name stays unambiguous.
inline void suppressInlineNamespaces(clang::PrintingPolicy &Policy) {
#if LLVM_VERSION_MAJOR >= 20
  Policy.SuppressInlineNamespace = llvm::to_underlying(
      clang::PrintingPolicy::SuppressInlineNamespaceMode::All);
#else
  Policy.SuppressInlineNamespace = true;
#endif
}

/// The canonical type of a class: the type of '*this' without qualifiers.
inline clang::QualType canonicalRecordType(const clang::ASTContext &Ctx,
                                           const clang::CXXRecordDecl *RD) {
#if LLVM_VERSION_MAJOR >= 22
  return Ctx.getCanonicalTagType(RD);
#else
  return Ctx.getCanonicalType(Ctx.getRecordType(RD));
#endif
}

/// The class of a pointer to member as written: 'C' in 'int C::*'.
inline const clang::Type *
memberPointerClass(const clang::MemberPointerType *MP) {
#if LLVM_VERSION_MAJOR >= 22
  return MP->getQualifier().getAsType();
#elif LLVM_VERSION_MAJOR >= 21
  return MP->getQualifier()->getAsType();
#else
  return MP->getClass();
#endif
}

/// The resource directory (builtin headers) of the clang at \p BinaryPath.
inline std::string resourceDirOf(llvm::StringRef BinaryPath) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::GetResourcesPath(BinaryPath);
#else
  return clang::driver::Driver::GetResourcesPath(BinaryPath);
#endif
}

/// The resource directory beside the running program.
inline std::string ownResourceDir(const char *Argv0, void *MainAddr) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::GetResourcesPath(Argv0, MainAddr);
#else
  return clang::CompilerInvocation::GetResourcesPath(Argv0, MainAddr);
#endif
}

/// \p Path made absolute from \p Base unless it is already.
inline void makeAbsolute(const llvm::Twine &Base,
                         llvm::SmallVectorImpl<char> &Path) {
#if LLVM_VERSION_MAJOR >= 22
  llvm::sys::path::make_absolute(Base, Path);
#else
  llvm::sys::fs::make_absolute(Base, Path);
#endif
}

/// The checks that \p Options enable, as clang-tidy --list-checks names
/// them (no alpha analyzer checks, no custom checks).
inline std::vector<std::string>
enabledCheckNames(const clang::tidy::ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 21
  return clang::tidy::getCheckNames(Options, false, false);
#else
  return clang::tidy::getCheckNames(Options, false);
#endif
}

/// Every option of the checks that \p Options enable, with its default.
inline clang::tidy::ClangTidyOptions::OptionMap
enabledCheckOptions(const clang::tidy::ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 21
  return clang::tidy::getCheckOptions(Options, false, false);
#else
  return clang::tidy::getCheckOptions(Options, false);
#endif
}

/// Every check option clang-tidy knows (no alpha analyzer checks, no custom
/// checks).
inline llvm::StringSet<> knownCheckOptions() {
#if LLVM_VERSION_MAJOR >= 21
  return clang::tidy::getAllChecksAndOptions(false, false).Options;
#else
  return clang::tidy::getAllChecksAndOptions(false).Options;
#endif
}

/// A target triple as LLVM's target registry and MC layer take it: a Triple
/// since LLVM 22, its string before.
#if LLVM_VERSION_MAJOR >= 22
inline const llvm::Triple &mcTriple(const llvm::Triple &TT) { return TT; }
#else
inline const std::string &mcTriple(const llvm::Triple &TT) { return TT.str(); }
#endif

/// A diagnostics engine with \p Options. Since LLVM 21 an engine refers to
/// its options (keep them alive); before, it shares a copy of them.
inline std::unique_ptr<clang::DiagnosticsEngine>
newDiagnosticsEngine(clang::DiagnosticOptions &Options,
                     clang::DiagnosticConsumer *Client, bool ShouldOwnClient) {
#if LLVM_VERSION_MAJOR >= 21
  return std::make_unique<clang::DiagnosticsEngine>(
      clang::DiagnosticIDs::create(), Options, Client, ShouldOwnClient);
#else
  return std::make_unique<clang::DiagnosticsEngine>(
      new clang::DiagnosticIDs(), new clang::DiagnosticOptions(Options), Client,
      ShouldOwnClient);
#endif
}

/// The engine that feeds \p Consumer the diagnostics of \p Context, as
/// clang-tidy's driver connects them; \p Context keeps its options.
inline std::unique_ptr<clang::DiagnosticsEngine>
connectDiagnostics(clang::tidy::ClangTidyContext &Context,
                   clang::tidy::ClangTidyDiagnosticConsumer &Consumer) {
  auto Options = std::make_unique<clang::DiagnosticOptions>();
  auto Engine = newDiagnosticsEngine(*Options, &Consumer,
                                     /*ShouldOwnClient=*/false);
#if LLVM_VERSION_MAJOR >= 21
  Context.setDiagnosticsEngine(std::move(Options), Engine.get());
#else
  Context.setDiagnosticsEngine(Engine.get());
#endif
  return Engine;
}

/// An empty warning at a location, for questions about the location that
/// take a diagnostic (clang-tidy's NOLINT reader). Since LLVM 20 a
/// diagnostic can be made directly; before, only a DiagnosticsEngine
/// emitting one makes it, so the probe emits into an engine of its own.
class DiagnosticProbe {
public:
  using Question = llvm::function_ref<bool(const clang::Diagnostic &)>;

  explicit DiagnosticProbe(clang::DiagnosticsEngine &Diags);
  /// Answers \p Ask about an empty warning at \p Loc.
  bool ask(clang::SourceLocation Loc, Question Ask);

private:
  clang::DiagnosticsEngine &Diags;
#if LLVM_VERSION_MAJOR < 20
  class Consumer : public clang::DiagnosticConsumer {
  public:
    void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                          const clang::Diagnostic &Info) override {
      Answer = Ask(Info);
    }
    Question Ask = nullptr;
    bool Answer = false;
  };
  Consumer Answers;
  std::unique_ptr<clang::DiagnosticsEngine> Engine;
  unsigned ProbeID = 0;
#endif
};

#if LLVM_VERSION_MAJOR >= 20
inline DiagnosticProbe::DiagnosticProbe(clang::DiagnosticsEngine &Diags)
    : Diags(Diags) {}

inline bool DiagnosticProbe::ask(clang::SourceLocation Loc, Question Ask) {
  clang::DiagnosticStorage Storage;
  return Ask(clang::Diagnostic(&Diags, Loc, /*DiagID=*/0, Storage, ""));
}
#else
inline DiagnosticProbe::DiagnosticProbe(clang::DiagnosticsEngine &Diags)
    : Diags(Diags), Engine(std::make_unique<clang::DiagnosticsEngine>(
                        Diags.getDiagnosticIDs(), &Diags.getDiagnosticOptions(),
                        &Answers, /*ShouldOwnClient=*/false)) {
  ProbeID = Engine->getCustomDiagID(clang::DiagnosticsEngine::Warning,
                                    "noalloc probe");
}

inline bool DiagnosticProbe::ask(clang::SourceLocation Loc, Question Ask) {
  if (!Engine->hasSourceManager())
    Engine->setSourceManager(&Diags.getSourceManager());
  Answers.Ask = Ask;
  Answers.Answer = false;
  Engine->Report(Loc, ProbeID);
  return Answers.Answer;
}
#endif

} // namespace noalloc::compat

#endif // NOALLOC_CHECKS_UTILS_LLVMCOMPAT_H
