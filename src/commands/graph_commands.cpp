// The commands that read the revision graph: history, heads, branches, show; and
// upgrade, downgrade, stamp, which write the SQL script of their plan (or with --plan, only
// its steps), parsing the files' blocks while they link, plan and replay.
#include <boost/program_options.hpp>

#include "src/commands/commands.hpp"
#include "src/commands/revision_format.hpp"
#include "src/atomic_file.hpp"
#include "src/plan.hpp"
#include "src/schema.hpp"
#include "src/script.hpp"

namespace retort::commands {

namespace po = boost::program_options;

Loaded* load(Context& ctx, KeepBlocks keep) {
  auto loaded = std::make_shared<Loaded>();
  auto project = open_and_parse(ctx.project, ctx.diags, loaded->revisions, keep);
  if (!project) return nullptr;
  loaded->project = std::move(*project);
  if (ctx.diags.has_errors()) return nullptr;
  auto graph = link(loaded->revisions, loaded->project.files, ctx.diags);
  if (!graph) return nullptr;
  loaded->graph = std::move(*graph);
  ctx.loaded = std::move(loaded);
  return ctx.loaded.get();
}

namespace {

// Reads the command's options; `positional` names the option that takes the bare arguments.
po::variables_map options(Context& ctx, po::options_description const& desc, char const* positional = nullptr,
                          int count = -1) {
  po::positional_options_description pos;
  if (positional) pos.add(positional, count);
  po::variables_map vm;
  po::store(po::command_line_parser(ctx.args).options(desc).positional(pos).run(), vm);
  po::notify(vm);
  return vm;
}

std::string plan_text(Plan const& plan, std::string const& version_table) {
  std::string out;
  for (auto const& step : plan.steps) {
    if (step.create_version_table) out += "CREATE TABLE " + version_table + '\n';
    out += "-- Running " + step_log(step) + '\n';
    for (auto const& op : step.ops) {
      if (op.kind == VersionOp::insert) out += "INSERT " + op.to + '\n';
      if (op.kind == VersionOp::update) out += "UPDATE " + op.from + " -> " + op.to + '\n';
      if (op.kind == VersionOp::remove) out += "DELETE " + op.from + '\n';
    }
  }
  return out;
}

// upgrade, downgrade, stamp: the SQL script (or with --plan, only the steps), to standard
// output or, whole or not at all, to -o FILE.
//
// The files' headers are parsed first and their blocks on a second thread, while this one
// links, plans and replays, waiting for a revision's blocks where it reads them. What that
// finds is held until every file is parsed: a file's syntax error is reported alone, as
// when every file was parsed before anything else began.
int run_plan(Context& ctx, Command command) {
  std::string range, output, dialect_name;
  bool plan_only = false;
  po::options_description desc("plan");
  desc.add_options()("range", po::value(&range)->required())("output,o", po::value(&output))(
      "dialect", po::value(&dialect_name))("plan", po::bool_switch(&plan_only));
  options(ctx, desc, "range", 1);
  // An upgrade replays upgrades only (those before its range too); a downgrade replays the
  // upgrades up to its start, then downgrades; stamps and plans read no statements.
  auto const keep = plan_only || command == Command::stamp ? KeepBlocks::none
                    : command == Command::upgrade          ? KeepBlocks::upgrades
                                                           : KeepBlocks::both;
  // The script's file, -o, is created before anything is read: the threads that read the
  // files each take a table of open files of their own, and the one lent to write the
  // script's pieces is one of them (see own_file_table). It replaces `output` only once the
  // whole script is written; where anything fails before, it is removed. Its pieces are
  // started on their way to the disk only once the thread lent to write them has parsed
  // every file (see `after` below).
  std::optional<AtomicFile> file;
  if (!output.empty()) {
    file.emplace(output).open();
    file->hold_writeback();
  }
  auto loaded = std::make_shared<Loaded>();
  auto opened = open_headers(ctx.project, ctx.diags, loaded->revisions, keep);
  if (!opened) return 1;
  loaded->project = std::move(opened->first);
  auto& pending = *opened->second;
  loaded->parsing = std::move(opened->second);
  ctx.loaded = loaded;

  DiagnosticSink later;  // reported only once every file has parsed
  std::string text;
  bool const planned = [&] {
    auto graph = link(loaded->revisions, loaded->project.files, later);
    if (!graph) return false;
    loaded->graph = std::move(*graph);
    auto plan = make_plan(loaded->graph, command, range, later);
    if (!plan) return false;
    if (plan_only) {
      text = plan_text(*plan, loaded->project.config.version_table);
      return true;
    }
    auto const& config = loaded->project.config;
    if (dialect_name.empty()) dialect_name = config.dialect;
    auto const* dialect = dialects::find_dialect(dialect_name);
    if (!dialect) {
      later.error(DiagKind::unknown_dialect, dialect_name);
      return false;
    }
    auto colon = range.find(':');
    std::string start = command == Command::stamp || colon == std::string::npos ? "" : range.substr(0, colon);
    ScriptOptions options{config.version_table, config.version_table_schema, config.transaction_per_migration};
    // To -o, the script is written as it is rendered, to the temporary file renamed at the end.
    Assembler assembler(*dialect, loaded->graph, options, later, file ? &*file : nullptr);
    // The script's size, foreseen from its revisions' files: the bench's chains make scripts
    // of 0.4 to 1.6 times their size, every dialect, up and down; room for twice that. Grown by
    // doubling, a 1,000-revision upgrade's script to standard output (0.8 MB) took 130 page
    // faults more and 1 MB of copies (9.68 -> 9.38 ms in turn, 60 runs each).
    if (command != Command::stamp) {
      std::size_t input = 0;
      for (auto const& step : plan->steps)
        if (auto const* f = step.revision ? loaded->graph.node(*step.revision).file : nullptr) input += f->text().size();
      assembler.expect(plan->steps.size(), 2 * input);
    }
    // The thread parsing the blocks renders too, between files and once they are parsed,
    // where the parsing is far enough ahead of the replay (else this thread renders, and the
    // other writes the script's pieces): a third thread would leave this one, the replay, a
    // core only two thirds of the time.
    // Once it has parsed every file, that thread starts the script written so far on its way
    // to the disk, and each piece after it: the kernel's part of that, on either core, took
    // the replay's core for some of its time while both cores were busy (see AtomicFile's
    // hold_writeback()). Where it never gets there, commit()'s fsync writes it all.
    std::function<void()> const between = [&] { assembler.serve_piece(); };
    std::function<void()> const after = [&] {
      if (file) file->start_writeback();
      assembler.serve_all();
    };
    assembler.lent(true);
    if (!pending.lend(&between, &after)) assembler.lent(false);
    assembler.parsing_lead([&] { return pending.lead(); });
    struct TakeBack {  // (before the assembler goes, where an error is thrown too)
      Assembler& assembler;
      PendingBlocks& pending;
      ~TakeBack() {
        assembler.stop_serving();
        pending.lend(nullptr, nullptr);
      }
    } const take_back{assembler, pending};
    // Replay's errors are reported after rendering's (of the steps before the one that failed).
    DiagnosticSink replay_diags;
    auto end = std::make_shared<schema::Ending>();
    loaded->replayed = end;
    // The revisions replay reads, in its order, are the ones to parse first.
    auto const before = schema::upgrades_before(loaded->graph, start, replay_diags);
    std::vector<std::size_t> order;
    auto const index = [&](ast::Revision const& rev) { return static_cast<std::size_t>(&rev - loaded->revisions.data()); };
    auto const add = [&](Plan const& p) {
      for (auto const& step : p.steps)
        if (step.revision) order.push_back(index(*loaded->graph.node(*step.revision).revision));
    };
    if (before) add(*before);
    add(*plan);
    pending.prefer(std::move(order));
    schema::ReplayHooks hooks;
    hooks.before = before ? &*before : nullptr;
    hooks.ready = [&](ast::Revision const& rev) { return pending.wait(index(rev)); };
    if (ctx.split_downgrades_from) hooks.split_from = ctx.split_downgrades_from;
    Assembler::Apart apart(assembler);  // the steps of a downgrade's second part, rendered as it replays them
    hooks.idle = [&](std::function<bool()> const* work) { assembler.when_idle(work); };
    hooks.ahead = [&](schema::CheckedStep&& step) { apart.add(std::move(step)); };
    hooks.taken = [&] { assembler.splice(apart); };
    bool const replayed = before && schema::replay(loaded->graph, start, *plan, config.naming_convention, replay_diags,
                                                   [&](schema::CheckedStep&& step) { assembler.add(std::move(step)); },
                                                   end.get(), {dialect->reads_table_indexes, dialect->reads_whole_tables}, hooks);
    auto script = assembler.finish();
    later.append(std::move(replay_diags));
    if (!replayed || !script) return false;
    text = std::move(*script);
    return true;
  }();
  if (!pending.finish(ctx.diags)) return 1;
  ctx.diags.append(std::move(later));
  if (!planned) return 1;
  if (output.empty()) {
    if (ctx.out.empty()) ctx.out = std::move(text);  // (not copied: 8 MB at 10,000 revisions)
    else ctx.out += text;
    return 0;
  }
  std::string error;
  file->write(text);
  if (!file->commit(error)) {
    ctx.diags.file_error(output, DiagKind::cannot_write, output, error);
    return 1;
  }
  return 0;
}

}  // namespace

int upgrade(Context& ctx) { return run_plan(ctx, Command::upgrade); }
int downgrade(Context& ctx) { return run_plan(ctx, Command::downgrade); }
int stamp(Context& ctx) { return run_plan(ctx, Command::stamp); }

int history(Context& ctx) {
  bool verbose = false;
  std::string range;
  po::options_description desc("history");
  desc.add_options()("verbose,v", po::bool_switch(&verbose))("rev-range,r", po::value(&range));
  options(ctx, desc);
  std::string base, head;
  if (!range.empty()) {
    auto colon = range.find(':');
    if (colon == std::string::npos || range.find(':', colon + 1) != std::string::npos) {
      ctx.diags.error(DiagKind::revision_error, "History range requires [start]:[end], [start]:, or :[end]");
      return 1;
    }
    base = range.substr(0, colon);
    head = range.substr(colon + 1);
  }
  auto loaded = load(ctx, KeepBlocks::none);
  if (!loaded) return 1;
  auto revs = walk_revisions(loaded->graph, base.empty() ? "base" : base, head.empty() ? "heads" : head, ctx.diags);
  if (!revs) return 1;
  for (Rev r : *revs)
    ctx.out += (verbose ? log_entry(loaded->graph, r) : head_only(loaded->graph, r, {true, true, true, true})) + '\n';
  return 0;
}

int heads(Context& ctx) {
  bool verbose = false, resolve = false;
  po::options_description desc("heads");
  desc.add_options()("verbose,v", po::bool_switch(&verbose))("resolve-dependencies", po::bool_switch(&resolve));
  options(ctx, desc);
  auto loaded = load(ctx, KeepBlocks::none);
  if (!loaded) return 1;
  auto const& g = loaded->graph;
  for (Rev r : resolve ? g.real_heads() : g.heads())
    ctx.out += (verbose ? log_entry(g, r) : head_only(g, r, {true, false, false, false})) + '\n';
  return 0;
}

int branches(Context& ctx) {
  bool verbose = false;
  po::options_description desc("branches");
  desc.add_options()("verbose,v", po::bool_switch(&verbose));
  options(ctx, desc);
  auto loaded = load(ctx, KeepBlocks::none);
  if (!loaded) return 1;
  auto const& g = loaded->graph;
  auto revs = walk_revisions(g, "base", "heads", ctx.diags);
  if (!revs) return 1;
  for (Rev r : *revs) {
    if (!g.node(r).is_branch_point()) continue;
    ctx.out += (verbose ? log_entry(g, r) : head_only(g, r, {true, false, false, true})) + '\n';
    std::string indent(g.node(r).id.size(), ' ');
    for (Rev c : g.node(r).children)
      ctx.out += fmt::format("{} -> {}\n", indent, head_only(g, c, {true, verbose, false, true}));
    ctx.out += '\n';
  }
  return 0;
}

int show(Context& ctx) {
  std::string rev;
  po::options_description desc("show");
  desc.add_options()("rev", po::value(&rev)->required());
  options(ctx, desc, "rev", 1);
  auto loaded = load(ctx, KeepBlocks::none);
  if (!loaded) return 1;
  auto const& g = loaded->graph;
  std::vector<std::optional<Rev>> revs;
  try {
    revs = g.get_revisions(rev);
  } catch (ResolutionError const& e) {
    ctx.diags.error(DiagKind::revision_error, fmt::format("Can't locate revision identified by '{}'", e.argument));
    return 1;
  } catch (RevisionError const& e) {
    ctx.diags.error(DiagKind::revision_error, e.what());
    return 1;
  }
  for (auto const& r : revs)
    if (r) ctx.out += log_entry(g, *r) + '\n';
  return 0;
}

}  // namespace retort::commands
