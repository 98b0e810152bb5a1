//===--- Reports.cpp - Findings for machines: SARIF, JSON, baselines ------===//

#include "Reports.h"
#include "CheckRegistry.h"
#include "SafeOutput.h"
#include "facts/BoundedJSON.h"
#include "utils/LLVMCompat.h"
#include "utils/Paths.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <map>

using namespace clang;
using namespace llvm;
using clang::tidy::ClangTidyError;

namespace noalloc {

struct SourceFiles::Impl {
  Impl()
      : Files(FileSystemOptions()),
        Diags(compat::newDiagnosticsEngine(Options, new IgnoringDiagConsumer(),
                                           /*ShouldOwnClient=*/true)),
        SM(*Diags, Files) {}
  DiagnosticOptions Options;
  FileManager Files;
  std::unique_ptr<DiagnosticsEngine> Diags;
  SourceManager SM;
  std::map<std::string, FileID> IDs;

  SourceLocation location(StringRef File, unsigned Offset) {
    auto [It, Inserted] = IDs.try_emplace(File.str());
    if (Inserted)
      if (auto Ref = Files.getOptionalFileRef(File))
        It->second = SM.getOrCreateFileID(*Ref, SrcMgr::C_User);
    if (It->second.isInvalid())
      return SourceLocation();
    bool Invalid = false;
    StringRef Buffer = SM.getBufferData(It->second, &Invalid);
    if (Invalid || Offset > Buffer.size())
      return SourceLocation();
    return SM.getComposedLoc(It->second, Offset);
  }
};

SourceFiles::SourceFiles() : P(std::make_unique<Impl>()) {}
SourceFiles::~SourceFiles() = default;

const SourceManager &SourceFiles::sourceManager() const { return P->SM; }

SourceFiles::Position SourceFiles::position(StringRef File, unsigned Offset) {
  Position Result;
  SourceLocation Loc = P->location(File, Offset);
  if (Loc.isInvalid())
    return Result;
  auto [ID, Off] = P->SM.getDecomposedLoc(Loc);
  Result.Line = P->SM.getLineNumber(ID, Off);
  Result.Column = P->SM.getColumnNumber(ID, Off);
  Result.Length =
      std::max(1u, Lexer::MeasureTokenLength(Loc, P->SM, LangOptions()));
  StringRef Buffer = P->SM.getBufferData(ID);
  size_t Begin = Buffer.rfind('\n', Off);
  Begin = Begin == StringRef::npos ? 0 : Begin + 1;
  size_t End = Buffer.find('\n', Off);
  Result.UntrimmedLine =
      Buffer.slice(Begin, End == StringRef::npos ? Buffer.size() : End).str();
  Result.LineText = StringRef(Result.UntrimmedLine).trim().str();
  Result.Valid = true;
  return Result;
}

CharSourceRange SourceFiles::range(StringRef File, unsigned Offset) {
  SourceLocation Loc = P->location(File, Offset);
  if (Loc.isInvalid())
    return CharSourceRange();
  unsigned Length =
      std::max(1u, Lexer::MeasureTokenLength(Loc, P->SM, LangOptions()));
  return CharSourceRange::getCharRange(Loc, Loc.getLocWithOffset(Length));
}

std::string RunSummary::line() const {
  if (Failed.size() >= FilesAnalysed)
    return "";
  size_t FileCount = Findings ? FilesWithFindings : FilesAnalysed;
  return std::to_string(Findings) + (Findings == 1 ? " finding" : " findings") +
         " in " + std::to_string(FileCount) +
         (FileCount == 1 ? " file" : " files");
}

std::vector<std::string> fingerprints(ArrayRef<ClangTidyError> Errors,
                                      SourceFiles &Files, StringRef Base) {
  // Relative to the current directory when no base is given.
  SmallString<256> Here(Base);
  if (Here.empty())
    (void)sys::fs::current_path(Here);
  std::vector<std::string> Result;
  std::map<std::string, unsigned> Seen;
  for (const ClangTidyError &E : Errors) {
    SourceFiles::Position Pos =
        Files.position(E.Message.FilePath, E.Message.FileOffset);
    std::string Key = E.DiagnosticName + '\0' +
                      relativeTo(E.Message.FilePath, Here) + '\0' +
                      E.Message.Message + '\0' + Pos.LineText;
    unsigned Occurrence = Seen[Key]++;
    Key += '\0' + std::to_string(Occurrence);
    Result.push_back(utohexstr(xxh3_64bits(Key), true, 16));
  }
  return Result;
}

/// SARIF's name for a rule, distinct from its id: noalloc-new-delete is
/// NewDelete.
static std::string ruleName(StringRef Check) {
  std::string Name;
  StringRef Rest = Check;
  Rest.consume_front("noalloc-");
  bool Upper = true;
  for (char C : Rest) {
    if (C == '-') {
      Upper = true;
      continue;
    }
    Name += Upper ? toUpper(C) : C;
    Upper = false;
  }
  return Name;
}

std::string checkHelpURI(StringRef Check, StringRef DocsURL) {
  if (DocsURL.empty() || !findCheck(Check))
    return "";
  return (DocsURL + (DocsURL.ends_with("/") ? "" : "/") + Check + ".md").str();
}

/// A rule from the check registry: summary, description, help as text and
/// markdown, and a link to its page when the documentation has a URL.
static json::Object sarifRule(StringRef Check, StringRef DocsURL) {
  const CheckInfo *Info = findCheck(Check);
  std::string Summary = Info ? Info->Summary.str() : "Compiler diagnostic";
  std::string Description =
      Info ? Info->Description.str()
           : "A diagnostic of the compiler: the file does not compile as "
             "given, and its findings are incomplete.";
  std::string HelpURI = checkHelpURI(Check, DocsURL);
  std::string Markdown = "**" + Summary + ".** " + Description;
  if (!HelpURI.empty())
    Markdown += "\n\nSee [" + Check.str() + "](" + HelpURI + ").";
  json::Object Rule{
      {"id", Check},
      {"name", ruleName(Check)},
      {"shortDescription", json::Object{{"text", Summary}}},
      {"fullDescription", json::Object{{"text", Description}}},
      {"help", json::Object{{"text", Description}, {"markdown", Markdown}}},
      {"defaultConfiguration",
       json::Object{{"level", Info ? "warning" : "error"}}},
      {"properties",
       json::Object{{"tags", json::Array{"heap", "allocation"}},
                    {"precision", "high"},
                    {"problem.severity", Info ? "warning" : "error"}}}};
  if (!HelpURI.empty())
    Rule["helpUri"] = HelpURI;
  return Rule;
}

/// "file:///a/b/" for the directory \p Root.
static std::string directoryURI(StringRef Root) {
  std::string URI = "file://";
  for (char C : Root)
    URI += C == ' ' ? std::string("%20") : std::string(1, C);
  if (!StringRef(URI).ends_with("/"))
    URI += '/';
  return URI;
}

/// An artifact location: relative to %SRCROOT% when the file is under it.
static json::Object artifact(StringRef File, StringRef Root) {
  std::string Relative = relativeTo(File, Root);
  if (Relative != File && !Root.empty())
    return json::Object{{"uri", sys::path::convert_to_slash(Relative)},
                        {"uriBaseId", "%SRCROOT%"}};
  return json::Object{{"uri", directoryURI(sys::path::parent_path(File)) +
                                  sys::path::filename(File).str()}};
}

// SARIF results are written member by member, in the order json::Value
// prints an object's keys (sorted): a report of a million steps never
// exists as one tree of values.

static void writePhysicalLocation(json::OStream &J, SourceFiles &Files,
                                  StringRef File, unsigned Offset,
                                  StringRef Root) {
  J.attributeObject("physicalLocation", [&] {
    J.attribute("artifactLocation", artifact(File, Root));
    SourceFiles::Position Pos = Files.position(File, Offset);
    if (Pos.Valid)
      J.attributeObject("region", [&] {
        J.attribute("byteLength", Pos.Length);
        J.attribute("byteOffset", Offset);
        J.attribute("endColumn", Pos.Column + Pos.Length);
        J.attribute("endLine", Pos.Line);
        J.attribute("startColumn", Pos.Column);
        J.attribute("startLine", Pos.Line);
      });
  });
}

static void writeMessage(json::OStream &J, StringRef Text) {
  J.attributeObject("message", [&] { J.attribute("text", Text); });
}

/// Where the finding's own message belongs among its notes.
static size_t findingPositionInChain(const ClangTidyError &E) {
  StringRef Message = E.Message.Message;
  size_t Call = Message.find("call to '");
  if (Call != StringRef::npos) {
    StringRef Callee = Message.drop_front(Call + 9).split('\'').first;
    for (size_t I = 0; I < E.Notes.size(); ++I)
      if (StringRef(E.Notes[I].Message).starts_with("'" + Callee.str() + "'"))
        return I;
  }
  size_t After = 0;
  for (size_t I = 0; I < E.Notes.size(); ++I)
    if (StringRef(E.Notes[I].Message).contains("is a noalloc root"))
      After = I + 1;
  return After;
}

bool isChainStep(const ClangTidyError &E,
                 const tooling::DiagnosticMessage &Note) {
  StringRef Message = Note.Message;
  bool CountsOtherCalls = Message.consume_front("and ") && !Message.empty() &&
                          isDigit(Message.front());
  return E.DiagnosticName == "noalloc-call" && !CountsOtherCalls;
}

std::vector<const tooling::DiagnosticMessage *>
chainInRunOrder(const ClangTidyError &E) {
  std::vector<const tooling::DiagnosticMessage *> Steps;
  size_t Position = findingPositionInChain(E);
  for (size_t I = 0; I <= E.Notes.size(); ++I) {
    if (I == Position)
      Steps.push_back(&E.Message);
    if (I < E.Notes.size() && isChainStep(E, E.Notes[I]))
      Steps.push_back(&E.Notes[I]);
  }
  return Steps;
}

namespace {

/// The steps of every code flow of a run, each distinct one (its message,
/// place and importance) once: run.threadFlowLocations, which the flows
/// reference by index. Findings on one path share most of their steps.
class ThreadFlowLocations {
public:
  size_t indexOf(const tooling::DiagnosticMessage &Step, bool Essential) {
    std::string Key = std::string(Essential ? "e" : "i") + Step.FilePath +
                      '\0' + std::to_string(Step.FileOffset) + '\0' +
                      Step.Message;
    auto [It, Inserted] = Index.try_emplace(Key, Steps.size());
    if (Inserted)
      Steps.push_back({&Step, Essential});
    return It->second;
  }
  void write(json::OStream &J, SourceFiles &Files, StringRef Root) const {
    J.attributeArray("threadFlowLocations", [&] {
      for (const auto &Entry : Steps)
        J.object([&] {
          const tooling::DiagnosticMessage &Step = *Entry.first;
          J.attribute("importance", Entry.second ? "essential" : "important");
          J.attributeObject("location", [&] {
            writeMessage(J, Step.Message);
            writePhysicalLocation(J, Files, Step.FilePath, Step.FileOffset,
                                  Root);
          });
        });
    });
  }
  bool empty() const { return Steps.empty(); }

private:
  StringMap<size_t> Index;
  /// The findings' own messages and notes, which outlive the writer.
  std::vector<std::pair<const tooling::DiagnosticMessage *, bool>> Steps;
};

} // namespace

static void writeCodeFlow(json::OStream &J, const ClangTidyError &E,
                          ArrayRef<const tooling::DiagnosticMessage *> Chain,
                          ThreadFlowLocations &Shared) {
  J.object([&] {
    J.attributeArray("threadFlows", [&] {
      J.object([&] {
        J.attributeArray("locations", [&] {
          for (const tooling::DiagnosticMessage *M : Chain)
            J.object([&] {
              J.attribute("index", Shared.indexOf(*M, M == &E.Message));
            });
        });
      });
    });
  });
}

/// SARIF's fixes, one per fix-it.
static std::optional<json::Array> sarifFixes(const ClangTidyError &E,
                                             StringRef Root) {
  json::Array Changes;
  // The values refer to the replacements' text: no structured binding,
  // which copies them before LLVM 20 (LLVMCompat.h).
  for (const auto &File : E.Message.Fix) {
    json::Array Edits;
    for (const tooling::Replacement &R : File.getValue()) {
      json::Object Edit{{"deletedRegion",
                         json::Object{{"byteOffset", R.getOffset()},
                                      {"byteLength", R.getLength()}}}};
      if (!R.getReplacementText().empty())
        Edit["insertedContent"] = json::Object{{"text", R.getReplacementText()}};
      Edits.push_back(std::move(Edit));
    }
    Changes.push_back(
        json::Object{{"artifactLocation", artifact(File.getKey(), Root)},
                     {"replacements", std::move(Edits)}});
  }
  if (Changes.empty())
    return std::nullopt;
  std::string Description = "Replace with fixed-capacity storage";
  for (const auto &Note : E.Notes)
    if (StringRef(Note.Message).starts_with("replace with"))
      Description = Note.Message;
  return json::Array{
      json::Object{{"description", json::Object{{"text", Description}}},
                   {"artifactChanges", std::move(Changes)}}};
}

static void writeSarifResult(json::OStream &J, const ClangTidyError &E,
                             size_t RuleIndex, StringRef Fingerprint,
                             SourceFiles &Files, StringRef Root,
                             ThreadFlowLocations &Shared) {
  J.object([&] {
    std::vector<const tooling::DiagnosticMessage *> Chain = chainInRunOrder(E);
    if (Chain.size() > 1)
      J.attributeArray("codeFlows",
                       [&] { writeCodeFlow(J, E, Chain, Shared); });
    if (auto Fixes = sarifFixes(E, Root))
      J.attribute("fixes", std::move(*Fixes));
    J.attribute("level",
                E.DiagLevel == ClangTidyError::Error ? "error" : "warning");
    if (!E.Message.FilePath.empty())
      J.attributeArray("locations", [&] {
        J.object([&] {
          writePhysicalLocation(J, Files, E.Message.FilePath,
                                E.Message.FileOffset, Root);
        });
      });
    writeMessage(J, E.Message.Message);
    J.attributeObject("partialFingerprints",
                      [&] { J.attribute("noalloc/v1", Fingerprint); });
    if (!E.Notes.empty())
      J.attributeArray("relatedLocations", [&] {
        for (size_t I = 0; I < E.Notes.size(); ++I)
          J.object([&] {
            const tooling::DiagnosticMessage &N = E.Notes[I];
            J.attribute("id", I);
            writeMessage(J, N.Message);
            writePhysicalLocation(J, Files, N.FilePath, N.FileOffset, Root);
          });
      });
    J.attribute("ruleId", E.DiagnosticName);
    J.attribute("ruleIndex", RuleIndex);
  });
}

void writeSarif(ArrayRef<ClangTidyError> Errors, ArrayRef<std::string> Checks,
                const SarifOptions &Options, SourceFiles &Files,
                raw_ostream &OS) {
  // The enabled checks, then any other check a finding names.
  std::vector<std::string> RuleIds;
  std::map<std::string, size_t> RuleIndex;
  auto AddRule = [&](const std::string &Check) {
    if (RuleIndex.try_emplace(Check, RuleIds.size()).second)
      RuleIds.push_back(Check);
  };
  llvm::for_each(Checks, AddRule);
  for (const ClangTidyError &E : Errors)
    AddRule(E.DiagnosticName);
  // Fingerprints relative to the root: the same wherever noalloc runs.
  std::vector<std::string> Prints =
      fingerprints(Errors, Files, Options.SourceRoot);
  json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attribute("columnKind", "unicodeCodePoints");
        if (!Options.SourceRoot.empty())
          J.attribute(
              "originalUriBaseIds",
              json::Object{
                  {"%SRCROOT%",
                   json::Object{{"uri", directoryURI(Options.SourceRoot)}}}});
        ThreadFlowLocations Shared;
        J.attributeArray("results", [&] {
          for (size_t I = 0; I < Errors.size(); ++I)
            writeSarifResult(J, Errors[I], RuleIndex[Errors[I].DiagnosticName],
                             Prints[I], Files, Options.SourceRoot, Shared);
        });
        if (!Shared.empty())
          Shared.write(J, Files, Options.SourceRoot);
        json::Array Rules;
        for (const std::string &Check : RuleIds)
          Rules.push_back(sarifRule(Check, Options.DocsURL));
        json::Object Driver{{"name", "noalloc"},
                            {"fullName", "noalloc heap-use analyzer"},
                            {"version", NOALLOC_VERSION},
                            {"semanticVersion", NOALLOC_VERSION},
                            {"rules", std::move(Rules)}};
        if (!Options.InformationURI.empty())
          Driver["informationUri"] = Options.InformationURI;
        J.attribute("tool", json::Object{{"driver", std::move(Driver)}});
      });
    });
    J.attribute("version", "2.1.0");
  });
  OS << "\n";
}

