// The replay stage's driver (see schema.hpp): a plan's steps through the replayer, each
// handed on as it is checked, and a long downgrade replayed in two parts at once.
#include <algorithm>
#include <exception>
#include <memory>
#include <thread>
#include <utility>

#include "src/replayer.hpp"
#include "src/schema.hpp"

namespace retort::schema {

std::optional<Plan> upgrades_before(Graph const& graph, std::string const& range_start, DiagnosticSink& diags) {
  if (range_start.empty() || range_start == "base") return Plan{};
  return upgrade_order(graph, range_start, diags);
}

namespace {

// Where a downgrade can be replayed in two parts (see replay()): the first step of the
// second part, and how many of the upgrades `before` leave the schema it starts from (those
// left once the first part has undone the others). nullopt where it cannot be: too few
// steps, a step that is not a downgrade, or a first part that undoes other revisions than
// the last upgraded.
struct Split {
  std::size_t step;      // plan.steps[step] is the second part's first
  std::size_t upgrades;  // before.steps[0, upgrades) leave its schema
};
std::optional<Split> split_point(Graph const& graph, Plan const& before, Plan const& plan, std::size_t split_from) {
  auto const& steps = plan.steps;
  if (steps.size() < std::max<std::size_t>(split_from, 2) || std::thread::hardware_concurrency() < 2) return std::nullopt;
  if (!std::all_of(steps.begin(), steps.end(), [](Step const& s) { return s.kind == Step::downgrade && s.revision; }))
    return std::nullopt;
  // This thread takes the larger part: the second has only what rendering leaves of its
  // thread, and renders what it checks (it keeps up with a third to a half of this one).
  std::size_t const first = steps.size() * 7 / 10;
  if (first == 0 || first > before.steps.size()) return std::nullopt;
  std::vector<bool> undone(graph.size());
  for (std::size_t i = 0; i < first; ++i) undone[*steps[i].revision] = true;
  std::size_t const kept = before.steps.size() - first;
  for (std::size_t i = kept; i < before.steps.size(); ++i)
    if (!before.steps[i].revision || !undone[*before.steps[i].revision]) return std::nullopt;
  return Split{first, kept};
}

// What the second part starts from, taken as the upgrades before it are replayed: the
// tables and indexes they leave (shared with the schema that goes on changing, which copies
// one only where it changes it) and the enum types. The rest is derived from these.
struct Snapshot {
  explicit Snapshot(Schema const& s)
      : tables(s.tables.begin(), s.tables.end()), indexes(s.indexes.begin(), s.indexes.end()), enums(s.enums) {}
  // Whether `s` holds just this (what is derived from it then alike).
  bool matches(Schema const& s) const {
    auto const all_in = [](auto const& entries, auto const& map) {
      return std::all_of(entries.begin(), entries.end(), [&](auto const& e) {
        auto it = map.find(e.first);
        return it != map.end() && it->second == e.second;
      });
    };
    return s.tables.size() == tables.size() && s.indexes.size() == indexes.size() && s.enums == enums &&
           all_in(tables, s.tables) && all_in(indexes, s.indexes);
  }
  std::vector<std::pair<std::string, Cow<Table>>> tables;
  std::vector<std::pair<std::string, Cow<Index>>> indexes;
  std::map<ast::Text, Enum> enums;
};

// The second part of a downgrade replayed in two parts, done a short piece at a time by
// the thread behind this one (the rendering thread, where it has nothing to render): its
// schema built from the snapshot, then each step checked and handed ahead.
struct SecondPart {
  static constexpr std::size_t entries_a_piece = 256;  // of the snapshot's, taken in one piece

  SecondPart(std::map<std::string, std::string> const& conventions, OpNeeds needs, Snapshot&& snapshot,
             std::size_t first_step)
      : replayer(conventions, diags), from(std::move(snapshot)), next(first_step) {
    replayer.needs = needs;
  }

  // Builds the replayer's schema from the snapshot, a piece at a time: its tables, its
  // indexes, then what is derived from each table. True once built.
  bool build() {
    auto& to = replayer.schema;
    std::size_t const tables = from.tables.size(), indexes = from.indexes.size(), all = 2 * tables + indexes;
    if (built == 0) {
      to.tables.reserve(tables);
      to.enums = from.enums;
    }
    for (auto const until = std::min(all, built + entries_a_piece); built < until; ++built) {
      if (built < tables) {
        to.tables.emplace(from.tables[built].first, from.tables[built].second);
      } else if (built < tables + indexes) {
        auto const& [k, index] = from.indexes[built - tables];
        to.indexes.emplace(k, index);
        to.indexes_of[key(index->schema, index->table)].insert(k);
      } else {
        replayer.derive(from.tables[built - tables - indexes].first);
      }
    }
    return built == all;
  }

