//===--- Facts.cpp - What one translation unit knows about the heap -------===//

#include "facts/Facts.h"
#include "facts/BoundedJSON.h"

using namespace llvm;

namespace noalloc {

// Points name their file by an index into the unit's file table; while
// writing, the table is collected here, and while reading, "#N" stands for
// entry N until the table is applied.
static thread_local std::vector<std::string> *FileTable = nullptr;

static json::Value toJSON(const SourcePoint &P) {
  auto It = llvm::find(*FileTable, P.File);
  size_t Index = It - FileTable->begin();
  if (It == FileTable->end())
    FileTable->push_back(P.File);
  return json::Array{Index, P.Offset, P.Line, P.Column};
}

static bool fromJSON(const json::Value &V, SourcePoint &P, json::Path Path) {
  const json::Array *A = V.getAsArray();
  if (!A || A->size() != 4) {
    Path.report("expected [file, offset, line, column]");
    return false;
  }
  auto File = (*A)[0].getAsUINT64();
  auto Offset = (*A)[1].getAsUINT64(), Line = (*A)[2].getAsUINT64(),
       Column = (*A)[3].getAsUINT64();
  if (!File || !Offset || !Line || !Column) {
    Path.report("expected [file, offset, line, column]");
    return false;
  }
  P = {"#" + std::to_string(*File), unsigned(*Offset), unsigned(*Line),
       unsigned(*Column)};
  return true;
}

static StringRef kindName(CallKind K) {
  switch (K) {
  case CallKind::Direct:
    return "direct";
  case CallKind::Virtual:
    return "virtual";
  case CallKind::Indirect:
    return "indirect";
  }
  llvm_unreachable("unknown call kind");
}

static bool fromJSON(const json::Value &V, CallKind &K, json::Path Path) {
  auto S = V.getAsString();
  if (S == "direct")
    K = CallKind::Direct;
  else if (S == "virtual")
    K = CallKind::Virtual;
  else if (S == "indirect")
    K = CallKind::Indirect;
  else {
    Path.report("expected direct, virtual or indirect");
    return false;
  }
  return true;
}

static json::Value toJSON(const HeapSite &S) {
  return json::Object{{"what", S.Description},
                      {"at", toJSON(S.Where)},
                      {"allocates", S.Allocates},
                      {"accepted", S.Accepted}};
}

static bool fromJSON(const json::Value &V, HeapSite &S, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("what", S.Description) && O.map("at", S.Where) &&
         O.map("allocates", S.Allocates) && O.map("accepted", S.Accepted);
}

static json::Value toJSON(const CallSite &C) {
  return json::Object{{"kind", kindName(C.Kind)}, {"callee", C.Callee},
                      {"name", C.CalleeName},     {"at", toJSON(C.Where)},
                      {"accepted", C.Accepted},   {"reportable", C.Reportable}};
}

static bool fromJSON(const json::Value &V, CallSite &C, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("kind", C.Kind) && O.map("callee", C.Callee) &&
         O.map("name", C.CalleeName) && O.map("at", C.Where) &&
         O.map("accepted", C.Accepted) && O.map("reportable", C.Reportable);
}

static json::Value toJSON(const FunctionFacts &F) {
  json::Array Sites, Calls;
  for (const HeapSite &S : F.Sites)
    Sites.push_back(toJSON(S));
  for (const CallSite &C : F.Calls)
    Calls.push_back(toJSON(C));
  return json::Object{{"usr", F.USR},
                      {"name", F.Name},
                      {"at", toJSON(F.Where)},
                      {"end", F.EndOffset},
                      {"defined", F.Defined},
                      {"system", F.InSystemHeader},
                      {"knowledge", F.KnowledgeName},
                      {"class", F.KnowledgeClass},
                      {"root", F.Root},
                      {"allowed", F.Allowed},
                      {"address_taken", F.AddressTaken},
                      {"constructor", F.Constructor},
                      {"summary", F.Summary},
                      {"strict_summary", F.StrictSummary},
                      {"signature", F.Signature},
                      {"overrides", F.Overrides},
                      {"sites", std::move(Sites)},
                      {"calls", std::move(Calls)}};
}

static bool fromJSON(const json::Value &V, FunctionFacts &F, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("usr", F.USR) && O.map("name", F.Name) &&
         O.map("at", F.Where) && O.map("end", F.EndOffset) &&
         O.map("defined", F.Defined) && O.map("system", F.InSystemHeader) &&
         O.map("knowledge", F.KnowledgeName) &&
         O.map("class", F.KnowledgeClass) && O.map("root", F.Root) &&
         O.map("allowed", F.Allowed) &&
         O.map("address_taken", F.AddressTaken) &&
         O.map("constructor", F.Constructor) && O.map("summary", F.Summary) &&
         O.map("strict_summary", F.StrictSummary) &&
         O.map("signature", F.Signature) && O.map("overrides", F.Overrides) &&
         O.map("sites", F.Sites) && O.map("calls", F.Calls);
}

json::Value toJSON(const TranslationUnitFacts &Facts) {
  std::vector<std::string> Files;
  FileTable = &Files;
  json::Array Functions;
  for (const FunctionFacts &F : Facts.Functions)
    Functions.push_back(toJSON(F));
  FileTable = nullptr;
  return json::Object{{"format", "noalloc-facts"},
                      {"version", TranslationUnitFacts::FormatVersion},
                      {"main_file", Facts.MainFile},
                      {"files", std::move(Files)},
                      {"functions", std::move(Functions)}};
}

/// Replaces "#N" with the file table's entry N; false if out of range.
static bool applyFileTable(SourcePoint &P,
                           const std::vector<std::string> &Files) {
  unsigned Index;
  if (!StringRef(P.File).drop_front().getAsInteger(10, Index) &&
      Index < Files.size()) {
    P.File = Files[Index];
    return true;
  }
  return false;
}

Expected<TranslationUnitFacts> factsFromJSON(StringRef Text) {
  Expected<json::Value> Parsed = parseJSON(Text);
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *Top = Parsed->getAsObject();
  if (!Top || Top->getString("format") != "noalloc-facts")
    return createStringError(inconvertibleErrorCode(),
                             "not a noalloc facts file");
  if (Top->getInteger("version") !=
      int64_t(TranslationUnitFacts::FormatVersion))
    return createStringError(inconvertibleErrorCode(),
                             "facts format version %lld, expected %u",
                             (long long)Top->getInteger("version").value_or(0),
                             TranslationUnitFacts::FormatVersion);
  TranslationUnitFacts Facts;
  std::vector<std::string> Files;
  json::Path::Root Root("facts");
  json::ObjectMapper O(*Parsed, Root);
  if (!O || !O.map("main_file", Facts.MainFile) || !O.map("files", Files) ||
      !O.map("functions", Facts.Functions))
    return Root.getError();
  bool Valid = true;
  for (FunctionFacts &F : Facts.Functions) {
    Valid &= applyFileTable(F.Where, Files);
    for (HeapSite &S : F.Sites)
      Valid &= applyFileTable(S.Where, Files);
    for (CallSite &C : F.Calls)
      Valid &= applyFileTable(C.Where, Files);
  }
  if (!Valid)
    return createStringError(inconvertibleErrorCode(),
                             "a location names no file of the table");
  return Facts;
}

} // namespace noalloc
