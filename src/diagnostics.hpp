// Diagnostics: one type for every stage's errors, a sink that collects them, and the
// renderer that prints `path:line:col: error: message`, the source line and a caret.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "src/source.hpp"

namespace retort {

// Every kind of diagnostic, listed once in diagnostics.def.
enum class DiagKind {
#define DIAGNOSTIC(kind, format) kind,
#include "src/diagnostics.def"
#undef DIAGNOSTIC
};

// The stable name of a kind (as written in diagnostics.def).
std::string_view diag_name(DiagKind kind);
// The fmt format string of a kind.
std::string_view diag_format(DiagKind kind);
// All kinds, in diagnostics.def order.
std::vector<DiagKind> all_diag_kinds();

enum class Severity { error, warning, note };

struct Diagnostic {
  DiagKind kind{};
  Severity severity = Severity::error;
  std::string path;         // empty: not about a file
  LineCol position;         // line 0: about the whole file
  std::string source_line;  // the line the caret points into
  std::string message;
};

// Collects diagnostics from every stage, in the order reported.
class DiagnosticSink {
 public:
  template <typename... Args>
  void error(SourceFile const& file, std::size_t offset, DiagKind kind, Args const&... args) {
    add(file, offset, kind, fmt::format(fmt::runtime(diag_format(kind)), args...));
  }
  // A warning at a position: reported, but not an error (the exit code stays 0).
  template <typename... Args>
  void warning(SourceFile const& file, std::size_t offset, DiagKind kind, Args const&... args) {
    add(file, offset, kind, fmt::format(fmt::runtime(diag_format(kind)), args...));
    diagnostics_.back().severity = Severity::warning;
  }
  // An error whose message was already formatted from the kind's format.
  void add(SourceFile const& file, std::size_t offset, DiagKind kind, std::string message);
  // An error about a whole file (no line): `path: error: message`.
  template <typename... Args>
  void file_error(std::string const& path, DiagKind kind, Args const&... args) {
    diagnostics_.push_back({kind, Severity::error, path, {0, 0}, {}, fmt::format(fmt::runtime(diag_format(kind)), args...)});
  }
  // An error about no file position (configuration, command line).
  template <typename... Args>
  void error(DiagKind kind, Args const&... args) {
    diagnostics_.push_back({kind, Severity::error, {}, {}, {}, fmt::format(fmt::runtime(diag_format(kind)), args...)});
  }

  // Appends every diagnostic of `other`, in its order.
  void append(DiagnosticSink&& other) {
    for (auto& d : other.diagnostics_) diagnostics_.push_back(std::move(d));
  }

  std::vector<Diagnostic> const& diagnostics() const { return diagnostics_; }
  bool has_errors() const;
  std::size_t size() const { return diagnostics_.size(); }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// `path:line:col: error: message` (or `retort: error: message` without a path).
std::string render_headline(Diagnostic const& d);
// The headline, then the source line and a caret under the column.
std::string render(Diagnostic const& d);

}  // namespace retort
