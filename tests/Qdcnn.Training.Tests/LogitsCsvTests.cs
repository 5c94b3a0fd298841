using System.Globalization;

namespace Qdcnn.Training.Tests;

public class LogitsCsvTests
{
    [Fact]
    public void HeaderRowsAndRoundTripPrecision()
    {
        double third = 1.0 / 3.0, tiny = -1.2345678901234567e-300;
        var evaluation = new Evaluation(2, 1, 0.5, [third, tiny, 0.1, 2.5], 2, [1, 0], 0.01);
        string csv = LogitsCsv.Format(evaluation, c => c == 0 ? "neg,ative" : "pos");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("index,label,logit0,logit1", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("0,pos,", lines[1]);
        Assert.StartsWith("1,\"neg,ative\",", lines[2]);
        var fields = lines[1].Split(',');
        Assert.Equal(third, double.Parse(fields[2], CultureInfo.InvariantCulture));
        Assert.Equal(tiny, double.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EvaluationPredictsTheArgMax()
    {
        var evaluation = new Evaluation(2, 0, 0, [0.1, 0.9, 0.7, -0.2], 2, [0, 0], 0);
        Assert.Equal(1, evaluation.PredictedClass(0));
        Assert.Equal(0, evaluation.PredictedClass(1));
    }
}
