// Feeds arbitrary bytes through every stage (parse, link, plan, replay, render for every
// dialect, upgrade and downgrade), as the fuzzer does and as the test driver does for each
// input the fuzzer once crashed on. It must return, whatever the bytes.
#pragma once

#include <cstddef>
#include <cstdint>

namespace retort {

// The bytes are up to eight .mig files, separated by form feeds ('\f').
void run_pipeline(std::uint8_t const* data, std::size_t size);

}  // namespace retort
