// Assembling the script (see script.hpp).
#include "src/script.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <new>
#include <thread>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "src/atomic_file.hpp"
#include "src/threads.hpp"

namespace retort {

class Writer {
 public:
  // What is written at once with -o, each piece started on its way to the disk as it goes:
  // the closing fsync then waits for a quarter of a megabyte at most (at 1,000 revisions,
  // whose script is under a megabyte, a whole one cost a millisecond of the run's sixteen).
  static constexpr std::size_t spill_bytes = 1 << 18;

  Writer(dialects::Dialect const& d, ScriptOptions const& o) : d_(d), o_(o) {
    table_ = dialects::quote_table(d, o.version_table_schema, o.version_table);
    (end_ = d.terminator) += "\n\n";
    if (!d.separator.empty()) (end_ += d.separator) += "\n\n";
  }

  void statement(std::string_view sql) {
    out_ += sql;
    end_statement();
  }
  // Ends the statement written into the script in place.
  void end_statement() { out_ += end_; }
  // An op's statements, written into the script as they are built.
  dialects::Statements statements() { return dialects::Statements(out_, end_); }
  void running(Step const& step) {
    out_ += "-- Running ";
    append_step_log(out_, step);
    out_ += "\n\n";
  }
  void begin() {  // no separator after it (Alembic's SQL Server output has none)
    if (d_.transactional_ddl) out_ += std::string(d_.begin) + std::string(d_.terminator) + "\n\n";
  }
  void commit() {
    if (d_.transactional_ddl) statement(std::string(d_.commit));
  }

  void create_version_table() {
    statement(fmt::format("CREATE TABLE {} (\n    version_num {} NOT NULL, \n    CONSTRAINT {} PRIMARY KEY "
                          "(version_num)\n)",
                          table_, d_.version_type, dialects::quote(d_, o_.version_table + "_pkc")));
  }
  // Each step's row change, written in place (one per step: a format string's parse and
  // its pieces' copies cost more than the rest of a small step).
  void version(VersionOp const& op) {
    switch (op.kind) {
      case VersionOp::insert:
        (out_ += "INSERT INTO ") += table_;
        out_ += " (version_num)";
        if (d_.version_insert_output) out_ += " OUTPUT inserted.version_num";
        ((out_ += " VALUES ('") += op.to) += "')";
        if (d_.version_insert_returning) ((out_ += " RETURNING ") += table_) += ".version_num";
        break;
      case VersionOp::update:
        ((out_ += "UPDATE ") += table_) += " SET version_num='";
        ((out_ += op.to) += "' WHERE ") += table_;
        ((out_ += ".version_num = '") += op.from) += '\'';
        break;
      case VersionOp::remove:
        ((out_ += "DELETE FROM ") += table_) += " WHERE ";
        ((out_ += table_) += ".version_num = '") += op.from;
        out_ += '\'';
        break;
    }
    end_statement();
  }
  std::string take() { return std::move(out_); }
  // Room foreseen (Assembler::expect): where it cannot be had, the script grows as it would.
  void reserve(std::size_t bytes) {
    try {
      out_.reserve(bytes);
    } catch (std::bad_alloc const&) {
    }
  }
  void append(std::string_view text) { out_ += text; }
  // Hands what is written so far to `file` once there is enough of it to be worth a write.
  void spill(AtomicFile& file) {
    if (!full()) return;
    file.write(out_);
    out_.clear();
  }
  bool full() const { return out_.size() >= spill_bytes; }
  // What is written so far, the script going on in `room` (emptied).
  std::string trade(std::string&& room) {
    room.clear();
    std::swap(out_, room);
    if (out_.capacity() < spill_room) reserve(spill_room);
    return std::move(room);
  }
  // (a step's statements come after what is spilled: a quarter more, and the few steps that
  // write more take more room as before)
  static constexpr std::size_t spill_room = spill_bytes + spill_bytes / 4;

