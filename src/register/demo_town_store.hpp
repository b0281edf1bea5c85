#pragma once
// Stores the demo town (demo_town.hpp) for `lien demo`: persons through the persons' store, then their
// register entries, households and last contacts, in the caller's write transaction. Idempotent: a database
// that already holds persons is left as it is.

#include <cstdint>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "register/demo_town.hpp"

namespace lien::registry {

struct DemoTownCounts {
  bool already_filled = false;  ///< persons were there: nothing was written
  std::int64_t persons = 0;
  std::int64_t register_entries = 0;
  std::int64_t households = 0;
};

DemoTownCounts StoreDemoTown(db::Connection& connection, const DemoTown& town, core::EpochMillis now);

}  // namespace lien::registry
