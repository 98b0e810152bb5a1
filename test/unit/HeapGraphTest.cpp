//===--- HeapGraphTest.cpp - Linking and propagating effects --------------===//

#include "TestFacts.h"
#include "link/HeapGraph.h"
#include "gtest/gtest.h"

using namespace noalloc;

namespace {

class HeapGraphTest : public LinkingTest {};

/// A pointer \p USR that its unit stores \p Functions into, and no more
/// unless said: written in a way noalloc does not follow (\p OtherWrites),
/// copied (\p Copied).
PointerFacts pointer(std::string USR, std::vector<std::string> Functions,
                     bool OtherWrites = false, bool Copied = false) {
  PointerFacts P;
  P.USR = std::move(USR);
  P.Functions = std::move(Functions);
  P.OtherWrites = OtherWrites;
  P.Copied = Copied;
  return P;
}

TEST_F(HeapGraphTest, ChainsKeepTheShortestWitness) {
  UnitBuilder B;
  B.define("a").define("b").define("c").define("quiet");
  B.call("a", "b").call("a", "c").call("b", "c").call("a", "quiet");
  B.site("c", SiteKind::New);
  HeapGraph G = link({B.build()});
  const auto &A = G.node(node(G, "a"));
  EXPECT_EQ(G.lattice(node(G, "a")), Effect::Allocates);
  EXPECT_EQ(A.witness(Cause::Allocation).Distance, 1u);
  EXPECT_EQ(A.witness(Cause::Allocation).Target, node(G, "c"));
  EXPECT_EQ(G.node(node(G, "c")).witness(Cause::Allocation).Site, 0);
  EXPECT_EQ(G.lattice(node(G, "quiet")), Effect::None);
  EXPECT_FALSE(A.reaches(Cause::Release));
}

// 'put(b, false)' runs put without what 'if (expand)' guards: a
// specialisation, shared by the calls that pass the same, which no root,
// signature or verdict names; 'put(b, true)' and a call that passes
// nothing known run all of put.
TEST_F(HeapGraphTest, ConstantArgumentsRuleOutGuardedCode) {
  UnitBuilder B;
  B.define("put").define("resize").define("fixed").define("fixed2");
  B.define("growing").define("unknown").define("direct");
  B.call("put", "resize").site("resize", SiteKind::New);
  B.fn("put").Calls[0].Guards = {{1, false, 0}};
  B.site("direct", SiteKind::New);
  B.fn("direct").Sites[0].Guards = {{0, true, 3}};
  for (const char *Caller : {"fixed", "fixed2", "growing", "unknown"})
    B.call(Caller, "put");
  B.fn("fixed").Calls[0].Arguments = {{0, false, 0}, {1, true, 0}};
  B.fn("fixed2").Calls[0].Arguments = {{1, true, 0}};
  B.fn("growing").Calls[0].Arguments = {{1, true, 1}};
  B.call("fixed", "direct");
  B.fn("fixed").Calls[1].Arguments = {{0, true, 4}};
  HeapGraph G = link({B.build()});
  EXPECT_EQ(G.lattice(node(G, "fixed")), Effect::None);
  EXPECT_EQ(G.lattice(node(G, "fixed2")), Effect::None);
  EXPECT_EQ(G.lattice(node(G, "growing")), Effect::Allocates);
  EXPECT_EQ(G.lattice(node(G, "unknown")), Effect::Allocates);
  EXPECT_EQ(G.lattice(node(G, "put")), Effect::Allocates);
  // One specialisation for both, keyed by the argument that rules out.
  llvm::ArrayRef<int> Fixed = G.targets(node(G, "fixed"), 0);
  ASSERT_EQ(Fixed.size(), 1u);
  EXPECT_EQ(G.targets(node(G, "fixed2"), 0), Fixed);
  const HeapGraph::Node &S = G.node(Fixed[0]);
  EXPECT_EQ(S.Facts.USR, "noalloc:specialised:c:@F@put|1==0");
  EXPECT_EQ(G.original(Fixed[0]), node(G, "put"));
  EXPECT_TRUE(S.Calls.empty());
  ASSERT_EQ(S.Dropped.size(), 1u);
  EXPECT_EQ(S.Dropped[0].Offset, G.node(node(G, "put")).Calls[0].Where.Offset);
  EXPECT_EQ(G.targets(node(G, "growing"), 0)[0], node(G, "put"));
  // A site is ruled out too.
  int Direct = G.targets(node(G, "fixed"), 1)[0];
  EXPECT_TRUE(G.node(Direct).isSpecialisation());
  EXPECT_TRUE(G.node(Direct).Facts.Sites.empty());
}

// A field constant passed down a recursive pair that passes its parameter
// on reaches the guard (cJSON's print_value <-> print_array -> ensure); no
// longer once some code writes the field.
TEST_F(HeapGraphTest, PassedOnFieldsRuleOutGuardedCode) {
  const std::string Flag = "c:@S@out@FI@noalloc";
  auto Unit = [&](bool Written) {
    UnitBuilder B;
    B.define("root").define("value").define("array").define("ensure");
    B.define("grow");
    B.call("root", "value").call("value", "array").call("array", "value");
    B.call("value", "ensure").call("array", "ensure").call("ensure", "grow");
    B.site("grow", SiteKind::New);
    B.fn("ensure").Calls[0].Guards = {{0, true, 0, Flag}};
    B.fn("root").Calls[0].Arguments = {{1, false, 0}, {1, true, 1, Flag}};
    const ParameterValue PassedOn{1, true, 1, ForwardedField.str()};
    B.fn("value").Calls[0].Arguments = {PassedOn};
    B.fn("array").Calls[0].Arguments = {PassedOn};
    B.fn("value").Calls[1].Arguments = {{0, true, 1, ForwardedField.str()}};
    B.fn("array").Calls[1].Arguments = {{0, true, 1, ForwardedField.str()}};
    if (Written)
      B.fn("grow").WrittenFields = {Flag};
    return link({B.build()});
  };
  HeapGraph G = Unit(false);
  EXPECT_EQ(G.lattice(node(G, "root")), Effect::None);
  EXPECT_EQ(G.lattice(node(G, "value")), Effect::Allocates);
  int Value = G.targets(node(G, "root"), 0)[0];
  EXPECT_EQ(G.node(Value).Facts.USR,
            "noalloc:specialised:c:@F@value|1." + Flag + "==1");
  // The recursion calls the same specialisations.
  int Array = G.targets(Value, 0)[0];
  EXPECT_EQ(G.original(Array), node(G, "array"));
  EXPECT_EQ(G.targets(Array, 0)[0], Value);
  EXPECT_TRUE(G.node(G.targets(Array, 1)[0]).Calls.empty());
  HeapGraph Writing = Unit(true);
  EXPECT_EQ(Writing.lattice(node(Writing, "root")), Effect::Allocates);
}

TEST_F(HeapGraphTest, RecursionEnds) {
  UnitBuilder B;
  B.define("even").define("odd").define("leaf").define("spin");
  B.call("even", "odd").call("odd", "even").call("odd", "leaf");
  B.call("spin", "spin");
  B.site("leaf", SiteKind::Throw);
  HeapGraph G = link({B.build()});
  EXPECT_EQ(G.lattice(node(G, "even")), Effect::Allocates);
  EXPECT_EQ(G.node(node(G, "even")).witness(Cause::Allocation).Distance, 2u);
  EXPECT_EQ(G.lattice(node(G, "spin")), Effect::None);
}

TEST_F(HeapGraphTest, UnseenCodeIsUnknownUnderEveryPolicy) {
  UnitBuilder B;
  B.define("root").define("elsewhere", /*Defined=*/false);
  B.call("root", "elsewhere");
  HeapGraph G = link({B.build()});
  int Root = node(G, "root");
  EXPECT_EQ(G.lattice(Root), Effect::Unknown);
  EXPECT_EQ(G.effect(Root, Policy::lenient()), Effect::Unknown);
  EXPECT_EQ(G.effect(Root, Policy::strict()), Effect::Allocates);
  EXPECT_EQ(G.decidingCause(Root, Policy::lenient()), Cause::Unseen);
  EXPECT_TRUE(G.node(node(G, "elsewhere")).Opaque);
}

TEST_F(HeapGraphTest, LibraryAssumptionsAreAcceptedOnlyWhenLenient) {
  UnitBuilder B;
  B.define("f").library("vendor_hal_poll").define("g").library("lib_summary");
  B.call("f", "vendor_hal_poll").call("g", "lib_summary");
  B.fn("lib_summary").Summary = {true, false, true, true, false, false, ""};
  HeapGraph G = link({B.build()});
  int F = node(G, "f");
  EXPECT_EQ(G.lattice(F), Effect::Unknown);
  EXPECT_EQ(G.effect(F, Policy::lenient()), Effect::None);
  EXPECT_EQ(G.effect(F, Policy::strict()), Effect::Allocates);
  // A summary that releases and is unsure: releases when lenient.
  EXPECT_EQ(G.effect(node(G, "g"), Policy::lenient()), Effect::Releases);
  EXPECT_EQ(G.effect(node(G, "g"), Policy::strict()), Effect::Allocates);
}

TEST_F(HeapGraphTest, KnowledgeBaseDecidesFunctionsWithoutBodies) {
  UnitBuilder B;
  B.define("grab").define("drop").library("malloc").library("free");
  B.library("memcpy").define("copy");
  B.call("grab", "malloc").call("drop", "free").call("copy", "memcpy");
  HeapGraph G = link({B.build()});
  EXPECT_EQ(G.effect(node(G, "grab"), Policy::strict()), Effect::Allocates);
  EXPECT_EQ(G.effect(node(G, "drop"), Policy::strict()), Effect::Releases);
  EXPECT_EQ(G.effect(node(G, "copy"), Policy::strict()), Effect::None);
}

// printf allocates on some inputs: its effect says so whatever the policy;
// the verdict counts it when the run reports such functions.
TEST_F(HeapGraphTest, MayAllocateCountsWhenTheRunReportsIt) {
  UnitBuilder B;
  B.define("hello").library("printf").call("hello", "printf");
  HeapGraph G = link({B.build()});
  int Hello = node(G, "hello");
  Policy Reporting = Policy::fromOptions("lenient", "report", true);
  EXPECT_EQ(G.lattice(Hello), Effect::Allocates);
  EXPECT_EQ(G.effect(Hello, Policy::lenient()), Effect::None);
  EXPECT_EQ(G.effect(Hello, Reporting), Effect::Allocates);
  EXPECT_EQ(G.effect(Hello, Policy::strict()), Effect::Allocates);
  EXPECT_EQ(G.decidingCause(Hello, Reporting), Cause::MayAllocate);
}

// A copy of a std::runtime_error shares its message (copy-effect: none).
TEST_F(HeapGraphTest, CopyConstructorsFollowTheCopyEffect) {
  UnitBuilder B;
  B.define("make").define("copy");
  B.library("std::runtime_error::runtime_error");
  B.fn("std::runtime_error::runtime_error").CopyOrMove = true;
  B.library("std::logic_error::logic_error");
  B.call("make", "std::logic_error::logic_error");
  B.call("copy", "std::runtime_error::runtime_error");
  HeapGraph G = link({B.build()});
  EXPECT_EQ(G.effect(node(G, "make"), Policy::strict()), Effect::Allocates);
  EXPECT_EQ(G.effect(node(G, "copy"), Policy::strict()), Effect::None);
}

TEST_F(HeapGraphTest, AcceptedCallsSitesAndAllowedZonesDoNotPropagate) {
  UnitBuilder B;
  B.define("a").define("b").define("init").define("c").define("d");
  B.call("a", "b", ObjectMemory::None, /*Accepted=*/true);
  B.site("b", SiteKind::New);
  B.site("c", SiteKind::New, /*Accepted=*/true);
  B.call("d", "init").site("init", SiteKind::New);
  LinkOptions Options;
  Options.AllowedZones = {"init"};
  HeapGraph G = link({B.build()}, Options);
  EXPECT_EQ(G.lattice(node(G, "a")), Effect::None);
  EXPECT_EQ(G.lattice(node(G, "b")), Effect::Allocates);
  EXPECT_EQ(G.lattice(node(G, "c")), Effect::None);
  EXPECT_EQ(G.lattice(node(G, "d")), Effect::None);
}

TEST_F(HeapGraphTest, RootsScopeWhatIsReported) {
  UnitBuilder B;
  B.define("tick").define("helper").define("setup");
  B.call("tick", "helper");
  LinkOptions Options;
  Options.Roots = {"tick", "no_such_function"};
  HeapGraph G = link({B.build()}, Options);
  ASSERT_TRUE(G.hasRoots());
  EXPECT_TRUE(G.inScope(node(G, "helper")));
  EXPECT_FALSE(G.inScope(node(G, "setup")));
  EXPECT_EQ(G.scopeParent(node(G, "helper")), node(G, "tick"));
  SourcePoint InHelper = G.node(node(G, "helper")).Facts.Where;
  InHelper.Offset += 5;
  SourcePoint InSetup = G.node(node(G, "setup")).Facts.Where;
  InSetup.Offset += 5;
  EXPECT_TRUE(G.isReported(InHelper));
  EXPECT_FALSE(G.isReported(InSetup));
  EXPECT_EQ(G.unmatchedPatterns(),
            std::vector<std::string>{"no_such_function"});
}

TEST_F(HeapGraphTest, FunctionAtFindsTheInnermostDefinition) {
  UnitBuilder B;
  B.define("outer").define("next");
  // A lambda inside outer: nested span.
  FunctionFacts Lambda;
  Lambda.USR = "c:@F@lambda";
  Lambda.Name = "lambda";
  Lambda.Defined = true;
  Lambda.Where = {"/src/main.cpp", 40, 2, 1};
  Lambda.EndOffset = 60;
  TranslationUnitFacts Unit = B.build();
  Unit.Functions.push_back(Lambda);
  HeapGraph G = link({Unit});
  auto At = [&](unsigned Offset) {
    return G.functionAt({"/src/main.cpp", Offset, 1, 1});
  };
  EXPECT_EQ(At(50), G.find("c:@F@lambda"));
  EXPECT_EQ(At(70), node(G, "outer"));
  EXPECT_EQ(At(150), -1); // Between definitions.
  EXPECT_EQ(At(210), node(G, "next"));
  EXPECT_EQ(G.functionAt({"/src/other.cpp", 50, 1, 1}), -1);
}

TEST_F(HeapGraphTest, UnitOrderDoesNotChangeWitnesses) {
  // Two units define the same inline function differently placed calls;
  // either order links to the same answer.
  UnitBuilder A("/src/a.cpp"), B("/src/b.cpp");
  A.define("f").define("g").define("h").call("f", "g").call("f", "h");
  A.site("g", SiteKind::New).site("h", SiteKind::New);
  B.define("user").define("f", false).call("user", "f");
  HeapGraph G1 = link({A.build(), B.build()});
  HeapGraph G2 = link({B.build(), A.build()});
  const Witness &W1 = G1.node(G1.find("c:@F@f")).witness(Cause::Allocation);
  const Witness &W2 = G2.node(G2.find("c:@F@f")).witness(Cause::Allocation);
  EXPECT_EQ(G1.node(W1.Target).Facts.Name, "g");
  EXPECT_EQ(G2.node(W2.Target).Facts.Name, "g");
  EXPECT_EQ(G1.lattice(G1.find("c:@F@user")), Effect::Allocates);
  EXPECT_EQ(G2.lattice(G2.find("c:@F@user")), Effect::Allocates);
}

} // namespace

