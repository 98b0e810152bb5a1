//===--- NoZ3Solver.cpp - The statically linked command without Z3 --------===//
//
// clang's static analyzer asks LLVM for a Z3 solver only when told to
// (-analyzer-constraints=z3), and noalloc never runs the analyzer. LLVM's
// own definitions would link libz3, whose 23 MB and 17,700 relocations the
// dynamic loader processes at every start, a fifth of a warm run over a
// small project. These are LLVM's for a build without Z3.
//
//===----------------------------------------------------------------------===//

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/SMTAPI.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

SMTSolverRef llvm::CreateZ3Solver() {
  report_fatal_error("noalloc does not run clang's static analyzer with Z3");
}

#if !defined(NDEBUG) || defined(LLVM_ENABLE_DUMP)
LLVM_DUMP_METHOD void SMTSort::dump() const { print(errs()); }
LLVM_DUMP_METHOD void SMTExpr::dump() const { print(errs()); }
LLVM_DUMP_METHOD void SMTSolver::dump() const { print(errs()); }
LLVM_DUMP_METHOD void SMTSolverStatistics::dump() const { print(errs()); }
#endif
