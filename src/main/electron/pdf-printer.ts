/**
 * The readiness report as PDF: the self-contained HTML page is loaded into a hidden, sandboxed
 * window with JavaScript off (the page has none and needs none), printed with
 * webContents.printToPDF, and the window is destroyed.
 */
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../platform/delivery/delivery';

export const electronPdfPrinter: PdfPrinter = {
  async print(html) {
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    try {
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      window.webContents.on('will-navigate', (event) => event.preventDefault());
      await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      const pdf = await window.webContents.printToPDF({
        printBackground: true,
        pageSize: 'A4',
        margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 },
      });
      return new Uint8Array(pdf);
    } finally {
      window.destroy();
    }
  },
};
