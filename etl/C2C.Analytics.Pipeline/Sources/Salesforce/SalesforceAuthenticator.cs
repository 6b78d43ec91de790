using System.Security.Cryptography;
using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// Signs in with the configured OAuth 2.0 flow: <c>POST {LoginUrl}/services/oauth2/token</c>, form-encoded. The answer's
/// <c>instance_url</c> is where every other call goes. Salesforce sends no expiry: the session is used until a call is
/// refused (401), then the client signs in again. A refresh token Salesforce rotates is used from then on (in memory:
/// store the new one if the old stops working). Every secret this class holds is listed by <see cref="Secrets"/> so that
/// the client can blank it out of any text it reports.
/// </summary>
internal sealed class SalesforceAuthenticator : IDisposable
{
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly SalesforceOptions _options;
    private readonly TimeProvider _clock;
    private readonly RSA? _key;
    private readonly List<string> _issued = [];
    private string? _refreshToken;

    public SalesforceAuthenticator(SalesforceOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _refreshToken = options.RefreshToken?.Trim();
        if (options.AuthFlow == SalesforceAuthFlow.JwtBearer)
        {
            _key = options.PrivateKey is { Length: > 0 } pem
                ? JwtAssertion.LoadKey(pem, "Salesforce:PrivateKey")
                : JwtAssertion.LoadKey(File.ReadAllText(options.PrivateKeyFile!), $"Salesforce:PrivateKeyFile '{options.PrivateKeyFile}'");
        }
    }

    public Uri TokenUrl => new(_options.LoginUrl.TrimEnd('/') + "/services/oauth2/token");

    /// <summary>The flow's name as the token endpoint knows it, for messages.</summary>
    public string GrantType => _options.AuthFlow switch
    {
        SalesforceAuthFlow.ClientCredentials => "client_credentials",
        SalesforceAuthFlow.JwtBearer => "jwt-bearer",
        SalesforceAuthFlow.RefreshToken => "refresh_token",
        _ => "password",
    };

    public HttpRequestMessage TokenRequest()
    {
        var form = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                form.Add(new(name, value));
            }
        }

        var clientId = _options.ClientId!.Trim();
        switch (_options.AuthFlow)
        {
            case SalesforceAuthFlow.ClientCredentials:
                Add("grant_type", "client_credentials");
                Add("client_id", clientId);
                Add("client_secret", _options.ClientSecret);
                break;
            case SalesforceAuthFlow.JwtBearer:
                var assertion = JwtAssertion.Create(clientId, _options.Username!.Trim(), _options.Audience(), _key!, _clock.GetUtcNow());
                _issued.Add(assertion);
                Add("grant_type", JwtBearerGrant);
                Add("assertion", assertion);
                break;
            case SalesforceAuthFlow.RefreshToken:
                Add("grant_type", "refresh_token");
                Add("client_id", clientId);
                Add("client_secret", _options.ClientSecret);
                Add("refresh_token", _refreshToken);
                break;
            default:
                Add("grant_type", "password");
                Add("client_id", clientId);
                Add("client_secret", _options.ClientSecret);
                Add("username", _options.Username!.Trim());
                Add("password", _options.Password + _options.SecurityToken);
                break;
        }

        return new HttpRequestMessage(HttpMethod.Post, TokenUrl) { Content = new FormUrlEncodedContent(form) };
    }

    /// <summary>The session in a 200 answer of the token endpoint.</summary>
    /// <exception cref="InvalidDataException">The answer has no access token or no usable instance URL.</exception>
    public async Task<SalesforceSession> ReadTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = document.RootElement;
        string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var token = Text("access_token");
        var instance = Text("instance_url");
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidDataException($"The Salesforce login ({GrantType}) at {TokenUrl} answered without an access_token.");
        }

        _issued.Add(token);
        if (!SalesforceOptions.IsHttps(instance))
        {
            throw new InvalidDataException($"The Salesforce login ({GrantType}) at {TokenUrl} answered with instance_url '{instance}', which is not an https URL.");
        }

        if (Text("refresh_token") is { Length: > 0 } rotated && _options.AuthFlow == SalesforceAuthFlow.RefreshToken)
        {
            _refreshToken = rotated;
            _issued.Add(rotated);
        }

        return new SalesforceSession(token, new Uri(instance!.TrimEnd('/') + "/"));
    }

    /// <summary>What to tell someone whose sign-in Salesforce refused.</summary>
    public string Hint(SalesforceFailure failure)
    {
        var error = failure.Error.ErrorCode;
        if (error is "invalid_client_id" or "invalid_client")
        {
            return " Check C2C__Salesforce__ClientId and C2C__Salesforce__ClientSecret: the connected app's consumer key and secret.";
        }

        if (error is "inactive_user" or "inactive_org")
        {
            return " The integration user or the org is not active.";
        }

        if (error != "invalid_grant")
        {
            return failure.HttpStatus is 400 or 401 or 403 ? " Check Salesforce:LoginUrl (production, sandbox or My Domain) and Salesforce:AuthFlow." : "";
        }

        return _options.AuthFlow switch
        {
            SalesforceAuthFlow.ClientCredentials =>
                " Enable the client credentials flow in the connected app, give it a Run As user, and sign in at the org's My Domain (Salesforce:LoginUrl).",
            SalesforceAuthFlow.JwtBearer =>
                " The connected app must pre-authorise the user (Permitted Users: admin approved users are pre-authorized, with the user's profile or permission set added), hold the certificate of the key used, and Salesforce:Username must be that user (Salesforce:LoginUrl and JwtAudience: test.salesforce.com for sandboxes).",
            SalesforceAuthFlow.RefreshToken =>
                " The refresh token was revoked or has expired: authorise the connected app again and store the new refresh token in C2C__Salesforce__RefreshToken.",
            _ =>
                " Check the username, password and security token (C2C__Salesforce__Username, __Password, __SecurityToken), and that the org still allows the username-password flow.",
        };
    }

    /// <summary>Every secret this sign-in uses or received: configured ones, assertions, tokens.</summary>
    public IEnumerable<string> Secrets() =>
        new[] { _options.ClientSecret, _options.Password, _options.SecurityToken, _options.Password + _options.SecurityToken, _options.RefreshToken, _options.PrivateKey }
            .Concat(_issued)
            .OfType<string>();

    public void Dispose() => _key?.Dispose();
}
