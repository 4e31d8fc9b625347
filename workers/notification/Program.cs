using Workers.Hosting;
using Workers.Notification;
using Workers.Notification.Data;
using Workers.Notification.Email;
using Workers.Notification.Push;
using Workers.TaskManager;

return await WorkerProgram.RunAsync("notification", args, builder =>
{
    builder.Services.AddNotificationSenders();
    builder.AddTaskManager("notification")
        .UseDatabase<NotificationDbContext>(NotificationDbContext.Schema)
        .AddTask<SendEmailBody, SendEmailHandler>("sendEmail")
        .AddTask<SendNotificationBody, SendNotificationHandler>("sendNotification")
        .AddTask<CheckPushReceiptsBody, CheckPushReceiptsHandler>(SendNotificationHandler.CheckReceiptsType);
});
