namespace BpfSharp.Runtime.Tests.Tracing;

/// <summary>__data_loc fields put their brackets on the type, before the name: <c>__data_loc char[] parent_comm</c>.</summary>
public class TracepointFormatDataLocTests
{
    [Fact]
    public void Data_loc_field_names_are_the_identifier_after_the_brackets()
    {
        const string text = """
            name: sched_process_fork
            format:
            	field:__data_loc char[] parent_comm;	offset:8;	size:4;	signed:0;
            	field:pid_t parent_pid;	offset:12;	size:4;	signed:1;
            	field:char rwbs[10];	offset:34;	size:10;	signed:0;
            """;
        var format = TracepointFormat.Parse("sched", "sched_process_fork", text);

        Assert.Equal(new[] { "parent_comm@8:4", "parent_pid@12:4", "rwbs@34:10" }, format.Fields.Select(f => $"{f.Name}@{f.Offset}:{f.Size}"));
        format.Check(new[] { new TracepointField("ParentComm", 8, 4), new TracepointField("Rwbs", 34, 10) });
    }
}
