/** The JVM: Java (Spring Boot), Kotlin (Ktor) and Groovy (Grails), all over javax.crypto.Mac. */
import { hashName, mapEntries } from '../common';
import { stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';

function javaCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret ? 'HexFormat.of().parseHex(secret)' : 'secret.getBytes(StandardCharsets.UTF_8)';
  return {
    imports: ['java.nio.charset.StandardCharsets', 'java.security.GeneralSecurityException', 'java.security.MessageDigest', 'java.util.HexFormat', 'javax.crypto.Mac', 'javax.crypto.spec.SecretKeySpec'],
    code: `/** ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only. */
final class UserHash {
    private final SecretKeySpec key;

    UserHash(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalStateException("${c.envVar} is not set");
        }
        this.key = new SecretKeySpec(${key}, "HmacSHA256");
    }

    String of(String identifier) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // HexFormat.of() is lowercase, which mobile SDKs require.
            return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Checks a hash handed back by a client, in constant time (never with equals). */
    boolean verify(String identifier, String candidate) {
        return MessageDigest.isEqual(of(identifier).getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}`,
  };
}

const javaImports = (names: readonly string[]) => [...new Set(names)].sort().map((n) => `import ${n};`).join('\n');

function jvmIdentifier(c: SnippetContext, id: string, email: string, nullCheck: string): string {
  if (c.identifier === 'email') return email;
  return c.emailFallback ? nullCheck : `String.valueOf(${id})`;
}

const spring: SnippetDefinition = {
  id: 'spring',
  title: 'Spring Boot controller that returns the user hash for the signed-in user',
  language: 'java',
  framework: 'Spring Boot',
  kind: 'server',
  scheme: 'hmac',
  core: javaCore,
  template: (c) => `${javaImports([...javaCore(c).imports, 'java.util.Map', 'org.springframework.beans.factory.annotation.Value', 'org.springframework.security.core.annotation.AuthenticationPrincipal', 'org.springframework.web.bind.annotation.GetMapping', 'org.springframework.web.bind.annotation.RestController'])}

${javaCore(c).code}

@RestController
class MessengerIdentityController {
    private final UserHash userHash;

    // Resolved from the environment (or any Spring property source / secret store), never a literal.
    MessengerIdentityController(@Value("\${${c.envVar}}") String secret) {
        this.userHash = new UserHash(secret);
    }

    @GetMapping("${stop(1, '/api/messenger/identity')}")
    Map<String, Object> identity(@AuthenticationPrincipal ${stop(2, 'AppUser')} user) {
        String identifier = ${jvmIdentifier(c, 'user.getId()', 'user.getEmail()', 'user.getId() != null ? String.valueOf(user.getId()) : user.getEmail()')};
        return Map.of(${mapEntries(c, { id: 'String.valueOf(user.getId())', email: 'user.getEmail()', hash: 'userHash.of(identifier)' }, (k, e) => `"${k}", ${e}`).join(', ')});${stop(0)}
    }
}
`,
  runnable: {
    filename: 'Main.java',
    command: 'javac Main.java && java Main',
    program: (c) => `${javaImports(javaCore(c).imports)}

${javaCore(c).code}

public class Main {
    public static void main(String[] args) {
        UserHash userHash = new UserHash(System.getenv("IDV_SECRET"));
        String identifier = System.getenv("IDV_IDENTIFIER");
        System.out.println(userHash.of(identifier));
        String candidate = System.getenv("IDV_VERIFY");
        if (candidate != null) {
            System.out.println(userHash.verify(identifier, candidate));
        }
    }
}
`,
  },
};

function kotlinCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret
    ? `secret.also { require(it.length % 2 == 0) { "${c.envVar} is not hex" } }.chunked(2).map { it.toInt(16).toByte() }.toByteArray()`
    : 'secret.toByteArray(Charsets.UTF_8)';
  return {
    imports: ['java.security.MessageDigest', 'javax.crypto.Mac', 'javax.crypto.spec.SecretKeySpec'],
    code: `/** ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only. */
class UserHash(secret: String) {
    init {
        require(secret.isNotEmpty()) { "${c.envVar} is not set" }
    }

    private val key = SecretKeySpec(${key}, "HmacSHA256")

    fun of(identifier: String): String {
        val mac = Mac.getInstance("HmacSHA256")
        mac.init(key)
        return mac.doFinal(identifier.toByteArray(Charsets.UTF_8)).joinToString("") { "%02x".format(it) }
    }

    /** Checks a hash handed back by a client, in constant time (never with ==). */
    fun verify(identifier: String, candidate: String): Boolean =
        MessageDigest.isEqual(of(identifier).toByteArray(Charsets.UTF_8), candidate.toByteArray(Charsets.UTF_8))
}`,
  };
}

