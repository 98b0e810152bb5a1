//===--- FactsTest.cpp - The facts format round-trips and rejects ---------===//

#include "TestFacts.h"
#include "facts/ByteCoding.h"
#include "facts/CompactFacts.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace noalloc;

static std::string text(const TranslationUnitFacts &Facts) {
  std::string Text;
  llvm::raw_string_ostream(Text) << toJSON(Facts);
  return Text;
}

/// A unit that sets every field of the facts somewhere.
static TranslationUnitFacts everyField() {
  UnitBuilder B;
  B.define("f").define("g").define("ext", false).library("malloc");
  B.site("f", SiteKind::New).site("f", SiteKind::Delete, /*Accepted=*/true);
  B.site("g", SiteKind::Throw).site("g", SiteKind::CoroutineFrame);
  B.site("g", SiteKind::OperatorNew).site("g", SiteKind::OperatorDelete);
  B.call("f", "g").call("f", "ext", ObjectMemory::Heap);
  B.call("g", "malloc", ObjectMemory::MemoryResource, /*Accepted=*/true);
  B.call("g", "f", ObjectMemory::CustomAllocator);
  B.call("f", "malloc", ObjectMemory::BoundedResource);
  B.fn("malloc").Summary = {
      true, true, false, true, true, true, "std::bad_alloc", /*Bounded=*/true};
  B.fn("f").Root = true;
  B.fn("g").Overrides = {"c:@F@base"};
  B.fn("g").AttributeAt = {{"/src/main.h", 12, 2, 9},
                           {"/src/main.cpp", 7, 1, 8}};
  B.fn("ext").AttributeBlocked = true;
  B.fn("g").Sites[0].Exception = "std::length_error";
  B.fn("g").Calls[0].InThrow = true;
  B.fn("g").Calls[0].ObjectOutside = true;
  B.fn("g").Calls[0].ObjectDeclared = {"/src/main.h", 40, 3, 20};
  B.fn("g").Calls[1].InNoReturnCall = true;
  B.fn("g").Calls[1].Kind = CallKind::Indirect;
  B.fn("g").Calls[1].Pointer = "c:@onTick";
  B.fn("g").Calls[1].Nonallocating = true;
  B.fn("g").Calls[1].OpenToClients = true;
  B.fn("f").Calls[0].Kind = CallKind::Block;
  B.fn("f").AddressEscapes = true;
  B.fn("g").CopyOrMove = true;
  B.fn("g").PureVirtual = true;
  B.fn("ext").HandsOutCallables = true;
  B.fn("f").InlineOnly = true;
  B.fn("g").Sites[1].Variable = "Log";
  B.fn("g").Sites[2].Guards = {{2, false, 0}};
  B.fn("g").Calls[0].Guards = {{0, true, -3}, {1, false, 0}};
  B.fn("f").Calls[0].Arguments = {{2, true, INT64_MIN},
                                   {4, false, 0},
                                   {0, true, 1, "c:@S@out@FI@noalloc"},
                                   {1, true, 0, ForwardedField.str()}};
  B.fn("g").WrittenFields = {"c:@S@out@FI@len"};
  TranslationUnitFacts Facts = B.build();
  Facts.Pointers.push_back(
      {"c:@onTick", {"c:@F@f", "c:@F@g"}, false, true, {}, "", true,
       {"noalloc:indirect:void (int)"}});
  return Facts;
}

