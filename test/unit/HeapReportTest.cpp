//===--- HeapReportTest.cpp - One warning per cause -----------------------===//

#include "TestFacts.h"
#include "report/HeapReport.h"
#include "gtest/gtest.h"

using namespace noalloc;

namespace {

class HeapReportTest : public LinkingTest {
protected:
  std::vector<CallFinding> findings(const TranslationUnitFacts &Unit,
                                    ReportOptions Options = {},
                                    LinkOptions Link = {}) {
    HeapGraph G = link({Unit}, std::move(Link));
    return callFindings(G, *KB, Options);
  }
};

TEST_F(HeapReportTest, AtMostOneCallWarningPerFunction) {
  UnitBuilder B;
  B.define("a").define("b").define("c").define("d");
  B.call("a", "b").call("a", "c").call("a", "d");
  B.site("b", SiteKind::New).site("c", SiteKind::New).site("d", SiteKind::New);
  std::vector<CallFinding> Findings = findings(B.build());
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Message, "call to 'b' may allocate on the heap");
  ASSERT_EQ(Findings[0].Notes.size(), 2u);
  EXPECT_EQ(Findings[0].Notes[0].Message, "'b' allocates with 'new' here");
  EXPECT_EQ(Findings[0].Notes[1].Message,
            "and 2 more calls in 'a' that may use the heap");

  ReportOptions Every;
  Every.EveryCall = true;
  EXPECT_EQ(findings(B.build(), Every).size(), 3u);
}

TEST_F(HeapReportTest, CallsOfAnEnabledDirectCheckAreLeftToIt) {
  UnitBuilder B;
  B.define("f").library("push_back").library("malloc");
  B.fn("push_back").Summary = {true, true, false, false, false, false, ""};
  B.call("f", "push_back", ObjectMemory::Heap);
  B.define("g").call("g", "malloc");
  ReportOptions AllChecks;
  EXPECT_TRUE(findings(B.build(), AllChecks).empty());
  // Without noalloc-std-type and noalloc-c-allocation, noalloc-call says it.
  ReportOptions CallOnly;
  CallOnly.CheckEnabled = [](llvm::StringRef C) { return C == "noalloc-call"; };
  std::vector<CallFinding> Findings = findings(B.build(), CallOnly);
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Message, "call to 'push_back' may allocate on the heap");
  EXPECT_EQ(Findings[1].Message, "call to 'malloc' may allocate on the heap");
}

// A bounded memory resource uses no heap while it has room; running out
// throws std::bad_alloc: noalloc-call reports a call that takes memory from
// it as a failure path, whichever checks run, FailurePaths: accept accepts
// it, and its verdict says 'bounded'.
TEST_F(HeapReportTest, BoundedResourcesAreFailurePaths) {
  UnitBuilder B;
  B.define("frame").library("bounded_push_back");
  B.define("grows").library("push_back");
  B.fn("bounded_push_back").Summary = {true,  false, false, false,
                                       false, false, "",    /*Bounded=*/true};
  B.fn("push_back").Summary = {true, true, false, false, false, false, ""};
  B.call("frame", "bounded_push_back", ObjectMemory::BoundedResource);
  B.call("grows", "push_back", ObjectMemory::BoundedResource);
  LinkOptions Link;
  Link.Roots = {"frame", "grows"};
  ReportOptions CallOnly;
  CallOnly.CheckEnabled = [](llvm::StringRef C) { return C == "noalloc-call"; };
  ReportOptions Accept = CallOnly;
  Accept.Policy.Failures = FailurePaths::Accept;
  for (const ReportOptions &Options : {ReportOptions(), CallOnly}) {
    std::vector<CallFinding> Findings = findings(B.build(), Options, Link);
    ASSERT_EQ(Findings.size(), 2u);
    EXPECT_EQ(Findings[0].Message, "call to 'bounded_push_back' may allocate "
                                   "only when it fails (throws "
                                   "'std::bad_alloc')");
    EXPECT_TRUE(isFailurePathMessage(Findings[0].Message));
    EXPECT_EQ(Findings[1].Message,
              "call to 'push_back' may allocate on the heap");
  }
  // The twin: what a call on such an object still allocates is reported
  // when failure paths are accepted.
  std::vector<CallFinding> Findings = findings(B.build(), Accept, Link);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Message, "call to 'push_back' may allocate on the heap");
  HeapGraph G = link({B.build()}, Link);
  std::vector<FunctionSummary> Summaries =
      functionSummaries(G, Policy::lenient());
  ASSERT_EQ(Summaries.size(), 2u);
  EXPECT_EQ(effectName(Summaries[0].Answer), "bounded");
  EXPECT_TRUE(Summaries[0].MayAllocate);
  ASSERT_EQ(Summaries[0].Chain.size(), 1u);
  EXPECT_EQ(Summaries[0].Chain[0].Message,
            "'frame' calls 'bounded_push_back', which allocates from a bounded "
            "memory resource: no heap while it has room; when exhausted it "
            "throws 'std::bad_alloc', whose exception object is allocated on "
            "the heap");
  Summaries = functionSummaries(G, Accept.Policy);
  EXPECT_EQ(effectName(Summaries[0].Answer), "none");
  EXPECT_EQ(effectName(Summaries[0].Lattice), "bounded");
}

