// AtomicFile: mkstemp beside the target, write, fsync, rename over it.
#include "src/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace retort {

AtomicFile::~AtomicFile() { discard(); }

bool AtomicFile::open() {
  if (fd_ >= 0) return true;
  if (!error_.empty()) return false;
  auto dir = std::filesystem::path(path_).parent_path();
  auto pattern = ((dir.empty() ? std::filesystem::path(".") : dir) / ".retort-XXXXXX").string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  fd_ = mkstemp(name.data());
  if (fd_ < 0) return error_ = std::strerror(errno), false;
  temp_ = name.data();
  struct stat existing;
  fchmod(fd_, stat(path_.c_str(), &existing) == 0 ? existing.st_mode & 07777 : 0644);
  return true;
}

void AtomicFile::write(std::string_view piece) {
  if (piece.empty() || !open()) return;
  for (std::size_t done = 0; done < piece.size();) {
    auto n = ::write(fd_, piece.data() + done, piece.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = n < 0 ? std::strerror(errno) : "nothing written";
      discard();
      return;
    }
    done += static_cast<std::size_t>(n);
  }
  // Only a start (nothing waits for it): commit()'s fsync is what makes the file durable.
  sync_file_range(fd_, written_, static_cast<long long>(piece.size()), SYNC_FILE_RANGE_WRITE);
  written_ += static_cast<long long>(piece.size());
}

bool AtomicFile::commit(std::string& error) {
  bool ok = open() && fsync(fd_) == 0;
  if (!ok && error_.empty()) error_ = std::strerror(errno);
  if (fd_ >= 0) {
    ok = ::close(fd_) == 0 && ok;
    fd_ = -1;
  }
  if (ok && std::rename(temp_.c_str(), path_.c_str()) != 0) ok = false;
  if (!ok && error_.empty()) error_ = std::strerror(errno);
  if (ok) temp_.clear();  // renamed: nothing to remove
  discard();
  error = error_;
  return ok;
}

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) std::remove(temp_.c_str());
  temp_.clear();
}

bool write_file_atomically(std::string const& path, std::string_view content, std::string& error) {
  AtomicFile file(path);
  file.write(content);
  return file.commit(error);
}

}  // namespace retort
