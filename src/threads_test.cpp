// start_beside(), start_spare() and lend_spare(): the work runs once, on its own thread, which
// may run on every core its creator may (moved off the creator's core only until it first runs).
#include <doctest/doctest.h>

#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <thread>

#include "src/threads.hpp"

using namespace retort;

namespace {

thread_local char tls_probe[3 * 4096];

cpu_set_t affinity() {
  cpu_set_t set;
  CPU_ZERO(&set);
  pthread_getaffinity_np(pthread_self(), sizeof set, &set);
  return set;
}

// Runs work through start_beside and tells what that thread saw.
struct Seen {
  std::thread::id id;
  cpu_set_t cpus;
  int runs = 0;
};
Seen run_beside() {
  Seen seen;
  auto t = start_beside([&] {
    seen.id = std::this_thread::get_id();
    seen.cpus = affinity();
    ++seen.runs;
  });
  CHECK(t.joinable());
  t.join();
  return seen;
}

}  // namespace

TEST_CASE("threads: work started beside runs once on a thread of its own, free to run on every core") {
  auto const mine = affinity();
  auto const check = [&] {
    auto const seen = run_beside();
    CHECK(seen.runs == 1);
    CHECK(seen.id != std::this_thread::get_id());
    CHECK(CPU_EQUAL(&seen.cpus, &mine));
  };
  check();        // a thread of its own
  start_spare();
  // Lent, the spare runs the lent work (once) while it waits to be taken; end_lending()
  // returns once that work has; then the spare runs what start_beside() gives it.
  std::atomic<int> lent_runs{0};
  std::atomic<bool> go_on{false};
  std::thread::id lent_on;
  bool const two_cores = CPU_COUNT(&mine) > 1;
  CHECK(lend_spare([&] {
          lent_on = std::this_thread::get_id();
          ++lent_runs;
          while (!go_on.load()) std::this_thread::yield();
        }) == two_cores);
  CHECK_FALSE(lend_spare([&] { ++lent_runs; }));  // (once a process)
  if (two_cores)
    while (lent_runs.load() == 0) std::this_thread::yield();
  go_on = true;
  end_lending();
  CHECK(lent_runs.load() == (two_cores ? 1 : 0));
  auto const spare = run_beside();
  CHECK(spare.runs == 1);
  if (two_cores) CHECK(spare.id == lent_on);
  CHECK(CPU_EQUAL(&spare.cpus, &mine));
  check();        // a thread of its own again
  start_spare();  // (once a process: nothing)
  check();
}

TEST_CASE("threads: the pages of a thread's own thread-local block hold its variables") {
  // (not a structured binding: the thread's lambda below reads them, which clang 14 refuses)
  auto const pages = detail::own_tls_pages();
  std::uintptr_t const first = pages.first, last = pages.second;
#if defined(__x86_64__)
  auto const probe = reinterpret_cast<std::uintptr_t>(&tls_probe[0]);
  CHECK(first % 4096 == 0);
  CHECK(last % 4096 == 0);
  CHECK(first <= probe);
  CHECK(probe + sizeof tls_probe <= last);
  std::thread([&] {  // another thread's block is another range
    auto const [other_first, other_last] = detail::own_tls_pages();  // (read here only)
    CHECK((other_last <= first || other_first >= last));
    auto const other_probe = reinterpret_cast<std::uintptr_t>(&tls_probe[0]);
    CHECK(other_first <= other_probe);
    CHECK(other_probe + sizeof tls_probe <= other_last);
  }).join();
#else
  CHECK(first == last);
#endif
}