  DiagnosticSink diags;
  Replayer replayer;
  Snapshot const from;
  std::size_t built = 0;       // entries of the snapshot taken: tables, indexes, then tables derived
  std::size_t next;            // the plan's next step to check
  std::size_t checked = 0;     // steps checked and handed ahead
  bool failed = false;         // a block failed, or a revision's blocks could not be read
  std::exception_ptr thrown;
  std::function<bool()> work;  // one piece: false once there is no more
};

// A plan's replay (see replay()): the upgrades before it, then its steps, the second part
// of a downgrade in two parts given to another thread as idle work meanwhile.
class Replay {
 public:
  Replay(Graph const& graph, Plan const& plan, std::map<std::string, std::string> const& conventions,
         DiagnosticSink& diags, std::function<void(CheckedStep&&)> const& each, OpNeeds needs,
         ReplayHooks const& hooks)
      : graph_(graph), plan_(plan), conventions_(conventions), diags_(diags), each_(each), hooks_(hooks),
        first_(conventions, diags) {
    first_.needs = needs;
  }
  Replay(Replay const&) = delete;
  Replay& operator=(Replay const&) = delete;
  ~Replay() { take_back(); }  // (before the second part is freed)

  // The upgrades `before` the plan, in order, keeping no ops; false on an error (reported).
  bool upgrades(Plan const& before) {
    if (hooks_.idle && hooks_.ahead && hooks_.taken) split_ = split_point(graph_, before, plan_, hooks_.split_from);
    first_.expect(before.steps.size() + plan_.steps.size());
    // The second part is the other thread's from its snapshot on: the revisions it downgrades
    // have all been upgraded by then, so their files are parsed, and that thread starts it
    // once it has parsed every block (at 100,000 revisions 200 ms before these upgrades end,
    // where it sat idle until they did: a downgrade to PostgreSQL 1.26 -> 1.18 s, at 10,000
    // 99.2 -> 94.4 ms; SQL Server's 1.38 -> 1.28 s). SQLite's too, though that part's ops
    // carry whole tables and their indexes and its script is three times as long, held until
    // spliced: 100,000 revisions 1.47-1.56 -> 1.41-1.49 s (5 runs each in turn; RSS +5 to 25
    // MB). (It waited for the upgrades' end while the heap was in huge pages, which made that
    // memory dear.)
    for (std::size_t i = 0; i < before.steps.size(); ++i) {
      if (split_ && i == split_->upgrades) give_second_part(Snapshot(first_.schema));
      auto const& node = graph_.node(*before.steps[i].revision);
      if (!ready(*node.revision)) return false;
      first_.block(node.file, node.revision->upgrade.statements, nullptr);
      if (first_.failed()) return false;  // later revisions would only repeat the error
    }
    return true;
  }

  // The plan's steps, each handed to `each` once checked; false on an error (reported).
  bool steps(Ending* end) {
    Replayer* replayer = &first_;  // the one that replays the rest: this thread's, or the second part's
    for (std::size_t i = 0; i < plan_.steps.size(); ++i) {
      if (second_ && i == split_->step && meet(end)) {
        i += second_->checked;
        if (second_->failed) {
          diags_.append(std::move(second_->diags));
          return false;
        }
        replayer = &second_->replayer;
        if (i == plan_.steps.size()) break;
      }
      CheckedStep checked{plan_.steps[i]};
      if (!step(*replayer, checked)) {
        if (replayer != &first_) diags_.append(std::move(second_->diags));  // the second part's replayer failed
        return false;
      }
      each_(std::move(checked));
    }
    bool const ok = !replayer->failed();
    if (end) {
      end->schema = std::move(replayer->schema);
      if (second_) end->spare.push_back(std::shared_ptr<SecondPart>(std::move(second_)));
    }
    return ok;
  }

 private:
  bool ready(ast::Revision const& rev) const { return !hooks_.ready || hooks_.ready(rev); }