TEST_F(HeapReportTest, ScopedRunsSayWhatTheyCannotSee) {
  UnitBuilder B;
  B.define("audio_callback").define("Mixer::mix", /*Defined=*/false);
  B.define("offline").define("unseen_too", false);
  B.call("audio_callback", "Mixer::mix").call("offline", "unseen_too");
  LinkOptions Link;
  Link.Roots = {"audio_callback"};
  std::vector<CallFinding> Findings = findings(B.build(), {}, Link);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Message,
            "cannot show that 'audio_callback' is allocation-free: "
            "'Mixer::mix' is defined in no analysed file");
  // Without roots, lenient: unseen code is not a warning (noalloc-unknown-call
  // lists it).
  EXPECT_TRUE(findings(B.build()).empty());
  ReportOptions Strict;
  Strict.Policy = Policy::strict();
  EXPECT_EQ(findings(B.build(), Strict).size(), 2u);
}

TEST_F(HeapReportTest, VerdictsDoNotDependOnChecks) {
  UnitBuilder B;
  B.define("f").library("push_back");
  B.fn("push_back").Summary = {true, true, false, false, false, false, ""};
  B.call("f", "push_back", ObjectMemory::Heap);
  HeapGraph G({B.build()}, *KB, {});
  std::vector<FunctionSummary> S = functionSummaries(G, Policy::lenient());
  ASSERT_EQ(S.size(), 1u);
  EXPECT_TRUE(S[0].MayAllocate);
  EXPECT_EQ(S[0].Lattice, Effect::Allocates);
  ASSERT_EQ(S[0].Chain.size(), 1u);
  EXPECT_EQ(S[0].Chain[0].Message,
            "'f' calls 'push_back', which may allocate on the heap");
}

TEST_F(HeapReportTest, ExplainNamesLibraryFunctions) {
  UnitBuilder B;
  B.define("f").library("std::lock_guard<std::mutex>::lock_guard");
  B.fn("std::lock_guard<std::mutex>::lock_guard").Summary = {
      true, false, false, true, false, false, ""};
  B.call("f", "std::lock_guard<std::mutex>::lock_guard");
  HeapGraph G({B.build()}, *KB, {});
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EXPECT_TRUE(explain(G, "std::lock_guard*", Policy::strict(), OS));
  EXPECT_EQ(Out, "'std::lock_guard<std::mutex>::lock_guard' is library code "
                 "that calls library code that has no body to analyse\n");
  Out.clear();
  EXPECT_TRUE(explain(G, "std::lock_guard*", Policy::lenient(), OS));
  EXPECT_EQ(Out, "'std::lock_guard<std::mutex>::lock_guard' is library code "
                 "that calls library code that has no body to analyse, "
                 "accepted by the run's policy\n");
  EXPECT_FALSE(explain(G, "nothing*", Policy::lenient(), OS));
}

