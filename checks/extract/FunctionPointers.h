//===--- FunctionPointers.h - What each function pointer may hold ---------===//
//
// A call through a function pointer may reach any function whose address is
// taken. When the pointer is read from a variable or a field of user code
// that the program writes only with functions written out ('cb = record;',
// '{.tick = quiet}', 'Handler h = c ? a : b;'), it holds one of those, or a
// function whose address escapes where noalloc does not follow it. This
// collects, for one translation unit, what is stored into each such
// variable and field; the link step joins the units (docs/facts.md).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_EXTRACT_FUNCTIONPOINTERS_H
#define NOALLOC_CHECKS_EXTRACT_FUNCTIONPOINTERS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include <optional>
#include <set>
#include <tuple>
#include <utility>

namespace noalloc {

/// Code this unit does not see that may write what it is given, and that
/// the link may find in the program: a function defined in no file of the
/// unit, the functions a virtual call or a call through a pointer may run,
/// a global variable defined elsewhere. With none of those set, code noalloc
/// cannot name (a block): a write not followed.
struct UnseenWriter {
  const clang::FunctionDecl *Function = nullptr;
  /// \c Function is called virtually: its overriders may run.
  bool Virtual = false;
  /// For a call through a pointer: the pointer's canonical type.
  const clang::Type *Pointer = nullptr;
  /// A global variable defined in no file of the unit: its initializer.
  const clang::VarDecl *Variable = nullptr;
  /// For a virtual call or a call through a pointer: the function that
  /// returned the object or the pointer ('factory()(p)', 'getF()()(p)'),
  /// which may have made it in code the program does not have.
  const clang::FunctionDecl *ReturnedBy = nullptr;
  /// For a call through a pointer: the followed variable or field it reads
  /// the pointer from ('w(p)'), whose stores tell what it may run.
  const clang::ValueDecl *Through = nullptr;

  bool named() const { return Function || Pointer || Variable; }
  auto key() const {
    return std::make_tuple(Function, Virtual, Pointer, Variable, ReturnedBy,
                           Through);
  }
  bool operator==(const UnseenWriter &Other) const {
    return key() == Other.key();
  }
};

struct PointerStores {
  struct Stores {
    llvm::SmallSetVector<const clang::FunctionDecl *, 2> Functions;
    /// Written in a way that is not followed: anything may be in it.
    bool OtherWrites = false;
    /// Its value is read other than to call it or compare it: what is
    /// stored into it may be anywhere.
    bool Copied = false;
    /// A null pointer is stored into it ('= nullptr', '{}', an element
    /// or field an initializer list leaves out).
    bool NullStored = false;
    /// Code the unit does not see that may write it: the link tells
    /// whether the program does.
    llvm::SmallVector<UnseenWriter, 1> Writers;
    /// The functions the unit does not define whose result is stored into
    /// it ('w = factory()'): unless the program has their code, it may hold
    /// a function the program does not have.
    llvm::SmallSetVector<const clang::FunctionDecl *, 1> Returners;
    /// The function-pointer parameters whose value is stored into it
    /// ('e->writer = w'): it holds what their callers pass, if the unit's
    /// extractor follows them (the reference names the parameter).
    llvm::SmallSetVector<const clang::DeclRefExpr *, 1> Parameters;
    /// The value of a pointer clients outside the run may store into
    /// (openToClients) is stored into it: it may hold their functions.
    bool FromClients = false;
  };
  /// By canonical declaration, in the order of the first write.
  llvm::MapVector<const clang::ValueDecl *, Stores> Pointers;
  /// The global variables of user code the unit defines that may hold
  /// followed pointers: their initializers are seen here.
  llvm::SetVector<const clang::VarDecl *> Variables;
  /// The references to functions (and the lambda conversions) that these
  /// stores consume: the function's address goes nowhere else there.
  llvm::DenseSet<const clang::Expr *> Stored;
  /// The arguments that give a followed pointer's value to a parameter
  /// that goes nowhere else ('run(r->fn)'): the call passes what the
  /// pointer holds, which is not copied there.
  llvm::DenseSet<const clang::Expr *> PassedReads;
  /// The functions user code converts to a pointer type that says it does
  /// not allocate ('Safe cb = loud;'): clang checks such a conversion only
  /// under -Wfunction-effects, and a call through the pointer trusts it.
  llvm::SetVector<const clang::FunctionDecl *> EffectConversions;
};

/// What the user code of the unit stores into its followed pointers, from
/// the nodes of one walk of the unit (StoreWalk.h), parents before their
/// children: each tells what the references below it do before the
/// references are visited.
class PointerStoreCollector {
public:
  explicit PointerStoreCollector(clang::ASTContext &Ctx)
      : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  /// While set, the nodes are a library template's instantiation: it
  /// writes the followed pointers of user code only by name ('a.run =
  /// b.run'), by a bit cast ('std::bit_cast') or by copying bytes between
  /// objects of different types.
  bool InLibrary = false;