static json::Object point(SourceFiles &Files, StringRef File, unsigned Offset) {
  SourceFiles::Position Pos = Files.position(File, Offset);
  return json::Object{
      {"file", File}, {"line", Pos.Line}, {"column", Pos.Column}};
}

static json::Object jsonFinding(const ClangTidyError &E, StringRef Fingerprint,
                                SourceFiles &Files) {
  json::Array Notes;
  for (const auto &N : E.Notes) {
    json::Object Note = point(Files, N.FilePath, N.FileOffset);
    Note["message"] = N.Message;
    Notes.push_back(std::move(Note));
  }
  json::Object F = point(Files, E.Message.FilePath, E.Message.FileOffset);
  F["check"] = E.DiagnosticName;
  F["level"] = E.DiagLevel == ClangTidyError::Error ? "error" : "warning";
  F["message"] = E.Message.Message;
  F["notes"] = std::move(Notes);
  F["fingerprint"] = Fingerprint;
  return F;
}

static json::Object jsonFunction(const FunctionSummary &S) {
  json::Array Chain;
  for (const ChainStep &Step : S.Chain)
    Chain.push_back(json::Object{{"message", Step.Message},
                                 {"file", Step.Where.File},
                                 {"line", Step.Where.Line},
                                 {"column", Step.Where.Column}});
  return json::Object{{"name", S.Name},
                      {"usr", S.USR},
                      {"file", S.Where.File},
                      {"line", S.Where.Line},
                      {"column", S.Where.Column},
                      {"effect", effectName(S.Lattice)},
                      {"verdict", effectName(S.Answer)},
                      {"may_allocate", S.MayAllocate},
                      {"may_use_heap", S.MayRelease},
                      {"chain", std::move(Chain)}};
}

