#pragma once
// A campaign's script as the caller's screen uses it, and the answers a call records (issue 4: "the call
// script, an ordered questionnaire whose answers can raise needs"). An answer equal to a question's
// `raises_on` (case and spaces aside) proposes a need of the question's `raises_need` kind.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace lien::calls {

struct ScriptQuestion {
  std::int32_t position = 0;
  std::string prompt;
  std::string answer_kind;  ///< "yes_no", "choice", "scale", "text"
  std::string choices;      ///< as stored (campaign_questions.choices)
  std::string raises_need;  ///< a need kind, or empty
  std::string raises_on;    ///< the answer that raises it, or empty
};

struct CallAnswer {
  std::int32_t position = 0;
  std::string value;
};

struct ProposedNeed {
  std::string kind;
  std::int32_t position = 0;  ///< the question that raised it
  std::string prompt;
};

inline constexpr std::size_t kMaxAnswerBytes = 500;

/// Each answer names a question of the script once, a yes/no question takes "yes" or "no", a scale a whole
/// number, and no value is longer than 500 bytes. Errors (field "answers"): `calls.unknown_question`,
/// `calls.invalid_answer` (with the position), `validation.too_long`.
core::Status ValidateAnswers(const std::vector<ScriptQuestion>& script, const std::vector<CallAnswer>& answers);

/// The needs the answers propose, in the script's order.
std::vector<ProposedNeed> NeedsRaised(const std::vector<ScriptQuestion>& script,
                                      const std::vector<CallAnswer>& answers);

}  // namespace lien::calls
