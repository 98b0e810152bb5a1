//===--- CallableSlots.h - What each std::function of user code may hold --===//
//
// Calling a std::function runs what was stored into it, and so does calling
// an object of a type the knowledge base says 'holds-callable' of
// (etl::delegate). For such a variable, member or parameter of user code
// (a slot), this collects, for
// one translation unit, what is stored into it: functions and lambdas
// written out ('cb_ = [this] { read(); }', 'std::bind(&C::f, this)'),
// other slots ('cb_ = std::move(cb)': a parameter, filled by each call's
// argument), or something noalloc does not follow, with why. The link step
// joins the units and follows the slots into one another (docs/facts.md).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_CALLABLESLOTS_H
#define NOALLOC_CHECKS_EXTRACT_CALLABLESLOTS_H

#include "knowledge/KnowledgeBase.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include <optional>
#include <string>
#include <utility>

namespace noalloc {

/// A std::function of user code: a variable or member (Index -1), the
/// elements of a variable or member that is a sequence of std::function
/// (Index Elements: 'std::vector<std::function<void()>> handlers_'), or
/// parameter Index of a function. Decl is canonical.
struct CallableSlot {
  static constexpr int Elements = -2;
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

/// The class types whose objects hold one callable that their operator()
/// calls: std::function, and those the knowledge base says 'holds-callable'
/// of (etl::delegate, a user's own callback type).
class CallableTypes {
public:
  explicit CallableTypes(const KnowledgeBase &KB) : KB(KB) {}
  /// Whether \p T is one, or a reference to one.
  bool holds(clang::QualType T) const { return isStdFunction(T) || listed(T); }
  /// Whether \p T (or what it refers to) is one the knowledge base names.
  bool listed(clang::QualType T) const;
  /// The knowledge base that lists them.
  const KnowledgeBase &knowledge() const { return KB; }

private:
  const KnowledgeBase &KB;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, bool> Listed;
};

/// Whether a call of \p FD, which has no body in the unit, may give its
/// caller a std::function filled where noalloc may not see it
/// (FunctionFacts::HandsOutCallables). \p Holds caches, by type, whether
/// a value of it may hold a std::function.
bool handsOutCallables(const clang::FunctionDecl *FD,
                       llvm::DenseMap<const clang::Type *, bool> &Holds);

/// What the user code of the unit stores into its std::function slots, from
/// the nodes of one walk of the unit (StoreWalk.h), parents before their
/// children: each tells what the references below it do before the
/// references are visited.
class CallableSlotCollector {
public:
  CallableSlotCollector(clang::ASTContext &Ctx, const CallableTypes &Types)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Types(Types) {}

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
  void visit(const clang::CXXForRangeStmt *S);
  /// Any other use of a slot (returned by reference, bound to a pointer)
  /// may write it.
  void reference(const clang::Expr *E);

  /// What the std::function \p E calls may hold (calledStores).
  CallableStores::Stores called(const clang::CXXOperatorCallExpr *E);

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
  void storeMade(CallableSlot S, const clang::FunctionDecl *Maker,
                 llvm::ArrayRef<const clang::Expr *> Args);
  void storeFunction(CallableSlot S, const clang::FunctionDecl *Target,
                     const clang::Expr *E);
  void storeElements(CallableSlot S, const clang::Expr *Value);
  void sequenceCall(CallableSlot S, const clang::CallExpr *E,
                    const clang::Expr *Ref,
                    llvm::ArrayRef<const clang::Expr *> Args);
  void addElements(CallableSlot S, const clang::CXXMethodDecl *Method,
                   llvm::ArrayRef<const clang::Expr *> Args);

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const CallableTypes &Types;
  llvm::DenseSet<const clang::Expr *> Claimed;
  /// The variables of range-for loops over a sequence slot: they hold its
  /// elements (visit(const CXXForRangeStmt *)).
  llvm::DenseSet<const clang::VarDecl *> RangeVariables;
};

/// The slot the call of a std::function \p E ('cb_()', 'cb(x)',
/// 'handlers_[i]()') calls, or nothing.
std::optional<CallableSlot> calledCallable(const clang::CXXOperatorCallExpr *E,
                                           const clang::SourceManager &SM,
                                           const CallableTypes &Types);

/// What the std::function a call \p E of no slot calls may hold: a
/// temporary ('std::function<void()>(f)()'), or what noalloc does not
/// follow, with why ('make()()').
CallableStores::Stores calledStores(const clang::CXXOperatorCallExpr *E,
                                    clang::ASTContext &Ctx,
                                    const CallableTypes &Types);

} // namespace noalloc

#endif // NOALLOC_CHECKS_EXTRACT_CALLABLESLOTS_H
