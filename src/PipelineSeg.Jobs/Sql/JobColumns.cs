using System.Data.Common;

namespace PipelineSeg.Jobs.Sql;

/// <summary>
/// The <c>jobs</c> table as every SQL provider stores it: the same column names and types (text, 64-bit integers,
/// times as Unix milliseconds) so a SELECT and its row reader are shared. State is stored by <see cref="JobStates.Name"/>.
/// </summary>
internal static class JobColumns
{
    /// <summary>Columns in the order <see cref="Read"/> expects.</summary>
    public const string List = "id, dedup_key, origin, work_name, series_uid_hash, content_hash, pipeline, pipeline_version, model_version, "
        + "state, attempts, owner, enqueued_ms, not_before_ms, started_ms, finished_ms, error";

    /// <summary>The job in the current row of a reader that selected <see cref="List"/>.</summary>
    public static JobRecord Read(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var request = new JobRequest(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.GetString(6), reader.GetString(7), reader.GetString(8));
        var state = JobStates.Parse(reader.GetString(9)) ?? throw new InvalidDataException($"job {reader.GetInt64(0)} has an unknown state '{reader.GetString(9)}'");
        return new JobRecord(reader.GetInt64(0), request, state, (int)reader.GetInt64(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            Time(reader.GetInt64(12)), Time(reader.GetInt64(13)),
            reader.IsDBNull(14) ? null : Time(reader.GetInt64(14)),
            reader.IsDBNull(15) ? null : Time(reader.GetInt64(15)),
            reader.IsDBNull(16) ? null : reader.GetString(16));
    }

    /// <summary>A time as stored (Unix milliseconds).</summary>
    public static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>The one job <paramref name="command"/> selects, or null.</summary>
    public static async Task<JobRecord?> SingleAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var all = await AllAsync(command, cancellationToken).ConfigureAwait(false);
        return all.Count == 0 ? null : all[0];
    }

    /// <summary>Every job <paramref name="command"/> selects (with <see cref="List"/>), in its order.</summary>
    public static async Task<IReadOnlyList<JobRecord>> AllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var jobs = new List<JobRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(Read(reader));
        }
        return jobs;
    }

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
