//===--- CallableSlots.h - What each std::function of user code may hold --===//
//
// Calling a std::function runs what was stored into it. For a std::function
// variable, member or parameter of user code (a slot), this collects, for
// one translation unit, what is stored into it: functions and lambdas
// written out ('cb_ = [this] { read(); }', 'std::bind(&C::f, this)'),
// other slots ('cb_ = std::move(cb)': a parameter, filled by each call's
// argument), or something noalloc does not follow, with why. The link step
// joins the units and follows the slots into one another (docs/facts.md).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_CALLABLESLOTS_H
#define NOALLOC_CHECKS_EXTRACT_CALLABLESLOTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include <optional>
#include <string>
#include <utility>

namespace noalloc {

/// A std::function of user code: a variable or member (Index -1), or
/// parameter Index of a function. Decl is canonical.
struct CallableSlot {
  const clang::Decl *Decl = nullptr;
  int Index = -1;
  bool operator==(const CallableSlot &O) const {
    return Decl == O.Decl && Index == O.Index;
  }
};

struct CallableStores {
  struct Stores {
    llvm::SmallSetVector<const clang::FunctionDecl *, 2> Functions;
    /// Slots whose value is stored into this one.
    llvm::SmallVector<CallableSlot, 2> Sources;
    /// The first reason something noalloc does not follow may be in it
    /// ("'cb' is passed by reference to 'reset'"), or empty.
    std::string Unfollowed;
  };
  llvm::SmallVector<std::pair<CallableSlot, Stores>, 8> Slots;
  llvm::DenseMap<std::pair<const clang::Decl *, int>, unsigned> Index;
  /// The stores of \p S, made on first use.
  Stores &of(CallableSlot S);
};

/// Whether \p T is a std::function or a reference to one.
bool isStdFunction(clang::QualType T);

/// What the user code of the unit stores into its std::function slots, from
/// the nodes of one walk of the unit (StoreWalk.h), parents before their
/// children: each tells what the references below it do before the
/// references are visited.
class CallableSlotCollector {
public:
  explicit CallableSlotCollector(clang::ASTContext &Ctx)
      : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  void visit(const clang::CXXCtorInitializer *Init);
  void visit(const clang::FunctionDecl *FD);
  void visit(const clang::CallExpr *E);
  void visit(const clang::CXXConstructExpr *E);
  void visit(const clang::LambdaExpr *E);
  void visit(const clang::VarDecl *D);
  void visit(const clang::FieldDecl *D);
  /// \p Field of an aggregate, initialized by \p Init ('{.cb = f}').
  void fieldInit(const clang::FieldDecl *Field, const clang::Expr *Init);
  void visit(const clang::UnaryOperator *E);
  /// Any other use of a slot (returned by reference, bound to a pointer)
  /// may write it.
  void reference(const clang::Expr *E);

  CallableStores Result;

private:
  void unfollowed(CallableSlot S, const std::string &Why);
  /// \p Arg, bound to a reference of type \p T: if \p T can write it, what
  /// is stored through the reference is not followed.
  void writableAlias(clang::QualType T, const clang::Expr *Arg,
                     llvm::StringRef How);
  /// The arguments \p Args of a call of \p Callee.
  void arguments(const clang::FunctionDecl *Callee,
                 llvm::ArrayRef<const clang::Expr *> Args);
  void store(CallableSlot S, const clang::Expr *Value);
  void storeCallable(CallableSlot S, const clang::Expr *Callable);

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  llvm::DenseSet<const clang::Expr *> Claimed;
};

/// The slot the call of a std::function \p E ('cb_()', 'cb(x)') calls,
/// or nothing.
std::optional<CallableSlot> calledCallable(const clang::CXXOperatorCallExpr *E,
                                           const clang::SourceManager &SM);

} // namespace noalloc

#endif // NOALLOC_CHECKS_EXTRACT_CALLABLESLOTS_H
