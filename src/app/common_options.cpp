#include "app/commands.hpp"

namespace lien::app {

CLI::Option* AddDbOption(CLI::App& command, std::string& location) {
  return command
      .add_option("--db", location,
                  "Database: a SQLite file path, or a PostgreSQL URL (postgresql://user@host:port/dbname)")
      ->envname("LIEN_DB")
      ->capture_default_str();
}

}  // namespace lien::app
