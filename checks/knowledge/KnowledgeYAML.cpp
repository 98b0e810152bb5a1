//===--- KnowledgeYAML.cpp - A knowledge file's YAML ----------------------===//

#include "knowledge/EffectWords.h"
#include "knowledge/KnowledgeFile.h"
#include "knowledge/YAMLInput.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"
#include <string>

using namespace llvm;

LLVM_YAML_IS_SEQUENCE_VECTOR(noalloc::FunctionEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(noalloc::TypeEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(noalloc::ReplacementEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(noalloc::ReplacementTemplate)
LLVM_YAML_IS_SEQUENCE_VECTOR(noalloc::LibraryEntry)

namespace llvm {
namespace yaml {

namespace {

using noalloc::Choice;
using noalloc::ChoiceTraits;

/// The words of each such key, and what the error calls its value.
struct FunctionEffects {
  static constexpr StringRef What = "effect";
  static constexpr auto &Words = noalloc::FunctionEffectWords;
};

struct TypeEffects {
  static constexpr StringRef What = "effect";
  static constexpr Choice<noalloc::TypeEffect> Words[] = {
      {"allocates", noalloc::TypeEffect::Allocates},
      {"wraps", noalloc::TypeEffect::Wraps},
      {"none", noalloc::TypeEffect::None}};
};

struct Languages {
  static constexpr StringRef What = "language";
  static constexpr Choice<noalloc::KnowledgeLanguage> Words[] = {
      {"c", noalloc::KnowledgeLanguage::C}};
};

} // namespace

template <>
struct ScalarTraits<noalloc::FunctionEffect>
    : ChoiceTraits<FunctionEffects, noalloc::FunctionEffect> {};
template <>
struct ScalarTraits<noalloc::TypeEffect>
    : ChoiceTraits<TypeEffects, noalloc::TypeEffect> {};
template <>
struct ScalarTraits<noalloc::KnowledgeLanguage>
    : ChoiceTraits<Languages, noalloc::KnowledgeLanguage> {};

/// An entry read after an error (an unknown 'effect') is half read: the
/// keys after it keep placeholders, not what the file says. It is not
/// validated, so the one typo gets one error.
static bool readWhole(IO &IO) { return !IO.error(); }

template <> struct MappingTraits<noalloc::FunctionEntry> {
  static void mapping(IO &IO, noalloc::FunctionEntry &E) {
    IO.mapRequired("name", E.Name);
    IO.mapRequired("effect", E.Effect);
    IO.mapOptional("when-null-argument", E.WhenNullArgument);
    IO.mapOptional("nothing-when-null-argument", E.NothingWhenNullArgument);
    IO.mapOptional("condition", E.Condition);
    IO.mapOptional("exception", E.Exception);
    IO.mapOptional("replacement", E.Replacement);
    IO.mapOptional("copy-effect", E.CopyEffect);
    IO.mapOptional("calls-argument", E.CallsArguments);
    IO.mapOptional("scanf-format-argument", E.ScanfFormatArgument);
    IO.mapOptional("default-constructor-effect", E.DefaultConstructorEffect);
    IO.mapOptional("not-null-effect", E.NotNullEffect);
    IO.mapOptional("overload-parameters", E.OverloadParameters);
    IO.mapOptional("overload-effect", E.OverloadEffect);
    IO.mapOptional("nothing-when-zero-argument", E.NothingWhenZeroArgument);
    IO.mapOptional("string-argument", E.StringArgument);
    IO.mapOptional("no-heap-strings", E.NoHeapStrings);
    IO.mapOptional("may-allocate-strings", E.MayAllocateStrings);
    IO.mapOptional("declared-in", E.DeclaredIn);
  }
  static std::string validate(IO &IO, noalloc::FunctionEntry &E) {
    if (!readWhole(IO))
      return "";
    using noalloc::FunctionEffect;
    if (E.Name.empty())
      return "'name' must not be empty";
    auto Plain = [](std::optional<FunctionEffect> Effect) {
      return !Effect || *Effect == FunctionEffect::None ||
             *Effect == FunctionEffect::Allocates ||
             *Effect == FunctionEffect::Releases;
    };
    if (!Plain(E.CopyEffect))
      return "'copy-effect' must be 'none', 'allocates' or 'releases'";
    if (!Plain(E.DefaultConstructorEffect))
      return "'default-constructor-effect' must be 'none', 'allocates' or "
             "'releases'";
    bool OnFailure = E.Effect == noalloc::FunctionEffect::AllocatesOnFailure;
    if (!Plain(E.OverloadEffect))
      return "'overload-effect' must be 'none', 'allocates' or 'releases'";
    if (E.OverloadEffect.has_value() != E.OverloadParameters.has_value())
      return "'overload-effect' and 'overload-parameters' go together";
    if (E.WhenNullArgument && E.Effect != noalloc::FunctionEffect::Allocates)
      return "'when-null-argument' needs 'effect: allocates'";
    if (E.NotNullEffect && !E.WhenNullArgument)
      return "'not-null-effect' needs 'when-null-argument'";
    if (E.NotNullEffect && *E.NotNullEffect != FunctionEffect::None &&
        *E.NotNullEffect != FunctionEffect::MayAllocate)
      return "'not-null-effect' must be 'none' or 'may-allocate'";
    if (E.NotNullEffect == FunctionEffect::MayAllocate && E.Condition.empty())
      return "'not-null-effect: may-allocate' needs a 'condition'";
    if (E.NothingWhenNullArgument &&
        E.Effect != noalloc::FunctionEffect::Releases)
      return "'nothing-when-null-argument' needs 'effect: releases'";
    if (E.NothingWhenZeroArgument && !OnFailure)
      return "'nothing-when-zero-argument' needs 'effect: "
             "allocates-on-failure'";
    if (E.ScanfFormatArgument &&
        E.Effect != noalloc::FunctionEffect::MayAllocate)
      return "'scanf-format-argument' needs 'effect: may-allocate'";
    if (E.StringArgument && E.Effect != noalloc::FunctionEffect::MayAllocate)
      return "'string-argument' needs 'effect: may-allocate'";
    if (!E.StringArgument &&
        (!E.NoHeapStrings.empty() || !E.MayAllocateStrings.empty()))
      return "'no-heap-strings' and 'may-allocate-strings' need a "
             "'string-argument'";
    if (E.Effect == noalloc::FunctionEffect::MayAllocate && E.Condition.empty())
      return "'effect: may-allocate' needs a 'condition'";
    if (llvm::is_contained(E.DeclaredIn, ""))
      return "'declared-in' names headers: an empty name matches none";
    if (OnFailure && E.Exception.empty() && E.Condition.empty())
      return "'effect: allocates-on-failure' needs an 'exception' or a "
             "'condition'";
    if (!OnFailure && !E.Exception.empty())
      return "'exception' needs 'effect: allocates-on-failure'";
    return "";
  }
};

template <> struct MappingTraits<noalloc::TypeEntry> {
  static void mapping(IO &IO, noalloc::TypeEntry &E) {
    IO.mapRequired("name", E.Name);
    IO.mapRequired("effect", E.Effect);
    IO.mapOptional("allocator-argument", E.AllocatorArgument);
    IO.mapOptional("replacement", E.Replacement);
    IO.mapOptional("failure-exception", E.FailureException);
    IO.mapOptional("holds-callable", E.HoldsCallable, false);
  }
  static std::string validate(IO &IO, noalloc::TypeEntry &E) {
    if (!readWhole(IO))
      return "";
    return E.Name.empty() ? "'name' must not be empty" : "";
  }
};

template <> struct MappingTraits<noalloc::ReplacementTemplate> {
  static void mapping(IO &IO, noalloc::ReplacementTemplate &T) {
    IO.mapRequired("library", T.Library);
    IO.mapRequired("template", T.Template);
    IO.mapRequired("header", T.Header);
  }
  static std::string validate(IO &IO, noalloc::ReplacementTemplate &T) {
    if (!readWhole(IO))
      return "";
    StringRef Header = T.Header;
    if (!(Header.starts_with("<") && Header.ends_with(">")) &&
        !(Header.starts_with("\"") && Header.ends_with("\"")))
      return "'header' must be written <name> or \"name\"";
    return "";
  }
};

template <> struct MappingTraits<noalloc::ReplacementEntry> {
  static void mapping(IO &IO, noalloc::ReplacementEntry &E) {
    IO.mapRequired("type", E.Type);
    IO.mapOptional("read-members", E.ReadMembers);
    IO.mapOptional("growth-members", E.GrowthMembers);
    IO.mapOptional("fixed-size", E.FixedSize);
    IO.mapOptional("view", E.View);
    IO.mapOptional("targets", E.Targets);
  }
};

template <> struct MappingTraits<noalloc::LibraryEntry> {
  static void mapping(IO &IO, noalloc::LibraryEntry &E) {
    IO.mapRequired("name", E.Name);
    IO.mapRequired("macro", E.Macro);
    IO.mapOptional("empty-in-place", E.EmptyInPlace);
    IO.mapOptional("string-capacity", E.StringCapacity);
    IO.mapOptional("function-buffer", E.FunctionBuffer);
    IO.mapOptional("any-buffer", E.AnyBuffer);
  }
  static std::string validate(IO &IO, noalloc::LibraryEntry &E) {
    if (!readWhole(IO))
      return "";
    if (E.Name.empty())
      return "'name' must not be empty";
    return E.Macro.empty() ? "'macro' must not be empty" : "";
  }
};

template <> struct MappingTraits<noalloc::KnowledgeFile> {
  static void mapping(IO &IO, noalloc::KnowledgeFile &F) {
    IO.mapOptional("language", F.Language, noalloc::KnowledgeLanguage::Any);
    IO.mapOptional("functions", F.Functions);
    IO.mapOptional("types", F.Types);
    IO.mapOptional("replacements", F.Replacements);
    IO.mapOptional("libraries", F.Libraries);
  }
  static std::string validate(IO &, noalloc::KnowledgeFile &F) {
    if (F.Language != noalloc::KnowledgeLanguage::C)
      return "";
    for (const noalloc::FunctionEntry &E : F.Functions)
      if (StringRef(E.Name).contains("::"))
        return "a 'language: c' file names C functions, without '::': '" +
               E.Name + "'";
    return "";
  }
};

} // namespace yaml
} // namespace llvm

namespace noalloc {

Error readKnowledgeFile(StringRef Text, StringRef FileName,
                        KnowledgeFile &File) {
  if (Error E = readYAML(MemoryBufferRef(Text, FileName), File,
                         "invalid knowledge file '" + FileName.str() + "'"))
    return E;
  for (FunctionEntry &E : File.Functions)
    E.CFunction = File.Language == KnowledgeLanguage::C;
  return Error::success();
}

} // namespace noalloc
