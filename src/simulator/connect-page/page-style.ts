/** Stylesheet of the simulated Connect page, served as /connect/assets/connect.css. */
export const CONNECT_CSS = String.raw`
:root {
  --ink: #0f172a;
  --muted: #64748b;
  --line: #e2e8f0;
  --soft: #f8fafc;
  --brand: #3e4ae7;
  --brand-soft: #eef0ff;
  --danger: #b91c1c;
  --ok: #15803d;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--ink);
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: transparent; }
.backdrop {
  position: fixed; inset: 0; display: flex; align-items: center; justify-content: center;
  padding: 24px; background: rgba(15, 23, 42, 0.55);
}
.card {
  width: 100%; max-width: 420px; height: 620px; max-height: calc(100vh - 32px);
  display: flex; flex-direction: column; overflow: hidden;
  background: #fff; border-radius: 18px; box-shadow: 0 24px 64px rgba(15, 23, 42, 0.35);
}
.topbar { display: grid; grid-template-columns: 40px 1fr 40px; align-items: center; padding: 12px 12px 4px; }
.topbar-side.right { display: flex; justify-content: flex-end; }
.brand { display: flex; align-items: center; justify-content: center; gap: 8px; font-weight: 700; font-size: 16px; letter-spacing: -0.01em; }
.brand-mark {
  width: 22px; height: 22px; border-radius: 6px; background: var(--ink); color: #fff;
  display: inline-flex; align-items: center; justify-content: center; font-size: 14px;
}
.sim-badge { font-size: 10px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: #92400e; background: #fef3c7; border-radius: 999px; padding: 2px 8px; }
.icon-button {
  width: 32px; height: 32px; border: 0; border-radius: 8px; background: transparent; color: var(--muted);
  font-size: 22px; line-height: 1; cursor: pointer;
}
.icon-button:hover, .icon-button:focus-visible { background: var(--soft); color: var(--ink); outline: none; }
.progress { display: flex; justify-content: center; gap: 6px; margin: 4px 0 0; }
.dot { width: 18px; height: 4px; border-radius: 2px; background: var(--line); }
.dot.on { background: var(--ink); }
.body { flex: 1; display: flex; flex-direction: column; padding: 4px 28px 12px; overflow-y: auto; }
.footer { padding: 12px 28px 20px; border-top: 1px solid var(--line); background: #fff; }
.footer:empty { display: none; }
.footer .primary { margin-top: 0; }
h1 { font-size: 22px; line-height: 1.25; letter-spacing: -0.02em; margin: 16px 0 8px; }
.lead { color: var(--muted); font-size: 14px; line-height: 1.5; margin: 0 0 16px; }
.hero { display: flex; align-items: center; justify-content: center; gap: 14px; margin-top: 14px; }
.hero-tile {
  width: 56px; height: 56px; border-radius: 14px; display: flex; align-items: center; justify-content: center;
  background: var(--soft); border: 1px solid var(--line); font-weight: 700; font-size: 20px;
}
.hero-tile.finch { background: var(--ink); color: #fff; border-color: var(--ink); }
.hero-tile img { width: 56px; height: 56px; border-radius: 14px; }
.hero-link { color: var(--muted); letter-spacing: 3px; }
.permissions { list-style: none; margin: 0 0 16px; padding: 0; border: 1px solid var(--line); border-radius: 12px; }
.permissions li { display: flex; gap: 10px; padding: 8px 12px; border-top: 1px solid var(--line); font-size: 14px; line-height: 1.35; }
.permissions li:first-child { border-top: 0; }
.permissions .check { color: var(--ok); font-weight: 700; }
.permissions .desc { display: block; color: var(--muted); font-size: 12px; margin-top: 2px; }
.spacer { flex: 1; }
.primary {
  width: 100%; padding: 12px 16px; border: 0; border-radius: 10px; background: var(--ink); color: #fff;
  font-size: 15px; font-weight: 600; cursor: pointer; margin-top: 16px;
}
.primary:hover { background: #1e293b; }
.primary:disabled { opacity: 0.55; cursor: progress; }
.secondary {
  width: 100%; padding: 11px 16px; border: 1px solid var(--line); border-radius: 10px; background: #fff;
  color: var(--ink); font-size: 15px; font-weight: 600; cursor: pointer; margin-top: 10px;
}
.fineprint { color: var(--muted); font-size: 12px; text-align: center; line-height: 1.5; margin: 12px 0 0; }
.search {
  width: 100%; padding: 11px 12px; border: 1px solid var(--line); border-radius: 10px; font-size: 14px; background: var(--soft);
}
.search:focus, .field:focus { outline: 2px solid var(--brand-soft); border-color: var(--brand); background: #fff; }
.providers { list-style: none; margin: 12px 0 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.provider {
  width: 100%; display: flex; align-items: center; gap: 12px; padding: 10px 12px; border: 1px solid var(--line);
  border-radius: 12px; background: #fff; font-size: 15px; font-weight: 500; text-align: left; cursor: pointer; color: var(--ink);
}
.provider:hover, .provider:focus-visible { border-color: var(--brand); background: var(--brand-soft); outline: none; }
.provider img { width: 36px; height: 36px; border-radius: 9px; }
.tag { margin-left: auto; font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 999px; padding: 2px 8px; }
.empty { color: var(--muted); font-size: 14px; text-align: center; margin-top: 24px; }
.provider-head { display: flex; align-items: center; gap: 12px; margin-top: 14px; }
.provider-head img { width: 44px; height: 44px; border-radius: 11px; }
.provider-head h1 { margin: 0; font-size: 20px; }
.tabs { display: flex; gap: 4px; padding: 4px; margin: 14px 0 2px; background: var(--soft); border-radius: 10px; }
.tab { flex: 1; padding: 8px 6px; border: 0; border-radius: 8px; background: transparent; color: var(--muted); font-size: 13px; cursor: pointer; }
.tab.active { background: #fff; color: var(--ink); font-weight: 600; box-shadow: 0 1px 2px rgba(15, 23, 42, 0.1); }
label { display: block; font-size: 13px; font-weight: 600; margin: 14px 0 6px; }
.field { width: 100%; padding: 11px 12px; border: 1px solid var(--line); border-radius: 10px; font-size: 15px; }
.error-text { color: var(--danger); font-size: 13px; margin: 10px 0 0; min-height: 1em; }
.steps { margin: 14px 0 0; padding-left: 20px; font-size: 14px; line-height: 1.6; color: var(--ink); }
.hint {
  margin-top: 16px; padding: 10px 12px; border: 1px dashed var(--line); border-radius: 10px; background: var(--soft);
  color: var(--muted); font-size: 12px; line-height: 1.6;
}
code { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; color: #3730a3; background: var(--brand-soft); border-radius: 4px; padding: 1px 4px; }
.center { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; }
.loading { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 12px; color: var(--muted); }
.spinner { width: 36px; height: 36px; border: 3px solid var(--line); border-top-color: var(--ink); border-radius: 50%; animation: spin 0.8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
.mark { width: 60px; height: 60px; border-radius: 50%; display: flex; align-items: center; justify-content: center; font-size: 30px; font-weight: 700; }
.mark.ok { background: #dcfce7; color: var(--ok); }
.mark.bad { background: #fee2e2; color: var(--danger); }
.code-box { width: 100%; margin-top: 12px; padding: 10px; border: 1px solid var(--line); border-radius: 8px; background: var(--soft); font-family: ui-monospace, Menlo, monospace; font-size: 12px; word-break: break-all; }
.consent { border: 1px solid var(--line); border-radius: 14px; padding: 18px; margin-top: 18px; overflow: hidden; }
.consent img { width: 40px; height: 40px; border-radius: 10px; }
.consent h1 { font-size: 19px; margin-top: 10px; }
.scopes { margin: 0; padding-left: 18px; color: var(--ink); font-size: 13px; line-height: 1.7; }
.consent-bar { height: 6px; border-radius: 3px; margin: -18px -18px 16px; background: var(--ink); }
`;
