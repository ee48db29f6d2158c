import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles/base.css';
import './app/styles/layout.css';
import './app/styles/forms.css';
import './app/styles/chat.css';
import './app/styles/templates.css';
import './app/styles/developers.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
