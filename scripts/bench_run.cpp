// bench_run: runs a command once, as scripts/bench times it, and writes to OUT one line:
// its wall time and CPU time (user and system, every thread) in seconds and its peak RSS in
// KB. The command is started with posix_spawn and waited for with wait4, so that what is
// timed is the command's whole process and nothing of the timer's: bash's `time` around a
// command times bash's fork too, a copy of the shell's memory map (1.3 ms for /bin/true
// against 0.7 ms spawned). Exits with the command's status (128 + the signal that ended it).
//
// Usage: bench_run OUT COMMAND [ARG...]   (the command's standard streams are the caller's)
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

extern char** environ;

namespace {

double seconds(timespec t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9; }
double seconds(timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: bench_run OUT COMMAND [ARG...]\n", stderr);
    return 2;
  }
  timespec start{}, end{};
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t pid = 0;
  if (int const e = posix_spawnp(&pid, argv[2], nullptr, nullptr, argv + 2, environ); e != 0) {
    std::fprintf(stderr, "bench_run: cannot run %s: %s\n", argv[2], std::strerror(e));
    return 127;
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0)
    if (errno != EINTR) {
      std::fprintf(stderr, "bench_run: wait4: %s\n", std::strerror(errno));
      return 127;
    }
  clock_gettime(CLOCK_MONOTONIC, &end);
  std::FILE* out = std::fopen(argv[1], "w");
  if (!out) {
    std::fprintf(stderr, "bench_run: cannot write %s: %s\n", argv[1], std::strerror(errno));
    return 127;
  }
  std::fprintf(out, "%.6f %.6f %ld\n", seconds(end) - seconds(start), seconds(usage.ru_utime) + seconds(usage.ru_stime),
               usage.ru_maxrss);
  if (std::fclose(out) != 0) return 127;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
