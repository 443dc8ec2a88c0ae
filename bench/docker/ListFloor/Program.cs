using System.Net.Sockets;
using System.Text;
using System.Text.Json;

var socketPath = args.Length > 0 ? args[0] : "/var/run/docker.sock";
var filter = Uri.EscapeDataString("{\"label\":[\"dev.gitspaces.provider=docker\"]}");
var volumes = Task.Run(() => Get(socketPath, "/volumes?filters=" + filter));
var containers = Get(socketPath, "/containers/json?all=1&filters=" + filter);
var ids = new List<string>();
var reader = new Utf8JsonReader(containers);
while (reader.Read())
{
    if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("Id"u8) && reader.Read())
    {
        ids.Add(reader.GetString() ?? string.Empty);
    }
}

var volumeBytes = (await volumes).Length;
using var stdout = Console.OpenStandardOutput();
using var writer = new Utf8JsonWriter(stdout);
writer.WriteStartObject();
writer.WriteStartArray("gitspaces");
foreach (var id in ids)
{
    writer.WriteStartObject();
    writer.WriteString("id", id);
    writer.WriteEndObject();
}

writer.WriteEndArray();
writer.WriteNumber("volumeBytes", volumeBytes);
writer.WriteEndObject();

// HTTP/1.0 so that the engine closes the connection after the body: no chunked decoding to do.
static byte[] Get(string socketPath, string path)
{
    using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    socket.Connect(new UnixDomainSocketEndPoint(socketPath));
    socket.Send(Encoding.ASCII.GetBytes("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n"));
    using var response = new MemoryStream();
    var buffer = new byte[65536];
    int read;
    while ((read = socket.Receive(buffer)) > 0)
    {
        response.Write(buffer, 0, read);
    }

    var all = response.ToArray();
    return all[(all.AsSpan().IndexOf("\r\n\r\n"u8) + 4)..];
}
