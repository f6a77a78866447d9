"""A same-machine PyTorch baseline for `quiver bench offline --algorithms td3bc`: TD3+BC gradient steps
(Fujimoto & Gu 2021, as CORL's td3_bc.py structures them) on a synthetic dataset with 17-dim observations and
6-dim actions, 256-256 MLPs, batch 256, one thread. Each step: twin-critic update with target policy smoothing,
and every second step the actor update (lambda = alpha / mean|Q|) and Polyak target updates.

Our own code, not CORL's; Debian's python3-torch (1.13, OpenBLAS) provides torch.
Usage: /usr/bin/python3 bench/python/torch_td3bc_step.py [STEPS] [THREADS]
Prints one JSON line with the median and min/max steps per second over windows of 100 steps.
"""
import copy
import json
import statistics
import sys
import time

import torch
from torch import nn


def mlp(inp, out, final=None):
    layers = [nn.Linear(inp, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, out)]
    if final is not None:
        layers.append(final)
    return nn.Sequential(*layers)


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    n, obs_dim, act_dim, batch = 100_000, 17, 6, 256
    obs = torch.randn(n, obs_dim)
    act = torch.rand(n, act_dim) * 2 - 1
    rew = torch.randn(n, 1)
    nxt = torch.randn(n, obs_dim)
    done = (torch.rand(n, 1) < 0.01).float()
    actor = mlp(obs_dim, act_dim, nn.Tanh())
    q1, q2 = mlp(obs_dim + act_dim, 1), mlp(obs_dim + act_dim, 1)
    actor_t, q1_t, q2_t = copy.deepcopy(actor), copy.deepcopy(q1), copy.deepcopy(q2)
    actor_opt = torch.optim.Adam(actor.parameters(), lr=3e-4)
    critic_opt = torch.optim.Adam(list(q1.parameters()) + list(q2.parameters()), lr=3e-4)
    gamma, tau, alpha, noise, noise_clip = 0.99, 0.005, 2.5, 0.2, 0.5

    def step(it):
        idx = torch.randint(0, n, (batch,))
        s, a, r, s2, d = obs[idx], act[idx], rew[idx], nxt[idx], done[idx]
        with torch.no_grad():
            eps = (torch.randn_like(a) * noise).clamp(-noise_clip, noise_clip)
            a2 = (actor_t(s2) + eps).clamp(-1, 1)
            x2 = torch.cat([s2, a2], 1)
            y = r + gamma * (1 - d) * torch.min(q1_t(x2), q2_t(x2))
        x = torch.cat([s, a], 1)
        critic_loss = ((q1(x) - y) ** 2).mean() + ((q2(x) - y) ** 2).mean()
        critic_opt.zero_grad()
        critic_loss.backward()
        critic_opt.step()
        if it % 2 == 0:
            pi = actor(s)
            q = q1(torch.cat([s, pi], 1))
            lmbda = alpha / q.abs().mean().detach()
            actor_loss = -lmbda * q.mean() + ((pi - a) ** 2).mean()
            actor_opt.zero_grad()
            actor_loss.backward()
            actor_opt.step()
            with torch.no_grad():
                for net, tgt in ((actor, actor_t), (q1, q1_t), (q2, q2_t)):
                    for p, pt in zip(net.parameters(), tgt.parameters()):
                        pt.mul_(1 - tau).add_(p, alpha=tau)

    for it in range(200):
        step(it)
    rates = []
    for w in range(steps // 100):
        t0 = time.perf_counter()
        for it in range(100):
            step(it)
        rates.append(100 / (time.perf_counter() - t0))
    print(json.dumps({"impl": "pytorch " + torch.__version__, "algorithm": "td3bc", "threads": threads,
                      "median_steps_per_s": round(statistics.median(rates), 1), "min": round(min(rates), 1),
                      "max": round(max(rates), 1)}))


if __name__ == "__main__":
    main()
