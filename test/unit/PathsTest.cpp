//===--- PathsTest.cpp - One name for each file ---------------------------===//

#include "utils/Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "gtest/gtest.h"

using namespace noalloc;

TEST(PathsTest, DotsGoLexicallyWithoutLinks) {
  EXPECT_EQ(normalizedPath("/a/./b/../c.h"), "/a/c.h");
  EXPECT_EQ(normalizedPath("../inc/x.h", "/p/build"), "/p/inc/x.h");
  EXPECT_EQ(normalizedPath("x.h", "/p/./build/"), "/p/build/x.h");
  EXPECT_EQ(normalizedPath("/../x.h"), "/x.h");
}

TEST(PathsTest, DotDotAfterALinkClimbsFromItsTarget) {
  llvm::SmallString<128> Root;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("noalloc-paths", Root));
  llvm::SmallString<128> Real;
  ASSERT_FALSE(llvm::sys::fs::real_path(Root, Real));
  std::string Target = (Real + "/other/deep").str();
  ASSERT_FALSE(llvm::sys::fs::create_directories(Target));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Real + "/src"));
  ASSERT_FALSE(llvm::sys::fs::create_link(Target, Real + "/src/link"));
  EXPECT_EQ(normalizedPath((Real + "/src/link/../inc/x.h").str()),
            (Real + "/other/inc/x.h").str());
  // No "..": the name stays as written, through the link.
  EXPECT_EQ(normalizedPath((Real + "/src/link/x.h").str()),
            (Real + "/src/link/x.h").str());
  llvm::sys::fs::remove_directories(Real);
}

TEST(PathsTest, UnderMeansAtOrBelowAWholeDirectoryName) {
  EXPECT_TRUE(isUnder("/p/src/a.h", "/p"));
  EXPECT_TRUE(isUnder("/p/src/a.h", "/p/"));
  EXPECT_TRUE(isUnder("/p", "/p"));
  EXPECT_FALSE(isUnder("/pq/a.h", "/p"));
  EXPECT_FALSE(isUnder("/p/a.h", ""));
}

// A worktree's ".git" is a file: it marks a top level as a directory does.
TEST(PathsTest, TheNearestCheckoutIsTheRoot) {
  llvm::SmallString<128> Made, Real;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("noalloc-root", Made));
  ASSERT_FALSE(llvm::sys::fs::real_path(Made, Real));
  std::string Outer = Real.str().str(), Inner = Outer + "/vendor/lib";
  ASSERT_FALSE(llvm::sys::fs::create_directories(Outer + "/.git"));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Inner + "/src"));
  int FD;
  ASSERT_FALSE(llvm::sys::fs::openFileForWrite(Inner + "/.git", FD));
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  EXPECT_EQ(gitTopLevel(Inner + "/src"), Inner);
  EXPECT_EQ(gitTopLevel(Outer + "/vendor"), Outer);
  EXPECT_EQ(projectRoot(Inner + "/src/a.cpp", "/elsewhere"), Inner);
  llvm::sys::fs::remove_directories(Outer);
  // Outside any checkout: the compile directory if it holds the file.
  EXPECT_EQ(gitTopLevel(Outer + "/vendor"), std::nullopt);
  EXPECT_EQ(projectRoot(Outer + "/vendor/a.cpp", Outer + "/"), Outer);
  EXPECT_EQ(projectRoot(Outer + "/vendor/a.cpp", "/elsewhere"), "");
}
