// GET /hello/{name} answers at once and records a HoneyHive event in the background; GET /sink shows the sink's
// counts. Configuration: HoneyHive:ApiKey (or HH_API_KEY), HoneyHive:BaseUrl, HoneyHive:Project,
// HoneyHive:Sink:FlushInterval, HoneyHive:Sink:DeadLetterPath (appsettings.json, environment variables such as
// HoneyHive__Sink__FlushInterval, or --HoneyHive:Sink:FlushInterval=00:00:02).
using HoneyHive.SinkSample;

var app = SinkSampleApp.Build(args);
await app.RunAsync();
