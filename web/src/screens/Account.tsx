// Your account: profile and two-factor sign-in.
import { Page } from "../components/ui";
import "./account/account.css";
import { Profile } from "./account/Profile";
import { TwoFactor } from "./account/TwoFactor";

export default function Account() {
  return (
    <Page title="Your account">
      <div className="account-cols">
        <Profile />
        <TwoFactor />
      </div>
    </Page>
  );
}
