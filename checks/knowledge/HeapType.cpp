//===--- HeapType.cpp - Does an object of this type own heap memory? ------===//

#include "knowledge/HeapType.h"
#include "utils/ASTQueries.h"
#include "utils/LLVMCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace noalloc {

static HeapUse classifyAllocator(QualType Allocator, const KnowledgeBase &KB) {
  if (Allocator.isNull() || Allocator->isDependentType())
    return HeapUse::Heap;
  const auto *RD = Allocator->getAsCXXRecordDecl();
  if (!RD)
    return HeapUse::CustomAllocator;
  std::string Name = qualifiedName(RD);
  if (Name == "std::allocator")
    return HeapUse::Heap;
  if (Name == "std::pmr::polymorphic_allocator")
    return HeapUse::MemoryResource;
  // Users list their own pool allocators as heap-free.
  if (const TypeEntry *Entry = KB.type(Name))
    if (Entry->Effect == TypeEffect::None)
      return HeapUse::None;
  return HeapUse::CustomAllocator;
}

static HeapTypeVerdict classifyTemplate(const TemplateDecl *TD,
                                        ArrayRef<TemplateArgument> Args,
                                        const KnowledgeBase &KB, int Depth);

static HeapTypeVerdict classify(QualType T, const KnowledgeBase &KB,
                                int Depth) {
  if (T.isNull() || Depth > 8)
    return {};
  if (T->isReferenceType() || T->isAnyPointerType() || T->isMemberPointerType())
    return {};
  if (const auto *AT = T->getAsArrayTypeUnsafe())
    return classify(AT->getElementType(), KB, Depth + 1);

  // Dependent or sugared specializations keep the arguments as written.
  if (const auto *TST = T->getAs<TemplateSpecializationType>()) {
    if (TST->isTypeAlias()) // std::pmr::vector<int> names std::vector<...>
      return classify(TST->getAliasedType(), KB, Depth + 1);
    if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl()) {
      // Defaulted arguments count too: std::priority_queue<int> wraps a
      // std::vector<int> it never names.
      const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl());
      const TypeEntry *Entry = KB.type(qualifiedName(TD));
      if (Spec && Entry && Entry->Effect == TypeEffect::Wraps &&
          Spec->getTemplateArgs().size() > TST->template_arguments().size())
        return classifyTemplate(TD, Spec->getTemplateArgs().asArray(), KB,
                                Depth);
      return classifyTemplate(TD, TST->template_arguments(), KB, Depth);
    }
  }

  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return {};
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return classifyTemplate(Spec->getSpecializedTemplate(),
                            Spec->getTemplateArgs().asArray(), KB, Depth);
  const TypeEntry *Entry = KB.type(qualifiedName(RD));
  if (!Entry || Entry->Effect != TypeEffect::Allocates)
    return {};
  return {HeapUse::Heap, Entry, {}};
}

static HeapTypeVerdict classifyTemplate(const TemplateDecl *TD,
                                        ArrayRef<TemplateArgument> Args,
                                        const KnowledgeBase &KB, int Depth) {
  const TypeEntry *Entry = KB.type(qualifiedName(TD));
  if (!Entry)
    return {};
  switch (Entry->Effect) {
  case TypeEffect::None:
    return {};
  case TypeEffect::Allocates: {
    if (!Entry->AllocatorArgument || *Entry->AllocatorArgument >= Args.size())
      return {HeapUse::Heap, Entry, {}};
    const TemplateArgument &Arg = Args[*Entry->AllocatorArgument];
    if (Arg.getKind() != TemplateArgument::Type)
      return {HeapUse::Heap, Entry, {}};
    HeapUse Use = classifyAllocator(Arg.getAsType(), KB);
    if (Use == HeapUse::None)
      return {};
    return {Use, Entry, Arg.getAsType()};
  }
  case TypeEffect::Wraps:
    for (const TemplateArgument &Arg : Args) {
      if (Arg.getKind() == TemplateArgument::Pack) {
        HeapTypeVerdict V =
            classifyTemplate(TD, Arg.pack_elements(), KB, Depth);
        if (V.Use != HeapUse::None)
          return V;
        continue;
      }
      if (Arg.getKind() != TemplateArgument::Type)
        continue;
      HeapTypeVerdict V = classify(Arg.getAsType(), KB, Depth + 1);
      if (V.Use != HeapUse::None)
        return V;
    }
    return {};
  }
  llvm_unreachable("unknown type effect");
}

