import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function CreateWizard() {
  return <Page title="CreateWizard">Coming soon.</Page>;
}
