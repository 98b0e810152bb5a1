//===--- AnnotationsTest.cpp - Which functions --annotate marks -----------===//

#include "report/Annotations.h"
#include "TestFacts.h"
#include "gtest/gtest.h"

using namespace noalloc;

namespace {

class AnnotationsTest : public LinkingTest {
protected:
  /// Gives each function of \p B one place for the attribute, at its name.
  static void writable(UnitBuilder &B,
                       std::initializer_list<const char *> Names) {
    for (const char *Name : Names)
      B.fn(Name).AttributeAt = {B.fn(Name).Where};
  }
  /// The names of the functions marked.
  std::vector<std::string> marked(std::vector<TranslationUnitFacts> Units,
                                  std::vector<std::string> Rejected = {}) {
    HeapGraph G = link(std::move(Units));
    std::vector<bool> Refused(G.size());
    for (const std::string &Name : Rejected)
      Refused[node(G, Name)] = true;
    std::vector<std::string> Names;
    for (const Annotation &A : selectAnnotations(G, Refused))
      Names.push_back(A.Name);
    return Names;
  }
};

using Names = std::vector<std::string>;

TEST_F(AnnotationsTest, OnlyFunctionsWithNoEffectAtAll) {
  UnitBuilder B;
  B.define("leaf").define("caller").define("allocates").define("releases");
  B.define("accepted").define("callsAllocating");
  B.site("allocates", SiteKind::New).site("releases", SiteKind::Delete);
  B.site("accepted", SiteKind::New, /*Accepted=*/true);
  B.call("caller", "leaf").call("callsAllocating", "allocates");
  writable(B, {"leaf", "caller", "allocates", "releases", "accepted",
               "callsAllocating"});
  EXPECT_EQ(marked({B.build()}), (Names{"leaf", "caller"}));
}

TEST_F(AnnotationsTest, CallsClangCannotFollowAreNotMarked) {
  UnitBuilder B;
  B.define("viaPointer").define("target").define("unseen", false);
  B.define("callsUnseen").define("callsLibrary").library("opaque");
  B.define("callsMemcpy").library("memcpy");
  B.call("callsUnseen", "unseen").call("callsLibrary", "opaque");
  B.call("callsMemcpy", "memcpy");
  CallSite Indirect;
  Indirect.Kind = CallKind::Indirect;
  Indirect.Callee = "void ()";
  B.fn("viaPointer").Calls.push_back(Indirect);
  B.fn("target").AddressTaken = true;
  B.fn("target").Signature = "void ()";
  writable(B, {"viaPointer", "target", "callsUnseen", "callsLibrary",
               "callsMemcpy"});
  // memcpy: the knowledge base says it has no effect, and clang knows it.
  EXPECT_EQ(marked({B.build()}), (Names{"target", "callsMemcpy"}));
}

TEST_F(AnnotationsTest, RefusalsReachTheCallers) {
  UnitBuilder B;
  B.define("refused").define("caller").define("top").define("other");
  B.call("caller", "refused").call("top", "caller");
  writable(B, {"refused", "caller", "top", "other"});
  EXPECT_EQ(marked({B.build()}, {"refused"}), (Names{"other"}));
  // Negative twin: without the refusal, all four.
  EXPECT_EQ(marked({B.build()}).size(), 4u);
}

TEST_F(AnnotationsTest, BlockedFunctionsAreCalledButNotWritten) {
  UnitBuilder B;
  B.define("macroDeclared").define("caller");
  B.call("caller", "macroDeclared");
  writable(B, {"caller"});
  B.fn("macroDeclared").AttributeBlocked = true;
  EXPECT_EQ(marked({B.build()}), (Names{"caller"}));
}

TEST_F(AnnotationsTest, VirtualCallsNeedEveryOverrideMarked) {
  UnitBuilder B;
  B.define("base").define("quietOverride").define("noisyOverride");
  B.define("dispatch");
  B.fn("quietOverride").Overrides = {"c:@F@base"};
  B.fn("noisyOverride").Overrides = {"c:@F@base"};
  B.site("noisyOverride", SiteKind::New);
  B.call("dispatch", "base");
  B.fn("dispatch").Calls.back().Kind = CallKind::Virtual;
  // A whole program: no client's override is out of sight.
  B.define("main").call("main", "dispatch");
  writable(B, {"base", "quietOverride", "noisyOverride", "dispatch"});
  // 'base' would need the attribute on 'noisyOverride' too.
  EXPECT_EQ(marked({B.build()}), (Names{"quietOverride"}));
  // Negative twin: with a quiet override, the call is followed.
  B.fn("noisyOverride").Sites.clear();
  EXPECT_EQ(marked({B.build()}).size(), 4u);
}

TEST_F(AnnotationsTest, DeclarationsOfEveryUnitAreJoined) {
  UnitBuilder Header("/src/user.cpp");
  Header.define("api", /*Defined=*/false).define("user");
  Header.call("user", "api");
  writable(Header, {"api", "user"});
  UnitBuilder Source("/src/api.cpp");
  Source.define("api");
  writable(Source, {"api"});
  HeapGraph G({Header.build(), Source.build()}, *KB, LinkOptions());
  std::vector<Annotation> All = selectAnnotations(G, {});
  ASSERT_EQ(All.size(), 2u);
  const Annotation &Api = All[0].Name == "api" ? All[0] : All[1];
  ASSERT_EQ(Api.Points.size(), 2u);
  EXPECT_EQ(Api.Points[0].File, "/src/api.cpp");
  EXPECT_EQ(Api.Points[1].File, "/src/user.cpp");
}

TEST_F(AnnotationsTest, ATemplateIsMarkedOnlyIfEveryInstantiationQualifies) {
  UnitBuilder B;
  B.define("twice<int>").define("twice<std::string>");
  B.site("twice<std::string>", SiteKind::New);
  SourcePoint Pattern{"/src/main.h", 40, 3, 20};
  B.fn("twice<int>").AttributeAt = {Pattern};
  B.fn("twice<std::string>").AttributeAt = {Pattern};
  EXPECT_EQ(marked({B.build()}), Names{});
  // Negative twin: both instantiations quiet, the template is marked once.
  B.fn("twice<std::string>").Sites.clear();
  EXPECT_EQ(marked({B.build()}), Names{"twice<int>"});
}

} // namespace
