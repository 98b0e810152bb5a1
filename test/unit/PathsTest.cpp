//===--- PathsTest.cpp - One name for each file ---------------------------===//

#include "utils/Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
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
