#include "register/import_row.hpp"

#include <array>
#include <cstdio>

#include "core/crypto.hpp"
#include "core/phone.hpp"
#include "core/text.hpp"

namespace lien::registry {
namespace {

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct LanguageName {
  const char* folded;
  const char* code;
};

constexpr std::array kLanguages = {
    LanguageName{"francais", "fr"},    LanguageName{"arabe", "ar"},
    LanguageName{"portugais", "pt"},   LanguageName{"espagnol", "es"},
    LanguageName{"italien", "it"},     LanguageName{"anglais", "en"},
    LanguageName{"allemand", "de"},    LanguageName{"turc", "tr"},
    LanguageName{"polonais", "pl"},    LanguageName{"russe", "ru"},
    LanguageName{"chinois", "zh"},     LanguageName{"vietnamien", "vi"},
    LanguageName{"kabyle", "kab"},     LanguageName{"berbere", "ber"},
    LanguageName{"wolof", "wo"},       LanguageName{"roumain", "ro"},
    LanguageName{"armenien", "hy"},    LanguageName{"creole", "gcf"},
    LanguageName{"tamoul", "ta"},      LanguageName{"ukrainien", "uk"},
    LanguageName{"neerlandais", "nl"}, LanguageName{"flamand", "nl"},
    LanguageName{"breton", "br"},      LanguageName{"alsacien", "gsw"},
    LanguageName{"lsf", "fsl"},        LanguageName{"langue des signes", "fsl"},
};

std::optional<std::string> ParseLanguage(std::string_view text) {
  const std::string folded = core::FoldForSearch(text);
  if (folded.empty()) return std::nullopt;
  for (const LanguageName& language : kLanguages) {
    if (folded == language.folded || folded == language.code) return std::string(language.code);
  }
  return std::nullopt;
}

std::optional<Civility> ParseFrenchCivility(std::string_view text) {
  const std::string folded = core::FoldCompact(text);
  if (folded.empty()) return Civility::kUnknown;
  if (folded == "mme" || folded == "madame" || folded == "mlle" || folded == "mademoiselle" || folded == "f" ||
      folded == "femme") {
    return Civility::kMadame;
  }
  if (folded == "m" || folded == "mr" || folded == "monsieur" || folded == "h" || folded == "homme") {
    return Civility::kMonsieur;
  }
  return std::nullopt;
}

std::optional<HearingDifficulty> ParseFrenchHearing(std::string_view text) {
  const std::string folded = core::FoldForSearch(text);
  if (folded.empty()) return HearingDifficulty::kUnknown;
  if (folded == "non" || folded == "aucune" || folded == "bonne" || folded == "entend bien") {
    return HearingDifficulty::kNone;
  }
  if (folded.find("sourd") != std::string::npos || folded == "surdite totale") return HearingDifficulty::kDeaf;
  if (folded == "oui" || folded == "x" || folded.find("malentend") != std::string::npos ||
      folded.find("appareil") != std::string::npos || folded.find("difficult") != std::string::npos) {
    return HearingDifficulty::kHardOfHearing;
  }
  return std::nullopt;
}

// "DUPONT Jean", "DE LA FONTAINE Marie-Thérèse": the leading words in capitals are the last name; without
// capitals, the first word is.
void SplitFullName(std::string_view text, Person& person) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  // No ASCII lower-case letter: "DUPONT", "DUPRÉ", "D'ALMEIDA" (accented capitals are multi-byte).
  const auto is_upper = [](const std::string& word) {
    for (const char c : word) {
      if (c >= 'a' && c <= 'z') return false;
    }
    return true;
  };
  std::size_t last_name_words = 0;
  while (last_name_words < words.size() && is_upper(words[last_name_words])) ++last_name_words;
  if (last_name_words == 0 || last_name_words == words.size()) last_name_words = words.empty() ? 0 : 1;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string& target = i < last_name_words ? person.last_name : person.first_names;
    if (!target.empty()) target.push_back(' ');
    target += words[i];
  }
}

}  // namespace

std::optional<Date> ParseFrenchDate(std::string_view text, const Date& today) {
  const std::string value = Trim(text);
  int a = 0;
  int b = 0;
  int c = 0;
  char s1 = 0;
  char s2 = 0;
  int consumed = 0;
  if (std::sscanf(value.c_str(), "%d%c%d%c%d%n", &a, &s1, &b, &s2, &c, &consumed) != 5 ||
      static_cast<std::size_t>(consumed) != value.size() || s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.') ||
      !IsDigit(value.front())) {
    return std::nullopt;
  }
  int year = 0;
  int month = 0;
  int day = 0;
  const std::size_t first_length = value.find(s1);
  if (first_length == 4) {
    year = a;
    month = b;
    day = c;
  } else if (first_length <= 2) {
    day = a;
    month = b;
    year = c;
    const std::size_t year_length = value.size() - value.rfind(s2) - 1;
    if (year_length == 2) {
      const int this_year = static_cast<int>(today.year());
      year += 2000;
      if (year > this_year) year -= 100;
    } else if (year_length != 4) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  const Date date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                  std::chrono::day(static_cast<unsigned>(day))};
  if (month < 1 || day < 1 || !date.ok()) return std::nullopt;
  return date;
}

