//===--- Facts.h - What one translation unit knows about the heap ---------===//
//
// Each translation unit is parsed once into facts: the functions it defines
// or calls, their direct heap sites and their call sites. Facts are plain
// data, serialisable (docs/facts.md describes the format), so that a link
// step can join the facts of a whole program without parsing again.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_FACTS_H
#define NOALLOC_CHECKS_FACTS_H

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <string>
#include <vector>

namespace noalloc {

/// A place in a file, by absolute path (relative to the project root only
/// in the written facts).
struct SourcePoint {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// \p P as clang's diagnostics write a place: 'file:line:column'.
std::string fileLineColumn(const SourcePoint &P);

/// What a heap site in a function's own code is. Facts say what is there;
/// which check reports a kind is the report layer's business.
enum class SiteKind {
  /// A new-expression on the global heap.
  New,
  /// A delete-expression on the global heap.
  Delete,
  /// An explicit call of the global operator new (or its builtin).
  OperatorNew,
  /// An explicit call of the global operator delete (or its builtin).
  OperatorDelete,
  /// A throw-expression: the exception object is heap-allocated.
  Throw,
  /// A coroutine whose frame comes from the global operator new.
  CoroutineFrame,
  /// The first use in a thread of a thread_local variable whose destructor
  /// is registered for thread exit (__cxa_thread_atexit calloc's a node).
  ThreadExit,
};

/// Whether a site of \p Kind allocates (the others only release memory).
bool allocates(SiteKind Kind);

/// What is known of a parameter's value: that it equals Value, or that it
/// differs from it (integers, bool and enumerations by value, pointers with
/// null as 0). A condition code runs under ('if (expand && ...)':
/// parameter 2 differs from 0), or what a call passes ('false': parameter 2
/// equals 0; '&buffer': it differs from 0).
struct ParameterValue {
  /// The parameter's index, from 0, not counting an object parameter.
  unsigned Parameter = 0;
  bool Equals = true;
  int64_t Value = 0;
  /// Empty: the parameter's own value. A field's USR: the value of that
  /// field of what the pointer parameter points to ('p->noalloc').
  /// ForwardedField: the argument is the caller's parameter Value, passed
  /// on unchanged.
  std::string Field = {};
};

/// The Field of an argument that is its caller's own parameter, unchanged.
inline constexpr llvm::StringLiteral ForwardedField = "noalloc:forwarded";

inline bool operator==(const ParameterValue &A, const ParameterValue &B) {
  return A.Parameter == B.Parameter && A.Equals == B.Equals &&
         A.Value == B.Value && A.Field == B.Field;
}

/// Whether code that runs only while \p Guard holds cannot run when the
/// argument is \p Passed: 'expand' is 0, the code needs it not 0.
bool contradicts(const ParameterValue &Passed, const ParameterValue &Guard);

/// Code in a function's own body that uses the heap.
struct HeapSite {
  SiteKind Kind = SiteKind::New;
  /// What happens, as the end of a sentence about the function:
  /// "allocates with 'new'", "throws, which allocates the exception object".
  std::string Description;
  SourcePoint Where;
  /// Suppressed with NOLINT for the check that reports this kind of site:
  /// accepted by the user, it does not propagate.
  bool Accepted = false;
  /// For a throw: the type of the exception object, as the user names it
  /// ('std::bad_alloc'); empty for other kinds.
  std::string Exception;
  /// For a thread-exit registration: the thread_local variable whose
  /// destructor is registered ('Log::buffer'); empty for other kinds.
  std::string Variable;
  /// Conditions on the function's parameters, which it never changes, that
  /// all hold whenever the site runs ('if (expand && n > size)').
  std::vector<ParameterValue> Guards;
};

enum class CallKind {
  Direct,
  /// Dispatched to any override of the callee.
  Virtual,
  /// Through a function pointer or a pointer to member: any function of
  /// the same signature whose address is taken, or, when the pointer is
  /// read from a followed variable or field, what is stored into it.
  Indirect,
  /// Through a block pointer: a block's code is part of the function that
  /// creates it, so no function of the program answers.
  Block,
};

/// How the object a call creates, changes or destroys uses memory, when
/// the call is an operation on an object whose type owns memory (a
/// std::vector's constructor, push_back, destructor). The checks that
/// report such objects where they are declared (noalloc-std-type,
/// noalloc-pmr) cover these calls.
enum class ObjectMemory {
  None,
  /// std::allocator or by design: std::vector<int>, std::string.
  Heap,
  /// A std::pmr memory resource.
  MemoryResource,
  /// A user-provided allocator.
  CustomAllocator,
  /// A std::pmr memory resource that uses no heap while it has room (running
  /// out throws std::bad_alloc): its upstream is null_memory_resource() (a
  /// monotonic_buffer_resource on a fixed buffer), or it is a resource, a
  /// container or a polymorphic_allocator over one (knowledge/ValueSemantics
  /// boundedResource).
  BoundedResource,
};

/// A field added here is written and read where FunctionFacts' are (see
/// there), and held by the link's LinkedCall (link/HeapGraph.h).
struct CallSite {
  CallKind Kind = CallKind::Direct;
  /// The callee's USR, or the signature for an indirect call.
  std::string Callee;
  /// The callee as the user names it: 'std::vector<int>::push_back'.
  std::string CalleeName;
  /// Invalid (empty file) for calls the user did not write anywhere.
  SourcePoint Where;
  /// Suppressed with NOLINT at the call (for noalloc-call, or for the
  /// check that reports the callee itself): accepted, it does not
  /// propagate.
  bool Accepted = false;
  /// The object the call operates on, if its type owns memory.
  ObjectMemory Object = ObjectMemory::None;
  /// The object (a variable or member the object checks report where it
  /// is declared) is declared outside the caller: a member (a constructor's
  /// initializer and a destructor's implicit destruction of one included),
  /// a global, a static member, or a variable of an enclosing function that
  /// a lambda captures. With roots, that declaration is no code a root
  /// reaches and its finding is dropped: noalloc-call reports the call.
  bool ObjectOutside = false;
  /// With ObjectOutside, for a captured variable: where it is declared.
  /// The call is noalloc-call's only when that declaration's finding is
  /// dropped (no root reaches the enclosing function). Empty otherwise.
  SourcePoint ObjectDeclared;
  /// The member a constructor makes without an initializer of its own (an
  /// in-class one, or none) or a destructor destroys after its body, and
  /// its type as written ('name_', 'std::string'): the call is not in the
  /// code, so the report names the member. Empty otherwise.
  std::string Member;
  std::string MemberType;
  /// Evaluated only to make the object a throw-expression throws: the
  /// construction in 'throw std::runtime_error(m)', the calls in its
  /// arguments.
  bool InThrow = false;
  /// Evaluated only as an argument of a call to a function that does not
  /// return ('boost::throw_exception(std::length_error("..."))').
  bool InNoReturnCall = false;
  /// Evaluated only in a 'catch' handler of user code: it runs only after
  /// something threw, on the failure path of the try block.
  bool InCatch = false;
  /// For an indirect call: the USR of the variable or field the pointer is
  /// read from, when noalloc follows what is stored into it (see
  /// PointerFacts); empty otherwise.
  std::string Pointer;
  /// The object is the parameter of this name, of a std::pmr type, not
  /// shown bounded: its memory resource is its callers', which noalloc
  /// does not follow across units (docs/checks/noalloc-pmr.md); empty
  /// otherwise.
  std::string ObjectParameter;
  /// For an indirect call: the pointer's type is [[clang::nonallocating]]
  /// or [[clang::nonblocking]]. clang checks every function converted to
  /// it, so the call is trusted not to allocate.
  bool Nonallocating = false;
  /// Code outside the run that includes the unit's headers may redirect
  /// the call to a function of its own: a virtual call of a member of a
  /// class it can derive from, a call through a pointer it can store into
  /// (a field, not private, of a record it can name; a global variable a
  /// header declares). Such a class, record or variable has external
  /// linkage and is defined (a variable: declared) outside the unit's main
  /// file; in library code it is the library's matter.
  bool OpenToClients = false;
  /// As HeapSite::Guards: the call runs only while these hold.
  std::vector<ParameterValue> Guards;
  /// For a direct call of user code: what it is known to pass for the
  /// callee's parameters of integer, enumeration or pointer type (a
  /// constant, or a pointer that is not null). The link drops, for this
  /// call, the callee's code whose guards these contradict.
  std::vector<ParameterValue> Arguments;
};

/// The head of a writer that names a function whose result is stored into
/// the pointer, and of what follows '|' in a writer whose object or pointer
/// a call returned (PointerFacts::Writers).
inline constexpr llvm::StringLiteral ReturnedPrefix = "noalloc:returned:";

/// A writer (PointerFacts::Writers) that stores into the pointer the value
/// of a pointer clients outside the run may store into
/// (CallSite::OpenToClients): 'global_hooks.deallocate = hooks->free_fn'.
inline constexpr llvm::StringLiteral ClientsWriter = "noalloc:clients";

/// The head of a function-pointer parameter's key, followed by its index,
/// ':' and its function's USR: an indirect call's 'pointer' when it calls
/// the parameter, which its function never changes, and the entry of
/// 'pointers' that says whether every call of the function passes a known
/// function or null for it ('other_writes' when one does not).
inline constexpr llvm::StringLiteral ParameterPrefix = "noalloc:parameter:";
/// The head of the 'pointer' of a call of what a caller passes for a
/// function-pointer parameter, followed by that parameter's key: a direct
/// call of the function passed, or, followed by '|' and the key of the
/// caller's own parameter it passes on, an indirect call through that one.
/// The callee runs it when it calls the parameter.
inline constexpr llvm::StringLiteral PassedPrefix = "noalloc:passed:";

/// The head of the USR of the function a call with a buffer calls
/// (realpath(path, buf)), followed by the library function's USR: its
/// 'knowledge' names the entry, whose not-null-effect (may-allocate) and
/// condition say what the call does.
inline constexpr llvm::StringLiteral MayAllocateCallPrefix =
    "noalloc:may-allocate-call:";

/// The head of the USR of a library class's overriders compiled into the
/// library, followed by the USR of the virtual member they override: a
/// function without a body that overrides it, which the knowledge base
/// decides (or, without an entry, library code noalloc cannot see).
inline constexpr llvm::StringLiteral CompiledOverridePrefix =
    "noalloc:compiled-override:";

/// The head of the USR of a library function as a call on an object over a
/// memory resource of the program's own class of known dynamic type runs
/// it ('arena_vector.push_back(x)' over a final 'Arena'), followed by the
/// library function's USR, '|' and the class's USR: a function without a
/// body whose summary is the library function's without the resource's
/// work, and whose calls are the library function's and, for that work,
/// the class's do_allocate and do_deallocate.
inline constexpr llvm::StringLiteral OwnResourcePrefix =
    "noalloc:own-resource:";

/// The head of the USR of the function a 'throw' of a knowledge base's
/// failure-exception class calls ('throw etl::vector_full()'), followed by
/// the class's USR: a function without a body that allocates only on
/// failure, named by the exception.
inline constexpr llvm::StringLiteral FailureThrowPrefix =
    "noalloc:failure-throw:";

/// A variable or field of function-pointer type (or an array of them) in
/// user code, and what one translation unit stores into it.
struct PointerFacts {
  std::string USR;
  /// The functions stored into it, written out: 'cb = record;',
  /// '{.tick = quiet}', 'Handler h = c ? a : b;'.
  std::vector<std::string> Functions;
  /// Written in a way noalloc does not follow (assigned another pointer,
  /// its address taken, bound to a non-const reference): it may hold any
  /// function of its type whose address is taken.
  bool OtherWrites = false;
  /// Its value is read other than to call it or compare it (copied into
  /// another variable, passed to a function): the functions stored into it
  /// may be in any pointer of their type.
  bool Copied = false;
  /// For a std::function slot (USR "noalloc:callable:..."): the slots whose
  /// value is stored into it ('cb_ = cb', the parameter 'cb').
  std::vector<std::string> Sources;
  /// For a std::function slot: why something noalloc does not follow may be
  /// in it ("'cb_': it is passed by reference to 'reset'"), or empty.
  std::string Unfollowed;
  /// A null pointer is stored into it ('= nullptr', '{}', a default member
  /// initializer of a template that is null): with no function stored in
  /// any unit, the program only sets it to null.
  bool NullStored = false;
  /// Code the unit does not see that may write it, for the link to find
  /// in the program: a function's USR, 'noalloc:virtual:' and the USR of
  /// a function called virtually, 'noalloc:indirect:' and the signature
  /// of a call through a pointer (each followed by '|noalloc:returned:'
  /// and a function's USR when that function returned the object or the
  /// pointer, or, for a call through a pointer, by '|' and the USR of the
  /// followed pointer it reads), 'noalloc:variable:' and the USR of a
  /// global variable defined in another unit (listed there by that key).
  /// One the link does not find with every function it may run analysed
  /// is as 'other_writes'. 'noalloc:returned:' and a function's USR: the
  /// unit does not define that function, and stores what it returns
  /// ('w = factory()'); unless the link finds it analysed, the pointer may
  /// hold a function the program does not have.
  std::vector<std::string> Writers;
};

/// What a library function's body may do, as far as its translation unit
/// shows.
struct LibrarySummary {
  bool Summarised = false;
  bool Allocates = false;
  bool Releases = false;
  /// Reaches code with no body and no knowledge (the library's compiled
  /// part): allocation-free only by assumption.
  bool Unknown = false;
  /// Reaches a function the knowledge base says allocates on some inputs
  /// only (effect: may-allocate): printf on first use of stdout.
  bool MayAllocate = false;
  /// Reaches an allocation only on its failure path: a throw of the
  /// library, a throw helper (std::__throw_length_error).
  bool AllocatesOnFailure = false;
  /// The exception thrown on the shortest such path, if known.
  std::string Exception;
  /// Takes memory from a bounded memory resource, which uses no heap while
  /// it has room and throws std::bad_alloc (a failure path) when exhausted:
  /// the summary of a call on an object over one, the resource's own work
  /// left out.
  bool Bounded = false;
};

/// A field added here is written and read in two places: the JSON format
/// (Facts.cpp) and the compact form that contentKey also hashes
/// (mapFunction, CompactFacts.cpp).
struct FunctionFacts {
  /// Cross-translation-unit identity; internal linkage adds the main file.
  std::string USR;
  /// As the user names it: 'Logger::log', 'std::vector<int>::push_back'.
  std::string Name;
  SourcePoint Where;
  /// The end of the definition, to attribute findings to functions.
  unsigned EndOffset = 0;
  bool Defined = false;
  /// Defined with the weak attribute: a strong definition elsewhere is the
  /// one the linker keeps (a vendor HAL's default callback).
  bool Weak = false;
  /// Its body here is an inline-only definition (C's 'inline' without
  /// 'extern', 'extern inline __attribute__((gnu_inline))'): a call runs
  /// this body when the compiler inlines it, else the function's external
  /// definition, which another unit provides. User code only.
  bool InlineOnly = false;
  bool InSystemHeader = false;
  /// Name used to look up a function without a body in the knowledge base.
  std::string KnowledgeName;
  /// If a member of a class template specialization: the template's name,
  /// for the knowledge base's per-type defaults.
  std::string KnowledgeClass;
  /// Marked [[clang::nonallocating]], [[clang::nonblocking]] or
  /// [[clang::annotate("noalloc")]].
  bool Root = false;
  /// Marked [[clang::annotate("noalloc::allow")]].
  bool Allowed = false;
  bool AddressTaken = false;
  /// Its address is taken somewhere other than a store into a followed
  /// pointer (passed to a function, stored through a parameter): it may be
  /// in any pointer of its type.
  bool AddressEscapes = false;
  /// A constructor: chains say "constructs 'T'".
  bool Constructor = false;
  /// A copy or move constructor, or a converting one from another
  /// specialization of its class template (copiesLikeConstructor): the
  /// knowledge base's copy-effect applies.
  bool CopyOrMove = false;
  /// Declared by the compiler (an implicit constructor, destructor or
  /// assignment): no code of its own, so noalloc-call reports the calls of
  /// it, not its calls, unless it is a root.
  bool Implicit = false;
  /// For a library function: what its body may do, decided within the
  /// translation unit. Library internals are not kept: the facts stay
  /// small and chains stop at the entry point the user wrote.
  LibrarySummary Summary;
  /// Canonical function type, for indirect calls.
  std::string Signature;
  /// The other function types a pointer holding it may have: those user
  /// code casts it to, and in C a pointer type without a prototype that
  /// returns its return type. A call through one may run it.
  std::vector<std::string> CastSignatures;
  /// USRs of the virtual functions this one overrides, transitively.
  std::vector<std::string> Overrides;
  /// A pure virtual function ('= 0'), not a destructor: a virtual call
  /// runs one of its overriders, never it.
  bool PureVirtual = false;
  /// Where a function-effect attribute ([[clang::nonallocating]]) goes in
  /// each of its declarations in user code, for --annotate: after the
  /// parameters, qualifiers and exception specification.
  std::vector<SourcePoint> AttributeAt;
  /// One of its declarations in user code cannot take the attribute (it is
  /// written through a macro), or it has a function-effect attribute
  /// already: --annotate leaves it as it is.
  bool AttributeBlocked = false;
  /// Without a body in its unit: called, it may give its caller a
  /// std::function that code noalloc may not see filled (it returns one,
  /// or something that points to or holds one, or it may write one
  /// through a non-const pointer or reference parameter, or as a non-const
  /// member, through its object). When no analysed code defines it, the
  /// callable such a std::function holds may be any.
  bool HandsOutCallables = false;
  /// The USRs of the fields (of integer, enumeration or pointer type) its
  /// code may write other than in its own local variables: through a
  /// pointer, in a global, by a whole-object assignment or a memset. A
  /// guard on such a field says nothing of what a caller stored into it.
  std::vector<std::string> WrittenFields;
  std::vector<HeapSite> Sites;
  std::vector<CallSite> Calls;
};

struct TranslationUnitFacts {
  /// Bumped whenever the format changes; older facts are rebuilt.
  static constexpr unsigned FormatVersion = 29;
  std::string MainFile;
  /// What identifies the knowledge the unit was analysed with (the
  /// contents of the knowledge files its configuration names, not their
  /// paths): the link refuses facts made with other knowledge than its own.
  std::string Knowledge;
  std::vector<FunctionFacts> Functions;
  /// The followed function pointers this unit writes.
  std::vector<PointerFacts> Pointers;
  /// The project root (utils/Paths projectRoot), not written: files under
  /// it are written relative to it, and so are the file names in USRs of
  /// internal linkage, so that the facts are the same bytes on every
  /// machine. Empty: every path is absolute.
  std::string Root;
};

llvm::json::Value toJSON(const TranslationUnitFacts &Facts);
/// The function's USR and a hash of all its facts (every field, paths
/// absolute): equal for the same function seen from two units, and for
/// nothing else. Hashed over the compact form's walk of the fields
/// (CompactFacts.cpp).
std::string contentKey(const FunctionFacts &F);
/// Relative paths in \p Text are resolved against \p Root.
llvm::Expected<TranslationUnitFacts> factsFromJSON(llvm::StringRef Text,
                                                   llvm::StringRef Root = "");

} // namespace noalloc

#endif // NOALLOC_CHECKS_FACTS_H
