#pragma once
// Roles, permissions and the one table that says which role may do what. Deny by default: a permission not
// granted here is refused, and every route names one permission (or is public).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lien::auth {

enum class Role { kAdmin, kCoordinator, kSocialWorker, kCaller, kIntake, kLogistics, kDriver, kPartner, kDpo };

/// Each permission is one kind of access a route can require. Keep PermissionName in step.
enum class Permission {
  kSession,      ///< Any signed-in account: its own session, password and second factor.
  kUsersManage,  ///< Create, edit, disable accounts; reset passwords and second factors.
  kAuditRead,    ///< Read and verify the audit trail.
  // Persons and the register (docs/register.md). What a role sees of a person is narrowed further by
  // registry::ViewOf (field groups per purpose); the register also needs a designation by name.
  kPersonsRead,            ///< Search and open persons (the fields of the role's view).
  kPersonsWrite,           ///< Create persons and edit the fields of the role's view.
  kPersonsMerge,           ///< Merge two records of the same person.
  kPersonsImport,          ///< Import a spreadsheet of persons.
  kPersonsExport,          ///< Export a filtered list of persons (.xlsx, CSV) and print visit sheets.
  kHouseholds,             ///< Read and edit households (delivery purpose).
  kRegister,               ///< The register of vulnerable persons, for accounts designated by name.
  kRegisterAgents,         ///< Designate and revoke register agents.
  kRegisterPrefectExport,  ///< Send the register to the prefect while an alert plan is declared.
  kAlertsManage,           ///< Declare and end an alert plan.
  kRights,                 ///< Answer a person's rights requests: access, erasure.
  kRetention,              ///< Review and run the retention purge.
  // The call platform (docs/calls.md). Callers and intake agents are further scoped in the queries: a caller
  // reaches only the people on their own worklists, unless they break the glass with a reason.
  kCampaignsManage,   ///< Create and run call campaigns: scripts, targets, enrolments, callers' roster, planning.
  kCallsWork,         ///< Work one's own worklist: the people on it, their calls and needs.
  kCallsSupervise,    ///< Every worklist, escalations, overdue referrals, break-glass review, figures.
  kFollowUp,          ///< Any person's follow-up: profile, emergency contacts, calls, needs, referrals.
  kReferralsPartner,  ///< A partner's own referrals: read them and update their status.
  kInbound,           ///< The inbound line: take calls, route requests, work a queue.
  kBreakGlass,        ///< Open a person outside one's scope in an emergency, with a reason (audited).
  kVisits,            ///< Home visits after an escalation: the ones assigned to the account.
};

std::span<const Role> AllRoles();
std::span<const Permission> AllPermissions();

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
std::string_view PermissionName(Permission permission);
std::optional<Permission> ParsePermission(std::string_view name);

/// The permission table.
bool Allows(Role role, Permission permission);

/// The permissions a role holds, in AllPermissions() order.
std::vector<Permission> PermissionsOf(Role role);

/// Roles whose accounts must use a second factor (TOTP) before doing anything else.
bool TotpRequired(Role role);

/// Name used by routes that need no session (login, health, metrics).
inline constexpr std::string_view kPublic = "public";

}  // namespace lien::auth
