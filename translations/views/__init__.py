"""The admin views of the translation desk, and the guards around wagtail-localize's."""
