package dev.quiver.bandits.sparse;

import java.util.ArrayList;
import java.util.List;

/**
 * A finite net of the unit sphere in {@code R^s}: every unit vector lies within {@code resolution} of some
 * point. For {@code s = 1} the points are {@code +1, -1}; for {@code s >= 2}, grid points with spacing at
 * most {@code h = resolution / sqrt(s - 1)} on the surface of the cube {@code [-1, 1]^s}, normalised (a unit
 * {@code v} scaled to the cube surface, {@code w = v / ||v||_inf}, has a grid point within
 * {@code h sqrt(s - 1) / 2} on its face, and normalising at most doubles the distance since
 * {@code ||w|| >= 1}). About {@code 2 s (2 / h)^(s - 1)} points.
 */
public final class SphereNet {
    private SphereNet() {
    }

    /** The net's points. */
    public static List<double[]> points(int s, double resolution) {
        if (s < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + s);
        }
        if (!(resolution > 0)) {
            throw new IllegalArgumentException("resolution must be positive, got " + resolution);
        }
        List<double[]> out = new ArrayList<>();
        if (s == 1) {
            out.add(new double[] {1});
            out.add(new double[] {-1});
            return out;
        }
        double h = resolution / Math.sqrt(s - 1);
        int steps = (int) Math.ceil(2 / h);
        double spacing = 2.0 / steps;
        int[] idx = new int[s - 1];
        for (int face = 0; face < s; face++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                java.util.Arrays.fill(idx, 0);
                while (true) {
                    double[] p = new double[s];
                    int j = 0;
                    double norm2 = 1;
                    for (int c = 0; c < s; c++) {
                        if (c == face) {
                            p[c] = sign;
                        } else {
                            p[c] = -1 + spacing * idx[j++];
                            norm2 += p[c] * p[c];
                        }
                    }
                    double inv = 1 / Math.sqrt(norm2);
                    for (int c = 0; c < s; c++) {
                        p[c] *= inv;
                    }
                    out.add(p);
                    int i = 0;
                    while (i < s - 1 && idx[i] == steps) {
                        idx[i++] = 0;
                    }
                    if (i == s - 1) {
                        break;
                    }
                    idx[i]++;
                }
            }
        }
        return out;
    }
}
