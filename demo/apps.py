from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content: load_demo (the magazine `make run` shows) and generate_content (a
    synthetic archive for benchmarks)."""

    name = "demo"
    verbose_name = "Demo content"
