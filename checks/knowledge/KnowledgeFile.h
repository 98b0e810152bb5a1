//===--- KnowledgeFile.h - One knowledge file's entries -------------------===//
//
// What one YAML file of the knowledge base says, before it is merged: the
// default files are read at build time (CompileKnowledge.cpp) and compiled
// into the binary as these structures, a user's file at run time.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_KNOWLEDGEFILE_H
#define NOALLOC_CHECKS_KNOWLEDGEFILE_H

#include "knowledge/KnowledgeBase.h"

namespace noalloc {

/// What the names of a file's functions name.
enum class KnowledgeLanguage {
  /// Any function of that name, the program's own included.
  Any,
  /// C functions ('language: c'): see FunctionEntry::CFunction.
  C,
};

struct KnowledgeFile {
  KnowledgeLanguage Language = KnowledgeLanguage::Any;
  std::vector<FunctionEntry> Functions;
  std::vector<TypeEntry> Types;
  std::vector<ReplacementEntry> Replacements;
  std::vector<LibraryEntry> Libraries;
};

/// Reads the YAML \p Text of the file \p FileName into \p File; an error
/// names the file, line and column.
llvm::Error readKnowledgeFile(llvm::StringRef Text, llvm::StringRef FileName,
                              KnowledgeFile &File);

} // namespace noalloc

#endif // NOALLOC_CHECKS_KNOWLEDGEFILE_H
