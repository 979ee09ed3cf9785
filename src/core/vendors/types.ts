/**
 * The shape of one messenger's file under src/core/vendors/: its facts, every client call on
 * every platform as data, the pre-filter needles that find them, and samples. Generic in the
 * vendor id so that index.ts can compute the `VendorId` union from the files themselves.
 */

/** The platforms a vendor issues separate secrets for. Intercom: one secret each. */
export type Platform = 'web' | 'ios' | 'android';

/** The two ways a server proves who the user is: an HMAC of the identifier, or a signed JWT. */
export type ProofScheme = 'hmac' | 'jwt';

/** What the vendor expects the hash to be computed from. */
export type HashedIdentifier = 'user_id' | 'email' | 'user_id_or_email';

/** How the secret shown in the vendor's dashboard becomes the HMAC key. */
export type SecretEncoding = 'utf8' | 'hex';

/** The facts about one messenger that the hash checker, the snippets and the rules read. */
export interface VendorFacts<Id extends string = string> {
  readonly id: Id;
  readonly name: string;
  /** What is hashed. `user_id_or_email`: the user id when there is one, else the email. */
  readonly hashes: HashedIdentifier;
  /** Pylon shows a hex secret that must be decoded to bytes before use. */
  readonly secretEncoding: SecretEncoding;
  /** The field or argument the client passes the hash in. */
  readonly hashField: string;
  /** The field that carries the user id on the client (when the vendor has one). */
  readonly userIdField?: string;
  /** The field that carries the email on the client. */
  readonly emailField?: string;
  /** Platforms with their own secret; web-only vendors have just `web`. */
  readonly platforms: readonly Platform[];
  /** Conventional server-side environment variable name for the secret. */
  readonly envVar: string;
  /** JWT scheme, where the vendor has one: field and claims. */
  readonly jwt?: {
    readonly field: string;
    readonly identifierClaim: string;
    readonly requiredClaims: readonly string[];
    readonly needsKid?: boolean;
    /** Claims whose value the vendor fixes (Zendesk: `scope: "user"`). */
    readonly fixedClaims?: Readonly<Record<string, string>>;
    /** Conventional environment variable for the key id sent as `kid`, when one is needed. */
    readonly kidEnvVar?: string;
    /**
     * How a native app hands the token to the vendor's mobile SDK: the method, the SDKs that
     * have it (from the vendor's docs or SDK sources), and the first SDK release with it where
     * the vendor says, as a reader would name it (`Intercom iOS SDK 18.2`).
     */
    readonly mobile?: {
      readonly call: string;
      readonly sdks: readonly ClientSdk[];
      readonly since?: Partial<Record<ClientSdk, string>>;
    };
  };
  /**
   * The scheme the vendor tells new installations to use, and why, in a few words the snippet
   * picker shows. Absent: the vendor has one scheme only, or no preference.
   */
  readonly recommends?: { readonly scheme: ProofScheme; readonly why: string };
  /** `jwt-only`: the vendor has no plain HMAC hash (Zendesk messaging). */
  readonly scheme: 'hmac' | 'hmac+jwt' | 'jwt-only';
}

/** The client SDKs a call is written for. */
export type ClientSdk =
  | 'web' | 'react-native' | 'ios-swift' | 'ios-objc' | 'android-kotlin' | 'android-java'
  | 'flutter' | 'xamarin' | 'capacitor' | 'cordova';

/** Every SDK, in the order tables list them. */
export const CLIENT_SDKS: readonly ClientSdk[] = [
  'web', 'react-native', 'ios-swift', 'ios-objc', 'android-kotlin', 'android-java', 'flutter', 'xamarin', 'capacitor', 'cordova',
];

/** How the syntax layer (src/core/syntax) recognises a call in a tree. */
export interface ShapeSpec {
  /**
   * `call`: `target(...)`; `assignment`: `target = value`; `property`: `target: value` inside
   * an object literal.
   */
  readonly kind: 'call' | 'assignment' | 'property';
  /**
   * The callee or assigned name as a dotted path, compared with the last segments of the
   * written one after `window.`/`this.`, optional chaining and aliases are resolved
   * (`Intercom`, `$crisp.push`, `useIntercom().boot` for `const { boot } = useIntercom()`).
   */
  readonly target: string;
  /** Allowed values of the leading string arguments, position by position (`[['boot', 'update']]`). */
  readonly leading?: readonly (readonly string[])[];
  /**
   * For `$crisp.push`: the call counts when one argument is an array that starts with these
   * strings (several commands may be pushed in one call).
   */
  readonly arrayPrefix?: readonly string[];
  /** The argument that holds the settings object; assignments and properties use their value. */
  readonly settingsArg?: number;
  /**
   * The call's first name must be imported (ES import or require) from this module: a bare
   * `setUserEmail(…)` is Crisp's only when it comes from Crisp's SDK.
   */
  readonly module?: string;
}

