import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NoticeBoard } from '@main/platform/notices/notice-board';
import { SettingsService } from '@main/features/settings/settings-service';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import { DEFAULT_LOG_RETENTION } from '@shared/domain/log-retention';

const retention = { requestLogRetention: DEFAULT_LOG_RETENTION };

function setup(initial?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-settings-'));
  const path = join(dir, 'settings.json');
  if (initial !== undefined) writeFileSync(path, initial);
  const notices = new NoticeBoard();
  const onChanged = vi.fn();
  const open = () =>
    new SettingsService({ path, openStore: createJsonFileStore, notices, onChanged, now: () => new Date('2026-11-23T10:00:00Z') });
  return { dir, path, notices, onChanged, open };
}

describe('SettingsService', () => {
  it('starts on defaults with no file and writes nothing until a change', () => {
    const { path, open, notices } = setup();
    expect(open().get()).toEqual({ theme: 'system', ...retention });
    expect(existsSync(path)).toBe(false);
    expect(notices.list()).toEqual([]);
  });

  it('persists a change and restores it on the next start', () => {
    const { path, open, onChanged } = setup();
    open().update({ theme: 'dark' });
    expect(onChanged).toHaveBeenCalledWith({ theme: 'dark', ...retention });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ theme: 'dark' });
    expect(open().get()).toEqual({ theme: 'dark', ...retention });
  });

  it('keeps the request log retention across restarts; a file with a bad one is moved aside, naming it', () => {
    const { open } = setup();
    open().update({ requestLogRetention: { maxAgeDays: 7, maxRows: null } });
    expect(open().get().requestLogRetention).toEqual({ maxAgeDays: 7, maxRows: null });

    const bad = setup(JSON.stringify({ theme: 'dark', requestLogRetention: { maxAgeDays: -3, maxRows: null } }));
    expect(bad.open().get()).toEqual({ theme: 'system', ...retention });
    expect(bad.notices.list()[0]?.message).toContain('requestLogRetention');
  });

  it('keeps keys it does not know (a newer version may have written them)', () => {
    const { path, open } = setup(JSON.stringify({ theme: 'light', futureOption: 42 }));
    open().update({ theme: 'dark' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ theme: 'dark', futureOption: 42 });
  });

  it('moves a corrupt file aside, tells the user, and loads defaults', () => {
    const garbage = '{"theme": "dark", oops';
    const { dir, path, open, notices } = setup(garbage);
    const service = open();
    expect(service.get()).toEqual({ theme: 'system', ...retention });
    const moved = readdirSync(dir).filter((f) => f.startsWith('settings.corrupt-'));
    expect(moved).toHaveLength(1);
    expect(readFileSync(join(dir, moved[0]!), 'utf8')).toBe(garbage);
    expect(existsSync(path)).toBe(false);
    const [notice] = notices.list();
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toContain('not valid JSON');
    expect(notice?.message).toContain(join(dir, moved[0]!));
    // …and the app goes on working: a change is saved to a fresh file.
    service.update({ theme: 'light' });
    expect(open().get()).toEqual({ theme: 'light', ...retention });
  });

  it('moves aside a file of the wrong shape too, naming the bad field', () => {
    const { dir, open, notices } = setup(JSON.stringify({ theme: 'purple' }));
    expect(open().get()).toEqual({ theme: 'system', ...retention });
    expect(readdirSync(dir).some((f) => f.startsWith('settings.corrupt-'))).toBe(true);
    expect(notices.list()[0]?.message).toContain('theme');
  });

  it('treats a JSON array or number as corrupt, not as settings', () => {
    for (const text of ['[1,2]', '42', 'null']) {
      const { open, notices } = setup(text);
      expect(open().get()).toEqual({ theme: 'system', ...retention });
      expect(notices.list()).toHaveLength(1);
    }
  });
});
