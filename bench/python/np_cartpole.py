"""A reconstruction of Gymnasium 1.x's numpy CartPoleVectorEnv.step (Euler, next-step autoreset), timed with
random actions drawn per step as action_space.sample() does (np_random.integers(0, 2, size=n)).
Not Gymnasium itself (it is not installed here): a same-machine sanity check of the 16 M steps/s reference."""
import sys, time
import numpy as np

class CartPoleVec:
    gravity, masscart, masspole, length, force_mag, tau = 9.8, 1.0, 0.1, 0.5, 10.0, 0.02
    total_mass = masspole + masscart
    polemass_length = masspole * length
    theta_threshold_radians = 12 * 2 * np.pi / 360
    x_threshold = 2.4

    def __init__(self, n, seed=0, max_episode_steps=500):
        self.n = n
        self.max_episode_steps = max_episode_steps
        self.np_random = np.random.default_rng(seed)
        self.low, self.high = -0.05, 0.05
        self.state = self.np_random.uniform(low=self.low, high=self.high, size=(4, n))
        self.steps = np.zeros(n, dtype=np.int32)
        self.prev_done = np.zeros(n, dtype=np.bool_)

    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = np.sign(action - 0.5) * self.force_mag
        costheta = np.cos(theta)
        sintheta = np.sin(theta)
        temp = (force + self.polemass_length * np.square(theta_dot) * sintheta) / self.total_mass
        thetaacc = (self.gravity * sintheta - costheta * temp) / (
            self.length * (4.0 / 3.0 - self.masspole * np.square(costheta) / self.total_mass))
        xacc = temp - self.polemass_length * thetaacc * costheta / self.total_mass
        x = x + self.tau * x_dot
        x_dot = x_dot + self.tau * xacc
        theta = theta + self.tau * theta_dot
        theta_dot = theta_dot + self.tau * thetaacc
        self.state = np.stack((x, x_dot, theta, theta_dot))
        terminated = ((x < -self.x_threshold) | (x > self.x_threshold)
                      | (theta < -self.theta_threshold_radians) | (theta > self.theta_threshold_radians))
        self.steps += 1
        truncated = self.steps >= self.max_episode_steps
        reward = np.ones_like(terminated, dtype=np.float32)
        self.state[:, self.prev_done] = self.np_random.uniform(
            low=self.low, high=self.high, size=(4, self.prev_done.sum()))
        self.steps[self.prev_done] = 0
        reward[self.prev_done] = 0.0
        terminated[self.prev_done] = False
        truncated[self.prev_done] = False
        self.prev_done = np.logical_or(terminated, truncated)
        return self.state.T.astype(np.float32), reward, terminated, truncated, {}

def main():
    n = int(sys.argv[1]); seconds = float(sys.argv[2]); repeats = int(sys.argv[3])
    env = CartPoleVec(n)
    act_rng = np.random.default_rng(1)
    def run(sec):
        steps = 0; t0 = time.perf_counter()
        while True:
            for _ in range(100):
                env.step(act_rng.integers(0, 2, size=n))
            steps += 100 * n
            t = time.perf_counter() - t0
            if t >= sec:
                return steps / t
    run(seconds)
    rates = sorted(run(seconds) for _ in range(repeats))
    print(f"numpy CartPoleVec n={n}: median {rates[len(rates)//2]/1e6:.1f} M steps/s, min {rates[0]/1e6:.1f}, max {rates[-1]/1e6:.1f} (numpy {np.__version__})")

main()
