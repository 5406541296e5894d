import { useCallback, useEffect, useState } from "react";
import { api, ApiError, setCsrfToken, type User } from "../../api/client.js";

interface SessionBody {
  readonly user: User;
  readonly csrfToken: string | null;
}

export interface Session {
  /** undefined while checking, null when signed out. */
  readonly user: User | null | undefined;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

/** The signed-in user (cookie session); asks the server only when a session cookie may exist. */
export function useSession(): Session {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    if (!document.cookie.includes("kera_csrf=")) {
      setUser(null);
      return;
    }
    api<SessionBody>("GET", "/auth/me").then(
      (s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      },
      () => setUser(null),
    );
  }, []);
  const login = useCallback(async (email: string, password: string) => {
    const s = await api<SessionBody>("POST", "/auth/login", { email, password });
    setCsrfToken(s.csrfToken);
    setUser(s.user);
  }, []);
  const logout = useCallback(async () => {
    await api("POST", "/auth/logout").catch((e: unknown) => {
      if (!(e instanceof ApiError)) throw e;
    });
    setCsrfToken(null);
    setUser(null);
  }, []);
  return { user, login, logout };
}
