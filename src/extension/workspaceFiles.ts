/** What the workspace-wide commands (scan, installation check) walk, and in what batch size. */

/** Folders never worth walking, whatever the ignore files say: dependencies and build output. */
export const ALWAYS_EXCLUDED = '**/{node_modules,.git,dist,build,out,.next,.nuxt,.svelte-kit,vendor,Pods,.gradle,.dart_tool,target,bin,obj,coverage}/**';

/** Files per git check-ignore call and per yield to the extension host's event loop. */
export const BATCH = 200;
