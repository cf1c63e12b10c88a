// Starting a thread beside the busy one that starts it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace retort {

namespace detail {
// A std::jthread running `work` on another core than this thread's (see start_beside).
std::jthread start_off_this_core(std::function<void()> work);
// The thread start_spare() started, now running `work`, if it was still waiting; else none.
std::jthread take_spare(std::function<void()>& work);
// The pages of the calling thread's block of the program's own thread-local variables, as
// [first, last) (x86-64, where the block lies below the thread pointer; {0, 0} elsewhere).
std::pair<std::uintptr_t, std::uintptr_t> own_tls_pages();
}  // namespace detail

// A std::jthread running `f`, started on another core than the starting thread's, after
// which it may run anywhere. Linux puts a new thread on its creator's core, where it waits
// for the creator's time slice to end (4 ms here) while the other core idles: the new
// thread is moved to the other cores by the creator, before it first runs, and lets itself
// run anywhere again once it does. Where start_spare() has started a thread that no
// start_beside() has taken yet, that thread runs `f`.
template <typename F>
std::jthread start_beside(F&& f) {
  std::function<void()> work(std::forward<F>(f));
  if (auto spare = detail::take_spare(work); spare.joinable()) return spare;
  return detail::start_off_this_core(std::move(work));
}

// Starts a thread that waits for the first start_beside() to hand it its work: even on an
// idle core, a new thread takes a millisecond or more to run on this virtual machine, and a
// command wants its first thread a millisecond or two after it begins, once the folder is
// listed. Called by main() just before it runs a command (not for --help or --version),
// once a process (later calls do nothing); a spare never taken is left to the process's end.
void start_spare();

// Has the spare thread, while no start_beside() has taken it, run `work` (once a process:
// false where it was lent before, is taken, or was never started). `work` must return soon
// once told to: the work of the start_beside() that takes the thread waits for it.
bool lend_spare(std::function<void()> work);
// Returns once the spare thread is not running the lent work and never will (the lender may
// then go): at once where it has not begun it, else when it returns.
void end_lending();

// Waits under `lock` until `ready()`, where another thread is about to make it so and this
// thread's core has nothing else to do (a thread lent to rendering, once it has parsed every
// file; the replaying thread, once it has handed over the last batch; the same, taking back
// the work it lent): looking again, yielding the core in between, for half a millisecond, or
// for as long as `*stay` is true (read under `lock`), else asleep until `changed` is notified.
// A thread woken from sleep here ran 30 to 40 us later, and the end of a run waits on such
// wakes one after another (the rendering thread for the last batch, the replaying thread for
// its rendering): from the replay's end to the script's commit 0.42-0.48 -> 0.28-0.31 ms at
// 1,000 revisions.
void await_awake(std::unique_lock<std::mutex>& lock, std::condition_variable& changed, std::function<bool()> const& ready,
                 bool const* stay = nullptr);

// Gives the calling thread a table of open files of its own, a copy of the one it shared:
// for a thread that opens, reads and closes files while another does the same. Sharing one
// table, each open and close took its lock in turn with the other thread's, and every read
// counted a reference to its file (1,000 files read on two threads: 0.81 -> 0.56 ms each).
// From then on the thread sees no file that another opens, nor they those it opens: a file
// that both are to write (the script, -o) is opened before. Where the kernel refuses
// (a sandbox's filter), the table stays shared, as it was: false.
bool own_file_table();

}  // namespace retort
