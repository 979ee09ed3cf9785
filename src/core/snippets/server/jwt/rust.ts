/** Rust signs with the jsonwebtoken crate in an axum handler shaped like ../rust.ts. */
import { stop } from '../../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../../types';
import { claimEntries, field, kidEnv, title } from './shared';

function rustJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: ['use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};'],
    code: `/// ${title(c)}: an HS256 JWT with a short expiry, signed on the server only.
pub fn messenger_jwt(user_id: &str, email: Option<&str>) -> Result<String, String> {
    // Signing with an empty key would give tokens the messenger rejects: fail loudly instead.
    let secret = std::env::var("${c.envVar}").ok().filter(|s| !s.is_empty()).ok_or_else(|| "${c.envVar} is not set".to_owned())?;
    let mut header = Header::new(Algorithm::HS256);${kid ? `
    header.kid = Some(std::env::var("${kid}").ok().filter(|s| !s.is_empty()).ok_or_else(|| "${kid} is not set".to_owned())?);` : ''}
    let exp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_secs()
        + 3600;
    let claims = serde_json::json!({
${claimEntries(c, (k, v) => `        "${k}": ${v},`, 'user_id', 'email', (s) => `"${s}"`).join('\n')}
        "exp": exp,
    });
    encode(&header, &claims, &EncodingKey::from_secret(secret.as_bytes())).map_err(|e| e.to_string())
}`,
  };
}

// The manifest a fresh directory needs; cargo takes the crates from its configured source.
const MANIFEST = '[package]\\nname = \\"messenger_jwt\\"\\nversion = \\"0.1.0\\"\\nedition = \\"2021\\"\\n\\n[[bin]]\\nname = \\"messenger_jwt\\"\\npath = \\"main.rs\\"\\n\\n[dependencies]\\njsonwebtoken = \\"8\\"\\nserde_json = \\"1\\"\\n';

const axum: SnippetDefinition = {
  id: 'jwt-rust',
  title: 'Rust axum handler that signs the messenger JWT (jsonwebtoken)',
  language: 'rust',
  framework: 'axum (jsonwebtoken)',
  kind: 'server',
  scheme: 'jwt',
  core: rustJwtCore,
  template: (c) => `// Cargo.toml: jsonwebtoken = "9", serde_json = "1"
use axum::{http::StatusCode, Json};
${rustJwtCore(c).imports.join('\n')}

${rustJwtCore(c).code}

async fn ${stop(1, 'messenger_token')}(user: ${stop(2, 'CurrentUser')}) -> Result<Json<serde_json::Value>, StatusCode> {
    let token = messenger_jwt(&user.id.to_string(), user.email.as_deref()).map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(Json(serde_json::json!({ "${field(c)}": token })))${stop(0)}
}
`,
  runnable: {
    filename: 'main.rs',
    // Debian 12 packages jsonwebtoken 8; the calls the core makes are the same in 9.
    command: `printf "${MANIFEST}" > Cargo.toml && cargo run --quiet`,
    program: (c) => `${rustJwtCore(c).imports.join('\n')}

${rustJwtCore(c).code}

fn main() {
    let user_id = std::env::var("IDV_IDENTIFIER").unwrap_or_default();
    let email = std::env::var("IDV_EMAIL").ok();
    match messenger_jwt(&user_id, email.as_deref()) {
        Ok(token) => println!("{token}"),
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(1);
        }
    }
}
`,
  },
};

export const RUST_JWT_SNIPPETS: readonly SnippetDefinition[] = [axum];
