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

TEST(Roles, SecondFactorMandatoryForAdminAndDpoOnly) {
  for (auto role : AllRoles()) {
    EXPECT_EQ(TotpRequired(role), role == Role::kAdmin || role == Role::kDpo) << RoleName(role);
  }
}

}  // namespace
}  // namespace lien::auth
