// Loading a project: retort.ini through Boost.Program_options, then the versions folder.
#include "src/project.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <boost/program_options.hpp>

#include "grammar/parse.hpp"
#include "src/threads.hpp"

namespace retort {

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

po::options_description config_options(Config& c) {
  po::options_description d("retort.ini");
  d.add_options()
      ("retort.versions", po::value(&c.versions))
      ("retort.dialect", po::value(&c.dialect))
      ("retort.version_table", po::value(&c.version_table))
      ("retort.version_table_schema", po::value(&c.version_table_schema))
      ("retort.transaction_per_migration", po::value(&c.transaction_per_migration))
      ("retort.file_template", po::value(&c.file_template));
  return d;
}

bool read_config_file(std::string const& path, Config& config, DiagnosticSink& diags) {
  std::ifstream in(path);
  if (!in) {
    diags.file_error(path, DiagKind::cannot_read, path, std::strerror(errno));
    return false;
  }
  try {
    auto desc = config_options(config);
    auto parsed = po::parse_config_file(in, desc, true);
    po::variables_map vm;
    po::store(parsed, vm);
    po::notify(vm);
    for (auto const& o : parsed.options) {
      if (!o.unregistered) continue;
      static constexpr std::string_view prefix = "retort.naming_convention.";
      if (o.string_key.starts_with(prefix) && !o.value.empty())
        config.naming_convention[o.string_key.substr(prefix.size())] = o.value.front();
      else
        return diags.file_error(path, DiagKind::bad_config, fmt::format("unknown setting '{}'", o.string_key)), false;
    }
  } catch (po::error const& e) {
    diags.file_error(path, DiagKind::bad_config, e.what());
    return false;
  }
  auto const& names = grammar::dialect_names;
  if (std::find(names.begin(), names.end(), config.dialect) == names.end()) {
    diags.file_error(path, DiagKind::unknown_dialect, config.dialect);
    return false;
  }
  config.path = path;
  return true;
}

// Runs `each(i, sink)` for i in [0, n): on two threads when there are enough items for it
// to pay (this is a 2-core machine's compiler), both taking chunks of items in turn rather
// than a fixed half each. On this machine a new thread starts up to 3 ms late (its idle core
// must be woken), as long as a thousand files take to parse: with halves, the first thread
// waited that long for the second's. The diagnostics come out in item order, as from one
// thread.
constexpr std::size_t chunk_items = 16;
constexpr std::size_t items_for_two_threads = 64;  // fewer take less time than a thread takes to start

// One thread's part of a chunked loop: `each(i, c)` for every i of every chunk c of
// [0, n) that `next` hands it.
template <typename Each>
void take_chunks(std::atomic<std::size_t>& next, std::size_t n, Each const& each) {
  std::size_t const chunks = (n + chunk_items - 1) / chunk_items;
  for (std::size_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;)
    for (auto i = c * chunk_items; i < std::min(n, (c + 1) * chunk_items); ++i) each(i, c);
}

template <typename Each>
void in_parallel(std::size_t n, DiagnosticSink& diags, Each const& each) {
  std::vector<DiagnosticSink> sinks((n + chunk_items - 1) / chunk_items);
  std::atomic<std::size_t> next{0};
  auto const work = [&] { take_chunks(next, n, [&](std::size_t i, std::size_t c) { each(i, sinks[c]); }); };
  {
    std::jthread helper;
    if (n >= items_for_two_threads)
      helper = start_beside([&] {
        own_file_table();
        work();
      });
    work();
  }  // joined
  for (auto& sink : sinks) diags.append(std::move(sink));
}

}  // namespace

std::optional<Config> load_config(ProjectOptions const& options, DiagnosticSink& diags) {
  Config config;
  if (!options.config_file.empty()) {
    if (!read_config_file(options.config_file, config, diags)) return std::nullopt;
    return config;
  }
  auto path = (fs::path(options.dir) / "retort.ini").lexically_normal().string();
  std::error_code ec;
  if (fs::exists(path, ec)) {
    if (!read_config_file(path, config, diags)) return std::nullopt;
  } else if (!fs::is_directory(fs::path(options.dir) / config.versions, ec)) {
    diags.error(DiagKind::no_config, path);
    return std::nullopt;
  }
  return config;
}