// Two programs in one run define 'init' in two files: either may be the one
// that runs, so a caller of 'init' allocates if either does, whichever
// unit comes first.
TEST_F(HeapGraphTest, DistinctDefinitionsAreJoined) {
  UnitBuilder A("/p/a.cpp"), B("/p/b.cpp"), Caller("/p/main.cpp");
  A.define("init");
  B.define("init").site("init", SiteKind::New);
  Caller.define("main").define("init", false).call("main", "init");
  for (bool Swap : {false, true}) {
    HeapGraph G = Swap ? link({B.build(), A.build(), Caller.build()})
                       : link({A.build(), B.build(), Caller.build()});
    EXPECT_EQ(G.lattice(node(G, "main")), Effect::Allocates);
    ASSERT_EQ(G.multiplyDefined().size(), 1u);
    // A point in either body belongs to 'init'.
    EXPECT_EQ(G.functionAt(B.fn("init").Sites[0].Where), node(G, "init"));
  }
}

// A header's body only for inlining ('extern inline' with gnu_inline) and
// filter.c's external definition: a call runs either, so the caller
// allocates if either does, whichever unit comes first, and 'filter' is
// defined at one place only. Without the external definition, the call
// may reach code the run cannot see.
TEST_F(HeapGraphTest, InlineOnlyBodyJoinsTheExternalDefinition) {
  UnitBuilder Header("/p/filter.h"), External("/p/filter.c");
  Header.define("filter").define("tick").call("tick", "filter");
  Header.fn("filter").InlineOnly = true;
  External.define("filter").site("filter", SiteKind::New);
  for (bool Swap : {false, true}) {
    HeapGraph G = Swap ? link({External.build(), Header.build()})
                       : link({Header.build(), External.build()});
    const HeapGraph::Node &Filter = G.node(node(G, "filter"));
    EXPECT_EQ(G.lattice(node(G, "tick")), Effect::Allocates);
    EXPECT_TRUE(G.multiplyDefined().empty());
    EXPECT_FALSE(Filter.Facts.InlineOnly);
    EXPECT_EQ(Filter.Facts.Where.File, "/p/filter.c");
    EXPECT_FALSE(G.node(node(G, "tick")).reaches(Cause::Unseen));
    // A point in the inline body belongs to 'filter' too.
    EXPECT_EQ(G.functionAt(Header.fn("filter").Where), node(G, "filter"));
  }
  HeapGraph Alone = link({Header.build()});
  EXPECT_EQ(Alone.lattice(node(Alone, "tick")), Effect::Unknown);
  EXPECT_EQ(Alone.node(node(Alone, "filter")).leafWhy(Cause::Unseen),
            "has only an inline definition in this run: a call may go to its "
            "external definition, which is in no analysed file");
  // Two external definitions beside the body are two places.
  UnitBuilder Other("/p/other.c");
  Other.define("filter");
  HeapGraph Two = link({Header.build(), External.build(), Other.build()});
  ASSERT_EQ(Two.multiplyDefined().size(), 1u);
  EXPECT_EQ(Two.node(Two.multiplyDefined()[0]).externalDefinitions(), 2u);
  // The twins: a body that is the external definition, and one whose
  // external definition is clean, answer from what they have.
  UnitBuilder Plain("/p/filter.h");
  Plain.define("filter").define("tick").call("tick", "filter");
  HeapGraph Own = link({Plain.build()});
  EXPECT_EQ(Own.lattice(node(Own, "tick")), Effect::None);
  UnitBuilder Clean("/p/filter.c");
  Clean.define("filter");
  HeapGraph Joined = link({Header.build(), Clean.build()});
  EXPECT_EQ(Joined.lattice(node(Joined, "tick")), Effect::None);
}

