"""A reconstruction of Gymnasium 1.x's Python CartPoleEnv.step (math.sin/cos, np.array state and float32
observation, action_space.contains check) behind a TimeLimit-like counter, with random actions from
np_random.integers. Gymnasium's own OrderEnforcing and PassiveEnvChecker wrappers are left out, so real
Gymnasium is somewhat slower than this. Not Gymnasium itself (not installed here)."""
import math, sys, time
import numpy as np

class CartPole:
    gravity, masscart, masspole, length, force_mag, tau = 9.8, 1.0, 0.1, 0.5, 10.0, 0.02
    total_mass = masspole + masscart
    polemass_length = masspole * length
    theta_threshold_radians = 12 * 2 * math.pi / 360
    x_threshold = 2.4

    def __init__(self, seed=0):
        self.np_random = np.random.default_rng(seed)
        self.steps_beyond_terminated = None

    def contains(self, a):
        return isinstance(a, (int, np.integer)) and 0 <= a < 2

    def reset(self):
        self.state = self.np_random.uniform(low=-0.05, high=0.05, size=(4,))
        self.steps_beyond_terminated = None
        self.elapsed = 0
        return np.array(self.state, dtype=np.float32), {}

    def step(self, action):
        assert self.contains(action), f"{action!r} ({type(action)}) invalid"
        x, x_dot, theta, theta_dot = self.state
        force = self.force_mag if action == 1 else -self.force_mag
        costheta = math.cos(theta)
        sintheta = math.sin(theta)
        temp = (force + self.polemass_length * np.square(theta_dot) * sintheta) / self.total_mass
        thetaacc = (self.gravity * sintheta - costheta * temp) / (
            self.length * (4.0 / 3.0 - self.masspole * np.square(costheta) / self.total_mass))
        xacc = temp - self.polemass_length * thetaacc * costheta / self.total_mass
        x = x + self.tau * x_dot
        x_dot = x_dot + self.tau * xacc
        theta = theta + self.tau * theta_dot
        theta_dot = theta_dot + self.tau * thetaacc
        self.state = np.array((x, x_dot, theta, theta_dot), dtype=np.float64)
        terminated = bool(x < -self.x_threshold or x > self.x_threshold
                          or theta < -self.theta_threshold_radians or theta > self.theta_threshold_radians)
        if not terminated:
            reward = 1.0
        elif self.steps_beyond_terminated is None:
            self.steps_beyond_terminated = 0
            reward = 1.0
        else:
            self.steps_beyond_terminated += 1
            reward = 0.0
        self.elapsed += 1
        truncated = self.elapsed >= 500
        return np.array(self.state, dtype=np.float32), reward, terminated, truncated, {}

def main():
    seconds = float(sys.argv[1]); repeats = int(sys.argv[2])
    env = CartPole()
    env.reset()
    act = np.random.default_rng(1)
    def run(sec):
        steps = 0; t0 = time.perf_counter()
        while True:
            for _ in range(1000):
                _, _, term, trunc, _ = env.step(act.integers(0, 2))
                if term or trunc:
                    env.reset()
            steps += 1000
            t = time.perf_counter() - t0
            if t >= sec:
                return steps / t
    run(seconds)
    rates = sorted(run(seconds) for _ in range(repeats))
    print(f"python CartPole single: median {rates[len(rates)//2]/1e6:.3f} M steps/s, min {rates[0]/1e6:.3f}, max {rates[-1]/1e6:.3f}")

main()
