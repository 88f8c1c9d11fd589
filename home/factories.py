"""Factories for the front page (tests only). Pages take `parent=`."""

import wagtail_factories

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"

    class Meta:
        model = HomePage