/// The USRs of the roots, each once, in the functions' order: a root's
/// answer is its function's verdict and chain.
static std::vector<StringRef>
rootUSRs(ArrayRef<FunctionSummary> FunctionVerdicts) {
  std::vector<StringRef> Roots;
  StringSet<> Seen;
  for (const FunctionSummary &S : FunctionVerdicts)
    if (S.Root && Seen.insert(S.USR).second)
      Roots.push_back(S.USR);
  return Roots;
}

void writeJson(ArrayRef<ClangTidyError> Errors,
               ArrayRef<FunctionSummary> FunctionVerdicts,
               const RunSummary &Summary, SourceFiles &Files, raw_ostream &OS) {
  std::vector<std::string> Prints = fingerprints(Errors, Files);
  // One finding and one function at a time, keys in the order json::Value
  // prints them.
  json::OStream J(OS, 2);
  J.object([&] {
    J.attributeArray("findings", [&] {
      for (size_t I = 0; I < Errors.size(); ++I)
        J.value(jsonFinding(Errors[I], Prints[I], Files));
    });
    J.attribute("format", "noalloc-report");
    J.attributeArray("functions", [&] {
      for (const FunctionSummary &S : FunctionVerdicts)
        J.value(jsonFunction(S));
    });
    J.attributeArray("roots", [&] {
      for (StringRef USR : rootUSRs(FunctionVerdicts))
        J.value(USR);
    });
    // What the summary lines on standard error count.
    J.attribute(
        "summary",
        json::Object{{"accepted_library_calls", Summary.AcceptedLibrary.Calls},
                     {"unfollowed_calls", Summary.Unfollowed.total()}});
    J.attribute("version", 2);
  });
  OS << "\n";
}

