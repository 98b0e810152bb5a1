//===--- DerivedKnowledge.cpp - Knowledge read from machine code ----------===//

#include "knowledge/DerivedKnowledge.h"
#include "knowledge/KnowledgeBase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/BinaryFormat/Magic.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/Object/Binary.h"
#include "llvm/Object/BuildID.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <cstdlib>
#include <mutex>

using namespace llvm;
using namespace noalloc::libscan;

namespace noalloc {

namespace {

constexpr const char *CacheVersion = "libscan-4";

// The runtime libraries `@system` stands for.
static constexpr StringLiteral SystemLibraryNames[] = {
    "libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1"};

std::vector<std::string> systemLibraries() {
  std::vector<std::string> Found;
  for (StringRef Name : SystemLibraryNames)
    for (StringRef Dir : {"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
                          "/lib64", "/usr/lib64"}) {
      SmallString<128> Path(Dir);
      sys::path::append(Path, Name);
      if (sys::fs::exists(Path)) {
        Found.push_back(std::string(Path));
        break;
      }
    }
  return Found;
}

// "build-id:" and a library's GNU build-id; empty if it has none.
std::string buildId(StringRef Path) {
  if (auto Bin = object::createBinary(Path)) {
    if (auto *Obj = dyn_cast<object::ObjectFile>(Bin->getBinary())) {
      object::BuildIDRef ID = object::getBuildID(Obj);
      if (!ID.empty())
        return "build-id:" + toHex(ID, /*LowerCase=*/true);
    }
  } else {
    consumeError(Bin.takeError());
  }
  return "";
}

// What identifies a library's contents: its GNU build-id, or for a file
// without one (an archive) its path, size and time.
std::string libraryIdentity(StringRef Path) {
  if (std::string ID = buildId(Path); !ID.empty())
    return ID;
  sys::fs::file_status St;
  if (sys::fs::status(Path, St))
    return "";
  return Path.str() + ":" + std::to_string(St.getSize()) + ":" +
         std::to_string(
             St.getLastModificationTime().time_since_epoch().count());
}

std::string cachePath(ArrayRef<std::string> Paths, StringRef Knowledge,
                      StringRef CacheDir) {
  SmallString<128> Dir(CacheDir);
  if (Dir.empty()) {
    if (const char *X = std::getenv("XDG_CACHE_HOME"))
      Dir = X;
    else if (const char *H = std::getenv("HOME"))
      (Dir = H), sys::path::append(Dir, ".cache");
    else
      return "";
    sys::path::append(Dir, "noalloc", "libscan");
  }
  std::string Key = CacheVersion + ("|" + utohexstr(xxh3_64bits(Knowledge)));
  for (const std::string &P : Paths) {
    std::string ID = libraryIdentity(P);
    if (ID.empty())
      return "";
    Key += "|" + ID;
  }
  sys::path::append(Dir, utohexstr(xxh3_64bits(Key)) + ".tsv");
  return std::string(Dir);
}

bool readCache(StringRef Path, std::vector<ExportVerdict> &Out) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return false;
  SmallVector<StringRef, 0> Lines;
  (*Buf)->getBuffer().split(Lines, '\n', -1, false);
  for (StringRef L : Lines) {
    // Symbol, library, effect, what cannot be followed, the path's names.
    SmallVector<StringRef, 8> F;
    L.split(F, '\t');
    if (F.size() < 4)
      return false;
    ExportVerdict V;
    V.Symbol = F[0].str();
    V.Library = F[1].str();
    V.Effect = F[2] == "allocates"    ? Reach::Allocates
               : F[2] == "releases"   ? Reach::Releases
               : F[2] == "unknown"    ? Reach::Unknown
               : F[2] == "fails-only" ? Reach::FailsOnly
                                      : Reach::None;
    V.Unfollowed = F[3].str();
    for (StringRef Step : drop_begin(F, 4))
      V.Path.push_back(Step.str());
    Out.push_back(std::move(V));
  }
  return true;
}

// Whole or not at all: processes reading the cache (clang-tidy's, one per
// unit) must never see part of an entry.
void writeCache(StringRef Path, ArrayRef<ExportVerdict> Verdicts) {
  if (Path.empty())
    return;
  sys::fs::create_directories(sys::path::parent_path(Path));
  consumeError(writeToOutput(Path, [&](raw_ostream &OS) {
    for (const ExportVerdict &V : Verdicts) {
      OS << V.Symbol << '\t' << V.Library << '\t' << reachName(V.Effect) << '\t'
         << V.Unfollowed;
      for (const std::string &Step : V.Path)
        OS << '\t' << Step;
      OS << '\n';
    }
    return Error::success();
  }));
}

std::string yamlQuote(StringRef S) {
  std::string R = "\"";
  for (char C : S)
    R += (C == '"' || C == '\\') ? std::string("\\") + C : std::string(1, C);
  return R + "\"";
}

} // namespace