std::pair<std::string, std::string> SplitStreetAddress(std::string_view text) {
  const std::string value = Trim(text);
  std::size_t i = 0;
  while (i < value.size() && IsDigit(value[i])) ++i;
  if (i == 0) return {"", value};
  std::string number = value.substr(0, i);
  std::size_t rest = i;
  // A suffix: "bis", "ter", "quater" or a single letter, glued ("12B") or after a space ("12 bis").
  std::size_t at = rest;
  while (at < value.size() && value[at] == ' ') ++at;
  std::size_t word_end = at;
  while (word_end < value.size() && value[word_end] != ' ' && value[word_end] != ',') ++word_end;
  const std::string suffix = core::FoldCompact(std::string_view(value).substr(at, word_end - at));
  // Single letters are A to F only: "7 r Victor Hugo" abbreviates "rue".
  const bool letter = suffix.size() == 1 && suffix[0] >= 'a' && suffix[0] <= 'f' && word_end < value.size();
  if (suffix == "bis" || suffix == "ter" || suffix == "quater" || letter) {
    number += " " + (letter ? std::string(1, static_cast<char>(suffix[0] - 'a' + 'A')) : suffix);
    rest = word_end;
  }
  while (rest < value.size() && (value[rest] == ' ' || value[rest] == ',')) ++rest;
  if (rest >= value.size()) return {"", value};  // only a number: not an address line
  return {number, value.substr(rest)};
}

std::optional<std::string> ParseGround(std::string_view text) {
  const std::string folded = core::FoldForSearch(text);
  if (folded.empty()) return std::nullopt;
  // The codes of register_entry_model.cpp (RegisterGrounds), accepted as they are.
  for (const char* code : {"age_65", "age_60_unfit", "disabled_aah", "disabled_pch_actp", "disabled_card",
                           "disabled_rqth", "disabled_pension"}) {
    if (core::FoldForSearch(code) == folded) return std::string(code);
  }
  const std::vector<std::string> words = core::NameTokens(text);
  const auto has = [&words](std::string_view word) {
    for (const std::string& w : words) {
      if (w == word) return true;
    }
    return false;
  };
  if (has("aah")) return std::string("disabled_aah");
  if (has("pch") || has("actp")) return std::string("disabled_pch_actp");
  if (has("rqth")) return std::string("disabled_rqth");
  if (has("pension")) return std::string("disabled_pension");
  if (has("carte") || has("cmi")) return std::string("disabled_card");
  // "Adulte handicapé" alone does not say which of the five disability grounds: the row is refused.
  if (has("handicap") || has("handicape") || has("handicapee") || has("invalidite")) return std::nullopt;
  if (has("60") || has("inapte") || has("inaptitude")) return std::string("age_60_unfit");
  if (has("65") || has("agee") || has("age") || has("ages") || has("agees")) return std::string("age_65");
  return std::nullopt;
}

