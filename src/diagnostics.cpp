// Diagnostics: kinds from diagnostics.def, the sink, and the caret renderer.
#include "src/diagnostics.hpp"

#include <algorithm>

namespace retort {
namespace {

struct KindInfo {
  std::string_view name;
  std::string_view format;
};

constexpr KindInfo kinds[] = {
#define DIAGNOSTIC(kind, format) {#kind, format},
#include "src/diagnostics.def"
#undef DIAGNOSTIC
};

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

}  // namespace

std::string_view diag_name(DiagKind kind) { return kinds[static_cast<std::size_t>(kind)].name; }
std::string_view diag_format(DiagKind kind) { return kinds[static_cast<std::size_t>(kind)].format; }

std::vector<DiagKind> all_diag_kinds() {
  std::vector<DiagKind> all;
  for (std::size_t i = 0; i < std::size(kinds); ++i) all.push_back(static_cast<DiagKind>(i));
  return all;
}

bool DiagnosticSink::has_errors() const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                     [](Diagnostic const& d) { return d.severity == Severity::error; });
}

void DiagnosticSink::add(SourceFile const& file, std::size_t offset, DiagKind kind, std::string message) {
  Diagnostic d{kind, Severity::error, file.path(), file.position(offset), {}, std::move(message)};
  d.source_line = std::string(file.line_text(d.position.line));
  diagnostics_.push_back(std::move(d));
}

std::string render_headline(Diagnostic const& d) {
  if (d.path.empty()) return fmt::format("retort: {}: {}", severity_name(d.severity), d.message);
  if (d.position.line == 0) return fmt::format("{}: {}: {}", d.path, severity_name(d.severity), d.message);
  return fmt::format("{}:{}:{}: {}: {}", d.path, d.position.line, d.position.column, severity_name(d.severity),
                     d.message);
}

// The caret line keeps the source line's tabs so that the caret lines up in a terminal.
static std::string caret_line(std::string_view line, std::uint32_t column) {
  std::string out;
  std::uint32_t col = 1;
  for (std::size_t i = 0; i < line.size() && col < column; ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out += c == '\t' ? '\t' : ' ';
    ++col;
  }
  out.append(column - col, ' ');
  return out + '^';
}

// Control characters (other than tab) would garble a terminal: show them as '?'.
static std::string printable(std::string_view line) {
  std::string out(line);
  for (auto& c : out)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) c = '?';
  return out;
}

std::string render(Diagnostic const& d) {
  std::string out = render_headline(d) + '\n';
  if (d.path.empty() || d.position.line == 0) return out;
  out += printable(d.source_line) + '\n';
  out += caret_line(d.source_line, d.position.column) + '\n';
  return out;
}

}  // namespace retort
