//===--- PhrasesTest.cpp - Lists in messages ------------------------------===//

#include "utils/Phrases.h"
#include "gtest/gtest.h"

using namespace noalloc;

TEST(PhrasesTest, EveryItemShown) {
  EXPECT_EQ(joinList({}), "");
  EXPECT_EQ(joinList({"'a'"}), "'a'");
  EXPECT_EQ(joinList({"'a'", "'b'"}), "'a' and 'b'");
  EXPECT_EQ(joinList({"'a'", "standard output", "'c'"}),
            "'a', standard output and 'c'");
}

TEST(PhrasesTest, ItemsLeftOutAreCounted) {
  EXPECT_EQ(joinList({"'a'"}, 3), "'a' and 3 more");
  EXPECT_EQ(joinList({"'a'", "'b'", "'c'"}, 1), "'a', 'b', 'c' and 1 more");
  // Nothing left out: the last item joins with "and".
  EXPECT_EQ(joinList({"'a'", "'b'"}, 0), "'a' and 'b'");
}

TEST(PhrasesTest, Quoted) { EXPECT_EQ(quoted("malloc"), "'malloc'"); }
