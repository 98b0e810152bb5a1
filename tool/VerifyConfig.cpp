//===--- VerifyConfig.cpp - --verify-config, --dump-config, enabled checks ===//

#include "VerifyConfig.h"
#include "CheckRegistry.h"
#include "NoallocConfig.h"
#include "ToolOptions.h"
#include "utils/LLVMCompat.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace noalloc {

std::string representativeFile() {
  if (!cli::Sources.empty()) {
    SmallString<256> Absolute(cli::Sources.front());
    sys::fs::make_absolute(Absolute);
    return std::string(Absolute);
  }
  SmallString<256> Here;
  sys::fs::current_path(Here);
  sys::path::append(Here, "dummy.cpp");
  return std::string(Here);
}

/// The candidate closest to \p Name, if it is close enough to be a typo.
static std::optional<std::string> nearest(StringRef Name,
                                          ArrayRef<std::string> Candidates) {
  std::optional<std::string> Best;
  unsigned BestDistance = std::max<unsigned>(2, Name.size() / 4) + 1;
  for (const std::string &C : Candidates) {
    unsigned Distance = Name.edit_distance(C, true, BestDistance);
    if (Distance < BestDistance) {
      BestDistance = Distance;
      Best = C;
    }
  }
  return Best;
}

static std::vector<std::string> checkNames() {
  std::vector<std::string> Names;
  for (const CheckInfo &Check : allChecks())
    Names.push_back(Check.Name.str());
  return Names;
}

/// "'x' names no check; did you mean 'y'?" for each positive glob of
/// \p Globs that looks like a noalloc check and matches none.
static std::vector<std::string> unknownCheckGlobs(StringRef Globs) {
  std::vector<std::string> Problems;
  SmallVector<StringRef> Items;
  Globs.split(Items, ',', -1, false);
  for (StringRef Item : Items) {
    Item = Item.trim();
    if (Item.starts_with("-") || !Item.contains("noalloc"))
      continue;
    GlobList Glob(Item);
    if (llvm::any_of(allChecks(), [&](const CheckInfo &C) {
          return Glob.contains(C.Name);
        }))
      continue;
    std::string Problem = ("'" + Item + "' names no check").str();
    if (auto Near = nearest(Item, checkNames()))
      Problem += "; did you mean '" + *Near + "'?";
    Problems.push_back(Problem);
  }
  return Problems;
}

/// A configuration file above \p Files that does not parse: one error that
/// says where (exit status 2), before clang-tidy's reader says only "Error
/// parsing" and goes on with the defaults.
static std::optional<int> rejectBrokenConfigs(ArrayRef<std::string> Files) {
  if (Error E = validateNoallocConfigs(Files)) {
    WithColor::error(errs(), "noalloc") << toString(std::move(E)) << "\n";
    return 2;
  }
  return std::nullopt;
}

std::optional<int> requireEnabledChecks(const RunOptions &Options,
                                        StringRef File) {
  if (std::optional<int> Status = rejectBrokenConfigs({File.str()}))
    return Status;
  ClangTidyOptions Effective = makeOptionsProvider(Options)->getOptions(File);
  if (!compat::enabledCheckNames(Effective).empty())
    return std::nullopt;
  WithColor::error(errs(), "noalloc") << "no checks enabled\n";
  auto Raw = makeOptionsProvider(Options, /*RestrictToNoalloc=*/false)
                 ->getRawOptions(File);
  for (const auto &[Source, Where] : Raw)
    if (Source.Checks)
      for (const std::string &Problem : unknownCheckGlobs(*Source.Checks))
        WithColor::note(errs(), "noalloc")
            << (StringRef(Where).starts_with("command-line") ? "--checks"
                                                              : Where)
            << ": " << Problem << "\n";
  return 2;
}

