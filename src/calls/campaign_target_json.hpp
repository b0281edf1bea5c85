#pragma once
// A campaign's target as JSON, the same shape in the API and in storage (campaigns.target):
//   {"register": true, "grounds": ["age_65"], "age_min": 75, "age_max": null, "lives_alone": true,
//    "area": {"postcodes": ["80000"], "towns": ["Amiens"], "streets": ["rue Victor Hugo"]}, "persons": [12, 40]}
// Every member is optional; unknown members are refused, naming them.

#include <nlohmann/json.hpp>

#include "calls/campaign_model.hpp"
#include "core/result.hpp"

namespace lien::calls {

/// Strict reading. Errors (kInvalidInput): `validation.type` and `validation.unknown_field` naming
/// `target.…`.
core::Result<CampaignTarget> TargetFromJson(const nlohmann::json& json);
nlohmann::json TargetToJson(const CampaignTarget& target);

}  // namespace lien::calls
