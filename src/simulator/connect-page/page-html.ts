/**
 * The Connect page document. It carries no inline script or style (strict CSP): behaviour is
 * in /connect/assets/connect.js, looks in /connect/assets/connect.css.
 */
export function connectPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Finch Connect · Simulator</title>
<link rel="stylesheet" href="/connect/assets/connect.css">
<script src="/connect/assets/connect.js" defer></script>
</head>
<body>
<div class="backdrop">
  <main class="card" id="card" aria-live="polite">
    <div class="loading"><div class="spinner" aria-hidden="true"></div><p>Loading Finch Connect…</p></div>
    <noscript><p class="error-text">Finch Connect needs JavaScript.</p></noscript>
  </main>
</div>
</body>
</html>
`;
}
