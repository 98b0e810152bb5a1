//===--- Facts.cpp - What one translation unit knows about the heap -------===//

#include "facts/Facts.h"
#include "facts/BoundedJSON.h"
#include "utils/Paths.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace noalloc {

// Points name their file by an index into the unit's file table; while
// writing, the table is collected here, and while reading, "#N" stands for
// entry N until the table is applied.
static thread_local std::vector<std::string> *FileTable = nullptr;

std::string fileLineColumn(const SourcePoint &P) {
  return P.File + ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
}

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
  case CallKind::Block:
    return "block";
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
  else if (S == "block")
    K = CallKind::Block;
  else {
    Path.report("expected direct, virtual, indirect or block");
    return false;
  }
  return true;
}

bool contradicts(const ParameterValue &Passed, const ParameterValue &Guard) {
  if (Passed.Parameter != Guard.Parameter || Passed.Field != Guard.Field ||
      Passed.Field == ForwardedField || (!Passed.Equals && !Guard.Equals))
    return false;
  // Equal to a value, the argument fails a guard on another; differing
  // from one, it fails only the guard that it equals that one.
  bool Same = Passed.Value == Guard.Value;
  return Passed.Equals && Guard.Equals ? !Same : Same;
}

bool allocates(SiteKind Kind) {
  return Kind != SiteKind::Delete && Kind != SiteKind::OperatorDelete;
}

/// Names of an enumeration's values in the JSON format.
template <typename Enum> struct EnumNames;
template <> struct EnumNames<SiteKind> {
  static constexpr std::pair<SiteKind, StringLiteral> Values[] = {
      {SiteKind::New, "new"},
      {SiteKind::Delete, "delete"},
      {SiteKind::OperatorNew, "operator_new"},
      {SiteKind::OperatorDelete, "operator_delete"},
      {SiteKind::Throw, "throw"},
      {SiteKind::CoroutineFrame, "coroutine_frame"},
      {SiteKind::ThreadExit, "thread_exit"}};
};
template <> struct EnumNames<ObjectMemory> {
  static constexpr std::pair<ObjectMemory, StringLiteral> Values[] = {
      {ObjectMemory::None, "none"},
      {ObjectMemory::Heap, "heap"},
      {ObjectMemory::MemoryResource, "memory_resource"},
      {ObjectMemory::CustomAllocator, "custom_allocator"},
      {ObjectMemory::BoundedResource, "bounded_resource"}};
};

template <typename Enum> static StringRef enumName(Enum E) {
  for (const auto &[Value, Name] : EnumNames<Enum>::Values)
    if (Value == E)
      return Name;
  llvm_unreachable("unnamed enumeration value");
}

template <typename Enum>
static bool enumFromJSON(const json::Value &V, Enum &E, json::Path Path) {
  if (auto S = V.getAsString())
    for (const auto &[Value, Name] : EnumNames<Enum>::Values)
      if (Name == *S) {
        E = Value;
        return true;
      }
  Path.report("unknown value");
  return false;
}

static bool fromJSON(const json::Value &V, SiteKind &K, json::Path Path) {
  return enumFromJSON(V, K, Path);
}
static bool fromJSON(const json::Value &V, ObjectMemory &M, json::Path Path) {
  return enumFromJSON(V, M, Path);
}

/// [parameter, "==" or "!=", value], and the field when there is one.
static json::Value toJSON(const ParameterValue &V) {
  json::Array A{V.Parameter, V.Equals ? "==" : "!=", V.Value};
  if (!V.Field.empty())
    A.push_back(V.Field);
  return A;
}

static bool fromJSON(const json::Value &V, ParameterValue &P, json::Path Path) {
  const json::Array *A = V.getAsArray();
  std::optional<uint64_t> Parameter;
  std::optional<StringRef> Relation;
  std::optional<int64_t> Value;
  std::optional<StringRef> Field = "";
  if (A && (A->size() == 3 || A->size() == 4)) {
    Parameter = (*A)[0].getAsUINT64();
    Relation = (*A)[1].getAsString();
    Value = (*A)[2].getAsInteger();
    if (A->size() == 4)
      Field = (*A)[3].getAsString();
  }
  if (!Parameter || *Parameter > UINT32_MAX || !Value || !Field ||
      (Relation != "==" && Relation != "!=")) {
    Path.report("expected [parameter, \"==\" or \"!=\", value, field]");
    return false;
  }
  P = {unsigned(*Parameter), Relation == "==", *Value, Field->str()};
  return true;
}

/// Writes \p Values as \p Key of \p O, when there are some: most code has
/// none.
static void putValues(json::Object &O, StringRef Key,
                      const std::vector<ParameterValue> &Values) {
  if (Values.empty())
    return;
  json::Array A;
  for (const ParameterValue &V : Values)
    A.push_back(toJSON(V));
  O[Key] = std::move(A);
}