ParsedRow ParseImportRow(const std::vector<std::string>& fields, const std::vector<ColumnMapping>& columns,
                         bool read_register_fields, const Date& today) {
  ParsedRow row;
  Person& person = row.person;
  PostalAddress& address = person.address;
  const auto problem = [&row](const ColumnMapping& column, const char* key, const std::string& value) {
    row.problems.push_back({column.heading, key, {{"value", value}}});
  };
  const auto append = [](std::string& target, const std::string& value) {
    if (value.empty()) return;
    if (!target.empty()) target += "\n";
    target += value;
  };
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const ColumnMapping& column = columns[c];
    if (column.field == ImportField::kIgnore || c >= fields.size()) continue;
    if (IsRegisterField(column.field) && !read_register_fields) continue;
    const std::string value = Trim(fields[c]);
    if (value.empty()) continue;
    switch (column.field) {
      case ImportField::kIgnore:
        break;
      case ImportField::kCivility:
        if (const auto civility = ParseFrenchCivility(value)) {
          person.civility = *civility;
        } else {
          problem(column, "import.row.civility_invalid", value);
        }
        break;
      case ImportField::kLastName:
        person.last_name = value;
        break;
      case ImportField::kBirthName:
        person.birth_name = value;
        break;
      case ImportField::kFirstNames:
        person.first_names = value;
        break;
      case ImportField::kFullName:
        SplitFullName(value, person);
        break;
      case ImportField::kBirthDate:
        if (const auto date = ParseFrenchDate(value, today)) {
          person.birth_date = *date;
        } else {
          problem(column, "import.row.date_invalid", value);
        }
        break;
      case ImportField::kAddress: {
        auto [number, street] = SplitStreetAddress(value);
        if (!number.empty()) address.number = std::move(number);
        address.street = std::move(street);
        break;
      }
      case ImportField::kAddressNumber:
        address.number = value;
        break;
      case ImportField::kStreet:
        address.street = value;
        break;
      case ImportField::kComplement:
        address.complement = value;
        break;
      case ImportField::kBuilding:
        address.building = value;
        break;
      case ImportField::kFloor:
        address.floor = value;
        break;
      case ImportField::kDoorCode:
        address.door_code = value;
        break;
      case ImportField::kPostcode: {
        std::string postcode = value;
        // A spreadsheet that took the postcode for a number drops the leading zero of 01000…09999.
        if (postcode.size() == 4 && postcode.find_first_not_of("0123456789") == std::string::npos) {
          postcode.insert(0, "0");
        }
        address.postcode = postcode;
        break;
      }
      case ImportField::kTown:
        address.town = value;
        break;
      case ImportField::kPostcodeTown: {
        std::size_t digits = 0;
        while (digits < value.size() && IsDigit(value[digits])) ++digits;
        if (digits == 5) {
          address.postcode = value.substr(0, 5);
          address.town = Trim(std::string_view(value).substr(5));
        } else {
          address.town = value;
        }
        break;
      }
      case ImportField::kAccessNotes:
        append(address.access_notes, value);
        break;
      case ImportField::kPhone: {
        // A cell may hold two numbers: "03 21 01 63 10 / 06 12 34 56 78".
        std::string rest = value;
        for (char& ch : rest) ch = (ch == '/' || ch == ';' || ch == '|') ? '\n' : ch;
        std::size_t start = 0;
        while (start <= rest.size()) {
          const std::size_t end = std::min(rest.find('\n', start), rest.size());
          const std::string one = Trim(std::string_view(rest).substr(start, end - start));
          start = end + 1;
          if (one.empty()) continue;
          const auto phone = core::ParsePhone(one);
          if (!phone) {
            problem(column, "import.row.phone_invalid", one);
            continue;
          }
          bool known = false;
          for (const Phone& existing : person.phones) known = known || existing.e164 == *phone;
          if (!known) person.phones.push_back({*phone, column.phone_label});
        }
        break;
      }
      case ImportField::kEmail:
        person.email = value;
        break;
      case ImportField::kLanguages: {
        std::string rest = value;
        for (char& ch : rest) ch = (ch == ',' || ch == '/' || ch == ';' || ch == '+') ? '\n' : ch;
        std::size_t start = 0;
        while (start <= rest.size()) {
          const std::size_t end = std::min(rest.find('\n', start), rest.size());
          const std::string one = Trim(std::string_view(rest).substr(start, end - start));
          start = end + 1;
          if (one.empty()) continue;
          const std::string folded = core::FoldForSearch(one);
          if (folded == "et") continue;
          if (const auto code = ParseLanguage(one)) {
            bool known = false;
            for (const std::string& l : person.languages) known = known || l == *code;
            if (!known) person.languages.push_back(*code);
          } else {
            problem(column, "import.row.language_unknown", one);
          }
        }
        break;
      }
      case ImportField::kHearing:
        if (const auto hearing = ParseFrenchHearing(value)) {
          person.hearing = *hearing;
        } else {
          problem(column, "import.row.hearing_invalid", value);
        }
        break;
      case ImportField::kGround:
        if (const auto ground = ParseGround(value)) {
          row.register_fields.ground = *ground;
        } else {
          problem(column, "import.row.ground_invalid", value);
        }
        break;
      case ImportField::kHomeCareService:
        row.register_fields.home_care_service = value;
        break;
      case ImportField::kEmergencyContactName:
        row.register_fields.emergency_contact_name = value;
        break;
      case ImportField::kEmergencyContactPhone:
        if (const auto phone = core::ParsePhone(value)) {
          row.register_fields.emergency_contact_phone = *phone;
        } else {
          problem(column, "import.row.phone_invalid", value);
        }
        break;
    }
  }
  return row;
}

std::string RowHash(const ParsedRow& row) {
  const Person& p = row.person;
  const PostalAddress& a = p.address;
  std::string text;
  const auto add = [&text](std::string_view value) {
    text.append(value);
    text.push_back('\x1f');
  };
  add(std::to_string(static_cast<int>(p.civility)));
  add(p.last_name);
  add(p.birth_name);
  add(p.first_names);
  add(p.birth_date ? std::to_string(static_cast<int>(p.birth_date->year())) + "-" +
                         std::to_string(static_cast<unsigned>(p.birth_date->month())) + "-" +
                         std::to_string(static_cast<unsigned>(p.birth_date->day()))
                   : "");
  for (const std::string* field : {&a.number, &a.street, &a.complement, &a.building, &a.floor, &a.door_code,
                                   &a.postcode, &a.town, &a.access_notes, &p.email}) {
    add(*field);
  }
  for (const Phone& phone : p.phones) add(phone.e164 + "/" + phone.label);
  add("|");
  for (const std::string& language : p.languages) add(language);
  add(std::to_string(static_cast<int>(p.hearing)));
  const ImportedRegisterFields& r = row.register_fields;
  for (const std::string* field :
       {&r.ground, &r.home_care_service, &r.emergency_contact_name, &r.emergency_contact_phone}) {
    add(*field);
  }
  return core::Sha256Hex(text);
}

}  // namespace lien::registry
