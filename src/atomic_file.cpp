// AtomicFile: mkstemp beside the target, write, fsync, rename over it.
#include "src/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace retort {

// Where the rounds of syncing begin (a piece of the script, as Assembler spills it): the
// fsync of a script of 800 KB took 2.0 to 2.4 ms, after rounds 0.25 to 0.4 ms.
constexpr long long sync_in_rounds_from = 1 << 18;

struct AtomicFile::Syncer {
  std::mutex mutex;
  std::condition_variable more;   // to the thread: more written, or stop
  std::condition_variable ended;  // from it: `finished`
  long long written = 0;  // as the writer last said
  long long synced = 0;   // by the rounds done
  bool stop = false;
  bool finished = false;  // no round under way, and none to come
  int error = 0;  // errno of a round that failed (the kernel tells a write-back error once: to that round)
};

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {}
AtomicFile::~AtomicFile() { discard(); }

// The syncing thread's rounds: each syncs what had been written when it began, until told
// to stop or a round fails.
void AtomicFile::sync_rounds(Syncer& s, int fd) {
  std::unique_lock lock(s.mutex);
  struct Finish {
    Syncer& s;
    ~Finish() {
      s.finished = true;
      s.ended.notify_all();  // (under the mutex: the Syncer is shared, and lives as long as this thread needs it)
    }
  } const finish{s};
  for (;;) {
    s.more.wait(lock, [&] { return s.stop || s.written > s.synced; });
    if (s.stop) return;
    long long const target = s.written;
    lock.unlock();
    int const failed = fdatasync(fd) == 0 ? 0 : errno;
    lock.lock();
    if (failed) {
      s.error = failed;
      return;
    }
    s.synced = target;
  }
}

void AtomicFile::start_syncing() {
  syncer_ = std::make_shared<Syncer>();
  syncer_->written = written_;
  try {
    // Detached: stop_syncing() waits for its last round, not for its end (a thread's end,
    // the allocator of the time, mimalloc, taking its heap apart, held the run 0.05 ms after
    // the closing fsync).
    std::thread([s = syncer_, fd = fd_] { sync_rounds(*s, fd); }).detach();
  } catch (std::system_error const&) {  // no thread to be had: commit()'s fsync does it all, as below the threshold
    syncer_.reset();
  }
}

void AtomicFile::tell_syncer_to_stop() {
  if (!syncer_) return;
  {
    std::lock_guard lock(syncer_->mutex);
    syncer_->stop = true;
  }
  syncer_->more.notify_one();
}

bool AtomicFile::stop_syncing() {
  if (!syncer_) return true;
  tell_syncer_to_stop();
  int failed = 0;
  {
    std::unique_lock lock(syncer_->mutex);
    syncer_->ended.wait(lock, [&] { return syncer_->finished; });  // (after the round under way, if any)
    failed = syncer_->error;
  }
  syncer_.reset();
  if (failed && error_.empty()) error_ = std::strerror(failed);
  return failed == 0;
}

bool AtomicFile::open() {
  std::lock_guard lock(mutex_);
  return open_locked();
}

bool AtomicFile::open_locked() {
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
      std::lock_guard lock(mutex_);
      error_ = n < 0 ? std::strerror(errno) : "nothing written";
      discard_locked();
      return;
    }
    done += static_cast<std::size_t>(n);
  }
  std::lock_guard lock(mutex_);
  written_ += static_cast<long long>(piece.size());
  if (!held_) write_back();
}

// Starts what is written and not yet started on its way to the disk: only a start (nothing
// waits for it), commit()'s fsync is what makes the file durable. Then the rounds of syncing,
// from their threshold on. (Under mutex_.)
void AtomicFile::write_back() {
  if (written_ > started_) sync_file_range(fd_, started_, written_ - started_, SYNC_FILE_RANGE_WRITE);
  started_ = written_;
  if (syncer_) {
    {
      std::lock_guard lock(syncer_->mutex);
      syncer_->written = written_;
    }
    syncer_->more.notify_one();
  } else if (written_ >= sync_in_rounds_from) {
    start_syncing();
  }
}

void AtomicFile::hold_writeback() {
  std::lock_guard lock(mutex_);
  held_ = true;
}

void AtomicFile::start_writeback() {
  std::lock_guard lock(mutex_);
  if (!held_) return;
  held_ = false;
  if (fd_ >= 0) write_back();
}

long long AtomicFile::started() const {
  std::lock_guard lock(mutex_);
  return started_;
}

bool AtomicFile::commit(std::string& error) {
  // The closing fsync runs beside the round under way, if any, rather than after it: each
  // waits for the same writes and a flush of the disk's cache, and one after the other the
  // run waited for both (0.3 ms of a 1,000-revision upgrade's 23). Each step that fails
  // sets error_: open(), the fsync here, stop_syncing().
  std::lock_guard lock(mutex_);
  held_ = false;  // (what no round has synced, the fsync writes)
  bool ok = open_locked();
  if (ok) {
    tell_syncer_to_stop();
    ok = fsync(fd_) == 0;
    if (!ok && error_.empty()) error_ = std::strerror(errno);
    ok = stop_syncing() && ok;  // (a round's error, where one failed)
  }
  if (fd_ >= 0) {
    ok = ::close(fd_) == 0 && ok;
    fd_ = -1;
  }
  if (ok && std::rename(temp_.c_str(), path_.c_str()) != 0) ok = false;
  if (!ok && error_.empty()) error_ = std::strerror(errno);
  if (ok) temp_.clear();  // renamed: nothing to remove
  discard_locked();
  error = error_;
  return ok;
}

void AtomicFile::discard() {
  std::lock_guard lock(mutex_);
  discard_locked();
}

void AtomicFile::discard_locked() {
  stop_syncing();
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
