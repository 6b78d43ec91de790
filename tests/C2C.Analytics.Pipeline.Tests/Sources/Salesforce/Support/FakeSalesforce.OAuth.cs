using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;

/// <summary>
/// The token endpoint, <c>POST /services/oauth2/token</c>: checks the form of each flow against the org's connected
/// app (consumer key and secret, the user, the refresh token, a JWT assertion signed by the key whose public half the
/// app holds) and answers with the documented token response, or 400 with an OAuth error.
/// </summary>
public sealed partial class FakeSalesforce
{
    public const string ClientId = "3MVG9fakeConsumerKey.AbCdEf";
    public const string ClientSecret = "fake-client-secret-5c1e9b0d";
    public const string Username = "integration@example.com";
    public const string Password = "fake-password-8d2f";
    public const string SecurityToken = "FakeSecurityToken77";
    public const string RefreshTokenValue = "5Aep861fakeRefreshToken.QzX1";

    private readonly HashSet<string> _validTokens = [];
    private int _expireSessionsAt = -1;
    private int _issued;

    /// <summary>The connected app's certificate key pair: the client signs with the private half, this server verifies.</summary>
    public RSA Key { get; } = RSA.Create(2048);

    /// <summary>The private key in PEM, as the configuration holds it.</summary>
    public string PrivateKeyPem => Key.ExportPkcs8PrivateKeyPem();

    /// <summary>The JWT audience this org expects.</summary>
    public string Audience { get; set; } = "https://login.salesforce.com";

    /// <summary>The refresh token the org accepts now; with <see cref="RotateRefreshTokens"/>, each use issues a new one.</summary>
    public string CurrentRefreshToken { get; private set; } = RefreshTokenValue;

    public bool RotateRefreshTokens { get; set; }

    /// <summary>Answer every token request with this OAuth error (e.g. invalid_grant).</summary>
    public (string Error, string Description)? TokenError { get; set; }

    /// <summary>The forms of every token request, in order.</summary>
    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>Every access token issued, in order.</summary>
    public ConcurrentQueue<string> IssuedTokens { get; } = new();

    /// <summary>All sessions expire once this many more REST requests have been answered.</summary>
    public void ExpireSessionsAfter(int requests) => _expireSessionsAt = _dataRequests + requests;

    private Answer Token(Dictionary<string, string> form)
    {
        TokenRequests.Enqueue(form);
        if (TokenError is { } error)
        {
            return OAuthError(error.Error, error.Description);
        }

        string Field(string name) => form.TryGetValue(name, out var value) ? value : "";
        var clientOk = Field("client_id") == ClientId && Field("client_secret") == ClientSecret;
        var grant = Field("grant_type");
        var response = new JsonObject();
        switch (grant)
        {
            case "client_credentials" when clientOk:
                response["scope"] = "api";
                response["issued_at"] = "1751356800000";
                response["signature"] = "ZmFrZSBzaWduYXR1cmU=";
                break;
            case "password" when clientOk && Field("username") == Username && Field("password") == Password + SecurityToken:
                response["issued_at"] = "1751356800000";
                response["signature"] = "ZmFrZSBzaWduYXR1cmU=";
                break;
            case "refresh_token" when clientOk && Field("refresh_token") == CurrentRefreshToken:
                response["scope"] = "api refresh_token";
                response["issued_at"] = "1751356800000";
                if (RotateRefreshTokens)
                {
                    CurrentRefreshToken = RefreshTokenValue + "-rotated-" + _issued.ToString(CultureInfo.InvariantCulture);
                    response["refresh_token"] = CurrentRefreshToken;
                }

                break;
            case "urn:ietf:params:oauth:grant-type:jwt-bearer" when AssertionIsValid(Field("assertion")):
                response["scope"] = "api";
                break;
            case "client_credentials" or "password" or "refresh_token" or "urn:ietf:params:oauth:grant-type:jwt-bearer":
                return OAuthError("invalid_grant", grant switch
                {
                    "refresh_token" => "expired access/refresh token",
                    "urn:ietf:params:oauth:grant-type:jwt-bearer" => "user hasn't approved this consumer",
                    _ => "authentication failure",
                });
            default:
                return OAuthError("unsupported_grant_type", "grant type not supported");
        }

        var token = "00DFAKE000000001!AQ0fakeAccessToken" + Interlocked.Increment(ref _issued).ToString(CultureInfo.InvariantCulture);
        lock (_validTokens)
        {
            _validTokens.Add(token);
        }

        IssuedTokens.Enqueue(token);
        response["access_token"] = token;
        response["instance_url"] = BaseUrl;
        response["id"] = BaseUrl + "/id/00DFAKE000000001AAA/005FAKE000000001AAA";
        response["token_type"] = "Bearer";
        return new Answer(200, response);
    }

    /// <summary>The assertion's signature, checked with the public key, and its claims.</summary>
    private bool AssertionIsValid(string assertion)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        var signedPart = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!Key.VerifyData(signedPart, FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return false;
        }

        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        var c = claims.RootElement;
        return header.RootElement.GetProperty("alg").GetString() == "RS256"
            && c.GetProperty("iss").GetString() == ClientId
            && c.GetProperty("sub").GetString() == Username
            && c.GetProperty("aud").GetString() == Audience
            && DateTimeOffset.FromUnixTimeSeconds(c.GetProperty("exp").GetInt64()) is var exp
            && exp > DateTimeOffset.UtcNow && exp <= DateTimeOffset.UtcNow.AddMinutes(5);
    }

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private static Answer OAuthError(string error, string description) =>
        new(400, new JsonObject { ["error"] = error, ["error_description"] = description });
}