// A call through a followed pointer reaches what the units store into it,
// and the functions whose address escapes; otherwise, and when a unit
// writes the pointer in a way not followed, every address-taken function
// of its type.
TEST_F(HeapGraphTest, FollowedPointersReachWhatIsStoredIntoThem) {
  UnitBuilder A("/p/a.cpp"), B("/p/b.cpp");
  A.define("quiet").define("loud").define("caller").define("other");
  A.site("loud", SiteKind::New);
  for (const char *F : {"quiet", "loud"}) {
    A.fn(F).AddressTaken = true;
    A.fn(F).Signature = "void ()";
  }
  CallSite Through;
  Through.Kind = CallKind::Indirect;
  Through.Callee = "void ()";
  Through.Pointer = "c:@tick";
  A.fn("caller").Calls.push_back(Through);
  Through.Pointer = "c:@other";
  A.fn("other").Calls.push_back(Through);
  TranslationUnitFacts Quiet = A.build();
  Quiet.Pointers.push_back(pointer("c:@tick", {"c:@F@quiet"}));
  Quiet.Pointers.push_back(pointer("c:@other", {"c:@F@quiet"}));
  TranslationUnitFacts Loud = B.build();
  Loud.Pointers.push_back(pointer("c:@other", {"c:@F@loud"}));
  HeapGraph G = link({Quiet, Loud});
  EXPECT_EQ(G.lattice(node(G, "caller")), Effect::None);
  EXPECT_EQ(G.lattice(node(G, "other")), Effect::Allocates);
  EXPECT_TRUE(G.storedInto(G.node(node(G, "other")).Calls[0], node(G, "loud")));
  auto Caller = [&](std::vector<TranslationUnitFacts> Units) {
    HeapGraph H = link(std::move(Units));
    return H.lattice(node(H, "caller"));
  };

  // 'loud' escapes: it may be in any pointer of its type.
  Quiet.Functions[1].AddressEscapes = true;
  EXPECT_EQ(Caller({Quiet}), Effect::Allocates);
  Quiet.Functions[1].AddressEscapes = false;
  // A pointer another unit writes unseen may hold anything.
  Loud.Pointers[0] = pointer("c:@tick", {}, /*OtherWrites=*/true);
  EXPECT_EQ(Caller({Quiet, Loud}), Effect::Allocates);
  // A copied pointer's functions may be anywhere.
  Loud.Pointers[0] = pointer("c:@other", {"c:@F@loud"}, /*OtherWrites=*/false,
                            /*Copied=*/true);
  EXPECT_EQ(Caller({Quiet, Loud}), Effect::Allocates);
  // A pointer of nonallocating type is trusted; a block reaches nothing known.
  LinkedCall Trusted = G.node(node(G, "other")).Calls[0];
  Trusted.Nonallocating = true;
  EXPECT_TRUE(G.targets(Trusted).empty());
  Trusted.Kind = CallKind::Block;
  EXPECT_EQ(G.node(G.targets(Trusted).at(0)).Facts.USR, "noalloc:unknown");
}

