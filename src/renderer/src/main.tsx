import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
// The Connect host (connections issue) mounts outside StrictMode: react-connect 5.0.0 loses
// its callbacks under StrictMode's double mount.
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