namespace {

// A listed file of the folder open as `dir`, read (its path: the folder's `prefix` joined
// with its `name`; `regular`: as the listing said). One call for every read of a listed file,
// the spare thread's during the listing included, so that those read early are read as the
// others are.
std::optional<SourceFile> read_listed(int dir, std::string const& prefix, std::string_view name, bool regular,
                                      std::string& error) {
  return SourceFile::read_in(dir, prefix + std::string(name), prefix.size(), regular, error);
}

// The versions folder's .mig files, in name order, and the folder, open: each file is
// opened from it (openat), which spares the kernel a walk of the folder's path per file.
// The names are held in one buffer, and each path is built by the thread that reads the file:
// at 100,000 files, a string per name was 100,000 allocations on the one thread listing.
struct Listing {
  struct Entry {
    std::uint32_t name_offset;  // in `names`
    std::uint32_t name_size;
    bool regular = false;  // the listing said so (d_type), so that reading needs no stat
  };
  std::vector<Entry> entries;
  std::vector<std::uint32_t> listed_at;  // each entry's place in the listing's order (Prefetch's)
  std::string names;   // every name, one after another
  std::string prefix;  // the folder's path as lexically_normal() writes it, joined with a name
  struct Folder {  // the folder, open
    int fd = -1;
    ~Folder() {
      if (fd >= 0) ::close(fd);
    }
  } dir;

  std::size_t size() const { return entries.size(); }
  std::string_view name(Entry const& e) const { return std::string_view(names).substr(e.name_offset, e.name_size); }
  std::string path(std::size_t i) const { return prefix + std::string(name(entries[i])); }
  std::optional<SourceFile> read(std::size_t i, std::string& error) const {
    return read_listed(dir.fd, prefix, name(entries[i]), entries[i].regular, error);
  }
};

// Files read while the folder is still being listed, by the spare thread (threads.hpp),
// which would otherwise wait: the listing hands it each chunk of names as the kernel gives them,
// in the listing's order, and it reads those files until told to stop (once the headers are to
// be read, in name order, by two threads, each taking what it has read). At 10,000 files
// the listing took 6 ms, the core beside it idle; now 1,900 files are read meanwhile, and the
// headers are all read 2.6 ms sooner. A file it could not read, or that the listing did not say
// is a regular file, is left to be read in turn (as it always was, reporting the error).
class Prefetch {
 public:
  Prefetch() = default;
  Prefetch(Prefetch const&) = delete;
  Prefetch& operator=(Prefetch const&) = delete;
  ~Prefetch() { finish(); }

  // Lends the spare thread the reading; false where there is none to lend.
  bool start(int dir, std::string const& prefix) {
    dir_ = dir;
    prefix_ = prefix;
    return lent_ = lend_spare([this] { run(); });
  }
  // The listing's next name (they are handed over a chunk at a time).
  void add(std::string_view name, bool regular) {
    if (!filling_) filling_ = &chunks_.emplace_back(std::make_unique<Chunk>()).operator*();
    auto& c = *filling_;
    c.entries[c.size++] = {static_cast<std::uint32_t>(c.names.size()), static_cast<std::uint32_t>(name.size()), regular};
    c.names += name;
    if (c.size == chunk_size) hand_over();
  }
  // The listing is done: the last chunk is handed over.
  void listed() {
    if (filling_) hand_over();
    all_listed_.store(true, std::memory_order_release);
  }
  // Tells the reading to stop, and waits for it (it ends after the file it is reading).
  void finish() {
    stop_.store(true, std::memory_order_release);
    if (lent_) end_lending();
    lent_ = false;
  }
  // After finish(): the file listed `at`-th, where the spare thread read it;
  // nullopt: it is for the caller to read. Once for each file (on either of two threads).
  std::optional<SourceFile> take(std::size_t at) {
    if (at / chunk_size >= chunks_.size()) return std::nullopt;
    return std::move(chunks_[at / chunk_size]->files[at % chunk_size]);  // (end_lending() synchronized)
  }

