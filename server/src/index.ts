export { loadConfig, helpText, ConfigError, SETTINGS, type Config, type LoadOptions } from './config.js';
export { startServer, type RunningServer } from './server.js';
export { SchemaTooNewError, MIGRATIONS } from './db/migrations.js';
