// The assemble stage: checked steps → the script text, as Alembic's offline mode writes
// it: transaction lines where the dialect has transactional DDL, the version table created
// when no row exists yet, `-- Running upgrade a -> b`, each step's statements and its
// alembic_version changes; `autocommit { }` between COMMIT and BEGIN. Deterministic.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dialects/dialect.hpp"
#include "src/schema.hpp"

namespace retort {

struct ScriptOptions {
  std::string version_table = "alembic_version";
  std::string version_table_schema;
  bool transaction_per_migration = false;
};

class Writer;
class AtomicFile;

// Assembles the script one checked step at a time. Replay hands each step over as soon as it
// is checked; steps are rendered in batches on a second thread while replay goes on (the two
// stages take about as long as each other), so that only a few batches of ops are ever held.
// Where that thread is one lent by the parsing (lent()), the replaying thread renders a step
// itself wherever the parsing is not far enough ahead of the replay to leave that thread
// time for it (see add()).
// Rendering's diagnostics are kept until finish(), which reports them after the steps
// before them and before any error of the replay that stopped it (the order of one thread).
// With `output`, the script is written to it as it grows (the caller commits it), so that
// the whole script is never held in memory.
class Assembler {
 public:
  Assembler(dialects::Dialect const& dialect, Graph const& graph, ScriptOptions const& options, DiagnosticSink& diags,
            AtomicFile* output = nullptr);
  ~Assembler();
  // `steps` steps to come, and room for a script of about `bytes`, made before the first
  // step is added: the script grows in one buffer, and each time it outgrew it, what it held
  // was copied into a buffer twice the size, in memory touched for the first time (room that
  // is never written is never touched). With `output`, the buffer holds only what is
  // written at once.
  void expect(std::size_t steps, std::size_t bytes);
  void add(schema::CheckedStep&& step);

  // Steps rendered apart, ahead of their turn, by the thread that checks them (the second
  // part of a replay in two parts, whose steps come after some not yet replayed): held as
  // text and diagnostics, each step's ops freed as soon as it is rendered, until splice()
  // puts them where they belong, or they are dropped.
  class Apart {
   public:
    explicit Apart(Assembler const& assembler);
    ~Apart();
    void add(schema::CheckedStep&& step);

   private:
    friend class Assembler;
    Assembler const& assembler_;
    std::unique_ptr<Writer> writer_;
    DiagnosticSink diags_;
    bool started_ = false;
  };
  // The steps of `apart`, after every step added so far (it is left empty).
  void splice(Apart& apart);
  // Has the rendering thread call `work` where no batch is waiting for it, over and over,
  // until it returns false (each call should be short: a batch waits for it); nullptr takes
  // the work back, returning once no call of it is under way.
  void when_idle(std::function<bool()> const* work);

  // Rendering served by a thread of the caller's rather than one of the assembler's own
  // (the thread that parses the blocks, lent between files: see PendingBlocks::lend), so that
  // two threads share two cores rather than three. lent(true) before the thread may call
  // serve_piece() (writes the first piece of the script the replaying thread left it, or
  // renders the first batch waiting, if any: the idle work waits for serve_all(), as the
  // parsing the thread is lent from comes first) and serve_all() (serves pieces, batches and
  // the idle work until finish()); lent(false) where no thread could be lent.
  // stop_serving() ends serve_all() where finish() has not (an error thrown meanwhile).
  void lent(bool yes);
  // (lent) How far the parsing is ahead of the replay, in revisions (PendingBlocks::lead).
  void parsing_lead(std::function<std::size_t()> lead);
  void serve_piece();
  void serve_all();
  void stop_serving();

  // Waits for every step to be rendered and reports rendering's diagnostics to `diags`.
  // The whole script (or, with `output`, what was not yet written to it: nothing); nullopt
  // when an op could not be rendered for the dialect.
  std::optional<std::string> finish();

 private:
  struct Worker;
  void render(schema::CheckedStep const& step);
  void render(schema::CheckedStep const& step, Writer& w, DiagnosticSink& diags) const;
  void start_worker();
  bool serve(bool wait);
  void hand_over();
  bool render_here() const;
  void spill_here();
  void drain();

  dialects::Dialect const& dialect_;
  Graph const& graph_;
  ScriptOptions const& options_;
  DiagnosticSink& diags_;
  DiagnosticSink render_diags_;  // written by the thread rendering (one at a time, in order), until finish()
  std::unique_ptr<Writer> writer_;
  AtomicFile* output_;
  std::size_t expected_ = 0;  // the script's size, as expect() was told
  std::vector<schema::CheckedStep> batch_;
  std::unique_ptr<Worker> worker_;  // started by the first full batch
  bool lent_ = false;               // a lent thread serves the worker: it has no thread of its own
  std::function<std::size_t()> lead_;  // (lent) parsing_lead()
  std::size_t steps_ = 0;           // as expect() was told
  std::size_t added_ = 0;
  std::size_t handed_ = 0;          // batches handed over
  bool failed_ = false;
};

// The whole script at once; nullopt when an op cannot be rendered for the dialect (reported).
std::optional<std::string> assemble(dialects::Dialect const& dialect, std::vector<schema::CheckedStep> const& steps,
                                    Graph const& graph, ScriptOptions const& options, DiagnosticSink& diags);

}  // namespace retort