 private:
  static constexpr std::size_t chunk_size = 64;
  struct Chunk {
    std::array<Listing::Entry, chunk_size> entries;  // offsets in `names`
    std::string names;
    std::size_t size = 0;
    std::array<std::optional<SourceFile>, chunk_size> files;  // those read
    std::atomic<Chunk*> next{nullptr};  // the chunk handed over after this one
  };

  void hand_over() {
    auto* c = filling_;
    filling_ = nullptr;
    if (last_handed_) last_handed_->next.store(c, std::memory_order_release);
    else first_.store(c, std::memory_order_release);
    last_handed_ = c;
  }
  // On the spare thread: reads every file handed over, in turn, until told to stop.
  void run() {
    own_file_table();  // (it reads beside the thread that lists, as it does the headers later)
    Chunk* c = nullptr;
    for (;;) {
      auto* next = c ? c->next.load(std::memory_order_acquire) : first_.load(std::memory_order_acquire);
      if (!next) {
        if (stop_.load(std::memory_order_acquire) || all_listed_.load(std::memory_order_acquire)) return;
        std::this_thread::yield();  // (the listing reads on)
        continue;
      }
      c = next;
      for (std::size_t k = 0; k < c->size; ++k) {
        if (stop_.load(std::memory_order_acquire)) return;
        auto const& e = c->entries[k];
        if (!e.regular) continue;
        std::string error;
        c->files[k] = read_listed(dir_, prefix_, std::string_view(c->names).substr(e.name_offset, e.name_size), e.regular, error);
      }
    }
  }

