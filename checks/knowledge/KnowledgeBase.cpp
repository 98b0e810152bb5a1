//===--- KnowledgeBase.cpp - What library code does with the heap ---------===//

#include "knowledge/KnowledgeBase.h"
#include "knowledge/DerivedKnowledge.h"
#include "knowledge/EffectWords.h"
#include "knowledge/KnowledgeFile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <mutex>

using namespace llvm;

namespace noalloc {
namespace {

/// A default knowledge file, compiled from its YAML at build time
/// (CompileKnowledge.cpp): nothing is parsed at run time.
struct BuiltinFile {
  const char *Name;
  KnowledgeFile (*Make)();
};

// Generated from knowledge/*.yaml at build time.
#include "DefaultKnowledge.inc"

} // namespace
} // namespace noalloc

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

namespace {
/// A knowledge base's tables, which a file's entries are merged into.
struct Tables {
  StringMap<FunctionEntry> &Functions;
  StringMap<FunctionEntry> &Copies;
  StringMap<FunctionEntry> &Defaults;
  StringMap<TypeEntry> &Types;
  StringMap<ReplacementEntry> &Replacements;
  std::vector<LibraryEntry> &Libraries;
};
} // namespace

/// Adds \p File's entries to \p T, replacing those of the same name.
static void addFile(KnowledgeFile File, Tables T) {
  auto &[Functions, Copies, Defaults, Types, Replacements, Libraries] = T;
  // A constructor's own effect for its copies or its default construction.
  auto AddSpecial = [](StringMap<FunctionEntry> &Table, const FunctionEntry &E,
                       std::optional<FunctionEffect> Effect) {
    Table.erase(E.Name);
    if (!Effect)
      return;
    FunctionEntry &Special = Table[E.Name];
    Special.Name = E.Name;
    Special.Effect = *Effect;
  };
  for (FunctionEntry &E : File.Functions) {
    E.Name = normalizeName(E.Name);
    std::string Key = E.Name;
    AddSpecial(Copies, E, E.CopyEffect);
    AddSpecial(Defaults, E, E.DefaultConstructorEffect);
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
}

Error KnowledgeBase::addYAML(StringRef Text, StringRef FileName) {
  KnowledgeFile File;
  if (Error E = readKnowledgeFile(Text, FileName, File))
    return E;
  addFile(std::move(File),
          {Functions, Copies, Defaults, Types, Replacements, Libraries});
  return Error::success();
}

const FunctionEntry *KnowledgeBase::function(StringRef QualifiedName) const {
  bool ProgramGlobal = QualifiedName.consume_front("::");
  auto It = Functions.find(QualifiedName);
  if (It == Functions.end() || (ProgramGlobal && It->second.CFunction))
    return nullptr;
  return &It->second;
}

const FunctionEntry *KnowledgeBase::function(StringRef QualifiedName,
                                             bool CopyOrMove,
                                             bool DefaultConstructor) const {
  if (CopyOrMove)
    if (auto It = Copies.find(QualifiedName); It != Copies.end())
      return &It->second;
  if (DefaultConstructor)
    if (auto It = Defaults.find(QualifiedName); It != Defaults.end())
      return &It->second;
  return function(QualifiedName);
}

const ReplacementEntry *
KnowledgeBase::replacement(StringRef QualifiedName) const {
  auto It = Replacements.find(QualifiedName);
  return It == Replacements.end() ? nullptr : &It->second;
}

std::vector<std::string> KnowledgeBase::replacementLibraries() const {
  std::vector<std::string> Libraries;
  for (const auto &Entry : Replacements)
    for (const ReplacementTemplate &T : Entry.second.Targets)
      if (!llvm::is_contained(Libraries, T.Library))
        Libraries.push_back(T.Library);
  llvm::sort(Libraries);
  return Libraries;
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
  for (const BuiltinFile *F = DefaultKnowledgeFiles; F->Name; ++F)
    addFile(F->Make(), {KB->Functions, KB->Copies, KB->Defaults, KB->Types,
                        KB->Replacements, KB->Libraries});
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
  for (const Choice<FunctionEffect> &C : FunctionEffectWords)
    if (C.Value == Effect)
      return C.Word;
  llvm_unreachable("unknown effect");
}

} // namespace noalloc
