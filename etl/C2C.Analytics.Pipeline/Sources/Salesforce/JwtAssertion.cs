using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// The assertion of the OAuth 2.0 JWT bearer flow: header <c>{"alg":"RS256"}</c>, claims <c>iss</c> (the connected
/// app's consumer key), <c>sub</c> (the username), <c>aud</c> (the login host) and <c>exp</c> (three minutes ahead,
/// Salesforce's limit), signed with RSA SHA-256 by the key whose certificate the connected app holds.
/// </summary>
internal static class JwtAssertion
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    public static string Create(string clientId, string username, string audience, RSA key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var header = Base64Url("""{"alg":"RS256"}"""u8);
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = clientId,
            ["sub"] = username,
            ["aud"] = audience,
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
        }));
        var signed = header + "." + claims;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url(signature);
    }

    /// <summary>
    /// The RSA key in PEM text (PKCS#1 <c>BEGIN RSA PRIVATE KEY</c> or PKCS#8 <c>BEGIN PRIVATE KEY</c>); an environment
    /// variable may hold the line breaks as <c>\n</c>.
    /// </summary>
    /// <exception cref="SalesforceConfigurationException">The text is not an unencrypted RSA private key.</exception>
    public static RSA LoadKey(string pem, string setting)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem.Replace("\\n", "\n", StringComparison.Ordinal));
            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            // The key's text is never part of the message.
            throw new SalesforceConfigurationException(
                [$"{setting} is not an unencrypted RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)."]);
        }
    }

    private static string Base64Url(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
