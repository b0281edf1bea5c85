#pragma once
// Breaking the glass (docs/calls.md, "Scope"): a caller or an intake agent opens a person outside their scope
// in an emergency by typing why; the grant lasts 12 hours and stays on the coordinator's list until reviewed.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace lien::calls {

inline constexpr core::EpochMillis kBreakGlassDuration = 12LL * 3600 * 1000;
inline constexpr std::size_t kBreakGlassReasonMinChars = 15;  ///< characters (code points), spaces around excluded
inline constexpr std::size_t kBreakGlassReasonMaxBytes = 1000;

/// The reason as stored (trimmed). Errors (field "reason"): `calls.break_glass_reason_too_short` under 15
/// characters, `validation.too_long` above 1,000 bytes.
core::Result<std::string> ValidBreakGlassReason(std::string_view reason);

}  // namespace lien::calls
