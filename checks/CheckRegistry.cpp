//===--- CheckRegistry.cpp - The checks, as data --------------------------===//

#include "CheckRegistry.h"

namespace noalloc {

static const CheckInfo Checks[] = {
#define NOALLOC_CHECK(Name, Class, EnabledByDefault, Summary, Description)     \
  {Name, EnabledByDefault, Summary, Description},
#include "Checks.def"
};

llvm::ArrayRef<CheckInfo> allChecks() { return Checks; }

std::string defaultCheckGlob() {
  std::string Glob = "-*,noalloc-*";
  for (const CheckInfo &C : Checks)
    if (!C.EnabledByDefault)
      Glob += ",-" + C.Name.str();
  return Glob;
}

const CheckInfo *findCheck(llvm::StringRef Name) {
  for (const CheckInfo &C : Checks)
    if (C.Name == Name)
      return &C;
  return nullptr;
}

} // namespace noalloc
