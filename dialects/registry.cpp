// The dialects retort writes SQL for: an explicit list.
#include "dialects/dialect.hpp"

namespace retort::dialects {

Dialect const& postgresql();
Dialect const& mysql();
Dialect const& mariadb();
Dialect const& sqlite();
Dialect const& mssql();
Dialect const& oracle();

Dialect const* find_dialect(std::string_view name) {
  static constexpr struct {
    std::string_view name;
    Dialect const& (*dialect)();
  } all[] = {{"postgresql", postgresql}, {"mysql", mysql}, {"mariadb", mariadb},
             {"sqlite", sqlite},         {"mssql", mssql}, {"oracle", oracle}};
  for (auto const& d : all)
    if (d.name == name) return &d.dialect();
  return nullptr;
}

}  // namespace retort::dialects
