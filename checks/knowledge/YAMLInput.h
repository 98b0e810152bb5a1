//===--- YAMLInput.h - Read a YAML file with errors that name the place ---===//

#ifndef NOALLOC_CHECKS_YAMLINPUT_H
#define NOALLOC_CHECKS_YAMLINPUT_H

#include "llvm/Support/Error.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

namespace noalloc {

/// Reads \p Buffer into \p Value; on error, the parser's messages (file,
/// line, column, and the offending key or value) follow \p What.
template <typename T>
llvm::Error readYAML(llvm::MemoryBufferRef Buffer, T &Value,
                     llvm::StringRef What) {
  std::string Diagnostics;
  llvm::raw_string_ostream DiagOS(Diagnostics);
  auto Handler = [](const llvm::SMDiagnostic &D, void *Context) {
    D.print(nullptr, *static_cast<llvm::raw_string_ostream *>(Context),
            /*ShowColors=*/false);
  };
  llvm::yaml::Input In(Buffer, nullptr, Handler, &DiagOS);
  In >> Value;
  if (!In.error())
    return llvm::Error::success();
  return llvm::createStringError(
      In.error(), "%s:\n%s", What.str().c_str(),
      llvm::StringRef(Diagnostics).rtrim().str().c_str());
}

} // namespace noalloc

#endif // NOALLOC_CHECKS_YAMLINPUT_H
