namespace Upon.Testing;

/// <summary>The rank of a small matrix, by Gaussian elimination (the entries here are small whole numbers).</summary>
public static class LinearAlgebra
{
    public static int Rank(IReadOnlyList<double[]> rows, int width)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToList();
        var rank = 0;
        for (var col = 0; col < width && rank < m.Count; col++)
        {
            var pivot = -1;
            for (var r = rank; r < m.Count; r++)
            {
                if (Math.Abs(m[r][col]) > 1e-9 && (pivot < 0 || Math.Abs(m[r][col]) > Math.Abs(m[pivot][col])))
                {
                    pivot = r;
                }
            }
            if (pivot < 0)
            {
                continue;
            }
            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = 0; r < m.Count; r++)
            {
                if (r != rank && Math.Abs(m[r][col]) > 1e-9)
                {
                    var factor = m[r][col] / m[rank][col];
                    for (var c = 0; c < width; c++)
                    {
                        m[r][c] -= factor * m[rank][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
