/**
 * One hook for every place that lets data leave: `exportFile` opens the preview dialog;
 * `copy` redacts through main and copies at once when nothing needed hiding, otherwise it
 * shows the same preview first. `element` is the dialog to render; `note` the last outcome.
 */
import type { JSX } from 'react';
import { useCallback, useState } from 'react';
import './export.css';
import type { OutputDone } from './OutputDialog';
import { OutputDialog } from './OutputDialog';
import { prepareOutput } from './prepare';
import type { OutputRequest } from './prepare';
import type { PreparedExport } from '@shared/domain/exports';
import { writeClipboard } from './clipboard';

interface Open {
  title: string;
  what: string;
  request: OutputRequest;
  initial?: PreparedExport;
}

export interface Output {
  element: JSX.Element | null;
  note: OutputDone | null;
  exportFile: (title: string, what: string, request: OutputRequest) => void;
  copy: (text: string, what: string, kind?: 'text' | 'json' | 'command') => Promise<void>;
}

export function useOutput(): Output {
  const [open, setOpen] = useState<Open | null>(null);
  const [note, setNote] = useState<OutputDone | null>(null);

  const exportFile = useCallback((title: string, what: string, request: OutputRequest) => {
    setNote(null);
    setOpen({ title, what, request });
  }, []);

  const copy = useCallback(async (text: string, what: string, kind: 'text' | 'json' | 'command' = 'text') => {
    setNote(null);
    const request: OutputRequest = { target: 'clipboard', kind, text };
    try {
      const prepared = await prepareOutput(request, false);
      if (prepared.total === 0) {
        await writeClipboard(prepared.content);
        setNote({ ok: true, text: `Copied ${what}` });
      } else {
        setOpen({ title: `Copy ${what}?`, what, request, initial: prepared });
      }
    } catch (error) {
      setNote({ ok: false, text: (error as Error).message });
    }
  }, []);

  const element = open ? (
    <OutputDialog
      title={open.title}
      what={open.what}
      request={open.request}
      {...(open.initial ? { initial: open.initial } : {})}
      onDone={(done) => {
        setOpen(null);
        setNote(done);
      }}
    />
  ) : null;
  return { element, note, exportFile, copy };
}
