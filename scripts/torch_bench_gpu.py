"""The PyTorch side of the GPU figures in docs/PERFORMANCE.md: the networks of the shared peer
(../shared/peer/torch_bench.py) on CUDA, each timing synchronised.

Usage: python3 scripts/torch_bench_gpu.py   (torch_bench.py beside it, or in ../shared/peer)
"""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [here, os.path.join(here, "..", "..", "shared", "peer")]
import time, statistics
import torch, torch.nn.functional as F, torchvision
from torch_bench import cifar_resnet

dev = torch.device("cuda")

def timeit(fn, warm=5, reps=20):
    for _ in range(warm):
        fn()
    torch.cuda.synchronize()
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); fn(); torch.cuda.synchronize(); ts.append(time.perf_counter() - t)
    return statistics.median(ts)

print("torch", torch.__version__, torch.cuda.get_device_name(0))
with torch.no_grad():
    m = torchvision.models.resnet50().eval().to(dev)
    x = torch.randn(1, 3, 224, 224, device=dev)
    print(f"gpu_resnet50_b1_infer_ms {timeit(lambda: m(x)) * 1e3:.2f} ms")
    xb = torch.randn(32, 3, 224, 224, device=dev)
    print(f"gpu_resnet50_b32_infer_img_per_s {32 / timeit(lambda: m(xb)):.0f} img/s")
m = cifar_resnet(3).to(dev)
opt = torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
x = torch.randn(128, 1, 28, 28, device=dev); y = torch.randint(0, 10, (128,), device=dev)
def step():
    opt.zero_grad(); F.cross_entropy(m(x), y).backward(); opt.step()
print(f"gpu_resnet20_train_b128_img_per_s {128 / timeit(step):.0f} img/s")
m.eval()
with torch.no_grad():
    xi = torch.randn(256, 1, 28, 28, device=dev)
    print(f"gpu_resnet20_infer_b256_img_per_s {256 / timeit(lambda: m(xi)):.0f} img/s")
