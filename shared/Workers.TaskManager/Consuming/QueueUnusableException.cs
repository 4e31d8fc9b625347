namespace Workers.TaskManager.Consuming;

// A receive failed in a way no retry fixes (see FatalReceiveErrors): the consumer stops and the worker exits 1.
internal sealed class QueueUnusableException(string queueUrl, string whatToFix, Exception innerException)
    : Exception($"Cannot receive from {queueUrl}: {whatToFix}.", innerException)
{
    public string QueueUrl { get; } = queueUrl;

    public string WhatToFix { get; } = whatToFix;
}
