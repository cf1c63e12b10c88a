// The commands that write files: `init DIR` (a new project), `revision` (a new .mig file
// on the head or the given --head) and `merge` (a new revision revising several heads),
// with Alembic's checks: one head unless --head says which, heads only unless --splice.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <random>
#include <regex>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "grammar/parse.hpp"
#include "src/atomic_file.hpp"
#include "src/commands/commands.hpp"
#include "src/mig_format.hpp"
#include "src/plan.hpp"

namespace retort::commands {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr char const* ini_template = R"([retort]
# Where the .mig files live, relative to this file.
versions = versions
# postgresql | mysql | mariadb | sqlite | mssql | oracle
dialect = postgresql
version_table = alembic_version
version_table_schema =
transaction_per_migration = false
# New revision files: {rev} {slug} {year} {month} {day} {hour} {minute} {second}
file_template = {rev}_{slug}
)";

std::string random_id() {
  std::random_device device;
  std::mt19937_64 generator((static_cast<std::uint64_t>(device()) << 32) ^ device());
  return fmt::format("{:012x}", generator() & 0xFFFFFFFFFFFFull);
}

// Alembic's slug: the message's words, lower case, joined by `_`, cut at 40 characters.
std::string slug(std::string const& message) {
  static std::regex const word(R"([A-Za-z0-9_]+)");
  std::string out;
  for (auto it = std::sregex_iterator(message.begin(), message.end(), word); it != std::sregex_iterator(); ++it)
    out += (out.empty() ? "" : "_") + it->str();
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.size() > 40) out = out.substr(0, out.substr(0, 40).rfind('_')) + "_";
  return out;
}

std::string file_name(std::string const& tmpl, std::string const& id, std::string const& message, std::tm const& t) {
  return fmt::format(fmt::runtime(tmpl), fmt::arg("rev", id), fmt::arg("slug", slug(message)),
                     fmt::arg("year", t.tm_year + 1900), fmt::arg("month", fmt::format("{:02}", t.tm_mon + 1)),
                     fmt::arg("day", fmt::format("{:02}", t.tm_mday)), fmt::arg("hour", fmt::format("{:02}", t.tm_hour)),
                     fmt::arg("minute", fmt::format("{:02}", t.tm_min)),
                     fmt::arg("second", fmt::format("{:02}", t.tm_sec))) +
         ".mig";
}

std::string list(std::vector<std::string> const& v) {
  return v.size() == 1 ? v.front() : fmt::format("({})", fmt::join(v, ", "));
}

struct NewRevision {
  std::string message, rev_id;
  std::vector<std::string> heads{"head"}, labels, depends_on;
  bool splice = false;
};