TEST_F(HeapReportTest, ExplainAgreesWithTheVerdict) {
  // 'f' reaches library code without a body only: 'none' under lenient,
  // 'allocates' under strict; --explain lists the path only where it counts.
  UnitBuilder B;
  B.define("f").library("lib");
  B.fn("lib").Summary = {true, false, false, true, false, false, ""};
  B.call("f", "lib");
  HeapGraph G({B.build()}, *KB, {});
  ASSERT_EQ(functionSummaries(G, Policy::lenient())[0].Answer, Effect::None);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EXPECT_TRUE(explain(G, "f", Policy::lenient(), OS));
  EXPECT_EQ(Out, "'f' may use the heap only by paths the run's policy "
                 "accepts\n"
                 "  not shown: 1 path to library code that has no body to "
                 "analyse ('lib'), accepted by the run's policy "
                 "('noalloc-call.Policy: strict' counts it)\n");
  Out.clear();
  EXPECT_TRUE(explain(G, "f", Policy::strict(), OS));
  EXPECT_TRUE(
      llvm::StringRef(Out).starts_with("'f' may use the heap by 1 path:\n"));
  EXPECT_TRUE(llvm::StringRef(Out).ends_with(
      ": 'f' calls 'lib', which calls library code that has no body to "
      "analyse\n"));
  EXPECT_FALSE(llvm::StringRef(Out).contains("not shown"));
}

// The accepted paths name what they end in: the reader learns which
// library functions the policy accepted, three at most.
TEST_F(HeapReportTest, ExplainNamesWhatThePolicyAccepted) {
  UnitBuilder B;
  B.define("two").define("four");
  for (const char *Lib : {"lib_a", "lib_b", "lib_c", "lib_d"}) {
    B.library(Lib);
    B.fn(Lib).Summary = {true, false, false, true, false, false, ""};
    B.call("four", Lib);
  }
  B.call("two", "lib_a").call("two", "lib_b");
  HeapGraph G({B.build()}, *KB, {});
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EXPECT_TRUE(explain(G, "two", Policy::lenient(), OS));
  EXPECT_TRUE(llvm::StringRef(Out).contains(
      "  not shown: 2 paths to library code that has no body to analyse "
      "('lib_a' and 'lib_b'), accepted"));
  Out.clear();
  EXPECT_TRUE(explain(G, "four", Policy::lenient(), OS));
  EXPECT_TRUE(llvm::StringRef(Out).contains(
      "  not shown: 4 paths to library code that has no body to analyse "
      "('lib_a', 'lib_b', 'lib_c' and 1 more), accepted"))
      << Out;
}

TEST_F(HeapReportTest, LongChainsShowTheirEndsAndCountTheMiddle) {
  // f0 calls f1, ..., f(N-1) allocates: f0's chain has N steps.
  auto Chain = [&](int N) {
    UnitBuilder B;
    for (int I = 0; I < N; ++I)
      B.define("f" + std::to_string(I));
    for (int I = 0; I + 1 < N; ++I)
      B.call("f" + std::to_string(I), "f" + std::to_string(I + 1));
    B.site("f" + std::to_string(N - 1), SiteKind::New);
    HeapGraph G({B.build()}, *KB, {});
    for (const FunctionSummary &S : functionSummaries(G, Policy::lenient()))
      if (S.Name == "f0")
        return S.Chain;
    return std::vector<ChainStep>();
  };
  std::vector<ChainStep> Long = Chain(40);
  ASSERT_EQ(Long.size(), ChainWindow::First + 1 + ChainWindow::Last);
  EXPECT_EQ(Long[7].Message, "'f7' calls 'f8'");
  EXPECT_EQ(Long[8].Message, "24 steps not shown");
  EXPECT_EQ(leftOutSteps(Long[8].Message), 24u);
  EXPECT_EQ(Long[9].Message, "'f32' calls 'f33'");
  EXPECT_EQ(Long.back().Message, "'f39' allocates with 'new' here");
  // A gap of one step is shown: its note would take the same place.
  std::vector<ChainStep> Edge = Chain(17);
  ASSERT_EQ(Edge.size(), 17u);
  EXPECT_TRUE(llvm::none_of(
      Edge, [](const ChainStep &S) { return leftOutSteps(S.Message); }));
  EXPECT_EQ(Chain(18)[8].Message, "2 steps not shown");

  EXPECT_EQ(leftOutSteps(leftOutMessage(1)), 1u);
  EXPECT_EQ(leftOutSteps("and 2 more calls in 'a' that may use the heap"),
            std::nullopt);
  EXPECT_EQ(leftOutSteps("2 steps not shown here"), std::nullopt);
}

