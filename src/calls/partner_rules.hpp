#pragma once
// Partners (issue 4 "Referrals"): organisations that take referrals (a home-help service, a charity…). What a valid
// partner holds. No storage, no JSON.

#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace lien::calls {

struct PartnerDraft {
  std::string name;
  std::string service;  ///< one of ReferralServices(): the service the partner provides
  std::string email;
  std::string phone;  ///< as typed; stored in E.164
  bool active = true;
};

struct Partner {
  std::int64_t id = 0;
  std::string name;
  std::string service;
  std::string email;
  std::string phone;
  bool active = true;
  std::int64_t created_at = 0;
  std::int64_t version = 1;
};

/// The partner a draft describes: name required (at most 200 characters), the service among ReferralServices()
/// (`referrals.invalid_service`), an e-mail with an '@' (`partners.invalid_email`), the phone in E.164
/// (`phone.invalid`). All kInvalidInput naming the field.
core::Result<PartnerDraft> NormalisePartner(PartnerDraft draft);

}  // namespace lien::calls
