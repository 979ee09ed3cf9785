/** Rust: an axum handler over the RustCrypto hmac and sha2 crates. */
import { hashName, mapEntries } from '../common';
import { stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';

function rustCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret
    ? `let key = hex::decode(secret.trim()).map_err(|e| format!("${c.envVar} is not hex: {e}"))?;`
    : 'let key = secret.into_bytes();';
  return {
    imports: ['use hmac::{Hmac, Mac};', 'use sha2::Sha256;'],
    code: `type HmacSha256 = Hmac<Sha256>;

fn keyed_mac() -> Result<HmacSha256, String> {
    let secret = std::env::var("${c.envVar}").map_err(|_| "${c.envVar} is not set".to_owned())?;
    if secret.is_empty() {
        return Err("${c.envVar} is empty".to_owned());
    }
    ${key}
    Ok(HmacSha256::new_from_slice(&key).expect("HMAC accepts a key of any length"))
}

/// ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only.
pub fn user_hash(identifier: &str) -> Result<String, String> {
    let mut mac = keyed_mac()?;
    mac.update(identifier.as_bytes());
    Ok(hex::encode(mac.finalize().into_bytes()))
}

/// Checks a hash handed back by a client; \`verify_slice\` compares in constant time.
pub fn verify_user_hash(identifier: &str, candidate: &str) -> bool {
    match (keyed_mac(), hex::decode(candidate)) {
        (Ok(mut mac), Ok(given)) => {
            mac.update(identifier.as_bytes());
            mac.verify_slice(&given).is_ok()
        }
        _ => false,
    }
}`,
  };
}

function rustIdentifier(c: SnippetContext): string {
  if (c.identifier === 'email') return 'user.email.clone()';
  return c.emailFallback ? 'user.id.map(|id| id.to_string()).unwrap_or_else(|| user.email.clone())' : 'user.id.to_string()';
}

// The manifest a fresh directory needs; cargo takes the crates from its configured source.
const MANIFEST = '[package]\\nname = \\"user_hash\\"\\nversion = \\"0.1.0\\"\\nedition = \\"2021\\"\\n\\n[[bin]]\\nname = \\"user_hash\\"\\npath = \\"main.rs\\"\\n\\n[dependencies]\\nhex = \\"0.4\\"\\nhmac = \\"0.12\\"\\nsha2 = \\"0.10\\"\\n';

const axum: SnippetDefinition = {
  id: 'rust',
  title: 'Rust axum handler that returns the user hash for the signed-in user',
  language: 'rust',
  framework: 'axum',
  kind: 'server',
  scheme: 'hmac',
  core: rustCore,
  template: (c) => `// Cargo.toml: hmac = "0.12", sha2 = "0.10", hex = "0.4"
use axum::{http::StatusCode, Json};
${rustCore(c).imports.join('\n')}

${rustCore(c).code}

async fn ${stop(1, 'messenger_identity')}(user: ${stop(2, 'CurrentUser')}) -> Result<Json<serde_json::Value>, StatusCode> {
    let identifier = ${rustIdentifier(c)};
    let hash = user_hash(&identifier).map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(Json(serde_json::json!({
${mapEntries(c, { id: 'user.id', email: 'user.email', hash: 'hash' }, (k, e) => `        "${k}": ${e},`).join('\n')}
    })))${stop(0)}
}
`,
  runnable: {
    filename: 'main.rs',
    command: `printf "${MANIFEST}" > Cargo.toml && cargo run --quiet`,
    program: (c) => `${rustCore(c).imports.join('\n')}

${rustCore(c).code}

fn main() {
    let identifier = std::env::var("IDV_IDENTIFIER").unwrap_or_default();
    match user_hash(&identifier) {
        Ok(hash) => println!("{hash}"),
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(1);
        }
    }
    if let Ok(candidate) = std::env::var("IDV_VERIFY") {
        println!("{}", verify_user_hash(&identifier, &candidate));
    }
}
`,
  },
};

export const RUST_SNIPPETS: readonly SnippetDefinition[] = [axum];
