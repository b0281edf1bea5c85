#include "calls/call_script.hpp"

#include <algorithm>
#include <set>

namespace lien::calls {
namespace {

std::string Normalised(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c); });
  return out;
}

const ScriptQuestion* QuestionAt(const std::vector<ScriptQuestion>& script, std::int32_t position) {
  for (const auto& question : script) {
    if (question.position == position) return &question;
  }
  return nullptr;
}

bool IsWholeNumber(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return !text.empty() && text.size() <= 9 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

core::Error InvalidAnswer(std::int32_t position) {
  return core::Error(core::ErrorCode::kInvalidInput, "calls.invalid_answer", "answers",
                     {{"position", std::to_string(position)}});
}

}  // namespace

core::Status ValidateAnswers(const std::vector<ScriptQuestion>& script, const std::vector<CallAnswer>& answers) {
  std::set<std::int32_t> seen;
  for (const auto& answer : answers) {
    const auto* question = QuestionAt(script, answer.position);
    if (question == nullptr || !seen.insert(answer.position).second) {
      return core::Fail(core::ErrorCode::kInvalidInput, "calls.unknown_question", "answers",
                        {{"position", std::to_string(answer.position)}});
    }
    if (answer.value.size() > kMaxAnswerBytes) {
      return core::Fail(core::ErrorCode::kInvalidInput, "validation.too_long", "answers",
                        {{"max", std::to_string(kMaxAnswerBytes)}});
    }
    const std::string value = Normalised(answer.value);
    if (question->answer_kind == "yes_no" && value != "yes" && value != "no") {
      return core::Fail(InvalidAnswer(answer.position));
    }
    if (question->answer_kind == "scale" && !IsWholeNumber(value)) return core::Fail(InvalidAnswer(answer.position));
  }
  return {};
}

std::vector<ProposedNeed> NeedsRaised(const std::vector<ScriptQuestion>& script,
                                      const std::vector<CallAnswer>& answers) {
  std::vector<ProposedNeed> needs;
  for (const auto& question : script) {
    if (question.raises_need.empty() || question.raises_on.empty()) continue;
    for (const auto& answer : answers) {
      if (answer.position == question.position && Normalised(answer.value) == Normalised(question.raises_on)) {
        needs.push_back(ProposedNeed{question.raises_need, question.position, question.prompt});
      }
    }
  }
  return needs;
}

}  // namespace lien::calls
