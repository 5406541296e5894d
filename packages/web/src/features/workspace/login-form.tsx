import { useState, type FormEvent } from "react";
import { errorText } from "../../api/client.js";
import { Field, FormFooter } from "../../forms/form-parts.js";
import { useI18n } from "../../i18n/i18n.js";

export function LoginForm({
  onLogin,
}: {
  readonly onLogin: (email: string, password: string) => Promise<void>;
}) {
  const tr = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onLogin(email, password);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="login" onSubmit={(e) => void submit(e)} aria-labelledby="login-h">
      <h2 id="login-h">{tr.t("signIn")}</h2>
      <p>{tr.t("signInNeeded")}</p>
      <Field id="login-email" label={tr.t("email")}>
        <input
          id="login-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field id="login-password" label={tr.t("password")}>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <FormFooter error={error} submit={tr.t("signIn")} disabled={busy} />
    </form>
  );
}
