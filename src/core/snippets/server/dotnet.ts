/** C#: an ASP.NET Core minimal API over HMACSHA256. */
import { hashName, mapEntries } from '../common';
import { stop } from '../template';
import type { CoreCode, SnippetContext, SnippetDefinition } from '../types';

function csharpCore(c: SnippetContext): CoreCode {
  const key = c.hexSecret ? 'Convert.FromHexString(secret)' : 'Encoding.UTF8.GetBytes(secret)';
  return {
    imports: ['using System.Security.Cryptography;', 'using System.Text;'],
    code: `/// <summary>${hashName(c)}: lowercase hex HMAC-SHA256 of the identifier. Server-side only.</summary>
public sealed class UserHash
{
    private readonly byte[] _key;

    public UserHash(string? secret)
    {
        if (string.IsNullOrEmpty(secret)) throw new InvalidOperationException("${c.envVar} is not set");
        _key = ${key};
    }

    // Convert.ToHexString is uppercase; the messenger SDKs expect lowercase.
    public string For(string identifier) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(identifier))).ToLowerInvariant();

    /// <summary>Checks a hash handed back by a client, in constant time (never with ==).</summary>
    public bool Verify(string identifier, string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(For(identifier)), Encoding.UTF8.GetBytes(candidate));
}`,
  };
}

function csIdentifier(c: SnippetContext): string {
  if (c.identifier === 'email') return 'email';
  return c.emailFallback ? 'id ?? email' : 'id';
}

const aspnet: SnippetDefinition = {
  id: 'aspnetcore',
  title: 'ASP.NET Core minimal API endpoint that returns the user hash',
  language: 'csharp',
  framework: 'ASP.NET Core',
  kind: 'server',
  scheme: 'hmac',
  core: csharpCore,
  // Top-level statements first, then the type, as C# requires in Program.cs.
  template: (c) => `${[...csharpCore(c).imports, 'using System.Security.Claims;'].sort().join('\n')}

var builder = WebApplication.CreateBuilder(args);
// Configuration covers environment variables, user-secrets and Key Vault: never a literal.
builder.Services.AddSingleton(new UserHash(builder.Configuration["${c.envVar}"]));
var app = builder.Build();

app.MapGet("${stop(1, '/api/messenger/identity')}", (ClaimsPrincipal user, UserHash userHash) =>
{
    var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
    var email = user.FindFirstValue(ClaimTypes.Email);
    var identifier = ${csIdentifier(c)};
    if (identifier is null) return Results.Unauthorized();
    return Results.Json(new Dictionary<string, string?>
    {
${mapEntries(c, { id: 'id', email: 'email', hash: 'userHash.For(identifier)' }, (k, e) => `        ["${k}"] = ${e},`).join('\n')}
    });${stop(0)}
}).RequireAuthorization();

app.Run();

${csharpCore(c).code}
`,
  runnable: {
    filename: 'main.cs',
    // .NET 10 runs a single file directly; no project file needed.
    command: 'dotnet run main.cs',
    program: (c) => `${csharpCore(c).imports.join('\n')}

var userHash = new UserHash(Environment.GetEnvironmentVariable("IDV_SECRET"));
var identifier = Environment.GetEnvironmentVariable("IDV_IDENTIFIER") ?? "";
Console.WriteLine(userHash.For(identifier));
var candidate = Environment.GetEnvironmentVariable("IDV_VERIFY");
if (candidate is not null) Console.WriteLine(userHash.Verify(identifier, candidate) ? "true" : "false");

${csharpCore(c).code}
`,
  },
};

export const DOTNET_SNIPPETS: readonly SnippetDefinition[] = [aspnet];