TEST(FactsTest, RoundTripKeepsEverything) {
  TranslationUnitFacts Original = everyField();
  auto Read = factsFromJSON(text(Original));
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  // Written again, the facts are the same bytes.
  EXPECT_EQ(text(Original), text(*Read));
  const FunctionFacts &G = Read->Functions[1];
  ASSERT_EQ(G.Sites.size(), 4u);
  EXPECT_EQ(G.Sites[1].Kind, SiteKind::CoroutineFrame);
  EXPECT_EQ(G.Calls[0].Object, ObjectMemory::MemoryResource);
  EXPECT_TRUE(G.Calls[0].Accepted);
  EXPECT_TRUE(Read->Functions[3].Summary.Unknown);
  EXPECT_TRUE(Read->Functions[3].Summary.AllocatesOnFailure);
  EXPECT_TRUE(Read->Functions[3].Summary.MayAllocate);
  EXPECT_TRUE(G.CopyOrMove && !Read->Functions[0].CopyOrMove);
  EXPECT_TRUE(G.PureVirtual && !Read->Functions[0].PureVirtual);
  EXPECT_EQ(G.Sites[1].Variable, "Log");
  EXPECT_EQ(Read->Functions[3].Summary.Exception, "std::bad_alloc");
  EXPECT_TRUE(Read->Functions[3].Summary.Bounded);
  EXPECT_EQ(Read->Functions[0].Calls[2].Object, ObjectMemory::BoundedResource);
  EXPECT_EQ(G.Sites[0].Exception, "std::length_error");
  EXPECT_TRUE(G.Calls[0].InThrow && !G.Calls[0].InNoReturnCall);
  EXPECT_TRUE(G.Calls[0].ObjectOutside && !G.Calls[1].ObjectOutside);
  EXPECT_EQ(G.Calls[0].ObjectDeclared.File, "/src/main.h");
  EXPECT_EQ(G.Calls[0].ObjectDeclared.Offset, 40u);
  EXPECT_TRUE(G.Calls[1].ObjectDeclared.File.empty());
  EXPECT_TRUE(G.Calls[1].InNoReturnCall && !G.Calls[1].InThrow);
  EXPECT_FALSE(Read->Functions[0].Summary.Summarised);
  EXPECT_EQ(Read->Functions[0].Where.File, "/src/main.cpp");
  ASSERT_EQ(G.AttributeAt.size(), 2u);
  EXPECT_EQ(G.AttributeAt[0].File, "/src/main.h");
  EXPECT_EQ(G.AttributeAt[0].Offset, 12u);
  EXPECT_FALSE(G.AttributeBlocked);
  EXPECT_TRUE(Read->Functions[2].AttributeBlocked);
  EXPECT_TRUE(Read->Functions[2].HandsOutCallables && !G.HandsOutCallables);
  EXPECT_EQ(G.Calls[1].Pointer, "c:@onTick");
  EXPECT_TRUE(G.Calls[1].Nonallocating && !G.Calls[0].Nonallocating);
  EXPECT_TRUE(G.Calls[1].OpenToClients && !G.Calls[0].OpenToClients);
  EXPECT_EQ(Read->Functions[0].Calls[0].Kind, CallKind::Block);
  EXPECT_TRUE(Read->Functions[0].AddressEscapes && !G.AddressEscapes);
  EXPECT_TRUE(Read->Functions[0].InlineOnly && !G.InlineOnly);
  ASSERT_EQ(Read->Pointers.size(), 1u);
  EXPECT_EQ(Read->Pointers[0].Functions.size(), 2u);
  EXPECT_TRUE(Read->Pointers[0].Copied && !Read->Pointers[0].OtherWrites);
  EXPECT_EQ(G.Sites[2].Guards, (std::vector<ParameterValue>{{2, false, 0}}));
  EXPECT_TRUE(G.Sites[0].Guards.empty());
  EXPECT_EQ(G.Calls[0].Guards,
            (std::vector<ParameterValue>{{0, true, -3}, {1, false, 0}}));
  EXPECT_EQ(Read->Functions[0].Calls[0].Arguments,
            (std::vector<ParameterValue>{{2, true, INT64_MIN},
                                         {4, false, 0},
                                         {0, true, 1, "c:@S@out@FI@noalloc"},
                                         {1, true, 0, ForwardedField.str()}}));
  EXPECT_EQ(G.WrittenFields, std::vector<std::string>{"c:@S@out@FI@len"});
}

// A guard 'p != 0' or 'p == 1' fails for an argument equal to 0; 'p != 0'
// is all a pointer that is not null says.
TEST(FactsTest, ArgumentsContradictGuards) {
  ParameterValue Zero{2, true, 0}, NotZero{2, false, 0}, One{2, true, 1};
  EXPECT_TRUE(contradicts(Zero, NotZero));
  EXPECT_TRUE(contradicts(Zero, One));
  EXPECT_FALSE(contradicts(Zero, Zero));
  EXPECT_TRUE(contradicts(NotZero, Zero));
  EXPECT_FALSE(contradicts(NotZero, One));
  EXPECT_FALSE(contradicts(NotZero, NotZero));
  EXPECT_FALSE(contradicts(One, NotZero));
  // Another parameter says nothing.
  EXPECT_FALSE(contradicts({1, true, 0}, NotZero));
  // Nor another field of it, nor the parameter itself of a field, nor a
  // parameter passed on.
  ParameterValue Field{2, true, 1, "c:@S@out@FI@noalloc"};
  EXPECT_TRUE(contradicts(Field, {2, true, 0, "c:@S@out@FI@noalloc"}));
  EXPECT_FALSE(contradicts(Field, {2, true, 0, "c:@S@out@FI@len"}));
  EXPECT_FALSE(contradicts(Field, Zero));
  EXPECT_FALSE(contradicts({2, true, 5, ForwardedField.str()},
                           {2, true, 0, ForwardedField.str()}));
}

