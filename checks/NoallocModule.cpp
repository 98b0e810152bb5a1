//===--- NoallocModule.cpp - The noalloc clang-tidy module ----------------===//
//
// Registers every check of Checks.def with clang-tidy. The command-line tool
// links this module; the clang-tidy plugin is this module loaded with
// --load.
//
//===----------------------------------------------------------------------===//

#include "CheckHeaders.inc" // Every checks/*Check.h, made by CMake.
#include "utils/LLVMCompat.h"
#include "clang-tidy/ClangTidyModule.h"

using namespace clang::tidy;

namespace noalloc {

class NoallocModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
#define NOALLOC_CHECK(Name, Class, EnabledByDefault, Summary, Description)     \
  Factories.registerCheck<Class>(Name);
#include "Checks.def"
  }
};

static ClangTidyModuleRegistry::Add<NoallocModule>
    X("noalloc-module", "Finds code that uses the heap.");

// Referenced by the tool so the linker keeps this object file.
volatile int NoallocModuleAnchorSource = 0;

} // namespace noalloc
