/**
 * The syntax layer: files parsed with tree-sitter (WebAssembly grammars copied into
 * dist/grammars at build time, loaded per language on first use) and read into facts, plain
 * data the rules and the installation check can decide on: messenger calls with the fields
 * they send, HMAC and JWT computations with their key and message, environment reads, string
 * literals bound to names, directives, imports and exports. Enter only through this file.
 */
export { createSyntax, type Syntax, type SyntaxDocument, type SyntaxOptions, type TextChange } from './syntax';
export { SYNTAX_LANGUAGES, syntaxLanguageOf, type SyntaxLanguage } from './languages';
export { factsFor, factsLanguagesOf, hasEmbeddedScripts, scriptsOnly } from './embedded';
export { GrammarLoader, type GrammarNeed } from './grammars';
export { CRYPTO_APIS, type ArgRef, type CryptoApi } from './crypto-apis';
export type {
  BoundLiteral, CryptoCall, Directive, ElementFact, EnvRead, ExportFact, Expr, ExprKind, Field, FileFacts, ImportFact,
  MessengerCall, PropFact, SentField, Span, Via,
} from './facts';