// Under the project root, files are written relative to it: two checkouts
// at different places give the same bytes; files outside stay absolute.
TEST(FactsTest, FilesUnderTheRootAreRelative) {
  auto Unit = [](const std::string &Root) {
    UnitBuilder B(Root + "/src/main.cpp");
    B.define("f").call("f", "g");
    TranslationUnitFacts Facts = B.build();
    Facts.Functions[0].Calls[0].Where.File = "/usr/include/stdlib.h";
    Facts.Root = Root;
    return Facts;
  };
  std::string Here = text(Unit("/home/a/p")), There = text(Unit("/tmp/w/p"));
  EXPECT_EQ(Here, There);
  EXPECT_NE(Here.find("\"src/main.cpp\""), std::string::npos);
  EXPECT_NE(Here.find("\"/usr/include/stdlib.h\""), std::string::npos);
  auto Read = factsFromJSON(There, "/tmp/w/p");
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(Read->MainFile, "/tmp/w/p/src/main.cpp");
  EXPECT_EQ(Read->Functions[0].Where.File, "/tmp/w/p/src/main.cpp");
  EXPECT_EQ(Read->Functions[0].Calls[0].Where.File, "/usr/include/stdlib.h");
  // Without a root, every path is absolute.
  EXPECT_NE(text(UnitBuilder("/home/a/p/src/main.cpp").define("f").build())
                .find("\"/home/a/p/src/main.cpp\""),
            std::string::npos);
}

// The compact form (the result cache's) keeps what JSON keeps, names files
// under the root relative to it, and refuses any damage.
TEST(FactsTest, CompactFormRoundTrips) {
  TranslationUnitFacts Original = everyField();
  std::string Bytes = encodeFacts(Original);
  auto Read = decodeFacts(Bytes, "");
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(text(Original), text(*Read));
  for (size_t I = 0; I < Original.Functions.size(); ++I)
    EXPECT_EQ(contentKey(Original.Functions[I]),
              contentKey(Read->Functions[I]));
  // Under a root, files are written relative to it and resolved where read.
  Original.Root = "/src";
  std::string Relative = encodeFacts(Original);
  EXPECT_EQ(Relative.find("/src/"), std::string::npos);
  auto Moved = decodeFacts(Relative, "/elsewhere");
  ASSERT_TRUE(bool(Moved)) << llvm::toString(Moved.takeError());
  EXPECT_EQ(Moved->MainFile, "/elsewhere/main.cpp");
  EXPECT_EQ(Moved->Functions[1].AttributeAt[0].File, "/elsewhere/main.h");
}

TEST(FactsTest, CompactFormRefusesDamage) {
  std::string Bytes = encodeFacts(everyField());
  for (size_t Size = 0; Size < Bytes.size(); ++Size) {
    auto Read = decodeFacts(llvm::StringRef(Bytes).take_front(Size), "");
    ASSERT_FALSE(bool(Read)) << "truncated to " << Size;
    consumeError(Read.takeError());
  }
  auto Longer = decodeFacts(Bytes + "x", "");
  ASSERT_FALSE(bool(Longer));
  consumeError(Longer.takeError());
  // Every byte changed in turn: an error or other facts, never a crash.
  for (size_t I = 0; I < Bytes.size(); ++I) {
    std::string Changed = Bytes;
    Changed[I] = char(0xff);
    auto Read = decodeFacts(Changed, "");
    if (!Read)
      consumeError(Read.takeError());
  }
  EXPECT_TRUE(bool(decodeFacts(Bytes, "")));
}

