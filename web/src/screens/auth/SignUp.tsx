import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function SignUp() {
  return <Page title="SignUp">Coming soon.</Page>;
}