// One inline definition seen from two units is one definition.
TEST_F(HeapGraphTest, OneDefinitionFromTwoUnitsIsNotJoined) {
  UnitBuilder A("/p/x.h"), B("/p/x.h");
  A.define("inl").site("inl", SiteKind::New);
  B.define("inl").site("inl", SiteKind::New);
  HeapGraph G = link({A.build(), B.build()});
  EXPECT_TRUE(G.multiplyDefined().empty());
  EXPECT_EQ(G.node(node(G, "inl")).Facts.Sites.size(), 1u);
}

// One definition the units compile apart (a static inline function under
// an '#ifdef' that one unit defines): each unit runs its own version, so
// its sites and calls are joined, whichever unit comes first.
TEST_F(HeapGraphTest, VersionsOfOneDefinitionAreJoined) {
  UnitBuilder Quiet("/p/x.h"), Heap("/p/x.h");
  Quiet.define("inl").define("quiet_user").call("quiet_user", "inl");
  Heap.define("inl").site("inl", SiteKind::New);
  Heap.define("heap_user").call("heap_user", "inl");
  for (bool Swap : {false, true}) {
    HeapGraph G = Swap ? link({Heap.build(), Quiet.build()})
                       : link({Quiet.build(), Heap.build()});
    EXPECT_EQ(G.lattice(node(G, "heap_user")), Effect::Allocates);
    EXPECT_EQ(G.multiplyCompiled().size(), 1u);
    EXPECT_TRUE(G.multiplyDefined().empty());
  }
  // The same version twice is no other version.
  HeapGraph G = link({Heap.build(), Heap.build()});
  EXPECT_TRUE(G.multiplyCompiled().empty());
  EXPECT_EQ(G.node(node(G, "inl")).Facts.Sites.size(), 1u);
}

