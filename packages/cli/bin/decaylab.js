#!/usr/bin/env node
// The bundle (dist/bundle, made by `npm run build`), or tsc's output when there is none.
const bundle = new URL('../dist/bundle/main.js', import.meta.url);
import(bundle.href)
  .catch((e) => {
    if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes(bundle.pathname))
      return import('../dist/main.js');
    throw e;
  })
  .then((m) => m.main(process.argv.slice(2)));