TEST(FactsTest, SiteKindsSayWhetherTheyAllocate) {
  EXPECT_TRUE(allocates(SiteKind::New));
  EXPECT_TRUE(allocates(SiteKind::Throw));
  EXPECT_TRUE(allocates(SiteKind::CoroutineFrame));
  EXPECT_TRUE(allocates(SiteKind::ThreadExit));
  EXPECT_FALSE(allocates(SiteKind::Delete));
  EXPECT_FALSE(allocates(SiteKind::OperatorDelete));
}

TEST(FactsTest, RejectsOtherVersions) {
  std::string Text = text(UnitBuilder().define("f").build());
  std::string Version =
      "\"version\":" + std::to_string(TranslationUnitFacts::FormatVersion);
  size_t At = Text.find(Version);
  ASSERT_NE(At, std::string::npos);
  Text.replace(At, Version.size(), "\"version\":1");
  auto Read = factsFromJSON(Text);
  ASSERT_FALSE(bool(Read));
  EXPECT_EQ(llvm::toString(Read.takeError()),
            "facts format version 1, expected " +
                std::to_string(TranslationUnitFacts::FormatVersion));
}

TEST(FactsTest, RejectsUnknownSiteKindsAndFileIndices) {
  UnitBuilder B;
  B.define("f").site("f", SiteKind::New);
  std::string Good = text(B.build());
  std::string BadKind = Good;
  BadKind.replace(BadKind.find("\"new\""), 5, "\"neu\"");
  auto Kind = factsFromJSON(BadKind);
  ASSERT_FALSE(bool(Kind));
  consumeError(Kind.takeError());
  std::string BadFile = Good;
  BadFile.replace(BadFile.find("\"at\":[0,"), 8, "\"at\":[7,");
  auto Read = factsFromJSON(BadFile);
  ASSERT_FALSE(bool(Read));
  EXPECT_EQ(llvm::toString(Read.takeError()),
            "a location names no file of the table");
  auto Fine = factsFromJSON(Good);
  EXPECT_TRUE(bool(Fine));
  if (!Fine)
    consumeError(Fine.takeError());
}

/// An inline function of a header, as every unit that includes it sees it.
static FunctionFacts headerFunction() {
  UnitBuilder B("/src/common.h");
  B.define("grow").call("grow", "malloc");
  return B.fn("grow");
}

TEST(FactsTest, ProgramStoresTheSameFactsOnce) {
  std::vector<TranslationUnitFacts> Units;
  for (const char *Main : {"/src/a.cpp", "/src/b.cpp", "/src/c.cpp"}) {
    Units.push_back(UnitBuilder(Main).define("f").build());
    Units.back().Functions.front().USR += Main;
    Units.back().Functions.push_back(headerFunction());
  }
  // c.cpp takes its address: other facts, stored apart.
  Units[2].Functions.back().AddressTaken = true;
  ProgramFacts Program;
  for (TranslationUnitFacts &U : Units)
    Program.add(std::move(U));
  EXPECT_EQ(Program.listed(), 6u);
  ASSERT_EQ(Program.size(), 5u);
  ASSERT_EQ(Program.units().size(), 3u);
  EXPECT_EQ(Program.units()[0].Functions, (std::vector<unsigned>{0, 1}));
  EXPECT_EQ(Program.units()[1].Functions, (std::vector<unsigned>{2, 1}));
  EXPECT_EQ(Program.units()[2].Functions, (std::vector<unsigned>{3, 4}));
  EXPECT_FALSE(Program.function(1).AddressTaken);
  EXPECT_TRUE(Program.function(4).AddressTaken);
}

