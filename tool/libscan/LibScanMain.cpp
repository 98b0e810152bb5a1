//===--- LibScanMain.cpp - noalloc-libscan: knowledge from binaries -------===//
//
// Derives what the exported functions of compiled libraries do with the
// heap from their machine code (see LibraryGraph.h), writes it as a
// knowledge file in noalloc's schema, and reports where the YAML knowledge
// base and the machine code disagree.
//
//===----------------------------------------------------------------------===//

#include "SafeOutput.h"
#include "knowledge/DerivedKnowledge.h"
#include "knowledge/KnowledgeBase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
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

// A knowledge entry that claims heap use the machine code cannot reach,
// or claims none where the machine code reaches the allocator.
unsigned reportContradictions(const DerivedByName &Names,
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
             << ": " << M.Library << ": " << M.why() << "\n";
      ++Count;
    }
  }
  return Count;
}

void printSummary(const DerivedByName &Names,
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
    for (std::string &P : libraryFiles(SystemLibraries))
      Paths.push_back(P);
  if (Paths.empty())
    return fail(createStringError("no library given"));
  auto KB = KnowledgeBase::get(
      std::vector<std::string>(Knowledge.begin(), Knowledge.end()));
  if (!KB)
    return fail(KB.takeError());
  auto Result = scanLibraries(Paths, **KB, CacheDir);
  if (!Result)
    return fail(Result.takeError());
  DerivedByName Names =
      mergeByName(*Result, [](const ExportVerdict &V, StringRef Name) {
        if (Verdicts)
          outs() << V.Symbol << '\t' << Name << '\t' << V.Library << '\t'
                 << reachName(V.Effect) << '\t' << V.why() << '\n';
      });
  std::optional<unsigned> Found;
  if (Contradictions)
    Found = reportContradictions(Names, **KB);
  if (!Output.empty())
    if (Error E = writeFileSafely(Output, [&](raw_fd_ostream &OS) {
          writeDerivedYAML(OS, Names, **KB, Paths);
          return Error::success();
        }))
      return fail(std::move(E));
  outs().flush(); // the summary comes last
  printSummary(Names, Found);
  return Found.value_or(0) ? 1 : 0;
}
