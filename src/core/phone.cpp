#include "core/phone.hpp"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <string>

namespace lien::core {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// Regions whose numbers a French office dials with a leading 0, as in metropolitan France: the overseas
// departments and collectivities that share the French numbering plan. New Caledonia, French Polynesia and
// Wallis-and-Futuna have no trunk prefix and are shown in international format.
constexpr std::array<std::string_view, 9> kFrenchDialRegions = {"FR", "RE", "YT", "GP", "MQ", "GF", "PM", "BL", "MF"};

// Longer input is not a phone number; the bound also keeps a pasted paragraph away from the parser.
constexpr std::size_t kMaxInputLength = 64;

bool IsFrenchDialRegion(const std::string& region) {
  return std::find(kFrenchDialRegions.begin(), kFrenchDialRegions.end(), region) != kFrenchDialRegions.end();
}

bool ParseValid(const PhoneNumberUtil& util, const std::string& text, const std::string& region, PhoneNumber& out) {
  out.Clear();
  if (util.Parse(text, region, &out) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  return util.IsValidNumber(out);
}

// The overseas departments are part of the French numbering plan: dialled from metropolitan France as
// 0262…, and libphonenumber accepts "0262 12 34 56" in region FR as +33 2 62…, a number that rings nowhere.
// Their E.164 form uses the department's own country code (+262 262…). Three leading digits of the French
// national significant number tell the department (ARCEP plan).
struct OverseasPrefix {
  std::string_view digits;
  std::string_view region;
};
constexpr std::array<OverseasPrefix, 14> kOverseasPrefixes = {{
    {"262", "RE"},
    {"263", "RE"},
    {"692", "RE"},
    {"693", "RE"},  // Réunion
    {"269", "YT"},
    {"639", "YT"},  // Mayotte
    {"590", "GP"},
    {"690", "GP"},
    {"691", "GP"},  // Guadeloupe, Saint-Barthélemy, Saint-Martin
    {"596", "MQ"},
    {"696", "MQ"},
    {"697", "MQ"},  // Martinique
    {"594", "GF"},
    {"694", "GF"},  // Guyane
}};

bool Parse(std::string_view text, std::string_view default_region, PhoneNumber& number) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const std::string input(text);
  PhoneNumber parsed;
  if (util.Parse(input, std::string(default_region), &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  if (parsed.country_code() == 33) {
    std::string national;
    util.GetNationalSignificantNumber(parsed, &national);
    for (const auto& prefix : kOverseasPrefixes) {
      if (national.size() == 9 && national.compare(0, 3, prefix.digits) == 0) {
        return ParseValid(util, "0" + national, std::string(prefix.region), number);
      }
    }
  }
  if (!util.IsValidNumber(parsed)) return false;
  number = parsed;
  return true;
}

}  // namespace

Result<std::string> ParsePhone(std::string_view text, std::string_view field, std::string_view default_region) {
  const auto not_blank = text.find_first_not_of(" \t\r\n");
  if (not_blank == std::string_view::npos) {
    return Fail(ErrorCode::kInvalidInput, "phone.empty", std::string(field));
  }
  if (text.size() > kMaxInputLength) {
    return Fail(ErrorCode::kInvalidInput, "phone.invalid", std::string(field));
  }
  PhoneNumber number;
  if (!Parse(text, default_region, number)) {
    return Fail(ErrorCode::kInvalidInput, "phone.invalid", std::string(field));
  }
  std::string e164;
  PhoneNumberUtil::GetInstance()->Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

std::string FormatPhoneForDisplay(std::string_view e164) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(e164), "FR", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return std::string(e164);
  std::string region;
  util.GetRegionCodeForNumber(number, &region);
  std::string shown;
  util.Format(number, IsFrenchDialRegion(region) ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL, &shown);
  return shown;
}

bool IsMobilePhone(std::string_view e164) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(e164), "FR", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  const auto type = util.GetNumberType(number);
  return type == PhoneNumberUtil::MOBILE || type == PhoneNumberUtil::FIXED_LINE_OR_MOBILE;
}

}  // namespace lien::core
