//===--- KnowledgeIdentityTest.cpp - What identifies a knowledge file -----===//

#include "knowledge/DerivedKnowledge.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <string>
#include <thread>
#include <vector>

using namespace noalloc;

namespace {
/// A fresh directory, removed at the end of the test.
class KnowledgeIdentityTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("noalloc-kb", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }
  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
    return std::string(Path);
  }
  llvm::SmallString<128> Dir;
};
} // namespace

TEST_F(KnowledgeIdentityTest, ContentsNotPath) {
  std::string A = write("a.yaml", "functions: []\n");
  std::string B = write("b.yaml", "functions: []\n");
  std::string C = write("c.yaml", "functions:\n  - name: f\n");
  EXPECT_EQ(knowledgeContents(A), knowledgeContents(B));
  EXPECT_NE(knowledgeContents(A), knowledgeContents(C));
  // The cache key's identity names the path too.
  EXPECT_NE(knowledgeIdentity(A), knowledgeIdentity(B));
}

TEST_F(KnowledgeIdentityTest, OncePerProcess) {
  std::string A = write("a.yaml", "functions: []\n");
  std::string First = knowledgeContents(A);
  // The run read its knowledge once: an edit during the run changes
  // nothing it has computed...
  write("a.yaml", "functions:\n  - name: g\n");
  EXPECT_EQ(knowledgeContents(A), First);
  EXPECT_EQ(knowledgeIdentity(A), A + "|" + First);
  // ...while a file first asked for now is read as it is now.
  std::string B = write("b.yaml", "functions:\n  - name: g\n");
  EXPECT_NE(knowledgeContents(B), First);
}

TEST_F(KnowledgeIdentityTest, SameAnswerOnEveryThread) {
  std::string A = write("threads.yaml", "functions: []\n");
  std::vector<std::string> Seen(8);
  std::vector<std::thread> Threads;
  for (size_t I = 0; I < Seen.size(); ++I)
    Threads.emplace_back([&, I] {
      Seen[I] = knowledgeContents(A) + knowledgeContents(SystemLibraries);
    });
  for (std::thread &T : Threads)
    T.join();
  for (const std::string &S : Seen)
    EXPECT_EQ(S, Seen.front());
  EXPECT_NE(knowledgeContents(SystemLibraries).find("build-id:"),
            std::string::npos);
}
