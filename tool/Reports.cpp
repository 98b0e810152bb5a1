//===--- Reports.cpp - Findings for machines: SARIF, JSON, baselines ------===//

#include "Reports.h"
#include "CheckRegistry.h"
#include "SafeOutput.h"
#include "facts/BoundedJSON.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/Sarif.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringExtras.h"
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
        Diags(DiagnosticIDs::create(), Options, new IgnoringDiagConsumer()),
        SM(Diags, Files) {}
  DiagnosticOptions Options;
  FileManager Files;
  DiagnosticsEngine Diags;
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
  Result.LineText =
      Buffer.slice(Begin, End == StringRef::npos ? Buffer.size() : End)
          .trim()
          .str();
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

static std::string relativeTo(StringRef Path, StringRef Base) {
  SmallString<256> Here(Base);
  if (Here.empty() && sys::fs::current_path(Here))
    return Path.str();
  StringRef Rest = Path;
  if (Rest.consume_front(Here) && sys::path::is_separator(Rest.front()))
    return Rest.drop_front().str();
  return Path.str();
}

std::vector<std::string> fingerprints(ArrayRef<ClangTidyError> Errors,
                                      SourceFiles &Files, StringRef Base) {
  std::vector<std::string> Result;
  std::map<std::string, unsigned> Seen;
  for (const ClangTidyError &E : Errors) {
    SourceFiles::Position Pos =
        Files.position(E.Message.FilePath, E.Message.FileOffset);
    std::string Key = E.DiagnosticName + '\0' +
                      relativeTo(E.Message.FilePath, Base) + '\0' +
                      E.Message.Message + '\0' + Pos.LineText;
    unsigned Occurrence = Seen[Key]++;
    Key += '\0' + std::to_string(Occurrence);
    Result.push_back(utohexstr(xxh3_64bits(Key), true, 16));
  }
  return Result;
}

/// The registry's description of \p Check, for SARIF's rule metadata.
static std::string ruleDescription(StringRef Check) {
  if (const CheckInfo *Info = findCheck(Check))
    return Info->Description.str();
  return "Compiler diagnostic.";
}

void writeSarif(ArrayRef<ClangTidyError> Errors, ArrayRef<std::string> Checks,
                StringRef DocsURL, SourceFiles &Files, raw_ostream &OS) {
  SarifDocumentWriter Writer(Files.sourceManager());
  Writer.createRun("noalloc", "noalloc heap-use analyzer", NOALLOC_VERSION);
  std::map<std::string, size_t> Rules;
  auto Rule = [&](StringRef Check) {
    auto It = Rules.find(Check.str());
    if (It != Rules.end())
      return It->second;
    // SARIF wants a name distinct from the id: noalloc-new-delete is
    // NewDelete.
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
    SarifRule R =
        SarifRule::create().setRuleId(Check).setName(Name).setDescription(
            ruleDescription(Check));
    if (Check.starts_with("noalloc-") && !DocsURL.empty())
      R = R.setHelpURI((DocsURL + Check + ".md").str());
    size_t Index = Writer.createRule(R);
    Rules[Check.str()] = Index;
    return Index;
  };
  for (const std::string &Check : Checks)
    Rule(Check);
  std::vector<std::string> Prints = fingerprints(Errors, Files);
  for (size_t I = 0; I < Errors.size(); ++I) {
    const ClangTidyError &E = Errors[I];
    CharSourceRange Where =
        Files.range(E.Message.FilePath, E.Message.FileOffset);
    SarifResult Result =
        SarifResult::create(Rule(E.DiagnosticName))
            .setRuleId(E.DiagnosticName)
            .setDiagnosticMessage(E.Message.Message)
            .setDiagnosticLevel(E.DiagLevel == ClangTidyError::Error
                                    ? SarifResultLevel::Error
                                    : SarifResultLevel::Warning)
            .addPartialFingerprint("noalloc/v1", Prints[I]);
    if (Where.isValid())
      Result = Result.addLocations({Where});
    // The chain: related locations, and a code flow with each step's text.
    SmallVector<CharSourceRange, 4> Related;
    SmallVector<ThreadFlow, 4> Flow;
    if (Where.isValid())
      Flow.push_back(ThreadFlow::create()
                         .setRange(Where)
                         .setImportance(ThreadFlowImportance::Essential)
                         .setMessage(E.Message.Message));
    for (const auto &Note : E.Notes) {
      CharSourceRange R = Files.range(Note.FilePath, Note.FileOffset);
      if (R.isInvalid())
        continue;
      Related.push_back(R);
      Flow.push_back(ThreadFlow::create()
                         .setRange(R)
                         .setImportance(ThreadFlowImportance::Important)
                         .setMessage(Note.Message));
    }
    if (!Related.empty()) {
      Result = Result.addRelatedLocations(Related);
      Result = Result.setThreadFlows(Flow);
    }
    Writer.appendResult(Result);
  }
  Writer.endRun();
  json::Object Document = Writer.createDocument();
  // clang's writer has no fixes: add SARIF's own, one per fix-it.
  if (json::Array *Runs = Document.getArray("runs"))
    if (!Runs->empty())
      if (json::Array *Results = (*Runs)[0].getAsObject()->getArray("results"))
        for (size_t I = 0; I < Results->size() && I < Errors.size(); ++I) {
          const ClangTidyError &E = Errors[I];
          json::Array Changes;
          for (const auto &[File, Replacements] : E.Message.Fix) {
            json::Array Edits;
            for (const tooling::Replacement &R : Replacements) {
              json::Object Edit{{"deletedRegion",
                                 json::Object{{"byteOffset", R.getOffset()},
                                              {"byteLength", R.getLength()}}}};
              if (!R.getReplacementText().empty())
                Edit["insertedContent"] =
                    json::Object{{"text", R.getReplacementText()}};
              Edits.push_back(std::move(Edit));
            }
            Changes.push_back(
                json::Object{{"artifactLocation",
                              json::Object{{"uri", "file://" + File.str()}}},
                             {"replacements", std::move(Edits)}});
          }
          if (Changes.empty())
            continue;
          std::string Description = "Replace with fixed-capacity storage";
          for (const auto &Note : E.Notes)
            if (StringRef(Note.Message).starts_with("replace with"))
              Description = Note.Message;
          (*Results)[I].getAsObject()->insert(
              {"fixes",
               json::Array{json::Object{
                   {"description", json::Object{{"text", Description}}},
                   {"artifactChanges", std::move(Changes)}}}});
        }
  OS << formatv("{0:2}", json::Value(std::move(Document))) << "\n";
}

