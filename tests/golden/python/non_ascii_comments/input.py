# -*- coding: utf-8 -*-
# Gerät auswählen — 选择设备 🚀
import torch

# Überprüfen, ob die GPU verfügbar ist
gerät = torch.device("cuda")  # «cuda» bleibt im Kommentar
x = torch.zeros(2, device=gerät)
print("läuft auf cuda ✓")
