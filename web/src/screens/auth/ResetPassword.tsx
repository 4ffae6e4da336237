import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function ResetPassword() {
  return <Page title="ResetPassword">Coming soon.</Page>;
}
