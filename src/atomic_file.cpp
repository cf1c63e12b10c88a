// write_file_atomically: mkstemp beside the target, write, fsync, rename over it.
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

bool write_file_atomically(std::string const& path, std::string_view content, std::string& error) {
  auto dir = std::filesystem::path(path).parent_path();
  auto pattern = ((dir.empty() ? std::filesystem::path(".") : dir) / ".retort-XXXXXX").string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) return error = std::strerror(errno), false;
  struct stat existing;
  fchmod(fd, stat(path.c_str(), &existing) == 0 ? existing.st_mode & 07777 : 0644);
  bool ok = true;
  for (std::size_t done = 0; ok && done < content.size();) {
    auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ok && fsync(fd) == 0;
  if (!ok) error = std::strerror(errno);
  ok = (::close(fd) == 0) && ok;
  if (ok && std::rename(name.data(), path.c_str()) != 0) {
    error = std::strerror(errno);
    ok = false;
  }
  if (!ok) std::remove(name.data());
  return ok;
}

}  // namespace retort
