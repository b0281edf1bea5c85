#include "register/views.hpp"

namespace lien::registry {

std::string_view FieldGroupName(FieldGroup group) {
  switch (group) {
    case FieldGroup::kIdentity:
      return "identity";
    case FieldGroup::kContact:
      return "contact";
    case FieldGroup::kSituation:
      return "situation";
    case FieldGroup::kHistory:
      return "history";
    case FieldGroup::kHousehold:
      return "household";
    case FieldGroup::kRegister:
      return "register";
  }
  return "identity";
}

View View::All() {
  return View()
      .With(FieldGroup::kIdentity)
      .With(FieldGroup::kContact)
      .With(FieldGroup::kSituation)
      .With(FieldGroup::kHistory)
      .With(FieldGroup::kHousehold)
      .With(FieldGroup::kRegister);
}

View ViewOf(auth::Role role, bool designated) {
  View view;
  switch (role) {
    case auth::Role::kCoordinator:
    case auth::Role::kSocialWorker:
      view = View()
                 .With(FieldGroup::kIdentity)
                 .With(FieldGroup::kContact)
                 .With(FieldGroup::kSituation)
                 .With(FieldGroup::kHistory)
                 .With(FieldGroup::kHousehold);
      break;
    case auth::Role::kIntake:
      view = View().With(FieldGroup::kIdentity).With(FieldGroup::kContact);
      break;
    default:
      return View();  // a designation cannot open the register to a role outside the table
  }
  return designated ? view.With(FieldGroup::kRegister) : view;
}

std::string_view PurposeOf(View view) { return view.Has(FieldGroup::kSituation) ? "follow_up" : "contact"; }

}  // namespace lien::registry
