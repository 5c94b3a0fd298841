using Qdcnn.Cli;

// Entry point of `qdcnn`: exit code 0 ok, 1 runtime failure, 2 usage error.
return QdcnnCli.Run(args, new CliContext(Console.Out, Console.Error, Console.In,
    Interactive: !Console.IsOutputRedirected && !Console.IsErrorRedirected));
