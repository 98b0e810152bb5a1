//===--- UnitKnowledge.cpp - The knowledge a unit is analysed with --------===//

#include "utils/UnitKnowledge.h"
#include "knowledge/DerivedKnowledge.h"
#include "utils/OptionLists.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

using namespace clang::tidy;

namespace noalloc {

std::map<std::string, std::string>
knowledgeLists(const ClangTidyOptions &Effective) {
  std::map<std::string, std::string> Lists;
  for (const auto &[Key, Value] : Effective.CheckOptions)
    if (Key == "KnowledgeFiles" || Key.ends_with(".KnowledgeFiles"))
      Lists[Key.str()] = Value.Value;
  return Lists;
}

std::string unitKnowledge(const ClangTidyOptions &Effective) {
  std::string Data;
  for (const auto &[Key, List] : knowledgeLists(Effective)) {
    Data += Key + '\0';
    for (const std::string &Entry : optionList(List))
      Data += knowledgeContents(Entry) + '\0';
  }
  return llvm::utohexstr(llvm::xxh3_64bits(Data), /*LowerCase=*/true, 16);
}

std::string otherKnowledgeMessage(llvm::StringRef Path,
                                  llvm::StringRef MainFile,
                                  StoredAnalysis Kind) {
  // As the other refusals of an input say it: 'cannot use facts ...: why'.
  bool Facts = Kind == StoredAnalysis::Facts;
  return ((Facts ? "cannot use facts '" : "cannot use result '") + Path +
          (Facts ? "': they were" : "': it was") +
          " analysed with other knowledge than '" + MainFile +
          "' has here (a knowledge file changed, or its configuration "
          "names others); " +
          (Facts ? "run 'noalloc --facts-dir' again" : "analyse it again"))
      .str();
}

} // namespace noalloc
