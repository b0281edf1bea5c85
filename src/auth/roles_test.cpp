#include "auth/roles.hpp"

#include <gtest/gtest.h>

namespace lien::auth {
namespace {

TEST(Roles, NamesRoundTrip) {
  for (auto role : AllRoles()) EXPECT_EQ(ParseRole(RoleName(role)), role);
  for (auto permission : AllPermissions()) EXPECT_EQ(ParsePermission(PermissionName(permission)), permission);
  EXPECT_FALSE(ParseRole("superuser").has_value());
  EXPECT_EQ(AllRoles().size(), 9U);
}

TEST(Roles, EveryRoleHasItsOwnSessionAndNothingElseByDefault) {
  for (auto role : AllRoles()) EXPECT_TRUE(Allows(role, Permission::kSession)) << RoleName(role);
  EXPECT_TRUE(Allows(Role::kAdmin, Permission::kUsersManage));
  EXPECT_FALSE(Allows(Role::kAdmin, Permission::kAuditRead)) << "the DPO reads the trail, not the admin";
  EXPECT_TRUE(Allows(Role::kDpo, Permission::kAuditRead));
  EXPECT_FALSE(Allows(Role::kDpo, Permission::kUsersManage));
  EXPECT_FALSE(Allows(Role::kCaller, Permission::kUsersManage));
  EXPECT_FALSE(Allows(Role::kPartner, Permission::kAuditRead));
}

TEST(Roles, PartnersDriversAndCallersHoldNothingOfTheRegisterModule) {
  for (auto role : {Role::kPartner, Role::kDriver, Role::kCaller, Role::kLogistics}) {
    for (auto permission :
         {Permission::kPersonsRead, Permission::kPersonsWrite, Permission::kPersonsMerge, Permission::kPersonsImport,
          Permission::kPersonsExport, Permission::kHouseholds, Permission::kRegister, Permission::kRegisterAgents,
          Permission::kRegisterPrefectExport, Permission::kAlertsManage, Permission::kRights, Permission::kRetention}) {
      EXPECT_FALSE(Allows(role, permission)) << RoleName(role) << " " << PermissionName(permission);
    }
  }
  // Only the DPO answers rights requests and runs retention; intake agents neither merge nor export.
  for (auto role : AllRoles()) {
    EXPECT_EQ(Allows(role, Permission::kRights), role == Role::kDpo) << RoleName(role);
    EXPECT_EQ(Allows(role, Permission::kRetention), role == Role::kDpo) << RoleName(role);
  }
  EXPECT_TRUE(Allows(Role::kIntake, Permission::kPersonsWrite));
  EXPECT_FALSE(Allows(Role::kIntake, Permission::kPersonsMerge));
  EXPECT_FALSE(Allows(Role::kIntake, Permission::kPersonsExport));
  EXPECT_FALSE(Allows(Role::kIntake, Permission::kHouseholds));
  EXPECT_FALSE(Allows(Role::kAdmin, Permission::kRegister)) << "the admin designates agents, it does not read";
}

TEST(Roles, CallPlatformIsScopedByRole) {
  for (auto role : AllRoles()) {
    // Only partners see referrals from the partner's side, and they see nothing else of the platform.
    EXPECT_EQ(Allows(role, Permission::kReferralsPartner), role == Role::kPartner) << RoleName(role);
    // Running campaigns and watching every worklist is the coordinator's.
    EXPECT_EQ(Allows(role, Permission::kCampaignsManage), role == Role::kCoordinator) << RoleName(role);
    EXPECT_EQ(Allows(role, Permission::kCallsSupervise), role == Role::kCoordinator) << RoleName(role);
  }
  EXPECT_TRUE(Allows(Role::kCaller, Permission::kCallsWork));
  EXPECT_FALSE(Allows(Role::kCaller, Permission::kFollowUp)) << "a caller reaches people through their worklist";
  EXPECT_FALSE(Allows(Role::kCaller, Permission::kPersonsRead));
  EXPECT_TRUE(Allows(Role::kIntake, Permission::kInbound));
  EXPECT_FALSE(Allows(Role::kPartner, Permission::kCallsWork));
  EXPECT_FALSE(Allows(Role::kPartner, Permission::kPersonsRead));
}

TEST(Roles, SecondFactorMandatoryForAdminAndDpoOnly) {
  for (auto role : AllRoles()) {
    EXPECT_EQ(TotpRequired(role), role == Role::kAdmin || role == Role::kDpo) << RoleName(role);
  }
}

}  // namespace
}  // namespace lien::auth
