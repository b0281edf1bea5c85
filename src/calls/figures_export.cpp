#include "calls/figures_export.hpp"

#include <array>
#include <cstdio>
#include <string_view>
#include <utility>

#include "calls/referral_rules.hpp"
#include "calls/schedule_text.hpp"

namespace lien::calls {
namespace {

constexpr std::array<std::pair<std::string_view, const char*>, 6> kServiceNames = {{
    {"home_help", "Aide à domicile"},
    {"meal_delivery", "Portage de repas"},
    {"psychologists", "Ligne des psychologues"},
    {"emergency_aid", "Aide d'urgence"},
    {"social_worker", "Travailleur social"},
    {"charity", "Association"},
}};
constexpr std::array<std::pair<std::string_view, const char*>, 6> kStateNames = {{
    {"proposed", "proposées"},
    {"sent", "envoyées"},
    {"accepted", "acceptées"},
    {"refused", "refusées"},
    {"done", "réalisées"},
    {"cancelled", "annulées"},
}};

template <std::size_t N>
std::string FrenchName(const std::array<std::pair<std::string_view, const char*>, N>& names, std::string_view word) {
  for (const auto& [key, name] : names) {
    if (key == word) return name;
  }
  return std::string(word);
}

std::string PeriodDetail(const Figures& figures, const std::optional<FiguresCampaign>& campaign) {
  switch (figures.period.kind) {
    case FiguresPeriodKind::kDay:
      return "Journée du " + figures.period.label;
    case FiguresPeriodKind::kWeek:
      return "Semaine " + figures.period.label;
    case FiguresPeriodKind::kCampaign:
      return "Campagne " + (campaign ? campaign->name : std::to_string(figures.campaign_id.value_or(0)));
  }
  return figures.period.label;
}

std::string Percent(double share, bool decimal_comma) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", share * 100.0);
  std::string out = text;
  if (decimal_comma) {
    for (char& c : out) {
      if (c == '.') c = ',';
    }
  }
  return out;
}

}  // namespace

documents::Sheet FiguresSheet(const Figures& figures, const std::optional<FiguresCampaign>& campaign,
                              bool decimal_comma) {
  documents::Sheet sheet;
  sheet.name = "Chiffres";
  sheet.columns = {{"Indicateur", 44, documents::CellKind::kText},
                   {"Détail", 36, documents::CellKind::kText},
                   {"Jour", 12, documents::CellKind::kDate},
                   {"Valeur", 12, documents::CellKind::kNumber}};
  auto& rows = sheet.rows;
  const auto add = [&rows](std::string indicator, std::string detail, std::string day, std::string value) {
    rows.push_back({std::move(indicator), std::move(detail), std::move(day), std::move(value)});
  };
  const auto count = [](std::int64_t value) { return std::to_string(value); };
  add("Période", PeriodDetail(figures, campaign), FormatCalendarDay(figures.period.first_day), "");
  add("Fin de période", "", FormatCalendarDay(figures.period.last_day), "");
  add("Appels passés", "", "", count(figures.calls));
  add("Appels aboutis (personne jointe)", "", "", count(figures.reached));
  const auto share = ShareReached(figures.calls, figures.reached);
  add("Part des appels aboutis (%)", share ? "" : "aucun appel", "", share ? Percent(*share, decimal_comma) : "");
  add("Personnes jointes", "", "", count(figures.persons_reached));
  add("Fiches traitées (inscriptions appelées)", "", "", count(figures.records_processed));
  std::int64_t referrals = 0;
  for (const ReferralRow& row : ReferralTable(figures.referrals)) {
    referrals += row.total;
    const auto states = ReferralStates();
    for (std::size_t s = 0; s < states.size(); ++s) {
      if (row.by_state[s] == 0) continue;
      add("Orientations", FrenchName(kServiceNames, row.service) + " — " + FrenchName(kStateNames, states[s]), "",
          count(row.by_state[s]));
    }
  }
  add("Orientations (total)", "", "", count(referrals));
  add("Escalades ouvertes sur la période", "", "", count(figures.escalations_opened));
  add("Escalades closes sur la période", "", "", count(figures.escalations_closed));
  add("Escalades en cours", "à l'heure de l'export", "", count(figures.escalations_open_now));
  add("Inscrits non joints depuis 24 h", "à l'heure de l'export", "", count(figures.enrolled_not_reached_24h));
  add("Situations suivies", "à l'heure de l'export", "", count(figures.situations_followed));
  for (const DayFigures& day : figures.days) {
    const std::string date = FormatCalendarDay(day.day);
    add("Appels du jour", "", date, count(day.calls));
    add("Appels aboutis du jour", "", date, count(day.reached));
    add("Escalades ouvertes du jour", "", date, count(day.escalations_opened));
  }
  return sheet;
}

std::string FiguresFileStem(const Figures& figures) {
  switch (figures.period.kind) {
    case FiguresPeriodKind::kDay:
      return "chiffres-jour-" + figures.period.label;
    case FiguresPeriodKind::kWeek:
      return "chiffres-semaine-" + figures.period.label;
    case FiguresPeriodKind::kCampaign:
      return "chiffres-campagne-" + std::to_string(figures.campaign_id.value_or(0)) + "-" +
             FormatCalendarDay(figures.period.first_day) + "-" + FormatCalendarDay(figures.period.last_day);
  }
  return "chiffres";
}

}  // namespace lien::calls
