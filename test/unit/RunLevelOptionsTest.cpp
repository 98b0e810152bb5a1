//===--- RunLevelOptionsTest.cpp - One set of options per run -------------===//

#include "WholeProgram.h"
#include "gtest/gtest.h"

using namespace noalloc;
using namespace clang::tidy;

namespace {

/// Options per file, each with a name for its source.
class FakeProvider : public ClangTidyOptionsProvider {
public:
  std::map<std::string, std::vector<OptionsSource>> Raw;
  const ClangTidyGlobalOptions &getGlobalOptions() override { return Global; }
  std::vector<OptionsSource> getRawOptions(llvm::StringRef File) override {
    ++Reads[File.str()];
    return Raw[File.str()];
  }
  /// How many times each file's options were read.
  std::map<std::string, int> Reads;
  void set(const std::string &File, const std::string &Source,
           std::map<std::string, std::string> Values,
           std::string Checks = "-*,noalloc-*") {
    ClangTidyOptions O = ClangTidyOptions::getDefaults();
    O.Checks = Checks;
    for (auto &[K, V] : Values)
      O.CheckOptions[K] = ClangTidyOptions::ClangTidyValue(V);
    Raw[File].push_back({O, Source});
  }

private:
  ClangTidyGlobalOptions Global;
};

TEST(RunLevelOptionsTest, RootsOfEveryConfigurationAndAnyOrder) {
  FakeProvider P;
  P.set("a/a.cpp", "a/.noalloc.yaml", {{"Roots", "A::tick"}});
  P.set("b/b.cpp", "b/.noalloc.yaml",
        {{"noalloc-call.Roots", "B::tick;shared"}});
  auto AB = resolveRunLevelOptions(P, {"a/a.cpp", "b/b.cpp"});
  auto BA = resolveRunLevelOptions(P, {"b/b.cpp", "a/a.cpp"});
  ASSERT_TRUE(bool(AB) && bool(BA));
  std::vector<std::string> Expected{"A::tick", "B::tick", "shared"};
  EXPECT_EQ(AB->Link.Roots, Expected);
  EXPECT_EQ(BA->Link.Roots, Expected);
}

TEST(RunLevelOptionsTest, ConflictingPoliciesNameBothPlaces) {
  FakeProvider P;
  P.set("a/a.cpp", "a/.clang-tidy", {{"Policy", "strict"}});
  P.set("b/b.cpp", "b/.clang-tidy", {{"noalloc-call.Policy", "lenient"}});
  auto R = resolveRunLevelOptions(P, {"a/a.cpp", "b/b.cpp"});
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            "conflicting Policy for one program: 'strict' in a/.clang-tidy, "
            "'lenient' in b/.clang-tidy");
  // The same policy twice is no conflict.
  FakeProvider Same;
  Same.set("a/a.cpp", "a/.clang-tidy", {{"Policy", "strict"}});
  Same.set("b/b.cpp", "b/.clang-tidy", {{"Policy", "strict"}});
  auto S = resolveRunLevelOptions(Same, {"a/a.cpp", "b/b.cpp"});
  ASSERT_TRUE(bool(S));
  EXPECT_TRUE(S->Policy.isStrict());
}

// Files of one directory read the same configuration files: a run of
// thousands of files reads each directory's once, and a conflict is still
// found in the order of the files.
TEST(RunLevelOptionsTest, EachDirectoryIsReadOnce) {
  FakeProvider P;
  P.set("a/1.cpp", "a/.clang-tidy", {{"Policy", "strict"}});
  P.set("b/3.cpp", "b/.clang-tidy", {{"Policy", "strict"}});
  auto R = resolveRunLevelOptions(P, {"a/1.cpp", "a/2.cpp", "b/3.cpp"});
  ASSERT_TRUE(bool(R));
  EXPECT_TRUE(R->Policy.isStrict());
  EXPECT_EQ(P.Reads.count("a/2.cpp"), 0u);
  EXPECT_GT(P.Reads["a/1.cpp"], 0);
  EXPECT_GT(P.Reads["b/3.cpp"], 0);
  // Negative twin: another directory's policy differs.
  P.set("c/4.cpp", "c/.clang-tidy", {{"Policy", "lenient"}});
  auto C = resolveRunLevelOptions(P, {"a/1.cpp", "a/2.cpp", "c/4.cpp"});
  ASSERT_FALSE(bool(C));
  EXPECT_EQ(llvm::toString(C.takeError()),
            "conflicting Policy for one program: 'strict' in a/.clang-tidy, "
            "'lenient' in c/.clang-tidy");
}

TEST(RunLevelOptionsTest, EnabledChecksComeFromTheGlobs) {
  FakeProvider P;
  P.set("a.cpp", "--checks", {}, "-*,noalloc-call");
  auto R = resolveRunLevelOptions(P, {"a.cpp"});
  ASSERT_TRUE(bool(R));
  EXPECT_TRUE(R->enabled("noalloc-call"));
  EXPECT_FALSE(R->enabled("noalloc-std-type"));
}

} // namespace
