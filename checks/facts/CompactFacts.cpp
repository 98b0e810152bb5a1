//===--- CompactFacts.cpp - Facts as length-prefixed binary ---------------===//

#include "facts/CompactFacts.h"
#include "facts/ByteCoding.h"
#include "utils/Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace noalloc {

//===----------------------------------------------------------------------===//
// The fields, once: IO writes them (a const FunctionFacts) or reads them.
//===----------------------------------------------------------------------===//

template <typename IO, typename Summary>
static void mapSummary(IO &Io, Summary &S) {
  Io.flag(S.Summarised);
  Io.flag(S.Allocates);
  Io.flag(S.Releases);
  Io.flag(S.Unknown);
  Io.flag(S.MayAllocate);
  Io.flag(S.AllocatesOnFailure);
  Io.text(S.Exception);
  Io.flag(S.Bounded);
}

template <typename IO, typename Value>
static void mapValues(IO &Io, Value &Values) {
  Io.list(Values, [&](auto &V) {
    Io.number(V.Parameter);
    Io.flag(V.Equals);
    Io.integer(V.Value);
    Io.text(V.Field);
  });
}

template <typename IO, typename Site> static void mapSite(IO &Io, Site &S) {
  Io.enumeration(S.Kind, SiteKind::ThreadExit);
  Io.text(S.Description);
  Io.point(S.Where);
  Io.flag(S.Accepted);
  Io.text(S.Exception);
  Io.text(S.Variable);
  mapValues(Io, S.Guards);
}

template <typename IO, typename Call> static void mapCall(IO &Io, Call &C) {
  Io.enumeration(C.Kind, CallKind::Block);
  Io.text(C.Callee);
  Io.text(C.CalleeName);
  Io.point(C.Where);
  Io.flag(C.Accepted);
  Io.enumeration(C.Object, ObjectMemory::BoundedResource);
  Io.flag(C.ObjectOutside);
  // Only a captured variable has a declaration point: no empty file in the
  // table for the others.
  bool Declared = !C.ObjectDeclared.File.empty();
  Io.flag(Declared);
  if (Declared)
    Io.point(C.ObjectDeclared);
  Io.text(C.Member);
  Io.text(C.MemberType);
  Io.flag(C.InThrow);
  Io.flag(C.InNoReturnCall);
  Io.flag(C.InCatch);
  Io.text(C.Pointer);
  Io.flag(C.Nonallocating);
  Io.flag(C.OpenToClients);
  Io.text(C.ObjectParameter);
  mapValues(Io, C.Guards);
  mapValues(Io, C.Arguments);
}

template <typename IO, typename Function>
static void mapFunction(IO &Io, Function &F) {
  Io.text(F.USR);
  Io.text(F.Name);
  Io.point(F.Where);
  Io.number(F.EndOffset);
  Io.flag(F.Defined);
  Io.flag(F.Weak);
  Io.flag(F.InlineOnly);
  Io.flag(F.InSystemHeader);
  Io.text(F.KnowledgeName);
  Io.text(F.KnowledgeClass);
  Io.flag(F.Root);
  Io.flag(F.Allowed);
  Io.flag(F.AddressTaken);
  Io.flag(F.AddressEscapes);
  Io.flag(F.Constructor);
  Io.flag(F.CopyOrMove);
  Io.flag(F.Implicit);
  mapSummary(Io, F.Summary);
  Io.text(F.Signature);
  Io.list(F.CastSignatures, [&](auto &S) { Io.text(S); });
  Io.list(F.Overrides, [&](auto &S) { Io.text(S); });
  Io.flag(F.PureVirtual);
  Io.list(F.AttributeAt, [&](auto &P) { Io.point(P); });
  Io.flag(F.AttributeBlocked);
  Io.flag(F.HandsOutCallables);
  Io.list(F.WrittenFields, [&](auto &S) { Io.text(S); });
  Io.list(F.Sites, [&](auto &S) { mapSite(Io, S); });
  Io.list(F.Calls, [&](auto &C) { mapCall(Io, C); });
}

template <typename IO, typename Pointer>
static void mapPointer(IO &Io, Pointer &P) {
  Io.text(P.USR);
  Io.list(P.Functions, [&](auto &S) { Io.text(S); });
  Io.flag(P.OtherWrites);
  Io.flag(P.Copied);
  Io.flag(P.NullStored);
  Io.list(P.Writers, [&](auto &S) { Io.text(S); });
  Io.list(P.Sources, [&](auto &S) { Io.text(S); });
  Io.text(P.Unfollowed);
}

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

namespace {
/// The bytes contentKey hashes: a point by its path, absolute.
class KeyWriter : public ByteWriter {
public:
  using ByteWriter::ByteWriter;
  void point(const SourcePoint &P) {
    text(P.File);
    number(P.Offset);
    number(P.Line);
    number(P.Column);
  }
};

/// The compact form: a point by its index into the unit's file table.
class FactsWriter : public ByteWriter {
public:
  using ByteWriter::ByteWriter;
  void point(const SourcePoint &P) {
    auto [It, New] = Index.try_emplace(P.File, unsigned(Files.size()));
    if (New)
      Files.push_back(P.File);
    number(It->second);
    number(P.Offset);
    number(P.Line);
    number(P.Column);
  }
  /// The files in the order of their indices.
  std::vector<std::string> Files;

private:
  StringMap<unsigned> Index;
};
} // namespace