static json::Value toJSON(const HeapSite &S) {
  json::Object O{{"kind", enumName(S.Kind)}, {"what", S.Description},
                 {"at", toJSON(S.Where)},    {"accepted", S.Accepted},
                 {"exception", S.Exception}, {"variable", S.Variable}};
  putValues(O, "guards", S.Guards);
  return O;
}

static bool fromJSON(const json::Value &V, HeapSite &S, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("kind", S.Kind) && O.map("what", S.Description) &&
         O.map("at", S.Where) && O.map("accepted", S.Accepted) &&
         O.map("exception", S.Exception) && O.map("variable", S.Variable) &&
         O.mapOptional("guards", S.Guards);
}

static json::Value toJSON(const CallSite &C) {
  json::Object O{{"kind", kindName(C.Kind)},
                 {"callee", C.Callee},
                 {"name", C.CalleeName},
                 {"at", toJSON(C.Where)},
                 {"accepted", C.Accepted},
                 {"object", enumName(C.Object)},
                 {"object_outside", C.ObjectOutside},
                 {"in_throw", C.InThrow},
                 {"in_noreturn_call", C.InNoReturnCall},
                 {"in_catch", C.InCatch},
                 {"pointer", C.Pointer},
                 {"nonallocating", C.Nonallocating},
                 {"open_to_clients", C.OpenToClients},
                 {"object_parameter", C.ObjectParameter}};
  if (!C.ObjectDeclared.File.empty())
    O["object_declared"] = toJSON(C.ObjectDeclared);
  if (!C.Member.empty()) {
    O["member"] = C.Member;
    O["member_type"] = C.MemberType;
  }
  putValues(O, "guards", C.Guards);
  putValues(O, "arguments", C.Arguments);
  return O;
}

static bool fromJSON(const json::Value &V, CallSite &C, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("kind", C.Kind) && O.map("callee", C.Callee) &&
         O.map("name", C.CalleeName) && O.map("at", C.Where) &&
         O.map("accepted", C.Accepted) && O.map("object", C.Object) &&
         O.map("object_outside", C.ObjectOutside) &&
         O.mapOptional("object_declared", C.ObjectDeclared) &&
         O.mapOptional("member", C.Member) &&
         O.mapOptional("member_type", C.MemberType) &&
         O.map("in_throw", C.InThrow) &&
         O.map("in_noreturn_call", C.InNoReturnCall) &&
         O.map("in_catch", C.InCatch) && O.map("pointer", C.Pointer) &&
         O.map("nonallocating", C.Nonallocating) &&
         O.map("open_to_clients", C.OpenToClients) &&
         O.map("object_parameter", C.ObjectParameter) &&
         O.mapOptional("guards", C.Guards) &&
         O.mapOptional("arguments", C.Arguments);
}

static json::Value toJSON(const PointerFacts &P) {
  return json::Object{{"usr", P.USR},
                      {"functions", P.Functions},
                      {"other_writes", P.OtherWrites},
                      {"copied", P.Copied},
                      {"null_stored", P.NullStored},
                      {"writers", P.Writers},
                      {"sources", P.Sources},
                      {"unfollowed", P.Unfollowed}};
}

static bool fromJSON(const json::Value &V, PointerFacts &P, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("usr", P.USR) && O.map("functions", P.Functions) &&
         O.map("other_writes", P.OtherWrites) && O.map("copied", P.Copied) &&
         O.map("null_stored", P.NullStored) && O.map("writers", P.Writers) &&
         O.map("sources", P.Sources) && O.map("unfollowed", P.Unfollowed);
}

/// null when not summarised; else {"allocates", "releases", "unknown",
/// "may_allocate", "allocates_on_failure", "exception", "bounded"}.
static json::Value toJSON(const LibrarySummary &S) {
  if (!S.Summarised)
    return nullptr;
  return json::Object{{"allocates", S.Allocates},
                      {"releases", S.Releases},
                      {"unknown", S.Unknown},
                      {"may_allocate", S.MayAllocate},
                      {"allocates_on_failure", S.AllocatesOnFailure},
                      {"exception", S.Exception},
                      {"bounded", S.Bounded}};
}

static bool fromJSON(const json::Value &V, LibrarySummary &S,
                     json::Path Path) {
  S = LibrarySummary();
  if (V.getAsNull())
    return true;
  json::ObjectMapper O(V, Path);
  S.Summarised = true;
  return O && O.map("allocates", S.Allocates) &&
         O.map("releases", S.Releases) && O.map("unknown", S.Unknown) &&
         O.map("may_allocate", S.MayAllocate) &&
         O.map("allocates_on_failure", S.AllocatesOnFailure) &&
         O.map("exception", S.Exception) && O.map("bounded", S.Bounded);
}

