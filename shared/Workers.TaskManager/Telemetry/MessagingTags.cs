namespace Workers.TaskManager.Telemetry;

// OpenTelemetry's messaging semantic conventions (https://opentelemetry.io/docs/specs/semconv/messaging/), the
// attributes a tracing backend groups SQS producers and consumers by, plus the fleet's own task attributes.
internal static class MessagingTags
{
    public const string System = "messaging.system";
    public const string SqsSystem = "aws_sqs";
    public const string OperationType = "messaging.operation.type";
    public const string OperationName = "messaging.operation.name";
    public const string Destination = "messaging.destination.name";
    public const string MessageId = "messaging.message.id";
    public const string ConversationId = "messaging.message.conversation_id";
    public const string DeliveryCount = "messaging.message.delivery_count";
    public const string TaskId = "workers.task.id";
    public const string TaskType = "workers.task.type";
    public const string GroupId = "workers.task.group_id";
    public const string Step = "workers.step.name";
    public const string StepItems = "workers.step.items";
    public const string StepOutcome = "workers.step.outcome";
}