int dumpConfig(const RunOptions &Options, StringRef File) {
  if (std::optional<int> Status = rejectBrokenConfigs({File.str()}))
    return *Status;
  ClangTidyOptions Effective = makeOptionsProvider(Options)->getOptions(File);
  std::string Enabled = "-*";
  for (const std::string &Name : compat::enabledCheckNames(Effective))
    Enabled += "," + Name;
  Effective.Checks = Enabled;
  // Every option of the enabled checks, with its default where unset.
  for (auto &[Key, Value] : compat::enabledCheckOptions(Effective))
    Effective.CheckOptions.try_emplace(Key, Value);
  outs() << configurationAsText(Effective);
  return 0;
}

namespace {
/// One problem, and where it comes from.
struct Problem {
  std::string Source; // A configuration file, or a command-line option.
  std::string Key;    // What to look for in it.
  std::string Message;
  bool IsGlob = false;
};
} // namespace

/// "file:line" for \p Key in the configuration file \p Source (the line
/// that first names it, in .clang-tidy or .noalloc.yaml spelling), else
/// \p Source as it is (a command-line option).
static std::string location(StringRef Source, StringRef Key, bool IsGlob) {
  // clang-tidy names the command line as one source.
  if (Source.starts_with("command-line option")) {
    if (IsGlob && !cli::Checks.empty())
      return "--checks";
    if (cli::ConfigFile.empty())
      return "--config";
    Source = cli::ConfigFile;
  }
  auto Buffer = MemoryBuffer::getFile(Source);
  if (!Buffer)
    return Source.str();
  auto Normalize = [](StringRef S) {
    std::string Out;
    for (char C : S)
      if (C != '-' && C != '_')
        Out += toLower(C);
    return Out;
  };
  std::string Wanted = Normalize(Key);
  SmallVector<StringRef> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I)
    if (!Wanted.empty() && StringRef(Normalize(Lines[I])).contains(Wanted))
      return (Source + ":" + Twine(I + 1)).str();
  return Source.str();
}

std::optional<std::string> unknownCheckOption(StringRef Name,
                                              const StringSet<> &Known) {
  if (!Name.starts_with("noalloc-") || Known.contains(Name))
    return std::nullopt;
  std::string Message = ("unknown check option '" + Name + "'").str();
  std::vector<std::string> Names;
  for (const auto &Entry : Known)
    Names.push_back(Entry.getKey().str());
  if (auto Near = nearest(Name, Names))
    Message += "; did you mean '" + *Near + "'?";
  return Message;
}

std::optional<std::string> unknownGlobalOption(StringRef Name,
                                               const StringSet<> &Known) {
  if (Name.contains('.'))
    return std::nullopt;
  std::vector<std::string> Globals;
  for (const auto &Entry : Known)
    Globals.push_back(Entry.getKey().rsplit('.').second.str());
  if (llvm::is_contained(Globals, Name))
    return std::nullopt;
  // Other tools' global options are none of noalloc's business; near
  // misses of noalloc's are.
  if (auto Near = nearest(Name, Globals))
    return ("unknown option '" + Name + "'; did you mean '" + *Near + "'?")
        .str();
  return std::nullopt;
}

Error rejectUnknownCheckOptions(
    ArrayRef<ClangTidyOptionsProvider::OptionsSource> Raw) {
  std::optional<StringSet<>> Known;
  for (const auto &[Options, Where] : Raw)
    for (const auto &[Key, Value] : Options.CheckOptions) {
      // The registry is built only for a configuration that sets noalloc
      // options or global ones: the launcher checks every compile command.
      StringRef Name = Key;
      if (!Name.starts_with("noalloc-") && Name.contains('.'))
        continue;
      if (!Known)
        Known = compat::knownCheckOptions();
      std::optional<std::string> Message = unknownCheckOption(Name, *Known);
      if (!Message)
        Message = unknownGlobalOption(Name, *Known);
      if (Message)
        return createStringError(
            inconvertibleErrorCode(), "%s (set by '%s')", Message->c_str(),
            location(Where, Name.contains('.') ? Name.rsplit('.').second : Name,
                     false)
                .c_str());
    }
  return Error::success();
}