  int dir_ = -1;
  std::string prefix_;
  std::vector<std::unique_ptr<Chunk>> chunks_;  // the listing's (the spare thread follows `next`)
  Chunk* filling_ = nullptr;
  Chunk* last_handed_ = nullptr;
  std::atomic<Chunk*> first_{nullptr};
  std::atomic<bool> all_listed_{false};
  std::atomic<bool> stop_{false};
  bool lent_ = false;  // the spare thread is lent the reading (until finish())
};

// The configuration and the listing of its versions folder; with `prefetch`, the files are
// read as they are listed (see Prefetch).
std::optional<Project> list_project(ProjectOptions const& options, DiagnosticSink& diags, Listing& listing,
                                    Prefetch* prefetch = nullptr) {
  auto config = load_config(options, diags);
  if (!config) return std::nullopt;
  Project project{*config, {}, {}};
  auto base = config->path.empty() ? fs::path(options.dir) : fs::path(config->path).parent_path();
  project.versions_dir = (base / config->versions).lexically_normal().string();
  std::error_code ec;
  if (!fs::is_directory(project.versions_dir, ec)) {
    diags.error(DiagKind::no_versions_folder, project.versions_dir);
    return std::nullopt;
  }
  // Each path as lexically_normal() writes the folder's path joined with the name, without
  // normalizing every one (which costs more than reading the file).
  listing.prefix = (fs::path(project.versions_dir) / "x").lexically_normal().string();
  listing.prefix.pop_back();
  // The folder's names as the kernel lists them (a directory_iterator builds a path for each:
  // at 10,000 files, listing took 7 ms of the 110 an upgrade takes, the other core idle
  // meanwhile). The first read asks for 4 KB of them, a hundred names, and those after for
  // 32 KB, as readdir does: the spare thread reads files as soon as the first names come,
  // which a first read of 32 KB gave it after 170 us at 1,000 files (4 KB: 22 us), and the
  // listing takes as long either way.
  listing.dir.fd = ::open(project.versions_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (listing.dir.fd < 0) {
    diags.error(DiagKind::cannot_read, project.versions_dir, std::generic_category().message(errno));
    return std::nullopt;
  }
  if (prefetch && !prefetch->start(listing.dir.fd, listing.prefix)) prefetch = nullptr;
  int error = 0;
  alignas(dirent64) std::array<char, 32 * 1024> buffer;
  for (std::size_t ask = 4 * 1024;; ask = buffer.size()) {
    auto const got = ::getdents64(listing.dir.fd, buffer.data(), ask);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      error = got < 0 ? errno : 0;
      break;
    }
    for (std::size_t at = 0; at < static_cast<std::size_t>(got);) {
      auto const* entry = reinterpret_cast<dirent64 const*>(buffer.data() + at);
      at += entry->d_reclen;
      std::string_view const name = entry->d_name;
      if (name.size() > 4 && name.ends_with(".mig")) {  // not ".mig" itself
        listing.entries.push_back({static_cast<std::uint32_t>(listing.names.size()),
                                   static_cast<std::uint32_t>(name.size()), entry->d_type == DT_REG});
        listing.names += name;
        if (prefetch) prefetch->add(name, entry->d_type == DT_REG);
      }
    }
  }
  if (prefetch) prefetch->listed();
  if (error) {
    diags.error(DiagKind::cannot_read, project.versions_dir, std::generic_category().message(error));
    return std::nullopt;
  }
  // In name order. Each name's first 16 bytes are compared as two numbers held beside its
  // place (a revision's name is most often told apart by them), and the names themselves only
  // where those are the same: comparing the names, each behind its own pointer, took 60 ms at
  // 100,000 files.
  struct Key {
    std::uint64_t high, low;
    std::uint32_t entry;
  };
  auto const bytes = [](std::string_view s, std::size_t from) {  // big-endian, NUL-padded: ordered as the bytes are
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i)
      v = (v << 8) | (from + i < s.size() ? static_cast<unsigned char>(s[from + i]) : 0u);
    return v;
  };
  auto const name = [&](std::uint32_t entry) { return listing.name(listing.entries[entry]); };
  std::vector<Key> keys(listing.entries.size());
  for (std::uint32_t i = 0; i < keys.size(); ++i) keys[i] = {bytes(name(i), 0), bytes(name(i), 8), i};
  std::sort(keys.begin(), keys.end(), [&](Key const& a, Key const& b) {
    if (a.high != b.high) return a.high < b.high;
    if (a.low != b.low) return a.low < b.low;
    return name(a.entry) < name(b.entry);
  });
  std::vector<Listing::Entry> sorted;
  sorted.reserve(keys.size());
  listing.listed_at.reserve(keys.size());
  for (auto const& k : keys) {
    sorted.push_back(listing.entries[k.entry]);
    listing.listed_at.push_back(k.entry);
  }
  listing.entries = std::move(sorted);
  return project;
}

// Reads every file (and with `parse`, parses each as soon as it is read: one thread reads
// while the other parses, where two threads reading at once gain nothing); every error is
// reported, in file order.
std::optional<Project> read_project(ProjectOptions const& options, DiagnosticSink& diags,
                                    std::vector<ast::Revision>* parse, KeepBlocks keep) {
  Listing listing;
  auto project = list_project(options, diags, listing);
  if (!project) return std::nullopt;
  std::vector<std::optional<SourceFile>> read(listing.size());
  std::vector<std::optional<ast::Revision>> parsed(parse ? listing.size() : 0);
  in_parallel(listing.size(), diags, [&](std::size_t i, DiagnosticSink& sink) {
    std::string error;
    read[i] = listing.read(i, error);
    if (!read[i]) sink.file_error(listing.path(i), DiagKind::cannot_read, listing.path(i), error);
    else if (parse)
      parsed[i] = grammar::parse(*read[i], sink, keep);
  });
  project->files.reserve(listing.size());
  for (auto& file : read)
    if (file) project->files.push_back(std::move(*file));
  if (parse) {
    parse->reserve(listing.size());
    for (auto& revision : parsed)
      if (revision) parse->push_back(std::move(*revision));
  }
  return project;
}

}  // namespace

// How far each file's blocks are: not begun, being parsed by one thread, parsed, or failed.
enum : std::uint8_t { blocks_pending, blocks_claimed, blocks_parsed, blocks_failed };

