"""The demo's pictures: drawn, not photographed (demo/images.py), in two colours each."""

IMAGES = {
    "harbour-dawn": {
        "title": "Harbour at dawn",
        "description": "Fishing boats moored in a grey harbour as the sun rises",
        "colours": ("#1d3557", "#e9c46a"),
    },
    "river-ferry": {
        "title": "River ferry",
        "description": "An empty ferry landing on a wide brown river",
        "colours": ("#264653", "#a8dadc"),
    },
    "power-lines": {
        "title": "Power lines in snow",
        "description": "High-voltage pylons crossing a snowy field at dusk",
        "colours": ("#0b132b", "#5bc0be"),
    },
    "polling-station": {
        "title": "Polling station",
        "description": "Voters queueing outside a school used as a polling station",
        "colours": ("#3d405b", "#f2cc8f"),
    },
    "newsroom": {
        "title": "Newsroom at night",
        "description": "Desks and screens in a small newsroom late at night",
        "colours": ("#22223b", "#c9ada7"),
    },
    "vineyard": {
        "title": "Dry vineyard",
        "description": "Rows of vines on cracked, dry soil under a white sky",
        "colours": ("#6d597a", "#eaac8b"),
    },
    "drone-sky": {
        "title": "Drone over fields",
        "description": "A small drone silhouetted against a pale evening sky",
        "colours": ("#14213d", "#fca311"),
    },
    "tram-street": {
        "title": "Tram street",
        "description": "A yellow tram climbing a narrow street of tiled houses",
        "colours": ("#2a9d8f", "#e76f51"),
    },
    "portrait-a": {
        "title": "Portrait: Inès Marlow",
        "description": "Inès Marlow, Europe editor",
        "colours": ("#355070", "#eaac8b"),
    },
    "portrait-b": {
        "title": "Portrait: Ilya Sorin",
        "description": "Ilya Sorin, translator and correspondent",
        "colours": ("#4a4e69", "#9a8c98"),
    },
    "portrait-c": {
        "title": "Portrait: Marta Kovač",
        "description": "Marta Kovač, climate reporter",
        "colours": ("#386641", "#f2e8cf"),
    },
    "portrait-d": {
        "title": "Portrait: Tomás Aranha",
        "description": "Tomás Aranha, Lisbon correspondent",
        "colours": ("#003049", "#fcbf49"),
    },
    "logo-plain-facts": {
        "title": "Logo: Plain Facts",
        "description": "The logo of Plain Facts",
        "colours": ("#000000", "#d62828"),
    },
    "logo-north-wind": {
        "title": "Logo: North Wind",
        "description": "The logo of North Wind",
        "colours": ("#023e8a", "#90e0ef"),
    },
    "logo-gazeta": {
        "title": "Logo: Gazeta do Alvo",
        "description": "The logo of Gazeta do Alvo",
        "colours": ("#9d0208", "#ffba08"),
    },
}
