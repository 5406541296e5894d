import { useState, type FormEvent } from "react";
import { errorText } from "../../api/client.js";
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
      <div className="field">
        <label htmlFor="login-email">{tr.t("email")}</label>
        <input
          id="login-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">{tr.t("password")}</label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {error ? (
        <p role="alert" className="issues">
          {error}
        </p>
      ) : null}
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {tr.t("signIn")}
        </button>
      </p>
    </form>
  );
}
