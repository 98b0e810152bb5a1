//===--- HtmlReport.cpp - Findings for people: one self-contained page ----===//

#include "HtmlReport.h"
#include "utils/Paths.h"
#include "llvm/ADT/StringExtras.h"
#include <map>

using namespace clang;
using namespace llvm;
using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;

namespace noalloc {

static constexpr StringLiteral Style = R"css(
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#202124;background:#fff}
h1{font-size:22px;margin:0 0 8px}
code,pre,.loc{font-family:ui-monospace,monospace;font-size:12.5px}
#summary{font-size:17px;font-weight:600;margin:4px 0}
table.counts{border-collapse:collapse;margin:8px 0}
table.counts td,table.counts th{border:1px solid #dadce0;padding:2px 10px;text-align:left}
.failed,.unreadable{color:#a50e0e}
details{margin:6px 0}
details.root>summary{font-size:18px;font-weight:600}
details.file{margin-left:16px}
details.file>summary{font-weight:600}
article.finding{border:1px solid #dadce0;border-radius:6px;margin:10px 0 10px 16px;padding:8px 12px;overflow-wrap:anywhere}
.headline{margin:0 0 4px;font-weight:600}
.check{color:#fff;background:#b06000;border-radius:4px;padding:1px 6px;font-weight:500;text-decoration:none}
.check.error{background:#a50e0e}
.where{margin:0 0 6px;color:#5f6368}
svg.chain{display:block;max-width:100%;height:auto;margin:6px 0}
svg.chain text{font-family:ui-monospace,monospace;font-size:12.5px;fill:#202124}
svg.chain text.loc{font-size:11px;fill:#5f6368}
svg.chain rect{fill:#f1f3f4;stroke:#5f6368;stroke-width:1}
svg.chain .root rect{fill:#e8f0fe;stroke:#1a73e8}
svg.chain .end rect{fill:#fce8e6;stroke:#d93025}
svg.chain .finding rect{stroke:#b06000;stroke-width:2.5}
svg.chain .gap rect{fill:#fff;stroke-dasharray:4 3}
svg.chain path{fill:none;stroke:#5f6368;stroke-width:1.5}
ol.steps{margin:4px 0;padding-left:28px}
ol.steps li{margin:3px 0}
li.finding>.msg{font-weight:600}
ul.notes{margin:4px 0;padding-left:28px;color:#3c4043}
li.gap{color:#5f6368;font-style:italic}
pre.src{margin:2px 0;padding:3px 6px;background:#f8f9fa;border-left:3px solid #dadce0;white-space:pre-wrap;overflow-wrap:anywhere}
pre.src .ln{color:#80868b;padding-right:10px;user-select:none}
pre.src mark{background:#fde293}
)css";

/// Characters of a message in a box of a drawn chain; the full text of a
/// longer one is the box's tooltip, and in the list below the drawing.
static constexpr size_t BoxCharacters = 110;

/// Geometry of a drawn chain, in pixels: boxes one under the other.
static constexpr int ChainWidth = 900, BoxHeight = 44, ArrowLength = 26,
                     Margin = 4;

/// At most \p Max characters (code points) of \p S, "…" in place of the
/// rest.
static std::string shortened(StringRef S, size_t Max) {
  size_t Characters = 0, Cut = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    if ((S[I] & 0xC0) == 0x80)
      continue;
    if (++Characters == Max)
      Cut = I;
    else if (Characters > Max)
      return (S.take_front(Cut) + "\xE2\x80\xA6").str();
  }
  return S.str();
}

/// \p I moved back to the start of the UTF-8 character it falls in.
static size_t characterStart(StringRef S, size_t I) {
  while (I > 0 && I < S.size() && (S[I] & 0xC0) == 0x80)
    --I;
  return std::min(I, S.size());
}

namespace {

/// A step of a finding's chain as the page shows it, or (no Message) the
/// steps left out there.
struct ShownStep {
  const DiagnosticMessage *Message = nullptr;
  size_t Number = 0;
  size_t LeftOut = 0;
  SourceFiles::Position Where;
};

/// Findings by root (empty: no root), then by file as shown.
using FileGroups = std::map<std::string, std::vector<size_t>>;
using RootGroups = std::map<std::pair<bool, std::string>, FileGroups>;

class HtmlPage {
public:
  HtmlPage(ArrayRef<ClangTidyError> Errors, const HtmlOptions &Options,
           SourceFiles &Files, raw_ostream &OS)
      : Errors(Errors), Options(Options), Files(Files), OS(OS) {}
  void write();

private:
  void text(StringRef S) { printHTMLEscaped(S, OS); }
  std::string shownPath(StringRef File) const;
  SourceFiles::Position position(const DiagnosticMessage &M) {
    return Files.position(M.FilePath, M.FileOffset);
  }
  std::string location(const DiagnosticMessage &M,
                       const SourceFiles::Position &Where) const;
  RootGroups groups() const;
  void writeSummary();
  void writeCheckCounts();
  void writeContents(const RootGroups &Groups);
  void writeFileGroup(StringRef File, ArrayRef<size_t> Findings);
  void writeFinding(size_t I);
  std::vector<ShownStep> shownSteps(const ClangTidyError &E);
  void writeCheck(const ClangTidyError &E);
  void writeChain(ArrayRef<ShownStep> Steps, const ClangTidyError &E);
  void writeBox(const ShownStep &Step, const ClangTidyError &E, int Y,
                bool Last);
  void writeStep(const ShownStep &Step, const ClangTidyError &E);
  void writeOtherNotes(const ClangTidyError &E);
  void writeSource(const DiagnosticMessage &M,
                   const SourceFiles::Position &Where);

  ArrayRef<ClangTidyError> Errors;
  const HtmlOptions &Options;
  SourceFiles &Files;
  raw_ostream &OS;
};

} // namespace

std::string HtmlPage::shownPath(StringRef File) const {
  return File.empty() ? "(no file)" : relativeTo(File, Options.SourceRoot);
}

std::string HtmlPage::location(const DiagnosticMessage &M,
                               const SourceFiles::Position &Where) const {
  if (M.FilePath.empty())
    return "";
  std::string Shown = shownPath(M.FilePath);
  if (Where.Valid)
    Shown +=
        ":" + std::to_string(Where.Line) + ":" + std::to_string(Where.Column);
  return Shown;
}

RootGroups HtmlPage::groups() const {
  RootGroups Groups;
  for (size_t I = 0; I < Errors.size(); ++I) {
    StringRef Root =
        I < Options.Roots.size() ? StringRef(Options.Roots[I]) : StringRef();
    Groups[{Root.empty(), Root.str()}][shownPath(Errors[I].Message.FilePath)]
        .push_back(I);
  }
  return Groups;
}

void HtmlPage::writeSummary() {
  const RunSummary &S = Options.Summary;
  OS << "<h1>noalloc report</h1>\n";
  OS << "<p id=\"summary\">";
  text(S.line().empty() ? "no file compiled" : S.line());
  OS << "</p>\n";
  if (!Options.UnseenCalls.empty()) {
    OS << "<p class=\"unseen\">";
    text(Options.UnseenCalls);
    OS << "</p>\n";
  }
  if (!S.Failed.empty()) {
    OS << "<div class=\"failed\"><p>" << S.Failed.size()
       << (S.Failed.size() == 1 ? " file does" : " files do")
       << " not compile; their findings are incomplete:</p><ul>\n";
    for (const std::string &F : S.Failed) {
      OS << "<li><code>";
      text(shownPath(F));
      OS << "</code></li>\n";
    }
    OS << "</ul></div>\n";
  }
  writeCheckCounts();
  if (!Options.SourceRoot.empty()) {
    OS << "<p class=\"base\">Paths are relative to <code>";
    text(Options.SourceRoot);
    OS << "</code>.</p>\n";
  }
}

void HtmlPage::writeCheckCounts() {
  std::map<std::string, unsigned> ByCheck;
  for (const ClangTidyError &E : Errors)
    ++ByCheck[E.DiagnosticName];
  if (ByCheck.empty())
    return;
  OS << "<table class=\"counts\"><tr><th>check</th><th>findings</th></tr>\n";
  for (const auto &[Check, Count] : ByCheck) {
    OS << "<tr><td>";
    text(Check);
    OS << "</td><td>" << Count << "</td></tr>\n";
  }
  OS << "</table>\n";
}

/// Links to each root and file: the page of a large run is long.
void HtmlPage::writeContents(const RootGroups &Groups) {
  OS << "<nav><ul>\n";
  size_t Group = 0, File = 0;
  for (const auto &[Root, ByFile] : Groups) {
    OS << "<li><a href=\"#r" << ++Group << "\">";
    text(Root.first ? "Not reached from a root" : "Root '" + Root.second + "'");
    OS << "</a><ul>\n";
    for (const auto &[Name, Findings] : ByFile) {
      OS << "<li><a href=\"#file" << ++File << "\">";
      text(Name);
      OS << "</a> (" << Findings.size() << ")</li>\n";
    }
    OS << "</ul></li>\n";
  }
  OS << "</ul></nav>\n";
}

void HtmlPage::write() {
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
        "\n<title>noalloc report</title>\n<style>"
     << Style << "</style>\n</head>\n<body>\n<header>\n";
  writeSummary();
  RootGroups Groups = groups();
  bool ByRoot =
      Groups.size() > 1 || (!Groups.empty() && !Groups.begin()->first.first);
  if (ByRoot)
    writeContents(Groups);
  OS << "</header>\n<main>\n";
  size_t Group = 0, File = 0;
  for (const auto &[Root, ByFile] : Groups) {
    if (ByRoot) {
      OS << "<details class=\"root\" id=\"r" << ++Group << "\" open><summary>";
      text(Root.first ? "Not reached from a root"
                      : "Root '" + Root.second + "'");
      OS << "</summary>\n";
    }
    for (const auto &[Name, Findings] : ByFile) {
      OS << "<details class=\"file\" id=\"file" << ++File << "\" open>";
      writeFileGroup(Name, Findings);
      OS << "</details>\n";
    }
    if (ByRoot)
      OS << "</details>\n";
  }
  if (Errors.empty())
    OS << "<p class=\"none\">No findings.</p>\n";
  OS << "</main>\n</body>\n</html>\n";
}

void HtmlPage::writeFileGroup(StringRef File, ArrayRef<size_t> Findings) {
  OS << "<summary><code>";
  text(File);
  OS << "</code> (" << Findings.size()
     << (Findings.size() == 1 ? " finding" : " findings") << ")</summary>\n";
  for (size_t I : Findings)
    writeFinding(I);
}

/// The chain in run order; a long one comes with its middle left out
/// (ChainWindow), drawn as a gap and numbered past it.
std::vector<ShownStep> HtmlPage::shownSteps(const ClangTidyError &E) {
  std::vector<ShownStep> Shown;
  size_t Number = 0;
  for (const DiagnosticMessage *M : chainInRunOrder(E)) {
    if (std::optional<size_t> LeftOut = leftOutSteps(M->Message)) {
      Shown.push_back(ShownStep{nullptr, Number + 1, *LeftOut, {}});
      Number += *LeftOut;
      continue;
    }
    Shown.push_back(ShownStep{M, ++Number, 0, position(*M)});
  }
  return Shown;
}

void HtmlPage::writeCheck(const ClangTidyError &E) {
  StringRef Level = E.DiagLevel == ClangTidyError::Error ? "error" : "warning";
  std::string Help = checkHelpURI(E.DiagnosticName, Options.DocsURL);
  if (Help.empty()) {
    OS << "<span class=\"check " << Level << "\">";
    text(E.DiagnosticName);
    OS << "</span>";
    return;
  }
  OS << "<a class=\"check " << Level << "\" href=\"";
  text(Help);
  OS << "\">";
  text(E.DiagnosticName);
  OS << "</a>";
}

void HtmlPage::writeFinding(size_t I) {
  const ClangTidyError &E = Errors[I];
  std::vector<ShownStep> Steps = shownSteps(E);
  OS << "<article class=\"finding\" id=\"f" << I + 1
     << "\">\n<p class=\"headline\">";
  writeCheck(E);
  OS << " <span class=\"message\">";
  text(E.Message.Message);
  OS << "</span></p>\n";
  for (const ShownStep &Step : Steps)
    if (Step.Message == &E.Message) {
      OS << "<p class=\"where\">";
      text(location(E.Message, Step.Where));
      OS << "</p>\n";
    }
  writeChain(Steps, E);
  OS << "<ol class=\"steps\">\n";
  for (const ShownStep &Step : Steps)
    writeStep(Step, E);
  OS << "</ol>\n";
  writeOtherNotes(E);
  OS << "</article>\n";
}

/// The notes that are not steps of the chain: fix-its, the count of other
/// calls.
void HtmlPage::writeOtherNotes(const ClangTidyError &E) {
  bool Any = false;
  for (const DiagnosticMessage &N : E.Notes) {
    if (isChainStep(E, N))
      continue;
    OS << (Any ? "" : "<ul class=\"notes\">\n") << "<li><span class=\"loc\">";
    Any = true;
    text(location(N, position(N)));
    OS << "</span> ";
    text(N.Message);
    OS << "</li>\n";
  }
  if (Any)
    OS << "</ul>\n";
}

/// The chain as boxes from the root or caller down to the heap site, an
/// arrow between each two.
void HtmlPage::writeChain(ArrayRef<ShownStep> Steps, const ClangTidyError &E) {
  int Height =
      2 * Margin + Steps.size() * (BoxHeight + ArrowLength) - ArrowLength;
  OS << "<svg class=\"chain\" width=\"" << ChainWidth << "\" height=\""
     << Height << "\" viewBox=\"0 0 " << ChainWidth << " " << Height
     << "\" role=\"img\" aria-label=\"the chain, from the root or caller "
        "down to the heap site\">\n";
  int Y = Margin;
  for (size_t I = 0; I < Steps.size(); ++I) {
    writeBox(Steps[I], E, Y, I + 1 == Steps.size());
    Y += BoxHeight;
    if (I + 1 < Steps.size()) {
      int Tip = Y + ArrowLength - 2, Mid = ChainWidth / 2;
      OS << "<path d=\"M" << Mid << " " << Y + 2 << "V" << Tip << "M" << Mid - 6
         << " " << Tip - 7 << "L" << Mid << " " << Tip << "L" << Mid + 6 << " "
         << Tip - 7 << "\"/>\n";
    }
    Y += ArrowLength;
  }
  OS << "</svg>\n";
}

void HtmlPage::writeBox(const ShownStep &Step, const ClangTidyError &E, int Y,
                        bool Last) {
  std::string Message, Where;
  OS << "<g class=\"node";
  if (!Step.Message) {
    OS << " gap";
    Message = "\xE2\x80\xA6 " + std::to_string(Step.LeftOut) +
              " steps not drawn \xE2\x80\xA6";
  } else {
    Message = Step.Message->Message;
    Where = location(*Step.Message, Step.Where);
    if (StringRef(Message).contains("is a noalloc root"))
      OS << " root";
    if (Step.Message == &E.Message)
      OS << " finding";
    if (Last)
      OS << " end";
  }
  OS << "\">";
  std::string Shown = shortened(Message, BoxCharacters);
  if (Shown != Message) {
    OS << "<title>";
    text(Message);
    OS << "</title>";
  }
  OS << "<rect x=\"" << Margin << "\" y=\"" << Y << "\" width=\""
     << ChainWidth - 2 * Margin << "\" height=\"" << BoxHeight
     << "\" rx=\"6\"/><text x=\"14\" y=\"" << Y + (Where.empty() ? 27 : 18)
     << "\">";
  text(Shown);
  OS << "</text>";
  if (!Where.empty()) {
    OS << "<text class=\"loc\" x=\"14\" y=\"" << Y + 36 << "\">";
    text(shortened(Where, BoxCharacters));
    OS << "</text>";
  }
  OS << "</g>\n";
}

void HtmlPage::writeStep(const ShownStep &Step, const ClangTidyError &E) {
  if (!Step.Message) {
    OS << "<li class=\"gap\">";
    text(leftOutMessage(Step.LeftOut));
    OS << "</li>\n";
    return;
  }
  OS << "<li value=\"" << Step.Number << "\""
     << (Step.Message == &E.Message ? " class=\"finding\"" : "")
     << "><span class=\"loc\">";
  text(location(*Step.Message, Step.Where));
  OS << "</span> <span class=\"msg\">";
  text(Step.Message->Message);
  OS << "</span>\n";
  writeSource(*Step.Message, Step.Where);
  OS << "</li>\n";
}

/// The source line of a step, its token marked; a very long line is cut
/// around the token.
void HtmlPage::writeSource(const DiagnosticMessage &M,
                           const SourceFiles::Position &Where) {
  if (M.FilePath.empty())
    return;
  if (!Where.Valid) {
    OS << "<p class=\"unreadable\">source not shown: cannot read '";
    text(shownPath(M.FilePath));
    OS << "' (or it is shorter than when it was analysed)</p>\n";
    return;
  }
  StringRef Line = StringRef(Where.UntrimmedLine).rtrim("\r\n");
  size_t Begin = std::min<size_t>(Where.Column - 1, Line.size());
  size_t End = std::min<size_t>(Begin + Where.Length, Line.size());
  size_t From = characterStart(Line, Begin > 160 ? Begin - 160 : 0);
  size_t To = characterStart(Line, std::max(End, Begin + 240));
  OS << "<pre class=\"src\"><span class=\"ln\">" << Where.Line << "</span>"
     << (From ? "\xE2\x80\xA6" : "");
  text(Line.slice(From, Begin));
  OS << "<mark>";
  text(Line.slice(Begin, End));
  OS << "</mark>";
  text(Line.slice(End, To));
  OS << (To < Line.size() ? "\xE2\x80\xA6" : "") << "</pre>\n";
}

void writeHtml(ArrayRef<ClangTidyError> Errors, const HtmlOptions &Options,
               SourceFiles &Files, raw_ostream &OS) {
  HtmlPage(Errors, Options, Files, OS).write();
}

} // namespace noalloc
