using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoKms.IntegrationTests.Support;

/// <summary>Small helpers to speak the service's snake_case JSON in tests.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static StringContent Body(object value) =>
        new(JsonSerializer.Serialize(value, Options), Encoding.UTF8, "application/json");

    public static StringContent Raw(string json, string contentType = "application/json") =>
        new(json, Encoding.UTF8, contentType);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object value) =>
        client.PostAsync(path, Body(value));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object value) =>
        client.PatchAsync(path, Body(value));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object value) =>
        client.PutAsync(path, Body(value));

    public static Task<HttpResponseMessage> DeleteJsonAsync(this HttpClient client, string path, object value) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = Body(value) });

    public static async Task<JsonNode> ReadNodeAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("empty JSON");
    }

    public static async Task<JsonNode> ReadNodeAsync(this Task<HttpResponseMessage> response) =>
        await (await response).ReadNodeAsync();

    public static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Text(JsonNode? b64) => Encoding.UTF8.GetString(Convert.FromBase64String(b64!.GetValue<string>()));

    public static async Task<HttpResponseMessage> Ensure(this Task<HttpResponseMessage> call, System.Net.HttpStatusCode expected)
    {
        var response = await call;
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {(int)expected} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }
}
