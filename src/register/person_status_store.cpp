#include "register/person_status_store.hpp"

namespace lien::registry {

core::Result<Person> RecordPersonStatus(db::Connection& connection, std::int64_t person_id, PersonStatus status,
                                        const ChangeAuthor& author, core::EpochMillis now, std::string_view action) {
  auto persons = LoadPersons(connection, {person_id});
  if (persons.empty()) return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
  Person person = std::move(persons.front());
  if (person.status == status && !person.status_until) return person;
  const std::int64_t version = person.version;
  person.status = status;
  person.status_until.reset();
  return UpdatePerson(connection, person, version, author, now, action);
}

}  // namespace lien::registry
