import type { JSX } from 'react';
/** Notices from main (e.g. a settings file moved aside) plus local load errors, as banners. */
import { useEffect, useState } from 'react';
import type { Notice } from '@shared/contract';
import { unwrap, workbench } from '../workbench';
import { carriedRead, firstRead } from '@renderer/components/startup/first-reads';

export function NoticeBanner({ extra }: { extra: string[] }): JSX.Element | null {
  const [notices, setNotices] = useState<Notice[]>(() => carriedRead('notices') ?? []);
  useEffect(() => {
    const off = workbench().app.onNoticesChanged(setNotices);
    unwrap(firstRead('notices', () => workbench().app.listNotices())).then(setNotices, () => {});
    return off;
  }, []);

  const dismiss = (id: string): void => {
    unwrap(workbench().app.dismissNotice({ id })).then(setNotices, () => {});
  };

  if (notices.length === 0 && extra.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role={notice.level === 'info' ? 'status' : 'alert'}>
          <span>{notice.message}</span>
          <button type="button" className="link-button" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
      {extra.map((message) => (
        <div key={message} className="notice notice-error" role="alert">
          <span>{message}</span>
        </div>
      ))}
    </div>
  );
}
