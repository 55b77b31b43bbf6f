import { createContext, useContext } from 'react';
import type { MethodName, SessionUser } from '@contract';

export interface Auth {
  user: SessionUser;
  signOut(): Promise<void>;
  /** Whether the contract lets this user call the method: the one source of who may do what. */
  may(method: MethodName): boolean;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthGate');
  return auth;
}
