#pragma once
// The hash chain that makes the audit trail tamper-evident: each entry's hash covers its content and the
// previous entry's hash, so altering or removing a row breaks every link after it.

#include <string>
#include <string_view>

#include "audit/entry.hpp"

namespace lien::audit {

/// The hash before the first entry.
inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

/// SHA-256 (hex) over the previous hash and every field of the entry, in a fixed unambiguous encoding.
std::string ChainHash(const std::string& prev_hash, core::EpochMillis at, const Event& event);

}  // namespace lien::audit
