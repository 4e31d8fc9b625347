using Workers.TaskManager.Aws;
using Workers.TaskManager.Options;
using Workers.TaskManager.References;
using Workers.Testing;

namespace Workers.TaskManager.Tests.Units;

// The reference policy of a test worker in the local environment, without a host.
internal static class Policies
{
    public const string Bucket = "workers-local-artifacts";

    public static ReferencePolicy For(string worker = "test")
    {
        var fleetWorker = TestFleet.Worker(worker, new TestTaskType("echo"));
        return new ReferencePolicy(new BucketLocator(Microsoft.Extensions.Options.Options.Create(new FleetOptions { Environment = "local" }), fleetWorker.Fleet), fleetWorker);
    }
}