struct PendingBlocks::State {
  explicit State(std::size_t n) : status(n), diags(n) {}
  std::vector<std::atomic<std::uint8_t>> status;
  std::vector<DiagnosticSink> diags;  // each file's, written by the thread that parsed it
  std::atomic<std::size_t> next_chunk{0};   // of the headers, taken by either thread
  std::atomic<bool> helper_read{false};     // the second thread has read its last header
  enum Go : std::uint8_t { not_yet, blocks, stop };
  std::atomic<std::uint8_t> go{not_yet};    // what the second thread does once the headers are read
  std::vector<std::size_t> preferred;
  std::atomic<bool> has_preferred{false};       // `preferred` is written, and no more
  std::atomic<std::size_t> next_preferred{0};   // taken by either thread
  std::size_t waited = 0;                       // wait() calls (on the caller's thread only)
  // The work the second thread is lent to (see lend()), under `lent_mutex`.
  std::mutex lent_mutex;
  std::condition_variable lent_changed;
  std::function<void()> const* between = nullptr;
  std::function<void()> const* after = nullptr;
  bool in_lent = false;      // the second thread is in between() or after()
  bool helper_gone = false;  // it has parsed every file and taken its after(), if any
  // The second thread has done everything it will (set last, after every write of its own):
  // finish() waits for this, not for the thread to end.
  std::atomic<bool> helper_done{false};
  // Then it waits to be let go, by the destructor, before it ends: a thread's end had the
  // allocator of the time, mimalloc, take its heap apart (a third of a millisecond of a core
  // at 1,000 files), and still unmaps its stack, which a process that exits without tearing
  // anything down (main()) need not wait for, nor give a core to while it writes the script
  // out; its end ends the waiting thread too.
  std::atomic<bool> helper_dismissed{false};
  std::jthread helper;
};

PendingBlocks::PendingBlocks(std::size_t files, KeepBlocks keep, std::function<void(std::size_t)> const& read_header)
    : keep_(keep), state_(std::make_unique<State>(files)) {
  auto const read = [&, this] { take_chunks(state_->next_chunk, files, [&](std::size_t i, std::size_t) { read_header(i); }); };
  if (files >= items_for_two_threads) {
    state_->helper = start_beside([this, &read] {
      own_file_table();
      read();
      state_->helper_read.store(true, std::memory_order_release);
      // start() follows within a millisecond or two: spin rather than sleep, so as to be
      // running when it comes (a sleeping thread may take as long again to wake).
      auto& go = state_->go;
      for (int spins = 0; go.load(std::memory_order_acquire) == State::not_yet && spins < 5000; ++spins)
        std::this_thread::yield();
      go.wait(State::not_yet, std::memory_order_acquire);
      if (go.load(std::memory_order_acquire) == State::blocks) parse_blocks_in_turn();
      run_lent(true);
      state_->helper_done.store(true, std::memory_order_release);
      state_->helper_done.notify_all();
      state_->helper_dismissed.wait(false, std::memory_order_acquire);
    });
  }
  read();
  if (state_->helper.joinable())
    while (!state_->helper_read.load(std::memory_order_acquire)) std::this_thread::yield();  // its last chunk
}

PendingBlocks::~PendingBlocks() {
  if (state_->go.load() == State::not_yet) {
    state_->go.store(State::stop, std::memory_order_release);
    state_->go.notify_all();
  }
  state_->helper_dismissed.store(true, std::memory_order_release);
  state_->helper_dismissed.notify_all();
}  // the jthread joins

void PendingBlocks::start(std::span<SourceFile const> files, std::span<ast::Revision> revisions,
                          std::vector<std::size_t> bodies) {
  files_ = files;
  revisions_ = revisions;
  bodies_ = std::move(bodies);
  for (std::size_t i = 0; i < bodies_.size(); ++i)
    if (bodies_[i] == parsed) state_->status[i].store(blocks_parsed, std::memory_order_relaxed);
  state_->go.store(State::blocks, std::memory_order_release);
  state_->go.notify_all();
}

