// First: sends the first screen's reads to main before React is evaluated (see the module).
import './components/startup/first-reads';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ConnectHost } from './connect/ConnectHost';
import { installLinkGuard } from './security/link-guard';
import './styles.css';

installLinkGuard();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Finch Connect's host gets its own root, outside StrictMode: react-connect 5.0.0 loses its
// callbacks under StrictMode's double mount.
const connectRoot = document.createElement('div');
connectRoot.id = 'connect-host';
document.body.appendChild(connectRoot);
createRoot(connectRoot).render(<ConnectHost />);
