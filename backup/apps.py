from django.apps import AppConfig


class BackupConfig(AppConfig):
    """backup_site and restore_site, and the exact-JSON serializer they write with."""

    name = "backup"
    verbose_name = "Backup and restore"
