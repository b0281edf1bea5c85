#pragma once
// The inbound line (issue 4 "The inbound line"): what an intake agent records when answering the single number,
// the guided urgency qualification, and the request's states. No storage, no JSON.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace lien::calls {

/// social_workers, food, remote_agents.
std::span<const std::string_view> InboundQueues();
/// Who is calling, relative to the person concerned: self, relative, neighbour, professional, other.
std::span<const std::string_view> InboundRelations();

inline constexpr std::string_view kInboundNew = "new";
inline constexpr std::string_view kInboundAssigned = "assigned";
inline constexpr std::string_view kInboundInProgress = "in_progress";
inline constexpr std::string_view kInboundCallback = "callback";
inline constexpr std::string_view kInboundClosed = "closed";
std::span<const std::string_view> InboundStates();

inline constexpr std::size_t kMaxInboundTopicLength = 200;
inline constexpr std::size_t kMaxInboundNotesLength = 4000;
inline constexpr std::size_t kMaxInboundNameLength = 200;

// ---- The guided urgency qualification -----------------------------------------------------------------------

/// One question the intake agent asks, in this fixed order. Its words are the messages
/// `inbound.question.<id>` (French and English).
struct UrgencyQuestion {
  std::string_view id;
};
/// danger_now, alone, no_food_or_medicine_today, health_worsening, heat_or_cold_at_home.
std::span<const UrgencyQuestion> UrgencyQuestions();

enum class Answer { kNo, kYes, kUnknown };
std::optional<Answer> ParseAnswer(std::string_view word);  ///< "yes", "no", "unknown"
std::string_view AnswerName(Answer answer);

struct UrgencyAnswer {
  std::string question;
  Answer answer = Answer::kNo;
};

/// The urgency the answers give, every question answered once:
/// - danger now → immediate; danger not known → at least high (one cannot rule it out on the phone);
/// - alone together with no food or medicine today, a worsening health, or suffering heat or cold → high;
///   a worsening health while suffering heat or cold → high;
/// - any other "yes" or "unknown" → low; all "no" → none.
/// Errors (kInvalidInput, field `urgency_answers`): `inbound.unknown_question` ({question}),
/// `inbound.question_twice` ({question}), `inbound.question_unanswered` ({question}).
core::Result<std::string> QualifyUrgency(const std::vector<UrgencyAnswer>& answers);

// ---- The request ---------------------------------------------------------------------------------------------

/// What the intake agent records. Either `person_id` (found in the register) or `contact_name` (someone not in
/// the register, or a third party calling about the person); a third party is always named.
struct InboundDraft {
  std::optional<std::int64_t> person_id;
  std::string contact_name;
  std::string contact_phone;  ///< as typed; stored in E.164
  std::string contact_relation{"self"};
  std::string topic;
  std::vector<UrgencyAnswer> urgency_answers;
  std::optional<std::string> queue;  ///< absent when handled at once
  bool handled_now = false;          ///< answered on the phone: closed at once
  std::optional<core::EpochMillis> callback_at;
  std::string notes;
};

/// The request to store, before its id: contact phone in E.164 (core::ParsePhone, `phone.invalid` naming
/// contact_phone), urgency from QualifyUrgency, state new (or closed when handled now, or callback when a
/// call-back time is given). Errors (kInvalidInput): `inbound.person_or_contact` (field contact_name),
/// `inbound.third_party_name` (contact_name), `inbound.invalid_relation`, `validation.required` (topic),
/// `inbound.invalid_queue`, `inbound.queue_required`, `inbound.callback_in_past`, `validation.too_long`.
struct InboundRecord {
  std::optional<std::int64_t> person_id;
  std::string contact_name;
  std::string contact_phone;
  std::string contact_relation;
  std::string topic;
  std::string urgency;
  std::vector<UrgencyAnswer> urgency_answers;
  std::string queue;
  std::string state;
  std::optional<core::EpochMillis> callback_at;
  std::string notes;
};
core::Result<InboundRecord> BuildInboundRecord(const InboundDraft& draft, core::EpochMillis now);

/// new → assigned | in_progress | callback | closed; assigned → new | in_progress | callback | closed;
/// in_progress → callback | closed; callback → assigned | in_progress | closed; closed → in_progress (reopened).
/// Errors: kInvalidInput `inbound.invalid_state`; kConflict `inbound.illegal_transition` ({from}, {to}).
core::Status CheckInboundTransition(std::string_view from, std::string_view to);

bool IsInboundQueue(std::string_view queue);

}  // namespace lien::calls
