// Benchmarks of the generated HoneyHive Kiota client against the STJ source-gen baseline, and of the
// background sink and the parallel export against their direct equivalents (Sink/).
// Usage (see bench/README.md):
//   --check                 self-check only
//   --probe stj|fast|stock|get-stj|get-kiota|export-kiota [n]  quick Stopwatch + allocation probe
//   --quick [BDN args]      short job (1 launch, 3 warm-ups, 5 iterations); all suites unless --filter is given.
//                           The Enqueue suites set their own warm-up/iteration counts (one 1,000-write call per
//                           iteration), the throughput suite 9 warm-ups and 10 iterations.
//   [BDN args]              BenchmarkDotNet's own switches, e.g. --filter '*Parse*' --job short
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using HoneyHive.Kiota.Benchmarks;

if (args.Length > 0 && args[0] == "--probe")
{
    AllocationProbe.Run(args.Length > 1 ? args[1] : "fast", args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return 0;
}

// Always first: a parser that drops data must fail here rather than look fast below.
SelfCheck.Run();
if (args.Contains("--check"))
{
    return 0;
}

var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToList();
if (!rest.Contains("--filter"))
{
    rest.AddRange(["--filter", "*"]);
}

// The machine is shared and has 2 cores: a short job keeps a full run to a few minutes, and building the
// benchmark's child project under other engineers' load can take longer than BenchmarkDotNet's 2-minute default.
IConfig config = quick
    ? DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("Quick").AsDefault())
    : DefaultConfig.Instance;
config = ManualConfig.Create(config).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(ParsePageBenchmarks).Assembly).Run([.. rest], config);
return 0;
