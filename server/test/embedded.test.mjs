import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contractTests } from './contract.mjs';
import { startLede } from './helpers.mjs';

/** Every file under the data directory, as latin1 text (the bytes, searchable). */
function dataFiles(server) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push([path, readFileSync(path, 'latin1')]);
    }
  };
  walk(join(server.dir, 'lede-data'));
  return out;
}

contractTests('embedded SQLite', (env) => startLede(env), { dataFiles });
