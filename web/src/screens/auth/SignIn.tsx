import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function SignIn() {
  return <Page title="SignIn">Coming soon.</Page>;
}
