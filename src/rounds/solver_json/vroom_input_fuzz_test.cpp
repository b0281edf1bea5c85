// Replays the fuzz corpus and a few generated hostile inputs through the fuzz target body, so every build
// (g++ included) exercises it.

#include "rounds/solver_json/vroom_input_fuzz.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace lien::rounds::solver_json {
namespace {

void Feed(const std::string& text) { FuzzVroomInput(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()); }

TEST(VroomInputFuzzTest, CorpusDoesNotCrash) {
  int files = 0;
  for (const auto& dir :
       {std::string(LIEN_SOLVER_TESTDATA) + "/fuzz_corpus", std::string(LIEN_SOLVER_TESTDATA) + "/golden"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(entry.path());
      std::stringstream buffer;
      buffer << in.rdbuf();
      const std::string text = buffer.str();
      Feed(text);
      // Every prefix of a valid-ish input too (truncated uploads).
      for (std::size_t cut = 0; cut < text.size(); cut += 7) Feed(text.substr(0, cut));
      ++files;
    }
  }
  EXPECT_GT(files, 10);
}

TEST(VroomInputFuzzTest, GeneratedHostileInputsDoNotCrash) {
  Feed(std::string(100000, '['));
  Feed("{\"vehicles\":" + std::string(5000, '[') + std::string(5000, ']') + "}");
  Feed("\xff\xfe\x00garbage");
  std::mt19937 rng(5);
  std::ifstream in(std::string(LIEN_SOLVER_TESTDATA) + "/golden/delivery_round.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string base = buffer.str();
  for (int i = 0; i < 300; ++i) {
    std::string mutated = base;
    for (int k = 0; k < 3; ++k) {
      const std::size_t at = rng() % mutated.size();
      const char replacements[] = {'-', '9', '[', ']', '{', '"', ',', '0', 'e', ' '};
      mutated[at] = replacements[rng() % sizeof replacements];
    }
    Feed(mutated);
  }
}

}  // namespace
}  // namespace lien::rounds::solver_json
