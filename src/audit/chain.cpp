#include "audit/chain.hpp"

#include "core/crypto.hpp"

namespace lien::audit {
namespace {

// Length-prefixed fields: no separator inside a value can make two different entries hash alike.
void Field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

}  // namespace

std::string ChainHash(const std::string& prev_hash, core::EpochMillis at, const Event& event) {
  std::string canonical;
  canonical.reserve(512);
  Field(canonical, prev_hash);
  Field(canonical, std::to_string(at));
  Field(canonical, event.actor_id ? std::to_string(*event.actor_id) : std::string());
  Field(canonical, event.actor_login);
  Field(canonical, event.actor_role);
  Field(canonical, event.action);
  Field(canonical, event.subject_type);
  Field(canonical, event.subject_id);
  Field(canonical, event.client_address);
  Field(canonical, event.request_id);
  Field(canonical, event.purpose);
  Field(canonical, event.outcome);
  for (const auto& [key, value] : event.details) {
    Field(canonical, key);
    Field(canonical, value);
  }
  return core::Sha256Hex(canonical);
}

}  // namespace lien::audit
