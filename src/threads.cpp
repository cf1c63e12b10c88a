// Threads started off their creator's core, and the spare thread (see threads.hpp).
#include "src/threads.hpp"

#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <memory>

namespace retort {

namespace detail {

std::jthread start_off_this_core(std::function<void()> work) {
  cpu_set_t all;
  int const here = sched_getcpu();
  bool const move = here >= 0 && pthread_getaffinity_np(pthread_self(), sizeof all, &all) == 0 &&
                    CPU_ISSET(here, &all) && CPU_COUNT(&all) > 1;
  // Set once the new thread is moved (or is not to be): it then lets itself run anywhere.
  auto moved = std::make_shared<std::atomic<bool>>(!move);
  std::jthread thread([work = std::move(work), moved, move, all] {
    if (move) {
      while (!moved->load(std::memory_order_acquire)) std::this_thread::yield();  // (microseconds)
      pthread_setaffinity_np(pthread_self(), sizeof all, &all);
    }
    work();
  });
  if (move) {
    cpu_set_t others = all;
    CPU_CLR(here, &others);
    pthread_setaffinity_np(thread.native_handle(), sizeof others, &others);
    moved->store(true, std::memory_order_release);
  }
  return thread;
}

namespace {

struct Spare {
  enum : int { waiting, given };
  std::atomic<int> state{waiting};
  std::function<void()> work;  // written before `given`
  std::jthread thread;
  std::atomic<bool> available{false};  // started, not yet taken
};

Spare& spare() {
  static Spare* const s = new Spare;  // never torn down: the process may end with its thread waiting
  return *s;
}

}  // namespace

std::jthread take_spare(std::function<void()>& work) {
  auto& s = spare();
  if (!s.available.exchange(false, std::memory_order_acq_rel)) return {};
  s.work = std::move(work);
  s.state.store(Spare::given, std::memory_order_release);
  s.state.notify_one();
  return std::move(s.thread);
}

}  // namespace detail

void start_spare() {
  static std::atomic<bool> started{false};
  if (started.exchange(true)) return;  // once a process: its thread runs the work it is given, then ends
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof cpus, &cpus) != 0 || CPU_COUNT(&cpus) < 2) return;  // (it would spin on ours)
  auto& s = detail::spare();
  s.thread = detail::start_off_this_core([&s] {
    // Spins (yielding) for as long as a command takes to list a large folder, then sleeps: a
    // sleeping thread takes about as long to wake as a new one to start.
    auto const until = std::chrono::steady_clock::now() + std::chrono::milliseconds(20);
    while (s.state.load(std::memory_order_acquire) == detail::Spare::waiting && std::chrono::steady_clock::now() < until)
      std::this_thread::yield();
    s.state.wait(detail::Spare::waiting, std::memory_order_acquire);
    s.work();
  });
  s.available.store(true, std::memory_order_release);
}

}  // namespace retort
