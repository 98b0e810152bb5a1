//===--- ParameterGuards.h - Code that runs only for some arguments -------===//
//
// A call under 'if (expand && ...)', where 'expand' is a parameter its
// function only ever reads, runs only when the argument is not 0; a caller
// that passes the constant 'false' never runs it. The extractor records
// the guards of each heap site and call, and what each direct call of user
// code is known to pass; the link drops, for that call, the callee's code
// its arguments rule out (HeapGraph's specialisations).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_PARAMETERGUARDS_H
#define NOALLOC_CHECKS_EXTRACT_PARAMETERGUARDS_H

#include "facts/Facts.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace noalloc {

/// The guards of the code of one function body.
class ParameterGuards {
public:
  /// \p FD's parameters of integer, enumeration or pointer type that its
  /// code only reads (never assigns, increments, takes the address of or
  /// binds to a reference) are the ones a guard may name.
  ParameterGuards(const clang::FunctionDecl &FD, clang::ASTContext &Ctx);

  /// The conditions on those parameters that hold whenever \p S, a
  /// statement of the body, runs: those of the 'if', '?:', '&&', '||',
  /// 'while' and 'for' around it whose part holding \p S no label or case
  /// can jump into.
  std::vector<ParameterValue> of(const clang::Stmt *S) const;

private:
  /// Adds what holds whenever \p Child, a part of \p Parent, runs.
  void addGuards(const clang::Stmt *Parent, const clang::Stmt *Child,
                 std::vector<ParameterValue> &Guards) const;
  /// Adds what \p Parent's condition says whenever \p Child runs, labels
  /// inside \p Child aside.
  void partGuards(const clang::Stmt *Parent, const clang::Stmt *Child,
                  std::vector<ParameterValue> &Guards) const;
  /// Adds what holds whenever \p Cond is \p Truth.
  void holds(const clang::Expr *Cond, bool Truth,
             std::vector<ParameterValue> &Guards) const;
  /// Adds what holds whenever the comparison \p Compare is \p Truth.
  void compares(const clang::BinaryOperator *Compare, bool Truth,
                std::vector<ParameterValue> &Guards) const;
  /// The followed parameter \p E reads, if any.
  const clang::ParmVarDecl *followed(const clang::Expr *E) const;

  clang::ASTContext &Ctx;
  const clang::Stmt *Body = nullptr;
  llvm::SmallPtrSet<const clang::ParmVarDecl *, 4> Followed;
  /// Whether a part holds a label, by part.
  mutable llvm::DenseMap<const clang::Stmt *, bool> Labelled;
};

/// What the call of \p Callee with \p Args (without the object of a
/// member) is known to pass: each argument for a parameter of integer,
/// enumeration or pointer type that folds to a constant, or a pointer that
/// cannot be null ('&buffer').
std::vector<ParameterValue>
knownArguments(const clang::FunctionDecl &Callee,
               llvm::ArrayRef<const clang::Expr *> Args,
               clang::ASTContext &Ctx);

} // namespace noalloc

#endif // NOALLOC_CHECKS_EXTRACT_PARAMETERGUARDS_H