  // The step `checked` holds, replayed by `r` into its ops; false where replay stops there
  // (every error of the block is reported: later ones would cascade).
  bool step(Replayer& r, CheckedStep& checked) const {
    auto const& step = *checked.step;
    if (step.revision) {
      auto const& node = graph_.node(*step.revision);
      auto const& rev = *node.revision;
      if (!ready(rev)) return false;
      if (step.kind == Step::upgrade)
        r.block(node.file, rev.upgrade.statements, &checked);
      else if (rev.downgrade.irreversible)
        r.irreversible(node.file, rev);
      else
        r.block(node.file, rev.downgrade.statements, &checked);
    }
    return !r.failed();
  }

  // The plan's steps from split_->step, given to the other thread as idle work. Every block
  // they read is parsed by now (their revisions' upgrades were read): no piece waits on a parse.
  // This thread goes on replaying upgrades meanwhile: the schema it changes shares every table
  // and index with the snapshot, so it copies each it changes (Cow) and never writes one the
  // other thread reads.
  void give_second_part(Snapshot&& from) {
    second_ = std::make_unique<SecondPart>(conventions_, first_.needs, std::move(from), split_->step);
    second_->work = [this, &part = *second_] { return piece(part); };
    hooks_.idle(&second_->work);
    given_ = true;
  }

  // One piece of the second part, on the other thread: a piece of its schema built, or one
  // step checked and handed ahead. False once there is no more.
  bool piece(SecondPart& part) const {
    try {
      if (!part.build()) return true;
      CheckedStep checked{plan_.steps[part.next]};
      if (!step(part.replayer, checked)) {
        part.failed = true;
        return false;
      }
      ++part.checked;
      bool const more = ++part.next < plan_.steps.size();
      hooks_.ahead(std::move(checked));
      return more;
    } catch (...) {
      part.thrown = std::current_exception();
      part.failed = true;
      return false;
    }
  }

  // Takes the second part's work back, once no piece of it is under way.
  void take_back() {
    if (given_) hooks_.idle(nullptr);
    given_ = false;
  }

  // At the second part's first step: takes its work back and tells whether its steps are
  // this thread's. They are where it has checked one and this thread ends in the schema it
  // began from: its steps are then taken (hooks.taken) and this thread's schema is done
  // with. Otherwise the part is dropped, and this thread goes on alone.
  bool meet(Ending* end) {
    take_back();
    auto& part = *second_;
    if (part.thrown) std::rethrow_exception(part.thrown);
    if ((part.checked > 0 || part.failed) && part.from.matches(first_.schema)) {
      if (end) end->spare.push_back(std::make_shared<Schema>(std::move(first_.schema)));
      hooks_.taken();
      return true;
    }
    if (end) end->spare.push_back(std::shared_ptr<SecondPart>(std::move(second_)));
    second_.reset();
    return false;
  }

  Graph const& graph_;
  Plan const& plan_;
  std::map<std::string, std::string> const& conventions_;
  DiagnosticSink& diags_;
  std::function<void(CheckedStep&&)> const& each_;
  ReplayHooks const& hooks_;
  std::optional<Split> split_;
  std::unique_ptr<SecondPart> second_;
  bool given_ = false;  // the second part's work is with the other thread
  Replayer first_;
};

}  // namespace

bool replay(Graph const& graph, std::string const& range_start, Plan const& plan,
            std::map<std::string, std::string> const& naming_convention, DiagnosticSink& diags,
            std::function<void(CheckedStep&&)> const& each, Ending* end, OpNeeds needs, ReplayHooks const& hooks) {
  std::optional<Plan> made;  // the upgrades up to the range's start, replayed first
  if (!hooks.before && !(made = upgrades_before(graph, range_start, diags))) return false;
  Replay r(graph, plan, naming_convention, diags, each, needs, hooks);
  return r.upgrades(hooks.before ? *hooks.before : *made) && r.steps(end);
}

std::optional<std::vector<CheckedStep>> replay(Graph const& graph, std::string const& range_start, Plan const& plan,
                                               std::map<std::string, std::string> const& naming_convention,
                                               DiagnosticSink& diags) {
  std::vector<CheckedStep> out;
  if (!replay(graph, range_start, plan, naming_convention, diags,
              [&](CheckedStep&& step) { out.push_back(std::move(step)); }))
    return std::nullopt;
  return out;
}

}  // namespace retort::schema
