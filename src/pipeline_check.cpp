// run_pipeline: every stage on untrusted bytes (see pipeline_check.hpp).
#include "src/pipeline_check.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "dialects/dialect.hpp"
#include "grammar/parse.hpp"
#include "src/graph.hpp"
#include "src/plan.hpp"
#include "src/schema.hpp"
#include "src/script.hpp"

namespace retort {

void run_pipeline(std::uint8_t const* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<char const*>(data), size);
  std::vector<SourceFile> files;
  while (files.size() < 8) {
    auto cut = bytes.find('\f');
    files.emplace_back("v/" + std::to_string(files.size()) + ".mig", std::string(bytes.substr(0, cut)));
    if (cut == std::string_view::npos) break;
    bytes.remove_prefix(cut + 1);
  }
  DiagnosticSink diags;
  std::vector<ast::Revision> revisions;
  for (auto const& f : files)
    if (auto r = grammar::parse(f, diags)) revisions.push_back(std::move(*r));
  auto graph = link(revisions, files, diags);
  if (!graph) return;
  (void)schema::check_all(*graph, {}, diags);
  for (auto const* range : {"base:heads", "heads:base"}) {
    auto command = range[0] == 'b' ? Command::upgrade : Command::downgrade;
    auto plan = make_plan(*graph, command, range, diags);
    if (!plan) continue;
    auto steps = schema::replay(*graph, command == Command::upgrade ? "" : "heads", *plan, {}, diags);
    if (!steps) continue;
    for (auto const* name : {"postgresql", "mysql", "mariadb", "sqlite", "mssql", "oracle"})
      (void)assemble(*dialects::find_dialect(name), *steps, *graph, ScriptOptions{}, diags);
  }
}

}  // namespace retort
