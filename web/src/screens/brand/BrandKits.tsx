import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function BrandKits() {
  return <Page title="BrandKits">Coming soon.</Page>;
}
