#include "calls/inbound_rules.hpp"

#include <algorithm>
#include <array>

#include "core/phone.hpp"

namespace lien::calls {
namespace {

constexpr std::array<std::string_view, 3> kQueues = {"social_workers", "food", "remote_agents"};
constexpr std::array<std::string_view, 5> kRelations = {"self", "relative", "neighbour", "professional", "other"};
constexpr std::array<std::string_view, 5> kStates = {kInboundNew, kInboundAssigned, kInboundInProgress,
                                                     kInboundCallback, kInboundClosed};
constexpr std::array<UrgencyQuestion, 5> kQuestions = {
    UrgencyQuestion{"danger_now"}, UrgencyQuestion{"alone"}, UrgencyQuestion{"no_food_or_medicine_today"},
    UrgencyQuestion{"health_worsening"}, UrgencyQuestion{"heat_or_cold_at_home"}};

bool Among(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

core::Status CheckLength(const std::string& text, std::size_t max, const char* field) {
  if (text.size() > max) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.too_long", field, {{"max", std::to_string(max)}});
  }
  return {};
}

}  // namespace

std::span<const std::string_view> InboundQueues() { return kQueues; }
std::span<const std::string_view> InboundRelations() { return kRelations; }
std::span<const std::string_view> InboundStates() { return kStates; }
std::span<const UrgencyQuestion> UrgencyQuestions() { return kQuestions; }
bool IsInboundQueue(std::string_view queue) { return Among(kQueues, queue); }

std::optional<Answer> ParseAnswer(std::string_view word) {
  if (word == "yes") return Answer::kYes;
  if (word == "no") return Answer::kNo;
  if (word == "unknown") return Answer::kUnknown;
  return std::nullopt;
}

std::string_view AnswerName(Answer answer) {
  switch (answer) {
    case Answer::kYes:
      return "yes";
    case Answer::kNo:
      return "no";
    case Answer::kUnknown:
      return "unknown";
  }
  return "unknown";
}

core::Result<std::string> QualifyUrgency(const std::vector<UrgencyAnswer>& answers) {
  std::array<std::optional<Answer>, kQuestions.size()> given;
  for (const auto& answer : answers) {
    const auto it = std::find_if(kQuestions.begin(), kQuestions.end(),
                                 [&](const UrgencyQuestion& question) { return question.id == answer.question; });
    if (it == kQuestions.end()) {
      return core::Fail(core::ErrorCode::kInvalidInput, "inbound.unknown_question", "urgency_answers",
                        {{"question", answer.question.substr(0, 60)}});
    }
    auto& slot = given[static_cast<std::size_t>(it - kQuestions.begin())];
    if (slot) {
      return core::Fail(core::ErrorCode::kInvalidInput, "inbound.question_twice", "urgency_answers",
                        {{"question", answer.question}});
    }
    slot = answer.answer;
  }
  for (std::size_t i = 0; i < kQuestions.size(); ++i) {
    if (!given[i]) {
      return core::Fail(core::ErrorCode::kInvalidInput, "inbound.question_unanswered", "urgency_answers",
                        {{"question", std::string(kQuestions[i].id)}});
    }
  }
  const Answer danger = *given[0];
  const bool alone = *given[1] == Answer::kYes;
  const bool no_food_or_medicine = *given[2] == Answer::kYes;
  const bool health_worsening = *given[3] == Answer::kYes;
  const bool heat_or_cold = *given[4] == Answer::kYes;
  if (danger == Answer::kYes) return std::string("immediate");
  if (danger == Answer::kUnknown) return std::string("high");
  if ((alone && (no_food_or_medicine || health_worsening || heat_or_cold)) || (health_worsening && heat_or_cold)) {
    return std::string("high");
  }
  const bool anything = std::any_of(given.begin(), given.end(), [](const auto& a) { return *a != Answer::kNo; });
  return std::string(anything ? "low" : "none");
}

core::Result<InboundRecord> BuildInboundRecord(const InboundDraft& draft, core::EpochMillis now) {
  InboundRecord record;
  record.person_id = draft.person_id;
  record.contact_name = draft.contact_name;
  record.contact_relation = draft.contact_relation.empty() ? std::string("self") : draft.contact_relation;
  if (!Among(kRelations, record.contact_relation)) {
    return core::Fail(core::ErrorCode::kInvalidInput, "inbound.invalid_relation", "contact_relation");
  }
  if (!draft.person_id && draft.contact_name.empty()) {
    return core::Fail(core::ErrorCode::kInvalidInput, "inbound.person_or_contact", "contact_name");
  }
  if (record.contact_relation != "self" && draft.contact_name.empty()) {
    return core::Fail(core::ErrorCode::kInvalidInput, "inbound.third_party_name", "contact_name");
  }
  if (auto ok = CheckLength(draft.contact_name, kMaxInboundNameLength, "contact_name"); !ok)
    return core::Fail(ok.error());
  if (!draft.contact_phone.empty()) {
    auto phone = core::ParsePhone(draft.contact_phone, "contact_phone");
    if (!phone) return core::Fail(phone.error());
    record.contact_phone = *phone;
  }
  if (draft.topic.empty()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.required", "topic");
  if (auto ok = CheckLength(draft.topic, kMaxInboundTopicLength, "topic"); !ok) return core::Fail(ok.error());
  record.topic = draft.topic;
  if (auto ok = CheckLength(draft.notes, kMaxInboundNotesLength, "notes"); !ok) return core::Fail(ok.error());
  record.notes = draft.notes;
  auto urgency = QualifyUrgency(draft.urgency_answers);
  if (!urgency) return core::Fail(urgency.error());
  record.urgency = *urgency;
  record.urgency_answers = draft.urgency_answers;
  if (draft.queue) {
    if (!IsInboundQueue(*draft.queue)) {
      return core::Fail(core::ErrorCode::kInvalidInput, "inbound.invalid_queue", "queue");
    }
    record.queue = *draft.queue;
  } else if (!draft.handled_now) {
    return core::Fail(core::ErrorCode::kInvalidInput, "inbound.queue_required", "queue");
  }
  if (draft.callback_at) {
    if (*draft.callback_at < now) {
      return core::Fail(core::ErrorCode::kInvalidInput, "inbound.callback_in_past", "callback_at");
    }
    record.callback_at = draft.callback_at;
  }
  record.state =
      draft.handled_now ? std::string(kInboundClosed) : std::string(draft.callback_at ? kInboundCallback : kInboundNew);
  return record;
}

core::Status CheckInboundTransition(std::string_view from, std::string_view to) {
  if (!Among(kStates, to)) return core::Fail(core::ErrorCode::kInvalidInput, "inbound.invalid_state", "state");
  bool allowed = false;
  if (from == kInboundNew || from == kInboundAssigned) {
    allowed = to == kInboundInProgress || to == kInboundCallback || to == kInboundClosed ||
              (from == kInboundNew ? to == kInboundAssigned : to == kInboundNew);
  } else if (from == kInboundInProgress) {
    allowed = to == kInboundCallback || to == kInboundClosed;
  } else if (from == kInboundCallback) {
    allowed = to == kInboundAssigned || to == kInboundInProgress || to == kInboundClosed;
  } else if (from == kInboundClosed) {
    allowed = to == kInboundInProgress;
  }
  if (!allowed) {
    return core::Fail(core::ErrorCode::kConflict, "inbound.illegal_transition", "state",
                      {{"from", std::string(from)}, {"to", std::string(to)}});
  }
  return {};
}

}  // namespace lien::calls
