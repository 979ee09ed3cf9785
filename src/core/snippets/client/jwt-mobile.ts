/**
 * Native apps on the JWT path: the app asks its own backend for the token the backend signed
 * (with the secret of this platform) and hands it to the vendor's SDK. Intercom takes it in
 * `setUserJwt`, which must come before the login; Zendesk takes it in `loginUser` itself.
 * Which vendors and SDKs have such a call, and its name, come from the vendor files.
 */
import { VENDORS, type ClientSdk, type VendorId } from '../../vendors';
import { stop } from '../template';
import type { SnippetContext, SnippetDefinition } from '../types';

/** Vendors whose mobile SDK for `sdk` takes a JWT, per the vendor files. */
const vendorsFor = (sdk: ClientSdk): VendorId[] => VENDORS.filter((v) => v.jwt?.mobile?.sdks.includes(sdk)).map((v) => v.id);

const URL_STOP = stop(2, 'https://api.example.com/api/messenger/jwt');
const field = (c: SnippetContext) => c.vendor.jwt?.field ?? 'jwt';
const call = (c: SnippetContext) => c.vendor.jwt?.mobile?.call ?? 'setUserJwt';
const short = (c: SnippetContext) => c.vendor.name.split(' ')[0] ?? c.vendor.name;
const fn = (c: SnippetContext) => stop(1, `identifyTo${short(c)}`);
/** Intercom logs in with the user id beside the token; Zendesk reads it from the token alone. */
const takesUserId = (c: SnippetContext) => c.vendor.id === 'intercom';

/** The comment every mobile JWT snippet opens with, in the language's line-comment syntax. */
function header(c: SnippetContext, sdk: ClientSdk, platform: string, comment = '//'): string {
  const since = c.vendor.jwt?.mobile?.since?.[sdk];
  const lines = [
    // Intercom gives each platform its own secret; Zendesk has one signing key for the account.
    `Your backend signs the JWT with ${c.vendor.id === 'intercom' ? `the ${platform} Messenger Security secret` : `the ${c.vendor.name} signing key`}`,
    '(see the jwt-* server snippets); the app only fetches it, with the signed-in user\'s session,',
    'and passes it on. Never sign it in the app, nor ship the secret in it.',
    c.vendor.id === 'intercom'
      ? `${call(c)} must come before the login${since ? ` (${since} or later)` : ''}; log in with the same user id`
      : `${call(c)} takes the token itself${since ? ` (${since} or later)` : ''}; the token carries the user id.`,
    ...(c.vendor.id === 'intercom' ? ['as the token\'s, and leave attributes the token signs out of the login.'] : []),
  ];
  return lines.map((l) => `${comment} ${l}`).join('\n');
}

const swift: SnippetDefinition = {
  id: 'ios-swift-jwt',
  title: 'iOS (Swift): fetch the server-signed JWT and hand it to the messenger before the login',
  language: 'swift',
  framework: 'iOS (Swift)',
  kind: 'client',
  scheme: 'jwt',
  vendors: vendorsFor('ios-swift'),
  template: (c) => `${header(c, 'ios-swift', 'iOS')}
func ${fn(c)}(${takesUserId(c) ? 'userId: String' : ''}) async throws {
    let (data, _) = try await URLSession.shared.data(from: URL(string: "${URL_STOP}")!)
    let body = try JSONDecoder().decode([String: String].self, from: data)
    guard let jwt = body["${field(c)}"] else { return }
${c.vendor.id === 'intercom' ? `    Intercom.${call(c)}(jwt)
    let attributes = ICMUserAttributes()
    attributes.userId = userId
    Intercom.loginUser(with: attributes) { result in
        if case .failure(let error) = result {
            print("Intercom login failed: \\(error)")
        }
    }` : `    Zendesk.instance?.${call(c)}(with: jwt) { result in
        if case .failure(let error) = result {
            print("Zendesk login failed: \\(error)")
        }
    }`}${stop(0)}
}
`,
};

const objc: SnippetDefinition = {
  id: 'ios-objc-jwt',
  title: 'iOS (Objective-C): fetch the server-signed JWT and hand it to the messenger before the login',
  language: 'objective-c',
  framework: 'iOS (Objective-C)',
  kind: 'client',
  scheme: 'jwt',
  vendors: vendorsFor('ios-objc'),
  template: (c) => `${header(c, 'ios-objc', 'iOS')}
- (void)${fn(c)}${takesUserId(c) ? ':(NSString *)userId' : ''} {
    NSURL *url = [NSURL URLWithString:@"${URL_STOP}"];
    [[NSURLSession.sharedSession dataTaskWithURL:url completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) {
        NSDictionary *body = data ? [NSJSONSerialization JSONObjectWithData:data options:0 error:nil] : nil;
        NSString *jwt = [body isKindOfClass:[NSDictionary class]] ? body[@"${field(c)}"] : nil;
        if (![jwt isKindOfClass:[NSString class]]) return;
        dispatch_async(dispatch_get_main_queue(), ^{
${c.vendor.id === 'intercom' ? `            [Intercom ${call(c)}:jwt];
            ICMUserAttributes *attributes = [ICMUserAttributes new];
            attributes.userId = userId;
            [Intercom loginUserWithUserAttributes:attributes success:nil failure:^(NSError * _Nonnull loginError) {
                NSLog(@"Intercom login failed: %@", loginError);
            }];` : `            [[Zendesk instance] ${call(c)}With:jwt completionHandler:^(ZDKZendeskUser * _Nullable user, NSError * _Nullable loginError) {
                if (loginError) NSLog(@"Zendesk login failed: %@", loginError);
            }];`}
        });
    }] resume];${stop(0)}
}
`,
};

