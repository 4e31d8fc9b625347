using System.Net.Http.Json;
using System.Text.Json;

namespace Workers.Api.Tests.Infrastructure;

// Reading answers as JSON documents, so assertions name the wire's members as clients see them.
internal static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).Clone();

    public static JsonContent Body(object value) => JsonContent.Create(value);
}
