//===--- YAMLInput.h - Read a YAML file with errors that name the place ---===//

#ifndef NOALLOC_CHECKS_YAMLINPUT_H
#define NOALLOC_CHECKS_YAMLINPUT_H

#include "llvm/Support/Error.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include <string>

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

/// One word a key takes, and the value it reads as.
template <typename T> struct Choice {
  llvm::StringRef Word;
  T Value;
};

/// llvm::yaml::ScalarTraits for a key that takes one of a few words: a word
/// it does not take is one error at the scalar's place that names it and
/// the words it takes ("unknown effect 'allocate': expected 'allocates',
/// ..."), not LLVM's "unknown enumerated scalar". \p Table has the words,
/// \c Words, and what the error calls the value, \c What.
template <typename Table, typename T> struct ChoiceTraits {
  static void output(const T &Value, void *, llvm::raw_ostream &OS) {
    for (const Choice<T> &C : Table::Words)
      if (C.Value == Value)
        OS << C.Word;
  }
  static llvm::StringRef input(llvm::StringRef Scalar, void *, T &Value) {
    for (const Choice<T> &C : Table::Words)
      if (Scalar == C.Word) {
        Value = C.Value;
        return "";
      }
    // The parser reports the message before the next read.
    static thread_local std::string Message;
    Message = ("unknown " + Table::What + " '" + Scalar + "': expected ").str();
    size_t N = std::size(Table::Words);
    for (size_t I = 0; I != N; ++I)
      Message += (I == 0       ? "'"
                  : I + 1 == N ? " or '"
                               : ", '") +
                 Table::Words[I].Word.str() + "'";
    return Message;
  }
  static llvm::yaml::QuotingType mustQuote(llvm::StringRef) {
    return llvm::yaml::QuotingType::None;
  }
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_YAMLINPUT_H
