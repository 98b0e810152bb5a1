//===--- NoallocModule.cpp - The noalloc clang-tidy module ----------------===//
//
// Registers every noalloc check with clang-tidy. The command-line tool links
// this module; the clang-tidy plugin is this module loaded with --load.
//
//===----------------------------------------------------------------------===//

#include "CAllocationCheck.h"
#include "CallCheck.h"
#include "CoroutineCheck.h"
#include "NewDeleteCheck.h"
#include "PmrCheck.h"
#include "StdTypeCheck.h"
#include "ThrowCheck.h"
#include "clang-tidy/ClangTidyModule.h"

using namespace clang::tidy;

namespace noalloc {

class NoallocModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<CAllocationCheck>("noalloc-c-allocation");
    Factories.registerCheck<CallCheck>("noalloc-call");
    Factories.registerCheck<CoroutineCheck>("noalloc-coroutine");
    Factories.registerCheck<NewDeleteCheck>("noalloc-new-delete");
    Factories.registerCheck<PmrCheck>("noalloc-pmr");
    Factories.registerCheck<StdTypeCheck>("noalloc-std-type");
    Factories.registerCheck<ThrowCheck>("noalloc-throw");
    Factories.registerCheck<UnknownCallCheck>("noalloc-unknown-call");
  }
};

static ClangTidyModuleRegistry::Add<NoallocModule>
    X("noalloc-module", "Finds code that uses the heap.");

// Referenced by the tool so the linker keeps this object file.
volatile int NoallocModuleAnchorSource = 0;

} // namespace noalloc