static json::Value toJSON(const FunctionFacts &F) {
  json::Array Sites, Calls;
  for (const HeapSite &S : F.Sites)
    Sites.push_back(toJSON(S));
  for (const CallSite &C : F.Calls)
    Calls.push_back(toJSON(C));
  json::Array AttributeAt;
  for (const SourcePoint &P : F.AttributeAt)
    AttributeAt.push_back(toJSON(P));
  json::Object O{{"usr", F.USR},
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
                 {"address_escapes", F.AddressEscapes},
                 {"constructor", F.Constructor},
                 {"copy_or_move", F.CopyOrMove},
                 {"summary", toJSON(F.Summary)},
                 {"signature", F.Signature},
                 {"overrides", F.Overrides},
                 {"pure_virtual", F.PureVirtual},
                 {"attribute_at", std::move(AttributeAt)},
                 {"attribute_blocked", F.AttributeBlocked},
                 {"sites", std::move(Sites)},
                 {"calls", std::move(Calls)}};
  if (F.Implicit)
    O["implicit"] = true;
  if (F.Weak)
    O["weak"] = true;
  if (F.InlineOnly)
    O["inline_only"] = true;
  if (F.HandsOutCallables)
    O["hands_out_callables"] = true;
  if (!F.CastSignatures.empty())
    O["cast_signatures"] = F.CastSignatures;
  if (!F.WrittenFields.empty())
    O["written_fields"] = F.WrittenFields;
  return O;
}

static bool fromJSON(const json::Value &V, FunctionFacts &F, json::Path Path) {
  json::ObjectMapper O(V, Path);
  // Read as uint64_t: LLVM 19's JSON reads no unsigned int.
  uint64_t End = 0;
  bool Read =
      O && O.map("usr", F.USR) && O.map("name", F.Name) &&
      O.map("at", F.Where) && O.map("end", End) &&
      O.map("defined", F.Defined) && O.map("system", F.InSystemHeader) &&
      O.map("knowledge", F.KnowledgeName) && O.map("class", F.KnowledgeClass) &&
      O.map("root", F.Root) && O.map("allowed", F.Allowed) &&
      O.map("address_taken", F.AddressTaken) &&
      O.map("address_escapes", F.AddressEscapes) &&
      O.map("constructor", F.Constructor) &&
      O.map("copy_or_move", F.CopyOrMove) &&
      O.mapOptional("implicit", F.Implicit) && O.mapOptional("weak", F.Weak) &&
      O.mapOptional("inline_only", F.InlineOnly) &&
      O.mapOptional("hands_out_callables", F.HandsOutCallables) &&
      O.map("summary", F.Summary) && O.map("signature", F.Signature) &&
      O.mapOptional("cast_signatures", F.CastSignatures) &&
      O.mapOptional("written_fields", F.WrittenFields) &&
      O.map("overrides", F.Overrides) && O.map("pure_virtual", F.PureVirtual) &&
      O.map("attribute_at", F.AttributeAt) &&
      O.map("attribute_blocked", F.AttributeBlocked) &&
      O.map("sites", F.Sites) && O.map("calls", F.Calls);
  F.EndOffset = unsigned(End);
  return Read;
}

json::Value toJSON(const TranslationUnitFacts &Facts) {
  std::vector<std::string> Files;
  FileTable = &Files;
  json::Array Functions, Pointers;
  for (const FunctionFacts &F : Facts.Functions)
    Functions.push_back(toJSON(F));
  for (const PointerFacts &P : Facts.Pointers)
    Pointers.push_back(toJSON(P));
  FileTable = nullptr;
  for (std::string &File : Files)
    File = relativeTo(File, Facts.Root);
  return json::Object{{"format", "noalloc-facts"},
                      {"version", TranslationUnitFacts::FormatVersion},
                      {"main_file", relativeTo(Facts.MainFile, Facts.Root)},
                      {"knowledge_identity", Facts.Knowledge},
                      {"files", std::move(Files)},
                      {"functions", std::move(Functions)},
                      {"pointers", std::move(Pointers)}};
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

Expected<TranslationUnitFacts> factsFromJSON(StringRef Text,
                                             StringRef ProjectRoot) {
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
  if (!O || !O.map("main_file", Facts.MainFile) ||
      !O.map("knowledge_identity", Facts.Knowledge) || !O.map("files", Files) ||
      !O.map("functions", Facts.Functions) ||
      !O.map("pointers", Facts.Pointers))
    return Root.getError();
  Facts.Root = ProjectRoot.str();
  Facts.MainFile = resolvedAgainst(Facts.MainFile, ProjectRoot);
  for (std::string &File : Files)
    File = resolvedAgainst(File, ProjectRoot);
  bool Valid = true;
  for (FunctionFacts &F : Facts.Functions) {
    Valid &= applyFileTable(F.Where, Files);
    for (SourcePoint &P : F.AttributeAt)
      Valid &= applyFileTable(P, Files);
    for (HeapSite &S : F.Sites)
      Valid &= applyFileTable(S.Where, Files);
    for (CallSite &C : F.Calls)
      Valid &= applyFileTable(C.Where, Files) &&
               (C.ObjectDeclared.File.empty() ||
                applyFileTable(C.ObjectDeclared, Files));
  }
  if (!Valid)
    return createStringError(inconvertibleErrorCode(),
                             "a location names no file of the table");
  return Facts;
}

} // namespace noalloc
