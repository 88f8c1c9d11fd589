from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """How the newsroom works in the admin: its groups and workflow, the editor's dashboard
    panel and the story listings the desk works from."""

    name = "newsroom"
    verbose_name = "Newsroom"
