"""A same-machine PyTorch baseline for `quiver train dqn` on CartPole-v1 with configs/dqn/CartPole-v1.yaml.

The loop mirrors Quiver's ValueLearner and Stable-Baselines3's DQN step for step: epsilon-greedy acting with
a linear schedule, a uniform replay buffer in numpy arrays, `gradient_steps` updates every `train_frequency`
env steps after `learning_starts`, Huber loss, Adam, global gradient-norm clipping, a hard target copy every
`target_network_frequency` env steps. CartPole is a numpy/math re-implementation of Gymnasium's equations
(Euler integration, 12 degrees / 2.4 m limits, 500-step truncation) because Gymnasium is not installed here.

It is NOT Stable-Baselines3 or CleanRL (neither is installable here): it is a lean PyTorch loop with no
framework overhead, so it is a lower bound on their wall time. Debian's python3-torch (1.13) provides torch.

Usage: python3 bench/python/torch_dqn_cartpole.py [STEPS] [SEED] [THREADS]
Prints one JSON line: wall seconds, env steps, gradient updates, updates per second, final greedy return.
"""
import json
import math
import sys
import time

import numpy as np
import torch
from torch import nn


class CartPole:
    gravity, masscart, masspole, length, force_mag, tau = 9.8, 1.0, 0.1, 0.5, 10.0, 0.02
    total_mass = masspole + masscart
    polemass_length = masspole * length
    theta_limit = 12 * 2 * math.pi / 360
    x_limit = 2.4

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.state = None
        self.t = 0

    def reset(self):
        self.state = self.rng.uniform(-0.05, 0.05, size=4)
        self.t = 0
        return self.state.astype(np.float32)

    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = self.force_mag if action == 1 else -self.force_mag
        cos, sin = math.cos(theta), math.sin(theta)
        temp = (force + self.polemass_length * theta_dot * theta_dot * sin) / self.total_mass
        theta_acc = (self.gravity * sin - cos * temp) / (
            self.length * (4.0 / 3.0 - self.masspole * cos * cos / self.total_mass))
        x_acc = temp - self.polemass_length * theta_acc * cos / self.total_mass
        x = x + self.tau * x_dot
        x_dot = x_dot + self.tau * x_acc
        theta = theta + self.tau * theta_dot
        theta_dot = theta_dot + self.tau * theta_acc
        self.state = np.array([x, x_dot, theta, theta_dot])
        self.t += 1
        terminated = bool(x < -self.x_limit or x > self.x_limit or theta < -self.theta_limit or theta > self.theta_limit)
        truncated = self.t >= 500
        return self.state.astype(np.float32), 1.0, terminated, truncated


def mlp(inp, out, hidden):
    layers, last = [], inp
    for h in hidden:
        layers += [nn.Linear(last, h), nn.ReLU()]
        last = h
    layers.append(nn.Linear(last, out))
    return nn.Sequential(*layers)


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    # configs/dqn/CartPole-v1.yaml (RL Zoo)
    lr, batch, buffer_size, learning_starts, gamma = 2.3e-3, 64, 100_000, 1000, 0.99
    target_freq, train_freq, gradient_steps = 10, 256, 128
    exploration_fraction, start_e, end_e, max_grad_norm = 0.16, 1.0, 0.04, 10.0

    env = CartPole(seed)
    rng = np.random.default_rng(seed + 1)
    q, target = mlp(4, 2, [256, 256]), mlp(4, 2, [256, 256])
    target.load_state_dict(q.state_dict())
    opt = torch.optim.Adam(q.parameters(), lr=lr)
    cap = min(buffer_size, steps)
    obs_buf = np.zeros((cap, 4), np.float32)
    next_buf = np.zeros((cap, 4), np.float32)
    act_buf = np.zeros(cap, np.int64)
    rew_buf = np.zeros(cap, np.float32)
    done_buf = np.zeros(cap, np.float32)
    size = pos = updates = 0

    start = time.perf_counter()
    obs = env.reset()
    for t in range(steps):
        eps = start_e + (end_e - start_e) * min(1.0, t / (exploration_fraction * steps))
        if rng.random() < eps:
            action = int(rng.integers(2))
        else:
            with torch.no_grad():
                action = int(q(torch.from_numpy(obs).unsqueeze(0)).argmax(1).item())
        next_obs, reward, terminated, truncated = env.step(action)
        obs_buf[pos], next_buf[pos], act_buf[pos], rew_buf[pos], done_buf[pos] = (
            obs, next_obs, action, reward, float(terminated))
        pos = (pos + 1) % cap
        size = min(size + 1, cap)
        obs = env.reset() if terminated or truncated else next_obs
        if t > learning_starts:
            if t % train_freq == 0:
                for _ in range(gradient_steps):
                    idx = rng.integers(size, size=batch)
                    o = torch.from_numpy(obs_buf[idx])
                    a = torch.from_numpy(act_buf[idx]).unsqueeze(1)
                    r = torch.from_numpy(rew_buf[idx])
                    n = torch.from_numpy(next_buf[idx])
                    d = torch.from_numpy(done_buf[idx])
                    with torch.no_grad():
                        y = r + gamma * (1 - d) * target(n).max(1).values
                    loss = nn.functional.smooth_l1_loss(q(o).gather(1, a).squeeze(1), y)
                    opt.zero_grad()
                    loss.backward()
                    nn.utils.clip_grad_norm_(q.parameters(), max_grad_norm)
                    opt.step()
                    updates += 1
            if t % target_freq == 0:
                target.load_state_dict(q.state_dict())
    wall = time.perf_counter() - start

    eval_env = CartPole(10_000 + seed)
    o, ret, done = eval_env.reset(), 0.0, False
    while not done:
        with torch.no_grad():
            a = int(q(torch.from_numpy(o).unsqueeze(0)).argmax(1).item())
        o, r, term, trunc = eval_env.step(a)
        ret += r
        done = term or trunc
    print(json.dumps({"impl": "pytorch " + torch.__version__, "threads": threads, "steps": steps, "seed": seed,
                      "wall_s": round(wall, 2), "updates": updates,
                      "updates_per_s": round(updates / wall, 1), "greedy_return": ret}))


if __name__ == "__main__":
    main()
