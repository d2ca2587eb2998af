package care.m2m.advisor.maintenance;

import care.m2m.advisor.history.Point;
import java.time.Instant;
import java.util.List;

/**
 * COP as a plane over outdoor temperature and time, {@code cop = a + b * outdoor + c * day}, fitted by least
 * squares. Separating the two is what lets a drop in efficiency be told apart from a cold spell.
 */
record CopModel(double a, double perDegree, double perDay, double rSquared, double meanOutdoorC) {

    static CopModel fit(List<Point> cop, List<Point> outdoor, Instant origin) {
        double[][] m = new double[3][3];
        double[] v = new double[3];
        double sumY = 0;
        double sumYy = 0;
        double sumT = 0;
        int j = 0;
        double[][] rows = new double[cop.size()][];
        for (int i = 0; i < cop.size(); i++) {
            Point p = cop.get(i);
            while (j + 1 < outdoor.size() && !outdoor.get(j + 1).at().isAfter(p.at())) {
                j++;
            }
            double[] x = {1, outdoor.get(j).value(), (p.at().getEpochSecond() - origin.getEpochSecond()) / 86_400.0};
            rows[i] = x;
            for (int r = 0; r < 3; r++) {
                v[r] += x[r] * p.value();
                for (int c = 0; c < 3; c++) {
                    m[r][c] += x[r] * x[c];
                }
            }
            sumY += p.value();
            sumYy += p.value() * p.value();
            sumT += x[1];
        }
        double[] beta = solve(m, v);
        int n = cop.size();
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double fitted = beta[0] + beta[1] * rows[i][1] + beta[2] * rows[i][2];
            residual += Math.pow(cop.get(i).value() - fitted, 2);
        }
        double total = sumYy - sumY * sumY / n;
        double r2 = total <= 0 ? 0 : Math.max(0, 1 - residual / total);
        return new CopModel(beta[0], beta[1], beta[2], r2, sumT / n);
    }

    double copAt(double outdoorC, double day) {
        return a + perDegree * outdoorC + perDay * day;
    }

    /** Gaussian elimination with partial pivoting; a singular system gives zeros (no trend). */
    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][n + 1];
        for (int r = 0; r < n; r++) {
            System.arraycopy(m[r], 0, a[r], 0, n);
            a[r][n] = v[r];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                return new double[n];
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = a[r][n] / a[r][r];
        }
        return x;
    }
}