std::string contentKey(const FunctionFacts &F) {
  static thread_local std::string Bytes;
  Bytes.clear();
  KeyWriter Key(Bytes);
  mapFunction(Key, F);
  XXH128_hash_t Hash = xxh3_128bits(arrayRefFromStringRef(Bytes));
  return F.USR + '\0' + utohexstr(Hash.high64, true, 16) +
         utohexstr(Hash.low64, true, 16);
}

/// Names the compact form and its version: the facts' format version, since
/// both follow the fields of Facts.h.
static constexpr StringLiteral Magic = "noalloc-compact-facts";

std::string encodeFacts(const TranslationUnitFacts &Facts) {
  // The file table comes first but is complete only after the rest.
  std::string Body;
  FactsWriter W(Body);
  W.list(Facts.Functions, [&](const FunctionFacts &F) { mapFunction(W, F); });
  W.list(Facts.Pointers, [&](const PointerFacts &P) { mapPointer(W, P); });
  std::string Out;
  ByteWriter Head(Out);
  Head.text(Magic);
  Head.number(TranslationUnitFacts::FormatVersion);
  Head.text(relativeTo(Facts.MainFile, Facts.Root));
  Head.text(Facts.Knowledge);
  Head.list(W.Files, [&](const std::string &File) {
    Head.text(relativeTo(File, Facts.Root));
  });
  return Out + Body;
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

namespace {
/// Reads what FactsWriter wrote.
class FactsReader : public ByteReader {
public:
  using ByteReader::ByteReader;
  void point(SourcePoint &P) {
    uint64_t File = number();
    if (File >= Files.size()) {
      fail();
      return;
    }
    P.File = Files[File];
    number(P.Offset);
    number(P.Line);
    number(P.Column);
  }
  /// The unit's file table, resolved, for point().
  std::vector<std::string> Files;
};
} // namespace

Expected<TranslationUnitFacts> decodeFacts(StringRef Bytes,
                                           StringRef ProjectRoot) {
  FactsReader R(Bytes);
  std::string Name;
  R.text(Name);
  if (Name != Magic)
    return createStringError(inconvertibleErrorCode(),
                             "not noalloc facts in the compact form");
  if (uint64_t Version = R.number();
      Version != TranslationUnitFacts::FormatVersion)
    return createStringError(
        inconvertibleErrorCode(), "facts format version %llu, expected %u",
        (unsigned long long)Version, TranslationUnitFacts::FormatVersion);
  TranslationUnitFacts Facts;
  Facts.Root = ProjectRoot.str();
  R.text(Facts.MainFile);
  Facts.MainFile = resolvedAgainst(Facts.MainFile, ProjectRoot);
  R.text(Facts.Knowledge);
  R.list(R.Files, [&](std::string &File) {
    R.text(File);
    File = resolvedAgainst(File, ProjectRoot);
  });
  R.list(Facts.Functions, [&](FunctionFacts &F) { mapFunction(R, F); });
  R.list(Facts.Pointers, [&](PointerFacts &P) { mapPointer(R, P); });
  if (R.failed() || !R.atEnd())
    return createStringError(inconvertibleErrorCode(),
                             "damaged facts in the compact form");
  return Facts;
}

//===----------------------------------------------------------------------===//
// Functions in memory, every string once
//===----------------------------------------------------------------------===//

/// A string by its index into the table of CompactFunctions.
class CompactFunctions::Writer : public ByteWriter {
public:
  Writer(std::string &Out, CompactFunctions &Table)
      : ByteWriter(Out), Table(Table) {}
  void text(StringRef S) {
    auto [It, New] = Table.Index.try_emplace(S, unsigned(Table.Strings.size()));
    if (New)
      Table.Strings.push_back(It->first());
    number(It->second);
  }
  void point(const SourcePoint &P) {
    text(P.File);
    number(P.Offset);
    number(P.Line);
    number(P.Column);
  }

private:
  CompactFunctions &Table;
};

namespace {
/// Reads what CompactFunctions::Writer wrote.
class StringTableReader : public ByteReader {
public:
  StringTableReader(StringRef Bytes, ArrayRef<StringRef> Strings)
      : ByteReader(Bytes), Strings(Strings) {}
  void text(std::string &S) {
    uint64_t I = number();
    S = I < Strings.size() ? Strings[I].str() : (fail(), std::string());
  }
  void point(SourcePoint &P) {
    text(P.File);
    number(P.Offset);
    number(P.Line);
    number(P.Column);
  }

private:
  ArrayRef<StringRef> Strings;
};
} // namespace

unsigned CompactFunctions::add(const FunctionFacts &F) {
  std::string &Out = Bytes.emplace_back();
  Writer W(Out, *this);
  mapFunction(W, F);
  Out.shrink_to_fit();
  return unsigned(Bytes.size() - 1);
}

FunctionFacts CompactFunctions::get(unsigned I) const {
  StringTableReader R(Bytes[I], Strings);
  FunctionFacts F;
  mapFunction(R, F);
  assert(!R.failed() && R.atEnd() && "written by add()");
  return F;
}

void CompactFunctions::drop(unsigned I) { std::string().swap(Bytes[I]); }

} // namespace noalloc
