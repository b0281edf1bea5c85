#include "calls/break_glass_rules.hpp"

namespace lien::calls {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t CodePoints(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;  // not a continuation byte
  }
  return count;
}

}  // namespace

core::Result<std::string> ValidBreakGlassReason(std::string_view reason) {
  while (!reason.empty() && IsSpace(reason.front())) reason.remove_prefix(1);
  while (!reason.empty() && IsSpace(reason.back())) reason.remove_suffix(1);
  if (reason.size() > kBreakGlassReasonMaxBytes) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.too_long", "reason",
                      {{"max", std::to_string(kBreakGlassReasonMaxBytes)}});
  }
  if (CodePoints(reason) < kBreakGlassReasonMinChars) {
    return core::Fail(core::ErrorCode::kInvalidInput, "calls.break_glass_reason_too_short", "reason",
                      {{"min", std::to_string(kBreakGlassReasonMinChars)}});
  }
  return std::string(reason);
}

}  // namespace lien::calls
