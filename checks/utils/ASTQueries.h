//===--- ASTQueries.h - Small questions about declarations and expressions ===//

#ifndef NOALLOC_CHECKS_UTILS_ASTQUERIES_H
#define NOALLOC_CHECKS_UTILS_ASTQUERIES_H

#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Decl;
class Expr;
class IfStmt;
class Stmt;
class FunctionDecl;
class CXXMethodDecl;
class NamedDecl;
} // namespace clang

namespace noalloc {

/// The name a user would write for \p D: qualified, without inline
/// namespaces such as std::__cxx11.
std::string qualifiedName(const clang::NamedDecl *D);

/// The name the knowledge base lists the non-member function \p FD under:
/// a function with C linkage by its own name, whatever namespace declares
/// it (C has none: '__cxxabiv1::__cxa_allocate_exception' and
/// 'namespace n { extern "C" void *malloc(size_t); }' are libc's), a
/// library builtin by its library function ('__builtin_malloc' is
/// 'malloc'), a function of the program with C++ linkage in the global
/// namespace by '::' and its name, which the entries of a C library's file
/// do not match (a C++ overload 'getline(Reader &, char *, size_t)' is not
/// libc's getline; KnowledgeBase::function), anything else by its
/// qualified name. Empty for an 'operator new' or 'operator delete' that is
/// neither replaceable nor the reserved placement form ('operator new(size_t,
/// Arena &)'): its code is its own, not the heap's.
std::string libraryFunctionName(const clang::FunctionDecl *FD);

/// The class a member function \p Method is listed under in the knowledge
/// base: its class template for a member of a specialization, and so for
/// the classes around it ('std::basic_ostream', not
/// 'std::basic_ostream<char>'; 'std::basic_istream::sentry').
std::string knowledgeClass(const clang::CXXMethodDecl *Method);
/// \p Record's name with each class template specialization on the way
/// named by its template ('std::basic_istream::sentry'), as noalloc-libscan
/// names the symbols.
std::string knowledgeRecordName(const clang::CXXRecordDecl *Record);

/// The name the knowledge base lists \p FD under: 'Class::member' for a
/// member function (knowledgeClass) and for a standard non-member
/// 'operator<<' or 'operator>>' on a stream, listed with the stream's own
/// ('std::basic_istream::operator>>' for 'std::operator>>(std::istream &,
/// std::string &)'), libraryFunctionName for the others. An assignment of
/// 'nullptr' is 'Class::operator=(nullptr)', apart from the copy and move
/// assignments. The facts and the checks look functions up by this one
/// name.
std::string knowledgeName(const clang::FunctionDecl *FD);

/// The declaration of \p FD that makes it an alias of another function
/// ('void on_tick(void) __attribute__((alias("tick_impl")))'), or null.
const clang::FunctionDecl *aliasDeclaration(const clang::FunctionDecl *FD);

/// Whether \p Definition, a function's body, is an inline-only definition:
/// C's inline definition ('inline' without 'extern' in every declaration
/// at file scope), GNU89's 'extern inline', or 'gnu_inline' in C++. The
/// compiler may inline it, or call the function's external definition,
/// which another unit provides (an -O0 build always does).
bool isInlineOnlyDefinition(const clang::FunctionDecl *Definition);

/// Of the bodies of \p Definition's function, the one a call runs when the
/// compiler does not inline it: \p Definition, unless it is inline-only and
/// the unit defines the function again (GNU C lets an 'extern inline'
/// gnu_inline body be followed by the external definition).
const clang::FunctionDecl *externalBody(const clang::FunctionDecl *Definition);

/// The function the alias \p Alias names, defined in its unit (clang
/// requires it), or null when noalloc cannot find it.
const clang::FunctionDecl *aliasTarget(const clang::FunctionDecl *Alias,
                                       clang::ASTContext &Ctx);

/// The nearest parent of \p E that is not parentheses or an implicit
/// conversion (array decay excepted); \p E becomes the last node skipped.
clang::DynTypedNode parentSkippingConversions(const clang::Expr *&E,
                                              clang::ASTContext &Ctx);

/// Whether \p E is certainly not a null pointer: an array, an address, a
/// string literal.
bool isCertainlyNonNull(const clang::Expr *E);
/// Whether \p S never falls through: a return, or a block that ends in one.
bool returns(const clang::Stmt *S);
/// Whether \p Arg, an argument of \p Call, names a local variable or
/// parameter that a statement of the function's body before the call
/// returns on when it is null ('if (buf == NULL || n == 0) return
/// -EINVAL;'), and that nothing in the function changes: it is not null at
/// the call.
bool isNullGuarded(const clang::Expr *Arg, const clang::Stmt *Call,
                   clang::ASTContext &Ctx);

/// Where a finding about \p Call points: the operator of an overloaded
/// operator written as one (the second '+' of 'a + b + c', whose result it
/// is about), else where the call begins. (CallExpr::getBeginLoc gives an
/// operator call's first operand before clang 22 and its operator since.)
clang::SourceLocation callLocation(const clang::CallExpr *Call);

/// True if \p D belongs to an implicit template instantiation, whose code the
/// user did not write as such.
bool isInInstantiation(const clang::Decl *D);

/// The declarations that the template arguments of \p D and of the
/// templates around it name and that clang's USRs do not tell apart:
/// lambdas and other unnamed classes (spelled as their enclosing function
/// and '@Sa'), and whatever has no linkage or internal linkage (local
/// classes, static functions and variables, anonymous namespaces), through
/// pointers, references, arrays, function types and nested template
/// arguments, each once. 'run<lambda 1>' and 'run<lambda 2>' of one
/// function share a USR and a definition, and so do two units'
/// 'call<&cb>' for their own 'static void cb()': these tell them apart.
void unlinkedTemplateArguments(
    const clang::Decl *D, llvm::SmallVectorImpl<const clang::NamedDecl *> &Out);

/// Where a function-effect attribute ([[clang::nonallocating]]) goes in the
/// declaration \p D, as clang's grammar puts it: after the parameter list,
/// cv- and ref-qualifiers, the exception specification and attributes
/// already there; before a trailing return type, 'override', 'final',
/// '= 0', a constructor's initializers or the body. In C, a definition
/// takes the (GNU) attribute at the start of its declaration instead, the
/// one place GCC accepts it there. None when the declarator is not
/// written out there (a macro, a function type alias).
std::optional<clang::SourceLocation>
functionAttributeLocation(const clang::FunctionDecl *D);

/// Whether \p E is evaluated as part of a throw-expression's operand (not
/// in a lambda or a declaration inside it).
bool isInThrowOperand(const clang::Expr *E, clang::ASTContext &Ctx);

/// Whether \p Node is in a 'catch' handler of its function (its exception
/// declaration included, not a lambda inside it): code that runs only
/// after its try block threw, on a failure path.
bool isInCatchHandler(const clang::DynTypedNode &Node, clang::ASTContext &Ctx);
template <typename T>
bool isInCatchHandler(const T &Node, clang::ASTContext &Ctx) {
  return isInCatchHandler(clang::DynTypedNode::create(Node), Ctx);
}

/// The branch of 'if consteval' \p If that runs at run time (the else
/// branch, or the first of 'if !consteval'); null if none.
const clang::Stmt *runTimeBranch(const clang::IfStmt *If);

/// Whether none of \p S's operands runs at run time: an unevaluated
/// operand (sizeof or alignof other than of a variable-length array,
/// noexcept, typeid of a non-polymorphic operand, a requires-expression, a
/// concept's test) or a constant expression (a consteval call, a case
/// label, a template argument).
bool operandsNeverRun(const clang::Stmt *S);

/// Whether \p S holds a label that a jump from outside could reach
/// (CodeGenFunction::ContainsLabel): a label, or a case of a switch outside
/// \p S (of any switch unless \p IgnoreCaseStmts).
bool containsLabel(const clang::Stmt *S, bool IgnoreCaseStmts = false);

/// The parts of \p S that never run at run time by the value of a
/// constant: the compile-time branch of 'if consteval', the discarded
/// branch of 'if constexpr'; the condition of an 'if', a '?:', an '&&' or
/// '||' that folds to an integer constant ('IS_ENABLED(CONFIG_X)',
/// 'sizeof(long) == 2') and the branch, arm or right operand it does not
/// select, which clang's code generator does not emit
/// (CodeGenFunction::ConstantFoldsToSimpleInteger) when it holds no label;
/// the body of a 'while' or 'for' whose condition folds to false, and the
/// for loop's increment, when the body holds no label; GNU 'A ?: B' alike;
/// the statements of a 'switch' on a constant that its jump passes over.
llvm::SmallVector<const clang::Stmt *, 2> partsNeverRun(const clang::Stmt *S,
                                                        clang::ASTContext &Ctx);

/// Whether \p Child is one of partsNeverRun(\p Parent).
bool isDroppedPart(const clang::Stmt *Parent, const clang::Stmt *Child,
                   clang::ASTContext &Ctx);

/// Whether \p D's initializer runs only at compile time: a constexpr
/// variable whose destruction does nothing.
bool hasCompileTimeInitializer(const clang::VarDecl *D);

/// Whether \p Node never runs at run time: it is in an unevaluated
/// operand, a constant expression (static_assert, a template argument, an
/// array bound, an enumerator, a constexpr variable's initializer), an
/// '[[assume]]', a part that isDroppedPart drops, or a consteval function.
/// One rule for every direct check; the fact extractor's BodyScanner skips
/// the same nodes top-down.
bool neverRunsAtRunTime(const clang::DynTypedNode &Node,
                        clang::ASTContext &Ctx);
template <typename T>
bool neverRunsAtRunTime(const T &Node, clang::ASTContext &Ctx) {
  return neverRunsAtRunTime(clang::DynTypedNode::create(Node), Ctx);
}

/// neverRunsAtRunTime along the chain of first parents that \p FirstParent
/// gives: a null node above the root (the translation unit), none where
/// the chain is not known, and then none is the answer.
std::optional<bool>
neverRunsAlong(const clang::DynTypedNode &Node,
               llvm::function_ref<std::optional<clang::DynTypedNode>(
                   const clang::DynTypedNode &)>
                   FirstParent,
               clang::ASTContext &Ctx);

/// The construction of the object a throw-expression throws, if it is one
/// ('throw std::runtime_error(m)'), looking through implicit nodes and
/// functional casts.
const clang::CXXConstructExpr *thrownConstruction(const clang::CXXThrowExpr *T);

/// The function type a value of type \p T calls (a pointer, reference or
/// member pointer to a function; \p T itself otherwise) and, for a member
/// pointer, its class.
std::pair<clang::QualType, clang::QualType>
calledFunctionType(clang::QualType T);

/// Whether \p Effects hold [[clang::nonallocating]] or
/// [[clang::nonblocking]].
bool isNonallocating(clang::FunctionEffectsRef Effects);

/// Whether a value of type \p T calls a function type that says it does
/// not allocate ('void (*)() [[clang::nonallocating]]').
bool callsNonallocating(clang::QualType T);

} // namespace noalloc

#endif // NOALLOC_CHECKS_UTILS_ASTQUERIES_H
