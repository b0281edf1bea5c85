#include "auth/roles.hpp"

#include <algorithm>
#include <array>

namespace lien::auth {
namespace {

constexpr std::array kRoles = {Role::kAdmin,     Role::kCoordinator, Role::kSocialWorker, Role::kCaller, Role::kIntake,
                               Role::kLogistics, Role::kDriver,      Role::kPartner,      Role::kDpo};

constexpr std::array kPermissions = {Permission::kSession,        Permission::kUsersManage,
                                     Permission::kAuditRead,      Permission::kPersonsRead,
                                     Permission::kPersonsWrite,   Permission::kPersonsMerge,
                                     Permission::kPersonsImport,  Permission::kPersonsExport,
                                     Permission::kHouseholds,     Permission::kRegister,
                                     Permission::kRegisterAgents, Permission::kRegisterPrefectExport,
                                     Permission::kAlertsManage,   Permission::kRights,
                                     Permission::kRetention,      Permission::kCampaignsManage,
                                     Permission::kCallsWork,      Permission::kCallsSupervise,
                                     Permission::kFollowUp,       Permission::kReferralsPartner,
                                     Permission::kInbound,        Permission::kBreakGlass,
                                     Permission::kVisits};

struct Grant {
  Role role;
  Permission permission;
};

// THE permission table. One line a grant; anything absent is refused. docs/permissions.md is generated from
// it (`lien routes --markdown`) and a test checks the two agree.
constexpr std::array kGrants = {
    Grant{Role::kAdmin, Permission::kSession},
    Grant{Role::kAdmin, Permission::kUsersManage},
    Grant{Role::kCoordinator, Permission::kSession},
    Grant{Role::kSocialWorker, Permission::kSession},
    Grant{Role::kCaller, Permission::kSession},
    Grant{Role::kIntake, Permission::kSession},
    Grant{Role::kLogistics, Permission::kSession},
    Grant{Role::kDriver, Permission::kSession},
    Grant{Role::kPartner, Permission::kSession},
    Grant{Role::kDpo, Permission::kSession},
    Grant{Role::kDpo, Permission::kAuditRead},
    // Persons: social workers and coordinators hold persons and households; intake agents create and search
    // persons (contact fields only, see registry::ViewOf). Callers reach persons through their worklists only.
    Grant{Role::kCoordinator, Permission::kPersonsRead},
    Grant{Role::kCoordinator, Permission::kPersonsWrite},
    Grant{Role::kCoordinator, Permission::kPersonsMerge},
    Grant{Role::kCoordinator, Permission::kPersonsImport},
    Grant{Role::kCoordinator, Permission::kPersonsExport},
    Grant{Role::kCoordinator, Permission::kHouseholds},
    Grant{Role::kSocialWorker, Permission::kPersonsRead},
    Grant{Role::kSocialWorker, Permission::kPersonsWrite},
    Grant{Role::kSocialWorker, Permission::kPersonsMerge},
    Grant{Role::kSocialWorker, Permission::kPersonsImport},
    Grant{Role::kSocialWorker, Permission::kPersonsExport},
    Grant{Role::kSocialWorker, Permission::kHouseholds},
    Grant{Role::kIntake, Permission::kPersonsRead},
    Grant{Role::kIntake, Permission::kPersonsWrite},
    // The register: these roles may be designated; without a designation and the secrecy acknowledgement the
    // register routes refuse them all the same (registry::RequireRegisterAgent).
    Grant{Role::kCoordinator, Permission::kRegister},
    Grant{Role::kSocialWorker, Permission::kRegister},
    Grant{Role::kIntake, Permission::kRegister},
    Grant{Role::kCoordinator, Permission::kRegisterPrefectExport},
    Grant{Role::kAdmin, Permission::kRegisterAgents},
    Grant{Role::kCoordinator, Permission::kAlertsManage},
    // The DPO answers rights requests and runs retention.
    Grant{Role::kDpo, Permission::kRights},
    Grant{Role::kDpo, Permission::kRetention},
    // The call platform. Coordinators run it; social workers follow people up and may call; callers work their
    // own lists; intake agents take the inbound line; partners see the referrals sent to them.
    Grant{Role::kCoordinator, Permission::kCampaignsManage},
    Grant{Role::kCoordinator, Permission::kCallsWork},
    Grant{Role::kCoordinator, Permission::kCallsSupervise},
    Grant{Role::kCoordinator, Permission::kFollowUp},
    Grant{Role::kCoordinator, Permission::kInbound},
    Grant{Role::kCoordinator, Permission::kVisits},
    Grant{Role::kSocialWorker, Permission::kCallsWork},
    Grant{Role::kSocialWorker, Permission::kFollowUp},
    Grant{Role::kSocialWorker, Permission::kInbound},
    Grant{Role::kSocialWorker, Permission::kVisits},
    Grant{Role::kCaller, Permission::kCallsWork},
    Grant{Role::kCaller, Permission::kBreakGlass},
    Grant{Role::kIntake, Permission::kInbound},
    Grant{Role::kIntake, Permission::kBreakGlass},
    Grant{Role::kPartner, Permission::kReferralsPartner},
};

}  // namespace

std::span<const Role> AllRoles() { return kRoles; }
std::span<const Permission> AllPermissions() { return kPermissions; }

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kCoordinator:
      return "coordinator";
    case Role::kSocialWorker:
      return "social_worker";
    case Role::kCaller:
      return "caller";
    case Role::kIntake:
      return "intake";
    case Role::kLogistics:
      return "logistics";
    case Role::kDriver:
      return "driver";
    case Role::kPartner:
      return "partner";
    case Role::kDpo:
      return "dpo";
  }
  return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : kRoles) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

