/**
 * The JVM: Spring Boot (Java), Ktor (Kotlin) and Grails (Groovy), shaped like ../jvm.ts.
 * jjwt, java-jwt (Auth0) and Nimbus JOSE+JWT come from Maven Central, which the proof machine
 * cannot reach, so the cores build the token with javax.crypto.Mac: the code that runs in the
 * proof is the code the user inserts.
 */
import { stop } from '../../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../../types';
import { claimEntries, field, kidEnv, platformNote, title } from './shared';

const NOTE = platformNote('jjwt, java-jwt (Auth0) or Nimbus JOSE+JWT', 'The JDK has no JSON encoder, hence json().');

/** The payload's members as Java/Kotlin expressions, e.g. `"\"user_id\":" + json(userId)`. */
const members = (c: SnippetContext) => [
  ...claimEntries(c, (k, v) => String.raw`"\"${k}\":" + ${v}`, 'json(userId)', 'json(email)', (s) => `json("${s}")`),
  String.raw`"\"exp\":" + (Instant.now().getEpochSecond() + 3600)`,
];

function javaJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: ['java.nio.charset.StandardCharsets', 'java.security.GeneralSecurityException', 'java.time.Instant', 'java.util.Base64', 'javax.crypto.Mac', 'javax.crypto.spec.SecretKeySpec'],
    code: String.raw`/**
 * ${title(c)}: an HS256 JWT with a short expiry, signed on the server only.
 * ${NOTE}
 */
final class MessengerJwt {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;${kid ? '\n    private final String keyId;' : ''}

    MessengerJwt(String secret${kid ? ', String keyId' : ''}) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalStateException("${c.envVar} is not set");
        }${kid ? `
        if (keyId == null || keyId.isEmpty()) {
            throw new IllegalStateException("${kid} is not set");
        }
        this.keyId = keyId;` : ''}
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String sign(String userId, String email) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"${kid ? String.raw`,\"kid\":" + json(keyId) + "` : ''}}";
        String payload = "{" + String.join(",", ${members(c).join(', ')}) + "}";
        String input = b64(header) + "." + b64(payload);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string (or null): quotes, backslashes and control characters escaped. */
    private static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }
}`,
  };
}

const javaImports = (names: readonly string[]) => [...new Set(names)].sort().map((n) => `import ${n};`).join('\n');

const spring: SnippetDefinition = {
  id: 'jwt-spring',
  title: 'Spring Boot controller that signs the messenger JWT (javax.crypto)',
  language: 'java',
  framework: 'Spring Boot (javax.crypto)',
  kind: 'server',
  scheme: 'jwt',
  core: javaJwtCore,
  template: (c) => `${javaImports([...javaJwtCore(c).imports, 'java.util.Map', 'org.springframework.beans.factory.annotation.Value', 'org.springframework.security.core.annotation.AuthenticationPrincipal', 'org.springframework.web.bind.annotation.GetMapping', 'org.springframework.web.bind.annotation.RestController'])}

${javaJwtCore(c).code}

@RestController
class MessengerJwtController {
    private final MessengerJwt messengerJwt;

    // Resolved from the environment (or any Spring property source / secret store), never a literal.
    MessengerJwtController(@Value("\${${c.envVar}}") String secret${kidEnv(c) ? `, @Value("\${${kidEnv(c) ?? ''}}") String keyId` : ''}) {
        this.messengerJwt = new MessengerJwt(secret${kidEnv(c) ? ', keyId' : ''});
    }

    @GetMapping("${stop(1, '/api/messenger/jwt')}")
    Map<String, String> token(@AuthenticationPrincipal ${stop(2, 'AppUser')} user) {
        return Map.of("${field(c)}", messengerJwt.sign(String.valueOf(user.getId()), user.getEmail()));${stop(0)}
    }
}
`,
  runnable: {
    filename: 'Main.java',
    command: 'javac Main.java && java Main',
    program: (c) => `${javaImports(javaJwtCore(c).imports)}