 private:
  dialects::Dialect const& d_;
  ScriptOptions const& o_;
  std::string table_;
  std::string end_;  // after each statement
  std::string out_;
};

// Steps go to the rendering thread in batches of this many: a hand-over per step would cost
// more in waking the thread than rendering the step does.
constexpr std::size_t batch_steps = 64;

// Where the rendering thread is the one lent by the parsing, the replaying thread renders a
// step itself unless the parsing is far enough ahead: a step rendered on the other core,
// after it was checked on this one, read its ops, tables and columns from this core's cache,
// and took two to three times as long to render (and its memory, freed back here, was
// written again from the other's cache). A 1,000-revision upgrade took 16.1 rather than
// 17.5 ms of CPU (9.67 rather than 10.09 ms) rendered all here, but 10,000 took 85 rather
// than 78 ms: there the replay is the longer part, and the lent thread, done parsing, sat
// idle. So steps go to that thread, in batches of a quarter as many (the last batch's
// rendering is then what the replay's end waits for), while its parsing is this many
// revisions or more ahead of the replay and as many steps are left; the thread that replays
// takes the next steps again once the parsing is less far ahead (rendering, the other
// thread parses less) and every batch handed over is rendered (the script is written in
// order). 1,000-revision upgrade, in turn, 40 runs each: 10.52 ms, and with the parsing 64,
// 256 or 512 revisions ahead 10.24, 10.09 and 9.98 ms; 2,000, 5,000 and 10,000 unchanged
// (18.5, 42.1 and 78.8 ms, 10 runs each).
constexpr std::size_t hand_over_from = 512;
constexpr std::size_t lent_batch_steps = batch_steps / 4;

// How many batches may wait for the rendering thread before replay waits for it. More than
// one: the thread that renders also parses, and a page fault of its own can hold it for a
// while. Measured while the heap of large projects was in huge pages (each zeroed after the
// VM took the memory back, in a run after a pause: a millisecond or more), and not again
// since it is in 4 KiB pages: a 10,000-revision upgrade run after 4 idle seconds waited 8 to
// 21 ms with one batch waiting, 4 to 6 ms with four, none with sixteen; runs in a row seldom
// wait at all.
constexpr std::size_t batches_waiting = 16;

// How many steps before the replay's end the lent thread is told to stay awake: a thread woken
// from sleep ran 30 to 100 us later here, and the end of a run waits on it (the last piece
// written, the lent work handed back), after it slept from some time before (once it had
// parsed every file, in half a millisecond: see await_awake()); a step took 4 us.
constexpr std::size_t stay_awake_steps = 64;

// The rendering thread and the batches waiting for it (replay waits while batches_waiting
// are, so memory holds at most that many and two more: being filled, being rendered, besides
// those rendered and not yet handed back).
struct Assembler::Worker {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::vector<schema::CheckedStep>> waiting;  // in the order they are to be rendered
  // Rendered batches, handed back to be freed by the thread that allocated them: freed by the
  // rendering thread, each block would go onto its page's list of foreign frees, which the
  // replaying thread, the busier, must walk block by block before it can reuse the page.
  std::vector<std::vector<schema::CheckedStep>> rendered;
  bool done = false;
  std::exception_ptr thrown;  // what rendering threw, thrown again by finish() as one thread would
  // Work done a piece at a time where no batch is waiting (see when_idle()), and whether a
  // piece of it is under way.
  std::function<bool()> const* idle = nullptr;
  bool idle_running = false;
  bool rendering = false;  // a batch is being rendered
  bool stay_awake = false;  // (lent) the replay is within stay_awake_steps of its end
  // (lent, with output) What the replaying thread rendered itself, for the lent thread to
  // write, in order and before anything it renders: a write of a quarter megabyte held that
  // thread 0.15 ms. `writing` while one is written; a piece written comes back as `room`.
  std::deque<std::string> to_write;
  bool writing = false;
  std::string room;
  std::atomic<std::size_t> batches_rendered{0};
  std::jthread thread;     // none where a lent thread serves (Assembler::lent)