// ScriptDirectory.generate_revision: checks, then writes the file whole.
int generate(Context& ctx, NewRevision const& n) {
  auto loaded = load(ctx, KeepBlocks::none);
  if (!loaded) return 1;
  auto const& g = loaded->graph;
  auto id = n.rev_id.empty() ? random_id() : n.rev_id;
  auto fail = [&](std::string const& message) {
    ctx.diags.error(DiagKind::cannot_create, message);
    return 1;
  };
  static std::regex const valid_id(R"([A-Za-z0-9_]+)");
  if (!std::regex_match(id, valid_id)) return fail(fmt::format("'{}' is not a revision id (letters, digits and '_')", id));
  if (id == "base" || id == "head" || id == "heads") return fail(fmt::format("'{}' is reserved and cannot be a revision id", id));
  if (auto r = g.find(id)) return fail(fmt::format("revision '{}' is also defined in {}", id, g.node(*r).revision->path));
  std::vector<Rev> heads;
  std::vector<std::string> deps;
  try {
    for (auto r : g.get_revisions(n.heads))
      if (r) heads.push_back(*r);
    for (auto const& d : n.depends_on) {
      auto r = g.get_revision(d);
      if (!r) return fail(fmt::format("Can't locate revision identified by '{}'", d));
      auto const& labels = g.node(*r).labels;
      deps.push_back(std::find(labels.begin(), labels.end(), d) != labels.end() ? d : g.node(*r).id);
    }
  } catch (RevisionError const& e) {
    return fail(command_error(e, "", "Multiple heads are present; please specify the head revision on which the "
                                     "new revision should be based, or perform a merge.", "", ""));
  }
  for (std::size_t i = 0; i < heads.size(); ++i)
    if (std::find(heads.begin(), heads.begin() + static_cast<long>(i), heads[i]) != heads.begin() + static_cast<long>(i))
      return fail("Duplicate head revisions specified");
  if (!n.splice)
    for (Rev h : heads)
      if (!g.node(h).is_head())
        return fail(fmt::format("Revision {} is not a head revision; please specify --splice to create a new branch "
                                "from this revision", g.node(h).id));
  for (auto const& l : n.labels)
    if (auto r = g.find(l)) return fail(fmt::format("Branch name '{}' in revision {} already used by revision {}", l, id, g.node(*r).id));

  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm t{};
  localtime_r(&now, &t);
  std::string text = fmt::format("revision {}\nrevises {}\n", id, heads.empty() ? "base" : list(g.ids(heads)));
  if (!n.message.empty()) text += "message " + mig_string(n.message) + '\n';
  text += fmt::format("created {:04}-{:02}-{:02} {:02}:{:02}:{:02}\n", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday,
                      t.tm_hour, t.tm_min, t.tm_sec);
  if (!n.labels.empty()) text += "branch_labels " + list(n.labels) + '\n';
  if (!deps.empty()) text += "depends_on " + list(deps) + '\n';
  text += "\nupgrade {\n}\n\ndowngrade {\n}\n";

  std::string name;
  try {
    name = file_name(loaded->project.config.file_template, id, n.message, t);
  } catch (fmt::format_error const& e) {
    return fail(fmt::format("file_template '{}' is not valid: {}", loaded->project.config.file_template, e.what()));
  }
  auto path = (fs::path(loaded->project.versions_dir) / name).string();
  SourceFile source(path, text);
  auto revision = grammar::parse(source, ctx.diags);
  if (!revision) return 1;
  auto formatted = format_revision(*revision, source.text());
  std::error_code ec;
  if (fs::exists(path, ec)) return fail(fmt::format("'{}' already exists", path));
  std::string error;
  if (!write_file_atomically(path, formatted, error)) return fail(fmt::format("cannot write '{}': {}", path, error));
  ctx.out += fmt::format("Generating {} ... done\n", path);
  return 0;
}

}  // namespace

int init(Context& ctx) {
  std::string dir;
  po::options_description desc("init");
  desc.add_options()("directory", po::value(&dir)->required());
  po::positional_options_description pos;
  pos.add("directory", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(ctx.args).options(desc).positional(pos).run(), vm);
  po::notify(vm);
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    ctx.diags.error(DiagKind::cannot_create, fmt::format("Directory {} already exists and is not empty", dir));
    return 1;
  }
  fs::create_directories(fs::path(dir) / "versions", ec);
  std::string error;
  if (ec || !write_file_atomically((fs::path(dir) / "retort.ini").string(), ini_template, error)) {
    ctx.diags.error(DiagKind::cannot_create, fmt::format("cannot create '{}': {}", dir, ec ? ec.message() : error));
    return 1;
  }
  ctx.out += fmt::format("Creating directory {} ... done\nCreating directory {} ... done\nGenerating {} ... done\n",
                         dir, (fs::path(dir) / "versions").string(), (fs::path(dir) / "retort.ini").string());
  return 0;
}

int revision(Context& ctx) {
  NewRevision n;
  std::string head;
  po::options_description desc("revision");
  desc.add_options()("message,m", po::value(&n.message))("rev-id", po::value(&n.rev_id))("head", po::value(&head))(
      "branch-label", po::value(&n.labels))("depends-on", po::value(&n.depends_on))("splice", po::bool_switch(&n.splice));
  po::variables_map vm;
  po::store(po::command_line_parser(ctx.args).options(desc).run(), vm);
  po::notify(vm);
  if (!head.empty()) n.heads = {head};
  return generate(ctx, n);
}

int merge(Context& ctx) {
  NewRevision n;
  std::vector<std::string> revisions;
  po::options_description desc("merge");
  desc.add_options()("message,m", po::value(&n.message))("rev-id", po::value(&n.rev_id))(
      "branch-label", po::value(&n.labels))("revisions", po::value(&revisions)->required());
  po::positional_options_description pos;
  pos.add("revisions", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(ctx.args).options(desc).positional(pos).run(), vm);
  po::notify(vm);
  n.heads = revisions;
  return generate(ctx, n);
}

}  // namespace retort::commands
