// The commands by name (an explicit table, as dialects/registry.cpp will be).
#include <algorithm>
#include <array>

#include "src/commands/commands.hpp"

namespace retort::commands {

namespace {
struct Entry {
  std::string_view name;
  CommandFn fn;
};
constexpr std::array entries = {
    Entry{"check", check},       Entry{"fmt", fmt},         Entry{"history", history},
    Entry{"heads", heads},       Entry{"branches", branches}, Entry{"show", show},
    Entry{"upgrade", upgrade},   Entry{"downgrade", downgrade}, Entry{"stamp", stamp},
    Entry{"init", init},         Entry{"revision", revision}, Entry{"merge", merge},
    Entry{"ast", ast},
};
}  // namespace

CommandFn find_command(std::string_view name) {
  auto it = std::find_if(entries.begin(), entries.end(), [&](Entry const& e) { return e.name == name; });
  return it == entries.end() ? nullptr : it->fn;
}

}  // namespace retort::commands
