using System.Net;
using System.Text;
using Workers.Api.Tests.Infrastructure;

namespace Workers.Api.Tests;

public sealed class ProblemDetailsTests : ApiTest
{
    [Fact]
    public async Task An_invalid_build_request_gets_a_problem_naming_each_field()
    {
        var api = StartApi(new Dictionary<string, string?> { ["Api:MaxSourceBytes"] = "1024" });
        using var client = await ClientAsync(api, "enqueue");

        var errors = await ErrorsAsync(client, new { options = new { engine = "webpack", viteConfig = new { } } });
        Assert.Contains("source", errors.Keys);
        Assert.Contains("options.engine", errors.Keys);
        Assert.Contains("options.viteConfig", errors.Keys);

        errors = await ErrorsAsync(client, new { source = new string('x', 2000) });
        Assert.Contains("2,000 bytes", errors["source"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_does_not_fit_the_request_names_the_member_by_its_path()
    {
        var api = StartApi();
        using var client = await ClientAsync(api, "enqueue");
        using var wrongType = await client.PostAsync("/api/builds", Raw("""{"source":"x","options":{"minify":"yes"}}"""), Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await Json.ReadAsync(wrongType)).GetProperty("errors").TryGetProperty("options.minify", out _));

        using var typo = await client.PostAsync("/api/builds", Raw("""{"source":"x","optons":{}}"""), Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("optons", (await Json.ReadAsync(typo)).GetProperty("errors").ToString(), StringComparison.Ordinal);

        using var header = new HttpRequestMessage(HttpMethod.Post, "/api/builds") { Content = Raw("""{"source":"x"}""") };
        header.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 200));
        using var badKey = await client.SendAsync(header, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.True((await Json.ReadAsync(badKey)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task An_unknown_worker_or_task_type_is_a_404_problem_and_a_declared_one_is_enqueued()
    {
        var api = StartApi();
        using var client = await ClientAsync(api, "enqueue");
        using var worker = await client.PostAsync("/api/tasks/nosuch/updateStock", Raw("{}"), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, worker.StatusCode);
        Assert.Contains("product", (await Json.ReadAsync(worker)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var type = await client.PostAsync("/api/tasks/product/nosuch", Raw("{}"), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, type.StatusCode);
        Assert.Contains("updateStock", (await Json.ReadAsync(type)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tasks/product/updateStock") { Content = Raw("""{"items":[{"sku":"A","delta":1}]}""") };
        request.Headers.Add("X-Message-Group-Id", "store-1");
        using var accepted = await client.SendAsync(request, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var taskId = (await Json.ReadAsync(accepted)).GetProperty("taskId").GetString();

        var received = Assert.Single(await Queues.ReceiveAsync(Queues.QueueUrl, 1, TimeSpan.FromSeconds(10)));
        Assert.Equal("store-1", received.Attributes["MessageGroupId"]);
        Assert.Contains(taskId!, received.Body, StringComparison.Ordinal);
        Assert.Contains("\"sku\":\"A\"", received.Body, StringComparison.Ordinal);
    }

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsync("/api/builds", Json.Body(body), Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
    }
}
