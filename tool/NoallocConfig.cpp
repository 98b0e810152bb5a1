//===--- NoallocConfig.cpp - .noalloc.yaml --------------------------------===//

#include "NoallocConfig.h"
#include "knowledge/DerivedKnowledge.h"
#include "knowledge/YAMLInput.h"
#include "utils/LLVMCompat.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include <map>

using namespace llvm;

namespace noalloc {
namespace {

struct ConfigFile {
  std::optional<std::string> Checks;
  std::vector<std::string> Knowledge;
  std::vector<std::string> Roots;
  std::vector<std::string> AllowedZones;
  enum class PolicyKind { Lenient, Strict };
  std::optional<PolicyKind> Policy;
  enum class FailureKind { Report, Accept };
  std::optional<FailureKind> FailurePaths;
  enum class ProgramKind { Auto, Whole, Library };
  std::optional<ProgramKind> WholeProgram;
  std::optional<std::string> HeaderFilter;
  std::map<std::string, std::string> Options;
};

} // namespace
} // namespace noalloc

namespace llvm {
namespace yaml {

template <> struct CustomMappingTraits<std::map<std::string, std::string>> {
  static void inputOne(IO &IO, StringRef Key,
                       std::map<std::string, std::string> &Map) {
    IO.mapRequired(Key.str().c_str(), Map[Key.str()]);
  }
  static void output(IO &IO, std::map<std::string, std::string> &Map) {
    for (auto &[Key, Value] : Map)
      IO.mapRequired(Key.c_str(), Value);
  }
};

namespace {

/// The words of each key that takes one, and what the error calls its
/// value: the key.
struct Policies {
  static constexpr StringRef What = "policy";
  static constexpr noalloc::Choice<noalloc::ConfigFile::PolicyKind> Words[] = {
      {"lenient", noalloc::ConfigFile::PolicyKind::Lenient},
      {"strict", noalloc::ConfigFile::PolicyKind::Strict}};
};

struct FailurePaths {
  static constexpr StringRef What = "failure-paths";
  static constexpr noalloc::Choice<noalloc::ConfigFile::FailureKind> Words[] = {
      {"report", noalloc::ConfigFile::FailureKind::Report},
      {"accept", noalloc::ConfigFile::FailureKind::Accept}};
};

struct WholeProgram {
  static constexpr StringRef What = "whole-program";
  static constexpr noalloc::Choice<noalloc::ConfigFile::ProgramKind> Words[] = {
      {"auto", noalloc::ConfigFile::ProgramKind::Auto},
      {"true", noalloc::ConfigFile::ProgramKind::Whole},
      {"false", noalloc::ConfigFile::ProgramKind::Library}};
};

} // namespace

template <>
struct ScalarTraits<noalloc::ConfigFile::PolicyKind>
    : noalloc::ChoiceTraits<Policies, noalloc::ConfigFile::PolicyKind> {};
template <>
struct ScalarTraits<noalloc::ConfigFile::FailureKind>
    : noalloc::ChoiceTraits<FailurePaths, noalloc::ConfigFile::FailureKind> {};
template <>
struct ScalarTraits<noalloc::ConfigFile::ProgramKind>
    : noalloc::ChoiceTraits<WholeProgram, noalloc::ConfigFile::ProgramKind> {};

template <> struct MappingTraits<noalloc::ConfigFile> {
  static void mapping(IO &IO, noalloc::ConfigFile &C) {
    IO.mapOptional("checks", C.Checks);
    IO.mapOptional("knowledge", C.Knowledge);
    IO.mapOptional("roots", C.Roots);
    IO.mapOptional("allowed-zones", C.AllowedZones);
    IO.mapOptional("policy", C.Policy);
    IO.mapOptional("failure-paths", C.FailurePaths);
    IO.mapOptional("whole-program", C.WholeProgram);
    IO.mapOptional("header-filter", C.HeaderFilter);
    IO.mapOptional("options", C.Options);
  }
};

} // namespace yaml
} // namespace llvm

