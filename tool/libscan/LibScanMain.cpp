//===--- LibScanMain.cpp - noalloc-libscan: knowledge from binaries -------===//
//
// Derives what the exported functions of compiled libraries do with the
// heap from their machine code (see LibraryGraph.h), writes it as a
// knowledge file in noalloc's schema, and reports where the YAML knowledge
// base and the machine code disagree.
//
//===----------------------------------------------------------------------===//

#include "LibraryGraph.h"
#include "SafeOutput.h"
#include "knowledge/KnowledgeBase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/Object/Binary.h"
#include "llvm/Object/BuildID.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <cstdlib>
#include <map>
#include <optional>

using namespace llvm;
using namespace noalloc;
using namespace noalloc::libscan;

static cl::OptionCategory Category("noalloc-libscan options");
static cl::list<std::string> Libraries(cl::Positional,
                                       cl::desc("<library.so|.a|.o>..."),
                                       cl::cat(Category));
static cl::opt<std::string> Output("o",
                                   cl::desc("write the knowledge YAML here"),
                                   cl::value_desc("file"), cl::cat(Category));
static cl::list<std::string>
    Knowledge("knowledge",
              cl::desc("also check against this knowledge file (repeatable)"),
              cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool>
    System("system",
           cl::desc("scan this system's libc, libm, libstdc++ and libgcc_s"),
           cl::cat(Category));
static cl::opt<bool> Verdicts(
    "verdicts",
    cl::desc("print every export: symbol, name, library, effect, reason"),
    cl::cat(Category));
static cl::opt<bool> Contradictions(
    "check", cl::desc("report knowledge entries the machine code contradicts"),
    cl::cat(Category));
static cl::opt<std::string>
    CacheDir("cache-dir",
             cl::desc("cache directory (default: "
                      "$XDG_CACHE_HOME/noalloc/libscan)"),
             cl::value_desc("dir"), cl::cat(Category));

namespace {

constexpr const char *CacheVersion = "libscan-3";

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

int reachRank(Reach R) {
  return int(R);
} // None < Releases < Unknown < Allocates

struct Merged {
  Reach Effect = Reach::None;
  std::string Why;
  std::string Library;
};

std::vector<std::string> systemLibraries() {
  std::vector<std::string> Found;
  for (StringRef Name :
       {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1"})
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

// What identifies a library's contents: its GNU build-id, or for a file
// without one (an archive) its path, size and time.
std::string libraryIdentity(StringRef Path) {
  if (auto Bin = object::createBinary(Path)) {
    if (auto *Obj = dyn_cast<object::ObjectFile>(Bin->getBinary())) {
      object::BuildIDRef ID = object::getBuildID(Obj);
      if (!ID.empty())
        return "build-id:" + toHex(ID, /*LowerCase=*/true);
    }
  } else {
    consumeError(Bin.takeError());
  }
  sys::fs::file_status St;
  if (sys::fs::status(Path, St))
    return "";
  return Path.str() + ":" + std::to_string(St.getSize()) + ":" +
         std::to_string(
             St.getLastModificationTime().time_since_epoch().count());
}

std::string cachePath(ArrayRef<std::string> Paths, StringRef Knowledge) {
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
    SmallVector<StringRef, 4> F;
    L.split(F, '\t', 3);
    if (F.size() != 4)
      return false;
    ExportVerdict V;
    V.Symbol = F[0].str();
    V.Library = F[1].str();
    V.Effect = F[2] == "allocates"    ? Reach::Allocates
               : F[2] == "releases"   ? Reach::Releases
               : F[2] == "unknown"    ? Reach::Unknown
               : F[2] == "fails-only" ? Reach::FailsOnly
                                      : Reach::None;
    V.Why = F[3].str();
    Out.push_back(std::move(V));
  }
  return true;
}

void writeCache(StringRef Path, ArrayRef<ExportVerdict> Verdicts) {
  if (Path.empty())
    return;
  sys::fs::create_directories(sys::path::parent_path(Path));
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC)
    return;
  for (const ExportVerdict &V : Verdicts)
    OS << V.Symbol << '\t' << V.Library << '\t' << reachName(V.Effect) << '\t'
       << V.Why << '\n';
}

Expected<std::vector<ExportVerdict>> scan(ArrayRef<std::string> Paths,
                                          const KnowledgeBase &KB) {
  // Functions the knowledge base says never touch the heap (time, with its
  // vDSO call) do not make their callers unknown.
  std::vector<std::string> None = KB.functionNames(
      [](const FunctionEntry &E) { return E.Effect == FunctionEffect::None; });
  llvm::sort(None);
  std::string Cache = cachePath(Paths, join(None, ","));
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

std::string yamlQuote(StringRef S) {
  std::string R = "\"";
  for (char C : S)
    R += (C == '"' || C == '\\') ? std::string("\\") + C : std::string(1, C);
  return R + "\"";
}

void writeYAML(raw_ostream &OS, const std::map<std::string, Merged> &Names,
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
      OS << "    effect: may-allocate\n    condition: "
         << yamlQuote("its machine code can reach the allocator (" + M.Library +
                      ": " + M.Why + ")")
         << "\n";
      break;
    case Reach::FailsOnly:
      OS << "    effect: allocates-on-failure\n    condition: "
         << yamlQuote("its machine code reaches the allocator only by "
                      "throwing (" +
                      M.Library + ": " + M.Why + ")")
         << "\n";
      break;
    case Reach::Releases:
      OS << "    effect: releases\n    condition: "
         << yamlQuote("its machine code can reach only release functions (" +
                      M.Library + ": " + M.Why + ")")
         << "\n";
      break;
    default:
      OS << "    effect: none\n";
    }
  }
}

// A knowledge entry that claims heap use the machine code cannot reach,
// or claims none where the machine code reaches the allocator.
unsigned reportContradictions(const std::map<std::string, Merged> &Names,
                              const KnowledgeBase &KB) {
  unsigned Count = 0;
  for (const auto &[Name, M] : Names) {
    const FunctionEntry *E = KB.function(Name);
    if (!E || M.Effect == Reach::Unknown)
      continue;
    bool ClaimsHeap = E->Effect != FunctionEffect::None;
    if (ClaimsHeap && M.Effect == Reach::None) {
      outs() << "contradiction: '" << Name << "' is '" << effectName(E->Effect)
             << "' in the knowledge base, but the machine code of " << M.Library
             << " reaches no allocator function\n";
      ++Count;
    } else if (!ClaimsHeap && M.Effect != Reach::None &&
               M.Effect != Reach::FailsOnly) {
      outs() << "contradiction: '" << Name
             << "' is 'none' in the knowledge base, but the machine code "
             << (M.Effect == Reach::Allocates ? "reaches the allocator"
                                              : "releases memory")
             << ": " << M.Library << ": " << M.Why << "\n";
      ++Count;
    }
  }
  return Count;
}

// Every overload and symbol version of a name, joined: the strongest
// effect wins, with its reason.
std::map<std::string, Merged> mergeByName(ArrayRef<ExportVerdict> Verdicts,
                                          bool PrintEach) {
  std::map<std::string, Merged> Names;
  for (const ExportVerdict &V : Verdicts) {
    std::string Name = knowledgeName(V.Symbol);
    if (PrintEach)
      outs() << V.Symbol << '\t' << Name << '\t' << V.Library << '\t'
             << reachName(V.Effect) << '\t' << V.Why << '\n';
    if (Name.empty())
      continue;
    Merged &M = Names[Name];
    if (reachRank(V.Effect) > reachRank(M.Effect) || M.Library.empty())
      M = {V.Effect, V.Why, V.Library};
  }
  return Names;
}

void printSummary(const std::map<std::string, Merged> &Names,
                  std::optional<unsigned> Contradicting) {
  std::map<Reach, unsigned> Totals;
  for (const auto &N : Names)
    ++Totals[N.second.Effect];
  errs() << "noalloc-libscan: " << Names.size()
         << " functions: " << Totals[Reach::Allocates]
         << " reach the allocator, " << Totals[Reach::FailsOnly]
         << " only when throwing, " << Totals[Reach::Releases]
         << " only release, " << Totals[Reach::Unknown]
         << " unknown (indirect calls), " << Totals[Reach::None] << " none";
  if (Contradicting)
    errs() << "; " << *Contradicting << " contradict the knowledge base";
  errs() << "\n";
}

int fail(Error E) {
  WithColor::error(errs(), "noalloc-libscan") << toString(std::move(E)) << "\n";
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  cl::HideUnrelatedOptions(Category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "noalloc-libscan: which exported functions of compiled libraries can "
      "reach the heap\n\n  noalloc-libscan --system -o system.yaml\n"
      "  noalloc --knowledge=system.yaml ...\n");
  std::vector<std::string> Paths(Libraries.begin(), Libraries.end());
  if (System)
    for (std::string &P : systemLibraries())
      Paths.push_back(P);
  if (Paths.empty())
    return fail(createStringError("no library given"));
  auto KB = KnowledgeBase::get(
      std::vector<std::string>(Knowledge.begin(), Knowledge.end()));
  if (!KB)
    return fail(KB.takeError());
  auto Result = scan(Paths, **KB);
  if (!Result)
    return fail(Result.takeError());
  std::map<std::string, Merged> Names = mergeByName(*Result, Verdicts);
  std::optional<unsigned> Found;
  if (Contradictions)
    Found = reportContradictions(Names, **KB);
  if (!Output.empty())
    if (Error E = writeFileSafely(Output, [&](raw_fd_ostream &OS) {
          writeYAML(OS, Names, **KB, Paths);
          return Error::success();
        }))
      return fail(std::move(E));
  outs().flush(); // the summary comes last
  printSummary(Names, Found);
  return Found.value_or(0) ? 1 : 0;
}
