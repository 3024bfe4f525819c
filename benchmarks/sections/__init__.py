"""The benchmark's sections, one module each; importing this registers them in the order they run."""

import importlib

ORDER = ("sie", "inlasning", "summering", "steg", "interaktion", "forsta_vy", "webblasare", "nyttolast", "portfolj")

for _name in ORDER:
    importlib.import_module(f"sections.{_name}")
