#pragma once
// Phone numbers: any notation a French office types, stored in E.164 ("+33321016310") through libphonenumber.

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace lien::core {

/// Parses `text` in any usual notation ("03 21 01 63 10", "0321016310", "03.21.01.63.10", "+33 3 21 01 63 10",
/// "0033 3 21 01 63 10", "06 12 34 56 78", "+262 262 12 34 56", "0262 12 34 56") and returns it in E.164.
/// A national number ("0…") is read in `default_region` (ISO 3166 code, "FR" by default). Numbers of the
/// overseas departments written as dialled from metropolitan France ("0262…" Réunion, "0590…" Guadeloupe,
/// "0696…" Martinique…) or with +33 get their department's own country code ("+262262…"). Fails with kInvalidInput, key
/// `phone.invalid` (or `phone.empty`), naming `field`. Thread-safe: libphonenumber's PhoneNumberUtil is a thread-safe
/// singleton.
Result<std::string> ParsePhone(std::string_view text, std::string_view field = "phone",
                               std::string_view default_region = "FR");

/// How a stored E.164 number is shown: the national format for France and its overseas departments
/// ("03 21 01 63 10", "02 62 12 34 56"), the international format otherwise ("+44 20 7946 0958").
/// Returns `e164` unchanged when it cannot be parsed. Thread-safe.
std::string FormatPhoneForDisplay(std::string_view e164);

/// True when libphonenumber classes the number as mobile (metropolitan 06/07, overseas mobile ranges, foreign
/// mobiles): a number that can receive an SMS. False for an unparsable input. Thread-safe.
bool IsMobilePhone(std::string_view e164);

}  // namespace lien::core