const androidKotlin: SnippetDefinition = {
  id: 'android-kotlin-jwt',
  title: 'Android (Kotlin): fetch the server-signed JWT and hand it to the messenger before the login',
  language: 'kotlin',
  framework: 'Android (Kotlin)',
  kind: 'client',
  scheme: 'jwt',
  vendors: vendorsFor('android-kotlin'),
  template: (c) => `${header(c, 'android-kotlin', 'Android')}
suspend fun ${fn(c)}(${takesUserId(c) ? 'userId: String' : ''}) {
    val jwt = withContext(Dispatchers.IO) {
        val connection = URL("${URL_STOP}").openConnection() as HttpURLConnection
        connection.inputStream.bufferedReader().use { JSONObject(it.readText()).getString("${field(c)}") }
    }
${c.vendor.id === 'intercom' ? `    Intercom.client().${call(c)}(jwt)
    Intercom.client().loginIdentifiedUser(Registration.create().withUserId(userId), object : IntercomStatusCallback {
        override fun onSuccess() {}
        override fun onFailure(intercomError: IntercomError) {
            Log.w("Intercom", "login failed: \${intercomError.errorMessage}")
        }
    })` : `    Zendesk.instance.${call(c)}(
        jwt = jwt,
        successCallback = { },
        failureCallback = { error -> Log.w("Zendesk", "login failed", error) },
    )`}${stop(0)}
}
`,
};

const androidJava: SnippetDefinition = {
  id: 'android-java-jwt',
  title: 'Android (Java): fetch the server-signed JWT and hand it to the messenger before the login',
  language: 'java',
  framework: 'Android (Java)',
  kind: 'client',
  scheme: 'jwt',
  vendors: vendorsFor('android-java'),
  template: (c) => `${header(c, 'android-java', 'Android')}
// Call it off the main thread: it waits for your backend.
void ${fn(c)}(${takesUserId(c) ? 'String userId' : ''}) throws IOException, JSONException {
    HttpURLConnection connection = (HttpURLConnection) new URL("${URL_STOP}").openConnection();
    String jwt;
    try (Scanner scanner = new Scanner(connection.getInputStream(), "UTF-8").useDelimiter("\\\\A")) {
        jwt = new JSONObject(scanner.next()).getString("${field(c)}");
    }
${c.vendor.id === 'intercom' ? `    Intercom.client().${call(c)}(jwt);
    Intercom.client().loginIdentifiedUser(Registration.create().withUserId(userId), new IntercomStatusCallback() {
        @Override public void onSuccess() {}
        @Override public void onFailure(@NonNull IntercomError error) {
            Log.w("Intercom", "login failed: " + error.getErrorMessage());
        }
    });` : `    Zendesk.getInstance().${call(c)}(jwt, new SuccessCallback<ZendeskUser>() {
        @Override public void onSuccess(ZendeskUser user) {}
    }, new FailureCallback<Throwable>() {
        @Override public void onFailure(@NonNull Throwable error) {
            Log.w("Zendesk", "login failed", error);
        }
    });`}${stop(0)}
}
`,
};

const reactNative: SnippetDefinition = {
  id: 'react-native-jwt',
  title: 'React Native: fetch the server-signed JWT and hand it to the messenger before the login',
  language: 'typescriptreact',
  framework: 'React Native',
  kind: 'client',
  scheme: 'jwt',
  vendors: vendorsFor('react-native'),
  template: (c) => `import Intercom from '@intercom/intercom-react-native';

${header(c, 'react-native', 'iOS or Android (as Platform.OS)')}
export async function ${fn(c)}(userId: string) {
  const response = await fetch('${URL_STOP}');
  // Not signed in: no token, and no login.
  if (!response.ok) return;
  const body = await response.json();
  await Intercom.${call(c)}(body.${field(c)});
  await Intercom.loginUserWithUserAttributes({ userId });${stop(0)}
}
`,
};

const flutter: SnippetDefinition = {
  id: 'flutter-jwt',
  title: 'Flutter: fetch the server-signed JWT and hand it to the messenger before the login',
  language: 'dart',
  framework: 'Flutter',
  kind: 'client',
  scheme: 'jwt',
  vendors: vendorsFor('flutter'),
  template: (c) => `import 'dart:convert';

import 'package:http/http.dart' as http;
import 'package:intercom_flutter/intercom_flutter.dart';

${header(c, 'flutter', 'iOS or Android (as Platform.isIOS)')}
Future<void> ${fn(c)}(String userId) async {
  final response = await http.get(Uri.parse('${URL_STOP}'));
  // Not signed in: no token, and no login.
  if (response.statusCode != 200) return;
  final jwt = (jsonDecode(response.body) as Map<String, dynamic>)['${field(c)}'] as String;
  await Intercom.instance.${call(c)}(jwt);
  await Intercom.instance.loginIdentifiedUser(userId: userId);${stop(0)}
}
`,
};

export const MOBILE_JWT_CLIENT_SNIPPETS: readonly SnippetDefinition[] = [swift, objc, androidKotlin, androidJava, reactNative, flutter];
