"""BKN: backend flags. Most are keep rules (no finding); the cuFFT plan cache is reported."""
import torch

# Keep rules: harmless on every device, no finding.
torch.backends.cudnn.benchmark = True
torch.backends.cudnn.deterministic = False
torch.backends.cuda.matmul.allow_tf32 = True
v = torch.backends.cudnn.version()
torch.backends.cuda.enable_flash_sdp(True)
torch.backends.cuda.preferred_linalg_library("default")

# Findings.
cache = torch.backends.cuda.cufft_plan_cache  # expect: BKN006@9
cache.max_size = 8
torch.backends.cuda.cufft_plan_cache.clear()  # expect: BKN006@1

torch.backends.cuda.cufft_plan_cache.clear()  # torchdevice: ignore[BKN006]  # suppressed: BKN006@1

# Near misses.
benchmark = True
cudnn_flag = "torch.backends.cudnn.benchmark"
