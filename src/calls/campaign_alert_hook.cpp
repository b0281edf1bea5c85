// The alert plan's hooks (campaign_activation.hpp): a heatwave or cold alert activates its campaign and enrols
// the targeted people in the declaration's transaction; its end closes the campaign and leaves a draft copy.

#include "audit/trail.hpp"
#include "calls/campaign_activation.hpp"
#include "calls/campaign_routes.hpp"

namespace lien::calls {
namespace {

bool ActivatesCampaigns(alerts::AlertKind kind) {
  return kind == alerts::AlertKind::kHeatwave || kind == alerts::AlertKind::kCold;
}

audit::Event CampaignEventFrom(const audit::Event& cause, const char* action, CampaignId id,
                               std::map<std::string, std::string> details) {
  audit::Event event = cause;
  event.action = action;
  event.subject_type = "campaign";
  event.subject_id = std::to_string(id);
  event.purpose = "follow_up";
  event.details = std::move(details);
  return event;
}

}  // namespace

alerts::AlertHooks CampaignAlertHooks() {
  alerts::AlertHooks hooks;
  hooks.on_declared.emplace_back([](db::Connection& connection, const alerts::Alert& alert, const audit::Event& cause,
                                    core::EpochMillis now) -> core::Status {
    if (!ActivatesCampaigns(alert.kind)) return {};
    auto activated = ActivateForAlert(connection, alerts::AlertKindName(alert.kind), alert.id, cause.actor_id, now);
    if (!activated) return {};
    audit::Append(connection, now,
                  CampaignEventFrom(cause, "campaign.activated", activated->campaign.id,
                                    {{"alert_id", std::to_string(alert.id)},
                                     {"enrolled", std::to_string(activated->enrolled.size())}}));
    return {};
  });
  hooks.on_ended.emplace_back([](db::Connection& connection, const alerts::Alert& alert, const audit::Event& cause,
                                 core::EpochMillis now) -> core::Status {
    for (const auto& closed : CloseForAlert(connection, alert.id, cause.actor_id, now)) {
      audit::Append(
          connection, now,
          CampaignEventFrom(cause, "campaign.closed", closed.closed.id, {{"alert_id", std::to_string(alert.id)}}));
      audit::Append(connection, now,
                    CampaignEventFrom(cause, "campaign.created", closed.next_draft_id,
                                      {{"copy_of", std::to_string(closed.closed.id)}}));
    }
    return {};
  });
  return hooks;
}

}  // namespace lien::calls