TEST_F(HeapGraphTest, FailurePathsAreTheirOwnCause) {
  UnitBuilder B;
  B.define("checked").define("grows").library("at").library("push_back");
  B.fn("at").Summary = {
      true, false, false, false, false, true, "std::out_of_range"};
  B.fn("push_back").Summary = {true,  true, false,           false,
                               false, true, "std::bad_alloc"};
  B.call("checked", "at").call("grows", "at").call("grows", "push_back");
  HeapGraph G = link({B.build()});
  int Checked = node(G, "checked");
  EXPECT_EQ(G.lattice(Checked), Effect::AllocatesOnFailure);
  EXPECT_EQ(G.effect(Checked, Policy::lenient()), Effect::AllocatesOnFailure);
  EXPECT_EQ(G.decidingCause(Checked, Policy::lenient()), Cause::Failure);
  EXPECT_EQ(G.failureException(Checked), "std::out_of_range");
  Policy Accept;
  Accept.Failures = FailurePaths::Accept;
  EXPECT_EQ(G.effect(Checked, Accept), Effect::None);
  // The twin: an allocation on the normal path wins over the failure path.
  EXPECT_EQ(G.effect(node(G, "grows"), Accept), Effect::Allocates);
  EXPECT_EQ(G.effect(node(G, "grows"), Policy::lenient()), Effect::Allocates);
}

