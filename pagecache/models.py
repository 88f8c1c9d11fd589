from django.db import models


class PendingPurge(models.Model):
    """A purge the cache has not confirmed yet. Written in the transaction of the change it
    purges, so that it exists exactly when the change does; deleted once the cache has
    taken its marks (pagecache.purge)."""

    tags = models.JSONField()
    urls = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"Purge of {len(self.tags)} tags, {self.created_at:%Y-%m-%d %H:%M:%S}"