// The run's last unit waits for the link as it is (addLast): alone, every
// function is stored and comes back field for field; after other units,
// the facts they brought are shared; and a unit added after it after all
// finds its functions, as add() would have stored them.
TEST(FactsTest, ProgramHoldsTheLastUnitAsItIs) {
  TranslationUnitFacts Original = everyField();
  ProgramFacts Alone;
  Alone.addLast(Original, {});
  ASSERT_EQ(Alone.size(), Original.Functions.size());
  EXPECT_EQ(Alone.listed(), Original.Functions.size());
  for (unsigned I = 0; I < Alone.size(); ++I)
    EXPECT_EQ(contentKey(Alone.take(I)), contentKey(Original.Functions[I]));

  auto Unit = [](const char *Main, bool TakesAddress) {
    TranslationUnitFacts U = UnitBuilder(Main).define("f").build();
    U.Functions.front().USR += Main;
    U.Functions.push_back(headerFunction());
    U.Functions.back().AddressTaken = TakesAddress;
    return U;
  };
  ProgramFacts Program;
  Program.add(Unit("/src/a.cpp", false));
  Program.addLast(Unit("/src/b.cpp", false), {});
  Program.add(Unit("/src/c.cpp", false));
  Program.add(Unit("/src/d.cpp", true));
  EXPECT_EQ(Program.listed(), 8u);
  ASSERT_EQ(Program.size(), 6u);
  EXPECT_EQ(Program.units()[1].Functions, (std::vector<unsigned>{2, 1}));
  EXPECT_EQ(Program.units()[2].Functions, (std::vector<unsigned>{3, 1}));
  EXPECT_EQ(Program.units()[3].Functions, (std::vector<unsigned>{4, 5}));
  EXPECT_TRUE(Program.function(5).AddressTaken);

  // Held unkeyed, then compacted and keyed when another unit comes.
  ProgramFacts First;
  First.addLast(Unit("/src/a.cpp", false), {});
  First.add(Unit("/src/b.cpp", false));
  EXPECT_EQ(First.size(), 3u);
  EXPECT_EQ(First.units()[1].Functions, (std::vector<unsigned>{2, 1}));

  // A unit that lists one function twice stores it once.
  TranslationUnitFacts Twice = Unit("/src/a.cpp", false);
  Twice.Functions.push_back(headerFunction());
  ProgramFacts Repeated;
  Repeated.addLast(std::move(Twice), {});
  EXPECT_EQ(Repeated.size(), 2u);
  EXPECT_EQ(Repeated.units()[0].Functions, (std::vector<unsigned>{0, 1, 1}));
}

// The program's functions between units: every field comes back, and a
// string the functions repeat (a callee, a file) is stored once.
TEST(FactsTest, CompactFunctionsKeepEveryFieldAndEachStringOnce) {
  TranslationUnitFacts Original = everyField();
  CompactFunctions Stored;
  for (const FunctionFacts &F : Original.Functions)
    Stored.add(F);
  ASSERT_EQ(Stored.size(), Original.Functions.size());
  for (unsigned I = 0; I < Stored.size(); ++I) {
    EXPECT_EQ(contentKey(Stored.get(I)), contentKey(Original.Functions[I]));
    TranslationUnitFacts One, Back;
    One.Functions = {Original.Functions[I]};
    Back.Functions = {Stored.get(I)};
    EXPECT_EQ(text(One), text(Back));
  }
  size_t Strings = Stored.strings();
  // Another function with the same strings adds none.
  FunctionFacts Again = Original.Functions[1];
  Again.Root = !Again.Root;
  Stored.add(Again);
  EXPECT_EQ(Stored.strings(), Strings);
  EXPECT_EQ(Stored.get(Stored.size() - 1).Root, Again.Root);
  // A new name is one more.
  Again.Calls[0].CalleeName = "a name no other function has";
  Stored.add(Again);
  EXPECT_EQ(Stored.strings(), Strings + 1);
  Stored.drop(0);
  EXPECT_EQ(contentKey(Stored.get(1)), contentKey(Original.Functions[1]));
}

// A header's functions in every unit of a program (a header-only library's
// tests): what is stored grows with each unit's own functions, not with
// the units times the header.
TEST(FactsTest, ProgramStoresAHeaderOnceForManyUnits) {
  ProgramFacts Program;
  size_t StringsAfterOne = 0;
  for (unsigned I = 0; I < 64; ++I) {
    std::string Main = "/src/test" + std::to_string(I) + ".cpp";
    UnitBuilder B(Main);
    B.define("main" + std::to_string(I))
        .call("main" + std::to_string(I), "grow");
    TranslationUnitFacts Unit = B.build();
    for (unsigned J = 0; J < 20; ++J) {
      FunctionFacts Header = headerFunction();
      Header.USR += std::to_string(J);
      Unit.Functions.push_back(std::move(Header));
    }
    Program.add(std::move(Unit));
    if (I == 0)
      StringsAfterOne = Program.strings();
  }
  EXPECT_EQ(Program.listed(), 64u * 21);
  EXPECT_EQ(Program.size(), 20u + 64);
  // Each unit's own function adds its USR and name, and its file.
  EXPECT_EQ(Program.strings(), StringsAfterOne + 63 * 3);
  for (const ProgramFacts::Unit &U : Program.units())
    EXPECT_EQ(U.Functions.size(), 21u);
}

