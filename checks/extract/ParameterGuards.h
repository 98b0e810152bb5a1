//===--- ParameterGuards.h - Code that runs only for some arguments -------===//
//
// A call under 'if (expand && ...)', where 'expand' is a parameter its
// function only ever reads, runs only when the argument is not 0; a caller
// that passes the constant 'false' never runs it. The extractor records
// the guards of each heap site and call, and what each direct call of user
// code is known to pass; the link drops, for that call, the callee's code
// its arguments rule out (HeapGraph's specialisations).
//
// A guard may also be on a field read through a pointer parameter
// ('if (p->noalloc) return NULL;'), and a call may pass '&local' whose
// field was stored a constant, or its own parameter unchanged (the link
// follows what that parameter is known to be).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_PARAMETERGUARDS_H
#define NOALLOC_CHECKS_EXTRACT_PARAMETERGUARDS_H

#include "facts/Facts.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace noalloc {

/// The names of fields across units (their USRs), each made once for a
/// unit: the guards of every function that writes a field ask for it again
/// (rapidjson's documenttest.cpp: 4,656 functions, 0.03 billion
/// instructions making the same USRs).
class FieldKeys {
public:
  /// \p F's USR; empty when clang gives it none.
  const std::string &of(const clang::FieldDecl *F);

private:
  llvm::DenseMap<const clang::FieldDecl *, std::string> Keys;
};

/// The guards of the code of one function body, and what its calls pass
/// beyond constants.
class ParameterGuards {
public:
  /// \p FD's parameters of integer, enumeration or pointer type that its
  /// code only reads (never assigns, increments, takes the address of or
  /// binds to a reference) are the ones a guard may name, and the fields
  /// of such types that its code never writes, read through them. Fields
  /// are named by \p Keys.
  ParameterGuards(const clang::FunctionDecl &FD, clang::ASTContext &Ctx,
                  FieldKeys &Keys);

  /// The conditions on those parameters that hold whenever \p S, a
  /// statement of the body, runs: those of the 'if', '?:', '&&', '||',
  /// 'while' and 'for' around it whose part holding \p S no label or case
  /// can jump into, and of an 'if' before it in its block that returns.
  std::vector<ParameterValue> of(const clang::Stmt *S) const;

  /// Adds to \p Known what \p Arg, the argument \p Index of \p Call, passes
  /// beyond a constant: a parameter of this function passed on unchanged
  /// (ForwardedField), or, for '&local', the constants stored into the
  /// local's fields that hold at \p Call (see constantFields).
  void addPassed(unsigned Index, const clang::Expr *Arg,
                 const clang::Stmt *Call,
                 std::vector<ParameterValue> &Known) const;

  /// The USRs of the fields this function may write other than in its own
  /// local variables (FunctionFacts::WrittenFields), sorted.
  std::vector<std::string> writtenFields() const;

