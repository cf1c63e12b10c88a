// Loading a project: retort.ini through Boost.Program_options, then the versions folder.
#include "src/project.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include <boost/program_options.hpp>

#include "grammar/parse.hpp"

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
template <typename Each>
void in_parallel(std::size_t n, DiagnosticSink& diags, Each const& each) {
  constexpr std::size_t chunk = 16;
  std::size_t const chunks = (n + chunk - 1) / chunk;
  std::vector<DiagnosticSink> sinks(chunks);
  std::atomic<std::size_t> next{0};
  auto const work = [&] {
    for (std::size_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;)
      for (auto i = c * chunk; i < std::min(n, (c + 1) * chunk); ++i) each(i, sinks[c]);
  };
  {
    std::jthread helper;
    if (n >= 64) helper = std::jthread(work);
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

// The configuration and the paths of the versions folder's .mig files, in name order.
std::optional<Project> list_project(ProjectOptions const& options, DiagnosticSink& diags,
                                    std::vector<std::string>& paths) {
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
  auto prefix = (fs::path(project.versions_dir) / "x").lexically_normal().string();
  prefix.pop_back();
  for (fs::directory_iterator it(project.versions_dir, ec), end; !ec && it != end; it.increment(ec)) {
    auto const& path = it->path().native();
    auto const name = std::string_view(path).substr(path.rfind('/') + 1);
    if (name.size() > 4 && name.ends_with(".mig")) paths.push_back(prefix + std::string(name));  // not ".mig" itself
  }
  if (ec) {
    diags.error(DiagKind::cannot_read, project.versions_dir, ec.message());
    return std::nullopt;
  }
  std::sort(paths.begin(), paths.end());
  return project;
}

// Reads every file (and with `parse`, parses each as soon as it is read: one thread reads
// while the other parses, where two threads reading at once gain nothing); every error is
// reported, in file order.
std::optional<Project> read_project(ProjectOptions const& options, DiagnosticSink& diags,
                                    std::vector<ast::Revision>* parse, KeepBlocks keep) {
  std::vector<std::string> paths;
  auto project = list_project(options, diags, paths);
  if (!project) return std::nullopt;
  std::vector<std::optional<SourceFile>> read(paths.size());
  std::vector<std::optional<ast::Revision>> parsed(parse ? paths.size() : 0);
  in_parallel(paths.size(), diags, [&](std::size_t i, DiagnosticSink& sink) {
    std::string error;
    read[i] = SourceFile::read(paths[i], error);
    if (!read[i]) sink.file_error(paths[i], DiagKind::cannot_read, paths[i], error);
    else if (parse && (parsed[i] = grammar::parse(*read[i], sink))) {
      if (keep != KeepBlocks::both) std::vector<ast::Statement>().swap(parsed[i]->downgrade.statements);
      if (keep == KeepBlocks::none) std::vector<ast::Statement>().swap(parsed[i]->upgrade.statements);
    }
  });
  project->files.reserve(paths.size());
  for (auto& file : read)
    if (file) project->files.push_back(std::move(*file));
  if (parse) {
    parse->reserve(paths.size());
    for (auto& revision : parsed)
      if (revision) parse->push_back(std::move(*revision));
  }
  return project;
}

}  // namespace

std::optional<Project> open_project(ProjectOptions const& options, DiagnosticSink& diags) {
  return read_project(options, diags, nullptr, KeepBlocks::none);
}

std::optional<Project> open_and_parse(ProjectOptions const& options, DiagnosticSink& diags,
                                      std::vector<ast::Revision>& revisions, KeepBlocks keep) {
  return read_project(options, diags, &revisions, keep);
}

}  // namespace retort