  // No more batches: the thread renders what is waiting and ends.
  void stop() {
    {
      std::lock_guard lock(mutex);
      done = true;
      idle = nullptr;  // (taken back before: the work's owner takes it back before it is gone)
    }
    changed.notify_all();
  }
};

Assembler::Assembler(dialects::Dialect const& dialect, Graph const& graph, ScriptOptions const& options,
                     DiagnosticSink& diags, AtomicFile* output)
    : dialect_(dialect), graph_(graph), options_(options), diags_(diags),
      writer_(std::make_unique<Writer>(dialect, options)), output_(output) {
  try {  // the version table's own name
    dialects::quote_table(dialect, options.version_table_schema, options.version_table + "_pkc");
  } catch (dialects::Unsupported const& u) {
    diags.error(DiagKind::unsupported, u.what, dialect.name, u.why);
    failed_ = true;
    return;
  }
  if (!options.transaction_per_migration) writer_->begin();
  batch_.reserve(batch_steps);
}

Assembler::~Assembler() {
  if (worker_) worker_->stop();
}  // the jthread joins

void Assembler::expect(std::size_t steps, std::size_t bytes) {
  steps_ = steps;
  expected_ = bytes;
  writer_->reserve(output_ ? std::min(bytes, Writer::spill_room) : bytes);
}

void Assembler::add(schema::CheckedStep&& step) {
  if (failed_) return;
  ++added_;
  if (lent_ && added_ + stay_awake_steps == steps_) {
    {
      std::lock_guard lock(worker_->mutex);
      worker_->stay_awake = true;
    }
    worker_->changed.notify_all();
  }
  if (lent_ && batch_.empty() && render_here()) {
    render(step, *writer_, render_diags_);  // (its ops are freed by the caller, here)
    spill_here();
    return;
  }
  batch_.push_back(std::move(step));
  if (batch_.size() == (lent_ ? lent_batch_steps : batch_steps)) hand_over();
}

// (lent) Whether the replaying thread renders the next step itself (see hand_over_from).
bool Assembler::render_here() const {
  if (!lead_ || worker_->batches_rendered.load(std::memory_order_acquire) != handed_) return false;
  return steps_ < added_ + hand_over_from || lead_() < hand_over_from;
}

void Assembler::parsing_lead(std::function<std::size_t()> lead) { lead_ = std::move(lead); }

void Assembler::when_idle(std::function<bool()> const* work) {
  if (failed_) return;
  if (work) start_worker();
  if (!worker_) return;
  {
    std::unique_lock lock(worker_->mutex);
    worker_->idle = work;
    worker_->changed.wait(lock, [&] { return work || !worker_->idle_running; });
  }
  worker_->changed.notify_all();
}

void Assembler::start_worker() {
  if (worker_) return;
  worker_ = std::make_unique<Worker>();
  if (!lent_) worker_->thread = start_beside([this] { while (serve(true)) {} });
}

// On the thread serving the worker: writes the first piece of the script the replaying thread
// left it (lent), or else renders the first batch waiting. With `wait`, waits for a piece, a
// batch or the idle work first, and runs a piece of the idle work where neither waits (a serve
// without waiting, between files of the parsing the thread is lent from, never does).
// False where there was nothing to do (with `wait`: once done, and every batch rendered).
bool Assembler::serve(bool wait) {
  auto& w = *worker_;
  std::vector<schema::CheckedStep> steps;
  {
    std::unique_lock lock(w.mutex);
    auto const ready = [&] { return !w.waiting.empty() || w.done || w.idle || !w.to_write.empty(); };
    if (wait && lent_) await_awake(lock, w.changed, ready, &w.stay_awake);  // (only once it has parsed every file)
    else if (wait) w.changed.wait(lock, ready);
    if (!w.to_write.empty()) {  // (first: what it renders comes after)
      std::string piece = std::move(w.to_write.front());
      w.to_write.pop_front();
      w.writing = true;
      lock.unlock();
      output_->write(piece);
      lock.lock();
      w.writing = false;
      if (w.room.capacity() < piece.capacity()) w.room = std::move(piece);
      lock.unlock();
      w.changed.notify_all();
      return true;
    }
    if (w.waiting.empty() && w.idle && wait) {  // a piece of the idle work, between batches
      auto const* work = w.idle;
      w.idle_running = true;
      lock.unlock();
      bool const more = (*work)();
      lock.lock();
      w.idle_running = false;
      if (!more && w.idle == work) w.idle = nullptr;
      lock.unlock();
      w.changed.notify_all();
      return true;
    }
    if (w.waiting.empty()) return false;
    steps = std::move(w.waiting.front());
    w.waiting.pop_front();
    w.rendering = true;
  }
  w.changed.notify_all();  // room for the next batch
  try {
    if (!w.thrown)
      for (auto const& s : steps) render(s);
  } catch (...) {
    w.thrown = std::current_exception();
  }
  {
    std::lock_guard lock(w.mutex);
    w.rendered.push_back(std::move(steps));
    w.rendering = false;
    w.batches_rendered.fetch_add(1, std::memory_order_release);  // (after the rendering's writes)
  }
  w.changed.notify_all();
  return true;
}

void Assembler::lent(bool yes) {
  lent_ = yes;
  if (yes) start_worker();  // before the lent thread may look at it
  else if (worker_ && !worker_->thread.joinable()) worker_.reset();  // (no thread has seen it)
}

void Assembler::serve_piece() {
  if (worker_) serve(false);
}

void Assembler::serve_all() {
  if (worker_)
    while (serve(true)) {
    }
}

void Assembler::stop_serving() {
  if (worker_ && lent_) worker_->stop();
}

void Assembler::hand_over() {
  start_worker();
  ++handed_;
  std::vector<std::vector<schema::CheckedStep>> rendered;
  {
    std::unique_lock lock(worker_->mutex);
    worker_->changed.wait(lock, [&] { return worker_->waiting.size() < batches_waiting; });
    worker_->waiting.push_back(std::move(batch_));
    rendered.swap(worker_->rendered);
  }
  worker_->changed.notify_all();
  batch_.clear();  // (moved from)
  batch_.reserve(batch_steps);
  rendered.clear();  // freed here, where they were allocated
}

void Assembler::render(schema::CheckedStep const& checked) {
  render(checked, *writer_, render_diags_);
  if (output_) writer_->spill(*output_);
}

// On the replaying thread: a full buffer of the script to the output, written by the lent
// thread (if any) while this one goes on.
void Assembler::spill_here() {
  if (!output_ || !writer_->full()) return;
  if (!lent_) return writer_->spill(*output_);
  auto& w = *worker_;
  {
    std::lock_guard lock(w.mutex);
    w.to_write.push_back(writer_->trade(std::move(w.room)));
  }
  w.changed.notify_all();
}

void Assembler::render(schema::CheckedStep const& checked, Writer& w, DiagnosticSink& diags) const {
  auto const& dialect = dialect_;
  auto const& step = *checked.step;
  bool const per_migration = options_.transaction_per_migration;
  if (per_migration) w.begin();
  if (step.create_version_table) w.create_version_table();
  w.running(step);
  SourceFile const* file = step.revision ? graph_.node(*step.revision).file : nullptr;
  bool autocommit = false;
  auto const& ops = checked.ops;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    auto const& op = ops[i];
    if (op.autocommit != autocommit) {
      if (op.autocommit) w.commit(); else w.begin();
      autocommit = op.autocommit;
    }
    if (dialect.needs_rebuild && dialect.needs_rebuild(dialect, op)) {
      // consecutive rebuilds of one table are one rebuild
      std::size_t j = i;
      while (j + 1 < ops.size() && ops[j + 1].table && ops[j + 1].table->name == op.table->name &&
             ops[j + 1].table->schema == op.table->schema && ops[j + 1].autocommit == op.autocommit &&
             dialect.needs_rebuild(dialect, ops[j + 1]))
        ++j;
      auto out = w.statements();
      dialects::rebuild(dialect, *op.table_before, ops[j], file, diags, out);
      i = j;
      continue;
    }
    auto out = w.statements();
    dialects::render(dialect, op, file, diags, out);
  }
  if (autocommit) w.begin();
  for (auto const& op : step.ops) w.version(op);
  if (per_migration) w.commit();
}

