// fmt's compiled functions (vformat, format_error, ...), built into retort from fmt's own
// implementation header, as fmt's library is built from it: Debian ships that library as
// libfmt.so only, which would load libstdc++.so into every run (see meson.build). The two
// templates fmt's header declares extern for char are instantiated here for the same reason.
#include <fmt/format-inl.h>

namespace fmt::detail {
template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl<char>(locale_ref) -> char;
}  // namespace fmt::detail
