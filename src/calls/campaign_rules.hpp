#pragma once
// The rules of campaigns and their scripts (docs/calls.md): what a campaign may hold, which target a kind may
// use, and the status machine draft → active → closed. Every refusal is kInvalidInput (or kConflict for a status
// change) naming the field, with a campaigns.* message key.

#include <span>
#include <string_view>
#include <vector>

#include "calls/campaign_model.hpp"
#include "core/result.hpp"

namespace lien::calls {

inline constexpr std::size_t kMaxCampaignNameLength = 200;
inline constexpr std::size_t kMaxTargetListSize = 500;  ///< postcodes, towns, streets, persons each
inline constexpr std::size_t kMaxQuestions = 60;
inline constexpr std::size_t kMaxPromptLength = 500;
inline constexpr std::size_t kMaxChoices = 20;
inline constexpr std::size_t kMaxChoiceLength = 100;

/// Checks a campaign as a coordinator saves it. `register_grounds`: the register's grounds
/// (registry::RegisterGrounds), the only values target.grounds may hold.
core::Status ValidateCampaign(const Campaign& campaign, std::span<const std::string_view> register_grounds);

/// Checks a whole script (the questions in order).
core::Status ValidateScript(const std::vector<Question>& questions);

/// A draft may be activated (kConflict `campaigns.not_draft` otherwise).
core::Status CheckCanActivate(const Campaign& campaign);
/// An active campaign may be closed (kConflict `campaigns.not_active` otherwise).
core::Status CheckCanClose(const Campaign& campaign);
/// A closed campaign is kept as it ran (kConflict `campaigns.closed` on an edit).
core::Status CheckCanEdit(const Campaign& campaign);

}  // namespace lien::calls
