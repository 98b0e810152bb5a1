//===--- PmrCheck.cpp - noalloc-pmr ---------------------------------------===//

#include "PmrCheck.h"
#include "knowledge/ValueSemantics.h"
#include "link/HeapGraph.h"

namespace noalloc {

PmrCheck::PmrCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : HeapObjectCheck(Name, Context),
      ReportBounded(Options.get("ReportBounded", false)) {}

void PmrCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  HeapObjectCheck::storeOptions(Opts);
  Options.store(Opts, "ReportBounded", ReportBounded);
}

bool PmrCheck::reports(HeapUse Use) const {
  return Use == HeapUse::MemoryResource || Use == HeapUse::CustomAllocator;
}

std::string PmrCheck::consequence(const HeapTypeVerdict &V,
                                  const clang::ASTContext &Ctx) const {
  if (V.Use == HeapUse::MemoryResource)
    return "allocates from its memory resource, which may be the heap";
  return "allocates through allocator '" + typeName(V.Allocator, Ctx) + "'";
}

std::optional<std::string>
PmrCheck::objectConsequence(const clang::ValueDecl *Object,
                            const HeapTypeVerdict &V,
                            const clang::ASTContext &Ctx) const {
  std::optional<BoundedResource> Bounded;
  if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(Object)) {
    // Its resource's do_allocate is the program's own code: noalloc-call
    // reports the calls that reach the heap through it.
    if (ownResource(Var))
      return std::nullopt;
    Bounded = boundedResource(Var);
  } else if (const auto *Field = llvm::dyn_cast<clang::FieldDecl>(Object))
    Bounded = boundedResource(Field);
  if (!Bounded)
    return consequence(V, Ctx);
  if (!ReportBounded)
    return std::nullopt;
  return "allocates from bounded memory resource '" + Bounded->Name +
         "': " + boundedExhaustion();
}

} // namespace noalloc
