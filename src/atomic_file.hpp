// Writing a file whole or not at all: a temporary file in the same folder, fsync, rename.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace retort {

// A file written in pieces that replaces `path` only at commit(): until then the pieces go
// to a temporary file beside it, which is removed if commit() is not reached or fails. An
// existing file at `path` is left untouched unless commit() succeeds. The temporary file
// is created by open(), or else by the first write (or by commit(), for an empty file).
//
// Each piece is started on its way to the disk as it is written (or, where the writeback is
// held, once it is started: hold_writeback()), and from its first quarter megabyte on, a
// thread of its own syncs what has been written (fdatasync), round after round, while the
// rest is written: a sync waits for as long as the data not yet synced takes to reach the
// disk (8 MB here: 14 to 17 ms; its last fifth: 3 ms), so that commit()'s fsync, which the
// command waits for, is left with the last round's.
// Durability is commit()'s fsync's, as before; a round that fails fails commit().
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  AtomicFile(AtomicFile const&) = delete;
  AtomicFile& operator=(AtomicFile const&) = delete;
  ~AtomicFile();
  // Appends, and starts the piece on its way to the disk (so that commit()'s fsync waits
  // for little) unless the writeback is held; after a failure the rest is dropped and
  // commit() reports it. One thread at a time writes.
  void write(std::string_view piece);
  // Holds the writeback: pieces go to the page cache only, and none is started on its way to
  // the disk, nor synced, until start_writeback() (or commit()). For a writer whose cores are
  // all busy until some point: a piece started on its way, and each round of syncing, cost the
  // kernel time on whichever core it ran, the busiest one's too (upgrade -o of 1,000
  // revisions: the replay 4.00 -> 3.81 ms held until the parsing was done, 50 runs in turn).
  void hold_writeback();
  // Starts what has been written on its way to the disk, and so on from then on, the rounds
  // of syncing too; from any thread, while another writes.
  void start_writeback();
  // The bytes written so far that have been started on their way to the disk.
  long long started() const;
  // Creates the temporary file now rather than at the first write, so that threads that
  // take a table of open files of their own after this (own_file_table) can write to it;
  // false where it cannot be created (commit() reports why).
  bool open();
  // fsync, rename over `path`; false with `error` set when any step failed.
  bool commit(std::string& error);

 private:
  void discard();
  // open() and discard() where mutex_ is held; write_back() starts what is written and not
  // yet started on its way (mutex_ held too).
  bool open_locked();
  void discard_locked();
  void write_back();
  struct Syncer;
  void start_syncing();
  static void sync_rounds(Syncer& s, int fd);
  void tell_syncer_to_stop();  // no round begins after this; the one under way goes on
  bool stop_syncing();  // false where a round of it failed (error_ is set)

  std::string path_;
  std::string temp_;  // the temporary file's path, once created
  int fd_ = -1;
  mutable std::mutex mutex_;  // over what follows, to the error, for start_writeback()
  long long written_ = 0;     // bytes written so far
  long long started_ = 0;     // bytes started on their way to the disk
  bool held_ = false;         // hold_writeback(), until start_writeback()
  std::string error_;  // the first failure
  std::shared_ptr<Syncer> syncer_;  // from sync_in_rounds_from (atomic_file.cpp) on; shared with its thread
};

// Replaces `path` with `content`; on failure returns false with `error` set and leaves
// any existing file untouched.
bool write_file_atomically(std::string const& path, std::string_view content, std::string& error);

}  // namespace retort