TEST_F(HeapReportTest, ChainsUnderARootAreCutFromTheirEnds) {
  // f0 (a root) calls f1, ..., f59 allocates; g is out of the root's reach.
  UnitBuilder B;
  for (int I = 0; I < 60; ++I)
    B.define("f" + std::to_string(I));
  for (int I = 0; I + 1 < 60; ++I)
    B.call("f" + std::to_string(I), "f" + std::to_string(I + 1));
  B.site("f59", SiteKind::New).define("g").call("g", "f59");
  LinkOptions Link;
  Link.Roots = {"f0"};
  HeapGraph G = link({B.build()}, Link);
  std::vector<CallFinding> Findings = callFindings(G, *KB, {});
  auto Middle = llvm::find_if(Findings, [](const CallFinding &F) {
    return F.Message == "call to 'f31' may allocate on the heap";
  });
  ASSERT_NE(Middle, Findings.end());
  std::vector<std::string> Notes;
  for (const ChainStep &Step : Middle->Notes)
    Notes.push_back(Step.Message);
  // The root and its first calls, those around the finding (in f30), the
  // last ones; what is between counted.
  std::vector<std::string> Expected = {
      "'f0' must not allocate: it is a noalloc root",
      "'f0' calls 'f1'",
      "'f1' calls 'f2'",
      "'f2' calls 'f3'",
      "'f3' calls 'f4'",
      "'f4' calls 'f5'",
      "'f5' calls 'f6'",
      "'f6' calls 'f7'",
      "19 steps not shown",
      "'f26' calls 'f27'",
      "'f27' calls 'f28'",
      "'f28' calls 'f29'",
      "'f29' calls 'f30'",
      "'f31' calls 'f32'",
      "'f32' calls 'f33'",
      "'f33' calls 'f34'",
      "'f34' calls 'f35'",
      "17 steps not shown",
      "'f52' calls 'f53'",
      "'f53' calls 'f54'",
      "'f54' calls 'f55'",
      "'f55' calls 'f56'",
      "'f56' calls 'f57'",
      "'f57' calls 'f58'",
      "'f58' calls 'f59'",
      "'f59' allocates with 'new' here"};
  EXPECT_EQ(Notes, Expected);

  SourcePoint InF40 = G.node(node(G, "f40")).Calls[0].Where.point();
  SourcePoint InG = G.node(node(G, "g")).Calls[0].Where.point();
  EXPECT_EQ(reachingRoots(G, {InF40, InG}),
            (std::vector<std::string>{"f0", ""}));
}

TEST_F(HeapReportTest, WindowsSkipWhatTheyLeaveOut) {
  ChainWindow Window(100, 50);
  EXPECT_EQ(Window.nextShown(3), 3u);
  EXPECT_EQ(Window.nextShown(8), 46u);
  EXPECT_EQ(Window.nextShown(55), 92u);
  EXPECT_EQ(Window.nextShown(99), 99u);
  EXPECT_EQ(Window.nextShown(100), 100u);
  for (size_t Step = 0; Step < 100; ++Step)
    EXPECT_TRUE(Window.shows(Window.nextShown(Step)));
}

} // namespace

TEST_F(HeapReportTest, FailurePathsSayWhichException) {
  UnitBuilder B;
  B.define("checked").define("grows").library("at").library("push_back");
  B.fn("at").Summary = {
      true, false, false, false, false, true, "std::out_of_range"};
  B.fn("push_back").Summary = {true, true, false, false, false, false, ""};
  B.call("checked", "at").call("grows", "at").call("grows", "push_back");
  std::vector<CallFinding> Findings = findings(B.build());
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Message, "call to 'at' may allocate only when it "
                                 "fails (throws 'std::out_of_range')");
  // A function that allocates is reported at its allocating call first,
  // though the failure path comes first in the source.
  EXPECT_EQ(Findings[1].Message, "call to 'push_back' may allocate on the heap");
  ASSERT_EQ(Findings[1].Notes.size(), 1u);
  EXPECT_EQ(Findings[1].Notes[0].Message,
            "and 1 more call in 'grows' that may use the heap");
  ReportOptions Accept;
  Accept.Policy.Failures = FailurePaths::Accept;
  Findings = findings(B.build(), Accept);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Message, "call to 'push_back' may allocate on the heap");
  HeapGraph G({B.build()}, *KB, {});
  std::vector<FunctionSummary> S = functionSummaries(G, Policy::lenient());
  ASSERT_EQ(S.size(), 2u);
  EXPECT_EQ(S[0].Answer, Effect::AllocatesOnFailure);
  EXPECT_TRUE(S[0].MayAllocate);
  EXPECT_EQ(effectName(S[0].Answer), "allocates-on-failure");
  EXPECT_EQ(functionSummaries(G, Accept.Policy)[0].Answer, Effect::None);
}
