using Workers.Domain;
using Workers.Hosting;
using Workers.Item.CreateItem;
using Workers.Item.UpdateItem;
using Workers.Item.UpdateMycaItem;
using Workers.TaskManager;

return await WorkerProgram.RunAsync("item", args, builder =>
{
    builder.Services.AddPosDomain<PosDbContext>();
    builder.AddTaskManager("item")
        .UseDatabase<PosDbContext>(PosDbContext.Schema)
        .AddTask<CreateItemBody, CreateItemHandler>("createItem")
        .AddTask<UpdateItemBody, UpdateItemHandler>("updateItem")
        .AddTask<UpdateMycaItemBody, UpdateMycaItemHandler>("updateMycaItem");
});
