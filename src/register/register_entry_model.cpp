#include "register/register_entry_model.hpp"

#include <array>
#include <cstdio>

namespace lien::registry {
namespace {

constexpr std::array<std::string_view, 7> kGrounds = {
    "age_65",        "age_60_unfit",  "disabled_aah",    "disabled_pch_actp",
    "disabled_card", "disabled_rqth", "disabled_pension"};
constexpr std::array<std::string_view, 3> kRequesters = {"self", "legal_representative", "third_party"};
constexpr std::array<std::string_view, 5> kRelations = {"relative", "neighbour", "doctor", "home_help", "other"};

}  // namespace

std::span<const std::string_view> RegisterGrounds() { return kGrounds; }
std::span<const std::string_view> Requesters() { return kRequesters; }
std::span<const std::string_view> RequesterRelations() { return kRelations; }

std::string_view GroundLabel(std::string_view ground) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kLabels = {{
      {"age_65", "Personne âgée de 65 ans et plus"},
      {"age_60_unfit", "Personne de plus de 60 ans reconnue inapte au travail"},
      {"disabled_aah", "Adulte handicapé : allocation aux adultes handicapés (AAH)"},
      {"disabled_pch_actp", "Adulte handicapé : prestation de compensation (PCH) ou ACTP"},
      {"disabled_card", "Adulte handicapé : carte d'invalidité ou carte mobilité inclusion"},
      {"disabled_rqth", "Adulte handicapé : reconnaissance de la qualité de travailleur handicapé (RQTH)"},
      {"disabled_pension", "Adulte handicapé : pension d'invalidité"},
  }};
  for (const auto& [code, label] : kLabels) {
    if (code == ground) return label;
  }
  return ground;
}

std::string IsoDate(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  auto number = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const Date date{std::chrono::year{number(0, 4)}, std::chrono::month{static_cast<unsigned>(number(5, 2))},
                  std::chrono::day{static_cast<unsigned>(number(8, 2))}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace lien::registry
