//===--- CalleeOnce.h - callee() that asks once per function --------------===//

#ifndef NOALLOC_CHECKS_UTILS_CALLEEONCE_H
#define NOALLOC_CHECKS_UTILS_CALLEEONCE_H

#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"
#include <string>

namespace noalloc {

/// callExpr(callee(functionDecl(Inner).bind(ID))), with Inner's answer
/// kept per function. clang's callee() builds a new matcher at every call
/// and runs Inner again (json's unit-json_patch.cpp: 43,288 times, 0.13
/// billion instructions, a third of them comparing names). Inner must
/// depend on the function alone (its name, header, attributes) and bind
/// nothing; the answers live as long as the matcher, one unit's matching.
class CalleeOnceMatcher
    : public clang::ast_matchers::internal::MatcherInterface<clang::CallExpr> {
public:
  CalleeOnceMatcher(
      clang::ast_matchers::internal::Matcher<clang::FunctionDecl> Inner,
      std::string ID)
      : Inner(std::move(Inner)), ID(std::move(ID)) {}

  bool matches(const clang::CallExpr &Node,
               clang::ast_matchers::internal::ASTMatchFinder *Finder,
               clang::ast_matchers::internal::BoundNodesTreeBuilder *Builder)
      const override {
    // What hasDeclaration() asks of a call's declaration.
    const auto *Fn =
        llvm::dyn_cast_or_null<clang::FunctionDecl>(Node.getCalleeDecl());
    if (!Fn || (Finder->isTraversalIgnoringImplicitNodes() && Fn->isImplicit()))
      return false;
    auto [It, New] = Answers.try_emplace(Fn, false);
    if (New) {
      clang::ast_matchers::internal::BoundNodesTreeBuilder Unused;
      It->second = Inner.matches(*Fn, Finder, &Unused);
    }
    if (!It->second)
      return false;
    Builder->setBinding(
        ID, clang::DynTypedNode::create(static_cast<const clang::Decl &>(*Fn)));
    return true;
  }

private:
  clang::ast_matchers::internal::Matcher<clang::FunctionDecl> Inner;
  std::string ID;
  mutable llvm::DenseMap<const clang::FunctionDecl *, bool> Answers;
};

inline clang::ast_matchers::internal::Matcher<clang::CallExpr>
calleeOnce(clang::ast_matchers::internal::Matcher<clang::FunctionDecl> Inner,
           std::string ID) {
  return clang::ast_matchers::internal::Matcher<clang::CallExpr>(
      new CalleeOnceMatcher(std::move(Inner), std::move(ID)));
}

} // namespace noalloc

#endif // NOALLOC_CHECKS_UTILS_CALLEEONCE_H