TEST(FactsTest, ContentKeySeesEveryField) {
  FunctionFacts F = headerFunction();
  std::string Key = contentKey(F);
  EXPECT_EQ(contentKey(headerFunction()), Key);
  auto Changed = [&](auto Change) {
    FunctionFacts G = headerFunction();
    Change(G);
    return contentKey(G) != Key;
  };
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.Where.File = "/x/common.h"; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.Calls[0].Where.Line = 9; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.Calls[0].InThrow = true; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.Root = true; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.AttributeBlocked = true; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.Summary.Summarised = true; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.Calls[0].Pointer = "p"; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.Overrides.push_back("b"); }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.AttributeAt.emplace_back(); }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.CopyOrMove = true; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.PureVirtual = true; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.HandsOutCallables = true; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.InlineOnly = true; }));
  EXPECT_TRUE(
      Changed([](FunctionFacts &G) { G.Calls[0].Guards = {{0, false, 0}}; }));
  EXPECT_TRUE(Changed(
      [](FunctionFacts &G) { G.Calls[0].Arguments = {{0, true, 0}}; }));
  EXPECT_TRUE(Changed(
      [](FunctionFacts &G) { G.Calls[0].Arguments = {{0, true, 0, "f"}}; }));
  EXPECT_TRUE(Changed([](FunctionFacts &G) { G.WrittenFields = {"f"}; }));
  FunctionFacts WithSite = headerFunction();
  WithSite.Sites.emplace_back();
  FunctionFacts Named = WithSite;
  Named.Sites.back().Variable = "Log";
  EXPECT_NE(contentKey(WithSite), contentKey(Named));
  // A string's end is part of the key: "grow", "grow" is not "growg", "row".
  EXPECT_TRUE(Changed([](FunctionFacts &G) {
    G.Name += "g";
    G.KnowledgeName = "row";
  }));
}

TEST(ByteCodingTest, NumbersUpTo64Bits) {
  std::string Bytes;
  ByteWriter W(Bytes);
  W.number(UINT64_MAX);
  W.number(300);
  EXPECT_EQ(Bytes.size(), 12u);
  ByteReader R(Bytes);
  EXPECT_EQ(R.number(), UINT64_MAX);
  EXPECT_EQ(R.number(), 300u);
  EXPECT_FALSE(R.failed());
  EXPECT_TRUE(R.atEnd());
}

TEST(ByteCodingTest, SignedNumbers) {
  std::string Bytes;
  ByteWriter W(Bytes);
  for (int64_t N : {int64_t(0), int64_t(-1), int64_t(63), int64_t(-64),
                    INT64_MAX, INT64_MIN})
    W.integer(N);
  // Small magnitudes take a byte each.
  EXPECT_EQ(Bytes.size(), 4u + 10u + 10u);
  ByteReader R(Bytes);
  for (int64_t N : {int64_t(0), int64_t(-1), int64_t(63), int64_t(-64),
                    INT64_MAX, INT64_MIN}) {
    int64_t Read = 7;
    R.integer(Read);
    EXPECT_EQ(Read, N);
  }
  EXPECT_FALSE(R.failed());
  EXPECT_TRUE(R.atEnd());
}

TEST(ByteCodingTest, NumbersPastSixtyFourBitsAreDamage) {
  // Eleven bytes (zero groups after the tenth): not a 64-bit number.
  std::string Long(10, '\x80');
  Long += '\x00';
  ByteReader R(Long);
  EXPECT_EQ(R.number(), 0u);
  EXPECT_TRUE(R.failed());
  // The tenth byte holds bit 63 only.
  std::string Wide(9, '\xff');
  Wide += '\x02';
  ByteReader W(Wide);
  W.number();
  EXPECT_TRUE(W.failed());
  // Cut short.
  ByteReader Short(llvm::StringRef("\x80\x80", 2));
  Short.number();
  EXPECT_TRUE(Short.failed());
}