static json::Object point(SourceFiles &Files, StringRef File, unsigned Offset) {
  SourceFiles::Position Pos = Files.position(File, Offset);
  return json::Object{
      {"file", File}, {"line", Pos.Line}, {"column", Pos.Column}};
}

void writeJson(ArrayRef<ClangTidyError> Errors,
               ArrayRef<FunctionSummary> FunctionVerdicts,
               SourceFiles &Files, raw_ostream &OS) {
  json::Array Findings, Functions;
  std::vector<std::string> Prints = fingerprints(Errors, Files);
  for (size_t I = 0; I < Errors.size(); ++I) {
    const ClangTidyError &E = Errors[I];
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
    F["fingerprint"] = Prints[I];
    Findings.push_back(std::move(F));
  }
  for (const FunctionSummary &S : FunctionVerdicts) {
      json::Array Chain;
      for (const ChainStep &Step : S.Chain) {
        json::Object C{{"message", Step.Message},
                       {"file", Step.Where.File},
                       {"line", Step.Where.Line},
                       {"column", Step.Where.Column}};
        Chain.push_back(std::move(C));
      }
      Functions.push_back(json::Object{{"name", S.Name},
                                       {"usr", S.USR},
                                       {"file", S.Where.File},
                                       {"line", S.Where.Line},
                                       {"column", S.Where.Column},
                                       {"effect", effectName(S.Lattice)},
                                       {"verdict", effectName(S.Answer)},
                                       {"may_allocate", S.MayAllocate},
                                       {"may_use_heap", S.MayRelease},
                                       {"chain", std::move(Chain)}});
    }
  json::Object Document{{"format", "noalloc-report"},
                        {"version", 2},
                        {"findings", std::move(Findings)},
                        {"functions", std::move(Functions)}};
  OS << formatv("{0:2}", json::Value(std::move(Document))) << "\n";
}

Error writeBaseline(StringRef Path, ArrayRef<std::string> Fingerprints) {
  json::Array Prints;
  for (const std::string &F : Fingerprints)
    Prints.push_back(F);
  return writeFileSafely(Path, [&](raw_fd_ostream &OS) {
    OS << formatv("{0:2}", json::Value(json::Object{
                               {"format", "noalloc-baseline"},
                               {"version", 1},
                               {"fingerprints", std::move(Prints)}}))
       << "\n";
    return Error::success();
  });
}

Expected<StringSet<>> readBaseline(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read baseline '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  Expected<json::Value> Parsed = parseJSON((*Buffer)->getBuffer());
  if (!Parsed)
    return createStringError(inconvertibleErrorCode(),
                             "invalid baseline '%s': %s", Path.str().c_str(),
                             toString(Parsed.takeError()).c_str());
  const json::Object *Top = Parsed->getAsObject();
  const json::Array *Prints = Top ? Top->getArray("fingerprints") : nullptr;
  if (!Top || Top->getString("format") != "noalloc-baseline" || !Prints)
    return createStringError(inconvertibleErrorCode(),
                             "'%s' is not a noalloc baseline",
                             Path.str().c_str());
  StringSet<> Result;
  for (const json::Value &V : *Prints)
    if (auto S = V.getAsString())
      Result.insert(*S);
  return Result;
}

} // namespace noalloc