// The name the knowledge base uses: `malloc`, `std::basic_string::_M_create`
// (class template without arguments, no inline namespace), `operator new`.
std::string knowledgeName(StringRef Symbol) {
  if (!Symbol.starts_with("_Z"))
    return Symbol.str();
  // A deleting destructor is `delete p`, not the destructor.
  if (Symbol.ends_with("D0Ev"))
    return "";
  ItaniumPartialDemangler D;
  std::string Mangled = Symbol.str(); // the demangler keeps pointers into it
  if (D.partialDemangle(Mangled.c_str()) || !D.isFunction() ||
      D.isSpecialName())
    return "";
  auto Take = [](char *S) {
    std::string R = S ? S : "";
    std::free(S);
    return R;
  };
  std::string Context = Take(D.getFunctionDeclContextName(nullptr, nullptr));
  std::string Base = Take(D.getFunctionBaseName(nullptr, nullptr));
  auto StripArgs = [](StringRef S) {
    std::string R;
    int Depth = 0;
    for (char C : S) {
      if (C == '<')
        ++Depth;
      else if (C == '>')
        --Depth;
      else if (Depth == 0)
        R += C;
    }
    return R;
  };
  if (!StringRef(Base).starts_with("operator"))
    Base = StripArgs(Base);
  Context = StripArgs(Context);
  if (StringRef(Context).contains("(anonymous namespace)") ||
      StringRef(Context).contains("{lambda"))
    return "";
  for (StringRef Inline : {"__cxx11::", "__1::", "_V2::"}) {
    size_t At;
    while ((At = Context.find(Inline.str())) != std::string::npos)
      Context.erase(At, Inline.size());
  }
  return Context.empty() ? Base : Context + "::" + Base;
}

bool namesLibrary(StringRef Entry) {
  if (Entry == SystemLibraries)
    return true;
  file_magic Magic;
  if (identify_magic(Entry, Magic))
    return false;
  switch (Magic) {
  case file_magic::elf_relocatable:
  case file_magic::elf_shared_object:
  case file_magic::archive:
    return true;
  default:
    return false;
  }
}

std::vector<std::string> libraryFiles(StringRef Entry) {
  if (Entry == SystemLibraries)
    return systemLibraries();
  return {Entry.str()};
}

/// A library file's contents: its GNU build-id, else a hash of its bytes.
static std::string libraryContents(StringRef Path) {
  if (std::string ID = buildId(Path); !ID.empty())
    return ID;
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  return Buffer ? "xxh3:" + utohexstr(xxh3_64bits((*Buffer)->getBuffer()))
                : "missing";
}

static std::string computeContents(StringRef Entry) {
  if (!namesLibrary(Entry)) {
    auto Buffer = MemoryBuffer::getFile(Entry);
    return Buffer ? utohexstr(xxh3_64bits((*Buffer)->getBuffer())) : "missing";
  }
  std::string Contents;
  for (const std::string &Path : libraryFiles(Entry))
    Contents += '|' + libraryContents(Path);
  return Contents;
}

std::string knowledgeContents(StringRef Entry) {
  // Once per process, whichever thread asks first: a run reads its
  // knowledge once, so every unit sees the same, and each library is read
  // once rather than once per unit.
  static std::mutex Mutex;
  static StringMap<std::string> Known;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Known.find(Entry);
    if (It != Known.end())
      return It->second;
  }
  std::string Contents = computeContents(Entry);
  std::lock_guard<std::mutex> Lock(Mutex);
  return Known.try_emplace(Entry, std::move(Contents)).first->second;
}

std::string knowledgeIdentity(StringRef Entry) {
  return Entry.str() + '|' + knowledgeContents(Entry);
}

DerivedByName
mergeByName(ArrayRef<ExportVerdict> Verdicts,
            function_ref<void(const ExportVerdict &, StringRef)> Each) {
  DerivedByName Names;
  for (const ExportVerdict &V : Verdicts) {
    std::string Name = knowledgeName(V.Symbol);
    if (Each)
      Each(V, Name);
    if (Name.empty())
      continue;
    ExportVerdict &D = Names[Name];
    // Reach is ordered: None < Releases < FailsOnly < Unknown < Allocates.
    if (V.Effect > D.Effect || D.Library.empty())
      D = V;
  }
  return Names;
}

