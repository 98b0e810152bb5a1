//===--- TestFacts.h - Small programs written as facts, for unit tests ----===//

#ifndef NOALLOC_TEST_UNIT_TESTFACTS_H
#define NOALLOC_TEST_UNIT_TESTFACTS_H

#include "facts/Facts.h"
#include "facts/ProgramFacts.h"
#include "knowledge/KnowledgeBase.h"
#include "link/HeapGraph.h"
#include "gtest/gtest.h"
#include <map>

namespace noalloc {

/// Builds one translation unit's facts: functions laid out one after the
/// other in one file, calls and sites at increasing offsets.
class UnitBuilder {
public:
  explicit UnitBuilder(std::string MainFile = "/src/main.cpp") {
    Unit.MainFile = std::move(MainFile);
  }

  /// A function defined here (or only declared), in user code.
  UnitBuilder &define(const std::string &Name, bool Defined = true) {
    FunctionFacts F;
    F.USR = "c:@F@" + Name;
    F.Name = Name;
    F.KnowledgeName = Name;
    F.Defined = Defined;
    F.Where = point(Name.size());
    F.EndOffset = Defined ? Next + 100 : 0;
    Next += 200;
    Index[Name] = Unit.Functions.size();
    Unit.Functions.push_back(std::move(F));
    return *this;
  }
  /// A library function without a body, as extraction leaves it.
  UnitBuilder &library(const std::string &Name) {
    define(Name, false);
    Unit.Functions.back().InSystemHeader = true;
    return *this;
  }
  UnitBuilder &call(const std::string &From, const std::string &To,
                    ObjectMemory Object = ObjectMemory::None,
                    bool Accepted = false) {
    CallSite C;
    C.Callee = "c:@F@" + To;
    C.CalleeName = To;
    C.Where = inside(From);
    C.Object = Object;
    C.Accepted = Accepted;
    fn(From).Calls.push_back(C);
    return *this;
  }
  UnitBuilder &site(const std::string &In, SiteKind Kind,
                    bool Accepted = false) {
    HeapSite S;
    S.Kind = Kind;
    S.Description = allocates(Kind) ? "allocates with 'new'"
                                    : "releases memory with 'delete'";
    S.Where = inside(In);
    S.Accepted = Accepted;
    fn(In).Sites.push_back(S);
    return *this;
  }
  FunctionFacts &fn(const std::string &Name) {
    return Unit.Functions[Index.at(Name)];
  }
  TranslationUnitFacts build() const { return Unit; }

private:
  SourcePoint point(unsigned Offset) {
    return {Unit.MainFile, Next + Offset, Next / 200 + 1, 1};
  }
  /// A point inside \p Function's body, after the previous one.
  SourcePoint inside(const std::string &Function) {
    FunctionFacts &F = fn(Function);
    unsigned Offset = F.Where.Offset + 10 + 5 * unsigned(F.Calls.size() +
                                                         F.Sites.size());
    return {Unit.MainFile, Offset, F.Where.Line, Offset - F.Where.Offset};
  }

  TranslationUnitFacts Unit;
  std::map<std::string, size_t> Index;
  unsigned Next = 0;
};

/// A test that links facts against the built-in knowledge base.
class LinkingTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto Loaded = KnowledgeBase::get({});
    ASSERT_TRUE(bool(Loaded));
    KB = std::move(*Loaded);
  }
  HeapGraph link(std::vector<TranslationUnitFacts> Units,
                 LinkOptions Options = {}) {
    return HeapGraph(std::move(Units), *KB, std::move(Options));
  }
  static int node(const HeapGraph &G, const std::string &Name) {
    return G.find("c:@F@" + Name);
  }
  std::shared_ptr<const KnowledgeBase> KB;
};

} // namespace noalloc

#endif // NOALLOC_TEST_UNIT_TESTFACTS_H