/// Unknown checks in Checks and unknown noalloc options in CheckOptions.
static void findUnknownNames(const ClangTidyOptionsProvider::OptionsSource &S,
                             const StringSet<> &KnownOptions,
                             std::vector<Problem> &Problems) {
  const auto &[Options, Where] = S;
  if (Options.Checks)
    for (const std::string &Message : unknownCheckGlobs(*Options.Checks)) {
      StringRef Glob = StringRef(Message).drop_front().split('\'').first;
      Problems.push_back({Where, Glob.str(), Message, /*IsGlob=*/true});
    }
  for (const auto &[Key, Value] : Options.CheckOptions) {
    StringRef Name = Key;
    if (auto Message = unknownCheckOption(Name, KnownOptions))
      Problems.push_back({Where, Name.rsplit('.').second.str(), *Message});
    else if (auto Message = unknownGlobalOption(Name, KnownOptions))
      Problems.push_back({Where, Name.str(), *Message});
  }
}

/// Bad values, as the checks themselves report them when constructed.
static void findBadValues(const ClangTidyOptions &Effective,
                          ArrayRef<ClangTidyOptionsProvider::OptionsSource> Raw,
                          std::vector<Problem> &Problems) {
  ClangTidyOptions All = Effective;
  All.Checks = "-*,noalloc-*";
  ClangTidyContext Context(
      std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(), All));
  ClangTidyDiagnosticConsumer Consumer(Context);
  std::unique_ptr<DiagnosticsEngine> Engine =
      compat::connectDiagnostics(Context, Consumer);
  ClangTidyASTConsumerFactory(Context).getCheckOptions();
  for (const ClangTidyError &E : Consumer.take()) {
    // The last source that sets an option whose value the message quotes.
    Problem P{"", "", E.Message.Message};
    for (const auto &[Options, Where] : Raw)
      for (const auto &[Key, Value] : Options.CheckOptions)
        if (!Value.Value.empty() &&
            StringRef(P.Message).contains("'" + Value.Value + "'"))
          P = {Where, StringRef(Key).rsplit('.').second.str(), P.Message};
    Problems.push_back(P);
  }
}

/// Header filters that are no regular expressions, in the source that
/// sets them.
static void
findBadRegexes(ArrayRef<ClangTidyOptionsProvider::OptionsSource> Raw,
               std::vector<Problem> &Problems) {
  for (const auto &[Options, Where] : Raw)
    if (Error E = checkHeaderFilters(Options)) {
      std::string Message = toString(std::move(E));
      // "invalid HeaderFilterRegex '(': ...": the key is the second word.
      StringRef Key = StringRef(Message).split(' ').second.split(' ').first;
      Problems.push_back({Where, Key.str(), Message});
    }
}

/// The problems of the configuration that applies to \p File.
static void verifyOneFile(const RunOptions &Options, StringRef File,
                          std::vector<Problem> &Problems) {
  auto Raw = makeOptionsProvider(Options, /*RestrictToNoalloc=*/false)
                 ->getRawOptions(File);
  StringSet<> KnownOptions = compat::knownCheckOptions();
  for (const auto &Source : Raw)
    findUnknownNames(Source, KnownOptions, Problems);
  findBadRegexes(Raw, Problems);
  findBadValues(makeOptionsProvider(Options)->getOptions(File), Raw, Problems);
}

int verifyConfig(const RunOptions &Options, ArrayRef<std::string> Files) {
  if (std::optional<int> Status = rejectBrokenConfigs(Files))
    return *Status;
  // One configuration per directory; each problem said once, however many
  // directories share the file it is in.
  std::vector<Problem> Problems;
  StringSet<> Directories;
  for (const std::string &File : Files)
    if (Directories.insert(sys::path::parent_path(File)).second)
      verifyOneFile(Options, File, Problems);
  StringSet<> Said;
  for (const Problem &P : Problems) {
    std::string Where = location(P.Source, P.Key, P.IsGlob);
    if (!Said.insert(Where + "\n" + P.Message).second)
      continue;
    if (!Where.empty())
      errs() << Where << ": ";
    WithColor::error(errs()) << P.Message << "\n";
  }
  if (Problems.empty()) {
    outs() << "No config errors detected.\n";
    return 0;
  }
  return 2;
}

} // namespace noalloc