// A call that takes memory from a bounded memory resource: its own point of
// the lattice, above a failure path, below unseen code and allocation on
// another path of the same function. Running out throws std::bad_alloc: a
// failure path, which FailurePaths: accept accepts.
TEST_F(HeapGraphTest, BoundedResourcesAreTheirOwnPoint) {
  UnitBuilder B;
  B.define("arena").define("mixed").define("unseen").define("failing");
  B.library("bounded_push_back").library("push_back").library("at");
  B.define("missing", /*Defined=*/false);
  B.fn("bounded_push_back").Summary = {true,
                                       false,
                                       false,
                                       false,
                                       false,
                                       true,
                                       "std::length_error",
                                       /*Bounded=*/true};
  B.fn("push_back").Summary = {true, true, false, false, false, false, ""};
  B.fn("at").Summary = {
      true, false, false, false, false, true, "std::out_of_range"};
  for (const char *F : {"arena", "mixed", "unseen", "failing"})
    B.call(F, "bounded_push_back", ObjectMemory::BoundedResource);
  B.call("mixed", "push_back").call("unseen", "missing").call("failing", "at");
  HeapGraph G = link({B.build()});
  Policy Accept;
  Accept.Failures = FailurePaths::Accept;
  int Arena = node(G, "arena");
  EXPECT_EQ(G.lattice(Arena), Effect::Bounded);
  for (Policy P : {Policy::lenient(), Policy::strict()}) {
    EXPECT_EQ(G.effect(Arena, P), Effect::Bounded);
    EXPECT_EQ(G.decidingCause(Arena, P), Cause::Bounded);
    EXPECT_EQ(G.effect(node(G, "failing"), P), Effect::Bounded);
  }
  EXPECT_EQ(G.effect(Arena, Accept), Effect::None);
  EXPECT_EQ(G.effect(node(G, "failing"), Accept), Effect::None);
  // The twin: a real allocation on another path wins, whatever the policy.
  for (Policy P : {Policy::lenient(), Policy::strict(), Accept})
    EXPECT_EQ(G.effect(node(G, "mixed"), P), Effect::Allocates);
  EXPECT_EQ(G.lattice(node(G, "unseen")), Effect::Unknown);
  EXPECT_EQ(G.effect(node(G, "unseen"), Policy::lenient()), Effect::Unknown);
  EXPECT_EQ(G.effect(node(G, "unseen"), Policy::strict()), Effect::Allocates);
}

