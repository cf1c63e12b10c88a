// The dialects retort writes SQL for: an explicit list.
#include "dialects/dialect.hpp"

namespace retort::dialects {

extern Dialect const postgresql, mysql, mariadb, sqlite, mssql, oracle;

Dialect const* find_dialect(std::string_view name) {
  for (auto const* d : {&postgresql, &mysql, &mariadb, &sqlite, &mssql, &oracle})
    if (d->name == name) return d;
  return nullptr;
}

}  // namespace retort::dialects