namespace noalloc {

Expected<clang::tidy::ClangTidyOptions>
parseNoallocConfig(MemoryBufferRef Config) {
  ConfigFile File;
  if (Error E = readYAML(Config, File, "invalid configuration"))
    return std::move(E);

  clang::tidy::ClangTidyOptions Options;
  Options.InheritParentConfig = true;
  if (File.Checks)
    Options.Checks = *File.Checks;
  if (File.HeaderFilter)
    Options.HeaderFilterRegex = *File.HeaderFilter;
  auto Set = [&](StringRef Key, StringRef Value) {
    Options.CheckOptions[Key] =
        clang::tidy::ClangTidyOptions::ClangTidyValue(Value, /*Priority=*/0);
  };
  for (const auto &[Key, Value] : File.Options)
    Set(Key, Value);
  StringRef Directory = sys::path::parent_path(Config.getBufferIdentifier());
  if (!File.Knowledge.empty()) {
    std::vector<std::string> Paths;
    for (const std::string &K : File.Knowledge) {
      SmallString<256> Path(K);
      if (K != SystemLibraries)
        compat::makeAbsolute(Directory, Path);
      Paths.push_back(std::string(Path));
    }
    Set("KnowledgeFiles", join(Paths, ";"));
  }
  if (!File.Roots.empty())
    Set("Roots", join(File.Roots, ";"));
  if (!File.AllowedZones.empty())
    Set("AllowedZones", join(File.AllowedZones, ";"));
  if (File.Policy)
    Set("Policy",
        *File.Policy == ConfigFile::PolicyKind::Strict ? "strict" : "lenient");
  if (File.FailurePaths)
    Set("FailurePaths",
        *File.FailurePaths == ConfigFile::FailureKind::Accept ? "accept"
                                                              : "report");
  if (File.WholeProgram)
    Set("WholeProgram",
        *File.WholeProgram == ConfigFile::ProgramKind::Auto    ? "auto"
        : *File.WholeProgram == ConfigFile::ProgramKind::Whole ? "true"
                                                               : "false");
  return Options;
}

/// clang-tidy's own reader says only "Invalid argument" and goes on with
/// the configuration above; noalloc stops with the place.
static Error validateClangTidyFile(MemoryBufferRef Config) {
  std::string Diagnostics;
  raw_string_ostream OS(Diagnostics);
  auto Parsed = clang::tidy::parseConfigurationWithDiags(
      Config, [&](const SMDiagnostic &D) {
        D.print(nullptr, OS, /*ShowColors=*/false);
      });
  if (Parsed)
    return Error::success();
  return createStringError(Parsed.getError(), "invalid configuration:\n%s",
                           StringRef(Diagnostics).rtrim().str().c_str());
}

static Error validateConfigFile(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  if (sys::path::filename(Path) != ConfigFileName)
    return validateClangTidyFile((*Buffer)->getMemBufferRef());
  if (auto Parsed = parseNoallocConfig((*Buffer)->getMemBufferRef()); !Parsed)
    return Parsed.takeError();
  return Error::success();
}

Error validateNoallocConfigs(ArrayRef<std::string> Sources) {
  StringSet<> Seen;
  for (const std::string &Source : Sources) {
    SmallString<256> Directory(Source);
    sys::fs::make_absolute(Directory);
    for (StringRef Dir = sys::path::parent_path(Directory); !Dir.empty();
         Dir = sys::path::parent_path(Dir)) {
      if (!Seen.insert(Dir).second)
        break; // Every directory above was checked already.
      for (StringRef Name :
           {StringRef(ConfigFileName), StringRef(".clang-tidy")}) {
        SmallString<256> Path(Dir);
        sys::path::append(Path, Name);
        if (!sys::fs::exists(Path))
          continue;
        if (Error E = validateConfigFile(Path))
          return E;
      }
    }
  }
  return Error::success();
}

} // namespace noalloc
