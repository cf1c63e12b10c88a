// A source file held in memory: its path, its text (UTF-8 BOM removed) and the
// offsets where its lines start, so that a byte offset maps to a line and column.
#pragma once

#include <cstdint>
#include <forward_list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace retort {

// A 1-based line and column; columns count characters (UTF-8 code points), not bytes.
struct LineCol {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

class SourceFile {
 public:
  // Takes the file's bytes as read; a leading UTF-8 byte-order mark is dropped.
  SourceFile(std::string path, std::string bytes);

  // Reads a file whole; nullopt (with `error` set) when it cannot be read.
  static std::optional<SourceFile> read(std::string const& path, std::string& error);
  // The same, of the file named path.substr(name_at) in the open folder `dir` (openat's
  // `dir`, which spares the kernel a walk of the folder's path for each file); diagnostics
  // name it `path`. `listed_regular`: the folder's listing said it is a regular file.
  static std::optional<SourceFile> read_in(int dir, std::string path, std::size_t name_at, bool listed_regular,
                                           std::string& error);

  std::string const& path() const { return path_; }
  std::string_view text() const { return held_->text; }

  // Keeps a token's spelling that is not in the text as written (a quoted name or string
  // unescaped), for as long as the file lives: syntax trees view the file's text and these.
  std::string_view keep(std::string spelling) const { return held_->kept.emplace_front(std::move(spelling)); }

  // The line and column of a byte offset into text().
  LineCol position(std::size_t offset) const;

  // The text of a 1-based line, without its line break (LF or CRLF).
  std::string_view line_text(std::uint32_t line) const;

 private:
  // The text and the kept spellings are held apart, so that views of them survive the
  // file's moves.
  // Where lines start is found when a position is first asked for (most files never have a
  // diagnostic), once whichever thread asks.
  struct Held {
    explicit Held(std::string t) : text(std::move(t)) {}
    std::string text;
    std::forward_list<std::string> kept;  // (a deque would take 600 bytes before its first)
    std::once_flag lines_found;
    std::vector<std::uint32_t> line_starts;
  };
  std::vector<std::uint32_t> const& line_starts() const;

  std::string path_;
  std::unique_ptr<Held> held_;
};

}  // namespace retort
