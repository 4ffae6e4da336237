import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function BrandKitEditor() {
  return <Page title="BrandKitEditor">Coming soon.</Page>;
}