// The second thread's part: the preferred revisions first, then every other file in order,
// each after a piece of the work it is lent, if any.
void PendingBlocks::parse_blocks_in_turn() {
  bool parsed = true;  // (a piece of the lent work after each file parsed, not each one passed)
  for (std::size_t next_file = 0;;) {
    if (parsed) run_lent(false);
    if ((parsed = parse_preferred())) continue;
    if (next_file == files_.size()) return;
    if ((parsed = claim(next_file))) parse(next_file);
    ++next_file;
  }
}

// On the second thread: a piece of the work it is lent (between()), or once every file is
// parsed (`last`), the rest of it (after()), after which no more is taken.
void PendingBlocks::run_lent(bool last) {
  auto& st = *state_;
  std::function<void()> const* work;
  {
    std::lock_guard lock(st.lent_mutex);
    work = last ? st.after : st.between;
    if (last) st.helper_gone = true;
    st.in_lent = work != nullptr;
  }
  if (!work) return;
  (*work)();
  {
    std::lock_guard lock(st.lent_mutex);
    st.in_lent = false;
  }
  st.lent_changed.notify_all();
}

bool PendingBlocks::lend(std::function<void()> const* between, std::function<void()> const* after) {
  auto& st = *state_;
  std::unique_lock lock(st.lent_mutex);
  if (between || after) {
    if (!st.helper.joinable() || st.helper_gone) return false;
    st.between = between;
    st.after = after;
    return true;
  }
  st.between = st.after = nullptr;
  await_awake(lock, st.lent_changed, [&] { return !st.in_lent; });  // (its end is near: it was told to end)
  return true;
}

void PendingBlocks::prefer(std::vector<std::size_t> order) {
  state_->preferred = std::move(order);
  state_->has_preferred.store(true, std::memory_order_release);
}

bool PendingBlocks::claim(std::size_t i) {
  auto expected = std::uint8_t{blocks_pending};
  return state_->status[i].compare_exchange_strong(expected, blocks_claimed, std::memory_order_acquire);
}

// The blocks of one file; where they do not parse, the whole file is parsed again by
// grammar::parse, which reports its errors as it always has.
void PendingBlocks::parse(std::size_t i) {
  auto& revision = revisions_[i];
  bool ok = grammar::parse_blocks(files_[i], bodies_[i], revision, keep_);
  if (!ok) {
    if (auto whole = grammar::parse(files_[i], state_->diags[i], keep_)) {  // (parse_blocks fails only where this does)
      revision.upgrade = std::move(whole->upgrade);  // the header may be being read meanwhile
      revision.downgrade = std::move(whole->downgrade);
      ok = true;
    }
  }
  state_->status[i].store(ok ? blocks_parsed : blocks_failed, std::memory_order_release);
  state_->status[i].notify_all();
}

// Parses the next preferred revision that no thread has begun, if any is left; false if none.
bool PendingBlocks::parse_preferred() {
  if (!state_->has_preferred.load(std::memory_order_acquire)) return false;
  auto const& order = state_->preferred;
  for (std::size_t k; (k = state_->next_preferred.fetch_add(1, std::memory_order_relaxed)) < order.size();)
    if (claim(order[k])) {
      parse(order[k]);
      return true;
    }
  return false;
}

bool PendingBlocks::wait(std::size_t i) {
  ++state_->waited;
  auto& status = state_->status[i];
  // Claimed only where no thread has: a compare-and-swap for each file already parsed took
  // 0.1 ms of 1,000 files in finish() (the replay too asks here once a step).
  if (status.load(std::memory_order_acquire) == blocks_pending && claim(i)) parse(i);
  // The other thread is at it: parse the next one meanwhile (the caller will want it soon),
  // or wait the few microseconds left where none is.
  while (status.load(std::memory_order_acquire) == blocks_claimed)
    if (!parse_preferred()) status.wait(blocks_claimed, std::memory_order_acquire);
  return status.load(std::memory_order_acquire) == blocks_parsed;
}

