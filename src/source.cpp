// SourceFile: reading a file once and mapping byte offsets to lines and columns.
#include "src/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace retort {

SourceFile::SourceFile(std::string path, std::string bytes)
    : path_(std::move(path)), held_(std::make_unique<Held>(std::move(bytes))) {
  if (held_->text.starts_with("\xEF\xBB\xBF")) held_->text.erase(0, 3);
}

std::vector<std::uint32_t> const& SourceFile::line_starts() const {
  std::call_once(held_->lines_found, [&] {
    auto& starts = held_->line_starts;
    auto const all = text();
    starts.push_back(0);
    char const* const begin = all.data();
    std::size_t const size = all.size();
    if (!std::memchr(begin, '\r', size)) {  // the usual case: LF only, found with memchr
      for (auto const* p = begin; (p = static_cast<char const*>(std::memchr(p, '\n', size - (p - begin)))); ++p)
        starts.push_back(static_cast<std::uint32_t>(p - begin + 1));
      return;
    }
    for (std::size_t i = 0; i < size; ++i)  // LF, CRLF, or a lone CR ends a line
      if (all[i] == '\n' || (all[i] == '\r' && (i + 1 == size || all[i + 1] != '\n')))
        starts.push_back(static_cast<std::uint32_t>(i + 1));
  });
  return held_->line_starts;
}

namespace {

// Opening, reading and closing a file straight through syscall(2): libc's wrappers of these
// are cancellation points, and in a process of more than one thread each call marks the
// thread cancellable and then not again (two atomic updates: 2 to 3 % of the time the two
// threads spend reading the headers of 1,000 files; retort cancels no thread).
int open_file(int dir, char const* path, int flags) { return static_cast<int>(::syscall(SYS_openat, dir, path, flags)); }
long read_file(int fd, char* into, std::size_t size) { return ::syscall(SYS_read, fd, into, size); }
void close_file(int fd) { ::syscall(SYS_close, fd); }

// The room to read the open file `fd` in one read (its length, and a byte to see its end
// in the same read); false, with `error` set, where it cannot be stat'ed or is not a
// regular file.
bool room_for(int fd, std::size_t& room, std::string& error) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error = S_ISDIR(st.st_mode) ? "it is a directory" : "it is not a regular file";
    return false;
  }
  room = static_cast<std::size_t>(st.st_size) + 1;
  return true;
}

// Reads the open file `fd` whole. Where the folder's listing said it is a regular file, it
// is not stat'ed: it is read into this thread's 64 KB buffer (a regular file's short read
// is its end) and copied out, one system call of four fewer per file; one that fills the
// buffer is stat'ed then, and read on in place, as a file the listing did not vouch for
// is from the start (more room if it grew meanwhile).
bool read_whole(int fd, bool listed_regular, std::string& bytes, std::string& error) {
  constexpr std::size_t buffered = 64 * 1024;
  // Not filled with zeros first: a file of a kilobyte touches one page of it, not sixteen.
  thread_local std::unique_ptr<char[]> const buffer(new char[buffered]);
  bool in_buffer = true;  // else in `bytes`, as long as it is
  char* into = buffer.get();
  std::size_t room = buffered;
  auto const into_bytes = [&] {  // reading on into `bytes`, as much of it as there is
    in_buffer = false;
    into = bytes.data();
    room = bytes.size();
  };
  if (!listed_regular) {
    std::size_t size = 0;
    if (!room_for(fd, size, error)) return false;
    if (size > buffered) {
      bytes.resize(size);
      into_bytes();
    }
  }
  std::size_t got = 0;
  for (;;) {
    if (got == room) {
      if (in_buffer) {
        std::size_t size = 0;
        if (!room_for(fd, size, error)) return false;
        bytes.assign(into, got);
        bytes.resize(std::max(size, got + 1));
      } else {
        bytes.resize(bytes.size() * 2);
      }
      into_bytes();
    }
    auto n = read_file(fd, into + got, room - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      return false;
    }
    if (n == 0) break;
    auto const asked = room - got;
    got += static_cast<std::size_t>(n);
    if (static_cast<std::size_t>(n) < asked) break;  // a regular file's short read is its end
  }
  if (in_buffer) bytes.assign(into, got);
  else bytes.resize(got);
  return true;
}

}  // namespace

std::optional<SourceFile> SourceFile::read(std::string const& path, std::string& error) {
  return read_in(AT_FDCWD, path, 0, false, error);
}

std::optional<SourceFile> SourceFile::read_in(int dir, std::string path, std::size_t name_at, bool listed_regular,
                                              std::string& error) {
  // O_NONBLOCK: a FIFO named *.mig must not hang the open; it is refused when stat'ed.
  int fd = open_file(dir, path.c_str() + name_at, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string bytes;
  bool const ok = read_whole(fd, listed_regular, bytes, error);
  close_file(fd);
  if (!ok) return std::nullopt;
  return SourceFile(std::move(path), std::move(bytes));
}

LineCol SourceFile::position(std::size_t offset) const {
  auto const all = text();
  offset = std::min(offset, all.size());
  auto const& starts = line_starts();
  auto next = std::upper_bound(starts.begin(), starts.end(), offset);
  auto line = static_cast<std::uint32_t>(next - starts.begin());
  std::uint32_t column = 1;
  for (std::size_t i = starts[line - 1]; i < offset; ++i)
    if ((static_cast<unsigned char>(all[i]) & 0xC0) != 0x80) ++column;  // skip UTF-8 continuation bytes
  return {line, column};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  auto const& starts = line_starts();
  if (line == 0 || line > starts.size()) return {};
  std::size_t begin = starts[line - 1];
  std::size_t end = line < starts.size() ? starts[line] - 1 : text().size();
  auto line_text = text().substr(begin, end - begin);
  if (line_text.ends_with('\r')) line_text.remove_suffix(1);
  return line_text;
}

}  // namespace retort
