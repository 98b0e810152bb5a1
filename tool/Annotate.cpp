//===--- Annotate.cpp - --annotate: attributes that clang checks ----------===//

#include "Annotate.h"
#include "ToolOptions.h"
#include "utils/Paths.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/WithColor.h"

using namespace clang;
using namespace llvm;
using clang::tidy::ClangTidyError;
using clang::tooling::Replacement;

namespace noalloc {
namespace {

/// Rounds of clang's check before giving up; each drops at least one
/// function, and one or two suffice in practice.
constexpr unsigned MaxRounds = 16;

/// The attribute's spelling in each file: the GNU one in every file a C
/// unit reads (a header of C and C++ too: clang takes it in both), the
/// C++ one elsewhere.
class Spellings {
public:
  Spellings(EffectAttribute A, ArrayRef<TranslationUnitResult> Units)
      : Standard(attributeSpelling(A)), GNU(gnuAttributeSpelling(A)) {
    for (const TranslationUnitResult &U : Units)
      if (sys::path::extension(U.MainFile) == ".c")
        for (const std::string &D : U.Dependencies)
          InC.insert(normalizedPath(D));
  }

  StringRef in(StringRef File) const {
    return InC.contains(File) ? GNU : Standard;
  }
  /// Whether some file takes the GNU spelling.
  bool anyGNU() const { return !InC.empty(); }
  StringRef standard() const { return Standard; }

private:
  StringRef Standard, GNU;
  StringSet<> InC;
};

/// What is inserted at \p Offset of \p Original: a space and \p Attribute
/// after a declarator (the offset follows its last token), \p Attribute
/// and a space at the start of a declaration (a C definition's: the
/// offset follows a blank or starts the file). The same length either way.
std::string insertedText(StringRef Attribute, StringRef Original,
                         unsigned Offset) {
  if (Offset == 0 ||
      (Offset <= Original.size() && isSpace(Original[Offset - 1])))
    return (Attribute + " ").str();
  return (" " + Attribute).str();
}

/// The files of one round, with the attributes written in.
class AnnotatedFiles {
public:
  AnnotatedFiles(ArrayRef<Annotation> Selected, const Spellings &Spelling,
                 StringMap<std::string> &Originals)
      : Spelling(Spelling), Originals(Originals) {
    for (const Annotation &A : Selected)
      for (const SourcePoint &P : A.Points)
        Insertions[P.File].push_back(P.Offset);
    for (auto &Entry : Insertions) {
      llvm::sort(Entry.second);
      Entry.second.erase(llvm::unique(Entry.second), Entry.second.end());
    }
  }

  /// Reads the originals and writes the attributes in, in memory.
  Error write() {
    for (const auto &Entry : Insertions) {
      StringRef File = Entry.first();
      if (!Originals.count(File)) {
        auto Buffer = MemoryBuffer::getFile(File);
        if (!Buffer)
          return createStringError(Buffer.getError(), "cannot read '%s': %s",
                                   File.str().c_str(),
                                   Buffer.getError().message().c_str());
        Originals[File] = (*Buffer)->getBuffer().str();
      }
      StringRef Original = Originals[File];
      std::string &Annotated = Contents[File];
      size_t From = 0;
      for (unsigned Offset : Entry.second) {
        Annotated += Original.slice(From, Offset);
        Annotated += text(File, Original, Offset);
        From = Offset;
      }
      Annotated += Original.substr(From);
    }
    return Error::success();
  }

  /// The offset in the original file of \p Offset in the annotated one.
  unsigned originalOffset(StringRef File, unsigned Offset) const {
    auto It = Insertions.find(File);
    if (It == Insertions.end())
      return Offset;
    size_t Length = Spelling.in(File).size() + 1;
    unsigned Shift = 0;
    for (unsigned At : It->second) {
      if (Offset < At + Shift)
        break;
      if (Offset < At + Shift + Length)
        return At; // Inside the attribute.
      Shift += Length;
    }
    return Offset - Shift;
  }

  /// Whether a unit that read \p Dependencies sees other attributes than
  /// it saw with \p Before (the previous round's insertions): a unit that
  /// sees the same ones would warn as it did.
  bool changedFor(ArrayRef<std::string> Dependencies,
                  const StringMap<std::vector<unsigned>> &Before) const {
    return llvm::any_of(Dependencies, [&](const std::string &D) {
      std::string File = normalizedPath(D);
      auto Now = Insertions.find(File), Then = Before.find(File);
      if (Now == Insertions.end() || Then == Before.end())
        return (Now == Insertions.end()) != (Then == Before.end());
      return Now->second != Then->second;
    });
  }

  const StringMap<std::string> &contents() const { return Contents; }
  const StringMap<std::vector<unsigned>> &insertions() const {
    return Insertions;
  }

