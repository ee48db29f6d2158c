import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles/base.css';
import './app/styles/layout.css';
import './app/styles/forms.css';
import './app/styles/chat.css';
import './app/styles/templates.css';
import './app/styles/developers.css';
import './app/styles/sheet.css';
import './app/styles/sheet-rows.css';
import './app/styles/wallet.css';
import './app/styles/orders.css';
import './app/styles/consoles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