/** How the text engine (missing-user-hash, the installation check) finds a call in text. */
export interface TextSpec {
  readonly needle: string;
  /** A cheaper needle (rare first character) that must occur before `needle` is searched for. */
  readonly gate: string;
  /** Text that must follow the needle (ignoring spaces and quotes) for the call to count. */
  readonly then?: RegExp;
  /** `object`: the first `{` after the needle; `args`: the argument list; `file`: mobile SDK calls. */
  readonly settings: 'object' | 'args' | 'file';
  /** Keys that carry an identifier, when not the call's or the vendor's. */
  readonly idKeys?: readonly string[];
}

/**
 * Where a call carries its proof. `fields`: a key of the settings object (the call's or the
 * vendor's proof keys); `arg`: the argument at this index (Gleap's third); `pair`: the item at
 * this index of the array pushed as the command's value (Crisp's `[email, signature]`);
 * `separate`: a call of its own in the same file (Intercom's mobile `setUserHash`); `callback`:
 * handed to a callback the SDK calls (Zendesk's JWT), never judged missing.
 */
export type ProofPlace =
  | { readonly in: 'fields' }
  | { readonly in: 'arg' | 'pair'; readonly index: number }
  | { readonly in: 'separate' }
  | { readonly in: 'callback' };

/** One way of writing a client call, on the SDKs listed. */
export interface ClientCall {
  readonly sdks: readonly ClientSdk[];
  /** How it looks, for people and for the README (`Intercom('boot', { … })`). */
  readonly example: string;
  /**
   * `identify` (the default): carries who the user is; `proof`: hands over the hash or JWT
   * alone; `anonymous`: logs in a visitor with no identity (and so needs no hash).
   */
  readonly role?: 'identify' | 'proof' | 'anonymous';
  /** Where the hash goes; defaults to `fields`. */
  readonly proof?: ProofPlace;
  /** Settings keys that carry an identifier; the vendor's `idKeys` otherwise. */
  readonly idKeys?: readonly string[];
  /** Settings keys (or, for `separate`, names in the file) that carry the proof; the vendor's otherwise. */
  readonly proofKeys?: readonly string[];
  /** The syntax layer's shape, where the syntax layer parses the SDK's language. */
  readonly shape?: ShapeSpec;
  /** The text engine's needles, where it detects the call. */
  readonly text?: readonly TextSpec[];
}

/** Languages samples are written in (the file extension the engines see). */
export type SampleLang = 'js' | 'ts' | 'tsx' | 'swift' | 'm' | 'kt' | 'java' | 'dart' | 'cs';

/** The engines that are expected to judge a sample. */
export type Engine = 'text' | 'syntax';

/** A short piece of client code and what a checker must say about it. */
export interface Sample {
  readonly lang: SampleLang;
  readonly code: string;
  /** True: the code sends the proof (no finding); false: it identifies without it. */
  readonly proven: boolean;
  /** Which engines detect the call; both where the language has a grammar and a needle. */
  readonly engines: readonly Engine[];
}

/** The package managers whose manifests the project model reads. */
export type Ecosystem = 'npm' | 'cocoapods' | 'pub' | 'gradle' | 'gem' | 'pypi' | 'composer' | 'go';

/** Package names by package manager (Gradle: `group:artifact`). */
export type VendorPackages = Partial<Record<Ecosystem, readonly string[]>>;

/** A needle for the byte pre-filter, with its rarest three characters (see engine/topics.ts). */
export interface PrefilterNeedle {
  readonly needle: string;
  readonly window: string;
}

/** Everything about one messenger: one file under src/core/vendors/ each. */
export interface VendorDefinition<Id extends string = string> {
  readonly facts: VendorFacts<Id>;
  /** The vendor as rule messages name it (`Help Scout`). */
  readonly label: string;
  /** Settings keys that carry an identifier on the client. */
  readonly idKeys: readonly string[];
  /** Settings keys that carry the hash or the JWT on the client. */
  readonly proofKeys: readonly string[];
  readonly calls: readonly ClientCall[];
  /** Strings that show a file talks to this messenger (imports, globals, field names). */
  readonly markers: readonly string[];
  /**
   * The vendor's client SDK packages by package manager, as a manifest names them: the project
   * model (src/core/workspace) reads which messengers a project uses from these.
   */
  readonly packages?: VendorPackages;
  /** Pre-filter needles: a messenger-language file that holds none of any vendor's is not read for calls. */
  readonly needles: readonly PrefilterNeedle[];
  readonly samples: readonly Sample[];
}

/** Checks a definition's literal types without widening its id. */
export function defineVendor<const Id extends string>(definition: VendorDefinition<Id>): VendorDefinition<Id> {
  return definition;
}
