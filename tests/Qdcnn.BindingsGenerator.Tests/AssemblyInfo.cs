// libclang is loaded once per process; tests parse one header at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
