#pragma once
// The figures as one spreadsheet list, French headings, one line per figure (indicator, detail, day, value) so
// that the same table reads in Excel, filters with its autofilter and pivots; the per-day series comes last,
// one line per day and figure.

#include <optional>
#include <string>

#include "calls/figures_rules.hpp"
#include "calls/figures_store.hpp"
#include "documents/spreadsheet.hpp"

namespace lien::calls {

/// `decimal_comma`: write the share reached "61,9" (CSV for French Excel) rather than "61.9" (a number in .xlsx).
documents::Sheet FiguresSheet(const Figures& figures, const std::optional<FiguresCampaign>& campaign,
                              bool decimal_comma);

/// "chiffres-jour-2025-07-15", "chiffres-semaine-2025-W29", "chiffres-campagne-3-2025-06-01-2025-07-15".
std::string FiguresFileStem(const Figures& figures);

}  // namespace lien::calls