${javaJwtCore(c).code}

public class Main {
    public static void main(String[] args) {
        MessengerJwt messengerJwt = new MessengerJwt(System.getenv("IDV_SECRET")${kidEnv(c) ? ', System.getenv("IDV_KEY_ID")' : ''});
        System.out.println(messengerJwt.sign(System.getenv("IDV_IDENTIFIER"), System.getenv("IDV_EMAIL")));
    }
}
`,
  },
};

function kotlinJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: ['java.time.Instant', 'java.util.Base64', 'javax.crypto.Mac', 'javax.crypto.spec.SecretKeySpec'],
    code: String.raw`/**
 * ${title(c)}: an HS256 JWT with a short expiry, signed on the server only.
 * ${NOTE}
 */
class MessengerJwt(secret: String${kid ? ', private val keyId: String' : ''}) {
    init {
        require(secret.isNotEmpty()) { "${c.envVar} is not set" }${kid ? `
        require(keyId.isNotEmpty()) { "${kid} is not set" }` : ''}
    }

    private val key = SecretKeySpec(secret.toByteArray(Charsets.UTF_8), "HmacSHA256")
    private val b64 = Base64.getUrlEncoder().withoutPadding()

    fun sign(userId: String, email: String?): String {
        val header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"${kid ? String.raw`,\"kid\":" + json(keyId) + "` : ''}}"
        val payload = listOf(${members(c).join(', ')}).joinToString(",", "{", "}")
        val input = encode(header) + "." + encode(payload)
        val mac = Mac.getInstance("HmacSHA256")
        mac.init(key)
        return input + "." + b64.encodeToString(mac.doFinal(input.toByteArray(Charsets.UTF_8)))
    }

    private fun encode(json: String): String = b64.encodeToString(json.toByteArray(Charsets.UTF_8))

    /** A JSON string (or null): quotes, backslashes and control characters escaped. */
    private fun json(value: String?): String {
        if (value == null) return "null"
        val out = StringBuilder("\"")
        for (ch in value) {
            when {
                ch == '"' || ch == '\\' -> out.append('\\').append(ch)
                ch < ' ' -> out.append(String.format("\\u%04x", ch.toInt()))
                else -> out.append(ch)
            }
        }
        return out.append('"').toString()
    }
}`,
  };
}

const ktor: SnippetDefinition = {
  id: 'jwt-ktor',
  title: 'Ktor route that signs the messenger JWT (javax.crypto)',
  language: 'kotlin',
  framework: 'Ktor (javax.crypto)',
  kind: 'server',
  scheme: 'jwt',
  core: kotlinJwtCore,
  template: (c) => `${[...kotlinJwtCore(c).imports, 'io.ktor.http.HttpStatusCode', 'io.ktor.server.auth.authenticate', 'io.ktor.server.auth.principal', 'io.ktor.server.response.respond', 'io.ktor.server.routing.Route', 'io.ktor.server.routing.get'].sort().map((n) => `import ${n}`).join('\n')}

${kotlinJwtCore(c).code}

fun Route.messengerJwt() {
    val messengerJwt = MessengerJwt(System.getenv("${c.envVar}") ?: error("${c.envVar} is not set")${kidEnv(c) ? `, System.getenv("${kidEnv(c) ?? ''}") ?: error("${kidEnv(c) ?? ''} is not set")` : ''})
    authenticate {
        get("${stop(1, '/api/messenger/jwt')}") {
            val user = call.principal<${stop(2, 'UserPrincipal')}>() ?: return@get call.respond(HttpStatusCode.Unauthorized)
            call.respond(mapOf("${field(c)}" to messengerJwt.sign(user.id.toString(), user.email)))${stop(0)}
        }
    }
}
`,
  runnable: {
    filename: 'main.kt',
    command: 'kotlinc main.kt -include-runtime -d main.jar && java -jar main.jar',
    program: (c) => `${kotlinJwtCore(c).imports.map((n) => `import ${n}`).join('\n')}

