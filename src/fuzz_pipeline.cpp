// The libFuzzer target (scripts/fuzz): arbitrary bytes through every stage.
#include "src/pipeline_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  retort::run_pipeline(data, size);
  return 0;
}