Error writeBaseline(StringRef Path, ArrayRef<BaselineEntry> Entries) {
  json::Array Findings;
  for (const BaselineEntry &E : Entries)
    Findings.push_back(json::Object{{"file", E.File},
                                    {"line", E.Line},
                                    {"check", E.Check},
                                    {"message", E.Message},
                                    {"fingerprint", E.Fingerprint}});
  return writeFileSafely(Path, [&](raw_fd_ostream &OS) {
    OS << formatv("{0:2}", json::Value(json::Object{
                               {"format", "noalloc-baseline"},
                               {"version", 2},
                               {"findings", std::move(Findings)}}))
       << "\n";
    return Error::success();
  });
}

/// Version 2: readable entries; version 1: bare fingerprints.
static std::optional<std::vector<BaselineEntry>>
baselineEntries(const json::Object &Top) {
  std::vector<BaselineEntry> Result;
  if (const json::Array *Findings = Top.getArray("findings")) {
    for (const json::Value &V : *Findings) {
      const json::Object *O = V.getAsObject();
      if (!O || !O->getString("fingerprint"))
        return std::nullopt;
      BaselineEntry E;
      E.Fingerprint = O->getString("fingerprint")->str();
      E.File = O->getString("file").value_or("").str();
      E.Check = O->getString("check").value_or("").str();
      E.Message = O->getString("message").value_or("").str();
      E.Line = O->getInteger("line").value_or(0);
      Result.push_back(std::move(E));
    }
    return Result;
  }
  if (const json::Array *Prints = Top.getArray("fingerprints")) {
    for (const json::Value &V : *Prints)
      if (auto S = V.getAsString())
        Result.push_back(BaselineEntry{S->str(), "", 0, "", ""});
    return Result;
  }
  return std::nullopt;
}