// A library function whose throw evaluates allocating code that calls it
// back: the witnesses of the failure path form a cycle, and asking for the
// exception still returns.
TEST_F(HeapGraphTest, AFailurePathThroughItsOwnCallerEnds) {
  UnitBuilder B;
  B.define("fail").define("grow").define("user");
  B.fn("fail").InSystemHeader = true;
  B.fn("grow").InSystemHeader = true;
  B.site("grow", SiteKind::New);
  B.call("fail", "grow").call("grow", "fail").call("user", "fail");
  B.fn("fail").Calls[0].InThrow = true;
  HeapGraph G = link({B.build()});
  EXPECT_EQ(G.lattice(node(G, "fail")), Effect::AllocatesOnFailure);
  EXPECT_EQ(G.failureException(node(G, "fail")), "");
  EXPECT_EQ(G.failureException(node(G, "user")), "");
  EXPECT_EQ(G.lattice(node(G, "grow")), Effect::Allocates);
  (void)G.failureException(node(G, "grow"));
  // The twin: a throw site under the failure path names its exception.
  B.site("fail", SiteKind::Throw);
  B.fn("fail").Sites[0].Exception = "std::length_error";
  HeapGraph Thrown = link({B.build()});
  EXPECT_EQ(Thrown.failureException(node(Thrown, "user")),
            "std::length_error");
}

TEST_F(HeapGraphTest, ALibraryThrowIsItsFailurePath) {
  UnitBuilder B;
  B.define("lib_throw").define("user_throw").library("message_ctor");
  B.fn("lib_throw").InSystemHeader = true;
  B.site("lib_throw", SiteKind::Throw).site("user_throw", SiteKind::Throw);
  B.fn("lib_throw").Sites[0].Exception = "std::length_error";
  // What the library's throw evaluates is part of its failure path; in
  // user code it is not.
  B.fn("message_ctor").Summary = {true, true, false, false, false, false, ""};
  B.call("lib_throw", "message_ctor").call("user_throw", "message_ctor");
  B.fn("lib_throw").Calls[0].InThrow = true;
  B.fn("user_throw").Calls[0].InThrow = true;
  HeapGraph G = link({B.build()});
  EXPECT_EQ(G.lattice(node(G, "lib_throw")), Effect::AllocatesOnFailure);
  EXPECT_EQ(G.failureException(node(G, "lib_throw")), "std::length_error");
  EXPECT_EQ(G.lattice(node(G, "user_throw")), Effect::Allocates);
  // A call that is not part of the throw is an allocation.
  B.fn("lib_throw").Calls[0].InThrow = false;
  HeapGraph Plain = link({B.build()});
  EXPECT_EQ(Plain.lattice(node(Plain, "lib_throw")), Effect::Allocates);
  B.fn("lib_throw").Calls[0].InNoReturnCall = true;
  HeapGraph NoReturn = link({B.build()});
  EXPECT_EQ(NoReturn.lattice(node(NoReturn, "lib_throw")),
            Effect::AllocatesOnFailure);
  // An argument of a call that does not return allocates on the failure
  // path, even without a throw: it is not dropped.
  B.fn("lib_throw").Sites.clear();
  HeapGraph Fatal = link({B.build()});
  EXPECT_EQ(Fatal.lattice(node(Fatal, "lib_throw")),
            Effect::AllocatesOnFailure);
}