// Waits for every step added to be rendered (the rendering thread ends: a later batch starts
// another; a lent thread goes on serving).
void Assembler::drain() {
  if (!worker_) {  // too few steps for a second thread
    for (auto const& s : batch_) render(s);
    batch_.clear();
    return;
  }
  if (!batch_.empty()) hand_over();
  auto& w = *worker_;
  std::exception_ptr thrown;
  if (lent_) {
    std::unique_lock lock(w.mutex);
    await_awake(lock, w.changed, [&] { return w.waiting.empty() && !w.rendering && w.to_write.empty() && !w.writing; });
    thrown = w.thrown;
  } else {
    w.stop();
    w.thread.join();
    thrown = w.thrown;
    worker_.reset();
  }
  if (thrown) std::rethrow_exception(thrown);
}

Assembler::Apart::Apart(Assembler const& assembler)
    : assembler_(assembler), writer_(std::make_unique<Writer>(assembler.dialect_, assembler.options_)) {}
Assembler::Apart::~Apart() = default;

void Assembler::Apart::add(schema::CheckedStep&& step) {
  // Its text is held until spliced: room for half the script (the part is the last three
  // tenths of a downgrade's steps), as the whole script's (expect()).
  if (!started_) writer_->reserve(assembler_.expected_ / 2);
  started_ = true;
  assembler_.render(step, *writer_, diags_);
  step = {};  // its ops are freed here, where they were allocated
}

void Assembler::splice(Apart& apart) {
  if (failed_) return;
  drain();
  writer_->append(apart.writer_->take());
  render_diags_.append(std::move(apart.diags_));
  apart.diags_ = DiagnosticSink();
  spill_here();
}

std::optional<std::string> Assembler::finish() {
  if (failed_) return std::nullopt;
  drain();
  stop_serving();  // every batch is rendered: a lent thread's serve_all() returns
  bool const rendered = render_diags_.size() == 0;
  diags_.append(std::move(render_diags_));
  render_diags_ = DiagnosticSink();
  if (!rendered) return std::nullopt;
  if (!options_.transaction_per_migration) writer_->commit();
  if (!output_) return writer_->take();
  output_->write(writer_->take());
  return std::string();
}

std::optional<std::string> assemble(dialects::Dialect const& dialect, std::vector<schema::CheckedStep> const& steps,
                                    Graph const& graph, ScriptOptions const& options, DiagnosticSink& diags) {
  Assembler a(dialect, graph, options, diags);
  for (auto const& checked : steps) a.add(schema::CheckedStep(checked));
  return a.finish();
}

}  // namespace retort