  /// What is inserted in \p File at \p Offset of its text \p Original.
  std::string text(StringRef File, StringRef Original, unsigned Offset) const {
    return insertedText(Spelling.in(File), Original, Offset);
  }

private:
  const Spellings &Spelling;
  StringMap<std::string> &Originals;
  StringMap<std::vector<unsigned>> Insertions;
  StringMap<std::string> Contents;
};

/// Where clang refuses an attribute (a -Wfunction-effects warning), or
/// fails to compile the annotated code. No file: the parse failed.
struct Refusal {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0;
};

class RefusalCollector : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Warning)
      return;
    StringRef Flag =
        Info.getDiags()->getDiagnosticIDs()->getWarningOptionForDiag(
            Info.getID());
    // Other warnings, even as errors, were there before.
    if (Flag.empty() ? Level < DiagnosticsEngine::Error
                     : !Flag.starts_with("function-effect"))
      return;
    Refusal R;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      auto [File, Offset] =
          SM.getDecomposedLoc(SM.getFileLoc(Info.getLocation()));
      if (auto Entry = SM.getFileEntryRefForID(File)) {
        SmallString<256> Path(Entry->getName());
        (void)SM.getFileManager().getVirtualFileSystem().makeAbsolute(Path);
        R = {normalizedPath(Path), Offset, SM.getLineNumber(File, Offset)};
      }
    }
    Refusals.push_back(std::move(R));
  }

  std::vector<Refusal> Refusals;
};

/// -fsyntax-only, without "N warnings generated.".
class QuietSyntaxOnly : public tooling::FrontendActionFactory {
public:
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<SyntaxOnlyAction>();
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }
};

/// Parses \p File with the compile commands of \p Database, the annotated
/// files and clang's function-effect warnings on, into \p Collector; false
/// when it crashed or did not compile.
static bool refuse(const tooling::CompilationDatabase &Database, StringRef File,
                   const AnnotatedFiles &Files, RefusalCollector &Collector) {
  tooling::ClangTool Tool(Database, {File.str()},
                          std::make_shared<PCHContainerOperations>(),
                          vfs::createPhysicalFileSystem());
  adjustForParsing(Tool);
  Tool.appendArgumentsAdjuster(
      [](const tooling::CommandLineArguments &Args, StringRef) {
        tooling::CommandLineArguments Kept;
        for (const std::string &Arg : Args)
          if (Arg != "-w")
            Kept.push_back(Arg);
        return Kept;
      });
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      {"-Wno-error", "-Wfunction-effects", "-Wfunction-effect-redeclarations"},
      tooling::ArgumentInsertPosition::END));
  for (const auto &Entry : Files.contents())
    Tool.mapVirtualFile(Entry.first(), Entry.second);
  Tool.setDiagnosticConsumer(&Collector);
  Tool.setPrintErrorMessage(false);
  QuietSyntaxOnly Factory;
  int Status = 1;
  CrashRecoveryContext Recovery;
  return Recovery.RunSafely([&] { Status = Tool.run(&Factory); }) &&
         Status == 0;
}

/// Parses \p File as compiled, with the annotated files and clang's
/// function-effect warnings on.
std::vector<Refusal> refusalsOf(const tooling::CompilationDatabase &Database,
                                StringRef File, const AnnotatedFiles &Files) {
  RefusalCollector Collector;
  bool Failed = false;
  // One tool a command: no progress line for a file listed twice.
  forEachCommand(Database, File,
                 [&](const tooling::CompilationDatabase &Commands) {
                   Failed |= !refuse(Commands, File, Files, Collector);
                   return true;
                 });
  if (Failed && Collector.Refusals.empty())
    Collector.Refusals.push_back(Refusal());
  return std::move(Collector.Refusals);
}

/// Drops the selected functions a refusal is about, and returns whether
/// there were any: the one whose body holds it, else those declared on its
/// line, in its file, or anywhere in the unit. None: a warning of the
/// user's own attribute, there before.
class Rejecter {
public:
  Rejecter(const HeapGraph &Graph, ArrayRef<Annotation> Selected,
           const AnnotatedFiles &Files, std::vector<bool> &Rejected)
      : Graph(Graph), Selected(Selected), Files(Files), Rejected(Rejected) {}

  bool reject(const Refusal &R, ArrayRef<std::string> Dependencies) {
    if (!R.File.empty()) {
      SourcePoint At{R.File, Files.originalOffset(R.File, R.Offset), R.Line, 0};
      int F = Graph.original(Graph.functionAt(At));
      if (F >= 0 && rejectIf([&](const Annotation &A) {
            return llvm::is_contained(A.Nodes, F);
          }))
        return true;
      if (F >= 0 && Graph.node(F).Facts.Root)
        return false;
      if (rejectIf([&](const Annotation &A) {
            return hasPoint(A, [&](const SourcePoint &P) {
              return P.File == R.File && P.Line == R.Line;
            });
          }))
        return true;
      if (rejectIf([&](const Annotation &A) {
            return hasPoint(
                A, [&](const SourcePoint &P) { return P.File == R.File; });
          }))
        return true;
    }
    StringSet<> Read;
    for (const std::string &D : Dependencies)
      Read.insert(normalizedPath(D));
    return rejectIf([&](const Annotation &A) {
      return hasPoint(
          A, [&](const SourcePoint &P) { return Read.contains(P.File); });
    });
  }

private:
  template <typename Predicate>
  static bool hasPoint(const Annotation &A, Predicate P) {
    return llvm::any_of(A.Points, P);
  }