  /// A field store of a local variable: 'local.field = constant'.
  struct LocalStore {
    const clang::FieldDecl *Field;
    const clang::BinaryOperator *Store;
  };
  /// A field and the constant it holds.
  using FieldConstant = std::pair<const clang::FieldDecl *, int64_t>;
  /// A pointer parameter's field, or the parameter itself (no Field).
  struct Followed {
    const clang::ParmVarDecl *Parm;
    const clang::FieldDecl *Field;
  };

private:
  /// Adds what holds whenever \p Child, a part of \p Parent, runs.
  void addGuards(const clang::Stmt *Parent, const clang::Stmt *Child,
                 std::vector<ParameterValue> &Guards) const;
  /// Adds what \p Parent's condition says whenever \p Child runs, labels
  /// inside \p Child aside.
  void partGuards(const clang::Stmt *Parent, const clang::Stmt *Child,
                  std::vector<ParameterValue> &Guards) const;
  /// Adds what the 'if's before \p Child in \p Block that return say
  /// whenever \p Child runs: their conditions are false.
  void exitGuards(const clang::CompoundStmt *Block, const clang::Stmt *Child,
                  std::vector<ParameterValue> &Guards) const;
  /// Adds what holds whenever \p Cond is \p Truth.
  void holds(const clang::Expr *Cond, bool Truth,
             std::vector<ParameterValue> &Guards) const;
  /// Adds what holds whenever the comparison \p Compare is \p Truth.
  void compares(const clang::BinaryOperator *Compare, bool Truth,
                std::vector<ParameterValue> &Guards) const;
  /// The followed parameter, or field through one, \p E reads, if any.
  std::optional<Followed> followed(const clang::Expr *E) const;
  /// \p F as a guard or argument: its parameter's index, its field's USR.
  ParameterValue valueOf(const Followed &F, bool Equals, int64_t Value) const;
  /// Whether \p S holds a label or a case, cached.
  bool labelled(const clang::Stmt *S) const;
  /// The stores of constants into \p Local's fields that hold at \p Call:
  /// each the only write of its field in the function, at the top level of
  /// its body before the statement holding \p Call, in a body without
  /// labels, and \p Local only ever used as 'local.field' or as '&local'
  /// passed to a call.
  std::vector<LocalStore> constantFields(const clang::VarDecl *Local,
                                         const clang::Stmt *Call) const;
  /// The constants \p Local's fields hold at \p At: those constantFields
  /// stores, and, of the fields the function never writes, those the call
  /// that initialises \p Local returns (returnedConstants), \p Depth calls
  /// down already.
  std::vector<FieldConstant> fieldConstants(const clang::VarDecl *Local,
                                            const clang::Stmt *At,
                                            unsigned Depth) const;
  /// Whether the constants of \p Local's fields may be known: a structure,
  /// not volatile, only ever used as 'local.field', as '&local' passed to a
  /// call or returned, in a body without labels.
  bool constantFieldsOf(const clang::VarDecl *Local) const;
  /// The constants the fields of what \p Call returns hold: its callee's
  /// definition, which the unit has and no other unit may replace,
  /// returns one local record, whose fields hold them at each return
  /// (fieldConstants).
  std::vector<FieldConstant> returnedConstants(const clang::CallExpr *Call,
                                               unsigned Depth) const;
  /// The statement of the body's top level that holds \p S, if any.
  const clang::Stmt *topLevel(const clang::Stmt *S) const;

  clang::ASTContext &Ctx;
  FieldKeys &Keys;
  const clang::Stmt *Body = nullptr;
  /// The parameters of followed types the function only reads.
  llvm::SmallPtrSet<const clang::ParmVarDecl *, 4> Unchanged;
  /// Whether some code of the body is guarded: else of() need not climb.
  bool Climbs = false;
  /// The fields written other than in local variables.
  llvm::SmallPtrSet<const clang::FieldDecl *, 4> Written;
  /// The local variables of record type used other than as 'local.field'
  /// or '&local' passed to a call, or written as a whole.
  llvm::SmallPtrSet<const clang::VarDecl *, 4> Escaping;
  /// Each write of a field of a local variable, with the assignment when it
  /// is a plain one.
  llvm::DenseMap<std::pair<const clang::VarDecl *, const clang::FieldDecl *>,
                 llvm::SmallVector<const clang::BinaryOperator *, 1>>
      LocalWrites;
  /// Whether a part holds a label, by part.
  mutable llvm::DenseMap<const clang::Stmt *, bool> Labelled;
};

/// What the call of \p Callee with \p Args (without the object of a
/// member) is known to pass: each argument for a parameter of integer,
/// enumeration or pointer type that folds to a constant, or a pointer that
/// cannot be null ('&buffer'), and with \p Caller, the guards of the
/// calling function, what ParameterGuards::addPassed says of \p Call.
std::vector<ParameterValue>
knownArguments(const clang::FunctionDecl &Callee,
               llvm::ArrayRef<const clang::Expr *> Args, clang::ASTContext &Ctx,
               const ParameterGuards *Caller = nullptr,
               const clang::Stmt *Call = nullptr);

} // namespace noalloc

#endif // NOALLOC_CHECKS_EXTRACT_PARAMETERGUARDS_H
