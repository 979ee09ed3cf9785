// src/core/engine/teddy.wat -> src/core/engine/teddy.wasm.ts: the module's bytes as base64, so
// the engine needs no file beside its bundle and no WebAssembly toolchain at run time. wabt
// (pinned: the bytes are checked in) compiles the text format. generate.mjs writes the file
// and fails its --check when the committed one is stale.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import wabtInit from 'wabt';

export const WAT_FILE = 'src/core/engine/teddy.wat';
export const GENERATED_FILE = 'src/core/engine/teddy.wasm.ts';

/** The text teddy.wasm.ts should hold for the current teddy.wat under `root`. */
export async function generatedWasmSource(root = '.') {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(WAT_FILE, readFileSync(join(root, WAT_FILE), 'utf8'), { simd: true });
  try {
    parsed.validate();
    const { buffer } = parsed.toBinary({});
    const base64 = Buffer.from(buffer).toString('base64');
    return `// Generated from teddy.wat by src/build/wasm.mjs (npm run generate); do not edit.\nexport const TEDDY_WASM_BASE64 =\n  '${base64}';\n`;
  } finally {
    parsed.destroy();
  }
}
