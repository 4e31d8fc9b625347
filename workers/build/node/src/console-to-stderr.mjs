// Imported first by build-server.mjs: ES module imports evaluate in order, so the console is redirected before any
// bundler module runs its top-level code (and possibly prints).
import { redirectConsoleToLog } from './log.mjs';

redirectConsoleToLog();
