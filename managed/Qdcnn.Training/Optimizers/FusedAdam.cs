using System.Numerics;
using Qdcnn.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Training.Optimizers;

/// <summary>
/// Adam with exactly <c>torch.optim.Adam</c>'s update (no weight decay, no AMSGrad, minimising), applied to every
/// parameter in managed code over the parameters' and gradients' own CPU memory: no libtorch op per parameter.
/// For models with a few small parameters (the quantum MSFF models) libtorch's ~10 small ops per parameter per
/// step cost far more than the arithmetic.
/// </summary>
/// <remarks>
/// Per parameter with a gradient g, at its step t (counted from 1, only when it has a gradient), as TorchSharp's Adam:
/// m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; p ← p − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε).
/// Arithmetic is in the parameter's element type, with the coefficients rounded to it, as libtorch does on the CPU;
/// results may differ from libtorch's in the last bit (libtorch's vectorised kernels may fuse multiply-adds).
/// Parameters must be contiguous float64 or float32 CPU tensors; their gradients are read where autograd left them.
/// </remarks>
public sealed class FusedAdam
{
    private readonly Parameter[] _parameters;
    private readonly IAdamState[] _states;

    /// <summary>Creates the optimiser; moments start at zero as in torch.optim.Adam.</summary>
    /// <exception cref="ArgumentException">A hyper-parameter is out of range, or a parameter is not a contiguous float64/float32 CPU tensor.</exception>
    public FusedAdam(IEnumerable<Parameter> parameters, double lr, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(lr >= 0)) throw new ArgumentException($"Invalid learning rate: {lr}.", nameof(lr));
        if (!(eps >= 0)) throw new ArgumentException($"Invalid ε: {eps}.", nameof(eps));
        if (beta1 is < 0 or >= 1 || double.IsNaN(beta1)) throw new ArgumentException($"Invalid beta1: {beta1}.", nameof(beta1));
        if (beta2 is < 0 or >= 1 || double.IsNaN(beta2)) throw new ArgumentException($"Invalid beta2: {beta2}.", nameof(beta2));
        LearningRate = lr;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = eps;
        _parameters = parameters.ToArray();
        _states = new IAdamState[_parameters.Length];
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (p.device_type != DeviceType.CPU || !p.is_contiguous())
                throw new ArgumentException("FusedAdam updates contiguous CPU parameters only.", nameof(parameters));
            int length = checked((int)p.numel());
            _states[i] = p.dtype switch
            {
                ScalarType.Float64 => new AdamState<double>(length),
                ScalarType.Float32 => new AdamState<float>(length),
                _ => throw new ArgumentException($"FusedAdam updates float64 or float32 parameters, not {p.dtype}.", nameof(parameters)),
            };
        }
    }

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>β1 (first-moment decay).</summary>
    public double Beta1 { get; }

    /// <summary>β2 (second-moment decay).</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to the bias-corrected √v.</summary>
    public double Epsilon { get; }

    /// <summary>Sets every existing gradient to zero in place (parameters without a gradient keep none).</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            using var grad = p.grad;
            if (grad is null) continue;
            if (grad.is_contiguous() && grad.device_type == DeviceType.CPU) grad.bytes.Clear();
            else grad.zero_();
        }
    }

    /// <summary>One Adam update of every parameter that has a gradient.</summary>
    public void Step()
    {
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            using var grad = p.grad;
            if (grad is null) continue;
            using var contiguous = grad.is_contiguous() && grad.dtype == p.dtype ? grad.alias() : grad.to_type(p.dtype).contiguous();
            _states[i].Update(p, contiguous, this);
        }
    }

    private interface IAdamState
    {
        void Update(Tensor parameter, Tensor grad, FusedAdam options);
    }

    /// <summary>Moments of one parameter, in its element type.</summary>
    private sealed class AdamState<T>(int length) : IAdamState where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] _expAvg = new T[length];
        private readonly T[] _expAvgSq = new T[length];
        private long _step;

        public void Update(Tensor parameter, Tensor grad, FusedAdam options)
        {
            _step++;
            double biasCorrection1 = 1 - Math.Pow(options.Beta1, _step);
            double biasCorrection2 = 1 - Math.Pow(options.Beta2, _step);
            T beta1 = T.CreateChecked(options.Beta1), oneMinusBeta1 = T.CreateChecked(1 - options.Beta1);
            T beta2 = T.CreateChecked(options.Beta2), oneMinusBeta2 = T.CreateChecked(1 - options.Beta2);
            T sqrtBiasCorrection2 = T.CreateChecked(Math.Sqrt(biasCorrection2));
            T eps = T.CreateChecked(options.Epsilon);
            T negativeStepSize = T.CreateChecked(-(options.LearningRate / biasCorrection1));

            Span<T> p = TensorMemory.Span<T>(parameter);
            ReadOnlySpan<T> g = TensorMemory.Span<T>(grad);
            for (int j = 0; j < p.Length; j++)
            {
                T m = _expAvg[j] * beta1 + oneMinusBeta1 * g[j];
                T v = _expAvgSq[j] * beta2 + oneMinusBeta2 * g[j] * g[j];
                _expAvg[j] = m;
                _expAvgSq[j] = v;
                T denominator = T.Sqrt(v) / sqrtBiasCorrection2 + eps;
                p[j] += negativeStepSize * (m / denominator);
            }
        }
    }
}
