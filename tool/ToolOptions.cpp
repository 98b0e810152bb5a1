//===--- ToolOptions.cpp - noalloc's command line -------------------------===//

#include "ToolOptions.h"
#include "SafeOutput.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include <unistd.h>

using namespace llvm;

namespace noalloc::cli {

cl::OptionCategory Category("noalloc options");

cl::SubCommand LaunchCommand(
    "launch", "A compiler launcher: runs <compiler> <args>..., then analyses "
              "the same translation unit and leaves its result beside the "
              "object file for 'noalloc link'.");
cl::SubCommand
    LinkCommand("link",
                "Joins the results 'noalloc launch' left below the build "
                "directories (or the --facts-dir files of many machines) "
                "and reports the whole program.");

namespace {
/// Puts an option in the main command and in `link`.
struct MainAndLinkModifier {
  template <class Opt> void apply(Opt &O) const {
    O.addSubCommand(cl::SubCommand::getTopLevel());
    O.addSubCommand(LinkCommand);
  }
};
const MainAndLinkModifier MainAndLink;
} // namespace

static cl::extrahelp
    CommonHelp(clang::tooling::CommonOptionsParser::HelpMessage);
static cl::extrahelp MoreHelp(R"(
Exit status: 0 when nothing uses the heap, 1 when there are findings, 2 on
errors (bad usage, no compilation database, a file that does not compile).

Examples:
  noalloc -p build                      every file of build/compile_commands.json
  noalloc -p build src/audio.cpp        one file, flags from the database
  noalloc main.cpp -- -std=c++20 -Iinc  no database: flags after --
  noalloc --checks='-*,noalloc-new-delete' -p build
  noalloc -p build --config="{CheckOptions: {Roots: 'tick;isr_*'}}"
                                        only what the roots reach, and one
                                        answer per root (docs/configuration.md)

Distributed with the build (CMake, Ninja, distcc, remote execution):
  cmake -DCMAKE_CXX_COMPILER_LAUNCHER="noalloc;launch" ...
                                        each compile leaves its result
  noalloc link build                    joins them and reports
)");

cl::list<std::string> Sources(cl::Positional,
                              cl::desc("<source0> [... <sourceN>]"),
                              cl::ZeroOrMore, cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::desc("Build path"), cl::Optional,
                               MainAndLink, cl::cat(Category));
cl::list<std::string> ExtraArgs(
    "extra-arg",
    cl::desc("Additional argument to append to the compiler command line"),
    MainAndLink, cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("Additional argument to prepend to the compiler command line"),
    MainAndLink, cl::cat(Category));

cl::list<std::string> Exclude(
    "exclude", cl::value_desc("regex"),
    cl::desc("Leave out the translation units whose absolute path matches\n"
             "this regular expression (repeatable)."),
    cl::cat(Category));

cl::list<std::string> LinkDirectories(cl::Positional,
                                      cl::desc("<build-dir or file>..."),
                                      cl::ZeroOrMore, cl::sub(LinkCommand),
                                      cl::cat(Category));

cl::opt<std::string> LaunchCompiler(cl::Positional, cl::desc("<compiler>"),
                                    cl::Required, cl::sub(LaunchCommand),
                                    cl::cat(Category));
cl::list<std::string> LaunchArguments(cl::ConsumeAfter,
                                      cl::desc("<compiler args>..."),
                                      cl::sub(LaunchCommand),
                                      cl::cat(Category));

cl::opt<std::string> Checks("checks", cl::desc(R"(
Comma-separated globs of checks to run, as in clang-tidy:
'-*,noalloc-new-delete' runs one check. Applied after
the default ('noalloc-*') and any .clang-tidy files.)"),
                            cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<std::string> Config("config", cl::desc(R"(
Configuration in .clang-tidy's YAML format, e.g.
--config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}'.
Takes precedence over .clang-tidy files; --checks takes precedence over it.)"),
                            cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit."),
                         cl::init(false), MainAndLink, cl::cat(Category));

cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression of the headers whose findings are shown\n"
             "(default: all non-system headers)."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("Regular expression of headers whose findings are not shown,\n"
             "applied after --header-filter."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<std::string>
    LineFilter("line-filter",
               cl::desc(R"(Report only findings on these lines, as clang-tidy's
--line-filter: '[{"name":"a.cpp","lines":[[1,3],[8,8]]},{"name":"b.h"}]'.)"),
               cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Globs of checks whose findings are errors, as clang-tidy's\n"
             "WarningsAsErrors; applied after .clang-tidy files."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Read the configuration from this file (.clang-tidy's YAML\n"
             "format) instead of --config."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<bool> SystemHeaders(
    "system-headers",
    cl::desc("Accepted as clang-tidy accepts it; noalloc's checks\n"
             "match user code, so no finding is produced inside a\n"
             "system header (calls into one are reported)."),
    cl::init(false), MainAndLink, cl::cat(Category));

cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the configuration that applies to the first source (or\n"
             "a file in the current directory) as .clang-tidy YAML, and exit."),
    cl::init(false), MainAndLink, cl::cat(Category));

cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the configuration files and --config: unknown checks and\n"
             "options, bad values. Exit 0 when there is nothing to say."),
    cl::init(false), MainAndLink, cl::cat(Category));

cl::list<std::string> KnowledgeFiles(
    "knowledge",
    cl::desc("A knowledge-base YAML file to add to the built-in one, or a\n"
             "library (.so, .a, .o; @system: libc, libm, libstdc++,\n"
             "libgcc_s) whose machine code says what its functions do\n"
             "(repeatable); same as the KnowledgeFiles check option."),
    MainAndLink, cl::cat(Category));

cl::opt<unsigned> Jobs("j",
                       cl::desc("Translation units to analyse at once "
                                "(default: all cores)."),
                       cl::init(0), cl::Prefix, MainAndLink, cl::cat(Category));

cl::opt<std::string> Explain(
    "explain",
    cl::desc("Print every path from the functions matching this name or\n"
             "glob ('Sampler::tick', 'audio::*') to the heap, and exit."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<std::string>
    FactsDir("facts-dir",
             cl::desc("Also write each translation unit's facts (JSON, see\n"
                      "docs/facts.md) into this directory."),
             cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<std::string> ResultsDir(
    "results-dir",
    cl::desc("Also write each translation unit's result (its facts and the\n"
             "findings of the checks that ran on it) into this directory,\n"
             "naming files relative to the project root, for 'noalloc link'\n"
             "on any machine."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<bool>
    Stats("timing",
          cl::desc("Print where the time went and how large the facts are."),
          cl::init(false), MainAndLink, cl::cat(Category));

cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Where results of unchanged translation units are kept\n"
             "(default: $XDG_CACHE_HOME/noalloc or ~/.cache/noalloc)."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<bool> NoCache("no-cache",
                      cl::desc("Parse every file; keep no results."),
                      cl::init(false), MainAndLink, cl::cat(Category));

cl::opt<OutputFormat> Format(
    "format", cl::desc("Output format."), cl::init(OutputFormat::Text),
    cl::values(clEnumValN(OutputFormat::Text, "text", "clang's diagnostics"),
               clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(OutputFormat::Json, "json",
                          "findings and per-function results"),
               clEnumValN(OutputFormat::Html, "html",
                          "one self-contained page, each chain drawn")),
    MainAndLink, cl::cat(Category));

cl::opt<std::string> Output("output",
                            cl::desc("Write the report to this file."),
                            cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<std::string>
    DocsURL("docs-url",
            cl::desc("The URL of docs/checks/: SARIF's rule help links are\n"
                     "<url>/<check>.md (default: none, or the build's\n"
                     "NOALLOC_DOCS_URL)."),
            cl::init(NOALLOC_DOCS_URL), MainAndLink, cl::cat(Category));

cl::opt<std::string> SarifRoot(
    "sarif-root",
    cl::desc("SARIF's %SRCROOT%, which file URIs are relative to (default:\n"
             "the -p directory, the git top level or the current directory,\n"
             "the first that holds every reported file)."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record today's findings in this file, to be accepted."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<std::string> Baseline(
    "baseline",
    cl::desc("Report only findings not recorded in this baseline file."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<bool> ReportStaleBaseline(
    "report-stale-baseline",
    cl::desc("With --baseline, list the accepted findings that are gone\n"
             "(fixed, or changed beyond recognition)."),
    cl::init(false), MainAndLink, cl::cat(Category));

cl::opt<bool> Fix("fix",
                  cl::desc("Apply the fix-its: files are rewritten whole "
                           "or not at all."),
                  cl::init(false), MainAndLink, cl::cat(Category));

cl::opt<bool>
    FixErrors("fix-errors",
              cl::desc("Apply the fix-its even when a file does not compile."),
              cl::init(false), MainAndLink, cl::cat(Category));

cl::opt<bool> FixOutsideProject(
    "fix-outside-project",
    cl::desc("Let --fix edit files outside the project too: third-party\n"
             "directories, build trees, files above the repository."),
    cl::init(false), MainAndLink, cl::cat(Category));

cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the fix-its to this file as clang-apply-replacements "
             "YAML."),
    cl::init(""), MainAndLink, cl::cat(Category));

cl::opt<AnnotateMode> Annotate(
    "annotate", cl::ValueOptional,
    cl::desc("With --fix or --export-fixes, mark [[clang::nonallocating]]\n"
             "every function noalloc shows allocation-free and clang's\n"
             "-Wfunction-effects accepts (instead of the fix-its)."),
    cl::values(clEnumValN(AnnotateMode::NonAllocating, "nonallocating",
                          "[[clang::nonallocating]] (the default)"),
               clEnumValN(AnnotateMode::NonBlocking, "nonblocking",
                          "[[clang::nonblocking]], where clang accepts it"),
               clEnumValN(AnnotateMode::NonAllocating, "", "")),
    cl::init(AnnotateMode::Off), cl::cat(Category));

cl::opt<bool> Quiet("quiet", cl::desc("Do not print the summary line."),
                    cl::init(false), MainAndLink, cl::cat(Category));

/// LLVM registers --color (WithColor, a boolean) outside noalloc's
/// category and the subcommands: show it in --help and let `link` use it.
static cl::Option *colorOptionDefinition() {
  static cl::Option *Color = [] {
    auto &Registered = cl::getRegisteredOptions();
    auto It = Registered.find("color");
    if (It == Registered.end())
      return static_cast<cl::Option *>(nullptr);
    cl::Option *O = It->second;
    O->removeArgument();
    O->addSubCommand(cl::SubCommand::getTopLevel());
    O->addSubCommand(LinkCommand);
    O->addArgument();
    O->Categories.assign({&Category});
    O->setValueStr("auto|always|never");
    O->setDescription("Colour the output: auto (a terminal only, the "
                      "default), always or never.");
    return O;
  }();
  return Color;
}

cl::boolOrDefault colorOption() {
  if (cl::Option *O = colorOptionDefinition())
    return static_cast<cl::opt<cl::boolOrDefault> *>(O)->getValue();
  return cl::BOU_UNSET;
}

/// Accepts clang's --color=auto|always|never spelling for LLVM's boolean
/// --color option.
static std::vector<const char *> translateColorArguments(int Argc,
                                                         const char **Argv) {
  std::vector<const char *> Args;
  for (int I = 0; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    if (Arg.consume_front("-") &&
        (Arg.consume_front("-color=") || Arg.consume_front("color="))) {
      if (Arg == "auto")
        continue;
      if (Arg == "always" || Arg == "never") {
        Args.push_back(Arg == "always" ? "--color=true" : "--color=false");
        continue;
      }
    }
    Args.push_back(Argv[I]);
  }
  return Args;
}

/// The values of an option's parser: "text, sarif, json, html".
static std::string valuesOf(const cl::generic_parser_base &Parser) {
  std::string Values;
  for (unsigned I = 0; I < Parser.getNumOptions(); ++I) {
    StringRef Name = Parser.getOption(I);
    if (Name.empty())
      continue;
    Values += (Values.empty() ? "" : ", ") + Name.str();
  }
  return Values;
}

/// What option \p Name takes, after "expected": LLVM's "Try 0 or 1" and
/// "uint argument" name its types, not the values noalloc accepts.
static std::string expectedValue(StringRef Name, StringRef Problem) {
  if (Name == "format")
    return "one of: " + valuesOf(Format.getParser());
  if (Name == "annotate")
    return "one of: " + valuesOf(Annotate.getParser());
  if (Name == "color")
    return "one of: auto, always, never";
  if (Problem.contains("boolean"))
    return "one of: true, false";
  if (Problem.contains("uint") || Problem.contains("ulong"))
    return "a non-negative integer";
  if (Problem.contains("int") || Problem.contains("long"))
    return "an integer";
  return "";
}

/// LLVM's message without its capital and its "!" or ".".
static std::string lowercased(StringRef Message) {
  Message = Message.trim().rtrim("!.");
  std::string Text = Message.str();
  if (!Text.empty() && !(Text.size() > 1 && isUpper(Text[1])))
    Text[0] = toLower(Text[0]);
  return Text;
}

/// "for the --format option: Cannot find option named 'yaml'!" in clang's
/// words: "invalid value 'yaml' in '--format', expected one of: ...".
static std::string optionProblem(StringRef Option, StringRef Problem) {
  StringRef Name = Option.ltrim('-');
  StringRef Value;
  if (Problem.consume_front("Cannot find option named '"))
    Value = Problem.take_until([](char C) { return C == '\''; });
  else if (Problem.consume_front("'") &&
           (Problem.contains("' is invalid value for") ||
            Problem.contains("' value invalid for")))
    Value = Problem.take_until([](char C) { return C == '\''; });
  else
    return "'" + Option.str() + "': " + lowercased(Problem);
  std::string Expected = expectedValue(Name, Problem);
  return "invalid value '" + Value.str() + "' in '" + Option.str() + "'" +
         (Expected.empty() ? "" : ", expected " + Expected);
}

/// LLVM's messages about the command line, one a line, in clang's words
/// (lowercase, no final period, the culprit quoted, as the driver's
/// "unknown argument '-x', did you mean '-y'?").
static std::vector<std::string> inClangsWords(StringRef Messages,
                                              StringRef Program) {
  std::vector<std::string> Problems;
  SmallVector<StringRef> Lines;
  Messages.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    Line = Line.trim();
    Line.consume_front(Program);
    Line = Line.ltrim();
    if (Line.empty())
      continue;
    if (Line.consume_front("for the ")) {
      auto [Option, Problem] = Line.split(" option: ");
      Problems.push_back(optionProblem(Option, Problem));
    } else if (Line.consume_front("Unknown command line argument ")) {
      Problems.push_back("unknown argument: " +
                         Line.split(".  Try:").first.str());
    } else if (Line.consume_front("Did you mean ") && !Problems.empty() &&
               StringRef(Problems.back()).starts_with("unknown argument: ")) {
      std::string &Unknown = Problems.back();
      Unknown = "unknown argument " + StringRef(Unknown).drop_front(18).str() +
                ", did you mean " + Line.rtrim("?").str() + "?";
    } else if (!(Line.starts_with_insensitive("must specify at least") &&
                 !Problems.empty() &&
                 StringRef(Problems.back()).contains("positional"))) {
      // (LLVM says a missing positional argument twice.)
      Problems.push_back(lowercased(Line.split(": See:").first));
    }
  }
  if (Problems.empty())
    Problems.push_back("invalid command line");
  return Problems;
}

/// Parses \p Args; what LLVM says about them is in \p Messages, including
/// what its options write to standard error themselves (a bad value).
static bool parseInto(ArrayRef<const char *> Args, std::string &Messages) {
  raw_string_ostream OS(Messages);
  errs().flush();
  int Captured = unnamedTemporaryFile();
  int Saved = Captured < 0 ? -1 : ::dup(2);
  if (Saved >= 0)
    ::dup2(Captured, 2);
  bool Parsed = cl::ParseCommandLineOptions(
      Args.size(), Args.data(),
      "Finds code that uses the heap, and the path by which it does.\n", &OS);
  errs().flush();
  if (Saved >= 0) {
    ::dup2(Saved, 2);
    ::close(Saved);
    Messages += readWholeFile(Captured);
  }
  if (Captured >= 0)
    ::close(Captured);
  return Parsed;
}

bool parseCommandLine(int Argc, const char **Argv) {
  colorOptionDefinition();
  for (cl::SubCommand *Sub :
       {&cl::SubCommand::getTopLevel(), &LinkCommand, &LaunchCommand})
    cl::HideUnrelatedOptions(Category, *Sub);
  std::vector<const char *> Args = translateColorArguments(Argc, Argv);
  std::string Messages;
  if (parseInto(Args, Messages))
    return true;
  // LLVM starts each line with the program's name; say it once.
  std::string Program = sys::path::filename(Argv[0]).str() + ":";
  for (const std::string &Problem : inClangsWords(Messages, Program))
    WithColor::error(errs(), "noalloc") << Problem << "\n";
  return false;
}

} // namespace noalloc::cli
