// libFuzzer entry point for the VROOM JSON reader: build with clang and -DLIEN_FUZZ=ON, then run
//   build/fuzz/src/rounds/solver/solver_json/solver_json_fuzz src/rounds/solver_json/testdata/fuzz_corpus
#include "rounds/solver_json/vroom_input_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lien::rounds::solver_json::FuzzVroomInput(data, size);
}
