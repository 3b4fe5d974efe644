export { createApp, type AppOptions } from './createApp.js';
export { startServer, type RunningServer } from './startServer.js';
