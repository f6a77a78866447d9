package dev.quiver.envs.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** The small-angle sin/cos of the CartPole kernel must be as accurate as Math.sin/cos (1 ulp). */
class CartPoleKernelTest {

    /** sin(x) to 40 digits by its Taylor series in BigDecimal (|x| <= 0.25 converges fast). */
    private static double exactSin(double x) {
        MathContext mc = new MathContext(40);
        BigDecimal bx = new BigDecimal(x);
        BigDecimal term = bx;
        BigDecimal sum = bx;
        for (int k = 1; k < 20; k++) {
            term = term.multiply(bx, mc).multiply(bx, mc).divide(BigDecimal.valueOf((2L * k) * (2L * k + 1)), mc)
                    .negate();
            sum = sum.add(term, mc);
        }
        return sum.doubleValue();
    }

    /** cos(x) to 40 digits by its Taylor series in BigDecimal. */
    private static double exactCos(double x) {
        MathContext mc = new MathContext(40);
        BigDecimal bx = new BigDecimal(x);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k < 20; k++) {
            term = term.multiply(bx, mc).multiply(bx, mc).divide(BigDecimal.valueOf((2L * k - 1) * (2L * k)), mc)
                    .negate();
            sum = sum.add(term, mc);
        }
        return sum.doubleValue();
    }

    @Test
    void smallAngleSinAndCosAreWithinOneUlpOfTheTrueValue() {
        UniformRandomProvider rng = Seeds.rng(2026);
        for (int i = 0; i < 5_000; i++) {
            double x = (2 * rng.nextDouble() - 1) * CartPoleKernel.SMALL_ANGLE;
            double s = exactSin(x);
            double c = exactCos(x);
            assertEquals(s, CartPoleKernel.sinSmall(x), Math.ulp(s), "sin " + x);
            assertEquals(c, CartPoleKernel.cosSmall(x), Math.ulp(c), "cos " + x);
        }
        assertEquals(0.0, CartPoleKernel.sinSmall(0.0));
        assertEquals(1.0, CartPoleKernel.cosSmall(0.0));
    }

    @Test
    void largeAnglesUseTheLibraryFunctions() {
        CartPoleKernel k = new CartPoleKernel(1);
        k.setState(0, new double[] {0, 0, 1.0, 0});
        assertTrue(k.step(0, 1));
        double sin = Math.sin(1.0);
        double cos = Math.cos(1.0);
        double temp = 10.0 / 1.1;
        double thetaAcc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3.0 - 0.1 * (cos * cos) / 1.1));
        assertEquals(0.02 * thetaAcc, k.thetaDot[0], 0.0);
    }
}