  void visit(const clang::CXXCtorInitializer *Init);
  void visit(const clang::CallExpr *E);
  /// The condition of an 'if', a loop or '?:', which only tests the
  /// pointer. C converts no condition to bool ('if (cb)' reads 'cb' as a
  /// scalar), so the tests are named here.
  void condition(const clang::Expr *E);
  void visit(const clang::BinaryOperator *E);
  void visit(const clang::UnaryOperator *E);
  void visit(const clang::ImplicitCastExpr *E);
  void visit(const clang::ExplicitCastExpr *E);
  void visit(const clang::CXXConstructExpr *E);
  void visit(const clang::LambdaExpr *E);
  void visit(const clang::VarDecl *D);
  void visit(const clang::FieldDecl *D);
  /// \p Field of an aggregate, initialized by \p Init ('{.tick = quiet}').
  void fieldInit(const clang::FieldDecl *Field, const clang::Expr *Init);
  /// Any other use of a followed pointer (its address taken, a reference
  /// bound to it) may write it or copy it: nothing is known of it.
  void reference(const clang::Expr *E, const clang::ValueDecl *D);

  PointerStores Result;

private:
  /// What a reference in user code does besides reading or writing a
  /// followed pointer: reads a global defined elsewhere, takes a function's
  /// address.
  void userReference(const clang::Expr *E, const clang::ValueDecl *D);
  void harmless(const clang::Expr *E);
  /// A cast that may make a record's bytes those of another type.
  void cast(const clang::CastExpr *E);
  /// 'memset(p, 0, n)' stores null into the followed pointers of what
  /// \p Destination (its argument) points to, through its casts.
  void cleared(const clang::Expr *Destination);
  void nullStored(clang::QualType Object);
  /// A conversion that adds [[clang::nonallocating]] to a function's type.
  void effectConversion(const clang::CastExpr *E);
  /// 'memcpy' or 'memmove' in a library template: the bytes of one type
  /// copied into another's ('std::memcpy(&o, &raw, n)').
  void libraryByteCopy(const clang::CallExpr *E);
  /// The followed pointers in a record of the type that \p T points to,
  /// refers to or is, and in the records they reach, may be written by
  /// code noalloc does not see: 'memcpy(&o, &raw, n)', 'fill(&o)' with
  /// 'fill' defined elsewhere, 'o = *lib()'.
  void unseen(clang::QualType T, const UnseenWriter &Writer = {});
  void unseen(const clang::RecordDecl *Record, const UnseenWriter &Writer);
  void unseen(const clang::ValueDecl *P, const UnseenWriter &Writer);
  /// A function whose address is taken may be called with what its
  /// parameters take by code noalloc does not see ('std::for_each(b, e,
  /// fill)'): unless the unit has its code, it writes what it is given.
  void addressTaken(const clang::FunctionDecl *FD);
  /// The functions and the followed pointers' values that the direct call
  /// \p E passes to parameters that followedParameter says go nowhere
  /// else: their addresses do not escape there ('other(loud)' with 'other'
  /// ignoring it, 'run(r->fn)' with 'run' calling it).
  void passFunctions(const clang::CallExpr *E);
  /// Whether what a caller passes for the parameter \p I of \p Callee goes
  /// nowhere: \p Callee's definition is in this unit and is the one that
  /// runs (not weak, not a C inline definition with external linkage, not
  /// a member function), and that parameter, of function pointer or
  /// reference type, is only called, tested, discarded or passed on to
  /// such parameters, once per parameter.
  bool followedParameter(const clang::FunctionDecl *Callee, unsigned I);
  /// What a call may run that the unit does not see, if anything.
  std::optional<UnseenWriter> writer(const clang::CallExpr *E) const;
  void store(const clang::ValueDecl *P, const clang::Expr *Value);
  bool resolve(const clang::ValueDecl *P, const clang::Expr *Value,
               PointerStores::Stores &S);

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  /// References whose use is known: read, written by a followed store.
  llvm::DenseSet<const clang::Expr *> Claimed;
  /// Reads whose value is called or compared, and goes nowhere else.
  llvm::DenseSet<const clang::Expr *> Harmless;
  /// The records whose followed pointers are written unseen, by whom.
  std::set<std::pair<const clang::RecordDecl *,
                     decltype(std::declval<UnseenWriter>().key())>>
      Unseen;
  /// The names of the functions called directly: 'f' in 'f(x)'.
  llvm::DenseSet<const clang::Expr *> DirectCallees;
  /// followedParameter's answers, by parameter.
  llvm::DenseMap<const clang::ParmVarDecl *, bool> FollowedParameters;
  /// The casts of the pointer that 'free' is given.
  llvm::DenseSet<const clang::CastExpr *> Freed;
  /// The casts of the pointer that 'memset(p, 0, n)' clears.
  llvm::DenseSet<const clang::CastExpr *> Cleared;
  /// The casts whose pointer is only used for a field that holds no
  /// followed pointer ('static_cast<Any *>(other)->buffer').
  llvm::DenseSet<const clang::CastExpr *> ReadsNoPointers;
};

/// The definition of \p F in this unit that a call of \p F runs, if no
/// other unit's may run instead: not weak, not an inline-only definition
/// (isInlineOnlyDefinition: another unit's external definition may run);
/// null if the unit has none.
const clang::FunctionDecl *unitDefinitionRun(const clang::FunctionDecl *F);

/// The followed variable or field that the indirect call \p E reads its
/// pointer from ('cb(x)', '(*cb)(x)', 'ops.tick()', 'table[i]()',
/// '(m.*action)()'), or null.
const clang::ValueDecl *calledPointer(const clang::CallExpr *E,
                                      const clang::SourceManager &SM);
/// The followed variable or field whose pointer the argument \p Arg
/// passes ('compare' in 'qsort(b, n, s, compare)'), or null.
const clang::ValueDecl *passedPointer(const clang::Expr *Arg,
                                      const clang::SourceManager &SM);

/// Whether code outside the run, which includes the unit's headers, may
/// redirect a call through \p D to a function of its own: \p D is a
/// virtual member of a class it can derive from, a field (not private) of
/// a record it can name, or a global variable a header declares, not
/// const, that it can store into. What it names has external linkage and
/// is defined (a variable: declared) in a header of user code, not only in
/// the unit's main file (CallSite::OpenToClients).
bool openToClients(const clang::ValueDecl *D, const clang::SourceManager &SM);

/// The functions whose address the constant \p V holds, in its elements,
/// fields and bases too: the table of function pointers that a constexpr
/// variable's compile-time initializer builds ('constexpr auto Table =
/// makeTable<F>()'), whose references no walk of the code sees.
void functionsInConstant(
    const clang::APValue &V,
    llvm::SmallSetVector<const clang::FunctionDecl *, 4> &Out);

} // namespace noalloc

#endif // NOALLOC_CHECKS_EXTRACT_FUNCTIONPOINTERS_H
