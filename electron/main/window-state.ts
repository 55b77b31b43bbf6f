import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

const DEFAULT: WindowState = { width: 1360, height: 860 };

/** The window remembers its size and place between runs (a small JSON file in the user-data folder). */
export function loadWindowState(dir: string): WindowState {
  try {
    const s = JSON.parse(readFileSync(path.join(dir, 'window-state.json'), 'utf8')) as WindowState;
    if (s.width >= 800 && s.height >= 600) return s;
  } catch {
    // first run or unreadable: use the default
  }
  return DEFAULT;
}

export function saveWindowState(dir: string, state: WindowState): void {
  try {
    writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(state));
  } catch {
    // not worth failing a quit over
  }
}
