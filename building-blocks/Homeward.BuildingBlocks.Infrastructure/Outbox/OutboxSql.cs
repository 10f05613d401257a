namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Outbox schema objects that EF Core's model cannot express, for each service's migrations.</summary>
public static class OutboxSql
{
    /// <summary>The channel a service's dispatchers LISTEN on for new outbox rows.</summary>
    public static string Channel(string schema) => $"{schema}_outbox";

    /// <summary>
    /// A statement-level trigger that notifies <see cref="Channel"/> whenever rows are added to the outbox, so that
    /// every dispatcher of the service, in any process, wakes at once; the in-process signal only reaches the writer's own.
    /// </summary>
    public static string CreateNotifyTrigger(string schema) =>
        $"""
         CREATE OR REPLACE FUNCTION "{schema}".notify_outbox() RETURNS trigger LANGUAGE plpgsql AS
         $$ BEGIN PERFORM pg_notify('{Channel(schema)}', ''); RETURN NULL; END $$;
         CREATE OR REPLACE TRIGGER outbox_messages_notify AFTER INSERT ON "{schema}".outbox_messages
             FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".notify_outbox();
         """;

    public static string DropNotifyTrigger(string schema) =>
        $"""
         DROP TRIGGER IF EXISTS outbox_messages_notify ON "{schema}".outbox_messages;
         DROP FUNCTION IF EXISTS "{schema}".notify_outbox();
         """;
}
