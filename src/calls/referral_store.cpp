#include "calls/referral_store.hpp"

#include "calls/need_store.hpp"

namespace lien::calls {
namespace {

constexpr std::string_view kColumns =
    "id, need_id, person_id, service, partner_id, state, due_on, notes, partner_notes, created_at, created_by, "
    "sent_at, answered_at, done_at, updated_at, version";
constexpr std::string_view kLiveStates = "('proposed', 'sent', 'accepted')";

std::string Select(std::string_view rest) {
  return "SELECT " + std::string(kColumns) + " FROM referrals " + std::string(rest);
}

db::Value Opt(const std::optional<std::int64_t>& value) {
  return value ? db::Value(*value) : db::Value(std::monostate{});
}
db::Value Opt(const std::optional<std::string>& value) {
  return value ? db::Value(*value) : db::Value(std::monostate{});
}

Referral ReferralFrom(const db::Row& row) {
  Referral referral;
  referral.id = row.Int(0);
  referral.need_id = row.OptInt(1);
  referral.person_id = row.Int(2);
  referral.service = row.Text(3);
  referral.partner_id = row.OptInt(4);
  referral.state = row.Text(5);
  referral.due_on = row.OptText(6);
  referral.notes = row.Text(7);
  referral.partner_notes = row.Text(8);
  referral.created_at = row.Int(9);
  referral.created_by = row.OptInt(10);
  referral.sent_at = row.OptInt(11);
  referral.answered_at = row.OptInt(12);
  referral.done_at = row.OptInt(13);
  referral.updated_at = row.Int(14);
  referral.version = row.Int(15);
  return referral;
}

std::vector<Referral> ReferralsFrom(const db::QueryResult& result) {
  std::vector<Referral> referrals;
  referrals.reserve(result.rows.size());
  for (const auto& row : result.rows) referrals.push_back(ReferralFrom(row));
  return referrals;
}

core::Status CheckPartner(db::Connection& connection, std::int64_t partner_id, const std::string& service) {
  const auto partner = connection.QueryOne("SELECT service, active FROM partners WHERE id = ?", {partner_id});
  if (!partner) return core::Fail(core::ErrorCode::kInvalidInput, "partners.not_found", "partner_id");
  if (!partner->Bool(1)) return core::Fail(core::ErrorCode::kInvalidInput, "referrals.partner_inactive", "partner_id");
  if (partner->Text(0) != service) {
    return core::Fail(core::ErrorCode::kInvalidInput, "referrals.partner_service_mismatch", "partner_id");
  }
  return {};
}

// A need whose live referrals all ended without help goes back to open; one with a live referral is referred.
void SyncNeed(db::Connection& connection, const std::optional<std::int64_t>& need_id,
              std::optional<std::int64_t> actor_id, core::EpochMillis now) {
  if (!need_id) return;
  const auto live =
      connection
          .QueryOne("SELECT COUNT(*) FROM referrals WHERE need_id = ? AND state IN " + std::string(kLiveStates),
                    {*need_id})
          ->Int(0);
  const auto done =
      connection.QueryOne("SELECT COUNT(*) FROM referrals WHERE need_id = ? AND state = 'done'", {*need_id})->Int(0);
  if (live > 0) {
    MoveNeedState(connection, *need_id, kNeedReferred, actor_id, now);
  } else if (done == 0) {
    MoveNeedState(connection, *need_id, kNeedOpen, actor_id, now);
  }
}

}  // namespace

core::Result<Referral> CreateReferral(db::Connection& connection, const ReferralDraft& draft,
                                      std::optional<std::int64_t> actor_id, core::EpochMillis now,
                                      std::string_view today) {
  if (auto ok = ValidateReferralDraft(draft, today); !ok) return core::Fail(ok.error());
  const auto need = LoadNeed(connection, draft.need_id);
  if (!need) return core::Fail(core::ErrorCode::kNotFound, "needs.not_found");
  if (need->state == kNeedClosed) return core::Fail(core::ErrorCode::kConflict, "referrals.need_closed");
  if (draft.partner_id) {
    if (auto ok = CheckPartner(connection, *draft.partner_id, draft.service); !ok) return core::Fail(ok.error());
  }
  const std::string state(draft.send_now ? kReferralSent : kReferralProposed);
  const auto row = connection.QueryOne(
      "INSERT INTO referrals (need_id, person_id, service, partner_id, state, due_on, notes, created_at, created_by, "
      "sent_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
      {need->id, need->person_id, draft.service, Opt(draft.partner_id), state, Opt(draft.due_on), draft.notes, now,
       Opt(actor_id), draft.send_now ? db::Value(now) : db::Value(std::monostate{}), now});
  SyncNeed(connection, need->id, actor_id, now);
  return *LoadReferral(connection, row->Int(0));
}

std::optional<Referral> LoadReferral(db::Connection& connection, std::int64_t id) {
  const auto row = connection.QueryOne(Select("WHERE id = ?"), {id});
  if (!row) return std::nullopt;
  return ReferralFrom(*row);
}

std::vector<Referral> ReferralsOfPerson(db::Connection& connection, std::int64_t person_id) {
  return ReferralsFrom(
      connection.Execute(Select("WHERE person_id = ? ORDER BY CASE WHEN state IN " + std::string(kLiveStates) +
                                " THEN 0 ELSE 1 END, created_at DESC, id DESC"),
                         {person_id}));
}

std::vector<Referral> ReferralsOfNeed(db::Connection& connection, std::int64_t need_id) {
  return ReferralsFrom(connection.Execute(Select("WHERE need_id = ? ORDER BY id"), {need_id}));
}

std::vector<Referral> FindReferrals(db::Connection& connection, const ReferralFilter& filter) {
  std::string where = "WHERE 1 = 1";
  std::vector<db::Value> params;
  if (filter.overdue_only) {
    where += " AND state IN " + std::string(kLiveStates) + " AND due_on IS NOT NULL AND due_on <> '' AND due_on < ?";
    params.emplace_back(filter.today);
  }
  if (filter.state) {
    where += " AND state = ?";
    params.emplace_back(*filter.state);
  }
  params.emplace_back(std::int64_t{filter.limit});
  params.emplace_back(std::int64_t{filter.offset});
  return ReferralsFrom(connection.Execute(
      Select(where + " ORDER BY CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, created_at, id LIMIT ? OFFSET ?"),
      params));
}

std::int64_t CountOverdueReferrals(db::Connection& connection, std::string_view today) {
  return connection
      .QueryOne("SELECT COUNT(*) FROM referrals WHERE state IN " + std::string(kLiveStates) +
                    " AND due_on IS NOT NULL AND due_on <> '' AND due_on < ?",
                {std::string(today)})
      ->Int(0);
}

core::Result<Referral> ChangeReferral(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                                      const ReferralChange& change, ReferralActor actor,
                                      std::optional<std::int64_t> actor_id, core::EpochMillis now,
                                      std::string_view today) {
  auto referral = LoadReferral(connection, id);
  if (!referral) return core::Fail(core::ErrorCode::kNotFound, "referrals.not_found");
  if (actor == ReferralActor::kPartner && (change.due_on || change.notes)) {
    const std::string name = change.due_on ? "due_on" : "notes";
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.unknown_field", name, {{"name", name}});
  }
  if (referral->version != expected_version) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  if (change.state && *change.state != referral->state) {
    if (auto ok = CheckReferralTransition(referral->state, *change.state, actor); !ok) return core::Fail(ok.error());
    referral->state = *change.state;
    if (referral->state == kReferralSent) referral->sent_at = now;
    if (referral->state == kReferralAccepted || referral->state == kReferralRefused) referral->answered_at = now;
    if (referral->state == kReferralDone) referral->done_at = now;
  }
  ReferralDraft check;
  check.service = referral->service;
  check.notes = change.notes.value_or(referral->notes);
  if (change.due_on && !change.due_on->empty()) check.due_on = change.due_on;
  if (auto ok = ValidateReferralDraft(check, today); !ok) return core::Fail(ok.error());
  if (change.due_on) referral->due_on = change.due_on->empty() ? std::nullopt : change.due_on;
  referral->notes = check.notes;
  if (change.partner_notes) {
    if (change.partner_notes->size() > kMaxReferralNotesLength) {
      return core::Fail(core::ErrorCode::kInvalidInput, "validation.too_long", "partner_notes",
                        {{"max", std::to_string(kMaxReferralNotesLength)}});
    }
    referral->partner_notes = *change.partner_notes;
  }
  const auto updated = connection.Execute(
      "UPDATE referrals SET state = ?, due_on = ?, notes = ?, partner_notes = ?, sent_at = ?, answered_at = ?, "
      "done_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
      {referral->state, Opt(referral->due_on), referral->notes, referral->partner_notes, Opt(referral->sent_at),
       Opt(referral->answered_at), Opt(referral->done_at), now, id, expected_version});
  if (updated.affected_rows != 1) return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  SyncNeed(connection, referral->need_id, actor_id, now);
  return *LoadReferral(connection, id);
}

std::optional<std::int64_t> PartnerOfAccount(db::Connection& connection, std::int64_t user_id) {
  const auto row = connection.QueryOne("SELECT partner_id FROM partner_members WHERE user_id = ?", {user_id});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::vector<Referral> ReferralsOfPartner(db::Connection& connection, std::int64_t partner_id) {
  return ReferralsFrom(connection.Execute(
      Select("WHERE partner_id = ? AND state <> 'proposed' ORDER BY CASE WHEN state IN " + std::string(kLiveStates) +
             " THEN 0 ELSE 1 END, CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, sent_at, id"),
      {partner_id}));
}

std::optional<Referral> LoadPartnerReferral(db::Connection& connection, std::int64_t id, std::int64_t partner_id) {
  const auto row =
      connection.QueryOne(Select("WHERE id = ? AND partner_id = ? AND state <> 'proposed'"), {id, partner_id});
  if (!row) return std::nullopt;
  return ReferralFrom(*row);
}

}  // namespace lien::calls
