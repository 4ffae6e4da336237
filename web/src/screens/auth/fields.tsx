// The account fields several forms ask for: an e-mail address, a password, an authenticator code.
import type { ComponentProps } from "react";

import { TextField } from "../../components/ui";
import { PASSWORD_RULES } from "./forms";

type Props = Omit<ComponentProps<typeof TextField>, "label"> & { label?: string };

export function EmailField({ label = "Email", ...rest }: Props) {
  return <TextField label={label} type="email" autoComplete="email" required {...rest} />;
}

/** A password; `fresh` when choosing one (password managers offer a new one, the rules are the hint). */
export function PasswordField({ label = "Password", fresh = false, ...rest }: Props & { fresh?: boolean }) {
  return <TextField label={label} type="password" autoComplete={fresh ? "new-password" : "current-password"} required hint={fresh ? PASSWORD_RULES : undefined} {...rest} />;
}

/** The 6-digit code an authenticator app shows (a space in the middle is fine). */
export function CodeField(props: Props) {
  return (
    <TextField
      label="6-digit code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]{6,7}"
      maxLength={7}
      required
      className="otp-input"
      {...props}
    />
  );
}