  template <typename Predicate> bool rejectIf(Predicate P) {
    bool Any = false;
    // Those rejected already were rejected in this round (a selection
    // leaves out the earlier rounds' rejections).
    for (const Annotation &A : Selected) {
      if (!P(A))
        continue;
      for (int N : A.Nodes)
        Rejected[N] = true;
      Any = true;
    }
    return Any;
  }

  const HeapGraph &Graph;
  ArrayRef<Annotation> Selected;
  const AnnotatedFiles &Files;
  std::vector<bool> &Rejected;
};

/// What the rounds share: the files as they are, the insertions of the
/// previous round, the functions clang refused, how many parses it took.
struct Rounds {
  StringMap<std::string> Originals;
  StringMap<std::vector<unsigned>> Before;
  std::vector<bool> Rejected;
  unsigned Parses = 0;
};

/// One round: whether clang accepts every attribute of \p Selected.
Expected<bool> acceptsAll(const LinkedRun &Run,
                          const tooling::CompilationDatabase &Database,
                          ArrayRef<TranslationUnitResult> Units,
                          ArrayRef<Annotation> Selected,
                          const Spellings &Spelling, Rounds &State) {
  AnnotatedFiles Files(Selected, Spelling, State.Originals);
  if (Error E = Files.write())
    return std::move(E);
  std::vector<std::vector<Refusal>> Refusals(Units.size());
  {
    DefaultThreadPool Pool(hardware_concurrency(cli::Jobs));
    for (size_t I = 0; I < Units.size(); ++I) {
      if (!Files.changedFor(Units[I].Dependencies, State.Before))
        continue;
      ++State.Parses;
      Pool.async([&, I] {
        Refusals[I] = refusalsOf(Database, Units[I].MainFile, Files);
      });
    }
    Pool.wait();
  }
  State.Before = Files.insertions();
  std::vector<bool> &Rejected = State.Rejected;
  Rejecter R(*Run.Graph, Selected, Files, Rejected);
  bool Accepted = true;
  for (size_t I = 0; I < Units.size(); ++I)
    for (const Refusal &Each : Refusals[I])
      Accepted &= !R.reject(Each, Units[I].Dependencies);
  return Accepted;
}

ClangTidyError finding(const Annotation &A, const Spellings &Spelling,
                       const StringMap<std::string> &Originals) {
  ClangTidyError E(AnnotateName, ClangTidyError::Remark, "",
                   /*IsWarningAsError=*/false);
  E.Message.Message = ("'" + A.Name + "' does not allocate: mark it " +
                       Spelling.in(A.Where.File))
                          .str();
  E.Message.FilePath = A.Where.File;
  E.Message.FileOffset = A.Where.Offset;
  auto originalText = [&](StringRef File) {
    auto It = Originals.find(File);
    return It == Originals.end() ? StringRef() : StringRef(It->second);
  };
  for (const SourcePoint &P : A.Points)
    cantFail(E.Message.Fix[P.File].add(Replacement(
        P.File, P.Offset, 0,
        insertedText(Spelling.in(P.File), originalText(P.File), P.Offset))));
  return E;
}

} // namespace

std::optional<int> annotate(const LinkedRun &Run,
                            const tooling::CompilationDatabase &Database,
                            ArrayRef<TranslationUnitResult> Units,
                            EffectAttribute Attribute,
                            std::vector<ClangTidyError> &Annotations) {
  Spellings Spelling(Attribute, Units);
  Rounds State;
  State.Rejected.resize(Run.Graph->size());
  for (unsigned Round = 0; Round < MaxRounds; ++Round) {
    std::vector<Annotation> Selected =
        selectAnnotations(*Run.Graph, State.Rejected);
    Expected<bool> Accepted =
        acceptsAll(Run, Database, Units, Selected, Spelling, State);
    if (!Accepted) {
      WithColor::error(errs(), "noalloc")
          << toString(Accepted.takeError()) << "\n";
      return 2;
    }
    if (*Accepted) {
      for (const Annotation &A : Selected)
        Annotations.push_back(finding(A, Spelling, State.Originals));
      if (cli::Stats)
        errs() << "noalloc: annotate: " << Round + 1
               << (Round ? " rounds" : " round") << " of clang's check ("
               << State.Parses << (State.Parses == 1 ? " parse" : " parses")
               << "), " << llvm::count(State.Rejected, true) << " refused\n";
      return std::nullopt;
    }
  }
  WithColor::error(errs(), "noalloc")
      << "clang still refuses " << Spelling.standard() << " after " << MaxRounds
      << " rounds; no function has been annotated\n";
  return 2;
}

} // namespace noalloc
