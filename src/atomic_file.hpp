// Writing a file whole or not at all: a temporary file in the same folder, fsync, rename.
#pragma once

#include <string>
#include <string_view>

namespace retort {

// Replaces `path` with `content`; on failure returns false with `error` set and leaves
// any existing file untouched.
bool write_file_atomically(std::string const& path, std::string_view content, std::string& error);

}  // namespace retort
