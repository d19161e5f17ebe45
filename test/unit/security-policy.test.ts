import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '@main/platform/security/csp';
import { decideWindowOpen, mayGrantPermission, mayNavigate } from '@main/platform/security/navigation-policy';
import { resolveRendererAsset } from '@main/platform/security/renderer-assets';

const context = { appOrigin: 'app://workbench', connectOrigins: ['https://connect.tryfinch.com', 'http://127.0.0.1:4321'] };

describe('content security policy', () => {
  it('allows no inline script and frames only the Connect origins', () => {
    const csp = buildContentSecurityPolicy({ connectOrigins: context.connectOrigins });
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['frame-src']).toEqual(context.connectOrigins);
    expect(directives['object-src']).toEqual(["'none'"]);
  });

  it('frames nothing when no Connect origin is known', () => {
    expect(buildContentSecurityPolicy({ connectOrigins: [] })).toContain("frame-src 'none'");
  });
});

describe('navigation policy', () => {
  it('keeps the window on the app origin', () => {
    expect(mayNavigate('app://workbench/index.html#/settings', context)).toBe(true);
    expect(mayNavigate('https://evil.example/', context)).toBe(false);
    expect(mayNavigate('file:///etc/passwd', context)).toBe(false);
    expect(mayNavigate('not a url', context)).toBe(false);
  });

  it('opens https links from the app externally, allows Connect pop-ups, denies the rest', () => {
    expect(decideWindowOpen('https://developer.tryfinch.com/', 'app://workbench/index.html', context)).toBe('open-external');
    expect(decideWindowOpen('https://accounts.gusto.com/oauth', 'https://connect.tryfinch.com/authorize', context)).toBe('allow-popup');
    expect(decideWindowOpen('http://developer.tryfinch.com/', 'app://workbench/', context)).toBe('deny');
    expect(decideWindowOpen('file:///etc/passwd', 'app://workbench/', context)).toBe('deny');
    expect(decideWindowOpen('javascript:alert(1)', 'app://workbench/', context)).toBe('deny');
    expect(decideWindowOpen('https://user:pw@evil.example/', 'app://workbench/', context)).toBe('deny');
    expect(decideWindowOpen('https://evil.example/', 'https://evil.example/', context)).toBe('deny');
  });

  it('grants only clipboard, only to the app and Connect', () => {
    expect(mayGrantPermission('clipboard-sanitized-write', 'https://connect.tryfinch.com/x', context)).toBe(true);
    expect(mayGrantPermission('clipboard-sanitized-write', 'app://workbench/', context)).toBe(true);
    expect(mayGrantPermission('clipboard-sanitized-write', 'https://evil.example/', context)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      expect(mayGrantPermission(permission, 'app://workbench/', context)).toBe(false);
    }
  });
});

describe('renderer assets', () => {
  const root = mkdtempSync(join(tmpdir(), 'renderer-'));
  it('serves files inside the renderer folder and falls back to index.html for routes', () => {
    expect(resolveRendererAsset(root, '/assets/app.js')).toBe(join(root, 'assets/app.js'));
    expect(resolveRendererAsset(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveRendererAsset(root, '/settings')).toBe(join(root, 'index.html'));
  });

  it('refuses paths that escape the folder', () => {
    for (const attempt of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc/passwd.js',
      '/a%00.js',
      '/%E0%A4%A',
    ]) {
      const resolved = resolveRendererAsset(root, attempt);
      expect(resolved === null || resolved.startsWith(root)).toBe(true);
    }
    expect(resolveRendererAsset(root, '/%E0%A4%A')).toBeNull();
    expect(resolveRendererAsset(root, '/a%00.js')).toBeNull();
  });
});

describe('originOf', () => {
  it('gives our registered scheme a real origin, as Chromium does', async () => {
    const { originOf } = await import('@main/platform/security/navigation-policy');
    expect(originOf('app://workbench/index.html#/x')).toBe('app://workbench');
    expect(originOf('http://127.0.0.1:5173/a')).toBe('http://127.0.0.1:5173');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('garbage')).toBeNull();
  });
});
