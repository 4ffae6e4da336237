// The creative catalog (fonts, voices), loaded once per page and shared by the editor's fields.
import { api, unwrap, type Schemas } from "../../api/client";
import { useAsync, type Async } from "../../components/hooks";

export type Catalog = Schemas["Catalog"];

let cached: Promise<Catalog> | null = null;

function loadCatalog(): Promise<Catalog> {
  // The catalog changes only when the server's engines do: keep one copy per page load.
  cached ??= unwrap(api.GET("/api/v1/catalog")).catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

export function useCatalog(): Async<Catalog> {
  return useAsync(loadCatalog, []);
}
