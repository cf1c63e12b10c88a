// start_beside() and start_spare(): the work runs once, on its own thread, which may run on
// every core its creator may (moved off the creator's core only until it first runs).
#include <doctest/doctest.h>

#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <thread>

#include "src/threads.hpp"

using namespace retort;

namespace {

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
  check();        // the spare
  check();        // a thread of its own again
  start_spare();  // (once a process: nothing)
  check();
}
