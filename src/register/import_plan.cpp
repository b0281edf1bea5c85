#include "register/import_plan.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "register/person_rules.hpp"

namespace lien::registry {
namespace {

constexpr std::size_t kMaxPhones = 10;

std::string IdentityKey(const Person& person) {
  if (!person.birth_date) return {};
  return core::FoldCompact(person.last_name) + "|" + core::FoldCompact(person.first_names) + "|" +
         FormatDate(*person.birth_date);
}

// The API name of the fields a column fills, to point ValidatePerson's errors at the column.
std::vector<std::string> ApiFieldsOf(ImportField field) {
  switch (field) {
    case ImportField::kLastName:
      return {"last_name"};
    case ImportField::kBirthName:
      return {"birth_name"};
    case ImportField::kFirstNames:
      return {"first_names"};
    case ImportField::kFullName:
      return {"last_name", "first_names"};
    case ImportField::kCivility:
      return {"civility"};
    case ImportField::kBirthDate:
      return {"birth_date"};
    case ImportField::kAddress:
      return {"address.number", "address.street"};
    case ImportField::kAddressNumber:
      return {"address.number"};
    case ImportField::kStreet:
      return {"address.street"};
    case ImportField::kComplement:
      return {"address.complement"};
    case ImportField::kBuilding:
      return {"address.building"};
    case ImportField::kFloor:
      return {"address.floor"};
    case ImportField::kDoorCode:
      return {"address.door_code"};
    case ImportField::kPostcode:
      return {"address.postcode"};
    case ImportField::kTown:
      return {"address.town"};
    case ImportField::kPostcodeTown:
      return {"address.postcode", "address.town"};
    case ImportField::kAccessNotes:
      return {"address.access_notes"};
    case ImportField::kPhone:
      return {"phones"};
    case ImportField::kEmail:
      return {"email"};
    case ImportField::kLanguages:
      return {"languages"};
    case ImportField::kHearing:
      return {"hearing"};
    default:
      return {};
  }
}

std::string ColumnOfApiField(const std::vector<ColumnMapping>& columns, const std::string& api_field) {
  const std::string base = api_field.substr(0, api_field.find('['));
  for (const ColumnMapping& column : columns) {
    for (const std::string& name : ApiFieldsOf(column.field)) {
      if (name == base) return column.heading;
    }
  }
  return api_field;
}

const char* IssueKey(documents::CsvIssue issue) {
  switch (issue) {
    case documents::CsvIssue::kUnterminatedQuote:
      return "import.row.unterminated_quote";
    case documents::CsvIssue::kTooManyFields:
      return "import.row.too_many_fields";
    case documents::CsvIssue::kTooFewFields:
      return "import.row.too_few_fields";
    case documents::CsvIssue::kNone:
      break;
  }
  return "";
}

// `stored` with what the file says on top: values given replace, phones and languages are added.
Person Merge(const Person& stored, const Person& file) {
  Person merged = stored;
  const auto take = [](std::string& target, const std::string& value) {
    if (!value.empty()) target = value;
  };
  if (file.civility != Civility::kUnknown) merged.civility = file.civility;
  take(merged.last_name, file.last_name);
  take(merged.birth_name, file.birth_name);
  take(merged.first_names, file.first_names);
  if (file.birth_date) merged.birth_date = file.birth_date;
  PostalAddress& a = merged.address;
  const PostalAddress& f = file.address;
  for (const auto& [target, value] :
       std::initializer_list<std::pair<std::string*, const std::string*>>{{&a.number, &f.number},
                                                                          {&a.street, &f.street},
                                                                          {&a.complement, &f.complement},
                                                                          {&a.building, &f.building},
                                                                          {&a.floor, &f.floor},
                                                                          {&a.door_code, &f.door_code},
                                                                          {&a.postcode, &f.postcode},
                                                                          {&a.town, &f.town},
                                                                          {&a.access_notes, &f.access_notes}}) {
    take(*target, *value);
  }
  take(merged.email, file.email);
  for (const Phone& phone : file.phones) {
    const bool known = std::any_of(merged.phones.begin(), merged.phones.end(),
                                   [&phone](const Phone& p) { return p.e164 == phone.e164; });
    if (!known && merged.phones.size() < kMaxPhones) merged.phones.push_back(phone);
  }
  for (const std::string& language : file.languages) {
    if (std::find(merged.languages.begin(), merged.languages.end(), language) == merged.languages.end()) {
      merged.languages.push_back(language);
    }
  }
  if (file.hearing != HearingDifficulty::kUnknown) merged.hearing = file.hearing;
  return merged;
}

}  // namespace

core::Result<std::vector<ColumnMapping>> CheckedMapping(const documents::CsvTable& table,
                                                        const ImportSettings& settings) {
  // "" is how the UI says "ignore this column".
  std::map<std::string, std::string> user;
  for (const auto& [heading, code] : settings.mapping) user[heading] = code.empty() ? "ignore" : code;
  MappingResult mapping = MapColumns(table.header, user);
  if (!mapping.unknown_headings.empty()) {
    return core::Fail(core::ErrorCode::kInvalidInput, "import.mapping_unknown_heading", "mapping",
                      {{"heading", mapping.unknown_headings.front()}});
  }
  if (!mapping.unknown_fields.empty()) {
    return core::Fail(core::ErrorCode::kInvalidInput, "import.mapping_unknown_field", "mapping",
                      {{"field", mapping.unknown_fields.front()}});
  }
  const auto has = [&mapping](ImportField field) {
    return std::any_of(mapping.columns.begin(), mapping.columns.end(),
                       [field](const ColumnMapping& c) { return c.field == field; });
  };
  if (!has(ImportField::kLastName) && !has(ImportField::kFullName)) {
    return core::Fail(core::ErrorCode::kInvalidInput, "import.no_name_column", "mapping");
  }
  if (settings.existing_register && !has(ImportField::kGround)) {
    return core::Fail(core::ErrorCode::kInvalidInput, "import.register_needs_ground", "existing_register");
  }
  return std::move(mapping.columns);
}

ImportPlan PlanImport(const documents::CsvTable& table, const std::vector<ColumnMapping>& columns,
                      const ImportSettings& settings, std::span<const Person> existing,
                      const std::unordered_map<std::string, std::int64_t>& known_hashes, const Date& today) {
  ImportPlan plan;
  plan.columns = columns;
  plan.rows_read = table.rows.size();

  std::unordered_map<std::int64_t, std::size_t> existing_by_id;
  std::unordered_map<std::string, std::vector<std::size_t>> existing_by_identity;
  for (std::size_t i = 0; i < existing.size(); ++i) {
    existing_by_id[existing[i].id] = i;
    const std::string key = IdentityKey(existing[i]);
    if (!key.empty()) existing_by_identity[key].push_back(i);
  }
  std::unordered_map<std::string, std::size_t> hashes_in_file;  // hash → line of its first row
  std::set<std::int64_t> touched;  // stored persons already updated or matched by an earlier row

  for (const documents::CsvRecord& record : table.rows) {
    if (record.issue != documents::CsvIssue::kNone) {
      ImportRejection rejection{record.issue_line, "", IssueKey(record.issue), {}};
      rejection.args = {{"expected", std::to_string(table.header.size())},
                        {"found", std::to_string(record.fields.size())}};
      plan.rejected.push_back(std::move(rejection));
      ++plan.rejected_rows;
      continue;
    }
    ParsedRow row = ParseImportRow(record.fields, columns, settings.existing_register, today);
    if (row.problems.empty()) {
      if (auto valid = ValidatePerson(row.person, today); !valid) {
        row.problems.push_back(
            {ColumnOfApiField(columns, valid.error().field), valid.error().message_key, valid.error().args});
      }
      if (settings.existing_register && row.register_fields.ground.empty()) {
        for (const ColumnMapping& column : columns) {
          if (column.field == ImportField::kGround)
            row.problems.push_back({column.heading, "import.row.ground_missing", {}});
        }
      }
    }
    if (!row.problems.empty()) {
      for (RowProblem& problem : row.problems) {
        plan.rejected.push_back(
            {record.line, std::move(problem.column), std::move(problem.message_key), std::move(problem.args)});
      }
      ++plan.rejected_rows;
      continue;
    }
    PlannedRow planned;
    planned.line = record.line;
    planned.row_hash = RowHash(row);
    planned.register_fields = std::move(row.register_fields);
    if (hashes_in_file.contains(planned.row_hash)) {
      // The same row twice in the file: the first one does the work.
      planned.action = RowAction::kUnchanged;
      ++plan.unchanged;
      continue;
    }
    hashes_in_file[planned.row_hash] = record.line;
    if (const auto known = known_hashes.find(planned.row_hash); known != known_hashes.end()) {
      if (const auto at = existing_by_id.find(known->second); at != existing_by_id.end()) {
        planned.action = RowAction::kUnchanged;
        planned.person = existing[at->second];
        ++plan.unchanged;
        touched.insert(known->second);
        plan.rows.push_back(std::move(planned));
        continue;
      }
    }
    const std::string identity = IdentityKey(row.person);
    const auto same = identity.empty() ? existing_by_identity.end() : existing_by_identity.find(identity);
    if (same != existing_by_identity.end()) {
      const Person& stored = existing[same->second.front()];
      if (touched.contains(stored.id)) {
        // A second row about a person an earlier row already matched: its changes would fight the first's.
        planned.action = RowAction::kUnchanged;
        planned.person = stored;
        ++plan.unchanged;
        plan.rows.push_back(std::move(planned));
        continue;
      }
      touched.insert(stored.id);
      Person merged = Merge(stored, row.person);
      if (DiffPersons(stored, merged).empty()) {
        planned.action = RowAction::kUnchanged;
        planned.person = stored;
        ++plan.unchanged;
      } else if (auto valid = ValidatePerson(merged, today); !valid) {
        plan.rejected.push_back({record.line, ColumnOfApiField(columns, valid.error().field), valid.error().message_key,
                                 valid.error().args});
        ++plan.rejected_rows;
        continue;
      } else {
        planned.action = RowAction::kUpdate;
        planned.expected_version = stored.version;
        planned.person = std::move(merged);
        ++plan.updated;
      }
      plan.rows.push_back(std::move(planned));
      continue;
    }
    planned.action = RowAction::kCreate;
    planned.person = std::move(row.person);
    ++plan.created;
    plan.rows.push_back(std::move(planned));
  }

  // Duplicates of the rows to create: against the register, then among themselves.
  std::vector<std::size_t> creations;
  std::vector<Person> created_persons;
  for (std::size_t i = 0; i < plan.rows.size(); ++i) {
    if (plan.rows[i].action != RowAction::kCreate) continue;
    creations.push_back(i);
    created_persons.push_back(plan.rows[i].person);
  }
  std::set<std::size_t> flagged_lines;
  if (!existing.empty() && !creations.empty()) {
    const DuplicateIndex index(existing);
    for (const std::size_t i : creations) {
      const auto matches = index.Find(plan.rows[i].person);
      if (matches.empty()) continue;
      const DuplicateMatch& best = matches.front();
      plan.flags.push_back({plan.rows[i].line, existing[best.index].id, std::nullopt, best.score, best.reasons});
      flagged_lines.insert(plan.rows[i].line);
    }
  }
  for (const DuplicatePair& pair : FindAllDuplicatePairs(created_persons)) {
    const PlannedRow& first = plan.rows[creations[pair.first]];
    const PlannedRow& second = plan.rows[creations[pair.second]];
    plan.flags.push_back({second.line, std::nullopt, first.line, pair.score, pair.reasons});
    flagged_lines.insert(second.line);
  }
  std::sort(plan.flags.begin(), plan.flags.end(),
            [](const ImportFlag& a, const ImportFlag& b) { return a.line < b.line; });
  plan.flagged = flagged_lines.size();
  return plan;
}

}  // namespace lien::registry
