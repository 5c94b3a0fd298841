#!/usr/bin/env pwsh
<#
.SYNOPSIS
    One entry point for every build, test and benchmark task of Qdcnn.

.DESCRIPTION
    Runs under PowerShell 7 installed as a local dotnet tool:
        dotnet tool restore
        dotnet pwsh ./build.ps1 <task> [-Configuration Release]

    Tasks:
        native          configure and build native/ (library + GoogleTest suite)
        native-test     build native/ and run its GoogleTest suite under ctest
        native-asan     build native/ with AddressSanitizer + UndefinedBehaviorSanitizer and run ctest
        bench           build and run the native Google Benchmark suite (pass extra args after --)
        bindings        regenerate bindings/Qdcnn.Interop/Generated from the C header
        check-bindings  regenerate the bindings and fail if the committed files differ
        build           build every .NET project (builds native/ through MSBuild as needed)
        managed-test    run every xunit test project
        test            native-test + managed-test: every test of the project
        all             native-test, check-bindings, build, managed-test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('native', 'native-test', 'native-asan', 'bench', 'bindings', 'check-bindings',
                 'build', 'managed-test', 'test', 'all')]
    [string] $Task = 'all',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    [Parameter(ValueFromRemainingArguments = $true)]
    [string[]] $Rest = @()
)

$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $true
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$Solution = Join-Path $Root 'Qdcnn.Native.sln'
$Jobs = [Math]::Max(1, [Environment]::ProcessorCount)

function Invoke-NativeBuild([string] $BuildDir, [string[]] $ExtraArgs) {
    cmake -S $Root -B $BuildDir "-DCMAKE_BUILD_TYPE=$Configuration" @ExtraArgs
    cmake --build $BuildDir -j $Jobs
}

function Invoke-NativeTests([string] $BuildDir) {
    ctest --test-dir $BuildDir --output-on-failure -j $Jobs
}

function Invoke-Native {
    Invoke-NativeBuild (Join-Path $Root "artifacts/native/$Configuration") @('-DQDCNN_BUILD_TESTS=ON')
}

function Invoke-NativeTest {
    Invoke-Native
    Invoke-NativeTests (Join-Path $Root "artifacts/native/$Configuration")
}

function Invoke-NativeAsan {
    $dir = Join-Path $Root 'artifacts/native/asan'
    Invoke-NativeBuild $dir @('-DQDCNN_BUILD_TESTS=ON', '-DQDCNN_SANITIZE=ON')
    $env:ASAN_OPTIONS = 'detect_leaks=1:abort_on_error=1'
    $env:UBSAN_OPTIONS = 'print_stacktrace=1:halt_on_error=1'
    Invoke-NativeTests $dir
}

function Invoke-Bench {
    $dir = Join-Path $Root 'artifacts/native/bench'
    Invoke-NativeBuild $dir @('-DQDCNN_BUILD_TESTS=OFF', '-DQDCNN_BUILD_BENCHMARKS=ON')
    & (Join-Path $dir 'bench/native/qdcnn_bench') @Rest
}

function Invoke-Bindings([switch] $Check) {
    $generator = Join-Path $Root 'bindings/generator/Qdcnn.BindingsGenerator'
    $arguments = @('run', '--project', $generator, '-c', $Configuration, '--')
    if ($Check) { $arguments += '--check' }
    dotnet @arguments
}

function Invoke-Build {
    dotnet build $Solution -c $Configuration
}

function Invoke-ManagedTest {
    # Test assemblies run one at a time: libtorch's seed and thread count are process-wide, and the
    # machine has two cores.
    dotnet test $Solution -c $Configuration -m:1 -- RunConfiguration.MaxCpuCount=1
}

function Invoke-CheckBindings { Invoke-Bindings -Check }

# Runs every step even when an earlier one fails (so one red suite does not hide the others), then
# fails if any did.
function Invoke-All([string[]] $Steps) {
    $failed = @()
    foreach ($step in $Steps) {
        try { & $step }
        catch {
            Write-Host "build.ps1: $step failed: $($_.Exception.Message)" -ForegroundColor Red
            $failed += $step
        }
    }
    if ($failed.Count -gt 0) { throw "build.ps1: failed steps: $($failed -join ', ')" }
}

switch ($Task) {
    'native' { Invoke-Native }
    'native-test' { Invoke-NativeTest }
    'native-asan' { Invoke-NativeAsan }
    'bench' { Invoke-Bench }
    'bindings' { Invoke-Bindings }
    'check-bindings' { Invoke-Bindings -Check }
    'build' { Invoke-Build }
    'managed-test' { Invoke-ManagedTest }
    'test' { Invoke-All @('Invoke-NativeTest', 'Invoke-ManagedTest') }
    'all' { Invoke-All @('Invoke-NativeTest', 'Invoke-CheckBindings', 'Invoke-Build', 'Invoke-ManagedTest') }
}
