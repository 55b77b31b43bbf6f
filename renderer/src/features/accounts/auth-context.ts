import { createContext, useContext } from 'react';
import type { Role, SessionUser } from '@contract';

export interface Auth {
  user: SessionUser;
  signOut(): Promise<void>;
  can(...roles: Role[]): boolean;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthGate');
  return auth;
}
