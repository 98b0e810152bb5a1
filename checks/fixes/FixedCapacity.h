//===--- FixedCapacity.h - Fix-its toward fixed-capacity storage ----------===//
//
// What a fix needs to know about a variable of an allocating type: how its
// function uses it (only element access? does it grow? does it escape?),
// how large it can get, and which fixed-capacity replacement the
// translation unit can include. The replacements themselves are data in
// the knowledge base (knowledge/replacements.yaml).
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_FIXEDCAPACITY_H
#define NOALLOC_CHECKS_FIXEDCAPACITY_H

#include "knowledge/KnowledgeBase.h"
#include "clang/AST/Decl.h"
#include <optional>
#include <string>

namespace clang {
class MaterializeTemporaryExpr;
class Preprocessor;
} // namespace clang

namespace noalloc {

/// How a variable is used in the code that can see it.
struct Uses {
  /// Used in a way a replacement type cannot take over: passed to a
  /// function, returned, assigned, its address taken, an unknown member.
  bool Escapes = false;
  /// Calls a member that changes the size.
  bool Grows = false;
  /// Every growth is a push_back or emplace_back that can be counted.
  bool CountableGrowth = true;
  /// Elements added by push_back and emplace_back, counting constant loop
  /// bounds; unset when a loop bound is not a constant.
  std::optional<uint64_t> Pushed = 0;
  /// reserve(N) with a constant N.
  std::optional<uint64_t> Reserved;
  /// Why the variable escapes, for the note that explains a missing fix.
  std::string EscapeReason;
};

/// Classifies every use of \p Var in the definition of \p Fn (its body
/// and member initializers) against \p Replacement's member lists.
/// \p StringLike accepts what a string view also accepts: comparisons,
/// streaming, passing to a string_view parameter.
Uses summarizeUses(const clang::VarDecl *Var, const clang::FunctionDecl *Fn,
                   const ReplacementEntry &Replacement, bool StringLike,
                   clang::ASTContext &Ctx);

/// Classifies every use of the member \p Field in its class's own code:
/// the bodies and written member initializers of the member functions
/// defined in this unit, and the members' in-class initializers (its own
/// initial value is not a use).
Uses summarizeMemberUses(const clang::FieldDecl *Field,
                         const ReplacementEntry &Replacement, bool StringLike,
                         clang::ASTContext &Ctx);

/// Classifies the uses of \p Object in \p Code alone; in a template's
/// code, a member of a dependent type is classified by its name.
Uses summarizeUsesIn(const clang::ValueDecl *Object, const clang::Stmt *Code,
                     const ReplacementEntry &Replacement, bool StringLike,
                     clang::ASTContext &Ctx);

/// Classifies the use its full-expression makes of the temporary
/// \p Temporary materializes ('(a + b).size()': a read), as summarizeUses
/// does a variable's uses.
Uses summarizeTemporaryUses(const clang::MaterializeTemporaryExpr *Temporary,
                            const ReplacementEntry &Replacement,
                            bool StringLike, clang::ASTContext &Ctx);

/// Classifies every use of the member \p Field anywhere in this unit,
/// the code templates instantiate included (implicit members, which copy
/// or move it whole, are not uses), as summarizeMemberUses does in its
/// class's code; a structured binding that names it escapes.
Uses summarizeMemberUsesInUnit(const clang::FieldDecl *Field,
                               const ReplacementEntry &Replacement,
                               bool StringLike, clang::ASTContext &Ctx);

/// Elements a vector starts with: the constant count or the initializer
/// list's length. \p FillValue is set when the constructor also takes a
/// value (which std::array cannot).
std::optional<uint64_t> initialSize(const clang::VarDecl *Var,
                                    clang::ASTContext &Ctx, bool &FillValue);

/// The replacement of \p Entry from library \p Wanted ("auto": the first
/// whose header this translation unit can include), or null.
const ReplacementTemplate *chooseTarget(const ReplacementEntry &Entry,
                                        llvm::StringRef Wanted,
                                        clang::Preprocessor &PP);

/// Fills a template: {0} the first template argument, {N} the capacity.
std::string instantiate(llvm::StringRef Template, llvm::StringRef Argument,
                        uint64_t Capacity);

/// The replacements as users read them, for notes that offer no fix.
std::string listTargets(const ReplacementEntry &Entry);

} // namespace noalloc

#endif // NOALLOC_CHECKS_FIXEDCAPACITY_H
