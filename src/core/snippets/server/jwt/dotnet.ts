/**
 * ASP.NET Core minimal API, shaped like ../dotnet.ts. Projects usually sign with
 * Microsoft.IdentityModel.JsonWebTokens (NuGet), which the proof machine cannot reach, and
 * .NET itself is not installable there; the core therefore uses HMACSHA256 and C# that Mono's
 * compiler also accepts, so the proof compiles and runs the very code the user inserts.
 */
import { stop } from '../../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../../types';
import { claimEntries, field, kidEnv, platformNote, title } from './shared';

function csharpJwtCore(c: SnippetContext): CoreCode {
  const kid = kidEnv(c);
  const members = [
    ...claimEntries(c, (k, v) => String.raw`"\"${k}\":" + ${v}`, 'Json(userId)', 'Json(email)', (s) => `Json("${s}")`),
    String.raw`"\"exp\":" + (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600)`,
  ];
  return {
    imports: ['using System;', 'using System.Security.Cryptography;', 'using System.Text;'],
    code: String.raw`/// <summary>
/// ${title(c)}: an HS256 JWT with a short expiry, signed on the server only.
/// ${platformNote('Microsoft.IdentityModel.JsonWebTokens (JsonWebTokenHandler)', 'Json() escapes the claims.')}
/// </summary>
public sealed class MessengerJwt
{
    private readonly byte[] _key;${kid ? '\n    private readonly string _keyId;' : ''}

    public MessengerJwt(string secret${kid ? ', string keyId' : ''})
    {
        if (string.IsNullOrEmpty(secret)) throw new InvalidOperationException("${c.envVar} is not set");${kid ? `
        if (string.IsNullOrEmpty(keyId)) throw new InvalidOperationException("${kid} is not set");
        _keyId = keyId;` : ''}
        _key = Encoding.UTF8.GetBytes(secret);
    }

    public string Sign(string userId, string email)
    {
        var header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"${kid ? String.raw`,\"kid\":" + Json(_keyId) + "` : ''}}";
        var payload = "{" + string.Join(",", ${members.join(', ')}) + "}";
        var input = Encode(Encoding.UTF8.GetBytes(header)) + "." + Encode(Encoding.UTF8.GetBytes(payload));
        using (var hmac = new HMACSHA256(_key))
        {
            return input + "." + Encode(hmac.ComputeHash(Encoding.UTF8.GetBytes(input)));
        }
    }

    private static string Encode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A JSON string (or null): quotes, backslashes and control characters escaped.</summary>
    private static string Json(string value)
    {
        if (value == null) return "null";
        var json = new StringBuilder("\"");
        foreach (var ch in value)
        {
            if (ch == '"' || ch == '\\') json.Append('\\').Append(ch);
            else if (ch < ' ') json.Append("\\u").Append(((int)ch).ToString("x4"));
            else json.Append(ch);
        }
        return json.Append('"').ToString();
    }
}`,
  };
}

const aspnet: SnippetDefinition = {
  id: 'jwt-aspnetcore',
  title: 'ASP.NET Core minimal API endpoint that signs the messenger JWT (HMACSHA256)',
  language: 'csharp',
  framework: 'ASP.NET Core (HMACSHA256)',
  kind: 'server',
  scheme: 'jwt',
  core: csharpJwtCore,
  // Top-level statements first, then the type, as C# requires in Program.cs.
  template: (c) => `${[...csharpJwtCore(c).imports, 'using System.Security.Claims;'].sort().join('\n')}

var builder = WebApplication.CreateBuilder(args);
// Configuration covers environment variables, user-secrets and Key Vault: never a literal.
builder.Services.AddSingleton(new MessengerJwt(builder.Configuration["${c.envVar}"] ?? ""${kidEnv(c) ? `, builder.Configuration["${kidEnv(c) ?? ''}"] ?? ""` : ''}));
var app = builder.Build();

app.MapGet("${stop(1, '/api/messenger/jwt')}", (ClaimsPrincipal user, MessengerJwt messengerJwt) =>
{
    var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
    if (id is null) return Results.Unauthorized();
    return Results.Json(new Dictionary<string, string> { ["${field(c)}"] = messengerJwt.Sign(id, user.FindFirstValue(ClaimTypes.Email)) });${stop(0)}
}).RequireAuthorization();

app.Run();

${csharpJwtCore(c).code}
`,
  runnable: {
    filename: 'main.cs',
    // Mono's compiler and runtime (Debian: mono-mcs, mono-runtime); .NET is not in Debian.
    command: 'mcs -nologo -out:main.exe main.cs && mono main.exe',
    program: (c) => `${csharpJwtCore(c).imports.join('\n')}

public static class Program
{
    public static void Main()
    {
        var messengerJwt = new MessengerJwt(Environment.GetEnvironmentVariable("IDV_SECRET")${kidEnv(c) ? ', Environment.GetEnvironmentVariable("IDV_KEY_ID")' : ''});
        Console.WriteLine(messengerJwt.Sign(Environment.GetEnvironmentVariable("IDV_IDENTIFIER") ?? "", Environment.GetEnvironmentVariable("IDV_EMAIL")));
    }
}

${csharpJwtCore(c).code}
`,
  },
};

export const DOTNET_JWT_SNIPPETS: readonly SnippetDefinition[] = [aspnet];