const ktor: SnippetDefinition = {
  id: 'ktor',
  title: 'Ktor route that returns the user hash for the signed-in user',
  language: 'kotlin',
  framework: 'Ktor',
  kind: 'server',
  scheme: 'hmac',
  core: kotlinCore,
  template: (c) => `${[...kotlinCore(c).imports, 'io.ktor.http.HttpStatusCode', 'io.ktor.server.auth.authenticate', 'io.ktor.server.auth.principal', 'io.ktor.server.response.respond', 'io.ktor.server.routing.Route', 'io.ktor.server.routing.get'].sort().map((n) => `import ${n}`).join('\n')}

${kotlinCore(c).code}

fun Route.messengerIdentity() {
    val userHash = UserHash(System.getenv("${c.envVar}") ?: error("${c.envVar} is not set"))
    authenticate {
        get("${stop(1, '/api/messenger/identity')}") {
            val user = call.principal<${stop(2, 'UserPrincipal')}>() ?: return@get call.respond(HttpStatusCode.Unauthorized)
            val identifier = ${jvmIdentifier(c, 'user.id', 'user.email', 'user.id?.toString() ?: user.email')}
            call.respond(mapOf(${mapEntries(c, { id: 'user.id?.toString()', email: 'user.email', hash: 'userHash.of(identifier)' }, (k, e) => `"${k}" to ${e}`).join(', ')}))${stop(0)}
        }
    }
}
`,
  runnable: {
    filename: 'main.kt',
    command: 'kotlinc main.kt -include-runtime -d main.jar && java -jar main.jar',
    program: (c) => `${kotlinCore(c).imports.map((n) => `import ${n}`).join('\n')}

${kotlinCore(c).code}

fun main() {
    val userHash = UserHash(System.getenv("IDV_SECRET") ?: "")
    val identifier = System.getenv("IDV_IDENTIFIER") ?: ""
    println(userHash.of(identifier))
    System.getenv("IDV_VERIFY")?.let { println(userHash.verify(identifier, it)) }
}
`,
  },
};

function groovyCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret ? 'secret.decodeHex()' : "secret.getBytes('UTF-8')";
  return {
    imports: ['java.security.MessageDigest', 'javax.crypto.Mac', 'javax.crypto.spec.SecretKeySpec'],
    code: `/** ${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only. */
class UserHash {
    private final SecretKeySpec key

    UserHash(String secret) {
        if (!secret) throw new IllegalStateException('${c.envVar} is not set')
        key = new SecretKeySpec(${key}, 'HmacSHA256')
    }

    String of(String identifier) {
        Mac mac = Mac.getInstance('HmacSHA256')
        mac.init(key)
        mac.doFinal(identifier.getBytes('UTF-8')).encodeHex().toString()
    }

    /** Checks a hash handed back by a client, in constant time (never with ==). */
    boolean verify(String identifier, String candidate) {
        MessageDigest.isEqual(of(identifier).getBytes('UTF-8'), candidate.getBytes('UTF-8'))
    }
}`,
  };
}

const grails: SnippetDefinition = {
  id: 'grails',
  title: 'Grails controller that returns the user hash for the signed-in user',
  language: 'groovy',
  framework: 'Grails',
  kind: 'server',
  scheme: 'hmac',
  core: groovyCore,
  template: (c) => `${[...groovyCore(c).imports, 'grails.converters.JSON'].sort().map((n) => `import ${n}`).join('\n')}

${groovyCore(c).code}

class ${stop(1, 'MessengerIdentity')}Controller {
    def springSecurityService
    private final UserHash userHash = new UserHash(System.getenv('${c.envVar}'))

    def show() {
        def user = springSecurityService.currentUser
        if (!user) return render(status: 401)
        String identifier = ${c.identifier === 'email' ? 'user.email' : c.emailFallback ? 'user.id != null ? user.id.toString() : user.email' : 'user.id.toString()'}
        render([${mapEntries(c, { id: 'user.id?.toString()', email: 'user.email', hash: 'userHash.of(identifier)' }, (k, e) => `'${k}': ${e}`).join(', ')}] as JSON)${stop(0)}
    }
}
`,
  runnable: {
    filename: 'main.groovy',
    command: 'groovy main.groovy',
    program: (c) => `${groovyCore(c).imports.map((n) => `import ${n}`).join('\n')}

${groovyCore(c).code}

def userHash = new UserHash(System.getenv('IDV_SECRET'))
def identifier = System.getenv('IDV_IDENTIFIER') ?: ''
println userHash.of(identifier)
def candidate = System.getenv('IDV_VERIFY')
if (candidate != null) println userHash.verify(identifier, candidate)
`,
  },
};

export const JVM_SNIPPETS: readonly SnippetDefinition[] = [spring, ktor, grails];