std::string_view PermissionName(Permission permission) {
  switch (permission) {
    case Permission::kSession:
      return "session";
    case Permission::kUsersManage:
      return "users.manage";
    case Permission::kAuditRead:
      return "audit.read";
    case Permission::kPersonsRead:
      return "persons.read";
    case Permission::kPersonsWrite:
      return "persons.write";
    case Permission::kPersonsMerge:
      return "persons.merge";
    case Permission::kPersonsImport:
      return "persons.import";
    case Permission::kPersonsExport:
      return "persons.export";
    case Permission::kHouseholds:
      return "households";
    case Permission::kRegister:
      return "register";
    case Permission::kRegisterAgents:
      return "register.agents";
    case Permission::kRegisterPrefectExport:
      return "register.prefect_export";
    case Permission::kAlertsManage:
      return "alerts.manage";
    case Permission::kRights:
      return "rights";
    case Permission::kRetention:
      return "retention";
    case Permission::kCampaignsManage:
      return "campaigns.manage";
    case Permission::kCallsWork:
      return "calls.work";
    case Permission::kCallsSupervise:
      return "calls.supervise";
    case Permission::kFollowUp:
      return "follow_up";
    case Permission::kReferralsPartner:
      return "referrals.partner";
    case Permission::kInbound:
      return "inbound";
    case Permission::kBreakGlass:
      return "break_glass";
    case Permission::kVisits:
      return "visits";
  }
  return "unknown";
}

std::optional<Permission> ParsePermission(std::string_view name) {
  for (Permission permission : kPermissions) {
    if (PermissionName(permission) == name) return permission;
  }
  return std::nullopt;
}

bool Allows(Role role, Permission permission) {
  return std::any_of(kGrants.begin(), kGrants.end(),
                     [&](const Grant& grant) { return grant.role == role && grant.permission == permission; });
}

std::vector<Permission> PermissionsOf(Role role) {
  std::vector<Permission> result;
  for (Permission permission : kPermissions) {
    if (Allows(role, permission)) result.push_back(permission);
  }
  return result;
}

bool TotpRequired(Role role) { return role == Role::kAdmin || role == Role::kDpo; }

}  // namespace lien::auth
