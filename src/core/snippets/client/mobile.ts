/**
 * Mobile clients (Intercom's SDKs): the app fetches the hash from its own backend and sets it
 * before logging the user in. The backend must use the secret of this platform (iOS and
 * Android each have their own), and the secret is never compiled into the app.
 */
import { stop } from '../template';
import type { SnippetDefinition } from '../types';

const NOTE = 'userHash comes from your backend, made with the PLATFORM identity verification secret.';
const note = (platform: 'iOS' | 'Android') => NOTE.replace('PLATFORM', platform);

const swift: SnippetDefinition = {
  id: 'ios-swift',
  title: 'iOS (Swift): set the server-provided user hash, then log the user in',
  language: 'swift',
  framework: 'iOS (Swift)',
  kind: 'client',
  scheme: 'hmac',
  vendors: ['intercom'],
  template: () => `// ${note('iOS')}
// setUserHash must come before loginUser, or the login is rejected once verification is enforced.
func ${stop(1, 'identifyToIntercom')}(userId: String, email: String?, userHash: String) {
    Intercom.setUserHash(userHash)
    let attributes = ICMUserAttributes()
    attributes.userId = userId
    attributes.email = email
    Intercom.loginUser(with: attributes) { result in
        if case .failure(let error) = result {
            print("Intercom login failed: \\(error)")
        }
    }${stop(0)}
}
`,
};

const objc: SnippetDefinition = {
  id: 'ios-objc',
  title: 'iOS (Objective-C): set the server-provided user hash, then log the user in',
  language: 'objective-c',
  framework: 'iOS (Objective-C)',
  kind: 'client',
  scheme: 'hmac',
  vendors: ['intercom'],
  template: () => `// ${note('iOS')}
// setUserHash: must come before the login, or it is rejected once verification is enforced.
- (void)${stop(1, 'identifyToIntercom')}:(NSString *)userId email:(NSString *)email userHash:(NSString *)userHash {
    [Intercom setUserHash:userHash];
    ICMUserAttributes *attributes = [ICMUserAttributes new];
    attributes.userId = userId;
    attributes.email = email;
    [Intercom loginUserWithUserAttributes:attributes success:nil failure:^(NSError * _Nonnull error) {
        NSLog(@"Intercom login failed: %@", error);
    }];${stop(0)}
}
`,
};

const androidKotlin: SnippetDefinition = {
  id: 'android-kotlin',
  title: 'Android (Kotlin): set the server-provided user hash, then log the user in',
  language: 'kotlin',
  framework: 'Android (Kotlin)',
  kind: 'client',
  scheme: 'hmac',
  vendors: ['intercom'],
  template: () => `// ${note('Android')}
// setUserHash must come before loginIdentifiedUser, or the login is rejected once verification is enforced.
fun ${stop(1, 'identifyToIntercom')}(userId: String, email: String?, userHash: String) {
    Intercom.client().setUserHash(userHash)
    val registration = Registration.create().withUserId(userId).apply { email?.let { withEmail(it) } }
    Intercom.client().loginIdentifiedUser(registration, object : IntercomStatusCallback {
        override fun onSuccess() {}
        override fun onFailure(intercomError: IntercomError) {
            Log.w("Intercom", "login failed: \${intercomError.errorMessage}")
        }
    })${stop(0)}
}
`,
};

const androidJava: SnippetDefinition = {
  id: 'android-java',
  title: 'Android (Java): set the server-provided user hash, then log the user in',
  language: 'java',
  framework: 'Android (Java)',
  kind: 'client',
  scheme: 'hmac',
  vendors: ['intercom'],
  template: () => `// ${note('Android')}
// setUserHash must come before loginIdentifiedUser, or the login is rejected once verification is enforced.
void ${stop(1, 'identifyToIntercom')}(String userId, @Nullable String email, String userHash) {
    Intercom.client().setUserHash(userHash);
    Registration registration = Registration.create().withUserId(userId);
    if (email != null) registration = registration.withEmail(email);
    Intercom.client().loginIdentifiedUser(registration, new IntercomStatusCallback() {
        @Override public void onSuccess() {}
        @Override public void onFailure(@NonNull IntercomError error) {
            Log.w("Intercom", "login failed: " + error.getErrorMessage());
        }
    });${stop(0)}
}
`,
};

const reactNative: SnippetDefinition = {
  id: 'react-native',
  title: 'React Native: set the server-provided user hash, then log the user in',
  language: 'typescriptreact',
  framework: 'React Native',
  kind: 'client',
  scheme: 'hmac',
  vendors: ['intercom'],
  template: () => `import Intercom from '@intercom/intercom-react-native';

// userHash comes from your backend, made with the iOS or Android secret matching Platform.OS.
// setUserHash must come before the login, or it is rejected once verification is enforced.
export async function ${stop(1, 'identifyToIntercom')}(userId: string, email: string | undefined, userHash: string) {
  await Intercom.setUserHash(userHash);
  await Intercom.loginUserWithUserAttributes({ userId, email });${stop(0)}
}
`,
};

const flutter: SnippetDefinition = {
  id: 'flutter',
  title: 'Flutter: set the server-provided user hash, then log the user in',
  language: 'dart',
  framework: 'Flutter',
  kind: 'client',
  scheme: 'hmac',
  vendors: ['intercom'],
  template: () => `import 'package:intercom_flutter/intercom_flutter.dart';

// userHash comes from your backend, made with the iOS or Android secret for this platform.
// setUserHash must come before the login, or it is rejected once verification is enforced.
Future<void> ${stop(1, 'identifyToIntercom')}(String userId, String? email, String userHash) async {
  await Intercom.instance.setUserHash(userHash);
  await Intercom.instance.loginIdentifiedUser(userId: userId, email: email);${stop(0)}
}
`,
};

export const MOBILE_CLIENT_SNIPPETS: readonly SnippetDefinition[] = [swift, objc, androidKotlin, androidJava, reactNative, flutter];