std::size_t PendingBlocks::lead() const {
  auto const& st = *state_;
  if (!st.has_preferred.load(std::memory_order_acquire)) return 0;
  auto const taken = std::min(st.next_preferred.load(std::memory_order_relaxed), st.preferred.size());
  return taken > st.waited ? taken - st.waited : 0;
}

bool PendingBlocks::finish(DiagnosticSink& diags) {
  for (std::size_t i = 0; i < files_.size(); ++i) wait(i);  // this thread takes its share of what is left
  if (state_->helper.joinable()) state_->helper_done.wait(false, std::memory_order_acquire);
  bool ok = true;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    ok = ok && state_->status[i].load(std::memory_order_acquire) == blocks_parsed;
    diags.append(std::move(state_->diags[i]));
  }
  return ok;
}

std::optional<std::pair<Project, std::unique_ptr<PendingBlocks>>> open_headers(ProjectOptions const& options,
                                                                               DiagnosticSink& diags,
                                                                               std::vector<ast::Revision>& revisions,
                                                                               KeepBlocks keep) {
  Listing listing;
  Prefetch prefetch;
  auto project = list_project(options, diags, listing, &prefetch);
  if (!project) return std::nullopt;
  std::vector<std::optional<SourceFile>> read(listing.size());
  // Each header straight into its place (a vector of headers moved into this one after was
  // another 30 MB touched, and 100,000 moves, at 100,000 files, before anything else began).
  revisions.clear();
  revisions.resize(listing.size());
  std::vector<std::uint8_t> has_header(listing.size(), 0);
  std::vector<std::size_t> bodies(listing.size());
  std::vector<DiagnosticSink> errors(listing.size());  // each file's, so that they come out in file order
  std::atomic<bool> failed{false};
  prefetch.finish();  // (the spare thread is to read headers now)
  auto pending = std::make_unique<PendingBlocks>(listing.size(), keep, [&](std::size_t i) {
    auto& sink = errors[i];
    std::string error;
    read[i] = prefetch.take(listing.listed_at[i]);
    if (!read[i]) read[i] = listing.read(i, error);
    if (!read[i]) {
      sink.file_error(listing.path(i), DiagKind::cannot_read, listing.path(i), error);
      failed.store(true, std::memory_order_relaxed);
    } else if (auto header = grammar::parse_header(*read[i], bodies[i])) {
      revisions[i] = std::move(*header);
      has_header[i] = 1;
    } else if (auto whole = grammar::parse(*read[i], sink, keep)) {
      // parse() reports the file's errors (parse_header fails only where it does; should it
      // not, its tree is the file's whole, and nothing is left to parse).
      revisions[i] = std::move(*whole);
      has_header[i] = 1;
      bodies[i] = PendingBlocks::parsed;
    } else {
      failed.store(true, std::memory_order_relaxed);
    }
  });
  project->files.reserve(listing.size());
  for (auto& file : read)
    if (file) project->files.push_back(std::move(*file));
  if (failed.load()) {
    pending.reset();  // the second thread ends
    // Every other file parsed whole, so that its errors are reported too, in file order.
    std::vector<SourceFile const*> of(listing.size(), nullptr);
    for (std::size_t i = 0, f = 0; i < listing.size(); ++i)
      if (read[i]) of[i] = &project->files[f++];
    in_parallel(listing.size(), diags, [&](std::size_t i, DiagnosticSink&) {
      if (has_header[i]) grammar::parse(*of[i], errors[i]);
    });
    for (auto& sink : errors) diags.append(std::move(sink));
    revisions.clear();
    return std::nullopt;
  }
  pending->start(project->files, revisions, std::move(bodies));
  return std::make_pair(std::move(*project), std::move(pending));
}

std::optional<Project> open_project(ProjectOptions const& options, DiagnosticSink& diags) {
  return read_project(options, diags, nullptr, KeepBlocks::none);
}

std::optional<Project> open_and_parse(ProjectOptions const& options, DiagnosticSink& diags,
                                      std::vector<ast::Revision>& revisions, KeepBlocks keep) {
  return read_project(options, diags, &revisions, keep);
}

}  // namespace retort