Expected<std::vector<ExportVerdict>> scanLibraries(ArrayRef<std::string> Paths,
                                                   const KnowledgeBase &KB,
                                                   StringRef CacheDir) {
  // Functions the knowledge base says never touch the heap (time, with its
  // vDSO call) do not make their callers unknown.
  std::vector<std::string> None = KB.functionNames(
      [](const FunctionEntry &E) { return E.Effect == FunctionEffect::None; });
  llvm::sort(None);
  std::string Cache = cachePath(Paths, join(None, ","), CacheDir);
  std::vector<ExportVerdict> Result;
  if (!Cache.empty() && readCache(Cache, Result))
    return Result;
  LibraryGraph Graph;
  for (const std::string &P : Paths)
    if (Error E = Graph.addFile(P))
      return std::move(E);
  StringSet<> NoneSet;
  for (const std::string &N : None)
    NoneSet.insert(N);
  Result = Graph.classify([&](StringRef Symbol) {
    std::string Name = knowledgeName(Symbol);
    return !Name.empty() && NoneSet.contains(Name);
  });
  writeCache(Cache, Result);
  return Result;
}

// Whether \p Library, a file name (`libhal.a(hal.o)` for an archive's
// member), is one of the system's runtime libraries.
static bool isSystemLibrary(StringRef Library) {
  return is_contained(SystemLibraryNames, Library.split('(').first);
}

// The first function after the export on \p Path that the knowledge base
// does not say allocates (`printf`: may allocate): the export allocates no
// more surely than that function does.
static std::string weakerStep(ArrayRef<std::string> Path,
                              const KnowledgeBase &KB) {
  for (StringRef Step : drop_begin(Path)) {
    std::string Name = knowledgeName(Step.split('@').first);
    const FunctionEntry *E = Name.empty() ? nullptr : KB.function(Name);
    if (E && E->Effect != FunctionEffect::Allocates &&
        E->Effect != FunctionEffect::Reallocates)
      return Name;
  }
  return "";
}

// A path to the allocator in a library the user named (a vendor's HAL,
// OpenSSL) is what that library does: `allocates`. In the system's
// libraries, whose common functions the YAML already describes, the rest
// are mostly rare paths (the oracle finds 13 of 67 sampled functions
// derived as allocating on a path their witness did not take), and a path
// through a function that only may allocate is no surer than it: both are
// `may-allocate`.
static void writeReachesAllocator(raw_ostream &OS, const ExportVerdict &M,
                                  const KnowledgeBase &KB) {
  std::string Path = M.Library + ": " + M.why();
  std::string Through = weakerStep(M.Path, KB);
  if (!Through.empty())
    OS << "    effect: may-allocate\n    condition: "
       << yamlQuote("its machine code can reach the allocator through '" +
                    Through + "', which may allocate (" + Path + ")");
  else if (isSystemLibrary(M.Library))
    OS << "    effect: may-allocate\n    condition: "
       << yamlQuote("its machine code can reach the allocator (" + Path + ")");
  else
    OS << "    effect: allocates\n    condition: "
       << yamlQuote("its machine code reaches the allocator (" + Path + ")");
  OS << "\n";
}

void writeDerivedYAML(raw_ostream &OS, const DerivedByName &Names,
                      const KnowledgeBase &KB, ArrayRef<std::string> Paths) {
  OS << "# Generated by noalloc-libscan from the machine code of:\n";
  for (const std::string &P : Paths)
    OS << "#   " << P << "\n";
  OS << "# Functions the knowledge base already lists are left out (it keeps\n"
        "# its reasons and overrides); functions whose code makes an\n"
        "# indirect call before any allocation are left out too (unknown).\n"
        "functions:\n";
  for (const auto &[Name, M] : Names) {
    if (M.Effect == Reach::Unknown || KB.function(Name))
      continue;
    OS << "  - name: " << yamlQuote(Name) << "\n";
    switch (M.Effect) {
    case Reach::Allocates:
      writeReachesAllocator(OS, M, KB);
      break;
    case Reach::FailsOnly:
      OS << "    effect: allocates-on-failure\n    condition: "
         << yamlQuote("its machine code reaches the allocator only by "
                      "throwing (" +
                      M.Library + ": " + M.why() + ")")
         << "\n";
      break;
    case Reach::Releases:
      OS << "    effect: releases\n    condition: "
         << yamlQuote("its machine code can reach only release functions (" +
                      M.Library + ": " + M.why() + ")")
         << "\n";
      break;
    default:
      OS << "    effect: none\n";
    }
  }
}

} // namespace noalloc