HeapTypeVerdict classifyType(QualType T, const KnowledgeBase &KB) {
  return classify(T, KB, 0);
}

std::string typeName(QualType T, const ASTContext &Ctx, bool UserWritten) {
  if (!UserWritten || T->getContainedDeducedType())
    T = T.getCanonicalType();
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  compat::suppressInlineNamespaces(Policy);
  Policy.SuppressTagKeyword = true;
  return preferredNames(T.getLocalUnqualifiedType().getAsString(Policy));
}

/// Whether the knowledge base says \p Class is a failure-exception.
static bool listedFailureException(const CXXRecordDecl *Class,
                                   const KnowledgeBase &KB) {
  const TypeEntry *Entry = KB.type(knowledgeRecordName(Class));
  return Entry && Entry->FailureException;
}

bool isFailureException(QualType Thrown, const KnowledgeBase &KB) {
  const CXXRecordDecl *Class = Thrown->getAsCXXRecordDecl();
  if (!Class)
    return false;
  if (listedFailureException(Class, KB))
    return true;
  const CXXRecordDecl *Definition = Class->getDefinition();
  if (!Definition)
    return false;
  // forallBases answers false both when the callback does and when it
  // meets a base it cannot see into (a dependent one, in a template's
  // pattern), where it stops: Found says whether a base it saw is listed.
  bool Found = false;
  Definition->forallBases([&](const CXXRecordDecl *Base) {
    Found = listedFailureException(Base, KB);
    return !Found;
  });
  return Found;
}

/// The class template \p RD is a specialization of, or null.
static const ClassTemplateDecl *classTemplateOf(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  return Spec ? Spec->getSpecializedTemplate()->getCanonicalDecl() : nullptr;
}

bool copiesLikeConstructor(const CXXConstructorDecl *Ctor) {
  if (Ctor->isCopyOrMoveConstructor())
    return true;
  if (Ctor->getNumParams() == 0 || Ctor->getMinRequiredArguments() != 1)
    return false;
  QualType Parameter = Ctor->getParamDecl(0)->getType();
  const ClassTemplateDecl *Own = classTemplateOf(Ctor->getParent());
  return Own && Parameter->isReferenceType() &&
         classTemplateOf(
             Parameter.getNonReferenceType()->getAsCXXRecordDecl()) == Own;
}

bool emptyLikeConstructor(const CXXConstructorDecl *Ctor) {
  return Ctor->isDefaultConstructor() ||
         (Ctor->getNumParams() > 0 && Ctor->getMinRequiredArguments() == 1 &&
          Ctor->getParamDecl(0)->getType()->isNullPtrType());
}

const FunctionEntry *allocatingLibraryConstructor(const CXXConstructExpr *E,
                                                  const KnowledgeBase &KB) {
  const CXXConstructorDecl *Ctor = E->getConstructor();
  if (!Ctor || !Ctor->getASTContext().getSourceManager().isInSystemHeader(
                   Ctor->getLocation()))
    return nullptr;
  // A copy of a standard exception shares its message: the entry's
  // copy-effect says so, and a default std::locale shares the global one:
  // its default-constructor-effect. The name the facts look it up by
  // ('std::basic_istream::sentry::sentry').
  const FunctionEntry *Entry =
      KB.function(knowledgeName(Ctor), copiesLikeConstructor(Ctor),
                  emptyLikeConstructor(Ctor));
  return Entry && Entry->Effect == FunctionEffect::Allocates ? Entry : nullptr;
}

std::string preferredNames(std::string Name) {
  // libstdc++ names no preferred typedef for its strings; say what users say.
  static const std::pair<StringRef, StringRef> Strings[] = {
      {"std::basic_string<char>", "std::string"},
      {"std::basic_string<wchar_t>", "std::wstring"},
      {"std::basic_string<char8_t>", "std::u8string"},
      {"std::basic_string<char16_t>", "std::u16string"},
      {"std::basic_string<char32_t>", "std::u32string"}};
  for (const auto &[Canonical, Preferred] : Strings) {
    size_t Pos;
    while ((Pos = Name.find(Canonical.str())) != std::string::npos)
      Name.replace(Pos, Canonical.size(), Preferred.str());
  }
  return Name;
}

} // namespace noalloc
