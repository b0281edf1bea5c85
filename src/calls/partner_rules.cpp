#include "calls/partner_rules.hpp"

#include <algorithm>

#include "calls/referral_rules.hpp"
#include "core/phone.hpp"

namespace lien::calls {

core::Result<PartnerDraft> NormalisePartner(PartnerDraft draft) {
  if (draft.name.empty()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.required", "name");
  if (draft.name.size() > 200) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.too_long", "name", {{"max", "200"}});
  }
  const auto services = ReferralServices();
  if (std::find(services.begin(), services.end(), draft.service) == services.end()) {
    return core::Fail(core::ErrorCode::kInvalidInput, "referrals.invalid_service", "service");
  }
  if (!draft.email.empty() && (draft.email.find('@') == std::string::npos || draft.email.size() > 200)) {
    return core::Fail(core::ErrorCode::kInvalidInput, "partners.invalid_email", "email");
  }
  if (!draft.phone.empty()) {
    auto phone = core::ParsePhone(draft.phone, "phone");
    if (!phone) return core::Fail(phone.error());
    draft.phone = *phone;
  }
  return draft;
}

}  // namespace lien::calls