${kotlinJwtCore(c).code}

fun main() {
    val messengerJwt = MessengerJwt(System.getenv("IDV_SECRET") ?: ""${kidEnv(c) ? ', System.getenv("IDV_KEY_ID") ?: ""' : ''})
    println(messengerJwt.sign(System.getenv("IDV_IDENTIFIER") ?: "", System.getenv("IDV_EMAIL")))
}
`,
  },
};

function groovyJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  return {
    imports: ['groovy.json.JsonOutput', 'javax.crypto.Mac', 'javax.crypto.spec.SecretKeySpec'],
    code: `/**
 * ${title(c)}: an HS256 JWT with a short expiry, signed on the server only.
 * ${platformNote('jjwt, java-jwt (Auth0) or Nimbus JOSE+JWT', 'groovy.json encodes the JSON.')}
 */
class MessengerJwt {
    private final SecretKeySpec key${kid ? '\n    private final String keyId' : ''}

    MessengerJwt(String secret${kid ? ', String keyId' : ''}) {
        if (!secret) throw new IllegalStateException('${c.envVar} is not set')${kid ? `
        if (!keyId) throw new IllegalStateException('${kid} is not set')
        this.keyId = keyId` : ''}
        key = new SecretKeySpec(secret.getBytes('UTF-8'), 'HmacSHA256')
    }

    String sign(String userId, String email) {
        def header = [alg: 'HS256', typ: 'JWT'${kid ? ', kid: keyId' : ''}]
        def claims = [${claimEntries(c, (k, v) => `${k}: ${v}`, 'userId', 'email', (s) => `'${s}'`).join(', ')}, exp: System.currentTimeMillis().intdiv(1000) + 3600]
        String input = encode(JsonOutput.toJson(header)) + '.' + encode(JsonOutput.toJson(claims))
        Mac mac = Mac.getInstance('HmacSHA256')
        mac.init(key)
        input + '.' + Base64.urlEncoder.withoutPadding().encodeToString(mac.doFinal(input.getBytes('UTF-8')))
    }

    private static String encode(String json) {
        Base64.urlEncoder.withoutPadding().encodeToString(json.getBytes('UTF-8'))
    }
}`,
  };
}

const grails: SnippetDefinition = {
  id: 'jwt-grails',
  title: 'Grails controller that signs the messenger JWT (javax.crypto)',
  language: 'groovy',
  framework: 'Grails (javax.crypto)',
  kind: 'server',
  scheme: 'jwt',
  core: groovyJwtCore,
  template: (c) => `${[...groovyJwtCore(c).imports, 'grails.converters.JSON'].sort().map((n) => `import ${n}`).join('\n')}

${groovyJwtCore(c).code}

class ${stop(1, 'MessengerJwt')}Controller {
    def springSecurityService
    private final MessengerJwt messengerJwt = new MessengerJwt(System.getenv('${c.envVar}')${kidEnv(c) ? `, System.getenv('${kidEnv(c) ?? ''}')` : ''})

    def show() {
        def user = springSecurityService.currentUser
        if (!user) return render(status: 401)
        render(['${field(c)}': messengerJwt.sign(user.id.toString(), user.email)] as JSON)${stop(0)}
    }
}
`,
  runnable: {
    filename: 'main.groovy',
    command: 'groovy main.groovy',
    program: (c) => `${groovyJwtCore(c).imports.map((n) => `import ${n}`).join('\n')}

${groovyJwtCore(c).code}

def messengerJwt = new MessengerJwt(System.getenv('IDV_SECRET')${kidEnv(c) ? ", System.getenv('IDV_KEY_ID')" : ''})
println messengerJwt.sign(System.getenv('IDV_IDENTIFIER') ?: '', System.getenv('IDV_EMAIL'))
`,
  },
};

export const JVM_JWT_SNIPPETS: readonly SnippetDefinition[] = [spring, ktor, grails];
