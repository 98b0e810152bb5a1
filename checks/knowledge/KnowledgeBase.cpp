//===--- KnowledgeBase.cpp - What library code does with the heap ---------===//

#include "knowledge/KnowledgeBase.h"
#include "knowledge/DerivedKnowledge.h"
#include "knowledge/YAMLInput.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include <map>
#include <mutex>

using namespace llvm;

namespace noalloc {
namespace {

struct KnowledgeFile {
  std::vector<FunctionEntry> Functions;
  std::vector<TypeEntry> Types;
  std::vector<ReplacementEntry> Replacements;
  std::vector<LibraryEntry> Libraries;
};

struct EmbeddedFile {
  const char *Name;
  const char *Text;
};

// Generated from knowledge/*.yaml at build time.
#include "DefaultKnowledge.inc"

} // namespace
} // namespace noalloc

LLVM_YAML_IS_SEQUENCE_VECTOR(noalloc::FunctionEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(noalloc::TypeEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(noalloc::ReplacementEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(noalloc::ReplacementTemplate)
LLVM_YAML_IS_SEQUENCE_VECTOR(noalloc::LibraryEntry)

namespace llvm {
namespace yaml {

template <> struct ScalarEnumerationTraits<noalloc::FunctionEffect> {
  static void enumeration(IO &IO, noalloc::FunctionEffect &Value) {
    using noalloc::FunctionEffect;
    IO.enumCase(Value, "allocates", FunctionEffect::Allocates);
    IO.enumCase(Value, "releases", FunctionEffect::Releases);
    IO.enumCase(Value, "reallocates", FunctionEffect::Reallocates);
    IO.enumCase(Value, "may-allocate", FunctionEffect::MayAllocate);
    IO.enumCase(Value, "allocates-on-failure",
                FunctionEffect::AllocatesOnFailure);
    IO.enumCase(Value, "none", FunctionEffect::None);
  }
};

template <> struct ScalarEnumerationTraits<noalloc::TypeEffect> {
  static void enumeration(IO &IO, noalloc::TypeEffect &Value) {
    using noalloc::TypeEffect;
    IO.enumCase(Value, "allocates", TypeEffect::Allocates);
    IO.enumCase(Value, "wraps", TypeEffect::Wraps);
    IO.enumCase(Value, "none", TypeEffect::None);
  }
};

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
  }
  static std::string validate(IO &, noalloc::FunctionEntry &E) {
    using noalloc::FunctionEffect;
    if (E.Name.empty())
      return "'name' must not be empty";
    if (E.CopyEffect && *E.CopyEffect != FunctionEffect::None &&
        *E.CopyEffect != FunctionEffect::Allocates &&
        *E.CopyEffect != FunctionEffect::Releases)
      return "'copy-effect' must be 'none', 'allocates' or 'releases'";
    if (E.WhenNullArgument && E.Effect != noalloc::FunctionEffect::Allocates)
      return "'when-null-argument' needs 'effect: allocates'";
    if (E.NothingWhenNullArgument &&
        E.Effect != noalloc::FunctionEffect::Releases)
      return "'nothing-when-null-argument' needs 'effect: releases'";
    if (E.Effect == noalloc::FunctionEffect::MayAllocate && E.Condition.empty())
      return "'effect: may-allocate' needs a 'condition'";
    bool OnFailure = E.Effect == noalloc::FunctionEffect::AllocatesOnFailure;
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
  }
  static std::string validate(IO &, noalloc::TypeEntry &E) {
    return E.Name.empty() ? "'name' must not be empty" : "";
  }
};

template <> struct MappingTraits<noalloc::ReplacementTemplate> {
  static void mapping(IO &IO, noalloc::ReplacementTemplate &T) {
    IO.mapRequired("library", T.Library);
    IO.mapRequired("template", T.Template);
    IO.mapRequired("header", T.Header);
  }
  static std::string validate(IO &, noalloc::ReplacementTemplate &T) {
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
  }
  static std::string validate(IO &, noalloc::LibraryEntry &E) {
    if (E.Name.empty())
      return "'name' must not be empty";
    return E.Macro.empty() ? "'macro' must not be empty" : "";
  }
};

template <> struct MappingTraits<noalloc::KnowledgeFile> {
  static void mapping(IO &IO, noalloc::KnowledgeFile &F) {
    IO.mapOptional("functions", F.Functions);
    IO.mapOptional("types", F.Types);
    IO.mapOptional("replacements", F.Replacements);
    IO.mapOptional("libraries", F.Libraries);
  }
};

} // namespace yaml
} // namespace llvm

namespace noalloc {

static std::string normalizeName(StringRef Name) {
  Name.consume_front("::");
  return Name.str();
}

static std::vector<std::string>
normalizeNames(const std::vector<std::string> &Names) {
  std::vector<std::string> Result;
  for (const std::string &Name : Names)
    Result.push_back(normalizeName(Name));
  return Result;
}

Error KnowledgeBase::addYAML(StringRef Text, StringRef FileName) {
  KnowledgeFile File;
  if (Error E = readYAML(MemoryBufferRef(Text, FileName), File,
                         "invalid knowledge file '" + FileName.str() + "'"))
    return E;
  for (FunctionEntry &E : File.Functions) {
    E.Name = normalizeName(E.Name);
    std::string Key = E.Name;
    Copies.erase(Key);
    if (E.CopyEffect) {
      FunctionEntry &Copy = Copies[Key];
      Copy.Name = E.Name;
      Copy.Effect = *E.CopyEffect;
    }
    Functions[Key] = std::move(E);
  }
  for (TypeEntry &E : File.Types) {
    E.Name = normalizeName(E.Name);
    std::string Key = E.Name;
    Types[Key] = std::move(E);
  }
  for (ReplacementEntry &E : File.Replacements) {
    E.Type = normalizeName(E.Type);
    std::string Key = E.Type;
    Replacements[Key] = std::move(E);
  }
  for (LibraryEntry &E : File.Libraries) {
    E.EmptyInPlace = normalizeNames(E.EmptyInPlace);
    auto Same = llvm::find_if(Libraries, [&](const LibraryEntry &L) {
      return L.Name == E.Name;
    });
    if (Same != Libraries.end())
      *Same = std::move(E);
    else
      Libraries.push_back(std::move(E));
  }
  return Error::success();
}

const FunctionEntry *KnowledgeBase::function(StringRef QualifiedName) const {
  auto It = Functions.find(QualifiedName);
  return It == Functions.end() ? nullptr : &It->second;
}

const FunctionEntry *KnowledgeBase::function(StringRef QualifiedName,
                                             bool CopyOrMove) const {
  if (CopyOrMove)
    if (auto It = Copies.find(QualifiedName); It != Copies.end())
      return &It->second;
  return function(QualifiedName);
}

const ReplacementEntry *
KnowledgeBase::replacement(StringRef QualifiedName) const {
  auto It = Replacements.find(QualifiedName);
  return It == Replacements.end() ? nullptr : &It->second;
}

const TypeEntry *KnowledgeBase::type(StringRef QualifiedName) const {
  auto It = Types.find(QualifiedName);
  return It == Types.end() ? nullptr : &It->second;
}

// After the YAML files: what they list is left out, and their `none`
// entries let the scan follow past an indirect call.
Error KnowledgeBase::addDerived(ArrayRef<std::string> Entries) {
  std::vector<std::string> Paths;
  for (const std::string &Entry : Entries)
    for (std::string &Path : libraryFiles(Entry))
      Paths.push_back(std::move(Path));
  auto Verdicts = scanLibraries(Paths, *this);
  if (!Verdicts)
    return Verdicts.takeError();
  std::string Text;
  raw_string_ostream OS(Text);
  writeDerivedYAML(OS, mergeByName(*Verdicts), *this, Paths);
  return addYAML(Text, "<knowledge derived from " + join(Entries, ", ") + ">");
}

Expected<std::shared_ptr<const KnowledgeBase>>
KnowledgeBase::get(ArrayRef<std::string> UserFiles) {
  static std::mutex Mutex;
  static std::map<std::vector<std::string>,
                  std::shared_ptr<const KnowledgeBase>>
      Loaded;
  std::vector<std::string> Key(UserFiles.begin(), UserFiles.end());
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Loaded.find(Key);
  if (It != Loaded.end())
    return It->second;

  auto KB = std::make_shared<KnowledgeBase>();
  for (const EmbeddedFile *F = DefaultKnowledgeFiles; F->Name; ++F)
    if (Error E = KB->addYAML(F->Text, F->Name))
      return std::move(E);
  std::vector<std::string> Libraries;
  for (const std::string &Path : UserFiles) {
    if (namesLibrary(Path)) {
      Libraries.push_back(Path);
      continue;
    }
    auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
    if (!Buffer)
      return createStringError(
          Buffer.getError(), "cannot read knowledge file '%s': %s",
          Path.c_str(), Buffer.getError().message().c_str());
    if (Error E = KB->addYAML((*Buffer)->getBuffer(), Path))
      return std::move(E);
  }
  if (!Libraries.empty())
    if (Error E = KB->addDerived(Libraries))
      return std::move(E);
  Loaded.emplace(std::move(Key), KB);
  return KB;
}

StringRef effectName(FunctionEffect Effect) {
  switch (Effect) {
  case FunctionEffect::Allocates:
    return "allocates";
  case FunctionEffect::Releases:
    return "releases";
  case FunctionEffect::Reallocates:
    return "reallocates";
  case FunctionEffect::MayAllocate:
    return "may-allocate";
  case FunctionEffect::AllocatesOnFailure:
    return "allocates-on-failure";
  case FunctionEffect::None:
    return "none";
  }
  llvm_unreachable("unknown effect");
}

} // namespace noalloc
