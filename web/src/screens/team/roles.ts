// Roles as people read them, and what the caller may hand out.

export const ROLE_LABEL: Record<string, string> = {
  viewer: "Viewer",
  editor: "Editor",
  admin: "Admin",
  owner: "Owner",
};

export const ROLE_HELP: Record<string, string> = {
  viewer: "Viewers can watch and download videos, and see brand kits and templates.",
  editor: "Editors can also create videos, brand kits and templates.",
  admin: "Admins can also manage the team, API keys and webhooks.",
  owner: "Owners have full control, including deleting the organisation.",
};

export type Role = "viewer" | "editor" | "admin" | "owner";

/** The roles this caller may grant: only owners hand out (or take away) owner. */
export function grantable(canOwners: boolean): Role[] {
  return canOwners ? ["viewer", "editor", "admin", "owner"] : ["viewer", "editor", "admin"];
}

export function roleLabel(role: string): string {
  return ROLE_LABEL[role] ?? role;
}

export function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });
}
