// Who is signed in, for the components under the sign-in gate (the badge, the township default).
import { createContext, useContext } from 'react';
import type { MeDto } from '@svm/contract';

export const MeContext = createContext<MeDto | null>(null);

/** The signed-in caller; null outside the gate (component tests render without one). */
export function useMe(): MeDto | null {
  return useContext(MeContext);
}