TEST_F(HeapGraphTest, HeaderFunctionsStoredOnceLinkAsBefore) {
  // 'inl' in a header: the same facts from a.cpp and b.cpp, its address
  // taken only in b.cpp (other facts). Linked from the program's one copy
  // of each, the answer is the one of linking every unit's copy.
  auto Unit = [](const std::string &Main, bool TakesAddress) {
    UnitBuilder B(Main);
    B.define("inl").site("inl", SiteKind::New);
    for (SourcePoint *P : {&B.fn("inl").Where, &B.fn("inl").Sites[0].Where})
      P->File = "/src/inl.h";
    B.fn("inl").AddressTaken = TakesAddress;
    B.define("user" + Main.substr(5, 1)).call("user" + Main.substr(5, 1), "inl");
    return B.build();
  };
  std::vector<TranslationUnitFacts> Units = {
      Unit("/src/b.cpp", true), Unit("/src/a.cpp", false),
      Unit("/src/c.cpp", false)};
  ProgramFacts Program;
  for (TranslationUnitFacts &U : Units)
    Program.add(std::move(U));
  EXPECT_EQ(Program.listed(), 6u);
  EXPECT_EQ(Program.size(), 5u);
  HeapGraph G(std::move(Program), *KB, {});
  int Inl = node(G, "inl");
  ASSERT_GE(Inl, 0);
  EXPECT_TRUE(G.node(Inl).Facts.AddressTaken);
  EXPECT_TRUE(G.multiplyDefined().empty());
  EXPECT_EQ(G.node(Inl).Facts.Sites.size(), 1u);
  for (const char *User : {"usera", "userb", "userc"})
    EXPECT_EQ(G.lattice(node(G, User)), Effect::Allocates) << User;
  // Node order follows the main files, whatever order the units came in.
  EXPECT_EQ(Inl, 0);
  EXPECT_EQ(node(G, "usera"), 1);
}

// A virtual call reaches every override: made from N places with N
// overrides, its targets are one list that every call shares (2N entries,
// not N*N), and each caller's witness is the one a list per call gives:
// the call first in the source, then the override first by USR.
TEST_F(HeapGraphTest, CallsThatDispatchAlikeShareTheirTargets) {
  const int N = 50;
  UnitBuilder B;
  B.define("run");
  for (int I = 0; I < N; ++I) {
    std::string Override = "over" + std::to_string(I);
    B.define(Override).fn(Override).Overrides = {"c:@F@run"};
    // Every override but the first two ends in an allocation one call away.
    if (I >= 2)
      B.define("grow" + std::to_string(I))
          .site("grow" + std::to_string(I), SiteKind::New)
          .call(Override, "grow" + std::to_string(I));
  }
  B.site("over1", SiteKind::New).site("over0", SiteKind::New);
  for (int I = 0; I < N; ++I) {
    std::string Caller = "caller" + std::to_string(I);
    B.define(Caller).call(Caller, "run");
    B.fn(Caller).Calls.back().Kind = CallKind::Virtual;
  }
  // A direct call before the virtual one, as near the heap: it wins.
  B.define("direct").call("direct", "over1").call("direct", "run");
  B.fn("direct").Calls.back().Kind = CallKind::Virtual;
  // A whole program: no client's override is out of sight.
  B.define("main").call("main", "direct");
  for (int I = 0; I < N; ++I)
    B.call("main", "caller" + std::to_string(I));
  HeapGraph G = link({B.build()});
  const CallTargets &Targets = G.callTargets();
  size_t Entries = 0;
  for (unsigned L = 0; L < Targets.lists(); ++L)
    Entries += Targets.members(L).size();
  EXPECT_LT(Entries, size_t(4 * N));
  for (int I = 0; I < N; ++I) {
    int Caller = node(G, "caller" + std::to_string(I));
    EXPECT_EQ(G.targets(Caller, 0).size(), size_t(N + 1));
    EXPECT_EQ(G.targets(Caller, 0).vec(), G.targets(G.node(Caller).Calls[0]));
    const Witness &W = G.node(Caller).witness(Cause::Allocation);
    EXPECT_EQ(W.Distance, 1u);
    // "c:@F@over0" < "c:@F@over1": both allocate themselves.
    EXPECT_EQ(W.Target, node(G, "over0"));
  }
  const Witness &Direct = G.node(node(G, "direct")).witness(Cause::Allocation);
  EXPECT_EQ(Direct.Call, 0);
  EXPECT_EQ(Direct.Target, node(G, "over1"));
  // Negative twin: with no override allocating itself, the witness is two
  // calls long and goes through the first override by USR that allocates.
  B.fn("over0").Sites.clear();
  B.fn("over1").Sites.clear();
  HeapGraph H = link({B.build()});
  const Witness &Far = H.node(node(H, "caller0")).witness(Cause::Allocation);
  EXPECT_EQ(Far.Distance, 2u);
  // "c:@F@over10" is the first by USR of over2 ... over49.
  EXPECT_EQ(Far.Target, node(H, "over10"));
  EXPECT_EQ(H.node(node(H, "direct")).witness(Cause::Allocation).Call, 1);
}
