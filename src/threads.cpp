// Threads started off their creator's core, and the spare thread (see threads.hpp).
#include "src/threads.hpp"

#include <link.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sched.h>
#include <unistd.h>

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
  enum : int { waiting, lent, given };  // lent: work is lent to it; given: start_beside() took it
  std::atomic<int> state{waiting};
  // The lent work's: none lent, waiting to be run, being run, run or called off (end_lending).
  enum : int { none, to_run, running, over };
  std::atomic<int> lending{none};
  std::function<void()> lent_work;  // written before `to_run`
  std::function<void()> work;       // written before `given`
  std::jthread thread;
  std::atomic<bool> available{false};  // started, not yet taken
};

Spare& spare() {
  static Spare* const s = new Spare;  // never torn down: the process may end with its thread waiting
  return *s;
}

// Waits for `state` to leave `from`: spinning (yielding) for as long as a command takes to
// list a large folder, then sleeping (a sleeping thread takes about as long to wake as a new
// one to start).
void wait_while(std::atomic<int> const& state, int from) {
  auto const until = std::chrono::steady_clock::now() + std::chrono::milliseconds(20);
  while (state.load(std::memory_order_acquire) == from && std::chrono::steady_clock::now() < until)
    std::this_thread::yield();
  state.wait(from, std::memory_order_acquire);
}

}  // namespace

std::pair<std::uintptr_t, std::uintptr_t> own_tls_pages() {
#if defined(__x86_64__)
  struct Segment {
    std::size_t size = 0, align = 1;
  } tls;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) -> int {
        for (int i = 0; i < info->dlpi_phnum; ++i)
          if (info->dlpi_phdr[i].p_type == PT_TLS) {
            auto& t = *static_cast<Segment*>(data);
            t.size = info->dlpi_phdr[i].p_memsz;
            t.align = info->dlpi_phdr[i].p_align ? info->dlpi_phdr[i].p_align : 1;
          }
        return 1;  // the program's own: the first
      },
      &tls);
  if (tls.size == 0) return {0, 0};
  // The block ends at the thread pointer, which glibc's thread handle is.
  auto const tp = reinterpret_cast<std::uintptr_t>(pthread_self());
  std::uintptr_t const page = 4096;
  auto const first = (tp - (tls.size + tls.align - 1) / tls.align * tls.align) & ~(page - 1);
  return {first, (tp + page - 1) & ~(page - 1)};
#else
  return {0, 0};
#endif
}

std::jthread take_spare(std::function<void()>& work) {
  auto& s = spare();
  if (!s.available.exchange(false, std::memory_order_acq_rel)) return {};
  s.work = std::move(work);
  s.state.store(Spare::given, std::memory_order_release);
  s.state.notify_one();
  return std::move(s.thread);
}

}  // namespace detail

bool lend_spare(std::function<void()> work) {
  using detail::Spare;
  auto& s = detail::spare();
  if (!s.available.load(std::memory_order_acquire) || s.lending.load(std::memory_order_acquire) != Spare::none)
    return false;
  s.lent_work = std::move(work);
  s.lending.store(Spare::to_run, std::memory_order_release);
  auto expected = int{Spare::waiting};
  if (!s.state.compare_exchange_strong(expected, Spare::lent, std::memory_order_acq_rel)) {  // (taken meanwhile)
    end_lending();
    return false;
  }
  s.state.notify_one();
  return true;
}

void end_lending() {
  using detail::Spare;
  auto& s = detail::spare();
  auto expected = int{Spare::to_run};
  if (s.lending.compare_exchange_strong(expected, Spare::over, std::memory_order_acq_rel)) return;  // not begun: never
  while (expected == Spare::running) {
    s.lending.wait(expected, std::memory_order_acquire);
    expected = s.lending.load(std::memory_order_acquire);
  }
}

bool own_file_table() { return ::unshare(CLONE_FILES) == 0; }

void await_awake(std::unique_lock<std::mutex>& lock, std::condition_variable& changed, std::function<bool()> const& ready,
                 bool const* stay) {
  auto const until = std::chrono::steady_clock::now() + std::chrono::microseconds(500);
  while (!ready()) {
    if ((stay && *stay) || std::chrono::steady_clock::now() < until) {
      lock.unlock();
      std::this_thread::yield();
      lock.lock();
    } else {
      changed.wait(lock);  // (then looks again: told to stay, or ready)
    }
  }
}

void start_spare() {
  static std::atomic<bool> started{false};
  if (started.exchange(true)) return;  // once a process: its thread runs the work it is given, then ends
  // This thread's thread-local variables, put in memory for writing while it is the only thread.
  // The C library leaves those that start as zero untouched in the static program, so the first
  // read of one maps the kernel's zero page, and the first write after it copies that page and
  // has every other core running the process drop the old mapping from its TLB: an interrupt
  // to the spare thread's core that the writer waits for. The first name rendered took 36 us
  // for that (the rendering's cache of plain names), 0 once the block is in memory.
  if (auto const [first, last] = detail::own_tls_pages(); first != last)
    madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof cpus, &cpus) != 0 || CPU_COUNT(&cpus) < 2) return;  // (it would spin on ours)
  auto& s = detail::spare();
  s.thread = detail::start_off_this_core([&s] {
    using detail::Spare;
    detail::wait_while(s.state, Spare::waiting);
    if (s.state.load(std::memory_order_acquire) == Spare::lent) {
      if (auto expected = int{Spare::to_run}; s.lending.compare_exchange_strong(expected, Spare::running, std::memory_order_acq_rel)) {
        s.lent_work();
        s.lending.store(Spare::over, std::memory_order_release);
        s.lending.notify_all();
      }
      detail::wait_while(s.state, Spare::lent);
    }
    s.work();
  });
  s.available.store(true, std::memory_order_release);
}

}  // namespace retort
