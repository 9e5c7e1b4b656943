namespace AutoKms.Application.Tokens;

/// <summary>A token just issued, with its secret: the only time the secret is shown.</summary>
public sealed record IssuedToken(TokenDto Token, string Secret)
{
    public override string ToString() => $"IssuedToken {Token.Id} (secret hidden)";
}
