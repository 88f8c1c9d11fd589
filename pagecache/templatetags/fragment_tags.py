from django import template

from pagecache import fragments

register = template.Library()


@register.tag
def fragment(parser, token):
    """{% fragment "name" part ... [shows=tags] %}...{% endfragment %}: the enclosed template
    kept by pagecache.fragments under `name` and its parts (a page's id and revision, say),
    purged with what it shows: what is tagged while it is made, and `shows` (a list)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a name")
    shows = None
    parts = []
    for bit in bits[1:]:
        if bit.startswith("shows="):
            shows = parser.compile_filter(bit.removeprefix("shows="))
        else:
            parts.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parts[0], parts[1:], shows)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts, shows):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts
        self.shows = shows

    def render(self, context):
        shows = self.shows.resolve(context) if self.shows is not None else ()
        return fragments.cached(
            context.get("request"),
            self.name.resolve(context),
            [part.resolve(context) for part in self.parts],
            lambda: self.nodelist.render(context),
            shows=shows or (),
        )