Expected<std::vector<BaselineEntry>> readBaseline(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read baseline '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  return parseBaseline((*Buffer)->getBuffer(), Path);
}

Expected<std::vector<BaselineEntry>> parseBaseline(StringRef Text,
                                                   StringRef Name) {
  Expected<json::Value> Parsed = parseJSON(Text);
  if (!Parsed)
    return createStringError(inconvertibleErrorCode(),
                             "invalid baseline '%s': %s", Name.str().c_str(),
                             toString(Parsed.takeError()).c_str());
  const json::Object *Top = Parsed->getAsObject();
  std::optional<std::vector<BaselineEntry>> Entries;
  if (Top && Top->getString("format") == "noalloc-baseline") {
    // A newer noalloc's baseline may say what this one cannot read.
    std::optional<int64_t> Version = Top->getInteger("version");
    if (Version && (*Version < 1 || *Version > 2))
      return createStringError(
          inconvertibleErrorCode(),
          "baseline '%s' has version %lld; this noalloc reads versions 1 "
          "and 2",
          Name.str().c_str(), static_cast<long long>(*Version));
    Entries = baselineEntries(*Top);
  }
  if (!Entries)
    return createStringError(inconvertibleErrorCode(),
                             "'%s' is not a noalloc baseline",
                             Name.str().c_str());
  return std::move(*Entries);
}

} // namespace noalloc
