/** The current area, kept in the URL hash so a reload stays where the user was. */
import { useCallback, useEffect, useState } from 'react';
import { AREA_IDS } from '../areas';

function fromHash(): string {
  // `#/support?failure=12`: the area, then parameters for its screen.
  const id = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return AREA_IDS.includes(id) ? id : (AREA_IDS[0] ?? 'environments');
}

export function useRoute(): [string, (id: string) => void] {
  const [route, setRoute] = useState(fromHash);
  useEffect(() => {
    const onChange = (): void => setRoute(fromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((id: string) => {
    window.location.hash = `/${id}`;
  }, []);
  return [route, navigate];
}
